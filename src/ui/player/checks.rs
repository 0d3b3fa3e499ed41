//! The current frame's invariants as badges (holding, broken, pending) and
//! the faults the user can inject there, as buttons. A breach stays on the
//! record: an invariant broken at an earlier step still reads "broken", with
//! the step it broke at, even where it holds again.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::sim::frame::{Breach, Frame};
use crate::ui::collect_any::CollectAny;

/// One badge per invariant of `frame`, with the reason when broken, now or
/// at an earlier step.
#[component]
pub fn Invariants(
    /// The frame whose verdicts to show.
    frame: Frame,
    /// Each invariant's first breach before this frame.
    earlier: Vec<Option<Breach>>,
) -> impl IntoView {
    if frame.invariants.is_empty() {
        return None;
    }
    let items = frame
        .invariants
        .into_iter()
        .zip(earlier.into_iter().chain(std::iter::repeat(None)))
        .map(|(inv, earlier)| {
            let (class, word) = if !inv.holds && !inv.pending {
                ("broken", "broken")
            } else if earlier.is_some() {
                ("broken", "broken earlier")
            } else if inv.pending {
                ("pending", "pending")
            } else {
                ("holding", "holding")
            };
            let earlier = earlier.filter(|_| inv.holds || inv.pending).map(|Breach { step, detail }| {
                let why = detail.map(|d| format!(": {d}")).unwrap_or_default();
                view! { <span class="detail">{format!(" — at step {step}{why}; it holds again now")}</span> }
            });
            view! {
                <li class=format!("sim-invariant {class}")>
                    <span class="badge">{word}</span>
                    " "
                    <span class="label">{inv.label}</span>
                    {inv.detail.filter(|_| !inv.holds).map(|d| view! { <span class="detail">{format!(" — {d}")}</span> })}
                    {earlier}
                </li>
            }
        })
        .collect_any();
    Some(view! {
        <div class="sim-invariants">
            <h3>"Invariants"</h3>
            <ul>{items}</ul>
        </div>
    })
}

/// A button per fault `frame` offers; clicking one branches the run.
#[component]
pub fn Faults(
    /// The player to branch.
    state: PlayerState,
    /// The frame whose faults to offer.
    frame: Frame,
) -> impl IntoView {
    let injected = frame
        .injected
        .map(|f| view! { <p class="sim-injected">{format!("Injected here: {}", f.label)}</p> });
    let buttons = frame
        .faults
        .into_iter()
        .map(|fault| {
            let id = fault.id.clone();
            view! {
                <li>
                    <button type="button" class="sim-fault" on:click=move |_| {
                        state.playing.set(false);
                        state.inject(&id);
                    }>{format!("Inject: {}", fault.label)}</button>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let list = (!buttons.is_empty()).then(|| {
        view! {
            <div class="sim-faults">
                <h3>"Faults you can inject here"</h3>
                <ul>{buttons}</ul>
            </div>
        }
    });
    view! { {injected} {list} }
}
