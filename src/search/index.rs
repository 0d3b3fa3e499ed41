//! The search index, built once per catalog: an inverted index from stems
//! to weighted postings, a sorted vocabulary of the words as written (for
//! prefixes), their deletion neighbourhood (for typos), and each pattern's
//! category and tags as small numbers (for filters and facet counts).
//!
//! Querying it lives in `rank.rs`; this file only builds and looks up.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::OnceLock;

use super::stem::stem;
use super::tokenize::{for_each_word, is_searchable};
use super::typo::{MAX_TYPO_CHARS, MIN_TYPO_CHARS, WordHasher, for_each_deletion_hash, hash_word};
use crate::catalog::{Catalog, Pattern};

/// How much a word counts in each field: the name most, then tags, the
/// summary, the problem and solution, and the longer lists least.
pub mod weights {
    pub const NAME: f32 = 10.0;
    pub const TAGS: f32 = 7.0;
    pub const SUMMARY: f32 = 4.0;
    pub const PROBLEM: f32 = 2.5;
    pub const SOLUTION: f32 = 2.0;
    pub const FORCES: f32 = 1.0;
    pub const HOW_IT_WORKS: f32 = 1.0;
}

/// Marks a pattern whose category the catalog does not list.
pub(crate) const NO_CATEGORY: u32 = u32::MAX;

/// A catalog's search index. Build it once with [`SearchIndex::new`] and
/// query it with [`SearchIndex::search`] or [`super::apply_view`], always
/// together with the catalog it was built from.
#[derive(Debug, Clone, Default)]
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
    /// `(hash, word)` for each word's own hash and each of its one-character
    /// deletions, sorted by hash.
    neighbourhood: Vec<(u32, u32)>,
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
    /// Indexes every pattern of `catalog`.
    pub fn new(catalog: &Catalog) -> SearchIndex {
        let mut builder = Builder::default();
        for (doc, pattern) in catalog.patterns.iter().enumerate() {
            builder.add_pattern(doc, pattern);
        }
        let mut index = builder.finish(catalog.patterns.len());
        index.add_facets(catalog);
        index
    }

    /// The index of the embedded catalog, built on first use; `None` when
    /// that catalog is invalid.
    pub fn embedded() -> Option<&'static SearchIndex> {
        static INDEX: OnceLock<Option<SearchIndex>> = OnceLock::new();
        INDEX
            .get_or_init(|| crate::catalog::embedded().as_ref().ok().map(SearchIndex::new))
            .as_ref()
    }

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

    fn add_facets(&mut self, catalog: &Catalog) {
        self.categories = catalog.categories.iter().map(|c| c.slug.as_str().into()).collect();
        self.tags = catalog.tags().into_iter().map(Into::into).collect();
        let rows: Vec<Vec<u32>> = catalog
            .patterns
            .iter()
            .map(|pattern| {
                let mut ids: Vec<u32> = pattern.tags.iter().filter_map(|t| self.tag_id(t)).collect();
                crate::sort::sort(&mut ids);
                ids.dedup();
                ids
            })
            .collect();
        self.tag_row_width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let padding = self.tag_padding();
        for (pattern, mut row) in catalog.patterns.iter().zip(rows) {
            self.pattern_categories
                .push(self.category_id(&pattern.category).unwrap_or(NO_CATEGORY));
            row.resize(self.tag_row_width, padding);
            self.pattern_tags.extend(row);
        }
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
            let start = self.neighbourhood.partition_point(|&(h, _)| h < hash);
            out.extend(
                self.neighbourhood[start..]
                    .iter()
                    .take_while(|&&(h, _)| h == hash)
                    .map(|&(_, w)| w),
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

/// A map from words to numbers, with a fast hash.
type WordMap = HashMap<String, u32, BuildHasherDefault<WordHasher>>;

/// Collects weighted term frequencies pattern by pattern.
#[derive(Default)]
struct Builder {
    /// Stems in order of first sight, and their numbers.
    stems: Vec<String>,
    stem_ids: WordMap,
    /// Stem number of every word seen, so each distinct word is stemmed once.
    word_stems: WordMap,
    /// Per stem number: its occurrences, field by field, in pattern order.
    postings: Vec<Vec<FieldPosting>>,
    /// Scratch per stem number while a field is added: its occurrences in
    /// that field, back to zero once the field is added. The stems with a
    /// non-zero count, in the order they got it, are listed in `in_field`.
    field_counts: Vec<u32>,
    in_field: Vec<u32>,
}

/// A stem's occurrences in one field of one pattern.
struct FieldPosting {
    pattern: u32,
    /// The field's position in [`Builder::add_pattern`]'s list.
    field: u8,
    /// The field's weight times the damped term frequency, `1 + ln(tf)`.
    weight: f32,
}

/// How many fields a pattern is indexed by.
const FIELDS: usize = 7;

impl Builder {
    fn add_pattern(&mut self, doc: usize, pattern: &Pattern) {
        let tags = pattern.tags.join(" ");
        let fields: [(&[&str], f32); FIELDS] = [
            (&[pattern.name.as_str()], weights::NAME),
            (&[tags.as_str()], weights::TAGS),
            (&[pattern.summary.as_str()], weights::SUMMARY),
            (&[pattern.problem.as_str()], weights::PROBLEM),
            (&[pattern.solution.as_str()], weights::SOLUTION),
            (&strs(&pattern.forces), weights::FORCES),
            (&strs(&pattern.how_it_works), weights::HOW_IT_WORKS),
        ];
        let doc = to_u32(doc);
        for (field, (texts, weight)) in (0u8..).zip(fields) {
            for text in texts {
                for_each_word(text, |word| {
                    if is_searchable(&word.text) {
                        let id = self.stem_id(word.text);
                        if let Some(count) = self.field_counts.get_mut(id as usize) {
                            if *count == 0 {
                                self.in_field.push(id);
                            }
                            *count += 1;
                        }
                    }
                });
            }
            for id in self.in_field.drain(..) {
                if let (Some(count), Some(postings)) = (
                    self.field_counts.get_mut(id as usize),
                    self.postings.get_mut(id as usize),
                ) {
                    postings.push(FieldPosting {
                        pattern: doc,
                        field,
                        weight: weight * (1.0 + (std::mem::take(count) as f32).ln()),
                    });
                }
            }
        }
    }

    /// The number of a word's stem, stemming the word on first sight.
    fn stem_id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.word_stems.get(&word) {
            return id;
        }
        let stemmed = stem(&word);
        let id = match self.stem_ids.get(&stemmed) {
            Some(&id) => id,
            None => {
                let id = to_u32(self.stems.len());
                self.stems.push(stemmed.clone());
                self.stem_ids.insert(stemmed, id);
                self.postings.push(Vec::new());
                self.field_counts.push(0);
                id
            }
        };
        self.word_stems.insert(word, id);
        id
    }

    fn finish(self, pattern_count: usize) -> SearchIndex {
        let mut index = SearchIndex {
            pattern_count,
            ..SearchIndex::default()
        };
        // Terms are the stems in sorted order; `term_of[stem id]` renumbers.
        let mut order: Vec<u32> = (0..to_u32(self.stems.len())).collect();
        crate::sort::sort_by(&mut order, |&a, &b| self.stems[a as usize] < self.stems[b as usize]);
        let mut term_of = vec![0u32; order.len()];
        for (term, &stem_id) in order.iter().enumerate() {
            term_of[stem_id as usize] = to_u32(term);
        }
        let n = pattern_count as f32;
        let mut postings = self.postings;
        index.term_starts.push(0);
        // Where the current term's postings start.
        let mut start = 0;
        for &stem_id in &order {
            // Patterns are added in order, their fields in order, so every
            // list is already in pattern order. Each is dropped once used,
            // so the builder's lists and the index are not all held at once.
            let list = std::mem::take(&mut postings[stem_id as usize]);
            debug_assert!(list.is_sorted_by_key(|p| (p.pattern, p.field)));
            // Rarity is counted per field, as in BM25 applied field by
            // field: a word that most patterns use in their long lists can
            // still be rare, and telling, in names or tags.
            let mut in_field = [0u32; FIELDS];
            for p in &list {
                if let Some(count) = in_field.get_mut(usize::from(p.field)) {
                    *count += 1;
                }
            }
            let idf = in_field.map(|df| bm25_idf(n, df as f32));
            for p in &list {
                let weight = p.weight * idf.get(usize::from(p.field)).copied().unwrap_or(0.0);
                if index.posting_docs.len() > start && index.posting_docs.last() == Some(&p.pattern) {
                    if let Some(sum) = index.posting_weights.last_mut() {
                        *sum += weight;
                    }
                } else {
                    index.posting_docs.push(p.pattern);
                    index.posting_weights.push(weight);
                }
            }
            // Ranking takes a zero contribution for "not matched".
            for weight in &mut index.posting_weights[start..] {
                *weight = weight.max(f32::MIN_POSITIVE);
            }
            start = index.posting_docs.len();
            index.term_starts.push(to_u32(start));
        }
        let mut stems = self.stems;
        index.terms = order
            .iter()
            .map(|&id| std::mem::take(&mut stems[id as usize]).into_boxed_str())
            .collect();

        let mut words: Vec<(String, u32)> = self.word_stems.into_iter().collect();
        crate::sort::sort(&mut words);
        for (word, stem_id) in words {
            let id = to_u32(index.words.len());
            let chars = word.chars().count();
            if (MIN_TYPO_CHARS..=MAX_TYPO_CHARS + 1).contains(&chars) {
                index.neighbourhood.push((hash_word(&word), id));
                for_each_deletion_hash(&word, |hash| index.neighbourhood.push((hash, id)));
            }
            index.words.push(word.into_boxed_str());
            index.word_terms.push(term_of[stem_id as usize]);
        }
        crate::sort::sort(&mut index.neighbourhood);
        index.neighbourhood.dedup();
        index
    }
}

/// BM25's inverse document frequency of a term found in `df` of `n`
/// documents: always positive.
fn bm25_idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

/// Counts in the index are `u32` to halve its size; a catalog of four
/// billion patterns or words is not a case to handle gracefully.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::Category;

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
        assert!(weights[0] > weights::SUMMARY, "name + summary");
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
