//! Light and dark themes: the system setting by default, and a toggle (in
//! the site header, see [`crate::markup::site_header`]) that overrides it
//! for this browser (kept in `localStorage`).

use leptos::prelude::*;

use super::effects::effect;

const STORAGE_KEY: &str = "patterns-forged-theme";

/// The user's choice; `System` follows `prefers-color-scheme`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn from_stored(value: Option<String>) -> Self {
        match value.as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// The next choice of the cycle System → Light → Dark → System.
    /// The theme a click on the toggle switches to.
    pub fn next(self) -> Self {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// What the toggle says.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn apply(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = match theme.attribute() {
            Some(value) => root.set_attribute("data-theme", value),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// The theme chosen for this browser, as a signal: the page follows it,
/// and it is remembered, whenever it is set.
pub fn use_theme() -> RwSignal<Theme> {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let theme = RwSignal::new(Theme::from_stored(stored));
    effect(Box::new(move || {
        let theme = theme.get();
        apply(theme);
        if let Some(storage) = storage() {
            let _ = match theme.attribute() {
                Some(value) => storage.set_item(STORAGE_KEY, value),
                None => storage.remove_item(STORAGE_KEY),
            };
        }
    }));
    theme
}
