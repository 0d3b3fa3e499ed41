//! Work that should not delay the frame being prepared: [`after_paint`]
//! runs it in a task once that frame is on screen.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` after the next frame is painted: a task posted from an
/// animation frame callback runs once that frame's rendering is done.
pub fn after_paint(work: impl FnOnce() + 'static) {
    // One boxed type for every caller: each closure type passed to the
    // browser costs its own glue in the module.
    schedule(Box::new(work));
}

fn schedule(work: Box<dyn FnOnce()>) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}
