//! Suggestions for a path that names no pattern: the patterns whose slug or
//! name is closest to what was typed, so a mistyped link still leads somewhere.

use super::model::{Catalog, Pattern};
use crate::lowercase::to_lowercase;

/// Up to `limit` patterns closest to `wanted` (a slug or any text), best first.
///
/// Closeness is the edit distance between `wanted` and each pattern's slug,
/// lowered for every word they share; a pattern too far from everything is
/// left out, so unrelated text suggests nothing rather than noise.
pub fn closest_patterns<'c>(catalog: &'c Catalog, wanted: &str, limit: usize) -> Vec<&'c Pattern> {
    let wanted = normalise(wanted);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, &Pattern)> = catalog
        .patterns
        .iter()
        .enumerate()
        .filter_map(|(order, pattern)| distance_to(pattern, &wanted).map(|d| (d, order, pattern)))
        .collect();
    crate::sort::sort_by_key(&mut scored, |&(distance, order, _)| (distance, order));
    scored.into_iter().take(limit).map(|(_, _, pattern)| pattern).collect()
}

/// Lower-case words joined by `-`, everything else dropped; capped so that a
/// huge path costs no more than a short one.
fn normalise(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(to_lowercase)
        .collect();
    words.join("-").chars().take(64).collect()
}

/// A distance for ranking, or `None` when the pattern is not close at all.
fn distance_to(pattern: &Pattern, wanted: &str) -> Option<usize> {
    let slug_distance = edit_distance(&pattern.slug, wanted);
    let shared_words = wanted
        .split('-')
        .filter(|w| {
            w.len() >= 3
                && pattern
                    .slug
                    .split('-')
                    .any(|s| s == *w || (w.len() >= 4 && s.starts_with(*w)))
        })
        .count();
    let budget = pattern.slug.chars().count().max(wanted.chars().count()) / 2;
    if shared_words == 0 && slug_distance > budget {
        return None;
    }
    Some(slug_distance.saturating_sub(shared_words * 4))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    fn suggest(wanted: &str) -> Vec<String> {
        let catalog = embedded().as_ref().expect("valid catalog");
        closest_patterns(catalog, wanted, 3)
            .iter()
            .map(|p| p.slug.clone())
            .collect()
    }

    #[test]
    fn a_typo_in_a_slug_suggests_that_pattern_first() {
        assert_eq!(suggest("sagaa").first().map(String::as_str), Some("saga"));
        assert_eq!(
            suggest("transactional-outbx").first().map(String::as_str),
            Some("transactional-outbox")
        );
        assert_eq!(
            suggest("read-thru-cache").first().map(String::as_str),
            Some("read-through-cache")
        );
    }

    #[test]
    fn a_shared_word_is_enough() {
        assert_eq!(
            suggest("outbox").first().map(String::as_str),
            Some("transactional-outbox")
        );
        assert!(suggest("kill-switch").contains(&"feature-flag-kill-switch".to_owned()));
    }

    #[test]
    fn unrelated_or_empty_text_suggests_nothing() {
        assert!(suggest("zzzzzzzzzzzzqqqq").is_empty());
        assert!(suggest("").is_empty());
        assert!(suggest("%%%///").is_empty());
    }

    #[test]
    fn huge_and_unicode_input_is_handled() {
        let huge = "ság".repeat(10_000);
        assert!(suggest(&huge).len() <= 3);
        assert!(suggest("🦀-saga").contains(&"saga".to_owned()));
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("saga", "sagga"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ä", "a"), 1);
    }
}
