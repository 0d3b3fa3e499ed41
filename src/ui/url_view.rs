//! The home view's state lives in the URL (`/?q=…&category=…&tag=…`): this
//! hook reads it as a [`View`] and writes changes back, pushing a
//! history entry for a filter change but replacing it while the user types
//! (once typing pauses), so that back and forward step through views
//! without a flood of entries.

use leptos::prelude::*;

use super::links::view_href;
use super::router::{History, Location, use_location};
use crate::search::{View, parse_view_query};

/// The current view, and a way to change it.
#[derive(Clone, Copy)]
pub struct UrlView {
    /// The view the URL describes.
    pub view: Memo<View>,
    location: Location,
    /// The view the search box's last input made, if any.
    typed: StoredValue<Option<View>>,
}

impl UrlView {
    /// Shows `next`, in a new history entry.
    pub fn set(&self, next: View) {
        self.show(next, false);
    }

    /// Changes the current view with `edit`, in a new history entry.
    pub fn update(&self, edit: impl FnOnce(&mut View)) {
        let mut next = self.view.get_untracked();
        edit(&mut next);
        self.set(next);
    }

    /// Shows the results for `text` typed into the search box. Text typed
    /// where there was none adds a history entry once its results are
    /// painted (see [`Location::push_after_paint`]); a change of it replaces
    /// that entry once typing pauses (see [`Location::replace_soon`]).
    pub fn type_text(&self, text: String) {
        let mut next = self.view.get_untracked();
        next.q = text;
        self.show(next, true);
    }

    /// Whether the current view is the one the search box's last input
    /// made, which the next keystroke may well change again.
    pub fn is_typed(&self) -> bool {
        self.typed
            .try_with_value(|typed| {
                typed
                    .as_ref()
                    .is_some_and(|typed| self.view.with_untracked(|view| view == typed))
            })
            .unwrap_or(false)
    }

    fn show(&self, next: View, typed: bool) {
        let next = next.normalised();
        let current = self.view.get_untracked();
        if next == current {
            return;
        }
        self.typed.set_value(typed.then(|| next.clone()));
        let href = view_href(&next);
        match (typed, current.q.is_empty()) {
            (true, true) => self.location.push_after_paint(&href),
            (true, false) => self.location.replace_soon(&href),
            (false, _) => self.location.navigate(&href, History::Push, false),
        }
    }
}

/// Reads the view from the current URL's query string.
pub fn use_url_view() -> UrlView {
    let location = use_location();
    let search = location.search;
    let view = Memo::new(move |_| parse_view_query(&search.get()));
    UrlView {
        view,
        location,
        typed: StoredValue::new(None),
    }
}
