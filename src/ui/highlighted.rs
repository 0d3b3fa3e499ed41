//! Renders a text with the words a search matched wrapped in `<mark>`. The
//! text is always inserted as text, never parsed as markup.

use leptos::prelude::*;

use crate::search::{Query, highlight};

/// `text` with the words matched by `query` marked.
#[component]
pub fn Highlighted(#[prop(into)] text: String, query: Signal<Query>) -> impl IntoView {
    move || {
        let query = query.read();
        highlight(&text, &query)
            .into_iter()
            .map(|segment| {
                if segment.matched {
                    view! { <mark>{segment.text.to_owned()}</mark> }.into_any()
                } else {
                    segment.text.to_owned().into_any()
                }
            })
            .collect_view()
    }
}
