//! Validates a catalog file exactly as the app does at start-up, natively,
//! so a generated catalog (such as the benchmark's 10,000 patterns) is known
//! to be valid before it is compiled into a build:
//!
//! ```sh
//! cargo run --no-default-features --example check_catalog -- target/bench/catalog-10k.json
//! ```
//!
//! Prints the number of patterns and tags, or every error, and exits 1 on errors.

use std::{env, fs, process};

use patterns_forged::catalog::parse_catalog;

fn main() {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: check_catalog PATH");
        process::exit(2);
    };
    let json = fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {path}: {e}");
        process::exit(2);
    });
    match parse_catalog(&json) {
        Ok(catalog) => println!(
            "{path}: valid, {} patterns, {} tags",
            catalog.patterns.len(),
            catalog.tags().len()
        ),
        Err(errors) => {
            for error in &errors.0 {
                eprintln!("{error}");
            }
            eprintln!("{path}: {} errors", errors.0.len());
            process::exit(1);
        }
    }
}
