//! The embedded catalog and its search index, built once per page load and
//! shared by every view, with what the filters derive from them once.

use std::sync::OnceLock;

use crate::catalog::{self, Catalog, CatalogErrors};
use crate::route::Route;
use crate::search::{OFFERED_TAGS, SearchIndex, View, apply_view, common_tags};

/// The embedded catalog, or why it could not be read.
pub fn catalog() -> Result<&'static Catalog, &'static CatalogErrors> {
    catalog::embedded().as_ref()
}

/// The search index over the embedded catalog; `None` when the catalog is invalid.
pub fn index() -> Option<&'static SearchIndex> {
    SearchIndex::embedded()
}

/// Decodes the catalog now, rather than during the first render, and, when
/// the first page is home, builds the search index and the tag choices too:
/// the app calls it while index.html's static first paint is on screen (see
/// [`super::static_shell`]). Other pages never use the index, so a link to a
/// pattern does not wait for it; home builds it when it is first shown.
pub fn prepare(first_page: &Route) {
    match first_page {
        Route::Home => {
            tag_choices();
        }
        Route::Pattern(_) | Route::NotFound => {
            let _ = catalog();
        }
    }
}

/// The tags of the embedded catalog, for the tag filter.
pub struct TagChoices {
    /// Every tag, sorted, as the index lists them: the order of the tag
    /// facet counts.
    pub all: Vec<&'static str>,
    /// The tags offered before the user asks for all of them, sorted.
    pub common: Vec<&'static str>,
}

/// The tag choices of the embedded catalog (none when it is invalid).
pub fn tag_choices() -> &'static TagChoices {
    static CHOICES: OnceLock<TagChoices> = OnceLock::new();
    CHOICES.get_or_init(|| match (catalog(), index()) {
        (Ok(catalog), Some(index)) => TagChoices {
            // The index's own list: the order of its tag facet counts.
            all: index.tags().collect(),
            common: common_tags(&apply_view(catalog, index, &View::default()).tags, OFFERED_TAGS),
        },
        _ => TagChoices {
            all: Vec::new(),
            common: Vec::new(),
        },
    })
}
