//! What the app displays that responds to no input of its own, written as
//! HTML and SVG text by pure functions: a pattern's entry, the home page's
//! cards, and of the simulation player the diagram, the actors' state
//! panels, the invariants, the charts and the transcript. The UI sets this
//! text as its containers' content when what it shows changes (see
//! `crate::ui::markup_host`), which takes far less WebAssembly than
//! building each element through the UI library; the parts that respond to
//! input (search box, filters, player controls) stay Leptos views. Every
//! text and attribute value is escaped ([`Markup`]), and only that writer
//! makes an [`Html`].

mod builder;
mod card;
mod charts;
mod diagram;
mod entry;
mod invariants;
mod links;
mod panels;
mod transcript;

#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod player_tests;

pub use builder::{Html, Markup};
pub use card::card_groups;
pub use charts::charts;
pub use diagram::diagram;
pub use entry::{entry_rest, entry_top};
pub use invariants::invariants;
pub use links::Links;
pub use panels::state_panels;
pub use transcript::transcript;
