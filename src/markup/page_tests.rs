//! The pattern page's entry and the home page's cards as markup, written
//! from the shipped catalog.

use super::player_tests::count;
use super::*;
use crate::catalog::Catalog;
use crate::search::{PAGE_SIZE, SearchIndex, View, apply_view, listing};

fn catalog() -> &'static Catalog {
    crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid")
}

/// The cards of the home view `view`, on the page at `current`.
fn cards(view: View, current: &str) -> String {
    let catalog = catalog();
    let index = SearchIndex::embedded().expect("the index builds");
    let results = apply_view(catalog, index, &view);
    let shown = listing(catalog, &results, PAGE_SIZE);
    card_groups(&shown, &results.query, catalog, &Links::new("/base", current)).into_string()
}

#[test]
fn home_shows_a_card_per_pattern_under_its_category() {
    let html = cards(View::default(), "/base/");
    let catalog = catalog();
    assert_eq!(count(&html, r#"<article class="card""#), catalog.patterns.len());
    for category in &catalog.categories {
        let heading = format!(
            r#"<h2 id="category-{}" class="category-heading">{}</h2>"#,
            category.slug, category.name
        );
        assert!(html.contains(&heading), "{heading}");
    }
    let saga = r#"<h3 id="card-saga"><a href="/base/patterns/saga">Saga</a></h3>"#;
    assert!(html.contains(saga), "{html}");
    assert!(
        !html.contains("card-category"),
        "grouped cards do not repeat their category"
    );
    assert!(!html.contains("<mark>"));
}

#[test]
fn a_search_ranks_the_cards_names_their_category_and_marks_the_words() {
    let html = cards(
        View {
            q: "compensating".into(),
            ..View::default()
        },
        "/base/?q=compensating",
    );
    assert!(html.starts_with(r#"<section aria-labelledby="ranked-heading"><h2 id="ranked-heading" class="category-heading">Best matches first</h2>"#), "{html}");
    assert!(html.contains(r#"<span class="card-category">"#), "{html}");
    assert!(html.contains("<mark>"), "{html}");
}

#[test]
fn the_tag_link_of_the_view_shown_is_marked_current() {
    let tag = &catalog().pattern("saga").expect("saga").tags[0];
    let view = View {
        tags: vec![tag.clone()],
        ..View::default()
    };
    let here = format!("/base/?tag={tag}");
    let html = cards(view, &here);
    let current = format!(r##"<a href="{here}" class="tag" aria-current="page">#"##);
    assert!(html.contains(&current), "{html}");
    assert_eq!(count(&html, "aria-current"), count(&html, &current));
}

#[test]
fn the_entry_has_every_section_in_reading_order() {
    let catalog = catalog();
    let saga = catalog.pattern("saga").expect("saga");
    let links = Links::new("", "/patterns/saga");
    let top = entry_top(saga, catalog, &links).into_string();
    assert!(
        top.starts_with(
            r#"<nav aria-label="Breadcrumb" class="breadcrumb"><a href="/">All patterns</a> / <a href="/?category="#
        ),
        "{top}"
    );
    assert!(top.contains(r#"<h1 id="pattern-title">Saga</h1>"#), "{top}");
    assert_eq!(count(&top, r#"class="tag""#), saga.tags.len());
    assert!(
        top.ends_with("</p></section>") && top.contains(r#"<h2 id="problem-heading">Problem</h2>"#),
        "{top}"
    );
    let rest = entry_rest(saga, catalog, &links).into_string();
    let order = [
        "forces",
        "solution",
        "how-it-works",
        "when-to-use",
        "when-not-to-use",
        "tradeoffs",
        "related",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|id| {
            rest.find(&format!(r#"<h2 id="{id}-heading">"#))
                .unwrap_or_else(|| panic!("{id}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(count(&rest, "<ol>"), 1, "how it works is numbered");
    assert_eq!(count(&rest, r#"<span class="related-why">"#), saga.related.len());
}

#[test]
fn a_related_pattern_missing_from_the_catalog_is_left_out() {
    let catalog = catalog();
    let mut saga = catalog.pattern("saga").expect("saga").clone();
    let known = saga.related.len();
    saga.related.push(crate::catalog::Related {
        slug: "no-such-pattern".into(),
        why: "gone".into(),
    });
    let rest = entry_rest(&saga, catalog, &Links::new("", "")).into_string();
    assert_eq!(count(&rest, r#"<span class="related-why">"#), known);
    assert!(!rest.contains("no-such-pattern"));
}

#[test]
fn not_found_suggests_patterns_as_links_under_the_base_and_links_home() {
    let catalog = catalog();
    let saga = catalog.pattern("saga").expect("saga");
    let cqrs = catalog.pattern("cqrs").expect("cqrs");
    let html = not_found(&[saga, cqrs], &Links::new("/base", "/base/patterns/sagaa")).into_string();
    assert!(html.starts_with(r#"<section class="not-found" aria-labelledby="not-found-title">"#));
    assert!(
        html.contains(r#"<li><a href="/base/patterns/saga">Saga</a><span class="related-why">"#),
        "{html}"
    );
    assert_eq!(count(&html, "<li>"), 2, "one item per suggestion, in order");
    assert!(html.find("patterns/saga").expect("saga") < html.find("patterns/cqrs").expect("cqrs"));
    assert!(html.contains(r#"<a href="/base/">Browse all patterns</a>"#), "{html}");
    assert!(!html.contains("aria-current"), "none of them is the address shown");
    let none = not_found(&[], &Links::new("", "/nowhere")).into_string();
    assert!(none.contains(r#"<ul class="related suggestions"></ul>"#), "{none}");
}
