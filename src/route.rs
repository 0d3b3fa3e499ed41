//! Which page an address names: the app's two routes (`/` and
//! `/patterns/SLUG`) and everything else, which is not found. Pure and
//! total, so that any address typed, pasted or forged gives a page. Also
//! the other way: the path of each page.

use crate::url_text::decode_path_segment;

/// The longest slug, in bytes once decoded, that a route accepts; no
/// pattern's slug comes near it.
pub const MAX_SLUG_BYTES: usize = 256;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The home page, with its search and filters in the query string.
    Home,
    /// A pattern's page, by its slug (percent-decoded, not yet looked up).
    Pattern(String),
    /// Any other address.
    NotFound,
}

/// The route of `path`, an app-relative path (the base already stripped,
/// see [`strip_base`]) without query or fragment: `""`, `"/"` and
/// `"/index.html"` are home; `/patterns/SLUG`, with exactly one non-empty
/// segment after `/patterns/` and at most one trailing slash, is that
/// pattern's page; anything else is not found. The slug is percent-decoded
/// and must be UTF-8 of at most [`MAX_SLUG_BYTES`] bytes; a dot segment
/// (`.` or `..`) is no slug.
pub fn route(path: &str) -> Route {
    match path {
        "" | "/" | "/index.html" => return Route::Home,
        _ => {}
    }
    let Some(rest) = path.strip_prefix("/patterns/") else {
        return Route::NotFound;
    };
    let segment = rest.strip_suffix('/').unwrap_or(rest);
    if segment.is_empty() || segment.contains('/') {
        return Route::NotFound;
    }
    match decode_path_segment(segment, MAX_SLUG_BYTES) {
        Some(slug) if !slug.is_empty() && slug != "." && slug != ".." => Route::Pattern(slug),
        _ => Route::NotFound,
    }
}

/// The app path of the home view shown by `query` (a query string with its
/// `?`, or empty), such as `/?tag=retries`.
pub fn home_path(query: &str) -> String {
    format!("/{query}")
}

/// The app path of a pattern's page, such as `/patterns/saga`.
pub fn pattern_path(slug: &str) -> String {
    format!("/patterns/{slug}")
}

/// `pathname` without the `base` the app is served under (`""` at the site
/// root, or a path such as `"/patterns-forged"`, a trailing slash ignored),
/// or `None` when `pathname` is not under it: `/patterns-forged` and
/// `/patterns-forged/x` are, `/patterns-forgedX` is not.
pub fn strip_base<'a>(pathname: &'a str, base: &str) -> Option<&'a str> {
    let base = base.trim_end_matches('/');
    let rest = pathname.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(slug: &str) -> Route {
        Route::Pattern(slug.to_owned())
    }

    #[test]
    fn home_is_the_root_in_every_spelling() {
        for path in ["", "/", "/index.html"] {
            assert_eq!(route(path), Route::Home, "{path:?}");
        }
    }

    #[test]
    fn a_pattern_page_takes_one_segment_and_an_optional_trailing_slash() {
        assert_eq!(route("/patterns/saga"), pattern("saga"));
        assert_eq!(route("/patterns/saga/"), pattern("saga"));
        assert_eq!(route("/patterns/event-sourcing"), pattern("event-sourcing"));
        // Unknown slugs are still pattern routes; the page says not found.
        assert_eq!(route("/patterns/no-such-thing"), pattern("no-such-thing"));
    }

    #[test]
    fn other_paths_are_not_found() {
        for path in [
            "/patterns",
            "/patterns/",
            "/patterns//",
            "/patterns//saga",
            "/patterns/saga//",
            "/patterns/saga/extra",
            "//patterns/saga",
            "/Patterns/saga",
            "/pattern/saga",
            "/index.htm",
            "//",
            "/saga",
            "patterns/saga",
        ] {
            assert_eq!(route(path), Route::NotFound, "{path:?}");
        }
    }

    #[test]
    fn the_slug_is_percent_decoded_and_plus_is_literal() {
        assert_eq!(route("/patterns/%73aga"), pattern("saga"));
        assert_eq!(route("/patterns/caf%C3%A9"), pattern("café"));
        assert_eq!(route("/patterns/a+b"), pattern("a+b"));
        assert_eq!(route("/patterns/100%"), pattern("100%"));
        assert_eq!(route("/patterns/%zz"), pattern("%zz"));
        // An encoded slash stays inside the one segment.
        assert_eq!(route("/patterns/a%2Fb"), pattern("a/b"));
    }

    #[test]
    fn unicode_is_kept_and_invalid_utf8_is_not_found() {
        assert_eq!(route("/patterns/サガ"), pattern("サガ"));
        assert_eq!(route("/patterns/\u{202E}saga"), pattern("\u{202E}saga"));
        assert_eq!(route("/patterns/%FF"), Route::NotFound);
        assert_eq!(route("/patterns/%C3"), Route::NotFound);
        assert_eq!(route("/patterns/%ED%A0%80"), Route::NotFound);
    }

    #[test]
    fn dot_segments_are_not_found() {
        for path in [
            "/patterns/.",
            "/patterns/..",
            "/patterns/../",
            "/patterns/%2E%2E",
            "/patterns/%2e",
            "/patterns/../saga",
            "/../patterns/saga",
        ] {
            assert_eq!(route(path), Route::NotFound, "{path:?}");
        }
        assert_eq!(route("/patterns/..."), pattern("..."));
    }

    #[test]
    fn a_slug_longer_than_the_limit_is_not_found() {
        let longest = "a".repeat(MAX_SLUG_BYTES);
        assert_eq!(route(&format!("/patterns/{longest}")), pattern(&longest));
        assert_eq!(route(&format!("/patterns/{longest}a")), Route::NotFound);
        assert_eq!(
            route(&format!("/patterns/{}", "%61".repeat(MAX_SLUG_BYTES + 1))),
            Route::NotFound
        );
        assert_eq!(route(&format!("/patterns/{}", "é".repeat(200))), Route::NotFound);
        assert_eq!(route(&format!("/patterns/{}", "x".repeat(10_000_000))), Route::NotFound);
        assert_eq!(route(&"/".repeat(100_000)), Route::NotFound);
    }

    #[test]
    fn the_base_is_stripped_only_on_a_segment_boundary() {
        assert_eq!(strip_base("/patterns-forged", "/patterns-forged"), Some(""));
        assert_eq!(strip_base("/patterns-forged/", "/patterns-forged"), Some("/"));
        assert_eq!(strip_base("/patterns-forged/x", "/patterns-forged"), Some("/x"));
        assert_eq!(strip_base("/patterns-forged/x", "/patterns-forged/"), Some("/x"));
        assert_eq!(strip_base("/patterns-forgedX", "/patterns-forged"), None);
        assert_eq!(strip_base("/patterns-forgedX/x", "/patterns-forged"), None);
        assert_eq!(strip_base("/other/patterns-forged", "/patterns-forged"), None);
        assert_eq!(strip_base("/", "/patterns-forged"), None);
        assert_eq!(strip_base("", "/patterns-forged"), None);
    }

    #[test]
    fn an_empty_base_strips_nothing() {
        assert_eq!(strip_base("/patterns/saga", ""), Some("/patterns/saga"));
        assert_eq!(strip_base("/", ""), Some("/"));
        assert_eq!(strip_base("", ""), Some(""));
        assert_eq!(strip_base("/", "/"), Some("/"));
    }

    #[test]
    fn base_and_route_together() {
        let at = |pathname: &str| strip_base(pathname, "/patterns-forged").map_or(Route::NotFound, route);
        assert_eq!(at("/patterns-forged"), Route::Home);
        assert_eq!(at("/patterns-forged/"), Route::Home);
        assert_eq!(at("/patterns-forged/index.html"), Route::Home);
        assert_eq!(at("/patterns-forged/patterns/saga"), pattern("saga"));
        assert_eq!(at("/patterns/saga"), Route::NotFound);
        assert_eq!(at("/patterns-forgedpatterns/saga"), Route::NotFound);
        assert_eq!(at("/patterns-forged//patterns/saga"), Route::NotFound);
    }
}
