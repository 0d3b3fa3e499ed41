//! Renders a text with the words a search matched wrapped in `<mark>`. The
//! text is always inserted as text, never parsed as markup.
//!
//! Not reactive: the home page renders its cards again whenever the search
//! changes, so each card is built for one query. (A reactive highlight per
//! text subscribed every card to the results; on a large catalog those
//! hundreds of subscriptions cost more per keystroke than the search.)

use leptos::either::Either;
use leptos::prelude::*;

use crate::search::{Query, highlight};
use crate::ui::collect_any::CollectAny;

/// `text` with the words matched by `query` marked.
pub fn highlighted(text: &str, query: &Query) -> impl IntoView + use<> {
    highlight(text, query)
        .into_iter()
        .map(|segment| {
            let text = segment.text.to_owned();
            if segment.matched {
                Either::Left(view! { <mark>{text}</mark> })
            } else {
                Either::Right(text)
            }
        })
        .collect_any()
}
