//! The category and tag filters. Each choice shows how many patterns it
//! would leave; tags combine with AND, which the legend says. A large
//! catalog offers its most used tags first and the rest on request (see
//! [`crate::search::offered_tags`]).
//!
//! Each chip reads its own count through a memo of its own, so a change
//! reruns only the chips whose count changed; the counts come from
//! [`super::filter_counts`], which lets a keystroke paint its results first.

use leptos::prelude::*;

use super::data;
use super::filter_counts::FilterCounts;
use super::url_view::UrlView;
use crate::search::{FacetCount, offered_tags};
use crate::ui::collect_any::CollectAny;

/// A chip's count and whether its choice is selected.
type ChipState = (usize, bool);

/// The state of the facet at `at` in `facets`, if it is the one named `slug`.
fn facet_state(facets: &[FacetCount], at: usize, slug: &str) -> ChipState {
    facets
        .get(at)
        .filter(|f| f.slug == slug)
        .map_or((0, false), |f| (f.count, f.selected))
}

/// One category at a time, or all of them.
#[component]
pub fn CategoryFilter(counts: FilterCounts) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let categories = data::catalog().map(|c| c.categories.as_slice()).unwrap_or_default();
    let chips = categories
        .iter()
        .enumerate()
        .map(|(at, category)| {
            let slug: &'static str = &category.slug;
            view! {
                <FilterChip
                    label=category.name.clone()
                    state=Memo::new(move |_| counts.with(|r| facet_state(&r.categories, at, slug)))
                    on_toggle=Callback::new(move |()| {
                        url.update(|view| {
                            view.category = if view.category.as_deref() == Some(slug) { None } else { Some(slug.to_owned()) };
                        });
                    })
                />
            }
        })
        .collect_any();
    // The selection alone, so that typing does not rerun the "All" chip
    // ahead of the counts.
    let no_category = Memo::new(move |_| url.view.read().category.is_none());
    view! {
        <fieldset class="filter-group">
            <legend>"Category"</legend>
            <ul class="chips">
                <FilterChip
                    label="All".to_owned()
                    state=Memo::new(move |_| (counts.with(|r| r.any_category), no_category.get()))
                    on_toggle=Callback::new(move |()| url.update(|view| view.category = None))
                />
                {chips}
            </ul>
        </fieldset>
    }
}

/// Any number of tags; a pattern must carry every selected one.
#[component]
pub fn TagFilter(counts: FilterCounts) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let choices = data::tag_choices();
    let expanded = RwSignal::new(false);
    // (expanded, tags offered): while collapsed, a tag once offered stays
    // offered. So the list only changes on expanding or collapsing it and
    // on navigation, never under the chip just clicked, and is rendered
    // again whole (by position) when it does.
    let offered = Memo::new(move |before: Option<&(bool, Vec<&'static str>)>| {
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
    });
    let chip = move |tag: &'static str| {
        let at = choices.all.binary_search(&tag).unwrap_or(usize::MAX);
        view! {
            <FilterChip
                label=format!("#{tag}")
                state=Memo::new(move |_| counts.with(|r| facet_state(&r.tags, at, tag)))
                on_toggle=Callback::new(move |()| url.update(|view| *view = view.with_tag_toggled(tag)))
            />
        }
    };
    let more = (choices.all.len() > choices.common.len()).then(|| {
        let total = choices.all.len();
        view! {
            <button
                type="button"
                class="link-button more-tags"
                aria-expanded=move || expanded.get().to_string()
                on:click=move |_| expanded.update(|e| *e = !*e)
            >
                {move || if expanded.get() { "Show fewer tags".to_owned() } else { format!("Show all {total} tags") }}
            </button>
        }
    });
    view! {
        <fieldset class="filter-group">
            <legend>
                "Tags " <span class="filter-hint">"(a pattern must have every selected tag)"</span>
            </legend>
            <ul class="chips">{move || offered.get().1.into_iter().map(chip).collect_any()}</ul>
            {more}
        </fieldset>
    }
}

/// A toggle button for one filter choice, with the number of patterns it
/// would leave; a choice that would leave none is disabled unless selected.
#[component]
fn FilterChip(
    /// What the chip says.
    label: String,
    /// How many patterns the view would show with this choice, and whether
    /// the choice is in the current view.
    state: Memo<ChipState>,
    /// Selects or deselects the choice.
    on_toggle: Callback<()>,
) -> impl IntoView {
    let count = move || state.get().0;
    let selected = move || state.get().1;
    view! {
        <li>
            <button
                type="button"
                class="chip"
                aria-pressed=move || selected().to_string()
                disabled=move || count() == 0 && !selected()
                on:click=move |_| on_toggle.run(())
            >
                {label}
                <span class="count" aria-label=move || patterns_in_parentheses(count())>{count}</span>
            </button>
        </li>
    }
}

/// A chip's count as its accessible name reads it: "(1 pattern)", "(3 patterns)".
fn patterns_in_parentheses(count: usize) -> String {
    if count == 1 {
        "(1 pattern)".to_owned()
    } else {
        format!("({count} patterns)")
    }
}
