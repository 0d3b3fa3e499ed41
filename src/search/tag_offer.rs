//! Which tag filters the home page offers before the user asks for all of
//! them. A catalog of a few dozen tags shows every one; a large catalog
//! (hundreds of tags) shows its most carried tags and any the view
//! selects, so the filter's size, and its cost per keystroke, do not grow
//! with the catalog.

use std::cmp::Reverse;

use super::filter::FacetCount;

/// Most tags offered at first; a catalog with no more tags than this
/// offers them all.
pub const OFFERED_TAGS: usize = 36;

/// The tags to offer at first, sorted: every tag of `tags` when there are
/// at most `limit`, else the `limit` carried by the most patterns (ties go
/// to the earlier slug). `tags` is every tag, sorted, with how many
/// patterns carry it: the facet counts of the blank view.
pub fn common_tags<'a>(tags: &[FacetCount<'a>], limit: usize) -> Vec<&'a str> {
    if tags.len() <= limit {
        return tags.iter().map(|t| t.slug).collect();
    }
    let mut by_use: Vec<&FacetCount<'a>> = tags.iter().collect();
    crate::sort::sort_by_key(&mut by_use, |t| (Reverse(t.count), t.slug));
    let mut common: Vec<&'a str> = by_use.into_iter().take(limit).map(|t| t.slug).collect();
    crate::sort::sort(&mut common);
    common
}

/// The tags offered now, sorted: those of `all` (sorted) that are in
/// `common`, were offered before (`before`, so that a chip never vanishes
/// under the pointer or the keyboard focus once shown) or are `selected`.
/// Selected slugs that are not tags of the catalog are left out.
pub fn offered_tags<'a>(all: &[&'a str], common: &[&str], before: &[&str], selected: &[String]) -> Vec<&'a str> {
    all.iter()
        .copied()
        .filter(|tag| {
            common.binary_search(tag).is_ok() || before.binary_search(tag).is_ok() || selected.iter().any(|s| s == tag)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets<'a>(counts: &[(&'a str, usize)]) -> Vec<FacetCount<'a>> {
        counts
            .iter()
            .map(|&(slug, count)| FacetCount {
                slug,
                count,
                selected: false,
            })
            .collect()
    }

    #[test]
    fn a_small_catalog_offers_every_tag() {
        let tags = facets(&[("apis", 1), ("cache", 0), ("queues", 3)]);
        assert_eq!(common_tags(&tags, 3), ["apis", "cache", "queues"]);
    }

    #[test]
    fn a_large_catalog_offers_its_most_carried_tags_in_slug_order() {
        let tags = facets(&[("a", 5), ("b", 9), ("c", 1), ("d", 9), ("e", 5), ("f", 2)]);
        assert_eq!(common_tags(&tags, 3), ["a", "b", "d"]);
        assert_eq!(common_tags(&tags, 4), ["a", "b", "d", "e"]);
    }

    #[test]
    fn selected_and_earlier_offered_tags_stay_offered() {
        let all = ["a", "b", "c", "d", "e"];
        let selected = vec!["e".to_owned(), "not-a-tag".to_owned()];
        assert_eq!(offered_tags(&all, &["b"], &[], &selected), ["b", "e"]);
        assert_eq!(offered_tags(&all, &["b"], &["c", "e"], &[]), ["b", "c", "e"]);
        assert_eq!(offered_tags(&all, &["b"], &[], &[]), ["b"]);
    }

    #[test]
    fn the_shipped_catalog_offers_every_tag() {
        let catalog = crate::catalog::embedded()
            .as_ref()
            .expect("the shipped catalog is valid");
        let index = super::super::SearchIndex::new(catalog);
        let blank = super::super::apply_view(catalog, &index, &super::super::View::default());
        assert_eq!(common_tags(&blank.tags, OFFERED_TAGS), catalog.tags());
    }
}
