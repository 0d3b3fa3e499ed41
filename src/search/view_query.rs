//! The URL form of a [`View`]: `?q=charged%20twice&category=apis&tag=payments`.
//!
//! Parsing accepts whatever a browser or a person may put in a URL and never
//! fails: `+` is a space, `%XX` is decoded (UTF-8, invalid bytes become
//! U+FFFD), a malformed `%` stays as it is, unknown or empty parameters are
//! ignored, the first non-blank `q` and `category` win, every `tag` counts,
//! and values are cut to [`MAX_VALUE_CHARS`] characters. Formatting writes
//! the canonical form, which parses back to the same (normalised) view.

use super::view::{MAX_TAGS, MAX_VALUE_CHARS, View, truncate};
use crate::url_text;

/// Most `name=value` pairs read from one query string; the rest are ignored.
const MAX_PAIRS: usize = 256;

/// Reads a view from a URL query string, with or without its leading `?`.
/// The result is normalised (see [`View::normalised`]).
pub fn parse_view_query(query: &str) -> View {
    let query = query.strip_prefix('?').unwrap_or(query);
    // A raw `#` starts the fragment, which is not part of the query.
    let query = query.split('#').next().unwrap_or_default();
    let mut view = View::default();
    for pair in query.split('&').filter(|p| !p.is_empty()).take(MAX_PAIRS) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match decode(name).as_str() {
            "q" if view.q.trim().is_empty() => view.q = decode(value),
            "category" if view.category.as_deref().is_none_or(|c| c.trim().is_empty()) => {
                view.category = Some(decode(value));
            }
            // Collect a few spare tags, as blank ones are dropped later.
            "tag" if view.tags.len() < MAX_TAGS * 4 => view.tags.push(decode(value)),
            _ => {}
        }
    }
    view.normalised()
}

/// Writes a view as a canonical query string: `?q=..&category=..&tag=..`,
/// parameters in that order, tags sorted without repeats, everything but
/// unreserved characters percent-encoded (a space as `%20`). The default
/// view is the empty string.
pub fn format_view_query(view: &View) -> String {
    let view = view.normalised();
    let mut out = String::new();
    let mut param = |name: &str, value: &str| {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        encode_into(&mut out, value);
    };
    if !view.q.is_empty() {
        param("q", &view.q);
    }
    if let Some(category) = &view.category {
        param("category", category);
    }
    for tag in &view.tags {
        param("tag", tag);
    }
    out
}

/// Percent-decodes a query component, cut to [`MAX_VALUE_CHARS`] characters.
fn decode(text: &str) -> String {
    // MAX_VALUE_CHARS characters take at most four bytes each; a few more
    // bytes make sure a character cut at the end lies past the limit.
    truncate(&url_text::decode(text, MAX_VALUE_CHARS * 4 + 8)).to_owned()
}

/// Appends `value` percent-encoded: only ASCII letters, digits and `-._~`
/// are written as they are.
fn encode_into(out: &mut String, value: &str) {
    url_text::encode_into(out, value, b"");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::view::tests::view;

    #[test]
    fn parses_the_documented_example() {
        assert_eq!(
            parse_view_query("q=charged%20twice&category=apis&tag=payments&tag=reliability"),
            view("charged twice", Some("apis"), &["payments", "reliability"])
        );
        assert_eq!(parse_view_query("?q=saga"), view("saga", None, &[]));
    }

    #[test]
    fn plus_is_a_space_and_utf8_is_decoded() {
        assert_eq!(parse_view_query("q=charged+twice").q, "charged twice");
        assert_eq!(parse_view_query("q=caf%C3%A9%20%F0%9F%A6%80").q, "café 🦀");
        assert_eq!(parse_view_query("q=%2B1").q, "+1");
        assert_eq!(parse_view_query("q=caf%c3%a9").q, "café");
        assert_eq!(parse_view_query("q=café").q, "café");
    }

    #[test]
    fn malformed_escapes_are_kept_literally() {
        assert_eq!(parse_view_query("q=100%").q, "100%");
        assert_eq!(parse_view_query("q=%zzsaga%4").q, "%zzsaga%4");
        assert_eq!(parse_view_query("q=%%41").q, "%A");
        assert_eq!(parse_view_query("q=%FF%FE").q, "\u{FFFD}\u{FFFD}");
    }

    #[test]
    fn empty_repeated_and_unknown_params() {
        assert_eq!(parse_view_query(""), View::default());
        assert_eq!(parse_view_query("?"), View::default());
        assert_eq!(parse_view_query("&&=&q&tag=&category="), View::default());
        assert_eq!(parse_view_query("page=2&utm_source=x&Q=saga"), View::default());
        assert_eq!(parse_view_query("q=&q=saga&q=cache").q, "saga");
        assert_eq!(
            parse_view_query("category=apis&category=performance")
                .category
                .as_deref(),
            Some("apis")
        );
        assert_eq!(parse_view_query("tag=b&tag=a&tag=b").tags, ["a", "b"]);
        assert_eq!(parse_view_query("q=a=b").q, "a=b");
        assert_eq!(parse_view_query("t%61g=x").tags, ["x"]);
        assert_eq!(parse_view_query("q=saga#tag=x"), view("saga", None, &[]));
    }

    #[test]
    fn huge_values_are_cut() {
        let huge = format!("q={}&tag={}", "%C3%A9".repeat(100_000), "a".repeat(100_000));
        let v = parse_view_query(&huge);
        assert_eq!(v.q, "é".repeat(MAX_VALUE_CHARS));
        assert_eq!(v.tags, ["a".repeat(MAX_VALUE_CHARS)]);
        let many = "tag=x&".repeat(100_000);
        assert_eq!(parse_view_query(&many).tags, ["x"]);
    }

    #[test]
    fn formats_canonically() {
        assert_eq!(format_view_query(&View::default()), "");
        assert_eq!(format_view_query(&view("   ", Some(" "), &[""])), "");
        assert_eq!(
            format_view_query(&view(
                "charged twice",
                Some("apis"),
                &["reliability", "payments", "payments"]
            )),
            "?q=charged%20twice&category=apis&tag=payments&tag=reliability"
        );
        assert_eq!(
            format_view_query(&view("a&b=c+d/é#?%", None, &[])),
            "?q=a%26b%3Dc%2Bd%2F%C3%A9%23%3F%25"
        );
        assert_eq!(format_view_query(&view("", None, &["read-models"])), "?tag=read-models");
    }

    #[test]
    fn round_trips() {
        for v in [
            view("charged twice", Some("apis"), &["payments", "reliability"]),
            view(" <script>alert(1)</script> ", None, &["a+b", "c d"]),
            view("🦀 naïve 100% +", Some("x&y"), &[]),
        ] {
            let normal = v.normalised();
            assert_eq!(parse_view_query(&format_view_query(&normal)), normal);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn any_view() -> impl Strategy<Value = View> {
        let text = prop_oneof![".{0,40}", "[a-z0-9 +%&=#?-]{0,20}", ".{190,230}"];
        (
            text.clone(),
            proptest::option::of(text.clone()),
            proptest::collection::vec(text, 0..6),
        )
            .prop_map(|(q, category, tags)| View { q, category, tags })
    }

    proptest! {
        #[test]
        fn any_string_parses_to_a_normalised_view(input in ".{0,300}") {
            let v = parse_view_query(&input);
            prop_assert_eq!(v.normalised(), v.clone());
            prop_assert!(v.q.chars().count() <= MAX_VALUE_CHARS);
        }

        #[test]
        fn query_like_strings_never_panic(input in "[?&=%+a-zA-Z0-9#é🦀 ]{0,200}") {
            let v = parse_view_query(&input);
            // Formatting what was parsed is a fixed point.
            let formatted = format_view_query(&v);
            prop_assert_eq!(parse_view_query(&formatted), v);
        }

        #[test]
        fn normalised_views_round_trip(v in any_view()) {
            let normal = v.normalised();
            prop_assert_eq!(parse_view_query(&format_view_query(&normal)), normal.clone());
            prop_assert_eq!(format_view_query(&v), format_view_query(&normal));
        }
    }
}
