//! The current frame's invariants as badges (holding, broken, pending) and
//! the faults the user can inject there, as buttons.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::sim::frame::Frame;

/// One badge per invariant of `frame`, with the reason when broken.
#[component]
pub fn Invariants(
    /// The frame whose verdicts to show.
    frame: Frame,
) -> impl IntoView {
    if frame.invariants.is_empty() {
        return None;
    }
    let items = frame
        .invariants
        .into_iter()
        .map(|inv| {
            let (class, word) = if inv.pending {
                ("pending", "pending")
            } else if inv.holds {
                ("holding", "holding")
            } else {
                ("broken", "broken")
            };
            view! {
                <li class=format!("sim-invariant {class}")>
                    <span class="badge">{word}</span>
                    " "
                    <span class="label">{inv.label}</span>
                    {inv.detail.filter(|_| !inv.holds).map(|d| view! { <span class="detail">{format!(" — {d}")}</span> })}
                </li>
            }
        })
        .collect_view();
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
