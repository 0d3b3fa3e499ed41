//! The home page's controls as markup: the search box, the category and
//! tag chips (each with the number of patterns its choice would leave),
//! the status line and what a link asked for that was ignored.
//!
//! The UI writes them once and then changes only what changes in place
//! (a chip's count, whether it is pressed or disabled), so that focus stays
//! on the control in use; the tag list is written again only when the tags
//! offered change. What a click means is read from the chips'
//! `data-category` and `data-tag` and the buttons' `data-act`, by one
//! listener for the whole page.

use super::builder::{Html, Markup};
use crate::search::ViewResults;

/// What a chip chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet<'a> {
    /// Every category (its `data-category` is empty).
    AnyCategory,
    /// The category with this slug.
    Category(&'a str),
    /// The tag with this slug.
    Tag(&'a str),
}

/// A chip: what it chooses, what it says, how many patterns the view would
/// show with its choice, and whether the choice is in the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip<'a> {
    pub facet: Facet<'a>,
    pub label: &'a str,
    pub count: usize,
    pub selected: bool,
}

/// The `data-act` of the home page's other buttons.
pub const SHOW_MORE_TAGS: &str = "more-tags";
/// The `data-act` of the button that clears the search and the filters.
pub const CLEAR_VIEW: &str = "clear";

/// What the home page's controls show when they are written.
#[derive(Debug)]
pub struct Controls<'a> {
    /// The search text.
    pub q: &'a str,
    /// (expanded, how many tags there are), when not every tag is offered
    /// at first.
    pub more_tags: Option<(bool, usize)>,
    /// How many patterns are shown, of how many.
    pub shown: usize,
    pub total: usize,
    /// Whether the view is other than the default one.
    pub filtered: bool,
}

/// The search box, the filters with empty lists of chips (`data-slot`
/// `categories` and `tags`, for [`chips`]), the status line and an empty
/// slot (`data-slot="ignored"`) for [`ignored_notice`].
pub fn home_controls(controls: &Controls<'_>) -> Html {
    let mut m = Markup::new();
    search_form(&mut m, controls.q);
    filters(&mut m, controls.more_tags);
    status_line(&mut m, controls.shown, controls.total, controls.filtered);
    m.slot("ignored");
    m.finish()
}

/// The search box holding `q`, labelled, in a search landmark.
fn search_form(m: &mut Markup, q: &str) {
    m.open("form", &[("class", "search-form"), ("role", "search")]);
    m.leaf("label", &[("for", "search-input")], "Search patterns");
    m.open("div", &[("class", "search-row")]);
    let input = [
        ("id", "search-input"),
        ("type", "search"),
        ("autocomplete", "off"),
        ("spellcheck", "false"),
        ("placeholder", "A problem, a name or a tag: e.g. charged twice"),
        ("value", q),
    ];
    m.open("input", &input);
    m.close("div");
    m.close("form");
}

/// The lists of category and tag chips, with a button that shows every
/// tag when only the common ones are offered: `more_tags` is (expanded,
/// how many tags there are).
fn filters(m: &mut Markup, more_tags: Option<(bool, usize)>) {
    m.open("div", &[("class", "filters")]);
    m.open("fieldset", &[("class", "filter-group")]);
    m.leaf("legend", &[], "Category");
    m.leaf("ul", &[("class", "chips"), ("data-slot", "categories")], "");
    m.close("fieldset");
    m.open("fieldset", &[("class", "filter-group")]);
    m.open("legend", &[]);
    m.text("Tags ");
    m.leaf(
        "span",
        &[("class", "filter-hint")],
        "(a pattern must have every selected tag)",
    );
    m.close("legend");
    m.leaf("ul", &[("class", "chips"), ("data-slot", "tags")], "");
    if let Some((expanded, total)) = more_tags {
        let attributes = [
            ("type", "button"),
            ("class", "link-button more-tags"),
            ("data-act", SHOW_MORE_TAGS),
            ("aria-expanded", if expanded { "true" } else { "false" }),
        ];
        m.leaf("button", &attributes, &more_tags_label(expanded, total));
    }
    m.close("fieldset");
    m.close("div");
}

/// A list's chips, each an item.
pub fn chips(chips: &[Chip<'_>]) -> Html {
    let mut m = Markup::new();
    for chip in chips {
        write_chip(&mut m, chip);
    }
    m.finish()
}

/// A toggle button for one filter choice, with the number of patterns it
/// would leave; a choice that would leave none is disabled unless selected.
fn write_chip(m: &mut Markup, chip: &Chip<'_>) {
    let (data, value) = match chip.facet {
        Facet::AnyCategory => ("data-category", ""),
        Facet::Category(slug) => ("data-category", slug),
        Facet::Tag(slug) => ("data-tag", slug),
    };
    let pressed = if chip.selected { "true" } else { "false" };
    m.open("li", &[]);
    let attributes = [
        ("type", "button"),
        ("class", "chip"),
        ("aria-pressed", pressed),
        (data, value),
    ];
    m.open_flagged(
        "button",
        &attributes,
        ("disabled", chip_disabled(chip.count, chip.selected)),
    );
    if let Facet::Tag(_) = chip.facet {
        m.text("#");
    }
    m.text(chip.label);
    let count = chip.count.to_string();
    m.leaf(
        "span",
        &[("class", "count"), ("aria-label", &patterns_in_parentheses(chip.count))],
        &count,
    );
    m.close("button");
    m.close("li");
}

/// Whether a chip is disabled: its choice would leave nothing and is not
/// already made.
pub const fn chip_disabled(count: usize, selected: bool) -> bool {
    count == 0 && !selected
}

/// A chip's count as its accessible name reads it: "(1 pattern)", "(3 patterns)".
pub fn patterns_in_parentheses(count: usize) -> String {
    if count == 1 {
        "(1 pattern)".to_owned()
    } else {
        format!("({count} patterns)")
    }
}

/// What the button that shows every tag says.
pub fn more_tags_label(expanded: bool, total: usize) -> String {
    if expanded {
        "Show fewer tags".to_owned()
    } else {
        format!("Show all {total} tags")
    }
}

/// The status line: how many patterns are shown, and a way back to all of
/// them (`hidden` while the view is the default one).
fn status_line(m: &mut Markup, shown: usize, total: usize, filtered: bool) {
    m.open("div", &[("class", "status-line")]);
    let count = [
        ("role", "status"),
        ("aria-live", "polite"),
        ("aria-atomic", "true"),
        ("class", "result-count"),
    ];
    m.leaf("p", &count, &shown_count(shown, total));
    let clear = [("type", "button"), ("class", "link-button"), ("data-act", CLEAR_VIEW)];
    m.leaf_flagged("button", &clear, ("hidden", !filtered), "Clear search and filters");
    m.close("div");
}

/// "Showing all 8 patterns", "Showing 3 of 8 patterns".
pub fn shown_count(shown: usize, total: usize) -> String {
    if shown == total {
        format!("Showing all {total} patterns")
    } else {
        format!("Showing {shown} of {total} patterns")
    }
}

/// What the link asked for that the results ignored: an unknown category
/// or unknown tags; nothing when it asked for none.
pub fn ignored_notice(result: &ViewResults<'_>) -> Html {
    let mut m = Markup::new();
    let mut ignored: Vec<String> = Vec::new();
    if let Some(category) = &result.unknown_category {
        ignored.push(format!("unknown category “{category}”"));
    }
    ignored.extend(result.unknown_tags.iter().map(|t| format!("unknown tag “{t}”")));
    if !ignored.is_empty() {
        m.leaf(
            "p",
            &[("class", "notice")],
            &format!("Ignored in this link: {}.", ignored.join(", ")),
        );
    }
    m.finish()
}
