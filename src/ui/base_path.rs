//! The path the app is served under, read from `<base href>` (which Trunk
//! fills from `--public-url`), so that the same build works at `/` and at a
//! sub-path such as `/patterns-forged/`.
//!
//! Every address the app writes, whether in a link or in a navigation (see
//! [`super::router`]), is absolute and under the base: every one is built
//! by [`crate::markup::Links`] from [`router_base`] (see [`super::links`]).
//! The router strips the base again to find the route.

use std::sync::OnceLock;

/// The base: `""` at the site root, `"/patterns-forged"` under a sub-path.
pub fn router_base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let href = leptos::prelude::document()
            .query_selector("base[href]")
            .ok()
            .flatten()
            .and_then(|base| base.get_attribute("href"))
            .unwrap_or_default();
        normalise(&href)
    })
}

/// `"/x/"` → `"/x"`, `"/"` or `""` → `""`; anything that is not an absolute
/// path (a full URL, a relative path) is ignored.
fn normalise(href: &str) -> String {
    if !href.starts_with('/') || href.starts_with("//") {
        return String::new();
    }
    href.trim_end_matches('/').to_owned()
}
