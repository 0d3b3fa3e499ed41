//! The document's title, set by each page as it renders (the `<title>` in
//! `index.html` is what shows before the app starts).

/// Sets `document.title` to `text`.
pub fn set_title(text: &str) {
    leptos::prelude::document().set_title(text);
}
