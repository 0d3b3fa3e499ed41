//! The pattern catalog: its model, the parser that checks catalog JSON
//! field by field (run by `build.rs` and by tests), and the catalog embedded
//! in the app. Pure Rust: no browser, no framework.
//!
//! ```
//! let catalog = patterns_forged::catalog::embedded().as_ref().expect("the shipped catalog is valid");
//! assert_eq!(catalog.pattern("saga").map(|p| p.name.as_str()), Some("Saga"));
//! ```

mod embedded;
mod error;
mod lazy_simulation;
mod locate;
mod model;
mod parse;
pub mod reader;
mod suggest;

pub use embedded::{EMBEDDED_BIN, EMBEDDED_JSON, embedded};
pub use error::{CatalogError, CatalogErrors};
pub use lazy_simulation::LazySimulation;
pub use model::{Catalog, Category, Pattern, Related, is_kebab_case};
pub use parse::parse_catalog;
pub use suggest::closest_patterns;
