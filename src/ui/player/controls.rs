//! The transport controls: play/pause, previous, next, restart, a step
//! slider, a speed picker and the `Step K of N` counter (K is the 0-based
//! frame index, N the last index; step 0 is the start).

use leptos::prelude::*;

use super::state::{PlayerState, SPEEDS};
use crate::ui::collect_any::CollectAny;

/// Buttons, slider and speed for `state`.
#[component]
pub fn Controls(
    /// The player they drive.
    state: PlayerState,
) -> impl IntoView {
    let last = Memo::new(move |_| state.last());
    let play_text = move || if state.playing.get() { "Pause" } else { "Play" };
    let counter = move || {
        let step = state.step.get();
        let start = if step == 0 { " (the start)" } else { "" };
        format!("Step {step} of {}{start}", last.get())
    };
    let speeds = SPEEDS
        .iter()
        .map(|&(_, value, label)| view! { <option value=value>{label}</option> })
        .collect_any();
    view! {
        <div class="sim-controls">
            <div class="sim-buttons">
                <button type="button" class="sim-play" aria-label=play_text on:click=move |_| state.toggle()>
                    {play_text}
                </button>
                <button type="button" on:click=move |_| { state.playing.set(false); state.step_by(-1); }
                    disabled=move || { state.step.get() == 0 }>"Previous step"</button>
                <button type="button" on:click=move |_| { state.playing.set(false); state.step_by(1); }
                    disabled=move || { state.step.get() >= last.get() }>"Next step"</button>
                <button type="button" on:click=move |_| { state.playing.set(false); state.go(0); }>"Restart"</button>
            </div>
            <p class="sim-counter" aria-live="off">{counter}</p>
            <div class="sim-range">
                <span class="sim-field sim-step-field">
                <label for="sim-step">"Step"</label>
                <input id="sim-step" type="range" min="0" max=move || last.get().to_string()
                    prop:value=move || state.step.get().to_string()
                    on:input=move |ev| {
                        if let Ok(step) = event_target_value(&ev).parse::<usize>() {
                            state.playing.set(false);
                            state.go(step);
                        }
                    }/>
                </span>
                <span class="sim-field">
                <label for="sim-speed">"Speed"</label>
                <select id="sim-speed"
                    prop:value=move || {
                        let speed = state.speed.get();
                        SPEEDS.iter().find(|s| s.0 == speed).map_or("", |s| s.1)
                    }
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(&(speed, _, _)) = SPEEDS.iter().find(|s| s.1 == value) {
                            state.speed.set(speed);
                        }
                    }>
                    {speeds}
                </select>
                </span>
            </div>
        </div>
    }
}
