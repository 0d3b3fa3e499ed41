//! One copy of Leptos's effect code for every effect of the app that
//! keeps nothing from one run to the next. That code is generic over the
//! effect's closure, so each `Effect::new` with a closure of its own type
//! adds its own copy (about 900 bytes of WebAssembly); a boxed closure
//! makes them all one type.

use leptos::prelude::Effect;

/// Runs `run` once the current render is done, then whenever what it read
/// on its last run changes, until the owner it was made under is cleaned
/// up: [`Effect::new`] for a closure that returns nothing.
pub fn effect(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
