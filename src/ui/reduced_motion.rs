//! Whether the user asked the system for reduced motion
//! (`prefers-reduced-motion: reduce`), read once when asked.

/// True when animations should be replaced by jumps.
pub fn prefers_reduced_motion() -> bool {
    leptos::prelude::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
