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
    let chips = categories
        .iter()
        .map(|category| {
            let slug: &'static str = &category.slug;
            view! {
                <FilterChip
                    label=category.name.clone()
                    selected=Signal::derive(move || url.view.read().category.as_deref() == Some(slug))
                    count=Signal::derive(move || result.read().categories.iter().find(|f| f.slug == slug).map_or(0, |f| f.count))
                    on_toggle=Callback::new(move |()| {
                        url.update(|view| {
                            view.category = if view.category.as_deref() == Some(slug) { None } else { Some(slug.to_owned()) };
                        });
                    })
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>"Category"</legend>
            <ul class="chips">
                <FilterChip
                    label="All".to_owned()
                    selected=Signal::derive(move || url.view.read().category.is_none())
                    count=Signal::derive(move || result.read().any_category)
                    on_toggle=Callback::new(move |()| url.update(|view| view.category = None))
                />
                {chips}
            </ul>
        </fieldset>
    }
}

/// Any number of tags; a pattern must carry every selected one.
#[component]
pub fn TagFilter(result: Memo<ViewResults<'static>>) -> impl IntoView {
    let url = expect_context::<UrlView>();
    let tags = data::catalog().map(|c| c.tags()).unwrap_or_default();
    let chips = tags
        .into_iter()
        .map(|tag| {
            view! {
                <FilterChip
                    label=format!("#{tag}")
                    selected=Signal::derive(move || url.view.read().tags.iter().any(|t| t == tag))
                    count=Signal::derive(move || result.read().tags.iter().find(|f| f.slug == tag).map_or(0, |f| f.count))
                    on_toggle=Callback::new(move |()| url.update(|view| *view = view.with_tag_toggled(tag)))
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="filter-group">
            <legend>
                "Tags " <span class="filter-hint">"(a pattern must have every selected tag)"</span>
            </legend>
            <ul class="chips">{chips}</ul>
        </fieldset>
    }
}

/// A toggle button for one filter choice, with the number of patterns it
/// would leave; a choice that would leave none is disabled unless selected.
#[component]
fn FilterChip(
    /// What the chip says.
    label: String,
    /// Whether the choice is in the current view.
    selected: Signal<bool>,
    /// How many patterns the view would show with this choice.
    count: Signal<usize>,
    /// Selects or deselects the choice.
    on_toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <li>
            <button
                type="button"
                class="chip"
                aria-pressed=move || selected.get().to_string()
                disabled=move || count.get() == 0 && !selected.get()
                on:click=move |_| on_toggle.run(())
            >
                {label}
                <span class="count" aria-label=move || format!("({} patterns)", count.get())>{count}</span>
            </button>
        </li>
    }
}
