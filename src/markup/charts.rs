//! Small line charts under the diagram, such as queue depth and completed
//! jobs: each series is plotted from the start of the run up to the frame
//! shown, on axes that fit the whole run, so stepping never rescales them.

use super::builder::{Html, Markup};
use crate::decimal::fixed;
use crate::sim::Chart;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 6.0;

/// Every chart of the run drawn up to frame `step`, or nothing when the
/// scenario declares none.
pub fn charts(charts: &[Chart], step: usize) -> Html {
    let mut m = Markup::new();
    if charts.is_empty() {
        return m.finish();
    }
    m.open("div", &[("class", "sim-charts")]);
    for chart in charts {
        line_chart(&mut m, chart, step);
    }
    m.close("div");
    m.finish()
}

/// One chart, drawn up to frame `step`, with a legend of each series' value
/// there.
fn line_chart(m: &mut Markup, chart: &Chart, step: usize) {
    let frames = chart.series.first().map_or(0, |s| s.points.len());
    let top = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().copied())
        .filter(|v| v.is_finite())
        .fold(1.0_f64, f64::max);
    let x = |i: usize| PAD + (WIDTH - 2.0 * PAD) * i as f64 / (frames.saturating_sub(1).max(1)) as f64;
    let y = |v: f64| HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (v.max(0.0) / top);
    let value_at = |points: &[f64]| format_value(points.get(step).copied().unwrap_or(0.0));
    let now: Vec<String> = chart
        .series
        .iter()
        .map(|s| format!("{}: {}", s.label, value_at(&s.points)))
        .collect();
    let peak = format_value(top);
    m.open("figure", &[("class", "sim-chart")]);
    m.leaf("figcaption", &[], &chart.title);
    let view_box = format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0));
    let label = format!("{} at step {step}: {}. Peak {peak}.", chart.title, now.join(", "));
    m.open(
        "svg",
        &[("viewBox", &view_box), ("role", "img"), ("aria-label", &label)],
    );
    let axis = [
        ("class", "axis"),
        ("x1", &fixed(PAD, 0)),
        ("y1", &fixed(HEIGHT - PAD, 0)),
        ("x2", &fixed(WIDTH - PAD, 0)),
        ("y2", &fixed(HEIGHT - PAD, 0)),
    ];
    m.leaf("line", &axis, "");
    m.leaf(
        "text",
        &[("class", "peak"), ("x", &fixed(PAD, 0)), ("y", "12")],
        &format!("max {peak}"),
    );
    for (n, series) in chart.series.iter().enumerate() {
        let points: String = series
            .points
            .iter()
            .take(step + 1)
            .enumerate()
            .map(|(i, v)| format!("{},{} ", fixed(x(i), 1), fixed(y(*v), 1)))
            .collect();
        let class = format!("series series-{}", n % 4);
        m.leaf("polyline", &[("class", &class), ("points", &points)], "");
    }
    m.close("svg");
    m.open("ul", &[("class", "sim-legend")]);
    for (n, series) in chart.series.iter().enumerate() {
        m.open("li", &[]);
        m.leaf(
            "span",
            &[("class", &format!("swatch series-{}", n % 4)), ("aria-hidden", "true")],
            "",
        );
        m.text(&format!("{} ", series.label));
        m.leaf("strong", &[], &value_at(&series.points));
        m.close("li");
    }
    m.close("ul");
    m.close("figure");
}

/// Whole numbers without decimals, ratios with two.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        fixed(value, 0)
    } else {
        fixed(value, 2)
    }
}
