//! How markup the app wrote once follows its state: a slot is written
//! again when what it shows changes, and only then, so that focus and live
//! regions are left alone while it stays the same; a control is changed in
//! place (its text, an attribute), so that focus stays on it.

use leptos::html::Div;
use leptos::prelude::*;
use web_sys::Element;

use super::effects::effect;
use crate::markup::Html;
use crate::ui::markup_host::set_markup;

/// Writes what `write` returns into the element `selector` finds under
/// `root`, now and whenever what it reads changes, unless it is what the
/// element already holds. Not generic, so that every slot shares one copy
/// of this code.
pub fn follow_markup(root: NodeRef<Div>, selector: &'static str, write: Box<dyn Fn() -> Html>) {
    Effect::new(move |written: Option<Option<Html>>| {
        let html = write();
        let element = find(root, selector)?;
        if written.flatten().as_ref() != Some(&html) {
            set_markup(&element, &html);
        }
        Some(html)
    });
}

/// [`follow_markup`] for an element that holds text.
pub fn follow_text(root: NodeRef<Div>, selector: &'static str, write: Box<dyn Fn() -> String>) {
    effect(Box::new(move || {
        let text = write();
        if let Some(element) = find(root, selector) {
            set_text(&element, &text);
        }
    }));
}

/// The first element under `root` that `selector` finds, once `root` is
/// on the page (tracking that).
pub fn find(root: NodeRef<Div>, selector: &str) -> Option<Element> {
    root.get()?.query_selector(selector).ok().flatten()
}

/// Adds the boolean attribute `name` to `element` (`on`) or removes it.
pub fn set_flag(element: &Element, name: &str, on: bool) {
    let _ = if on {
        element.set_attribute(name, "")
    } else {
        element.remove_attribute(name)
    };
}

/// Sets the text of `element` to `text` unless it already says that.
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}
