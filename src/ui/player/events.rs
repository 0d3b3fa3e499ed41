//! What the player does with the events that reach it: one listener per
//! kind of event on the whole player reads which control it came from (its
//! id, or the `data-act`, `data-fault` and `data-param` attributes
//! [`crate::markup::transport`] and its siblings write) and changes the
//! player's state; the rest of the player follows that state.

use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::state::PlayerState;
use crate::markup::{Act, SPEEDS};

/// A click on one of the player's buttons.
pub fn on_click(state: PlayerState, ev: &MouseEvent) {
    let Some(button) = target::<Element>(ev).and_then(|e| e.closest("button[data-act]").ok().flatten()) else {
        return;
    };
    let Some(act) = button.get_attribute("data-act").and_then(|name| Act::from_name(&name)) else {
        return;
    };
    match act {
        Act::Play => state.toggle(),
        Act::Back => {
            state.playing.set(false);
            state.step_by(-1);
        }
        Act::Forward => {
            state.playing.set(false);
            state.step_by(1);
        }
        Act::Restart => {
            state.playing.set(false);
            state.go(0);
        }
        Act::Fault => {
            if let Some(fault) = button.get_attribute("data-fault") {
                state.playing.set(false);
                state.inject(&fault);
            }
        }
        Act::Copy => copy_link(&button),
    }
}

/// A new choice in one of the player's pickers: the scenario, the speed or
/// a parameter of the scenario.
pub fn on_change(state: PlayerState, ev: &Event) {
    let Some(select) = target::<HtmlSelectElement>(ev) else {
        return;
    };
    let value = select.value();
    match select.id().as_str() {
        "sim-scenario" => state.pick(value),
        "sim-speed" => {
            if let Some(&(speed, _, _)) = SPEEDS.iter().find(|s| s.1 == value) {
                state.speed.set(speed);
            }
        }
        _ => {
            if let (Some(param), Ok(n)) = (select.get_attribute("data-param"), value.parse::<u32>()) {
                state.set_param(&param, n);
            }
        }
    }
}

/// The step slider moved.
pub fn on_input(state: PlayerState, ev: &Event) {
    let Some(slider) = target::<HtmlInputElement>(ev).filter(|input| input.id() == "sim-step") else {
        return;
    };
    if let Ok(step) = slider.value().parse::<usize>() {
        state.playing.set(false);
        state.go(step);
    }
}

/// Space, arrows, Home and End while focus is in the player, except in its
/// select, slider and (for Space) buttons, which handle those keys themselves,
/// and (for the arrows) a diagram wider than the screen, which they scroll.
pub fn on_key(state: PlayerState, ev: &KeyboardEvent) {
    let target = target::<Element>(ev);
    let tag = target
        .as_ref()
        .map(|e| e.tag_name().to_ascii_uppercase())
        .unwrap_or_default();
    if matches!(tag.as_str(), "SELECT" | "INPUT" | "TEXTAREA") || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    // On a screen narrower than the diagram, ← and → scroll it instead.
    let diagram_overflows = target
        .as_ref()
        .is_some_and(|e| e.class_name() == "sim-diagram-scroll" && e.scroll_width() > e.client_width());
    if diagram_overflows && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
        return;
    }
    let last = state.last();
    match ev.key().as_str() {
        " " | "Spacebar" if tag != "BUTTON" => state.toggle(),
        "ArrowLeft" => {
            state.playing.set(false);
            state.step_by(-1);
        }
        "ArrowRight" => {
            state.playing.set(false);
            state.step_by(1);
        }
        "Home" => {
            state.playing.set(false);
            state.go(0);
        }
        "End" => {
            state.playing.set(false);
            state.go(last);
        }
        _ => return,
    }
    ev.prevent_default();
}

/// The element the event was sent to, as a `T`, if it is one.
fn target<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    ev.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// Puts the page's current address (which the player keeps in step with
/// what it shows) on the clipboard, and says next to `button` whether that
/// worked.
fn copy_link(button: &Element) {
    let Some(result) = button.next_element_sibling() else {
        return;
    };
    let window = window();
    let Ok(url) = window.location().href() else {
        result.set_text_content(Some("Could not read this page's address."));
        return;
    };
    let promise = window.navigator().clipboard().write_text(&url);
    leptos::task::spawn_local(async move {
        let text = match JsFuture::from(promise).await {
            Ok(_) => "Link copied".to_owned(),
            Err(_) => format!("Could not copy the link; here it is: {url}"),
        };
        result.set_text_content(Some(&text));
    });
}
