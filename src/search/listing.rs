//! What the home page lists for a view: the results in display order
//! (ranked, or grouped by category in the catalog's order), cut after a
//! number of cards so that rendering costs the same for 8 patterns or
//! 10,000; the rest comes on demand.

use super::filter::ViewResults;
use crate::catalog::{Catalog, Category, Pattern};

/// How many cards a page of results holds: more than a large screen shows
/// below the search box and filters (three rows of four cards).
pub const PAGE_SIZE: usize = 12;

/// The listed part of a view's results.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<'a> {
    /// Groups in display order: one group without a category when the
    /// results are ranked, else one per category that has listed results.
    pub groups: Vec<(Option<&'a Category>, Vec<&'a Pattern>)>,
    /// How many results are listed (the sum of the group lengths).
    pub listed: usize,
    /// How many results are not listed yet.
    pub remaining: usize,
}

/// The first `limit` results of `results` in display order, grouped.
pub fn listing<'a>(catalog: &'a Catalog, results: &ViewResults<'a>, limit: usize) -> Listing<'a> {
    let total = results.patterns.len();
    let listed = total.min(limit);
    let groups = if results.ranked {
        vec![(None, results.patterns[..listed].to_vec())]
    } else {
        let mut left = listed;
        let mut groups = Vec::new();
        for category in &catalog.categories {
            if left == 0 {
                break;
            }
            let members: Vec<&Pattern> = results
                .patterns
                .iter()
                .copied()
                .filter(|p| p.category == category.slug)
                .take(left)
                .collect();
            if !members.is_empty() {
                left -= members.len();
                groups.push((Some(category), members));
            }
        }
        groups
    };
    Listing {
        groups,
        listed,
        remaining: total - listed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::search::{SearchIndex, View, apply_view};

    fn shipped() -> &'static Catalog {
        catalog::embedded().as_ref().expect("the shipped catalog is valid")
    }

    fn slugs<'a>(listing: &Listing<'a>) -> Vec<Vec<&'a str>> {
        listing
            .groups
            .iter()
            .map(|(_, patterns)| patterns.iter().map(|p| p.slug.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_blank_view_groups_every_pattern_by_category_in_catalog_order() {
        let catalog = shipped();
        let index = SearchIndex::new(catalog);
        let results = apply_view(catalog, &index, &View::default());
        let listing = listing(catalog, &results, PAGE_SIZE);
        assert_eq!((listing.listed, listing.remaining), (8, 0));
        let categories: Vec<&str> = listing
            .groups
            .iter()
            .map(|(c, _)| c.expect("grouped").slug.as_str())
            .collect();
        let expected: Vec<&str> = catalog.categories.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(categories, expected);
    }

    #[test]
    fn a_limit_cuts_in_display_order_across_groups_and_counts_the_rest() {
        let catalog = shipped();
        let index = SearchIndex::new(catalog);
        let results = apply_view(catalog, &index, &View::default());
        let all: Vec<&str> = slugs(&listing(catalog, &results, usize::MAX)).concat();
        for limit in 0..=9 {
            let cut = listing(catalog, &results, limit);
            assert_eq!(slugs(&cut).concat(), all[..limit.min(8)], "limit {limit}");
            assert_eq!((cut.listed, cut.remaining), (limit.min(8), 8 - limit.min(8)));
            assert!(cut.groups.iter().all(|(_, members)| !members.is_empty()));
        }
    }

    #[test]
    fn ranked_results_stay_in_rank_order_in_one_group() {
        let catalog = shipped();
        let index = SearchIndex::new(catalog);
        let view = View {
            q: "events".into(),
            ..View::default()
        };
        let results = apply_view(catalog, &index, &view);
        assert!(results.ranked && results.patterns.len() > 2);
        let cut = listing(catalog, &results, 2);
        assert_eq!(cut.groups.len(), 1);
        assert!(cut.groups[0].0.is_none());
        let ranked: Vec<&str> = results.patterns[..2].iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs(&cut), [ranked]);
        assert_eq!(cut.remaining, results.patterns.len() - 2);
    }
}
