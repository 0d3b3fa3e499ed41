//! The counts the filter chips show, kept apart from the results so that a
//! keystroke's frame paints the results alone: while the visitor types, the
//! counts follow once that frame is on screen (and during a burst of keys
//! faster than frames, once the burst pauses). Any other change, such as a
//! click on a chip, updates them at once.

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::url_view::UrlView;
use crate::search::{FacetCount, ViewResults};

/// What the category and tag chips count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FilterCounts {
    /// Results in any category: the "All" chip's count.
    pub any_category: usize,
    pub categories: Vec<FacetCount<'static>>,
    pub tags: Vec<FacetCount<'static>>,
}

impl FilterCounts {
    fn of(results: &ViewResults<'static>) -> Self {
        Self {
            any_category: results.any_category,
            categories: results.categories.clone(),
            tags: results.tags.clone(),
        }
    }
}

/// The chips' counts for `results`, following them a frame late while the
/// view is the one the search box made (see [`UrlView::is_typed`]).
pub fn filter_counts(results: Memo<ViewResults<'static>>, url: UrlView) -> ReadSignal<FilterCounts> {
    let counts = RwSignal::new(results.with_untracked(FilterCounts::of));
    // Numbers the changes of `results`: a deferred update is dropped when a
    // later change came before it ran, so the counts never go back in time.
    let changes = StoredValue::new(0u64);
    Effect::new(move |_| {
        let next = results.with(FilterCounts::of);
        let change = changes.get_value().wrapping_add(1);
        changes.set_value(change);
        let show = move || {
            if changes.try_get_value() == Some(change) && counts.try_with_untracked(|c| *c != next) == Some(true) {
                counts.try_set(next);
            }
        };
        if url.is_typed() {
            after_paint(show);
        } else {
            show();
        }
    });
    counts.read_only()
}
