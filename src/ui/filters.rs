//! The category and tag chips: what each says, and keeping them in step.
//! Each choice shows how many patterns it would leave; tags combine with
//! AND, which the legend says. A large catalog offers its most used tags
//! first and the rest on request (see [`crate::search::offered_tags`]).
//!
//! Each list of chips is written whole when the choices it lists change;
//! a change of the counts then rewrites only the chips whose count or
//! selection changed, in place. The counts come from
//! [`super::filter_counts`], which lets a keystroke paint its results first.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::data::{self, TagChoices};
use super::filter_counts::FilterCounts;
use super::in_place::{find, set_flag, set_text};
use super::url_view::UrlView;
use crate::catalog::Catalog;
use crate::markup::{Chip, Facet, chip_disabled, chips, patterns_in_parentheses};
use crate::search::{FacetCount, ViewResults, offered_tags};
use crate::ui::markup_host::set_markup;

/// The count and selection of the facet at `at` in `facets`, if it is the
/// one named `slug`.
fn facet_state(facets: &[FacetCount], at: usize, slug: &str) -> (usize, bool) {
    facets
        .get(at)
        .filter(|f| f.slug == slug)
        .map_or((0, false), |f| (f.count, f.selected))
}

/// The category chips, `All` first, as `results` counts them (`All` is
/// selected when `no_category`).
pub fn category_chips(catalog: &'static Catalog, results: &ViewResults<'_>, no_category: bool) -> Vec<Chip<'static>> {
    let all = Chip {
        facet: Facet::AnyCategory,
        label: "All",
        count: results.any_category,
        selected: no_category,
    };
    let categories = catalog.categories.iter().enumerate().map(|(at, category)| {
        let (count, selected) = facet_state(&results.categories, at, &category.slug);
        Chip {
            facet: Facet::Category(&category.slug),
            label: &category.name,
            count,
            selected,
        }
    });
    std::iter::once(all).chain(categories).collect()
}

/// The chips of the tags in `offered`, as `results` counts them.
pub fn tag_chip_list(offered: &[&'static str], results: &ViewResults<'_>) -> Vec<Chip<'static>> {
    let all = &data::tag_choices().all;
    offered
        .iter()
        .map(|&tag| {
            let at = all.binary_search(&tag).unwrap_or(usize::MAX);
            let (count, selected) = facet_state(&results.tags, at, tag);
            Chip {
                facet: Facet::Tag(tag),
                label: tag,
                count,
                selected,
            }
        })
        .collect()
}

/// The tags offered: (expanded, tags). While collapsed, a tag once offered
/// stays offered, so the list only changes on expanding or collapsing it
/// and on navigation, never under the chip just clicked, and is written
/// again whole when it does.
pub fn offered(url: UrlView, expanded: RwSignal<bool>) -> Memo<(bool, Vec<&'static str>)> {
    let choices: &'static TagChoices = data::tag_choices();
    Memo::new(move |before: Option<&(bool, Vec<&'static str>)>| {
        if expanded.get() {
            return (true, choices.all.clone());
        }
        let before = before
            .filter(|(was_expanded, _)| !was_expanded)
            .map_or(&[][..], |(_, tags)| tags);
        (
            false,
            offered_tags(&choices.all, &choices.common, before, &url.view.read().tags),
        )
    })
}

/// Keeps the chips under `root` in step with `counts`: the category chips
/// (`All` first) and the tags `offered`.
pub fn keep_chips_in_step(
    catalog: &'static Catalog,
    root: NodeRef<Div>,
    counts: FilterCounts,
    url: UrlView,
    offered: Memo<(bool, Vec<&'static str>)>,
) {
    // The selection alone, so that typing does not update the "All" chip
    // ahead of the counts.
    let no_category = Memo::new(move |_| url.view.read().category.is_none());
    keep_list_in_step(
        root,
        "[data-slot=categories]",
        Box::new(move || counts.with(|r| category_chips(catalog, r, no_category.get()))),
    );
    keep_list_in_step(
        root,
        "[data-slot=tags]",
        Box::new(move || {
            let tags = offered.read();
            counts.with(|r| tag_chip_list(&tags.1, r))
        }),
    );
}

/// Keeps the list `selector` finds under `root` showing the chips `read`
/// returns: written whole when it first can be and whenever the choices
/// listed change, and otherwise only the chips whose count or selection
/// changed, in place.
fn keep_list_in_step(root: NodeRef<Div>, selector: &'static str, read: Box<dyn Fn() -> Vec<Chip<'static>>>) {
    Effect::new(move |shown: Option<Option<Vec<Chip<'static>>>>| {
        let now = read();
        let list = find(root, selector)?;
        let shown = shown
            .flatten()
            .filter(|shown| shown.len() == now.len() && shown.iter().zip(&now).all(|(a, b)| a.facet == b.facet));
        let Some(shown) = shown else {
            set_markup(&list, &chips(&now));
            return Some(now);
        };
        let buttons = list.query_selector_all("button").ok()?;
        for (at, (before, chip)) in shown.iter().zip(&now).enumerate() {
            if before != chip
                && let Some(button) = buttons.item(at as u32).and_then(|n| n.dyn_into::<Element>().ok())
            {
                show_chip_state(&button, chip);
            }
        }
        Some(now)
    });
}

/// Writes a chip's count and selection into its button, in place.
fn show_chip_state(button: &Element, chip: &Chip<'_>) {
    let _ = button.set_attribute("aria-pressed", if chip.selected { "true" } else { "false" });
    set_flag(button, "disabled", chip_disabled(chip.count, chip.selected));
    if let Ok(Some(badge)) = button.query_selector(".count") {
        set_text(&badge, &chip.count.to_string());
        let _ = badge.set_attribute("aria-label", &patterns_in_parentheses(chip.count));
    }
}
