//! The Leptos front end: a thin layer that reads the URL, asks the domain
//! modules what to show and renders it. No pattern logic lives here.

mod after_paint;
mod app;
mod base_path;
mod below_fold;
mod data;
mod effects;
mod filter_counts;
mod filters;
mod first_render;
mod home;
mod home_controls;
mod in_place;
mod links;
mod markup_host;
mod not_found;
mod pattern_page;
mod player;
mod reduced_motion;
mod router;
mod service_worker;
mod static_shell;
mod theme;
mod title;
mod url_view;

pub use app::App;
pub use router::UNWRITTEN_FOR;
pub use service_worker::register_service_worker;
pub use static_shell::start_after_shell;
