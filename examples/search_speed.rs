//! The search benchmark's engine timing, natively: every query of
//! `scripts/bench/search-queries.mjs` typed one character at a time, each
//! keystroke's view computed as the home page computes it ([`apply_view`]:
//! search, filters and facet counts), several times over. Prints p50, p95
//! and the slowest keystrokes, for work on the engine's speed, which the
//! browser benchmark (`scripts/bench.sh`) then confirms:
//!
//! ```sh
//! cargo run --release --no-default-features --example search_speed -- target/bench/catalog-10k.json
//! ```
//!
//! Exits 1 when a file cannot be read or parsed.

mod bench_input;

use std::env;
use std::hint::black_box;
use std::time::Instant;

use bench_input::{QUERIES, fail, quoted_after, read};
use patterns_forged::search::{SearchIndex, View, apply_view};

/// Runs of the whole keystroke list; each keystroke keeps its fastest.
const ROUNDS: usize = 5;

fn main() {
    let Some(catalog_path) = env::args().nth(1) else {
        fail("usage: search_speed CATALOG.json");
    };
    let catalog = bench_input::catalog(&catalog_path);
    let keystrokes: Vec<String> = read(QUERIES)
        .lines()
        .filter_map(|line| quoted_after(line, "text: "))
        .flat_map(|text| {
            let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            ends.into_iter().map(move |end| text[..end].to_owned())
        })
        .collect();
    let started = Instant::now();
    let index = SearchIndex::new(&catalog);
    println!(
        "index of {} patterns built in {:.0} ms",
        catalog.patterns.len(),
        ms(started)
    );
    let mut fastest = vec![f64::INFINITY; keystrokes.len()];
    for _ in 0..ROUNDS {
        for (text, best) in keystrokes.iter().zip(&mut fastest) {
            let view = View {
                q: text.clone(),
                ..View::default()
            };
            let started = Instant::now();
            black_box(apply_view(&catalog, &index, black_box(&view)).patterns.len());
            *best = best.min(ms(started));
        }
    }
    let mut sorted = fastest.clone();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} keystrokes, fastest of {ROUNDS} runs each: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        keystrokes.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    let mut slowest: Vec<(f64, &String)> = fastest.iter().copied().zip(&keystrokes).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (time, text) in slowest.iter().take(12) {
        println!("  {time:.3} ms  {text:?}");
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}
