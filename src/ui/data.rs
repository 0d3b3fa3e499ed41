//! The embedded catalog and its search index, built once per page load and
//! shared by every view.

use crate::catalog::{self, Catalog, CatalogErrors};
use crate::search::SearchIndex;

/// The embedded catalog, or why it could not be read.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogErrors> {
    catalog::embedded().as_ref()
}

/// The search index over the embedded catalog; `None` when the catalog is invalid.
pub fn index() -> Option<&'static SearchIndex> {
    SearchIndex::embedded()
}
