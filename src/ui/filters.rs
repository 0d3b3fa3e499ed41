//! The category and tag filters. Each choice shows how many patterns it
//! would leave; tags combine with AND, which the legend says.

use leptos::prelude::*;

use super::data;
use super::url_view::UrlView;
use crate::search::ViewResults;

/// One category at a time, or all of them.
#[component]
pub fn CategoryFilter(result: Memo<ViewResults<'static>>) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let categories = data::catalog().map(|c| c.categories.as_slice()).unwrap_or_default();
    let selected = move || url.view.read().category.clone();
    let buttons = categories
        .iter()
        .map(|category| {
            let slug: &'static str = &category.slug;
            let is_selected = move || url.view.read().category.as_deref() == Some(slug);
            let count = move || result.read().categories.iter().find(|f| f.slug == slug).map_or(0, |f| f.count);
            view! {
                <li>
                    <button
                        type="button"
                        class="chip"
                        aria-pressed=move || is_selected().to_string()
                        disabled=move || count() == 0 && !is_selected()
                        on:click=move |_| {
                            url.update(|view| {
                                view.category = if view.category.as_deref() == Some(slug) { None } else { Some(slug.to_owned()) };
                            });
                        }
                    >
                        {category.name.clone()}
                        <span class="count" aria-label=move || format!("({} patterns)", count())>{count}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>"Category"</legend>
            <ul class="chips">
                <li>
                    <button
                        type="button"
                        class="chip"
                        aria-pressed=move || selected().is_none().to_string()
                        on:click=move |_| url.update(|view| view.category = None)
                    >
                        "All"
                        <span class="count">{move || result.read().any_category}</span>
                    </button>
                </li>
                {buttons}
            </ul>
        </fieldset>
    }
}

/// Any number of tags; a pattern must carry every selected one.
#[component]
pub fn TagFilter(result: Memo<ViewResults<'static>>) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let tags = data::catalog().map(|c| c.tags()).unwrap_or_default();
    let buttons = tags
        .into_iter()
        .map(|tag| {
            let is_selected = move || url.view.read().tags.iter().any(|t| t == tag);
            let count = move || result.read().tags.iter().find(|f| f.slug == tag).map_or(0, |f| f.count);
            view! {
                <li>
                    <button
                        type="button"
                        class="chip"
                        aria-pressed=move || is_selected().to_string()
                        disabled=move || count() == 0 && !is_selected()
                        on:click=move |_| {
                            url.update(|view| {
                                if let Some(at) = view.tags.iter().position(|t| t == tag) {
                                    view.tags.remove(at);
                                } else {
                                    view.tags.push(tag.to_owned());
                                }
                            });
                        }
                    >
                        {format!("#{tag}")}
                        <span class="count" aria-label=move || format!("({} patterns)", count())>{count}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>
                "Tags " <span class="filter-hint">"(a pattern must have every selected tag)"</span>
            </legend>
            <ul class="chips">{buttons}</ul>
        </fieldset>
    }
}
