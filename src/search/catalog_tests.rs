//! Search against the shipped catalog: the queries a reader is likely to
//! type must find the pattern they have in mind.

use super::*;
use crate::catalog::{Catalog, embedded};

fn catalog() -> &'static Catalog {
    embedded().as_ref().expect("the embedded catalog is valid")
}

fn index() -> &'static SearchIndex {
    SearchIndex::embedded().expect("the embedded catalog is valid")
}

fn ranked(q: &str) -> Vec<&'static str> {
    let view = View {
        q: q.into(),
        ..View::default()
    };
    apply_view(catalog(), index(), &view)
        .patterns
        .iter()
        .map(|p| p.slug.as_str())
        .collect()
}

fn first(q: &str) -> &'static str {
    ranked(q).first().copied().unwrap_or("(nothing)")
}

#[test]
fn the_catalog_has_the_eight_seed_patterns() {
    assert_eq!(index().len(), 8);
}

#[test]
fn charged_twice_finds_idempotency_key_first() {
    assert_eq!(first("charged twice"), "idempotency-key");
}

#[test]
fn lost_events_broker_down_finds_the_outbox_first() {
    assert_eq!(first("lost events broker down"), "transactional-outbox");
}

#[test]
fn stale_reads_slow_database_finds_read_through_cache_first() {
    assert_eq!(first("stale reads slow database"), "read-through-cache");
}

#[test]
fn typos_find_their_pattern() {
    assert_eq!(first("sagga"), "saga");
    assert_eq!(first("outbx"), "transactional-outbox");
    assert_eq!(first("idempotncy"), "idempotency-key");
    assert_eq!(first("Compnsation"), "saga");
}

#[test]
fn prefixes_find_their_pattern_as_you_type() {
    assert_eq!(first("idem"), "idempotency-key");
    assert_eq!(first("outb"), "transactional-outbox");
    assert_eq!(first("kill sw"), "feature-flag-kill-switch");
    assert_eq!(first("competing cons"), "competing-consumers");
    assert_eq!(first("read-thr"), "read-through-cache");
}

#[test]
fn names_and_tags_rank_their_pattern_first() {
    assert_eq!(first("event sourcing"), "event-sourcing");
    assert_eq!(first("cqrs"), "cqrs");
    assert_eq!(first("read models"), "cqrs");
    assert_eq!(first("feature flags"), "feature-flag-kill-switch");
    assert_eq!(first("caching"), "read-through-cache");
    assert_eq!(first("compensating transactions"), "saga");
    assert_eq!(first("dead letter queue"), "competing-consumers");
}

#[test]
fn the_empty_query_returns_everything_in_catalog_order() {
    let all: Vec<&str> = catalog().patterns.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(ranked(""), all);
    assert_eq!(ranked("   "), all);
    assert_eq!(
        all,
        [
            "competing-consumers",
            "cqrs",
            "event-sourcing",
            "feature-flag-kill-switch",
            "idempotency-key",
            "transactional-outbox",
            "saga",
            "read-through-cache"
        ]
    );
}

#[test]
fn a_url_view_filters_and_counts() {
    let view = parse_view_query("?category=consistency&tag=event-driven");
    let results = apply_view(catalog(), index(), &view);
    let slugs: Vec<&str> = results.patterns.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["transactional-outbox", "saga"]);
    let scalability = results
        .categories
        .iter()
        .find(|c| c.slug == "scalability")
        .map(|c| c.count);
    assert_eq!(scalability, Some(1), "cqrs is event-driven too");
    let compensation = results.tags.iter().find(|t| t.slug == "compensation").map(|t| t.count);
    assert_eq!(compensation, Some(1));
    let selected: Vec<&str> = results.tags.iter().filter(|t| t.selected).map(|t| t.slug).collect();
    assert_eq!(selected, ["event-driven"]);
    assert_eq!(results.tags.len(), catalog().tags().len());
}

#[test]
fn every_result_of_a_query_highlights_something() {
    for q in [
        "charged twice",
        "sagga",
        "idem",
        "stale reads slow database",
        "lost events broker down",
    ] {
        let results = apply_view(
            catalog(),
            index(),
            &View {
                q: q.into(),
                ..View::default()
            },
        );
        for pattern in &results.patterns {
            let texts = [&pattern.name, &pattern.summary, &pattern.problem, &pattern.solution]
                .into_iter()
                .chain(&pattern.tags)
                .chain(&pattern.forces)
                .chain(&pattern.how_it_works);
            let marked = texts
                .flat_map(|t| highlight(t, &results.query))
                .filter(|s| s.matched)
                .count();
            assert!(marked > 0, "{q:?} found {} but highlights nothing in it", pattern.slug);
        }
    }
}
