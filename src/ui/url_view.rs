//! The home view's state lives in the URL (`/?q=…&category=…&tag=…`): this
//! hook reads it as a [`View`] and writes changes back, pushing a
//! history entry for a filter change but replacing it while the user types,
//! so that back and forward step through views without a flood of entries.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use super::base_path::href;
use crate::search::{View, format_view_query, parse_view_query};

/// The router's navigate function, stored so that `UrlView` can be `Copy`.
type Navigate = Box<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// The current view, and a way to change it.
#[derive(Clone, Copy)]
pub struct UrlView {
    /// The view the URL describes.
    pub view: Memo<View>,
    navigate: StoredValue<Navigate>,
}

impl UrlView {
    /// Shows `next`. A change of the search text alone, made while there
    /// already is some, replaces the current history entry; anything else
    /// adds one.
    pub fn set(&self, next: View) {
        let next = next.normalised();
        let current = self.view.get_untracked();
        if next == current {
            return;
        }
        let typing = !current.q.is_empty() && next.category == current.category && next.tags == current.tags;
        // The full path under the base, not resolved again: resolving would
        // turn `/base/?q=x` into `/base?q=x`, which a static host may not serve.
        let href = href(&format!("/{}", format_view_query(&next)));
        let options = NavigateOptions {
            replace: typing,
            scroll: false,
            resolve: false,
            ..NavigateOptions::default()
        };
        self.navigate.with_value(|navigate| navigate(&href, options));
    }

    /// Changes the current view with `edit`.
    pub fn update(&self, edit: impl FnOnce(&mut View)) {
        let mut next = self.view.get_untracked();
        edit(&mut next);
        self.set(next);
    }
}

/// Reads the view from the current URL's query string.
pub fn use_url_view() -> UrlView {
    let search = use_location().search;
    let view = Memo::new(move |_| parse_view_query(&search.get()));
    let navigate = use_navigate();
    UrlView {
        view,
        navigate: StoredValue::new(Box::new(navigate)),
    }
}
