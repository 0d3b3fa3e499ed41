//! Reads a scenario's `charts`: each an id, a title and series, every series
//! a panel of an actor the scenario shows and a measure of it (`rows`,
//! `sum` of a column or one `cell`), checked down to the column.

use serde_json::{Map, Value};

use super::ctx::Ctx;
use super::invariants::read_filter;
use super::scope::{Scope, column};
use crate::catalog::reader::join;
use crate::sim::charts::{ChartSpec, Measure, SeriesSpec};

#[derive(Clone, Copy)]
enum Kind {
    Rows,
    Sum,
    Cell,
}

const MEASURES: [(&str, Kind); 3] = [("rows", Kind::Rows), ("sum", Kind::Sum), ("cell", Kind::Cell)];

/// The charts of a scenario (absent means none); `None` when any is wrong.
pub fn read_charts(ctx: &mut Ctx, scope: Scope, map: &Map<String, Value>, path: &str) -> Option<Vec<ChartSpec>> {
    let items = ctx.list(map, "charts", path);
    let mut charts: Vec<ChartSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "charts"));
        let Some(chart) = read_chart(ctx, scope, item, &path) else {
            continue;
        };
        if charts.iter().any(|c| c.id == chart.id) {
            ctx.error(&join(&path, "id"), format!("repeats the chart id {:?}", chart.id));
            continue;
        }
        charts.push(chart);
    }
    (charts.len() == items.len()).then_some(charts)
}

fn read_chart(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str) -> Option<ChartSpec> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["id", "title", "series"], path);
    let id = ctx.id(map, "id", path);
    let title = ctx.string(map, "title", path);
    let items = ctx.nonempty_list(map, "series", path)?;
    let series: Vec<SeriesSpec> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_series(ctx, scope, item, &format!("{}[{i}]", join(path, "series"))))
        .collect();
    (series.len() == items.len()).then_some(ChartSpec {
        id: id?,
        title: title?,
        series,
    })
}

fn read_series(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str) -> Option<SeriesSpec> {
    let map = ctx.object(value, path)?;
    let label = ctx.string(map, "label", path);
    let kind = ctx.name(map, "measure", path, "measure", &MEASURES)?;
    let specific: &[&str] = match kind {
        Kind::Rows => &["where"],
        Kind::Sum => &["column", "where"],
        Kind::Cell => &["key", "column"],
    };
    let known: Vec<&str> = ["label", "actor", "panel", "measure"]
        .iter()
        .chain(specific)
        .copied()
        .collect();
    ctx.known_keys(map, &known, path);
    let (at, panel) = scope.panel_ref(ctx, map, path)?;
    let measure = match kind {
        Kind::Rows => Measure::Rows(read_filter(ctx, panel, map.get("where"), &join(path, "where"))?),
        Kind::Sum => {
            let column = column(ctx, panel, map, "column", path);
            let filter = read_filter(ctx, panel, map.get("where"), &join(path, "where"));
            Measure::Sum {
                column: column?,
                filter: filter?,
            }
        }
        Kind::Cell => {
            let key = ctx.string(map, "key", path);
            let column = column(ctx, panel, map, "column", path);
            Measure::Cell {
                key: key?,
                column: column?,
            }
        }
    };
    Some(SeriesSpec {
        label: label?,
        at,
        measure,
    })
}
