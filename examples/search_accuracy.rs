//! The search benchmark's top-3 accuracy, natively and in seconds: for each
//! problem-first query of `scripts/bench/search-queries.mjs`, where our
//! engine ranks the expected pattern in a catalog, the top three, and how
//! each query word scores for those patterns. For work on ranking, which
//! the browser benchmark (`scripts/bench.sh`) then confirms:
//!
//! ```sh
//! node scripts/bench/generate-catalog.mjs target/bench/catalog-10k.json
//! cargo run --release --no-default-features --example search_accuracy -- target/bench/catalog-10k.json
//! ```
//!
//! A second argument names another query file. Exits 1 when a file cannot
//! be read or parsed.

mod bench_input;

use std::env;

use bench_input::{QUERIES, fail, quoted_after, read};
use patterns_forged::catalog::Catalog;
use patterns_forged::search::{Query, SearchIndex};

fn main() {
    let mut args = env::args().skip(1);
    let Some(catalog_path) = args.next() else {
        fail("usage: search_accuracy CATALOG.json [QUERIES.mjs]");
    };
    let queries_path = args.next().unwrap_or_else(|| QUERIES.to_owned());
    let catalog = bench_input::catalog(&catalog_path);
    let queries = problem_queries(&read(&queries_path));
    if queries.is_empty() {
        fail(&format!(
            "{queries_path}: no problem-first query with an expected pattern"
        ));
    }
    let index = SearchIndex::new(&catalog);
    let mut in_top_3 = 0;
    for (text, expected) in &queries {
        let hits = index.search(&Query::parse(text));
        let rank = hits.iter().position(|h| catalog.patterns[h.pattern].slug == *expected);
        let found = rank.is_some_and(|r| r < 3);
        in_top_3 += usize::from(found);
        let describe = |i: usize| {
            let hit = &hits[i];
            format!(
                "{} ({} words, {:.1})",
                catalog.patterns[hit.pattern].slug, hit.matched_terms, hit.score
            )
        };
        let top: Vec<String> = (0..hits.len().min(3)).map(describe).collect();
        let place = rank.map_or_else(|| "not found".to_owned(), |r| format!("#{} {}", r + 1, describe(r)));
        println!(
            "{} {text:?} -> {expected}: {place}",
            if found { "ok  " } else { "miss" }
        );
        println!("     top 3: {}", top.join(", "));
        if !found {
            let mut shown = vec![expected.as_str()];
            shown.extend(hits.iter().take(2).map(|h| catalog.patterns[h.pattern].slug.as_str()));
            word_scores(&catalog, &index, text, &shown);
        }
    }
    println!("top-3 accuracy: {in_top_3}/{}", queries.len());
}

/// Each word of `text` searched alone (and so also as a prefix, as the
/// last word of a query is): how many patterns it matches, and its score
/// for each of `slugs` (`-` when it does not match).
fn word_scores(catalog: &Catalog, index: &SearchIndex, text: &str, slugs: &[&str]) {
    println!("     word scores for {}:", slugs.join(", "));
    for word in text.split_whitespace() {
        let hits = index.search(&Query::parse(word));
        let scores: Vec<String> = slugs
            .iter()
            .map(|slug| {
                hits.iter()
                    .find(|h| catalog.patterns[h.pattern].slug == *slug)
                    .map_or_else(|| "-".to_owned(), |h| format!("{:.1}", h.score))
            })
            .collect();
        println!("       {word:>15} in {:>5} patterns: {}", hits.len(), scores.join("  "));
    }
}

/// The `(text, expect)` of each query line with both, in order: lines such
/// as `{ kind: 'problem', text: 'charged twice', expect: 'idempotency-key' },`.
fn problem_queries(source: &str) -> Vec<(String, String)> {
    source
        .lines()
        .filter_map(|line| Some((quoted_after(line, "text: ")?, quoted_after(line, "expect: ")?)))
        .collect()
}
