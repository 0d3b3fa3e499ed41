//! A pattern's card on the home page: name, category, summary and tags,
//! with the words of the current search marked.

use leptos::prelude::*;

use super::data;
use super::highlighted::highlighted;
use super::links::{pattern_href, tag_href};
use super::router::link;
use crate::catalog::Pattern;
use crate::search::Query;
use crate::ui::collect_any::CollectAny;

/// One card; the whole card is a link to the pattern's page. `query` is
/// the current search, whose words are marked; `show_category` also names
/// the category (in ranked results, where cards are not grouped). Not
/// reactive: the home page renders its cards again when the search changes.
pub fn pattern_card(pattern: &'static Pattern, query: &Query, show_category: bool) -> impl IntoView + use<> {
    let category = show_category.then(|| {
        let name = data::catalog()
            .ok()
            .and_then(|c| c.category(&pattern.category))
            .map_or_else(|| pattern.category.clone(), |c| c.name.clone());
        view! { <span class="card-category">{name}</span> }
    });
    let tags = pattern
        .tags
        .iter()
        .map(|tag| {
            let text = view! { "#"{highlighted(tag, query)} };
            view! { <li>{link(tag_href(tag), Some("tag"), text)}</li> }
        })
        .collect_any();
    view! {
        <article class="card" aria-labelledby=format!("card-{}", pattern.slug)>
            {category}
            <h3 id=format!("card-{}", pattern.slug)>
                {link(pattern_href(&pattern.slug), None, highlighted(&pattern.name, query))}
            </h3>
            <p>{highlighted(&pattern.summary, query)}</p>
            <ul class="tags" aria-label=format!("Tags of {}", pattern.name)>{tags}</ul>
        </article>
    }
}
