//! The catalog's types: categories and patterns, as the rest of the app
//! reads them once the JSON has been checked.

use super::lazy_simulation::LazySimulation;

/// The whole catalog: categories in display order and the patterns in them.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub patterns: Vec<Pattern>,
}

/// A group of patterns, such as Scalability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// URL form, such as `apis`.
    pub slug: String,
    /// Display form, such as `APIs`.
    pub name: String,
}

/// One pattern's entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub slug: String,
    pub name: String,
    /// Slug of the pattern's category.
    pub category: String,
    /// Lower-case kebab-case tags.
    pub tags: Vec<String>,
    /// One line: what the pattern does.
    pub summary: String,
    /// The problem it solves.
    pub problem: String,
    /// The competing concerns.
    pub forces: Vec<String>,
    /// The solution, as a paragraph.
    pub solution: String,
    /// How it works, in order.
    pub how_it_works: Vec<String>,
    pub when_to_use: Vec<String>,
    pub when_not_to_use: Vec<String>,
    /// Costs and consequences.
    pub tradeoffs: Vec<String>,
    pub related: Vec<Related>,
    /// The step-through simulation, when the pattern has one; decoded when
    /// first asked for.
    pub simulation: Option<LazySimulation>,
}

/// A link from one pattern to another, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub slug: String,
    pub why: String,
}

impl Catalog {
    /// The pattern with this slug.
    pub fn pattern(&self, slug: &str) -> Option<&Pattern> {
        self.patterns.iter().find(|p| p.slug == slug)
    }

    /// The category with this slug.
    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }

    /// The display name of the category with this slug, or the slug itself
    /// when the catalog has no such category.
    pub fn category_name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.category(slug).map_or(slug, |c| c.name.as_str())
    }

    /// Every tag used by some pattern, sorted and without repeats.
    pub fn tags(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self
            .patterns
            .iter()
            .flat_map(|p| p.tags.iter().map(String::as_str))
            .collect();
        crate::sort::sort(&mut tags);
        tags.dedup();
        tags
    }
}

/// True for lower-case kebab-case words: `read-models`, `apis`, `l7`.
pub fn is_kebab_case(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}
