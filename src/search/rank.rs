//! Ranked search over a [`SearchIndex`].
//!
//! Each query word is expanded into index terms: its own stem (exact), the
//! terms of the vocabulary words it starts (prefix, found by binary search in
//! the sorted vocabulary) and of the words one edit away (typo, found through
//! the deletion neighbourhood). A pattern takes, for each query word, the
//! best of its expansions: posting weight (field weights, term frequency and
//! rarity, precomputed) times a factor for the kind of match.
//!
//! A pattern's score is the sum of its words' contributions times how many
//! of the query's words it matched: matching more words counts for more
//! than the sum alone, but a pattern matching more words that most patterns
//! share does not come before one that a rarer, telling word matches
//! strongly. Patterns are ordered by score, then in catalog order.

use std::cmp::Reverse;

use super::index::SearchIndex;
use super::query::{MAX_QUERY_TERMS, Query, Term};
use super::radix::{RANK_BITS, sort_by_rank};
use super::typo::is_typo_of;

/// Factor for an exact (same stem) match.
const EXACT: f32 = 1.0;
/// Factor for a prefix match, from this for a short prefix of a long word
/// up towards [`EXACT`] as the prefix covers more of the word.
const PREFIX_BASE: f32 = 0.5;
const PREFIX_SPAN: f32 = 0.4;
/// Factor for a match one edit away.
const TYPO: f32 = 0.3;
/// Most vocabulary words a prefix expands to; the shortest (then the most
/// common, then the first in alphabetical order) are kept, as the likeliest
/// completions.
const MAX_PREFIX_WORDS: usize = 48;
/// A prefix stops expanding once its words' postings add up to this many
/// times the number of patterns, which bounds the work of a short prefix.
const PREFIX_POSTINGS_PER_PATTERN: usize = 2;
const MIN_PREFIX_POSTINGS: usize = 10_000;

/// The score takes all the bits of a sort key's rank.
const SCORE_MAX: f32 = ((1u32 << RANK_BITS) - 1) as f32;
const _: () = assert!(MAX_QUERY_TERMS <= u8::MAX as usize && RANK_BITS <= 24);

/// One pattern found by a search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Position of the pattern in `catalog.patterns`.
    pub pattern: usize,
    /// Relevance: the sum of the matched words' contributions times how
    /// many words matched; only comparable within one search.
    pub score: f32,
    /// How many of the query's words the pattern matched.
    pub matched_terms: u8,
}

/// Per-pattern sums while a query runs.
#[derive(Clone, Copy, Default)]
struct Tally {
    /// The matched words' contributions, summed.
    sum: f32,
    /// Best contribution of the current query word.
    best: f32,
    matched: u8,
}

impl Tally {
    /// The pattern's score once every query word is counted: the sum times
    /// the number of words matched.
    fn score(&self) -> f32 {
        self.sum * f32::from(self.matched)
    }
}

impl SearchIndex {
    /// Ranks the patterns matching `query`, best first; an empty query
    /// returns every pattern in catalog order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.rank(&self.expand_query(query))
    }

    /// Parses `text` into a query and records which index terms its words
    /// matched, so that [`super::highlight`] marks every word that made a
    /// pattern match, inflections included.
    pub fn prepare(&self, text: &str) -> Query {
        let mut query = Query::parse(text);
        let expanded = self.expand_query(&query);
        self.resolve(&mut query, &expanded);
        query
    }

    /// The expansions of each query word.
    pub(crate) fn expand_query(&self, query: &Query) -> Vec<Vec<Expansion>> {
        let mut scratch = Vec::new();
        query
            .terms()
            .iter()
            .map(|term| {
                let mut expansions = Vec::new();
                self.expand(term, &mut expansions, &mut scratch);
                expansions
            })
            .collect()
    }

    /// Records in `query` the stems its words were expanded to.
    pub(crate) fn resolve(&self, query: &mut Query, expanded: &[Vec<Expansion>]) {
        query.set_index_stems(
            expanded
                .iter()
                .flatten()
                .map(|e| self.term_text(e.term).into())
                .collect(),
        );
    }

    /// Ranks the patterns matching the expanded query words; no words
    /// means every pattern in catalog order.
    pub(crate) fn rank(&self, expanded: &[Vec<Expansion>]) -> Vec<Hit> {
        if expanded.is_empty() {
            return (0..self.len())
                .map(|pattern| Hit {
                    pattern,
                    score: 0.0,
                    matched_terms: 0,
                })
                .collect();
        }
        let mut tally = vec![Tally::default(); self.len()];
        // Patterns the current query word touched: `touched[..touched_len]`.
        // The loops below avoid unpredictable branches, which dominate
        // their cost on large catalogs.
        let mut touched = vec![0u32; self.len()];
        let mut found = 0;
        for expansions in expanded {
            let mut touched_len = 0;
            for e in expansions {
                let (docs, weights) = self.postings(e.term);
                for (&doc, &weight) in docs.iter().zip(weights) {
                    let Some(t) = tally.get_mut(doc as usize) else { continue };
                    // Each pattern is touched once per query word: its
                    // best goes from zero (never a contribution) to positive.
                    if let Some(slot) = touched.get_mut(touched_len) {
                        *slot = doc;
                    }
                    touched_len += usize::from(t.best == 0.0);
                    let contribution = weight * e.factor;
                    t.best = if contribution > t.best { contribution } else { t.best };
                }
            }
            for &doc in touched.iter().take(touched_len) {
                let Some(t) = tally.get_mut(doc as usize) else { continue };
                found += usize::from(t.matched == 0);
                t.matched = t.matched.saturating_add(1);
                t.sum += t.best;
                t.best = 0.0;
            }
        }
        let best = tally.iter().map(Tally::score).fold(f32::MIN_POSITIVE, f32::max);
        // One integer key per hit sorts fast. Its rank (the high half) is
        // the score, highest first, scaled to the best score; the low half
        // is the pattern number, already in catalog order, which the stable
        // sort keeps among equals.
        let mut keys: Vec<u64> = vec![0; found];
        let mut keys_len = 0;
        for (doc, t) in tally.iter().enumerate() {
            // Float to integer casts saturate: the result is in 0..=SCORE_MAX.
            let rank = (SCORE_MAX - t.score() / best * SCORE_MAX) as u64;
            if let Some(slot) = keys.get_mut(keys_len) {
                *slot = (rank << 32) | doc as u64;
            }
            keys_len += usize::from(t.matched > 0);
        }
        keys.truncate(keys_len);
        sort_by_rank(&mut keys);
        let mut hits = Vec::with_capacity(keys.len());
        for key in keys {
            // The low half of a key is the pattern number.
            let doc = key as u32 as usize;
            if let Some(t) = tally.get(doc) {
                hits.push(Hit {
                    pattern: doc,
                    score: t.score(),
                    matched_terms: t.matched,
                });
            }
        }
        hits
    }

    /// The index terms a query word stands for, each with its best factor.
    fn expand(&self, term: &Term, out: &mut Vec<Expansion>, scratch: &mut Vec<u32>) {
        out.clear();
        if term.exact
            && let Some(id) = self.term_id(&term.stem)
        {
            out.push(Expansion {
                term: id,
                factor: EXACT,
            });
        }
        if term.prefix {
            self.expand_prefix(term, out, scratch);
        }
        if term.typo {
            scratch.clear();
            self.typo_candidates(&term.text, scratch);
            crate::sort::sort(scratch);
            scratch.dedup();
            for &word_id in scratch.iter() {
                if let Some((word, id)) = self.word(word_id as usize)
                    && is_typo_of(&term.text, word)
                {
                    out.push(Expansion { term: id, factor: TYPO });
                }
            }
        }
        // Keep the best expansion of each term.
        crate::sort::sort_by(out, |a, b| {
            a.term < b.term || (a.term == b.term && a.factor.total_cmp(&b.factor).is_gt())
        });
        out.dedup_by_key(|e| e.term);
    }

    fn expand_prefix(&self, term: &Term, out: &mut Vec<Expansion>, scratch: &mut Vec<u32>) {
        let range = self.words_with_prefix(&term.text);
        scratch.clear();
        scratch.extend(range.map(|i| i as u32));
        let likelihood = |&id: &u32| {
            let (word, term) = self.word(id as usize).unwrap_or(("", 0));
            (word.len(), Reverse(self.document_frequency(term)), id)
        };
        crate::sort::select_least_by(scratch, MAX_PREFIX_WORDS, |a, b| likelihood(a) < likelihood(b));
        scratch.truncate(MAX_PREFIX_WORDS);
        let budget = (self.len() * PREFIX_POSTINGS_PER_PATTERN).max(MIN_PREFIX_POSTINGS);
        let typed = term.text.chars().count() as f32;
        let mut spent = 0;
        for &word_id in scratch.iter() {
            let Some((word, id)) = self.word(word_id as usize) else {
                continue;
            };
            if spent >= budget {
                break;
            }
            spent += self.document_frequency(id);
            let coverage = typed / word.chars().count().max(1) as f32;
            out.push(Expansion {
                term: id,
                factor: PREFIX_BASE + PREFIX_SPAN * coverage.min(1.0),
            });
        }
    }
}

/// One index term a query word stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Expansion {
    term: u32,
    factor: f32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{catalog_of, pattern, small_catalog};

    fn slugs(query: &str) -> Vec<String> {
        let catalog = small_catalog();
        let index = SearchIndex::new(&catalog);
        index
            .search(&Query::parse(query))
            .iter()
            .map(|h| catalog.patterns[h.pattern].slug.clone())
            .collect()
    }

    #[test]
    fn an_empty_query_returns_everything_in_catalog_order() {
        assert_eq!(slugs(""), ["idempotency-key", "read-through-cache", "rate-limit"]);
        assert_eq!(
            slugs("  the  "),
            ["idempotency-key", "read-through-cache", "rate-limit"]
        );
    }

    #[test]
    fn stems_match_other_inflections() {
        assert_eq!(slugs("charging"), ["idempotency-key"]);
        assert_eq!(slugs("retries"), ["idempotency-key", "rate-limit"]);
    }

    #[test]
    fn matching_more_words_ranks_higher() {
        // rate-limit matches both words, the others one each.
        let found = slugs("retry database");
        assert_eq!(found.len(), 3);
        assert_eq!(found[0], "rate-limit");
    }

    #[test]
    fn a_telling_word_outranks_words_most_patterns_share() {
        // Every pattern but the first mentions both words in its summary;
        // only the first is named by one of them.
        let catalog = catalog_of(vec![
            pattern("a", "Ledger", "c", &[], "Keeps balances."),
            pattern("b", "Beta", "c", &[], "Runs steps and keeps a ledger."),
            pattern("c", "Gamma", "c", &[], "Runs steps and keeps a ledger."),
            pattern("d", "Delta", "c", &[], "Runs steps and keeps a ledger."),
        ]);
        let index = SearchIndex::new(&catalog);
        let hits = index.search(&Query::parse("ledger steps"));
        assert_eq!(hits.iter().map(|h| h.pattern).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!((hits[0].matched_terms, hits[1].matched_terms), (1, 2));
    }

    #[test]
    fn the_name_outranks_the_summary() {
        let catalog = catalog_of(vec![
            pattern("a", "Alpha", "c", &[], "Mentions the cache once."),
            pattern("b", "Cache", "c", &[], "Something else."),
        ]);
        let index = SearchIndex::new(&catalog);
        let hits = index.search(&Query::parse("cache"));
        assert_eq!(hits.iter().map(|h| h.pattern).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn prefixes_match_as_you_type() {
        assert_eq!(slugs("idem"), ["idempotency-key"]);
        assert_eq!(slugs("thrott"), ["rate-limit"]);
        assert_eq!(slugs("i"), ["idempotency-key"]);
    }

    #[test]
    fn one_typo_is_tolerated_but_ranked_below_exact() {
        assert_eq!(slugs("idempotncy"), ["idempotency-key"]);
        assert_eq!(slugs("chache"), ["read-through-cache"]);
        let catalog = catalog_of(vec![
            pattern("a", "Saga", "c", &[], "x"),
            pattern("b", "Sage", "c", &[], "x"),
        ]);
        let index = SearchIndex::new(&catalog);
        let hits = index.search(&Query::parse("sage"));
        assert_eq!(hits.iter().map(|h| h.pattern).collect::<Vec<_>>(), [1, 0]);
        assert!(hits[0].score > hits[1].score, "{hits:?}");
    }

    #[test]
    fn short_words_get_no_typo_tolerance() {
        assert!(slugs("kex").is_empty());
    }

    #[test]
    fn nothing_matches_nonsense() {
        assert!(slugs("zzzzqqq").is_empty());
    }
}
