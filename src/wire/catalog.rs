//! The encodings of the catalog's own types; a pattern's simulation is in
//! [`simulation`](super::simulation).

use super::derive::wire_struct;
use crate::catalog::{Catalog, Category, Pattern, Related};

wire_struct! {
    Catalog { categories, patterns }
    Category { slug, name }
    Pattern {
        slug, name, category, tags, summary, problem, forces, solution, how_it_works,
        when_to_use, when_not_to_use, tradeoffs, related, simulation,
    }
    Related { slug, why }
}
