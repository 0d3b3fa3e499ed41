//! Every in-app link, always under the base path: the addresses come from
//! [`crate::markup::Links`], given the base this page was served under.

use super::base_path::router_base;
use crate::markup::Links;

fn links() -> Links<'static> {
    Links::new(router_base(), "")
}

/// The home page, unfiltered.
pub fn home_href() -> String {
    links().home()
}

/// A pattern's page.
pub fn pattern_href(slug: &str) -> String {
    links().pattern(slug)
}
