//! Search over the catalog: a ranked full-text index with prefix and typo
//! matching, highlighting of what matched, filters by category and tags
//! with facet counts, and the URL form of a view. Pure Rust, built once per
//! catalog and queried per keystroke.
//!
//! ```
//! use patterns_forged::catalog;
//! use patterns_forged::search::{SearchIndex, apply_view, format_view_query, highlight, parse_view_query};
//!
//! let catalog = catalog::embedded().as_ref().expect("the shipped catalog is valid");
//! let index = SearchIndex::new(catalog);
//!
//! let view = parse_view_query("?q=charged+twice&tag=payments");
//! let results = apply_view(catalog, &index, &view);
//! assert_eq!(results.patterns[0].slug, "idempotency-key");
//!
//! let marked: Vec<&str> = highlight(&results.patterns[0].problem, &results.query)
//!     .into_iter()
//!     .filter(|segment| segment.matched)
//!     .map(|segment| segment.text)
//!     .collect();
//! assert_eq!(marked, ["charging", "twice"]);
//!
//! assert_eq!(format_view_query(&view), "?q=charged%20twice&tag=payments");
//! ```
//!
//! Files: `tokenize` (words and stop words), `stem` (suffix folding),
//! `typo` (one-edit matching), `query` (a parsed query), `index` (the
//! index, and building it, whole or a step at a time), `rank` (running a
//! query), `radix` (sorting its hits and the typo keys), `highlight`,
//! `view` (the view type), `filter` (results and facet
//! counts), `listing` (what the home page lists, a page at a time),
//! `fold` (how many of those cards to paint at once), `tag_offer` (which
//! tag filters are offered), `view_query` (URL form).

mod filter;
mod fold;
mod highlight;
mod index;
mod listing;
mod query;
mod radix;
mod rank;
mod stem;
mod tag_offer;
mod tokenize;
mod typo;
mod view;
mod view_query;

#[cfg(test)]
mod catalog_tests;

pub use filter::{FacetCount, ViewResults, apply_view};
pub use fold::cards_to_paint_now;
pub use highlight::{Segment, highlight};
pub use index::SearchIndex;
pub use listing::{Listing, PAGE_SIZE, listing};
pub use query::{MatchKind, Query, Term};
pub use rank::Hit;
pub use tag_offer::{OFFERED_TAGS, common_tags, offered_tags};
pub use view::{MAX_TAGS, MAX_VALUE_CHARS, View};
pub use view_query::{format_view_query, parse_view_query};
