//! The page for any path that names nothing: it says so, suggests the
//! patterns closest to what was asked for, and links home.

use leptos::prelude::*;

use super::data;
use super::links::{home_href, pattern_href};
use super::router::{link, use_location};
use super::title::set_title;
use crate::catalog::closest_patterns;
use crate::ui::collect_any::CollectAny;
use crate::url_text;

/// Not found, with suggestions drawn from the last segment of the path.
#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().path;
    let suggestions = move || {
        let path = path.get();
        let wanted = path.rsplit('/').find(|s| !s.is_empty()).unwrap_or_default();
        let wanted = url_text::decode(wanted, 256);
        data::catalog()
            .map(|catalog| closest_patterns(catalog, &wanted, 3))
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                view! {
                    <li>
                        {link(pattern_href(&p.slug), None, p.name.clone())}
                        <span class="related-why">{p.summary.clone()}</span>
                    </li>
                }
            })
            .collect_any()
    };
    set_title("Not found · Patterns, forged");
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"No pattern here"</h1>
            <p>"Nothing in the catalog lives at this address. It may have been mistyped or moved."</p>
            <h2>"Perhaps you meant"</h2>
            <ul class="related suggestions">{suggestions}</ul>
            <p>{link(home_href(), None, "Browse all patterns")}</p>
        </section>
    }
}
