//! Reads and checks a pattern's `simulation` field. Every fault is reported
//! with the pattern, a field path such as `simulation.scenarios[2].steps[4].to`
//! and, inside a scenario, the scenario's id; nothing is trusted at run time
//! that could have been checked here.

mod charts;
mod ctx;
mod effects;
mod invariants;
mod scope;
mod steps;

#[cfg(test)]
mod charts_tests;
#[cfg(test)]
mod tests;

use serde_json::{Map, Value};

pub use ctx::Ctx;
pub use effects::read_effects;
pub use scope::{Scope, panel_named};

use self::charts::read_charts;
use self::invariants::{actors_of, read_invariant};
use self::steps::{Walk, read_steps};
use super::frame::PanelKind;
use super::models::{self, ModelData, ModelName};
use super::spec::{
    ActorKind, ActorSpec, Canvas, Expect, InvariantSpec, PanelSpec, ParamSpec, ScenarioBody, ScenarioSpec,
    SimulationSpec,
};
use super::world;
use crate::catalog::reader::{Reader, join};

/// Reads the `simulation` field of a pattern; `None` when anything in it is
/// wrong, every fault having been recorded in `reader`.
pub fn read_simulation(reader: &mut Reader, value: &Value) -> Option<SimulationSpec> {
    let mut ctx = Ctx::new(reader);
    let spec = read(&mut ctx, value);
    if ctx.failed { None } else { spec }
}

const PANEL_KINDS: [(&str, PanelKind); 3] = [
    ("table", PanelKind::Table),
    ("queue", PanelKind::Queue),
    ("log", PanelKind::Log),
];

fn read(ctx: &mut Ctx, value: &Value) -> Option<SimulationSpec> {
    let path = "simulation";
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["canvas", "actors", "models", "invariants", "scenarios"], path);
    let canvas = read_canvas(ctx, map, path)?;
    let actors = read_actors(ctx, map, path, canvas)?;
    let models = models::read_data(ctx, map.get("models"), &join(path, "models"), &actors);
    let library = read_library(ctx, map, path, &actors);
    let scenarios = read_scenarios(ctx, map, path, &actors, &models, &library)?;
    Some(SimulationSpec {
        canvas,
        actors,
        scenarios,
        models,
    })
}

fn read_canvas(ctx: &mut Ctx, map: &Map<String, Value>, path: &str) -> Option<Canvas> {
    let path = join(path, "canvas");
    let canvas = ctx
        .required(map, "canvas", "simulation")
        .and_then(|v| ctx.object(v, &path))?;
    ctx.known_keys(canvas, &["width", "height"], &path);
    let width = ctx.number(canvas, "width", &path);
    let height = ctx.number(canvas, "height", &path);
    let (width, height) = (width?, height?);
    if width == 0 || height == 0 {
        ctx.error(&path, format!("must have a size, not {width} × {height}"));
        return None;
    }
    Some(Canvas { width, height })
}

fn read_actors(ctx: &mut Ctx, map: &Map<String, Value>, path: &str, canvas: Canvas) -> Option<Vec<ActorSpec>> {
    let items = ctx.nonempty_list(map, "actors", path)?;
    let mut actors: Vec<ActorSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "actors"));
        let Some(actor) = read_actor(ctx, item, &path, canvas) else {
            continue;
        };
        if actors.iter().any(|a| a.id == actor.id) {
            ctx.error(&join(&path, "id"), format!("repeats the actor id {:?}", actor.id));
            continue;
        }
        actors.push(actor);
    }
    (actors.len() == items.len()).then_some(actors)
}

fn read_actor(ctx: &mut Ctx, value: &Value, path: &str, canvas: Canvas) -> Option<ActorSpec> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["id", "label", "kind", "x", "y", "panels"], path);
    let id = ctx.id(map, "id", path);
    let label = ctx.string(map, "label", path);
    let kind = ctx.name(map, "kind", path, "actor kind", &ActorKind::ALL);
    let mut position = |key: &str, limit: u32| {
        let n = ctx.number(map, key, path)?;
        if n > limit {
            let size = format!("{} × {}", canvas.width, canvas.height);
            ctx.error(
                &join(path, key),
                format!("places the actor at {key} = {n}, outside the {size} canvas"),
            );
            return None;
        }
        Some(n)
    };
    let x = position("x", canvas.width);
    let y = position("y", canvas.height);
    let items = ctx.list(map, "panels", path);
    let mut panels: Vec<PanelSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "panels"));
        let Some(panel) = read_panel(ctx, item, &path) else {
            continue;
        };
        if panels.iter().any(|p| p.id == panel.id) {
            ctx.error(
                &join(&path, "id"),
                format!("repeats the panel id {:?} of this actor", panel.id),
            );
            continue;
        }
        panels.push(panel);
    }
    if panels.len() != items.len() {
        return None;
    }
    Some(ActorSpec {
        id: id?,
        label: label?,
        kind: kind?,
        x: x?,
        y: y?,
        panels,
    })
}

fn read_panel(ctx: &mut Ctx, value: &Value, path: &str) -> Option<PanelSpec> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["id", "title", "kind", "columns", "rows"], path);
    let id = ctx.id(map, "id", path);
    let title = ctx.string(map, "title", path);
    let kind = ctx.name(map, "kind", path, "panel kind", &PANEL_KINDS);
    let columns = ctx
        .nonempty_list(map, "columns", path)
        .map(|c| ctx.strings_of(c, &join(path, "columns")));
    let columns = columns?;
    for (i, column) in columns.iter().enumerate() {
        if columns[..i].contains(column) {
            ctx.error(
                &format!("{}[{i}]", join(path, "columns")),
                format!("repeats the column {column:?}"),
            );
            return None;
        }
    }
    let mut panel = PanelSpec {
        id: id?,
        title: title?,
        kind: kind?,
        columns,
        rows: Vec::new(),
    };
    let rows = ctx.list(map, "rows", path);
    for (i, row) in rows.iter().enumerate() {
        let field = format!("{}[{i}]", join(path, "rows"));
        let Value::Array(cells) = row else {
            ctx.error(&field, "must be an array of cells");
            continue;
        };
        let Some(cells) = effects::row_cells(ctx, &panel, cells, &field) else {
            continue;
        };
        if panel.kind == PanelKind::Table && panel.rows.iter().any(|r| r.first() == cells.first()) {
            ctx.error(&field, format!("repeats the key {:?} of an earlier row", cells[0]));
            continue;
        }
        panel.rows.push(cells);
    }
    (panel.rows.len() == rows.len()).then_some(panel)
}

/// The simulation-wide invariants scenarios may name by id.
fn read_library(ctx: &mut Ctx, map: &Map<String, Value>, path: &str, actors: &[ActorSpec]) -> Vec<InvariantSpec> {
    let items = ctx.list(map, "invariants", path);
    let mut library: Vec<InvariantSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "invariants"));
        let Some(invariant) = read_invariant(ctx, Scope::all(actors), item, &path) else {
            continue;
        };
        if library.iter().any(|inv| inv.id == invariant.id) {
            ctx.error(
                &join(&path, "id"),
                format!("repeats the invariant id {:?}", invariant.id),
            );
            continue;
        }
        library.push(invariant);
    }
    library
}

fn read_scenarios(
    ctx: &mut Ctx,
    map: &Map<String, Value>,
    path: &str,
    actors: &[ActorSpec],
    models: &ModelData,
    library: &[InvariantSpec],
) -> Option<Vec<ScenarioSpec>> {
    let items = ctx.nonempty_list(map, "scenarios", path)?;
    let mut scenarios: Vec<ScenarioSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "scenarios"));
        let parts = Parts {
            actors,
            models,
            library,
            raw: items,
        };
        let Some(scenario) = read_scenario(ctx, &parts, item, &path) else {
            continue;
        };
        if scenarios.iter().any(|s| s.id == scenario.id) {
            ctx.error(&join(&path, "id"), format!("repeats the scenario id {:?}", scenario.id));
            continue;
        }
        scenarios.push(scenario);
    }
    (scenarios.len() == items.len()).then_some(scenarios)
}

/// What a scenario may draw on.
struct Parts<'a> {
    actors: &'a [ActorSpec],
    models: &'a ModelData,
    library: &'a [InvariantSpec],
    /// Every scenario as written, for `steps_from`.
    raw: &'a [Value],
}

fn read_scenario(ctx: &mut Ctx, parts: &Parts, value: &Value, path: &str) -> Option<ScenarioSpec> {
    let map = ctx.object(value, path)?;
    let id = ctx.id(map, "id", path)?;
    ctx.scoped(&format!("scenario {id:?}"), |ctx| {
        read_scenario_body(ctx, parts, map, id.clone(), path)
    })
}

fn read_scenario_body(
    ctx: &mut Ctx,
    parts: &Parts,
    map: &Map<String, Value>,
    id: String,
    path: &str,
) -> Option<ScenarioSpec> {
    let known = [
        "id",
        "title",
        "description",
        "start",
        "actors",
        "params",
        "setup",
        "invariants",
        "plan",
        "steps",
        "steps_from",
        "model",
        "expect",
        "charts",
    ];
    ctx.known_keys(map, &known, path);
    let title = ctx.string(map, "title", path);
    let description = ctx.string(map, "description", path);
    let start = ctx.string(map, "start", path);
    let shown = read_shown(ctx, parts.actors, map, path)?;
    let scope = Scope {
        actors: parts.actors,
        shown: Some(&shown),
    };
    let params = read_params(ctx, map, path);
    let setup = read_effects(ctx, scope, map, "setup", path);
    let invariants = read_scenario_invariants(ctx, parts.library, scope, map, path);
    let expect = match map.get("expect") {
        None | Some(Value::Null) => Some(Expect::Holds),
        Some(_) => ctx.name(map, "expect", path, "expectation", &Expect::ALL),
    };
    let charts = read_charts(ctx, scope, map, path);
    let plan = ctx.strings(map, "plan", path);
    let body = read_body(ctx, parts, scope, map, path, &plan);
    let scenario = ScenarioSpec {
        id,
        title: title?,
        description: description?,
        start: start?,
        actors: shown.clone(),
        params: params?,
        setup,
        invariants: invariants?,
        expect: expect?,
        charts: charts?,
        plan,
        body: body?,
    };
    if let Err(problem) = world::initial(parts.actors, &scenario) {
        ctx.error(&join(path, "setup"), format!("cannot apply: {problem}"));
        return None;
    }
    if let ScenarioBody::Model(name) = scenario.body
        && !models::check_params(ctx, name, &scenario.params, path)
    {
        return None;
    }
    Some(scenario)
}

/// The actor ids a scenario shows, in the simulation's order (all by default).
fn read_shown(ctx: &mut Ctx, actors: &[ActorSpec], map: &Map<String, Value>, path: &str) -> Option<Vec<String>> {
    if !map.contains_key("actors") {
        return Some(actors.iter().map(|a| a.id.clone()).collect());
    }
    let names = ctx.strings(map, "actors", path);
    let field = join(path, "actors");
    let mut ok = !names.is_empty();
    if names.is_empty() {
        ctx.error(&field, "is empty");
    }
    for (i, name) in names.iter().enumerate() {
        let item = format!("{field}[{i}]");
        if Scope::all(actors).actor_named(ctx, name, &item).is_none() {
            ok = false;
        } else if names[..i].contains(name) {
            ctx.error(&item, format!("repeats the actor {name:?}"));
            ok = false;
        }
    }
    ok.then(|| {
        actors
            .iter()
            .filter(|a| names.contains(&a.id))
            .map(|a| a.id.clone())
            .collect()
    })
}

fn read_params(ctx: &mut Ctx, map: &Map<String, Value>, path: &str) -> Option<Vec<ParamSpec>> {
    let items = ctx.list(map, "params", path);
    let mut params: Vec<ParamSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "params"));
        let Some(p) = ctx.object(item, &path) else { continue };
        ctx.known_keys(p, &["id", "label", "min", "max", "default"], &path);
        let (id, label) = (ctx.id(p, "id", &path), ctx.string(p, "label", &path));
        let (min, max, default) = (
            ctx.number(p, "min", &path),
            ctx.number(p, "max", &path),
            ctx.number(p, "default", &path),
        );
        let (Some(id), Some(label), Some(min), Some(max), Some(default)) = (id, label, min, max, default) else {
            continue;
        };
        if !(min..=max).contains(&default) {
            ctx.error(
                &join(&path, "default"),
                format!("must be from min {min} to max {max}, not {default}"),
            );
        } else if params.iter().any(|q| q.id == id) {
            ctx.error(&join(&path, "id"), format!("repeats the parameter {id:?}"));
        } else {
            params.push(ParamSpec {
                id,
                label,
                min,
                max,
                default,
            });
        }
    }
    (params.len() == items.len()).then_some(params)
}

/// Inline invariants, or ids of the simulation's library.
fn read_scenario_invariants(
    ctx: &mut Ctx,
    library: &[InvariantSpec],
    scope: Scope,
    map: &Map<String, Value>,
    path: &str,
) -> Option<Vec<InvariantSpec>> {
    let items = ctx.list(map, "invariants", path);
    let mut invariants: Vec<InvariantSpec> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", join(path, "invariants"));
        let invariant = match item {
            Value::String(name) => {
                let Some(found) = library.iter().find(|inv| &inv.id == name) else {
                    let known: Vec<&str> = library.iter().map(|inv| inv.id.as_str()).collect();
                    ctx.error(
                        &path,
                        format!(
                            "names the unknown invariant {name:?} (simulation.invariants: {})",
                            known.join(", ")
                        ),
                    );
                    continue;
                };
                let hidden = actors_of(&found.rule)
                    .into_iter()
                    .find(|a| scope.shown.is_some_and(|s| !s.iter().any(|x| x == a)));
                if let Some(actor) = hidden {
                    ctx.error(
                        &path,
                        format!("uses invariant {name:?}, which looks at actor {actor:?}, not shown in this scenario"),
                    );
                    continue;
                }
                found.clone()
            }
            other => {
                let Some(invariant) = read_invariant(ctx, scope, other, &path) else {
                    continue;
                };
                invariant
            }
        };
        if invariants.iter().any(|inv| inv.id == invariant.id) {
            ctx.error(&path, format!("repeats the invariant {:?}", invariant.id));
            continue;
        }
        invariants.push(invariant);
    }
    (invariants.len() == items.len()).then_some(invariants)
}

/// The steps, the reused steps of another scenario, or a model.
fn read_body(
    ctx: &mut Ctx,
    parts: &Parts,
    scope: Scope,
    map: &Map<String, Value>,
    path: &str,
    plan: &[String],
) -> Option<ScenarioBody> {
    let present: Vec<&str> = ["steps", "steps_from", "model"]
        .into_iter()
        .filter(|k| map.contains_key(*k))
        .collect();
    if present.len() != 1 {
        let found = if present.is_empty() {
            "none".to_owned()
        } else {
            present.join(" and ")
        };
        ctx.error(
            path,
            format!("needs exactly one of `steps`, `steps_from` or `model`, found {found}"),
        );
        return None;
    }
    let mut walk = Walk {
        scope,
        faults: Vec::new(),
    };
    let body = match present[0] {
        "steps" => {
            let items = ctx.nonempty_list(map, "steps", path)?;
            ScenarioBody::Script(read_steps(ctx, &mut walk, items, &join(path, "steps"), &[])?)
        }
        "steps_from" => {
            let other = ctx.string(map, "steps_from", path)?;
            let source = parts
                .raw
                .iter()
                .enumerate()
                .find(|(_, s)| s.get("id").and_then(Value::as_str) == Some(&other));
            let Some((index, steps)) = source.and_then(|(i, s)| Some((i, s.get("steps")?.as_array()?))) else {
                ctx.error(
                    &join(path, "steps_from"),
                    format!("names {other:?}, which is no scenario with `steps`"),
                );
                return None;
            };
            let steps_path = format!("simulation.scenarios[{index}].steps");
            ScenarioBody::Script(read_steps(ctx, &mut walk, steps, &steps_path, &[])?)
        }
        _ => {
            let name = ctx.name(map, "model", path, "model", &ModelName::ALL)?;
            if !models::check_scenario(ctx, name, parts.models, scope, plan, &join(path, "model")) {
                return None;
            }
            return Some(ScenarioBody::Model(name));
        }
    };
    let mut ok = true;
    for (i, fault) in plan.iter().enumerate() {
        if !walk.faults.contains(fault) {
            ctx.error(
                &format!("{}[{i}]", join(path, "plan")),
                format!("names the fault {fault:?}, which no step offers"),
            );
            ok = false;
        }
    }
    ok.then_some(body)
}
