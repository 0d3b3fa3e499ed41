//! Light and dark themes: the system setting by default, and a toggle that
//! overrides it for this browser (kept in `localStorage`).

use leptos::prelude::*;

const STORAGE_KEY: &str = "patterns-forged-theme";

/// The user's choice; `System` follows `prefers-color-scheme`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Theme {
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
    fn next(self) -> Self {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self) -> &'static str {
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

/// A button that cycles the theme between system, light and dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let stored = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    let (theme, set_theme) = signal(Theme::from_stored(stored));
    Effect::new(move |_| {
        let theme = theme.get();
        apply(theme);
        if let Some(storage) = storage() {
            let _ = match theme.attribute() {
                Some(value) => storage.set_item(STORAGE_KEY, value),
                None => storage.remove_item(STORAGE_KEY),
            };
        }
    });
    view! {
        <button
            type="button"
            class="theme-toggle"
            title="Switch between the system, light and dark themes"
            on:click=move |_| set_theme.update(|t| *t = t.next())
        >
            {move || theme.get().label()}
        </button>
    }
}
