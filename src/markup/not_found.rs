//! The page for an address where no pattern lives: what happened, the
//! patterns whose names come closest to what was asked for, and a way home.

use super::builder::{Html, Markup};
use super::entry::related_item;
use super::links::Links;
use crate::catalog::Pattern;

/// The not-found section, suggesting `closest` (best first).
pub fn not_found(closest: &[&Pattern], links: &Links<'_>) -> Html {
    let mut m = Markup::new();
    m.open(
        "section",
        &[("class", "not-found"), ("aria-labelledby", "not-found-title")],
    );
    m.leaf("h1", &[("id", "not-found-title")], "No pattern here");
    m.leaf(
        "p",
        &[],
        "Nothing in the catalog lives at this address. It may have been mistyped or moved.",
    );
    m.leaf("h2", &[], "Perhaps you meant");
    m.open("ul", &[("class", "related suggestions")]);
    for pattern in closest {
        related_item(&mut m, links, pattern, &pattern.summary);
    }
    m.close("ul");
    m.open("p", &[]);
    links.open(&mut m, &links.home(), None);
    m.text("Browse all patterns");
    m.close("a");
    m.close("p");
    m.close("section");
    m.finish()
}
