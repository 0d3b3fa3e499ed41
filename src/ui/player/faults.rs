//! The faults the user can inject at the current frame, as buttons, and the
//! fault injected there, if any.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::sim::frame::Frame;

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
