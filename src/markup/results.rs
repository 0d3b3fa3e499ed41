//! What the home page says around its cards: that nothing matches (with a
//! way back to every pattern), and a button for the next page of cards.
//! Their clicks are read from `data-act` by the page's listener.

use super::builder::{Html, Markup};
use crate::search::PAGE_SIZE;

/// The `data-act` of the button that shows every pattern again.
pub const SHOW_ALL: &str = "show-all";
/// The `data-act` of the button that lists the next page of cards.
pub const SHOW_MORE: &str = "show-more";

/// No pattern matches the search `q` (or, when it is blank, the filters).
pub fn no_results(q: &str) -> Html {
    let what = if q.trim().is_empty() {
        "these filters".to_owned()
    } else {
        format!("“{q}”")
    };
    let mut m = Markup::new();
    m.open(
        "section",
        &[("class", "empty-state"), ("aria-labelledby", "no-results")],
    );
    m.leaf("h2", &[("id", "no-results")], &format!("No patterns match {what}"));
    m.leaf("p", &[], "Try fewer words, another spelling, or fewer filters.");
    m.leaf(
        "button",
        &[("type", "button"), ("data-act", SHOW_ALL)],
        "Show all patterns",
    );
    m.close("section");
    m.finish()
}

/// The button that lists the next page of cards, `remaining` of which are
/// not listed yet; nothing when none remain.
pub fn show_more(remaining: usize) -> Html {
    let mut m = Markup::new();
    if remaining > 0 {
        let next = remaining.min(PAGE_SIZE);
        let label = format!("Show {next} more ({remaining} not listed yet)");
        m.leaf(
            "button",
            &[("type", "button"), ("class", "show-more"), ("data-act", SHOW_MORE)],
            &label,
        );
    }
    m.finish()
}
