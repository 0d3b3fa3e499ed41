//! A pattern's entry on its page: the top (breadcrumb, name, summary, tags
//! and problem) and, below the simulation, the rest of the text (forces,
//! solution, how it works, when to use it or not, trade-offs and related
//! patterns).

use super::builder::{Html, Markup};
use super::links::Links;
use crate::catalog::{Catalog, Pattern};

/// The top of `pattern`'s entry, down to its Problem section. The static
/// page scripts/post-build.mjs writes for each pattern repeats it: change
/// them together (tests/e2e/shell.test.mjs).
pub fn entry_top(pattern: &Pattern, catalog: &Catalog, links: &Links) -> Html {
    let mut m = Markup::new();
    m.open("nav", &[("aria-label", "Breadcrumb"), ("class", "breadcrumb")]);
    links.open(&mut m, &links.home(), None);
    m.text("All patterns");
    m.close("a");
    m.text(" / ");
    links.open(&mut m, &links.category(&pattern.category), None);
    m.text(catalog.category_name(&pattern.category));
    m.close("a");
    m.close("nav");
    m.leaf("h1", &[("id", "pattern-title")], &pattern.name);
    m.leaf("p", &[("class", "lede")], &pattern.summary);
    m.open("ul", &[("class", "tags"), ("aria-label", "Tags")]);
    for tag in &pattern.tags {
        m.open("li", &[]);
        links.open(&mut m, &links.tag(tag), Some("tag"));
        m.text(&format!("#{tag}"));
        m.close("a");
        m.close("li");
    }
    m.close("ul");
    open_section(&mut m, "problem", "Problem");
    m.leaf("p", &[], &pattern.problem);
    m.close("section");
    m.finish()
}

/// The entry below its simulation. Related patterns missing from `catalog`
/// are left out.
pub fn entry_rest(pattern: &Pattern, catalog: &Catalog, links: &Links) -> Html {
    let mut m = Markup::new();
    list_section(&mut m, "forces", "Forces", "ul", &pattern.forces);
    open_section(&mut m, "solution", "Solution");
    m.leaf("p", &[], &pattern.solution);
    m.close("section");
    list_section(&mut m, "how-it-works", "How it works", "ol", &pattern.how_it_works);
    m.open("div", &[("class", "two-columns")]);
    list_section(&mut m, "when-to-use", "When to use", "ul", &pattern.when_to_use);
    list_section(
        &mut m,
        "when-not-to-use",
        "When not to use",
        "ul",
        &pattern.when_not_to_use,
    );
    m.close("div");
    list_section(
        &mut m,
        "tradeoffs",
        "Trade-offs and consequences",
        "ul",
        &pattern.tradeoffs,
    );
    open_section(&mut m, "related", "Related patterns");
    m.open("ul", &[("class", "related")]);
    for related in &pattern.related {
        let Some(other) = catalog.pattern(&related.slug) else {
            continue;
        };
        related_item(&mut m, links, other, &related.why);
    }
    m.close("ul");
    m.close("section");
    m.finish()
}

/// An item of a list of related patterns: a link to `pattern`, then `why`
/// it is related (also the not-found page's suggestions, with the summary).
pub(super) fn related_item(m: &mut Markup, links: &Links, pattern: &Pattern, why: &str) {
    m.open("li", &[]);
    links.open(m, &links.pattern(&pattern.slug), None);
    m.text(&pattern.name);
    m.close("a");
    m.leaf("span", &[("class", "related-why")], why);
    m.close("li");
}

/// Opens a titled section of the entry, `<section class="entry-section ID">`
/// labelled by its `<h2 id="ID-heading">`; close it with
/// `m.close("section")`.
fn open_section(m: &mut Markup, id: &str, title: &str) {
    let heading = format!("{id}-heading");
    m.open(
        "section",
        &[("class", &format!("entry-section {id}")), ("aria-labelledby", &heading)],
    );
    m.leaf("h2", &[("id", &heading)], title);
}

/// A titled section holding `items` as a `list` (`ul` or `ol`) of text.
fn list_section(m: &mut Markup, id: &str, title: &str, list: &'static str, items: &[String]) {
    open_section(m, id, title);
    m.open(list, &[]);
    for item in items {
        m.leaf("li", &[], item);
    }
    m.close(list);
    m.close("section");
}
