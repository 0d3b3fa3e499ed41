//! Splits text into lower-case words, with the byte span of each word in the
//! original text, and knows which words are too common to search for.
//!
//! A word is a run of alphanumeric characters; everything else separates
//! words. Hyphenated runs such as `read-models` are reported both as their
//! parts (`read`, `models`) and, once, as a compound joined without the
//! hyphen (`readmodels`), so the index and the highlighter agree on both.

use std::ops::Range;

use crate::lowercase::push_lowercase;

/// Longest word, in characters, that is indexed or searched for; longer
/// runs are noise (hashes, base64) and would only bloat the vocabulary.
pub const MAX_WORD_CHARS: usize = 40;

/// One word found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word in lower case (a compound without its hyphens).
    pub text: String,
    /// Byte range of the word in the original text (for a compound, from
    /// the start of its first part to the end of its last), always on char
    /// boundaries.
    pub span: Range<usize>,
    /// True for the joined form of a hyphenated run.
    pub compound: bool,
}

/// Calls `visit` for every word of `text`, in order; a compound follows its
/// last part. Words are not filtered: see [`is_searchable`].
pub fn for_each_word(text: &str, mut visit: impl FnMut(Word)) {
    // Parts of the current hyphenated run: (lower-case text, start byte).
    let mut run: Vec<(String, usize)> = Vec::new();
    let mut run_end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            chars.next();
            continue;
        }
        let mut lower = String::new();
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            push_lowercase(c, &mut lower);
            end = i + c.len_utf8();
            chars.next();
        }
        // A part continues the run when exactly one hyphen separates it from
        // the previous part.
        let joined = !run.is_empty() && text.get(run_end..start) == Some("-");
        if !joined {
            flush_compound(&mut run, run_end, &mut visit);
        }
        visit(Word {
            text: lower.clone(),
            span: start..end,
            compound: false,
        });
        run.push((lower, start));
        run_end = end;
    }
    flush_compound(&mut run, run_end, &mut visit);
}

fn flush_compound(run: &mut Vec<(String, usize)>, end: usize, visit: &mut impl FnMut(Word)) {
    if run.len() > 1 {
        let text: String = run.iter().map(|(part, _)| part.as_str()).collect();
        visit(Word {
            text,
            span: run[0].1..end,
            compound: true,
        });
    }
    run.clear();
}

/// True when a (lower-case) word is worth indexing or searching for: not a
/// stop word and not absurdly long.
pub fn is_searchable(word: &str) -> bool {
    !word.is_empty() && !is_stop_word(word) && word.chars().count() <= MAX_WORD_CHARS
}

/// Common English words that say nothing about a pattern. Sorted, so the
/// lookup is a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "each", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is",
    "it", "its", "may", "me", "more", "most", "must", "my", "not", "of", "on", "one", "only", "or", "other", "our",
    "s", "should", "so", "some", "such", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "would", "you", "your",
];

/// True for a (lower-case) stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        for_each_word(text, |word| out.push(word));
        out
    }

    fn texts(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn stop_words_are_sorted_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_on_anything_not_alphanumeric_and_lowers_case() {
        assert_eq!(
            texts("Reads go through, a CACHE!"),
            ["reads", "go", "through", "a", "cache"]
        );
        assert_eq!(texts("  "), Vec::<String>::new());
        assert_eq!(texts("HTTP 409 (conflict)"), ["http", "409", "conflict"]);
    }

    #[test]
    fn hyphenated_runs_give_parts_then_the_compound() {
        assert_eq!(
            texts("read-models and at-least-once"),
            [
                "read",
                "models",
                "readmodels",
                "and",
                "at",
                "least",
                "once",
                "atleastonce"
            ]
        );
        let all = words("x read-models");
        let compound = all.iter().find(|w| w.compound).expect("a compound");
        assert_eq!(compound.span, 2..13);
        // A double hyphen or a dash with spaces does not join.
        assert_eq!(texts("a--b c - d"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn spans_are_char_boundaries_on_any_unicode() {
        let text = "Ça marche 🦀 naïve-Über <script>";
        for word in words(text) {
            let slice = text.get(word.span.clone()).expect("span on char boundaries");
            if !word.compound {
                assert_eq!(slice.to_lowercase(), word.text);
            }
        }
        assert_eq!(texts(text), ["ça", "marche", "naïve", "über", "naïveüber", "script"]);
    }

    #[test]
    fn searchable_excludes_stop_words_and_long_runs() {
        assert!(is_searchable("saga"));
        assert!(!is_searchable("the"));
        assert!(!is_searchable(""));
        assert!(!is_searchable(&"x".repeat(MAX_WORD_CHARS + 1)));
    }
}
