//! Applies a [`View`] to the catalog: the patterns it shows, in order, and
//! for every category and tag how many patterns choosing it would leave, so
//! the UI can show counts beside each choice (and disable the empty ones).
//!
//! All in one pass over the search hits: a hit that carries every selected
//! tag counts for its category; if it is also in the selected category, it
//! is a result and counts for each of its tags.

use super::index::SearchIndex;
use super::query::Query;
use super::view::View;
use crate::catalog::{Catalog, Pattern};

/// What a view shows. Equality is cheap: patterns are compared by
/// identity (the same entry of the same catalog), not field by field.
#[derive(Debug, Clone)]
pub struct ViewResults<'a> {
    /// The parsed search text, resolved against the index, to pass to
    /// [`super::highlight`].
    pub query: Query,
    /// True when the patterns are ranked by relevance; false (blank search
    /// text) when they are in catalog order.
    pub ranked: bool,
    /// The matching patterns, best first.
    pub patterns: Vec<&'a Pattern>,
    /// How many patterns match the text and tags in any category: the
    /// count for an "all categories" choice.
    pub any_category: usize,
    /// Every category in catalog order, with how many patterns match the
    /// text, the tags and that category.
    pub categories: Vec<FacetCount<'a>>,
    /// Every tag, sorted, with how many patterns match the text, the
    /// category, the selected tags and that tag (for a selected tag, the
    /// number of results).
    pub tags: Vec<FacetCount<'a>>,
    /// The view's category, when no category has that slug; it was ignored.
    pub unknown_category: Option<String>,
    /// The view's tags that no pattern carries; they were ignored.
    pub unknown_tags: Vec<String>,
}

impl PartialEq for ViewResults<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.patterns.len() == other.patterns.len()
            && self
                .patterns
                .iter()
                .zip(&other.patterns)
                .all(|(a, b)| std::ptr::eq(*a, *b))
            && self.query == other.query
            && self.ranked == other.ranked
            && self.any_category == other.any_category
            && self.categories == other.categories
            && self.tags == other.tags
            && self.unknown_category == other.unknown_category
            && self.unknown_tags == other.unknown_tags
    }
}

/// A category or tag with the number of results choosing it would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetCount<'a> {
    pub slug: &'a str,
    pub count: usize,
    /// True when the view selects it.
    pub selected: bool,
}

/// Searches, filters and counts: see [`ViewResults`]. Tags combine with
/// AND. The view is normalised first (see [`View::normalised`]), so `APIs`
/// selects `apis`. `index` must have been built from `catalog`.
pub fn apply_view<'a>(catalog: &'a Catalog, index: &'a SearchIndex, view: &View) -> ViewResults<'a> {
    let view = view.normalised();
    let mut query = Query::parse(&view.q);
    let expanded = index.expand_query(&query);
    index.resolve(&mut query, &expanded);
    let hits = index.rank(&expanded);

    // Normalised: slugs are trimmed, non-empty, and tags unique.
    let category = view.category.as_deref().and_then(|slug| index.category_id(slug));
    let unknown_category = view.category.clone().filter(|_| category.is_none());
    let mut tag_ids: Vec<u32> = Vec::new();
    let mut unknown_tags: Vec<String> = Vec::new();
    for tag in &view.tags {
        match index.tag_id(tag) {
            Some(id) => tag_ids.push(id),
            None => unknown_tags.push(tag.clone()),
        }
    }

    let mut category_counts = vec![0usize; index.categories().len()];
    // One more slot, where the padding of tag rows is counted and ignored.
    let mut tag_counts = vec![0usize; index.tags().len() + 1];
    let mut any_category = 0;
    let mut patterns = Vec::with_capacity(hits.len());
    for hit in &hits {
        let tags = index.pattern_tags(hit.pattern);
        if !tag_ids.is_empty() && !tag_ids.iter().all(|id| tags.binary_search(id).is_ok()) {
            continue;
        }
        any_category += 1;
        let in_category = index.pattern_category(hit.pattern);
        if let Some(count) = category_counts.get_mut(in_category as usize) {
            *count += 1;
        }
        if category.is_some_and(|c| c != in_category) {
            continue;
        }
        let Some(pattern) = catalog.patterns.get(hit.pattern) else {
            continue;
        };
        patterns.push(pattern);
        for &id in tags {
            if let Some(count) = tag_counts.get_mut(id as usize) {
                *count += 1;
            }
        }
    }

    let categories = index
        .categories()
        .zip(category_counts)
        .enumerate()
        .map(|(id, (slug, count))| FacetCount {
            slug,
            count,
            selected: category.is_some_and(|c| c as usize == id),
        })
        .collect();
    let tags = index
        .tags()
        .zip(tag_counts)
        .enumerate()
        .map(|(id, (slug, count))| FacetCount {
            slug,
            count,
            selected: tag_ids.iter().any(|&t| t as usize == id),
        })
        .collect();
    ViewResults {
        ranked: !query.is_empty(),
        query,
        patterns,
        any_category,
        categories,
        tags,
        unknown_category,
        unknown_tags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::small_catalog;

    fn run(q: &str, category: Option<&str>, tags: &[&str]) -> (Vec<String>, ViewResults<'static>) {
        let catalog: &'static Catalog = Box::leak(Box::new(small_catalog()));
        let index: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(catalog)));
        let view = View {
            q: q.into(),
            category: category.map(Into::into),
            tags: tags.iter().map(|t| (*t).into()).collect(),
        };
        let results = apply_view(catalog, index, &view);
        (results.patterns.iter().map(|p| p.slug.clone()).collect(), results)
    }

    fn counts<'a>(facets: &[FacetCount<'a>]) -> Vec<(&'a str, usize, bool)> {
        facets.iter().map(|f| (f.slug, f.count, f.selected)).collect()
    }

    #[test]
    fn the_default_view_shows_everything_in_catalog_order() {
        let (slugs, r) = run("", None, &[]);
        assert_eq!(slugs, ["idempotency-key", "read-through-cache", "rate-limit"]);
        assert!(!r.ranked);
        assert_eq!(r.any_category, 3);
        assert_eq!(counts(&r.categories), [("apis", 2, false), ("performance", 1, false)]);
        assert_eq!(
            counts(&r.tags),
            [
                ("caching", 1, false),
                ("payments", 1, false),
                ("read-heavy", 1, false),
                ("reliability", 2, false),
                ("throttling", 1, false)
            ]
        );
    }

    #[test]
    fn tags_combine_with_and() {
        let (slugs, r) = run("", None, &["reliability", "payments"]);
        assert_eq!(slugs, ["idempotency-key"]);
        assert_eq!(
            counts(&r.tags),
            [
                ("caching", 0, false),
                ("payments", 1, true),
                ("read-heavy", 0, false),
                ("reliability", 1, true),
                ("throttling", 0, false)
            ]
        );
        assert_eq!(counts(&r.categories), [("apis", 1, false), ("performance", 0, false)]);
    }

    #[test]
    fn category_counts_ignore_the_chosen_category_and_tag_counts_respect_it() {
        let (slugs, r) = run("", Some("apis"), &[]);
        assert_eq!(slugs, ["idempotency-key", "rate-limit"]);
        assert_eq!(counts(&r.categories), [("apis", 2, true), ("performance", 1, false)]);
        assert_eq!(r.any_category, 3);
        assert_eq!(counts(&r.tags)[0], ("caching", 0, false));
        assert_eq!(counts(&r.tags)[3], ("reliability", 2, false));
    }

    #[test]
    fn counts_follow_the_search_text() {
        let (slugs, r) = run("database", None, &[]);
        assert!(r.ranked);
        assert_eq!(slugs.len(), 2);
        assert_eq!(counts(&r.categories), [("apis", 1, false), ("performance", 1, false)]);
        let (slugs, _) = run("retry database", None, &["reliability"]);
        assert_eq!(slugs, ["rate-limit", "idempotency-key"]);
    }

    #[test]
    fn results_compare_by_what_they_show() {
        let catalog = small_catalog();
        let index = SearchIndex::new(&catalog);
        let view = |q: &str| View {
            q: q.into(),
            ..View::default()
        };
        let a = apply_view(&catalog, &index, &view("cache"));
        assert_eq!(a, apply_view(&catalog, &index, &view("cache")));
        assert_ne!(
            a,
            apply_view(&catalog, &index, &view("caching")),
            "same patterns, another query"
        );
        assert_ne!(a, apply_view(&catalog, &index, &view("")));
    }

    #[test]
    fn slugs_are_normalised_first() {
        let (slugs, r) = run("", Some(" APIs "), &["Reliability ", "reliability"]);
        assert_eq!(slugs, ["idempotency-key", "rate-limit"]);
        assert_eq!(r.unknown_category, None);
        assert!(r.unknown_tags.is_empty());
        assert!(r.categories[0].selected);
    }

    #[test]
    fn unknown_slugs_are_ignored_and_reported() {
        let (slugs, r) = run("", Some("nope"), &["payments", "ghost", "ghost", " "]);
        assert_eq!(slugs, ["idempotency-key"]);
        assert_eq!(r.unknown_category.as_deref(), Some("nope"));
        assert_eq!(r.unknown_tags, ["ghost"]);
        assert!(r.categories.iter().all(|c| !c.selected));
    }

    #[test]
    fn a_search_with_no_match_has_zero_counts() {
        let (slugs, r) = run("zzzzqqq", None, &[]);
        assert!(slugs.is_empty());
        assert_eq!(r.any_category, 0);
        assert!(r.tags.iter().chain(&r.categories).all(|f| f.count == 0));
    }
}
