//! A search query, parsed once: its words, with how each may match (by its
//! stem, as a prefix of a longer word, with a typo). The index and the
//! highlighter both read it, so they agree on what matched.

use super::stem::stem;
use super::tokenize::{MAX_WORD_CHARS, for_each_word, is_stop_word};
use super::typo::{MAX_TYPO_CHARS, MIN_TYPO_CHARS, is_typo_of};

/// Most words a query is searched for; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 12;

/// Shortest word, in characters, that matches as a prefix wherever it is in
/// the query. A shorter last word matches as a prefix too while the user is
/// still typing it (no space after it yet).
pub const MIN_PREFIX_CHARS: usize = 2;

/// A parsed search query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Term>,
    /// The index terms (stems) the words were expanded to by prefix and
    /// typo matching, sorted; empty until an index resolves the query.
    /// The highlighter marks every word with one of these stems, so what
    /// made a pattern match is always visible.
    index_stems: Vec<Box<str>>,
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The word in lower case, as typed.
    pub text: String,
    /// Its stem: a text word with the same stem is an exact match.
    pub stem: String,
    /// Whether it matches by its stem; false for a stop word kept only as
    /// the prefix the user is typing.
    pub exact: bool,
    /// Whether it matches the start of longer words (`idem` -> idempotency).
    pub prefix: bool,
    /// Whether it matches words one edit away (`sagga` -> saga).
    pub typo: bool,
}

impl Query {
    /// Parses what the user typed. Never fails: text with no searchable word
    /// gives an empty query, which matches everything.
    pub fn parse(text: &str) -> Query {
        let still_typing = text.chars().next_back().is_some_and(char::is_alphanumeric);
        let mut found: Vec<String> = Vec::new();
        for_each_word(text, |word| {
            if !word.compound && word.text.chars().count() <= MAX_WORD_CHARS {
                found.push(word.text);
            }
        });
        let last = found.len().checked_sub(1);
        let mut terms: Vec<Term> = Vec::new();
        for (i, text) in found.into_iter().enumerate() {
            let is_last = Some(i) == last;
            let chars = text.chars().count();
            let stop = is_stop_word(&text);
            if stop && !(is_last && still_typing) {
                continue;
            }
            let term = Term {
                stem: stem(&text),
                exact: !stop,
                prefix: chars >= MIN_PREFIX_CHARS || (is_last && still_typing),
                typo: !stop && (MIN_TYPO_CHARS..=MAX_TYPO_CHARS).contains(&chars),
                text,
            };
            if let Some(same) = terms.iter_mut().find(|t| t.stem == term.stem) {
                same.exact |= term.exact;
                same.prefix |= term.prefix;
                same.typo |= term.typo;
            } else if terms.len() < MAX_QUERY_TERMS {
                terms.push(term);
            }
        }
        Query {
            terms,
            index_stems: Vec::new(),
        }
    }

    /// True when there is nothing to search for; such a query matches every
    /// pattern.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words searched for, in the order typed, without repeats.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Records the stems an index matched for this query (see
    /// `SearchIndex::prepare`).
    pub(crate) fn set_index_stems(&mut self, mut stems: Vec<Box<str>>) {
        crate::sort::sort(&mut stems);
        stems.dedup();
        self.index_stems = stems;
    }

    /// True when a word with this stem matches the query: the index matched
    /// the stem for some query word, or the stem is some word's own.
    pub(crate) fn matches_stem(&self, stem: &str) -> bool {
        self.index_stems.binary_search_by(|s| s.as_ref().cmp(stem)).is_ok()
    }
}

impl Term {
    /// How `word` (a lower-case text word, already known to be searchable)
    /// matches this term, if it does; `stemmed` is its stem.
    pub fn match_kind(&self, word: &str, stemmed: &str) -> Option<MatchKind> {
        if self.exact && stemmed == self.stem {
            Some(MatchKind::Exact)
        } else if self.prefix && word.starts_with(&self.text) {
            Some(MatchKind::Prefix)
        } else if self.typo && is_typo_of(&self.text, word) {
            Some(MatchKind::Typo)
        } else {
            None
        }
    }
}

/// How a text word matched a query word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// Same stem: `charged` for `charging`.
    Exact,
    /// The query word starts the text word: `idem` for `idempotency`.
    Prefix,
    /// One edit apart: `sagga` for `saga`.
    Typo,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<&str> {
        q.terms().iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_are_lowered_stop_words_dropped_and_repeats_merged() {
        let q = Query::parse("The Charged, charging TWICE ");
        assert_eq!(texts(&q), ["charged", "twice"]);
        assert!(q.terms().iter().all(|t| t.exact && t.prefix && t.typo));
    }

    #[test]
    fn blank_or_symbol_only_text_is_empty() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   ").is_empty());
        assert!(Query::parse("!!! --- <>").is_empty());
        assert!(Query::parse("the of ").is_empty());
    }

    #[test]
    fn a_stop_word_being_typed_is_kept_as_a_prefix_only() {
        let q = Query::parse("saga th");
        assert_eq!(texts(&q), ["saga", "th"]);
        let q = Query::parse("cache a");
        let last = &q.terms()[1];
        assert!(!last.exact && last.prefix && !last.typo);
        assert_eq!(texts(&Query::parse("cache a ")), ["cache"]);
    }

    #[test]
    fn one_letter_words_are_prefixes_only_while_typed() {
        assert!(Query::parse("x").terms()[0].prefix);
        assert!(!Query::parse("x ").terms()[0].prefix);
        assert!(!Query::parse("x saga").terms()[0].prefix);
    }

    #[test]
    fn typos_only_for_four_letters_or_more() {
        assert!(!Query::parse("sag").terms()[0].typo);
        assert!(Query::parse("sagg").terms()[0].typo);
    }

    #[test]
    fn hyphenated_queries_search_for_the_parts() {
        assert_eq!(texts(&Query::parse("read-models")), ["read", "models"]);
    }

    #[test]
    fn the_number_of_terms_is_capped() {
        let many: Vec<String> = (0..100).map(|i| format!("word{i}")).collect();
        assert_eq!(Query::parse(&many.join(" ")).terms().len(), MAX_QUERY_TERMS);
        assert!(Query::parse(&"x".repeat(100_000)).is_empty());
    }

    #[test]
    fn match_kinds() {
        let q = Query::parse("charged idem sagga");
        let [charged, idem, sagga] = q.terms() else {
            panic!("three terms")
        };
        assert_eq!(
            charged.match_kind("charging", &stem("charging")),
            Some(MatchKind::Exact)
        );
        assert_eq!(
            idem.match_kind("idempotency", &stem("idempotency")),
            Some(MatchKind::Prefix)
        );
        assert_eq!(sagga.match_kind("saga", &stem("saga")), Some(MatchKind::Typo));
        assert_eq!(sagga.match_kind("cache", &stem("cache")), None);
    }
}
