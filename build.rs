//! Build script: chooses the catalog compiled into the app. It is
//! `catalog.json` unless `PATTERNS_CATALOG` names another file, as the
//! benchmark does with a generated 10,000-pattern catalog and the hardening
//! tests do with a hostile one. The choice is made at build time: the app
//! never fetches its catalog.

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo::rerun-if-env-changed=PATTERNS_CATALOG");
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let source = match env::var_os("PATTERNS_CATALOG").filter(|s| !s.is_empty()) {
        Some(path) => manifest_dir.join(path),
        None => manifest_dir.join("catalog.json"),
    };
    println!("cargo::rerun-if-changed={}", source.display());
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = fs::copy(&source, out_dir.join("catalog.json")) {
        eprintln!("error: cannot read the catalog {}: {e}", source.display());
        process::exit(1);
    }
}
