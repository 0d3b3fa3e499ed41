//! index.html's static first paint (`<div id="shell">`): the header and, on
//! the home page, the intro, as plain HTML that the browser paints while the
//! WebAssembly is still on its way; on a pattern's page (written by
//! scripts/post-build.mjs) the top of that page instead of the intro. The
//! app renders the same markup in its place: [`start_after_shell`] removes
//! the shell and mounts the app in one task, so no frame shows neither or
//! both.
//!
//! Meanwhile it decodes the catalog (and, on home, builds the search index:
//! see [`super::data::preparation`]), a step per task, a step done in parts
//! over as many tasks of about [`SLICE_MS`] as it takes, then waits,
//! briefly, for the shell to have been painted. A text removed before the
//! browser has timed its paint never counts as painted: Chromium then times
//! the largest contentful paint at the app's identical intro instead, and
//! the same page measures a second sooner or later depending on whether
//! the WebAssembly won that race. Mounting in a task of its own, after the
//! preparation's tasks, also keeps each task of the start-up short (and
//! the first render is spread over tasks too: see
//! [`super::first_render`]).

use std::time::Duration;

use leptos::prelude::{document, set_timeout, window};

use super::data::Step;

/// The id of the shell's wrapper in index.html.
const SHELL_ID: &str = "shell";
/// How often to look whether the shell has been painted...
const POLL: Duration = Duration::from_millis(16);
/// ...and for how long at most, in milliseconds since the app started: a tab
/// in the background paints nothing, and a browser may not report paint
/// timing at all.
const MAX_WAIT_MS: f64 = 320.0;
/// How long one task may go on calling a step that is done in parts before
/// it yields to the browser, in milliseconds (the call that crosses it
/// finishes first). Lighthouse counts a task as blocking input beyond 50 ms
/// on a phone it takes to be four times slower than the machine it runs on:
/// a slice stays well below that.
const SLICE_MS: f64 = 8.0;

/// Prepares the data the first render needs, a step per task, then, in a
/// later task, runs `start` (which mounts the app) once the static shell
/// has been painted or at once when there is none; removes the shell just
/// before.
pub fn start_after_shell(start: impl FnOnce() + 'static) {
    let started = now_ms();
    let mut steps = super::data::preparation(&super::router::current_route());
    steps.reverse();
    prepare_then_start(steps, Box::new(start), started);
}

/// Runs the last of `steps_backwards` in a task of its own, calling it
/// again while it has work left and the task has run for less than
/// [`SLICE_MS`], and then in the next task; and so on, then waits to start.
fn prepare_then_start(mut steps_backwards: Vec<Step>, start: Box<dyn FnOnce()>, started: Option<f64>) {
    set_timeout(
        move || match steps_backwards.last_mut() {
            Some(step) => {
                let slice_end = now_ms().map(|now| now + SLICE_MS);
                let done = loop {
                    if !step() {
                        break true;
                    }
                    // Without a clock, a part per task.
                    if slice_end.zip(now_ms()).is_none_or(|(end, now)| now >= end) {
                        break false;
                    }
                };
                if done {
                    steps_backwards.pop();
                }
                prepare_then_start(steps_backwards, start, started);
            }
            None => wait_then_start(start, started),
        },
        Duration::ZERO,
    );
}

fn wait_then_start(start: Box<dyn FnOnce()>, started: Option<f64>) {
    let shell = document().get_element_by_id(SHELL_ID);
    // Timers of a background tab fire late: the wait is measured, not counted.
    let may_wait = started
        .zip(now_ms())
        .is_some_and(|(then, now)| now - then < MAX_WAIT_MS);
    if shell.is_some() && may_wait && !first_paint_reported() {
        set_timeout(move || wait_then_start(start, started), POLL);
        return;
    }
    if let Some(shell) = shell {
        shell.remove();
    }
    start();
}

/// Whether the browser has reported the page's first contentful paint.
fn first_paint_reported() -> bool {
    window().performance().is_some_and(|p| {
        p.get_entries_by_name_with_entry_type("first-contentful-paint", "paint")
            .length()
            > 0
    })
}

/// `performance.now()`; none without a performance object, and then no wait.
fn now_ms() -> Option<f64> {
    window().performance().map(|p| p.now())
}
