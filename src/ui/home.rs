//! `/`: every pattern as a card, grouped by category, with the search box,
//! the category and tag filters and the count each choice would leave.
//! The whole view comes from the URL; this page only renders it.

use leptos::ev::MouseEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDivElement, HtmlElement};

use super::below_fold::{LaterCards, cards_now};
use super::data;
use super::effects::effect;
use super::filter_counts::FilterCounts;
use super::first_render::{later, later_still};
use super::home_controls::HomeControls;
use super::markup_host::{page_links, set_markup};
use super::title::set_title;
use super::url_view::{UrlView, use_url_view};
use crate::catalog::Catalog;
use crate::markup::{Html, SHOW_ALL, SHOW_MORE, card_groups, no_results, show_more};
use crate::search::{PAGE_SIZE, View, ViewResults, apply_view, listing};

/// What the home page shows for the current view.
pub type Shown = ViewResults<'static>;

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
        {later(move || view! { <HomeControls catalog result counts/> })}
        {later_still(move || view! { <Results catalog result/> })}
    }
    .into_any()
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
    let list = NodeRef::<Div>::new();
    effect(Box::new(move || {
        let result = result.read();
        let html = if result.patterns.is_empty() {
            no_results(&url.view.read().q)
        } else {
            let shown = listing(catalog, &result, current_limit.get());
            let (listed, remaining) = (shown.listed, shown.remaining);
            // A keystroke paints the cards that reach the window, and the
            // next frame all of them; any other change, which comes alone,
            // paints them all at once.
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
            let mut html = page_links(|links| card_groups(&shown, &result.query, catalog, links));
            html.append(&show_more(remaining));
            html
        };
        if let Some(list) = list.get() {
            write_keeping_focus(&list, &html);
        }
    }));
    let on_click = move |ev: MouseEvent| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("button[data-act]").ok().flatten())
            .and_then(|button| button.get_attribute("data-act"));
        match act.as_deref() {
            Some(SHOW_ALL) => url.set(View::default()),
            Some(SHOW_MORE) => limit.set((url.view.get_untracked(), current_limit.get_untracked() + PAGE_SIZE)),
            _ => {}
        }
    };
    view! { <div class="contents" node_ref=list on:click=on_click></div> }
}

/// Writes `html` into `list`; when the "Show more" button had focus, the
/// new one (if more remain) takes it, as the button would have kept it had
/// it stayed in place.
fn write_keeping_focus(list: &HtmlDivElement, html: &Html) {
    let focused_more = document()
        .active_element()
        .is_some_and(|e| e.class_name() == "show-more" && list.contains(Some(&e)));
    set_markup(list, html);
    if focused_more
        && let Some(more) = list
            .query_selector(".show-more")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = more.focus();
    }
}
