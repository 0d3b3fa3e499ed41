//! Building a [`SearchIndex`]: every pattern's fields split into words,
//! stemmed and counted, then weighted by field and rarity into postings,
//! with the sorted vocabulary and its typo keys. Whole with
//! [`SearchIndex::new`], or a step at a time with [`IndexBuild`] for a
//! caller that must not hold the thread for long: the app builds the
//! embedded catalog's index between tasks while its first paint is on
//! screen ([`SearchIndex::embedded_in_steps`]).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::{NO_CATEGORY, SearchIndex, to_u32};
use crate::catalog::{Catalog, Pattern};
use crate::search::radix::sort_by_high_half;
use crate::search::stem::stem;
use crate::search::tokenize::{for_each_word, is_searchable};
use crate::search::typo::{MAX_TYPO_CHARS, MIN_TYPO_CHARS, WordHasher, for_each_deletion_hash, hash_word};

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

/// The embedded catalog's index, once built; `None` in it when that catalog
/// is invalid.
static EMBEDDED: OnceLock<Option<SearchIndex>> = OnceLock::new();

impl SearchIndex {
    /// Indexes every pattern of `catalog`.
    pub fn new(catalog: &Catalog) -> SearchIndex {
        IndexBuild::new(catalog).finish()
    }

    /// The index of the embedded catalog, built on first use; `None` when
    /// that catalog is invalid.
    pub fn embedded() -> Option<&'static SearchIndex> {
        EMBEDDED
            .get_or_init(|| crate::catalog::embedded().as_ref().ok().map(SearchIndex::new))
            .as_ref()
    }

    /// Builds [`Self::embedded`]'s index a step at a time: call the
    /// returned function until it returns `false` (each call indexes one
    /// pattern, or does one of the two closing stages), and `embedded` then
    /// returns that index without building it again. Were `embedded` called
    /// before the last step, it would build the index whole, and the next
    /// call here would stop. The catalog is decoded at the first call, not
    /// before, so that a caller can decode it in a task of its own.
    pub fn embedded_in_steps() -> impl FnMut() -> bool {
        let mut build = None;
        move || {
            if EMBEDDED.get().is_some() {
                return false;
            }
            let Ok(catalog) = crate::catalog::embedded() else {
                // An invalid catalog: `embedded` records that there is no index.
                let _ = SearchIndex::embedded();
                return false;
            };
            if build.get_or_insert_with(|| IndexBuild::new(catalog)).step() {
                return true;
            }
            if let Some(index) = build.take().map(IndexBuild::finish) {
                let _ = EMBEDDED.set(Some(index));
            }
            false
        }
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
}

/// A catalog's index in the making: each [`IndexBuild::step`] indexes one
/// pattern, then sorts the terms and weighs their postings, then the
/// vocabulary and its typo keys with the facets; [`IndexBuild::finish`]
/// does whatever is left. The result is the same however it is stepped.
pub(crate) struct IndexBuild<'a> {
    catalog: &'a Catalog,
    stage: Stage,
}

/// Where an [`IndexBuild`] is.
enum Stage {
    /// Patterns before `next` are counted.
    Counting {
        builder: Builder,
        next: usize,
    },
    /// Terms and postings are done; the vocabulary of `word_stems`, renumbered
    /// by `term_of`, and the facets are next.
    Vocabulary {
        index: SearchIndex,
        word_stems: WordMap,
        term_of: Vec<u32>,
    },
    Done(SearchIndex),
}

impl<'a> IndexBuild<'a> {
    /// A build of `catalog`'s index, nothing done yet.
    pub fn new(catalog: &'a Catalog) -> Self {
        IndexBuild {
            catalog,
            stage: Stage::Counting {
                builder: Builder::default(),
                next: 0,
            },
        }
    }

    /// Does the next part of the build; `false` once the index is whole.
    pub fn step(&mut self) -> bool {
        let stage = std::mem::replace(&mut self.stage, Stage::Done(SearchIndex::default()));
        self.stage = match stage {
            Stage::Counting { mut builder, next } => match self.catalog.patterns.get(next) {
                Some(pattern) => {
                    builder.add_pattern(next, pattern);
                    Stage::Counting {
                        builder,
                        next: next + 1,
                    }
                }
                None => {
                    let (index, word_stems, term_of) = builder.terms(self.catalog.patterns.len());
                    Stage::Vocabulary {
                        index,
                        word_stems,
                        term_of,
                    }
                }
            },
            Stage::Vocabulary {
                mut index,
                word_stems,
                term_of,
            } => {
                index.add_vocabulary(word_stems, &term_of);
                index.add_facets(self.catalog);
                Stage::Done(index)
            }
            done @ Stage::Done(_) => done,
        };
        !matches!(self.stage, Stage::Done(_))
    }

    /// The index, after the steps still to do.
    pub fn finish(mut self) -> SearchIndex {
        loop {
            if let Stage::Done(index) = self.stage {
                return index;
            }
            self.step();
        }
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

    /// The index's terms and postings; what the vocabulary still needs:
    /// every word's stem number, and the term of each stem number.
    fn terms(self, pattern_count: usize) -> (SearchIndex, WordMap, Vec<u32>) {
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
        (index, self.word_stems, term_of)
    }
}

impl SearchIndex {
    /// Adds the sorted vocabulary, each word's term, and the typo keys.
    fn add_vocabulary(&mut self, word_stems: WordMap, term_of: &[u32]) {
        let mut words: Vec<(String, u32)> = word_stems.into_iter().collect();
        crate::sort::sort(&mut words);
        for (word, stem_id) in words {
            let id = to_u32(self.words.len());
            let chars = word.chars().count();
            if (MIN_TYPO_CHARS..=MAX_TYPO_CHARS + 1).contains(&chars) {
                let key = |hash: u32| u64::from(hash) << 32 | u64::from(id);
                self.neighbourhood.push(key(hash_word(&word)));
                for_each_deletion_hash(&word, |hash| self.neighbourhood.push(key(hash)));
            }
            self.words.push(word.into_boxed_str());
            self.word_terms
                .push(term_of.get(stem_id as usize).copied().unwrap_or_default());
        }
        // Words were numbered in order, so sorting by hash alone, stably,
        // sorts the keys: a word's deletions that hash alike end up side
        // by side, for `dedup`.
        sort_by_high_half(&mut self.neighbourhood);
        self.neighbourhood.dedup();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{catalog_of, small_catalog};

    #[test]
    fn a_stepped_build_takes_a_step_per_pattern_and_two_more() {
        let catalog = small_catalog();
        let mut build = IndexBuild::new(&catalog);
        let mut steps = 1;
        while build.step() {
            steps += 1;
        }
        assert_eq!(steps, catalog.patterns.len() + 2);
        assert!(!build.step(), "a finished build stays finished");
        assert_eq!(build.finish(), SearchIndex::new(&catalog));
    }

    #[test]
    fn finishing_part_way_gives_the_whole_index() {
        let catalog = crate::catalog::embedded()
            .as_ref()
            .expect("the shipped catalog is valid");
        let whole = SearchIndex::new(catalog);
        for steps in 0..catalog.patterns.len() + 3 {
            let mut build = IndexBuild::new(catalog);
            for _ in 0..steps {
                build.step();
            }
            assert!(build.finish() == whole, "after {steps} steps");
        }
        assert!(whole.len() == catalog.patterns.len() && whole.term_id("saga").is_some());
    }

    #[test]
    fn the_embedded_index_built_in_steps_is_the_whole_one() {
        let mut step = SearchIndex::embedded_in_steps();
        let mut calls = 0;
        while step() {
            calls += 1;
            assert!(calls < 100, "the steps end");
        }
        let catalog = crate::catalog::embedded()
            .as_ref()
            .expect("the shipped catalog is valid");
        assert!(SearchIndex::embedded() == Some(&SearchIndex::new(catalog)));
        assert!(!step(), "once built, there is nothing left to do");
    }

    #[test]
    fn an_empty_catalog_is_built_in_two_steps() {
        let catalog = catalog_of(Vec::new());
        let mut build = IndexBuild::new(&catalog);
        assert!(build.step(), "the terms");
        assert!(!build.step(), "the vocabulary and facets");
        assert!(build.finish().is_empty());
    }
}
