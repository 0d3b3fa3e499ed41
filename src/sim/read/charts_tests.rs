//! `expect`, `charts`, the `number_at_most` invariant and the worker pool's
//! model data: read when right, and rejected with the pattern, the scenario
//! and the field when wrong.

use serde_json::{Value, json};

use crate::sim::charts::Measure;
use crate::sim::spec::Expect;
use crate::sim::test_support::{errors, has_error, read, sample};
use crate::sim::{Choices, chart_series, run};

fn with_charts(charts: Value) -> Value {
    let mut json = sample();
    json["scenarios"][0]["charts"] = charts;
    json
}

fn depth_chart() -> Value {
    json!([{"id": "depth", "title": "Queue depth", "series": [
        {"label": "Jobs", "actor": "queue", "panel": "jobs", "measure": "rows"},
        {"label": "Done by the worker", "actor": "worker", "panel": "done", "measure": "rows", "where": {"by": "worker"}},
        {"label": "j1 by", "actor": "worker", "panel": "done", "measure": "cell", "key": "j1", "column": "by"},
        {"label": "Sum", "actor": "worker", "panel": "done", "measure": "sum", "column": "job"}
    ]}])
}

#[test]
fn expect_defaults_to_holds_and_reads_breaks() {
    assert_eq!(read(&sample()).expect("valid").scenarios[0].expect, Expect::Holds);
    let mut json = sample();
    json["scenarios"][0]["expect"] = json!("breaks");
    assert_eq!(read(&json).expect("valid").scenarios[0].expect, Expect::Breaks);
    json["scenarios"][0]["expect"] = json!("sometimes");
    let errors = errors(&json);
    assert!(
        has_error(
            &errors,
            "simulation.scenarios[0].expect",
            "unknown expectation \"sometimes\""
        ),
        "{errors:?}"
    );
    assert!(errors[0].to_string().contains("scenario \"basic\""), "{}", errors[0]);
}

#[test]
fn charts_are_read_and_measured_once_per_frame() {
    let spec = read(&with_charts(depth_chart())).expect("valid");
    let chart = &spec.scenarios[0].charts[0];
    assert_eq!(chart.series.len(), 4);
    assert!(matches!(chart.series[2].measure, Measure::Cell { column: 1, .. }));
    let timeline = run(&spec, "basic", &Choices::new(0)).expect("runs");
    let charts = chart_series(&spec, "basic", &timeline);
    assert_eq!(charts.len(), 1);
    assert_eq!(charts[0].title, "Queue depth");
    assert_eq!(charts[0].series[0].points, [0.0, 0.0, 1.0, 0.0, 0.0]);
    assert_eq!(charts[0].series[1].points, [1.0, 1.0, 1.0, 2.0, 2.0]);
    assert_eq!(charts[0].series[2].points, [0.0; 5], "not a number");
    assert!(chart_series(&spec, "nope", &timeline).is_empty());
}

#[test]
fn a_chart_on_an_unknown_actor_panel_or_column_names_pattern_scenario_and_field() {
    let field = "simulation.scenarios[0].charts[0].series[0]";
    let cases = [
        (
            "/0/series/0/actor",
            json!("queu"),
            format!("{field}.actor"),
            "unknown actor \"queu\"",
        ),
        (
            "/0/series/0/panel",
            json!("jbos"),
            format!("{field}.panel"),
            "does not have",
        ),
        (
            "/0/series/3/column",
            json!("nope"),
            "simulation.scenarios[0].charts[0].series[3].column".to_owned(),
            "column \"nope\"",
        ),
        (
            "/0/series/0/measure",
            json!("mean"),
            format!("{field}.measure"),
            "unknown measure \"mean\"",
        ),
        (
            "/0/series/1/where",
            json!({"who": "x"}),
            "simulation.scenarios[0].charts[0].series[1].where.who".to_owned(),
            "column \"who\"",
        ),
        (
            "/0/id",
            json!("Depth Chart"),
            "simulation.scenarios[0].charts[0].id".to_owned(),
            "kebab-case",
        ),
    ];
    for (pointer, value, at, text) in cases {
        let mut charts = depth_chart();
        *charts.pointer_mut(pointer).expect("pointer") = value;
        let errors = errors(&with_charts(charts));
        assert!(has_error(&errors, &at, text), "{pointer}: {errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.to_string().contains("pattern \"Test\" (test)")
                    && e.to_string().contains("scenario \"basic\"")),
            "{errors:?}"
        );
    }
    let mut hidden = with_charts(depth_chart());
    hidden["scenarios"][0]["actors"] = json!(["client", "queue"]);
    assert!(has_error(
        &errors(&hidden),
        "simulation.scenarios[0].charts[0].series[1].actor",
        "does not show"
    ));
    let empty = with_charts(json!([{"id": "x", "title": "X", "series": []}]));
    assert!(has_error(
        &errors(&empty),
        "simulation.scenarios[0].charts[0].series",
        "is empty"
    ));
    let twice = with_charts(json!([depth_chart()[0].clone(), depth_chart()[0].clone()]));
    assert!(has_error(
        &errors(&twice),
        "simulation.scenarios[0].charts[1].id",
        "repeats the chart id"
    ));
    let extra = with_charts(json!([{"id": "x", "title": "X", "series": [
        {"label": "J", "actor": "queue", "panel": "jobs", "measure": "rows", "key": "j1"}]}]));
    assert!(has_error(
        &errors(&extra),
        "simulation.scenarios[0].charts[0].series[0].key",
        "is not a field here"
    ));
}

#[test]
fn number_at_most_is_read_and_checked() {
    let mut json = sample();
    json["scenarios"][0]["invariants"][1] = json!({"id": "few", "label": "Few", "kind": "number_at_most", "actor": "worker", "panel": "done", "column": "by", "max": 3});
    let spec = read(&json).expect("valid");
    let timeline = run(&spec, "basic", &Choices::new(0)).expect("runs");
    assert!(!timeline.frames[0].invariants[1].holds, "\"worker\" is not a number");
    json["scenarios"][0]["invariants"][1]["column"] = json!("when");
    assert!(has_error(
        &errors(&json),
        "simulation.scenarios[0].invariants[1].column",
        "column \"when\""
    ));
}

/// A simulation with the worker pool's actors and model data.
fn pool() -> Value {
    json!({
        "canvas": {"width": 400, "height": 200},
        "actors": [
            {"id": "p", "label": "Producer", "kind": "client", "x": 10, "y": 10},
            {"id": "q", "label": "Queue", "kind": "queue", "x": 100, "y": 10, "panels": [
                {"id": "m", "title": "M", "kind": "table", "columns": ["a", "b", "c", "d", "e"]},
                {"id": "d", "title": "D", "kind": "log", "columns": ["a", "b", "c", "d"]}]},
            {"id": "w", "label": "Workers", "kind": "worker", "x": 200, "y": 10, "panels": [
                {"id": "pool", "title": "P", "kind": "table", "columns": ["a", "b", "c", "d"]}]},
            {"id": "s", "label": "Store", "kind": "database", "x": 300, "y": 10, "panels": [
                {"id": "r", "title": "R", "kind": "log", "columns": ["a", "b", "c", "d"]},
                {"id": "k", "title": "K", "kind": "table", "columns": ["a", "b"]}]}
        ],
        "models": {"consumers": {"producer": "p", "queue": "q", "messages": "m", "deliveries": "d", "workers": "w",
            "pool": "pool", "store": "s", "results": "r", "processed": "k", "jobs": 5, "work": [1, 2], "visibility": 3, "restart": 2}},
        "scenarios": [{"id": "run", "title": "Run", "description": "D.", "start": "S.", "model": "competing-consumers",
            "params": [{"id": "workers", "label": "Workers", "min": 1, "max": 8, "default": 2}], "plan": ["crash:w2"]}]
    })
}

#[test]
fn the_worker_pool_data_is_checked() {
    let spec = read(&pool()).expect("valid");
    let timeline = run(&spec, "run", &Choices::new(4)).expect("runs");
    assert!(
        timeline
            .frames
            .iter()
            .any(|f| f.event == crate::sim::frame::EventKind::Crash)
    );
    let path = "simulation.models.consumers";
    let cases = [
        (
            "/models/consumers/messages",
            json!("d"),
            format!("{path}.messages"),
            "needs a table",
        ),
        (
            "/models/consumers/processed",
            json!("r"),
            format!("{path}.processed"),
            "needs a table",
        ),
        (
            "/models/consumers/pool",
            json!("nope"),
            format!("{path}.pool"),
            "does not have",
        ),
        (
            "/models/consumers/work",
            json!([3, 1]),
            format!("{path}.work"),
            "fewest",
        ),
        (
            "/models/consumers/visibility",
            json!(0),
            format!("{path}.visibility"),
            "at least 1",
        ),
        (
            "/models/consumers/store",
            json!("db"),
            format!("{path}.store"),
            "unknown actor",
        ),
        (
            "/scenarios/0/plan/0",
            json!("crash:w9"),
            "simulation.scenarios[0].plan[0]".to_owned(),
            "never offers",
        ),
    ];
    for (pointer, value, at, text) in cases {
        let mut json = pool();
        *json.pointer_mut(pointer).expect("pointer") = value;
        let errors = errors(&json);
        assert!(has_error(&errors, &at, text), "{pointer}: {errors:?}");
    }
    let mut narrow = pool();
    narrow["actors"][3]["panels"][1]["columns"] = json!(["a"]);
    assert!(has_error(
        &errors(&narrow),
        "simulation.models.consumers.processed",
        "needs a panel of 2 columns"
    ));
    let mut hidden = pool();
    hidden["scenarios"][0]["actors"] = json!(["p", "q", "w"]);
    assert!(has_error(
        &errors(&hidden),
        "simulation.scenarios[0].model",
        "needs the actor \"s\""
    ));
    let mut many = pool();
    many["scenarios"][0]["params"][0]["max"] = json!(12);
    assert!(has_error(
        &errors(&many),
        "simulation.scenarios[0].params[0]",
        "the worker pool accepts 1 to 8"
    ));
    let mut missing = pool();
    missing["models"] = json!({});
    assert!(has_error(
        &errors(&missing),
        "simulation.scenarios[0].model",
        "needs `simulation.models.consumers`"
    ));
}
