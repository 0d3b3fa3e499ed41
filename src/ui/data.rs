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

/// One step of the preparation: does some of the work and returns whether
/// any is left, to be done by calling it again.
pub type Step = Box<dyn FnMut() -> bool>;

/// What to have ready before the first render, in order: the app runs these
/// steps while index.html's static first paint is on screen (see
/// [`super::static_shell`]), in tasks short enough that the page keeps
/// answering input. Home decodes the catalog, builds the search index a
/// pattern per call, then the tag choices; a pattern's page decodes the
/// catalog, then the pattern's simulation. Other pages never use the index,
/// so a link to a pattern does not wait for it, and home builds it whole
/// when it is first shown.
pub fn preparation(first_page: &Route) -> Vec<Step> {
    let decode = once(|| {
        let _ = catalog();
    });
    match first_page {
        Route::Home => vec![
            decode,
            Box::new(SearchIndex::embedded_in_steps()),
            once(|| {
                tag_choices();
            }),
        ],
        Route::Pattern(slug) => {
            let slug = slug.clone();
            vec![
                decode,
                once(move || {
                    if let Some(simulation) = catalog().ok().and_then(|c| c.pattern(&slug)?.simulation.as_ref()) {
                        let _ = simulation.spec();
                    }
                }),
            ]
        }
        Route::NotFound => vec![decode],
    }
}

/// A step done in one call.
fn once(work: impl FnOnce() + 'static) -> Step {
    let mut work = Some(work);
    Box::new(move || {
        if let Some(work) = work.take() {
            work();
        }
        false
    })
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
