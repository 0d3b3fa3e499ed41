//! Errors found while reading a catalog: each one names the pattern (when
//! there is one) and the field, so an author can go straight to the fault.

use std::fmt;

/// One thing wrong with a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The pattern the fault is in, as `Name (slug)` or whatever of the two
    /// could be read; `None` for faults outside any pattern.
    pub pattern: Option<String>,
    /// Path of the faulty field inside the pattern (or the catalog), such as
    /// `tags[2]` or `simulation.scenarios[1].steps[4].to`.
    pub field: String,
    /// What is wrong, in a sentence fragment.
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.pattern {
            Some(pattern) => write!(f, "pattern {pattern}, field `{}`: {}", self.field, self.message),
            None => write!(f, "catalog, field `{}`: {}", self.field, self.message),
        }
    }
}

/// Every fault found in one catalog, in the order they were found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogErrors(pub Vec<CatalogError>);

impl CatalogErrors {
    /// True when some error names this field (an exact path) in this pattern slug or name.
    pub fn mentions(&self, pattern_part: &str, field: &str) -> bool {
        self.0
            .iter()
            .any(|e| e.field == field && e.pattern.as_deref().is_some_and(|p| p.contains(pattern_part)))
    }
}

impl fmt::Display for CatalogErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the catalog has {} error(s):", self.0.len())?;
        for error in &self.0 {
            writeln!(f, "  - {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogErrors {}
