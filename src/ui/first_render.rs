//! The app's first render, spread over four tasks: the top of the page
//! (what index.html's static first paint shows) in the task that mounts the
//! app, then, a task each, what [`later`] wraps (home's search box and
//! filters, the top of a pattern's simulation player), what [`later_still`]
//! wraps (home's cards, the player's diagram) and what [`latest`] wraps
//! (the rest of the player and of the pattern's page, the footer). No task
//! of the start-up is then long enough on a slow phone to keep the page
//! from answering input for long, and since each part lies below the ones
//! before, showing it moves nothing already on screen. Every later render
//! is whole.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

/// How many tasks of the app's first render have run since the mount.
#[derive(Clone, Copy)]
struct TasksDone(RwSignal<u8>);

/// The tasks after the mount that the first render takes.
const LATER_TASKS: u8 = 3;

/// Starts the app's first render: what [`later`], [`later_still`] and
/// [`latest`] wrap waits for the next tasks. Call once, from the root of
/// the app.
pub fn spread_first_render() {
    let done = RwSignal::new(0);
    provide_context(TasksDone(done));
    next_task(done);
}

/// Counts the next task, and schedules the one after until the last.
fn next_task(done: RwSignal<u8>) {
    set_timeout(
        move || {
            if done.try_update(|n| *n += 1).is_some() && done.get_untracked() < LATER_TASKS {
                next_task(done);
            }
        },
        Duration::ZERO,
    );
}

/// `view` now, or, during the app's first render, in the task after the mount.
pub fn later<V: IntoView + 'static>(view: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    after_tasks(1, Arc::new(move || view().into_any()))
}

/// `view` now, or, during the app's first render, in the second task after
/// the mount.
pub fn later_still<V: IntoView + 'static>(view: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    after_tasks(2, Arc::new(move || view().into_any()))
}

/// `view` now, or, during the app's first render, in the third task after
/// the mount.
pub fn latest<V: IntoView + 'static>(view: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    after_tasks(3, Arc::new(move || view().into_any()))
}

/// `view` once `tasks` tasks of the first render have run. A view rendered
/// outside the app (without [`spread_first_render`]) is rendered now. Not
/// generic, so that every part shares one copy of this code.
fn after_tasks(tasks: u8, view: Arc<dyn Fn() -> AnyView + Send + Sync>) -> impl IntoView {
    let done = use_context::<TasksDone>().map(|d| d.0);
    // A memo, so that the tasks after this view's own do not render it again.
    let shown = Memo::new(move |_| done.is_none_or(|d| d.get() >= tasks));
    move || shown.get().then(|| view())
}
