//! The one place the app sets an element's content from a string. Only
//! [`Html`] goes there, which nothing but [`crate::markup`]'s writer makes,
//! and that writer escapes every text and attribute value: catalog and URL
//! text stay text (the hostile-catalog end-to-end test holds the app to
//! both). The parts written so are those that respond to no input of their
//! own (links are followed by the router's one listener for the page): far
//! less WebAssembly than building each element through Leptos.

use leptos::html::div;
use leptos::prelude::*;

use super::base_path::router_base;
use super::router::use_location;
use crate::markup::{Html, Links};

/// A `<div>` that makes no box of its own (`display: contents`) holding
/// `html`. (A `view!` element with no children would add an empty
/// placeholder node after the markup, hence the builder.)
pub fn markup(html: Html) -> impl IntoView {
    div().class("contents").inner_html(html.into_string())
}

/// A [`markup`] container holding what `write` returns, written again
/// whenever what it reads changes.
pub fn live_markup(write: impl Fn() -> Html + Send + Sync + 'static) -> impl IntoView {
    div().class("contents").inner_html(move || write().into_string())
}

/// The links of the page shown: under the base, marked current when they
/// point at the address shown now (untracked, like [`super::router::link`]).
pub fn page_links(with: impl FnOnce(&Links) -> Html) -> Html {
    let address = use_location().address_untracked();
    with(&Links::new(router_base(), &address))
}
