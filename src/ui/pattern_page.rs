//! `/patterns/SLUG`: one pattern's whole entry, its tags as links to the
//! filtered home view, its related patterns, and its simulation.
//!
//! The static page of each pattern (`patterns/SLUG.html`, written by
//! scripts/post-build.mjs) repeats the top of this entry, up to its Problem
//! section: change them together (tests/e2e/shell.test.mjs). When the page
//! is the first the app shows, the rest comes in later tasks (see
//! [`super::first_render`]).

use leptos::prelude::*;

use super::data;
use super::first_render::{later, latest};
use super::links::{category_href, home_href, pattern_href, tag_href};
use super::not_found::NotFound;
use super::player::Player;
use super::router::link;
use super::title::set_title;
use crate::catalog::Pattern;
use crate::ui::collect_any::CollectAny;

/// The page of the pattern `slug` (from the route `/patterns/SLUG`), or
/// not found.
#[component]
pub fn PatternPage(slug: String) -> impl IntoView {
    match data::catalog().ok().and_then(|c| c.pattern(&slug)) {
        Some(pattern) => view! { <PatternEntry pattern/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn PatternEntry(pattern: &'static Pattern) -> impl IntoView {
    let catalog = data::catalog().ok();
    let category_name = catalog
        .and_then(|c| c.category(&pattern.category))
        .map_or(pattern.category.clone(), |c| c.name.clone());
    set_title(&format!("{} · Patterns, forged", pattern.name));
    view! {
        <article class="pattern" aria-labelledby="pattern-title">
            <nav aria-label="Breadcrumb" class="breadcrumb">
                {link(home_href(), None, "All patterns")}
                " / "
                {link(category_href(&pattern.category), None, category_name)}
            </nav>
            <h1 id="pattern-title">{pattern.name.clone()}</h1>
            <p class="lede">{pattern.summary.clone()}</p>
            <ul class="tags" aria-label="Tags">
                {pattern
                    .tags
                    .iter()
                    .map(|tag| view! { <li>{link(tag_href(tag), Some("tag"), format!("#{tag}"))}</li> })
                    .collect_any()}
            </ul>
            <Section id="problem" title="Problem"><p>{pattern.problem.clone()}</p></Section>
            {later(move || view! { <EntryBody pattern/> })}
        </article>
    }
}

/// The entry below its Problem section: the simulation, then, a task later
/// on the app's first page, the rest.
#[component]
fn EntryBody(pattern: &'static Pattern) -> impl IntoView {
    view! {
        <Section id="simulation" title="Simulation">
            {match pattern.simulation.as_ref().map(|simulation| simulation.spec()) {
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
            }}
        </Section>
        {latest(move || view! {
            <Section id="forces" title="Forces"><List items=&pattern.forces/></Section>
            <Section id="solution" title="Solution"><p>{pattern.solution.clone()}</p></Section>
            <Section id="how-it-works" title="How it works"><List items=&pattern.how_it_works ordered=true/></Section>
            <div class="two-columns">
                <Section id="when-to-use" title="When to use"><List items=&pattern.when_to_use/></Section>
                <Section id="when-not-to-use" title="When not to use"><List items=&pattern.when_not_to_use/></Section>
            </div>
            <Section id="tradeoffs" title="Trade-offs and consequences"><List items=&pattern.tradeoffs/></Section>
            <Section id="related" title="Related patterns"><ul class="related">{related_links(pattern)}</ul></Section>
        })}
    }
}

/// The patterns `pattern` relates to, as links, each with why.
fn related_links(pattern: &'static Pattern) -> impl IntoView {
    let catalog = data::catalog().ok();
    pattern
        .related
        .iter()
        .filter_map(|link| {
            catalog
                .and_then(|c| c.pattern(&link.slug))
                .map(|p| (p, link.why.clone()))
        })
        .map(|(p, why)| {
            view! {
                <li>
                    {link(pattern_href(&p.slug), None, p.name.clone())}
                    <span class="related-why">{why}</span>
                </li>
            }
        })
        .collect_any()
}

/// A titled section of the entry.
#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section class=format!("entry-section {id}") aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {children()}
        </section>
    }
}

/// A list of plain-text items, numbered when `ordered`.
#[component]
fn List(items: &'static [String], #[prop(optional)] ordered: bool) -> impl IntoView {
    let rows = items.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_any();
    if ordered {
        view! { <ol>{rows}</ol> }.into_any()
    } else {
        view! { <ul>{rows}</ul> }.into_any()
    }
}
