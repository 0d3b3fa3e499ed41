//! The search index, built once per catalog: an inverted index from stems
//! to weighted postings, a sorted vocabulary of the words as written (for
//! prefixes), their deletion neighbourhood (for typos), and each pattern's
//! category and tags as small numbers (for filters and facet counts).
//!
//! Building it lives in `builder.rs`, querying it in `rank.rs`; this file
//! holds its data and the lookups ranking and filtering make.

mod builder;

use std::ops::Range;

use super::typo::{for_each_deletion_hash, hash_word};

/// Marks a pattern whose category the catalog does not list.
pub(crate) const NO_CATEGORY: u32 = u32::MAX;

/// A catalog's search index. Build it once with [`SearchIndex::new`] and
/// query it with [`SearchIndex::search`] or [`super::apply_view`], always
/// together with the catalog it was built from.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(PartialEq))]
pub struct SearchIndex {
    pattern_count: usize,
    /// Index terms (stems), sorted.
    terms: Vec<Box<str>>,
    /// Postings of term `t`: `posting_docs[term_starts[t]..term_starts[t + 1]]`.
    term_starts: Vec<u32>,
    posting_docs: Vec<u32>,
    /// Per posting: the sum over the pattern's fields of the field's weight
    /// times the term's frequency there (damped) times the term's rarity in
    /// that field, so a query only multiplies and adds.
    posting_weights: Vec<f32>,
    /// Every indexed word as written (lower case), sorted, and its term.
    words: Vec<Box<str>>,
    word_terms: Vec<u32>,
    /// `hash << 32 | word` for each word's own hash and each of its
    /// one-character deletions, sorted.
    neighbourhood: Vec<u64>,
    /// Category slugs in catalog order, and each pattern's category.
    categories: Vec<Box<str>>,
    pattern_categories: Vec<u32>,
    /// Tag slugs sorted, and each pattern's tags as a row of
    /// `tag_row_width` sorted ids, padded with `tags.len()` (greater than
    /// every id): `pattern_tags[p * width..(p + 1) * width]`. Rows of one
    /// width make counting tags a loop whose length never surprises the
    /// branch predictor.
    tags: Vec<Box<str>>,
    tag_row_width: usize,
    pattern_tags: Vec<u32>,
}

impl SearchIndex {
    /// How many patterns were indexed.
    pub fn len(&self) -> usize {
        self.pattern_count
    }

    /// True when the catalog had no patterns.
    pub fn is_empty(&self) -> bool {
        self.pattern_count == 0
    }

    /// Category slugs, in catalog order.
    pub fn categories(&self) -> impl ExactSizeIterator<Item = &str> {
        self.categories.iter().map(AsRef::as_ref)
    }

    /// Every tag some pattern carries, sorted.
    pub fn tags(&self) -> impl ExactSizeIterator<Item = &str> {
        self.tags.iter().map(AsRef::as_ref)
    }

    // ---- lookups for rank.rs and filter.rs ----

    /// The term with this stem.
    pub(crate) fn term_id(&self, stem: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_ref().cmp(stem)).ok().map(to_u32)
    }

    /// The stem of a term.
    pub(crate) fn term_text(&self, term: u32) -> &str {
        self.terms.get(term as usize).map_or("", AsRef::as_ref)
    }

    /// The postings of a term: pattern numbers and their weights.
    pub(crate) fn postings(&self, term: u32) -> (&[u32], &[f32]) {
        let t = term as usize;
        let range = match (self.term_starts.get(t), self.term_starts.get(t + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        (&self.posting_docs[range.clone()], &self.posting_weights[range])
    }

    /// How many patterns contain a term.
    pub(crate) fn document_frequency(&self, term: u32) -> usize {
        self.postings(term).0.len()
    }

    /// The ids of the words that start with `prefix`, a range of the sorted
    /// vocabulary found by binary search.
    pub(crate) fn words_with_prefix(&self, prefix: &str) -> Range<usize> {
        let start = self.words.partition_point(|w| w.as_ref() < prefix);
        let len = self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..start + len
    }

    /// A word as written, and its term.
    pub(crate) fn word(&self, id: usize) -> Option<(&str, u32)> {
        Some((self.words.get(id)?.as_ref(), *self.word_terms.get(id)?))
    }

    /// Pushes onto `out` the ids of the words that share a deletion-neighbourhood
    /// key with `typed` (candidates only: check each with `is_typo_of`).
    pub(crate) fn typo_candidates(&self, typed: &str, out: &mut Vec<u32>) {
        let mut look_up = |hash: u32| {
            let start = self.neighbourhood.partition_point(|&key| key >> 32 < u64::from(hash));
            out.extend(
                self.neighbourhood[start..]
                    .iter()
                    .take_while(|&&key| key >> 32 == u64::from(hash))
                    .map(|&key| key as u32),
            );
        };
        look_up(hash_word(typed));
        for_each_deletion_hash(typed, look_up);
    }

    /// The number of a category slug.
    pub(crate) fn category_id(&self, slug: &str) -> Option<u32> {
        self.categories.iter().position(|c| c.as_ref() == slug).map(to_u32)
    }

    /// The number of a tag slug.
    pub(crate) fn tag_id(&self, slug: &str) -> Option<u32> {
        self.tags.binary_search_by(|t| t.as_ref().cmp(slug)).ok().map(to_u32)
    }

    /// A pattern's category number ([`NO_CATEGORY`] when unknown).
    pub(crate) fn pattern_category(&self, doc: usize) -> u32 {
        self.pattern_categories.get(doc).copied().unwrap_or(NO_CATEGORY)
    }

    /// A pattern's tag numbers, sorted, then padded with
    /// [`Self::tag_padding`] to the same length for every pattern.
    pub(crate) fn pattern_tags(&self, doc: usize) -> &[u32] {
        let width = self.tag_row_width;
        self.pattern_tags
            .get(doc * width..(doc + 1) * width)
            .unwrap_or_default()
    }

    /// The number that pads rows of tag numbers: one past the last tag.
    pub(crate) fn tag_padding(&self) -> u32 {
        to_u32(self.tags.len())
    }
}

/// Counts in the index are `u32` to halve its size; a catalog of four
/// billion patterns or words is not a case to handle gracefully.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::{Catalog, Category, Pattern};

    /// A pattern with the given text in every field, for small test catalogs.
    pub(crate) fn pattern(slug: &str, name: &str, category: &str, tags: &[&str], summary: &str) -> Pattern {
        Pattern {
            slug: slug.into(),
            name: name.into(),
            category: category.into(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            summary: summary.into(),
            problem: String::new(),
            forces: Vec::new(),
            solution: String::new(),
            how_it_works: Vec::new(),
            when_to_use: Vec::new(),
            when_not_to_use: Vec::new(),
            tradeoffs: Vec::new(),
            related: Vec::new(),
            simulation: None,
        }
    }

    /// A catalog of these patterns, with the categories they name.
    pub(crate) fn catalog_of(patterns: Vec<Pattern>) -> Catalog {
        let mut categories: Vec<Category> = Vec::new();
        for p in &patterns {
            if !categories.iter().any(|c| c.slug == p.category) {
                categories.push(Category {
                    slug: p.category.clone(),
                    name: p.category.to_uppercase(),
                });
            }
        }
        Catalog { categories, patterns }
    }

    /// A small catalog of three patterns in two categories.
    pub(crate) fn small_catalog() -> Catalog {
        Catalog {
            categories: vec![
                Category {
                    slug: "apis".into(),
                    name: "APIs".into(),
                },
                Category {
                    slug: "performance".into(),
                    name: "Performance".into(),
                },
            ],
            patterns: vec![
                pattern(
                    "idempotency-key",
                    "Idempotency Key",
                    "apis",
                    &["payments", "reliability"],
                    "Stops a card being charged twice on retry.",
                ),
                pattern(
                    "read-through-cache",
                    "Read-Through Cache",
                    "performance",
                    &["caching", "read-heavy"],
                    "Reads go through a cache in front of a slow database.",
                ),
                pattern(
                    "rate-limit",
                    "Rate Limit",
                    "apis",
                    &["reliability", "throttling"],
                    "Caps how often a client may call, so retries cannot swamp a database.",
                ),
            ],
        }
    }

    #[test]
    fn terms_are_stems_with_postings_in_pattern_order() {
        let index = SearchIndex::new(&small_catalog());
        assert_eq!(index.len(), 3);
        let database = index.term_id("databas").expect("database is indexed by its stem");
        assert_eq!(index.postings(database).0, [1, 2]);
        assert!(index.term_id("the").is_none(), "stop words are not indexed");
        assert!(index.term_id("database").is_none(), "only stems are terms");
    }

    #[test]
    fn name_outweighs_summary() {
        let index = SearchIndex::new(&small_catalog());
        let cache = index.term_id("cach").expect("cache");
        let (docs, weights) = index.postings(cache);
        assert_eq!(docs, [1]);
        assert!(weights[0] > builder::weights::SUMMARY, "name + summary");
    }

    #[test]
    fn hyphenated_tags_are_indexed_whole_and_in_parts() {
        let index = SearchIndex::new(&small_catalog());
        for stem in ["read", "heavi", "readheavi"] {
            let term = index.term_id(stem).unwrap_or_else(|| panic!("{stem} is indexed"));
            assert!(index.postings(term).0.contains(&1));
        }
    }

    #[test]
    fn vocabulary_is_sorted_for_prefix_ranges() {
        let index = SearchIndex::new(&small_catalog());
        assert!(index.words.windows(2).all(|w| w[0] < w[1]));
        let range = index.words_with_prefix("rea");
        let found: Vec<&str> = range.map(|i| index.word(i).map_or("", |(w, _)| w)).collect();
        assert_eq!(found, ["read", "readheavy", "reads", "readthrough"]);
        assert!(index.words_with_prefix("zzz").is_empty());
        assert!(index.words_with_prefix("").len() == index.words.len());
    }

    #[test]
    fn facets_are_numbered() {
        let index = SearchIndex::new(&small_catalog());
        assert_eq!(index.categories().collect::<Vec<_>>(), ["apis", "performance"]);
        assert_eq!(
            index.tags().collect::<Vec<_>>(),
            ["caching", "payments", "read-heavy", "reliability", "throttling"]
        );
        assert_eq!(index.pattern_category(2), 0);
        assert_eq!(index.pattern_tags(2), [3, 4]);
        assert_eq!(index.tag_padding(), 5);
        assert_eq!(index.pattern_tags(99), [] as [u32; 0]);
        assert_eq!(index.pattern_category(99), NO_CATEGORY);
    }

    #[test]
    fn neighbouring_patterns_keep_a_shared_tag() {
        let catalog = catalog_of(vec![
            pattern("a", "A", "c", &["x", "y"], "a"),
            pattern("b", "B", "c", &["y", "z", "y"], "b"),
        ]);
        let index = SearchIndex::new(&catalog);
        assert_eq!(index.pattern_tags(0), [0, 1]);
        assert_eq!(index.pattern_tags(1), [1, 2]);
    }

    #[test]
    fn tag_rows_are_padded_to_one_width() {
        let catalog = catalog_of(vec![
            pattern("a", "A", "c", &["x"], "a"),
            pattern("b", "B", "c", &["z", "y"], "b"),
            pattern("c", "C", "c", &[], "c"),
        ]);
        let index = SearchIndex::new(&catalog);
        assert_eq!(index.tag_padding(), 3);
        assert_eq!(index.pattern_tags(0), [0, 3]);
        assert_eq!(index.pattern_tags(1), [1, 2]);
        assert_eq!(index.pattern_tags(2), [3, 3]);
    }

    #[test]
    fn an_empty_catalog_gives_an_empty_index() {
        let index = SearchIndex::new(&Catalog {
            categories: Vec::new(),
            patterns: Vec::new(),
        });
        assert!(index.is_empty());
        assert!(index.term_id("saga").is_none());
    }
}
