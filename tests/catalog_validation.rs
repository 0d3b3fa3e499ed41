//! The shipped catalog is complete and true to its seed, and every kind of
//! malformed catalog is rejected with a message naming pattern and field.

use patterns_forged::catalog::{self, CatalogErrors, parse_catalog};
use serde_json::{Value, json};

const SEED: &str = "../shared/seeds/000_1dca1def816e9c6d.txt";

fn shipped() -> catalog::Catalog {
    match catalog::embedded() {
        Ok(catalog) => catalog.clone(),
        Err(errors) => panic!("{errors}"),
    }
}

/// The shipped catalog as JSON, changed by `edit`, then parsed.
fn parse_edited(edit: impl FnOnce(&mut Value)) -> Result<catalog::Catalog, CatalogErrors> {
    let mut value: Value = serde_json::from_str(catalog::EMBEDDED_JSON).expect("shipped catalog is JSON");
    edit(&mut value);
    parse_catalog(&value.to_string())
}

fn pattern_mut<'v>(value: &'v mut Value, slug: &str) -> &'v mut Value {
    value["patterns"]
        .as_array_mut()
        .and_then(|ps| ps.iter_mut().find(|p| p["slug"] == slug))
        .expect("pattern in shipped catalog")
}

/// Asserts the catalog was rejected with an error on `field` of the pattern
/// whose label contains `pattern`, and that the message says `says`.
fn assert_rejected(result: Result<catalog::Catalog, CatalogErrors>, pattern: &str, field: &str, says: &str) {
    let errors = result.expect_err("the bad catalog must be rejected");
    assert!(
        errors.mentions(pattern, field),
        "expected an error on {pattern} / {field}, got:\n{errors}"
    );
    let text = errors.to_string();
    assert!(
        text.contains(says),
        "expected the message to say {says:?}, got:\n{text}"
    );
    assert!(
        text.contains(&format!("`{field}`")),
        "the message names the field: {text}"
    );
}

#[test]
fn shipped_catalog_has_the_seed_patterns_in_the_seed_categories() {
    let catalog = shipped();
    let categories: Vec<(&str, &str)> = catalog
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(
        categories,
        [
            ("scalability", "Scalability"),
            ("operability", "Operability"),
            ("apis", "APIs"),
            ("consistency", "Consistency"),
            ("performance", "Performance"),
        ]
    );
    let expected = [
        (
            "competing-consumers",
            "Competing Consumers",
            "scalability",
            "messaging scalability workers queues throughput",
        ),
        (
            "cqrs",
            "CQRS",
            "scalability",
            "cqrs architecture read-models event-driven scalability",
        ),
        (
            "event-sourcing",
            "Event Sourcing",
            "scalability",
            "event-sourcing architecture audit immutability cqrs",
        ),
        (
            "feature-flag-kill-switch",
            "Feature Flag Kill Switch",
            "operability",
            "feature-flags operability deployment safety dark-launching",
        ),
        (
            "idempotency-key",
            "Idempotency Key",
            "apis",
            "apis idempotency reliability payments distributed-systems",
        ),
        (
            "transactional-outbox",
            "Transactional Outbox",
            "consistency",
            "messaging distributed-systems consistency event-driven",
        ),
        (
            "saga",
            "Saga",
            "consistency",
            "distributed-systems transactions consistency event-driven compensation",
        ),
        (
            "read-through-cache",
            "Read-Through Cache",
            "performance",
            "caching performance database latency read-heavy",
        ),
    ];
    assert_eq!(catalog.patterns.len(), expected.len());
    for (pattern, (slug, name, category, tags)) in catalog.patterns.iter().zip(expected) {
        assert_eq!(
            (pattern.slug.as_str(), pattern.name.as_str(), pattern.category.as_str()),
            (slug, name, category)
        );
        assert_eq!(pattern.tags.join(" "), tags, "tags of {slug}");
    }
}

#[test]
fn problem_statements_are_the_seeds_word_for_word() {
    let seed = std::fs::read_to_string(SEED)
        .unwrap_or_else(|e| panic!("the seed {SEED} must sit beside the checkout (as in CI): {e}"));
    let paragraphs: Vec<&str> = seed.split("\n\n").map(str::trim).collect();
    for pattern in &shipped().patterns {
        let at = paragraphs
            .iter()
            .position(|p| *p == pattern.name)
            .unwrap_or_else(|| panic!("{} in seed", pattern.name));
        assert_eq!(pattern.problem, paragraphs[at + 1], "problem of {}", pattern.slug);
        assert_eq!(
            pattern.tags.concat(),
            paragraphs[at + 2],
            "tags of {} run together",
            pattern.slug
        );
    }
}

#[test]
fn related_links_resolve_and_mostly_go_both_ways() {
    let catalog = shipped();
    for pattern in &catalog.patterns {
        assert!(!pattern.related.is_empty(), "{} has related patterns", pattern.slug);
        for link in &pattern.related {
            let other = catalog.pattern(&link.slug).expect("related slug resolves");
            assert!(
                other.related.iter().any(|back| back.slug == pattern.slug),
                "{} links to {} but not back",
                pattern.slug,
                other.slug
            );
        }
    }
}

#[test]
fn invalid_json_is_rejected_with_its_position() {
    let errors = parse_catalog("{\"categories\": [").expect_err("truncated JSON");
    assert!(errors.to_string().contains("is not valid JSON"), "{errors}");
    assert!(errors.to_string().contains("line 1"), "{errors}");
}

#[test]
fn a_missing_field_names_pattern_and_field() {
    let result = parse_edited(|v| {
        pattern_mut(v, "saga")
            .as_object_mut()
            .expect("object")
            .remove("summary");
    });
    assert_rejected(result, "\"Saga\" (saga)", "summary", "is missing");
}

#[test]
fn an_empty_string_field_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "cqrs")["solution"] = json!("   "));
    assert_rejected(result, "\"CQRS\" (cqrs)", "solution", "is empty");
}

#[test]
fn an_empty_list_field_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "cqrs")["forces"] = json!([]));
    assert_rejected(result, "(cqrs)", "forces", "is empty");
}

#[test]
fn an_empty_item_in_a_list_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "event-sourcing")["how_it_works"][1] = json!(""));
    assert_rejected(result, "(event-sourcing)", "how_it_works[1]", "is empty");
}

#[test]
fn a_mistyped_field_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "saga")["tags"] = json!("consistency"));
    assert_rejected(result, "(saga)", "tags", "must be an array, found a string");
}

#[test]
fn a_duplicate_slug_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "read-through-cache")["slug"] = json!("saga"));
    assert_rejected(
        result,
        "\"Read-Through Cache\" (saga)",
        "slug",
        "repeats the slug \"saga\"",
    );
}

#[test]
fn a_duplicate_name_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "read-through-cache")["name"] = json!("saga"));
    assert_rejected(result, "(read-through-cache)", "name", "repeats the name \"saga\"");
}

#[test]
fn an_unknown_category_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "saga")["category"] = json!("security"));
    assert_rejected(result, "(saga)", "category", "unknown category \"security\"");
}

#[test]
fn a_related_slug_that_does_not_exist_is_rejected() {
    let result = parse_edited(|v| pattern_mut(v, "saga")["related"][0]["slug"] = json!("two-phase-commit"));
    assert_rejected(
        result,
        "(saga)",
        "related[0].slug",
        "\"two-phase-commit\", which is no pattern's slug",
    );
}

#[test]
fn a_tag_that_is_not_kebab_case_is_rejected() {
    for bad in [
        "Event-Driven",
        "event driven",
        "event_driven",
        "-event",
        "event--driven",
        "",
    ] {
        let result = parse_edited(|v| pattern_mut(v, "saga")["tags"][3] = json!(bad));
        let says = if bad.is_empty() {
            "is empty"
        } else {
            "must be lower-case kebab-case"
        };
        assert_rejected(result, "(saga)", "tags[3]", says);
    }
}

#[test]
fn every_fault_is_reported_not_only_the_first() {
    let errors = parse_edited(|v| {
        pattern_mut(v, "saga")["category"] = json!("nowhere");
        pattern_mut(v, "cqrs")["tags"][0] = json!("Bad Tag");
    })
    .expect_err("two faults");
    assert!(
        errors.mentions("(saga)", "category") && errors.mentions("(cqrs)", "tags[0]"),
        "{errors}"
    );
}
