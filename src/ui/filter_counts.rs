//! When the filter chips show new counts. While the visitor types, a
//! keystroke's frame paints the results alone and the chips' counts follow
//! once that frame is on screen (during a burst of keys faster than frames,
//! once the burst pauses). Any other change, such as a click on a chip,
//! shows them at once.

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::effects::effect;
use super::url_view::UrlView;
use crate::search::ViewResults;

/// The results as the chips count them.
#[derive(Clone, Copy)]
pub struct FilterCounts {
    results: Memo<ViewResults<'static>>,
    /// Notified when the chips are to show the current results' counts.
    shown: Trigger,
}

impl FilterCounts {
    /// Follows `results`, a frame late while the view is the one the
    /// search box made (see [`UrlView::is_typed`]).
    pub fn new(results: Memo<ViewResults<'static>>, url: UrlView) -> Self {
        let shown = Trigger::new();
        // Numbers the changes of `results`: a deferred update is dropped
        // when a later change came before it ran.
        let changes = StoredValue::new(0u64);
        effect(Box::new(move || {
            results.track();
            let change = changes.get_value().wrapping_add(1);
            changes.set_value(change);
            if url.is_typed() {
                after_paint(move || {
                    if changes.try_get_value() == Some(change) {
                        shown.notify();
                    }
                });
            } else {
                shown.notify();
            }
        }));
        Self { results, shown }
    }

    /// Reads the results for the chips. A tracking reader reruns as the
    /// counts are to be shown; one that also tracks something else, which
    /// typing changes, would show the counts early.
    pub fn with<T>(self, read: impl FnOnce(&ViewResults<'static>) -> T) -> T {
        self.shown.track();
        self.results.with_untracked(read)
    }
}
