//! Nearly everything the app displays, written as HTML and SVG text by
//! pure functions: the site's header and footer, the home page (its
//! controls, cards and what it says around them), a pattern's entry, the
//! whole simulation player and the not-found page. The UI sets this text
//! as its containers' content (see `crate::ui::markup_host`), which takes
//! far less WebAssembly than building each element through the UI
//! library. Controls are written once and then updated in place, so that
//! focus stays on them, and their clicks and changes reach one listener per
//! kind of event, which reads what each means from the `data-*` attributes
//! written here. Every text and attribute value is escaped ([`Markup`]),
//! and only that writer makes an [`Html`].

mod builder;
mod card;
mod charts;
mod controls;
mod diagram;
mod entry;
mod filters;
mod invariants;
mod links;
mod not_found;
mod panels;
mod player;
mod results;
mod shell;
mod transcript;

#[cfg(test)]
mod controls_tests;
#[cfg(test)]
mod filters_tests;
#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod player_tests;

pub use builder::{Html, Markup};
pub use card::card_groups;
pub use charts::charts;
pub use controls::{Act, SPEEDS, counter, fault_offers, notices, param_pickers, play_label, run_error};
pub use diagram::diagram;
pub use entry::{entry_rest, entry_top};
pub use filters::{
    CLEAR_VIEW, Chip, Controls, Facet, SHOW_MORE_TAGS, chip_disabled, chips, home_controls, ignored_notice,
    more_tags_label, patterns_in_parentheses, shown_count,
};
pub use invariants::invariants;
pub use links::Links;
pub use not_found::not_found;
pub use panels::state_panels;
pub use player::{Slot, player_below_stage, player_stage, player_top};
pub use results::{SHOW_ALL, SHOW_MORE, no_results, show_more};
pub use shell::{site_footer, site_header};
pub use transcript::transcript;
