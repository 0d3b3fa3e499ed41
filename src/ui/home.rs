//! `/`: every pattern as a card, grouped by category, with the search box,
//! the category and tag filters and the count each choice would leave.
//! The whole view comes from the URL; this page only renders it.

use leptos::either::Either;
use leptos::prelude::*;

use super::below_fold::{LaterCards, cards_now};
use super::data;
use super::filter_counts::FilterCounts;
use super::filters::{CategoryFilter, TagFilter};
use super::first_render::{later, later_still};
use super::markup_host::{markup, page_links};
use super::title::set_title;
use super::url_view::{UrlView, use_url_view};
use crate::catalog::Catalog;
use crate::markup::card_groups;
use crate::search::{PAGE_SIZE, View, ViewResults, apply_view, listing};

/// What the home page shows for the current view.
type Shown = ViewResults<'static>;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let (Ok(catalog), Some(index)) = (data::catalog(), data::index()) else {
        return ().into_any();
    };
    let url = use_url_view();
    provide_context(url);
    let result = Memo::new(move |_| apply_view(catalog, index, &url.view.read()));
    let counts = FilterCounts::new(result, url);

    set_title("Patterns, forged · software-architecture patterns, simulated");
    // index.html's static first paint repeats this intro.
    view! {
        <div class="intro">
            <h1>"Software-architecture patterns, simulated"</h1>
            <p class="lede">
                "Find a pattern by the problem you have, read how it works, then watch it run step by step — and break it on purpose."
            </p>
        </div>
        // The rest comes in the tasks after the mount (see `first_render`),
        // so the mount's own task renders only what that first paint showed.
        {later(move || {
            view! {
                <SearchBox/>
                <div class="filters">
                    <CategoryFilter counts/>
                    <TagFilter counts/>
                </div>
                <StatusLine result total=catalog.patterns.len()/>
            }
        })}
        {later_still(move || view! { <Results catalog result/> })}
    }
    .into_any()
}

/// The search field. Typing shows results at once and updates the URL once
/// it pauses, adding one history entry per search (see [`UrlView::type_text`]).
#[component]
fn SearchBox() -> impl IntoView {
    let url = expect_context::<UrlView>();
    view! {
        <form class="search-form" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">"Search patterns"</label>
            <div class="search-row">
                <input
                    id="search-input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="A problem, a name or a tag: e.g. charged twice"
                    prop:value=move || url.view.read().q.clone()
                    on:input=move |ev| {
                        url.type_text(event_target_value(&ev));
                    }
                />
            </div>
        </form>
    }
}

/// How many patterns are shown, what was ignored, and a way back.
#[component]
fn StatusLine(result: Memo<Shown>, total: usize) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let filtered = move || !url.view.read().is_default();
    view! {
        <div class="status-line">
            <p role="status" aria-live="polite" aria-atomic="true" class="result-count">
                {move || {
                    let shown = result.read().patterns.len();
                    if shown == total {
                        format!("Showing all {total} patterns")
                    } else {
                        format!("Showing {shown} of {total} patterns")
                    }
                }}
            </p>
            <Show when=filtered>
                <button type="button" class="link-button" on:click=move |_| url.set(View::default())>
                    "Clear search and filters"
                </button>
            </Show>
        </div>
        {move || {
            let result = result.read();
            let mut ignored: Vec<String> = Vec::new();
            if let Some(category) = &result.unknown_category {
                ignored.push(format!("unknown category “{category}”"));
            }
            ignored.extend(result.unknown_tags.iter().map(|t| format!("unknown tag “{t}”")));
            (!ignored.is_empty())
                .then(|| view! { <p class="notice">{format!("Ignored in this link: {}.", ignored.join(", "))}</p> })
        }}
    }
}

/// The cards: grouped by category without a search, ranked with one; a
/// page at a time (see [`listing`]), with a button for the next page. While
/// the visitor types, the cards below the window come a frame after the
/// others (see [`super::below_fold`]).
#[component]
fn Results(catalog: &'static Catalog, result: Memo<Shown>) -> impl IntoView {
    let url = expect_context::<UrlView>();
    // How many cards to list, and for which view: a new view starts again
    // from the first page. A memo, so that typing which leaves the results
    // as they were (a trailing space) renders nothing again.
    let limit = RwSignal::new((View::default(), PAGE_SIZE));
    let current_limit = Memo::new(move |_| {
        let (view, n) = &*limit.read();
        if *view == *url.view.read() { *n } else { PAGE_SIZE }
    });
    // Counts the results and pages shown, so that the render that paints
    // the cards left for later can tell itself apart from a new one.
    let renders = Memo::new(move |previous: Option<&u64>| {
        result.track();
        current_limit.track();
        previous.map_or(1, |n| n + 1)
    });
    let later_cards = LaterCards::new(renders);
    move || {
        let result = result.read();
        if result.patterns.is_empty() {
            let q = url.view.read().q.clone();
            let what = if q.trim().is_empty() {
                "these filters".to_owned()
            } else {
                format!("“{q}”")
            };
            return Either::Left(view! {
                <section class="empty-state" aria-labelledby="no-results">
                    <h2 id="no-results">{format!("No patterns match {what}")}</h2>
                    <p>"Try fewer words, another spelling, or fewer filters."</p>
                    <button type="button" on:click=move |_| url.set(View::default())>
                        "Show all patterns"
                    </button>
                </section>
            });
        }
        let shown = listing(catalog, &result, current_limit.get());
        let (listed, remaining) = (shown.listed, shown.remaining);
        // A keystroke paints the cards that reach the window, and the next
        // frame all of them; any other change, which comes alone, paints
        // them all at once.
        let now = if url.is_typed() && !later_cards.released() {
            cards_now(listed)
        } else {
            listed
        };
        later_cards.painted(now < listed);
        let shown = if now < listed {
            listing(catalog, &result, now)
        } else {
            shown
        };
        let cards = page_links(|links| card_groups(&shown, &result.query, catalog, links));
        let more = (remaining > 0).then(|| {
            let next = remaining.min(PAGE_SIZE);
            view! {
                <button
                    type="button"
                    class="show-more"
                    on:click=move |_| limit.set((url.view.get_untracked(), listed + PAGE_SIZE))
                >
                    {format!("Show {next} more ({remaining} not listed yet)")}
                </button>
            }
        });
        Either::Right(view! { {markup(cards)} {more} })
    }
}
