//! A pattern's card on the home page: name, category, summary and tags,
//! with the words of the current search marked.

use leptos::prelude::*;

use super::data;
use super::highlighted::Highlighted;
use super::links::{pattern_href, tag_href};
use super::router::Link;
use crate::catalog::Pattern;
use crate::search::Query;

/// One card; the whole card is a link to the pattern's page.
#[component]
pub fn PatternCard(
    pattern: &'static Pattern,
    /// The current search text, whose words are marked.
    query: Signal<Query>,
    /// Also name the category (in ranked results, where cards are not grouped).
    #[prop(optional)]
    show_category: bool,
) -> impl IntoView {
    let category = data::catalog()
        .ok()
        .and_then(|c| c.category(&pattern.category))
        .map_or_else(|| pattern.category.clone(), |c| c.name.clone());
    view! {
        <article class="card" aria-labelledby=format!("card-{}", pattern.slug)>
            {show_category.then(|| view! { <span class="card-category">{category}</span> })}
            <h3 id=format!("card-{}", pattern.slug)>
                <Link href=pattern_href(&pattern.slug)>
                    <Highlighted text=pattern.name.clone() query/>
                </Link>
            </h3>
            <p><Highlighted text=pattern.summary.clone() query/></p>
            <ul class="tags" aria-label=format!("Tags of {}", pattern.name)>
                {pattern
                    .tags
                    .iter()
                    .map(|tag| {
                        view! {
                            <li>
                                <Link href=tag_href(tag) class="tag">
                                    "#"<Highlighted text=tag.clone() query/>
                                </Link>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </article>
    }
}
