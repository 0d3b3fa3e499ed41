//! Every in-app link, built in one place and always under the base path.

use super::base_path::href;
use crate::search::{View, format_view_query};

/// The home page, unfiltered.
pub fn home_href() -> String {
    href("/")
}

/// A pattern's page.
pub fn pattern_href(slug: &str) -> String {
    href(&format!("/patterns/{slug}"))
}

/// The home view filtered to one tag.
pub fn tag_href(tag: &str) -> String {
    view_href(&View {
        tags: vec![tag.to_owned()],
        ..View::default()
    })
}

/// The home view filtered to one category.
pub fn category_href(category: &str) -> String {
    view_href(&View {
        category: Some(category.to_owned()),
        ..View::default()
    })
}

fn view_href(view: &View) -> String {
    href(&format!("/{}", format_view_query(view)))
}
