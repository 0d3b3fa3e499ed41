//! Every in-app link, always under the base path: the addresses come from
//! [`crate::markup::Links`], given the base this page was served under.

use super::base_path::router_base;
use crate::markup::Links;
use crate::search::View;

fn links() -> Links<'static> {
    Links::new(router_base(), "")
}

/// The home page, unfiltered.
pub fn home_href() -> String {
    links().home()
}

/// The home page showing `view`, with its trailing slash (`/base/?q=x`),
/// as a static host may not serve `/base?q=x`.
pub fn view_href(view: &View) -> String {
    links().view(view)
}

/// A pattern's page.
pub fn pattern_href(slug: &str) -> String {
    links().pattern(slug)
}
