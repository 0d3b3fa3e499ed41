//! The pattern catalog: its model, and the parser that checks catalog JSON
//! field by field. Pure Rust: no browser, no framework.
//!
//! ```
//! let catalog = patterns_forged::catalog::embedded().as_ref().expect("the shipped catalog is valid");
//! assert_eq!(catalog.pattern("saga").map(|p| p.name.as_str()), Some("Saga"));
//! ```

mod error;
mod locate;
mod model;
mod parse;
pub mod reader;
mod suggest;

use std::sync::OnceLock;

pub use error::{CatalogError, CatalogErrors};
pub use model::{Catalog, Category, Pattern, Related, is_kebab_case};
pub use parse::parse_catalog;
pub use suggest::closest_patterns;

/// The catalog JSON compiled into the binary: `catalog.json`, or the file
/// `PATTERNS_CATALOG` named at build time (see `build.rs`).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// The embedded catalog, parsed once. An invalid catalog is an `Err` the UI
/// shows as a message; the test command fails on it long before that.
pub fn embedded() -> &'static Result<Catalog, CatalogErrors> {
    static CATALOG: OnceLock<Result<Catalog, CatalogErrors>> = OnceLock::new();
    CATALOG.get_or_init(|| parse_catalog(EMBEDDED_JSON))
}
