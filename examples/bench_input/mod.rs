//! What the search examples share: reading the benchmark's catalog and its
//! query file (`scripts/bench/search-queries.mjs`), and failing with a
//! message. A module, not an example: Cargo only builds `examples/*.rs` and
//! `examples/*/main.rs` as examples.

use std::{fs, process};

use patterns_forged::catalog::{Catalog, parse_catalog};

/// The benchmark's query list, one `{ kind, text, expect? }` object a line.
pub const QUERIES: &str = "scripts/bench/search-queries.mjs";

/// The catalog at `path`, parsed and validated; exits with its errors.
pub fn catalog(path: &str) -> Catalog {
    parse_catalog(&read(path)).unwrap_or_else(|errors| fail(&format!("{path}: {errors}")))
}

/// The single-quoted string that follows `key` in `line`.
pub fn quoted_after(line: &str, key: &str) -> Option<String> {
    let rest = line.split_once(key)?.1.strip_prefix('\'')?;
    Some(rest.split_once('\'')?.0.to_owned())
}

/// The text of the file at `path`; exits when it cannot be read.
pub fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")))
}

/// Prints `message` as an error and exits 1.
pub fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
