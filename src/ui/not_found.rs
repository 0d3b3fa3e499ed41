//! The page for any path that names nothing: it says so, suggests the
//! patterns closest to what was asked for, and links home (written by
//! [`crate::markup::not_found`]).

use leptos::prelude::*;

use super::data;
use super::markup_host::{markup, page_links};
use super::router::use_location;
use super::title::set_title;
use crate::catalog::closest_patterns;
use crate::url_text;

/// The not-found page for the address shown.
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().path;
    set_title("Not found · Patterns, forged");
    move || {
        let path = path.get();
        let wanted = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or_default();
        let wanted = url_text::decode(wanted, 256);
        let closest = data::catalog()
            .map(|catalog| closest_patterns(catalog, &wanted, 3))
            .unwrap_or_default();
        markup(page_links(|links| crate::markup::not_found(&closest, links)))
    }
}
