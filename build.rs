//! Build script: checks the catalog compiled into the app and encodes it.
//!
//! The catalog is `catalog.json` unless `PATTERNS_CATALOG` names another
//! file, as the benchmark does with a generated 10,000-pattern catalog. The
//! script parses and validates it with the crate's own parser (the modules
//! below are the library's sources); an invalid catalog stops the build with
//! every error, each naming the pattern and the field. A valid one is written
//! to `OUT_DIR/catalog.bin` in the `wire` format, which is all the app
//! decodes at start-up, and copied to `OUT_DIR/catalog.json` for the tests.
//! The app never fetches its catalog.
//!
//! It also writes `OUT_DIR/lowercase_table.rs`, the runs of characters the
//! crate's own lower-casing looks up (see `src/lowercase/mod.rs`), made from
//! the standard library's mapping.

// Only the parser and the encoder are used here; the rest of these modules
// serves the app.
#![allow(dead_code, unused_imports)]

use std::path::{Path, PathBuf};
use std::{env, fs};

/// The catalog's model and parser (the embedded catalog, which this script
/// makes, is left out).
#[path = "src/catalog"]
mod catalog {
    mod error;
    mod lazy_simulation;
    mod locate;
    mod model;
    mod parse;
    pub mod reader;

    pub use error::{CatalogError, CatalogErrors};
    pub use lazy_simulation::LazySimulation;
    pub use model::{Catalog, Category, Pattern, Related, is_kebab_case};
    pub use parse::parse_catalog;
}
#[path = "src/decimal.rs"]
mod decimal;
#[path = "src/lowercase/generate.rs"]
mod lowercase_table;
/// The simulation models lower-case with the library's `lowercase`, whose
/// table this script makes; here the standard library's serves.
mod lowercase {
    pub fn to_lowercase(text: &str) -> String {
        text.to_lowercase()
    }
}
#[path = "src/sim/mod.rs"]
mod sim;
#[path = "src/sort.rs"]
mod sort;
#[path = "src/url_text.rs"]
mod url_text;
#[path = "src/wire/mod.rs"]
mod wire;

fn main() {
    println!("cargo::rerun-if-env-changed=PATTERNS_CATALOG");
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let source = match env::var_os("PATTERNS_CATALOG").filter(|s| !s.is_empty()) {
        Some(path) => manifest_dir.join(path),
        None => manifest_dir.join("catalog.json"),
    };
    println!("cargo::rerun-if-changed={}", source.display());
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let table = out_dir.join("lowercase_table.rs");
    if let Err(e) = fs::write(&table, lowercase_table::lowercase_table_source()) {
        println!("cargo::error=cannot write {}: {e}", table.display());
    }
    if let Err(problems) = embed(&source, &out_dir) {
        // Cargo shows each line as an error and stops the build.
        for line in problems.lines() {
            println!("cargo::error={line}");
        }
    }
}

/// Validates the catalog at `source` and writes `catalog.bin` and
/// `catalog.json` into `out_dir`; on failure, what to tell the author.
fn embed(source: &Path, out_dir: &Path) -> Result<(), String> {
    let text = fs::read_to_string(source).map_err(|e| format!("cannot read the catalog {}: {e}", source.display()))?;
    let catalog = catalog::parse_catalog(&text).map_err(|errors| format!("{}: {errors}", source.display()))?;
    let bytes = wire::to_bytes(&catalog);
    match wire::from_bytes::<catalog::Catalog>(&bytes) {
        Ok(decoded) if decoded == catalog => check_simulations(&catalog, &decoded)?,
        Ok(_) => return Err("the encoded catalog decodes to a different catalog".to_owned()),
        Err(e) => return Err(format!("the encoded catalog does not decode: {e}")),
    }
    let write = |name: &str, contents: &[u8]| {
        let path = out_dir.join(name);
        fs::write(&path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write("catalog.bin", &bytes)?;
    write("catalog.json", text.as_bytes())
}

/// Checks that each simulation kept encoded in `decoded` decodes to the
/// one parsed from the JSON, as the app will decode it.
fn check_simulations(parsed: &catalog::Catalog, decoded: &catalog::Catalog) -> Result<(), String> {
    for (pattern, copy) in parsed.patterns.iter().zip(&decoded.patterns) {
        let (Some(original), Some(copy)) = (&pattern.simulation, &copy.simulation) else {
            continue;
        };
        match copy.spec() {
            Ok(spec) if original.spec() == Ok(spec) => {}
            Ok(_) => return Err(format!("the simulation of {} decodes differently", pattern.slug)),
            Err(e) => return Err(format!("the simulation of {} does not decode: {e}", pattern.slug)),
        }
    }
    Ok(())
}
