//! The home page's search box, filters and status line: written once as
//! markup (see [`crate::markup::home_controls`]), then kept in step with
//! the view and its results in place, so that focus stays where it is, and
//! driven by one listener per kind of event on their container. Typing
//! shows results at once and updates the URL once it pauses, adding one
//! history entry per search (see [`UrlView::type_text`]).

use leptos::ev::MouseEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::data;
use super::effects::effect;
use super::filter_counts::FilterCounts;
use super::filters::{keep_chips_in_step, offered};
use super::home::Shown;
use super::in_place::{find, follow_markup, follow_text, set_flag, set_text};
use super::markup_host::markup;
use super::url_view::UrlView;
use crate::catalog::Catalog;
use crate::markup::{
    CLEAR_VIEW, Controls, SHOW_MORE_TAGS, home_controls, ignored_notice, more_tags_label, shown_count,
};
use crate::search::View;

/// The search box, the filters and the status line.
#[component]
pub fn HomeControls(catalog: &'static Catalog, result: Memo<Shown>, counts: FilterCounts) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let root = NodeRef::<Div>::new();
    let expanded = RwSignal::new(false);
    let offered = offered(url, expanded);
    let total = catalog.patterns.len();
    let choices = data::tag_choices();
    let more_tags = (choices.all.len() > choices.common.len()).then_some(choices.all.len());
    let html = untrack(|| {
        let view = url.view.read();
        home_controls(&Controls {
            q: &view.q,
            more_tags: more_tags.map(|all| (false, all)),
            shown: result.read().patterns.len(),
            total,
            filtered: !view.is_default(),
        })
    });
    keep_chips_in_step(catalog, root, counts, url, offered);
    keep_status_in_step(root, result, url, total);
    effect(Box::new(move || {
        let q = url.view.read().q.clone();
        if let Some(input) = find(root, "#search-input").and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            && input.value() != q
        {
            input.set_value(&q);
        }
    }));
    if let Some(all) = more_tags {
        effect(Box::new(move || {
            let expanded = expanded.get();
            if let Some(button) = find(root, ".more-tags") {
                let _ = button.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
                set_text(&button, &more_tags_label(expanded, all));
            }
        }));
    }
    view! {
        <div class="contents" node_ref=root
            on:submit=|ev| ev.prevent_default()
            on:input=move |ev| {
                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    && input.id() == "search-input"
                {
                    url.type_text(input.value());
                }
            }
            on:click=move |ev| on_click(url, expanded, &ev)>
            {markup(html)}
        </div>
    }
}

/// A click on a chip or on one of the buttons beside them.
fn on_click(url: UrlView, expanded: RwSignal<bool>, ev: &MouseEvent) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("button").ok().flatten())
    else {
        return;
    };
    if let Some(slug) = button.get_attribute("data-category") {
        url.update(|view| {
            view.category = if slug.is_empty() || view.category.as_deref() == Some(slug.as_str()) {
                None
            } else {
                Some(slug)
            };
        });
    } else if let Some(tag) = button.get_attribute("data-tag") {
        url.update(|view| *view = view.with_tag_toggled(&tag));
    } else {
        match button.get_attribute("data-act").as_deref() {
            Some(SHOW_MORE_TAGS) => expanded.update(|e| *e = !*e),
            Some(CLEAR_VIEW) => url.set(View::default()),
            _ => {}
        }
    }
}

/// Keeps the status line in step: how many patterns are shown, whether
/// there is a view to clear, and what the link asked for that was ignored.
fn keep_status_in_step(root: NodeRef<Div>, result: Memo<Shown>, url: UrlView, total: usize) {
    follow_text(
        root,
        ".result-count",
        Box::new(move || shown_count(result.read().patterns.len(), total)),
    );
    effect(Box::new(move || {
        let filtered = !url.view.read().is_default();
        if let Some(clear) = find(root, &format!("[data-act={CLEAR_VIEW}]")) {
            set_flag(&clear, "hidden", !filtered);
        }
    }));
    follow_markup(
        root,
        "[data-slot=ignored]",
        Box::new(move || ignored_notice(&result.read())),
    );
}
