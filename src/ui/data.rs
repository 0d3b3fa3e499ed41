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

/// What to have ready before the first render, in order, one task each:
/// the app runs them while index.html's static first paint is on screen
/// (see [`super::static_shell`]), so that no single task of the start-up
/// is long enough to keep the page from answering input for long. Home
/// decodes the catalog, builds the search index, then the tag choices; a
/// pattern's page decodes the catalog, then the pattern's simulation.
/// Other pages never use the index, so a link to a pattern does not wait
/// for it, and home builds it when it is first shown.
pub fn preparation(first_page: &Route) -> Vec<Box<dyn FnOnce()>> {
    let decode = Box::new(|| {
        let _ = catalog();
    });
    match first_page {
        Route::Home => vec![
            decode,
            Box::new(|| {
                let _ = index();
            }),
            Box::new(|| {
                tag_choices();
            }),
        ],
        Route::Pattern(slug) => {
            let slug = slug.clone();
            vec![
                decode,
                Box::new(move || {
                    if let Some(simulation) = catalog().ok().and_then(|c| c.pattern(&slug)?.simulation.as_ref()) {
                        let _ = simulation.spec();
                    }
                }),
            ]
        }
        Route::NotFound => vec![decode],
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
