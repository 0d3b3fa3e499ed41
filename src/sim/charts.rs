//! Charts: numbers read off the panels of every frame, such as a queue's
//! depth or a cache's hit ratio, so the player can plot how a run evolves.
//!
//! A scenario declares its charts in the catalog (`charts`, read and checked
//! with the rest of the simulation); [`chart_series`] measures them on a
//! timeline, one point per frame. Nothing here knows about a pattern: a
//! series is a panel and a [`Measure`].
//!
//! ```
//! use patterns_forged::sim::{self, Choices};
//! let catalog = patterns_forged::catalog::embedded().as_ref().expect("valid catalog");
//! let spec = catalog.pattern("competing-consumers").and_then(|p| p.simulation.as_ref()).expect("simulated");
//! let spec = spec.spec().expect("it decodes");
//! let timeline = sim::run(spec, "with-pattern", &Choices::new(7)).expect("runs");
//! let charts = sim::chart_series(spec, "with-pattern", &timeline);
//! assert!(charts.iter().all(|c| c.series.iter().all(|s| s.points.len() == timeline.frames.len())));
//! ```

use super::frame::{Panel, Timeline};
use super::spec::{Filter, PanelRef, SimulationSpec};
use super::world::panel;

/// A chart as the catalog declares it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Unique within the scenario; kebab-case.
    pub id: String,
    pub title: String,
    /// The lines drawn on it, at least one.
    pub series: Vec<SeriesSpec>,
}

/// One line of a chart: a measure of one panel.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    pub label: String,
    pub at: PanelRef,
    pub measure: Measure,
}

/// What number a panel gives on a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// How many rows match the filter (`"measure": "rows"`, optional `where`).
    Rows(Filter),
    /// The sum of a column over the matching rows (`"measure": "sum"`,
    /// `column`, optional `where`); cells that are not numbers count 0.
    Sum { column: usize, filter: Filter },
    /// One cell read as a number (`"measure": "cell"`, `key`, `column`), such
    /// as a counter in a stats table; 0 while the row is missing or the cell
    /// is not a number.
    Cell { key: String, column: usize },
}

/// A chart measured on a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub series: Vec<Series>,
}

/// One line of a chart: a point per frame of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// `points[k]` is the measure on frame `k`.
    pub points: Vec<f64>,
}

/// Measures every chart the scenario declares on every frame of `timeline`
/// (none for an unknown scenario or one without charts).
pub fn chart_series(spec: &SimulationSpec, scenario: &str, timeline: &Timeline) -> Vec<Chart> {
    let Some(scenario) = spec.scenario(scenario) else {
        return Vec::new();
    };
    scenario
        .charts
        .iter()
        .map(|chart| Chart {
            id: chart.id.clone(),
            title: chart.title.clone(),
            series: chart
                .series
                .iter()
                .map(|series| Series {
                    label: series.label.clone(),
                    points: timeline
                        .frames
                        .iter()
                        .map(|frame| panel(&frame.world, &series.at).map_or(0.0, |p| measure(&series.measure, p)))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// The measure on one panel.
pub fn measure(measure: &Measure, panel: &Panel) -> f64 {
    match measure {
        Measure::Rows(filter) => panel.rows.iter().filter(|r| filter.matches(r)).count() as f64,
        Measure::Sum { column, filter } => panel
            .rows
            .iter()
            .filter(|r| filter.matches(r))
            .map(|r| number(r.get(*column)))
            .sum(),
        Measure::Cell { key, column } => number(
            panel
                .rows
                .iter()
                .find(|r| r.first() == Some(key))
                .and_then(|r| r.get(*column)),
        ),
    }
}

/// A cell as a number: `12`, `0.5` or `75%` (as 75); anything else is 0.
fn number(cell: Option<&String>) -> f64 {
    cell.and_then(|c| crate::decimal::parse(c.trim().trim_end_matches('%').trim()))
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::frame::PanelKind;

    fn table(rows: &[&[&str]]) -> Panel {
        Panel {
            id: "t".into(),
            title: "T".into(),
            kind: PanelKind::Table,
            columns: vec!["k".into(), "v".into()],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn rows_sums_and_cells_are_measured() {
        let t = table(&[&["a", "2"], &["b", "40%"], &["c", "x"]]);
        assert_eq!(measure(&Measure::Rows(Filter::default()), &t), 3.0);
        let only_a = Filter {
            cells: vec![(0, vec!["a".into()])],
        };
        assert_eq!(measure(&Measure::Rows(only_a.clone()), &t), 1.0);
        assert_eq!(
            measure(
                &Measure::Sum {
                    column: 1,
                    filter: Filter::default()
                },
                &t
            ),
            42.0
        );
        assert_eq!(
            measure(
                &Measure::Sum {
                    column: 1,
                    filter: only_a
                },
                &t
            ),
            2.0
        );
        let cell = |key: &str| {
            measure(
                &Measure::Cell {
                    key: key.into(),
                    column: 1,
                },
                &t,
            )
        };
        assert_eq!((cell("b"), cell("c"), cell("zz")), (40.0, 0.0, 0.0));
    }
}
