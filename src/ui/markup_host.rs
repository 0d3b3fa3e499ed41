//! The one place the app sets an element's content from a string. Only
//! [`Html`] goes there, which nothing but [`crate::markup`]'s writer makes,
//! and that writer escapes every text and attribute value: catalog and URL
//! text stay text (the hostile-catalog end-to-end test holds the app to
//! both). Most of what the app shows is written so, the simulation player
//! whole: far less WebAssembly than building each element through Leptos.
//! Links in it are followed by the router's one listener for the page, and
//! the player's controls by its own listeners (see `ui::player::events`).

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

/// Replaces the content of `element`, a container the app wrote, with `html`.
pub fn set_markup(element: &web_sys::Element, html: &Html) {
    element.set_inner_html(html.as_str());
}

/// The links of the page shown: under the base, marked current when they
/// point at the address shown now. Untracked: page content is written
/// again when the address changes in a way that could make such a link
/// current, and a subscription held by content that is dropped would stay
/// in the address's subscriber list (reactive_graph 0.2 keeps dead
/// subscribers until they rerun, which a dropped effect never does).
pub fn page_links(with: impl FnOnce(&Links) -> Html) -> Html {
    let address = use_location().address_untracked();
    with(&Links::new(router_base(), &address))
}
