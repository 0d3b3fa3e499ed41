//! The scenario's tunable numbers, such as how many workers compete for a
//! queue: one picker each. Changing one reruns the scenario from its start.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::sim;
use crate::ui::collect_any::CollectAny;

/// A labelled picker for every parameter of the current scenario (nothing
/// when it has none).
#[component]
pub fn Params(
    /// The player whose choices they set.
    state: PlayerState,
) -> impl IntoView {
    move || {
        let scenario = state.scenario.get();
        let declared = sim::scenario_info(state.spec, &scenario)
            .map(|s| s.params)
            .unwrap_or_default();
        declared
            .iter()
            .map(|param| {
                let id = param.id.clone();
                let input_id = format!("sim-param-{}", param.id);
                let default = param.default;
                let value = {
                    let id = id.clone();
                    move || state.choices.with(|c| c.params.get(&id).unwrap_or(default)).to_string()
                };
                let options = (param.min..=param.max)
                    .map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> })
                    .collect_any();
                view! {
                    <span class="sim-field sim-param">
                        <label for=input_id.clone()>{param.label.clone()}</label>
                        <select
                            id=input_id
                            prop:value=value
                            on:change=move |ev| {
                                if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                    state.set_param(&id, n);
                                }
                            }
                        >
                            {options}
                        </select>
                    </span>
                }
            })
            .collect_any()
    }
}
