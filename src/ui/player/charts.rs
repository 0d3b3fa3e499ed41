//! Small line charts under the diagram, such as queue depth and completed
//! jobs: each series is plotted from the start of the run up to the frame
//! shown, on axes that fit the whole run, so stepping never rescales them.

use leptos::prelude::*;

use super::state::PlayerState;
use crate::decimal::fixed;
use crate::sim::{self, Chart};
use crate::ui::collect_any::CollectAny;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 6.0;

/// Every chart the current scenario declares (nothing when it has none).
#[component]
pub fn Charts(
    /// The player whose run is plotted.
    state: PlayerState,
) -> impl IntoView {
    let charts = Memo::new(move |_| {
        state.timeline.with(|timeline| match timeline {
            Ok(timeline) => sim::chart_series(state.spec, &state.scenario.read(), timeline),
            Err(_) => Vec::new(),
        })
    });
    move || {
        let step = state.step.get();
        charts.with(|charts| {
            (!charts.is_empty()).then(|| {
                let figures = charts
                    .iter()
                    .map(|chart| view! { <LineChart chart=chart.clone() step/> })
                    .collect_any();
                view! { <div class="sim-charts">{figures}</div> }
            })
        })
    }
}

/// One chart, drawn up to frame `step`.
#[component]
fn LineChart(chart: Chart, step: usize) -> impl IntoView {
    let frames = chart.series.first().map_or(0, |s| s.points.len());
    let top = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().copied())
        .filter(|v| v.is_finite())
        .fold(1.0_f64, f64::max);
    let x = |i: usize| PAD + (WIDTH - 2.0 * PAD) * i as f64 / (frames.saturating_sub(1).max(1)) as f64;
    let y = |v: f64| HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (v.max(0.0) / top);
    let now: Vec<String> = chart
        .series
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.label,
                format_value(s.points.get(step).copied().unwrap_or(0.0))
            )
        })
        .collect();
    let lines = chart
        .series
        .iter()
        .enumerate()
        .map(|(n, series)| {
            let points: String = series
                .points
                .iter()
                .take(step + 1)
                .enumerate()
                .map(|(i, v)| format!("{},{} ", fixed(x(i), 1), fixed(y(*v), 1)))
                .collect();
            view! { <polyline class=format!("series series-{}", n % 4) points=points></polyline> }
        })
        .collect_any();
    let legend = chart
        .series
        .iter()
        .enumerate()
        .map(|(n, series)| {
            let value = format_value(series.points.get(step).copied().unwrap_or(0.0));
            view! {
                <li>
                    <span class=format!("swatch series-{}", n % 4) aria-hidden="true"></span>
                    {format!("{} ", series.label)}
                    <strong>{value}</strong>
                </li>
            }
        })
        .collect_any();
    view! {
        <figure class="sim-chart">
            <figcaption>{chart.title.clone()}</figcaption>
            <svg
                viewBox=format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0))
                role="img"
                aria-label=format!("{} at step {step}: {}. Peak {}.", chart.title, now.join(", "), format_value(top))
            >
                <line class="axis" x1=fixed(PAD, 0) y1=fixed(HEIGHT - PAD, 0) x2=fixed(WIDTH - PAD, 0) y2=fixed(HEIGHT - PAD, 0)></line>
                <text class="peak" x=fixed(PAD, 0) y="12">{format!("max {}", format_value(top))}</text>
                {lines}
            </svg>
            <ul class="sim-legend">{legend}</ul>
        </figure>
    }
}

/// Whole numbers without decimals, ratios with two.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        fixed(value, 0)
    } else {
        fixed(value, 2)
    }
}
