//! Patterns, forged: an explorer of software-architecture patterns with
//! step-through simulations of their message flows.
//!
//! The domain is pure Rust and knows nothing of the browser:
//! - [`catalog`]: the catalog model and its field-by-field validation;
//! - [`wire`]: the compact binary form the catalog ships in, validated at
//!   build time;
//! - [`search`]: the search index, filters and the URL form of a view;
//! - [`sim`]: scenarios run into timelines of frames;
//! - [`markup`]: what responds to no input of its own (a pattern's entry,
//!   the home page's cards, what the player shows of a frame), as escaped
//!   HTML and SVG text;
//! - [`route`]: which page an address names;
//! - [`decimal`]: numbers as decimal text and back;
//! - [`lowercase`]: Unicode lower-casing, small in code;
//! - [`sort`]: the one sorting routine, small in code.
//!
//! The `ui` feature (on by default) adds the Leptos front end, a thin layer
//! that renders what the domain computes.

pub mod catalog;
pub mod decimal;
pub mod lowercase;
pub mod markup;
pub mod route;
pub mod search;
pub mod sim;
pub mod sort;
pub mod url_text;
pub mod wire;

#[cfg(feature = "ui")]
pub mod ui;
