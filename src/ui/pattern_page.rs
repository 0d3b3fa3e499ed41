//! `/patterns/SLUG`: one pattern's whole entry, its tags as links to the
//! filtered home view, its related patterns, and its simulation. The text
//! is written by [`crate::markup::entry_top`] and
//! [`crate::markup::entry_rest`]; between them is the simulation player
//! ([`super::player`]).
//!
//! When the page is the first the app shows, the rest comes in later tasks
//! (see [`super::first_render`]).

use leptos::prelude::*;

use super::data;
use super::first_render::{later, latest};
use super::markup_host::{markup, page_links};
use super::not_found::NotFound;
use super::player::Player;
use super::title::set_title;
use crate::catalog::{Catalog, Pattern};
use crate::markup::{entry_rest, entry_top};

/// The page of the pattern `slug` (from the route `/patterns/SLUG`), or
/// not found.
#[component]
pub fn PatternPage(slug: String) -> impl IntoView {
    let Ok(catalog) = data::catalog() else {
        return view! { <NotFound/> }.into_any();
    };
    match catalog.pattern(&slug) {
        Some(pattern) => view! { <PatternEntry catalog pattern/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn PatternEntry(catalog: &'static Catalog, pattern: &'static Pattern) -> impl IntoView {
    set_title(&format!("{} · Patterns, forged", pattern.name));
    let top = page_links(|links| entry_top(pattern, catalog, links));
    view! {
        <article class="pattern" aria-labelledby="pattern-title">
            {markup(top)}
            {later(move || view! { <EntryBody catalog pattern/> })}
        </article>
    }
}

/// The entry below its Problem section: the simulation, then, a task later
/// on the app's first page, the rest.
#[component]
fn EntryBody(catalog: &'static Catalog, pattern: &'static Pattern) -> impl IntoView {
    let player = match pattern.simulation.as_ref().map(|simulation| simulation.spec()) {
        Some(Ok(spec)) => view! { <Player slug=pattern.slug.clone() spec/> }.into_any(),
        Some(Err(error)) => view! {
            <p class="sim-error" role="alert">
                {format!("This simulation cannot be shown: its encoded data is damaged ({error}).")}
            </p>
        }
        .into_any(),
        None => view! {
            <p class="simulation-placeholder">
                "A step-through simulation of this pattern's message flow will appear here."
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="entry-section simulation" aria-labelledby="simulation-heading">
            <h2 id="simulation-heading">"Simulation"</h2>
            {player}
        </section>
        {latest(move || markup(page_links(|links| entry_rest(pattern, catalog, links))))}
    }
}
