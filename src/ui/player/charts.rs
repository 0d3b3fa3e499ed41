//! The charts under the diagram: their series are computed once per run,
//! and [`crate::markup::charts`] draws them up to the step shown.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::markup::charts;
use crate::sim;
use crate::ui::markup_host::live_markup;

/// Every chart the current scenario declares (nothing when it has none).
#[component]
pub fn Charts(
    /// The player whose run is plotted.
    state: PlayerState,
) -> impl IntoView {
    let series = Memo::new(move |_| {
        state.timeline.with(|timeline| match timeline {
            Ok(timeline) => sim::chart_series(state.spec, &state.scenario.read(), timeline),
            Err(_) => Vec::new(),
        })
    });
    live_markup(move || {
        let step = state.step.get();
        series.with(|series| charts(series, step))
    })
}
