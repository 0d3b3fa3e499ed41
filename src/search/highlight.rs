//! Highlighting: splits a text into segments and marks the words a query
//! matched, for the UI to wrap in `<mark>`. A word is marked when it matches
//! a query word by the rules the index uses (same stem, prefix, one typo),
//! or when its stem is one the index matched for the query (so `charged`,
//! matched by the typo `chargd`, also marks `charging`). Segments are slices of the text, so joining them
//! gives the text back unchanged; nothing is escaped or interpreted here.

use super::query::Query;
use super::stem::stem;
use super::tokenize::{Word, for_each_word, is_searchable};

/// A piece of a highlighted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'t> {
    /// The text of the piece, exactly as in the original.
    pub text: &'t str,
    /// True when the piece is a word the query matched.
    pub matched: bool,
}

/// Splits `text` into matched words and the unmatched text between them.
/// Adjacent unmatched text forms one segment; an empty text gives no
/// segments; a query that matches nothing gives the whole text unmatched.
pub fn highlight<'t>(text: &'t str, query: &Query) -> Vec<Segment<'t>> {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    if !query.is_empty() {
        for_each_word(text, |word| {
            // A compound comes after its parts: it is marked whole only
            // when none of them was (`readmodels` marks `read-models`).
            let part_marked = word.compound && marks.last().is_some_and(|&(start, _)| start >= word.span.start);
            if !part_marked && matches(query, &word) {
                marks.push((word.span.start, word.span.end));
            }
        });
    }
    let mut segments = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in marks {
        if let Some(before) = text.get(at..start).filter(|s| !s.is_empty()) {
            segments.push(Segment {
                text: before,
                matched: false,
            });
        }
        if let Some(word) = text.get(start..end) {
            segments.push(Segment {
                text: word,
                matched: true,
            });
        }
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|s| !s.is_empty()) {
        segments.push(Segment {
            text: rest,
            matched: false,
        });
    }
    segments
}

/// True when some query word matches this text word.
fn matches(query: &Query, word: &Word) -> bool {
    if !is_searchable(&word.text) {
        return false;
    }
    let stemmed = stem(&word.text);
    query.matches_stem(&stemmed)
        || query
            .terms()
            .iter()
            .any(|term| term.match_kind(&word.text, &stemmed).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        highlight(text, &Query::parse(query))
            .into_iter()
            .filter(|s| s.matched)
            .map(|s| s.text)
            .collect()
    }

    fn joined(segments: &[Segment]) -> String {
        segments.iter().map(|s| s.text).collect()
    }

    #[test]
    fn marks_stem_prefix_and_typo_matches() {
        let text = "Retrying can end up charging a card twice.";
        assert_eq!(
            highlight(text, &Query::parse("charged twice")),
            [
                Segment {
                    text: "Retrying can end up ",
                    matched: false
                },
                Segment {
                    text: "charging",
                    matched: true
                },
                Segment {
                    text: " a card ",
                    matched: false
                },
                Segment {
                    text: "twice",
                    matched: true
                },
                Segment {
                    text: ".",
                    matched: false
                },
            ]
        );
        assert_eq!(marked(text, "retr"), ["Retrying"]);
        assert_eq!(marked("The Saga pattern", "sagga"), ["Saga"]);
    }

    #[test]
    fn stop_words_in_the_text_are_never_marked() {
        assert_eq!(marked("a saga and an audit", "a"), ["audit"]);
    }

    #[test]
    fn a_matched_compound_is_one_mark() {
        assert_eq!(marked("uses read-models today", "readmodels"), ["read-models"]);
        assert_eq!(marked("uses read-models today", "models"), ["models"]);
        assert_eq!(marked("read-models", "read models"), ["read", "models"]);
        assert_eq!(marked("read-models", "rea"), ["read"]);
    }

    #[test]
    fn no_query_or_no_match_leaves_the_text_whole() {
        let text = "Reads go through a cache.";
        assert_eq!(highlight(text, &Query::parse("")), [Segment { text, matched: false }]);
        assert_eq!(
            highlight(text, &Query::parse("zebra")),
            [Segment { text, matched: false }]
        );
        assert!(highlight("", &Query::parse("cache")).is_empty());
    }

    #[test]
    fn any_unicode_and_markup_come_back_unchanged() {
        let text = "🦀 Café-Über <script>alert('saga')</script> naïve caché 日本語 saga🦀";
        for query in [
            "saga", "script", "café", "cafe", "naive", "日本", "🦀", "über", "caf", "",
        ] {
            let segments = highlight(text, &Query::parse(query));
            assert_eq!(joined(&segments), text, "query {query:?}");
        }
        assert_eq!(marked(text, "script"), ["script", "script"]);
        assert_eq!(marked(text, "saga"), ["saga", "saga"]);
        assert_eq!(marked(text, "naive"), ["naïve"]);
        assert_eq!(marked(text, "日本"), ["日本語"]);
        assert_eq!(marked(text, "caf"), ["Café"]);
        assert_eq!(marked(text, "caféüber"), ["Café-Über"]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::search::SearchIndex;

    proptest! {
        #[test]
        fn segments_rebuild_any_text(text in any::<String>(), query in any::<String>()) {
            let segments = highlight(&text, &Query::parse(&query));
            prop_assert_eq!(segments.iter().map(|s| s.text).collect::<String>(), text.as_str());
            prop_assert!(segments.iter().all(|s| !s.text.is_empty()));
            prop_assert!(segments.windows(2).all(|w| w[0].matched || w[1].matched));
        }

        #[test]
        fn any_query_runs_and_highlights_against_the_catalog(query in "\\PC{0,30}") {
            let index = SearchIndex::embedded().expect("valid catalog");
            let prepared = index.prepare(&query);
            let hits = index.search(&prepared);
            prop_assert!(hits.len() <= index.len());
            let text = format!("{query} and the saga");
            let segments = highlight(&text, &prepared);
            prop_assert_eq!(segments.iter().map(|s| s.text).collect::<String>(), text.as_str());
        }
    }
}
