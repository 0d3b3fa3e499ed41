//! Helpers shared by the simulation tests: a small valid simulation to
//! mutate, the shipped simulations, a reader that returns the errors it
//! found, and accessors for what a frame shows.

use serde_json::{Value, json};

use super::frame::{Frame, Timeline};
use super::spec::{SimulationSpec, read_simulation};
use crate::catalog::CatalogError;
use crate::catalog::reader::Reader;

/// Reads a `simulation` value as the catalog parser would, for a pattern
/// called `"Test" (test)`.
pub fn read(value: &Value) -> Result<SimulationSpec, Vec<CatalogError>> {
    let mut errors = Vec::new();
    let spec = {
        let mut reader = Reader::new(Some("\"Test\" (test)".into()), &mut errors);
        read_simulation(&mut reader, value)
    };
    match spec {
        Some(spec) if errors.is_empty() => Ok(spec),
        _ => Err(errors),
    }
}

/// The errors reading `value` gives (none when it is valid).
pub fn errors(value: &Value) -> Vec<CatalogError> {
    read(value).err().unwrap_or_default()
}

/// True when some error is at `field` and its message contains `text`.
pub fn has_error(errors: &[CatalogError], field: &str, text: &str) -> bool {
    errors.iter().any(|e| e.field == field && e.message.contains(text))
}

/// Replaces the value at a JSON pointer (which must exist).
pub fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    match value.pointer_mut(pointer) {
        Some(slot) => *slot = new,
        None => panic!("the test JSON has nothing at {pointer}"),
    }
    value
}

/// A small valid simulation: a client queues a job that a worker takes,
/// with one fault branch where the worker crashes.
pub fn sample() -> Value {
    json!({
        "canvas": {"width": 400, "height": 200},
        "actors": [
            {"id": "client", "label": "Client", "kind": "client", "x": 50, "y": 100},
            {"id": "queue", "label": "Queue", "kind": "queue", "x": 200, "y": 100,
             "panels": [{"id": "jobs", "title": "Jobs", "kind": "queue", "columns": ["job"]}]},
            {"id": "worker", "label": "Worker", "kind": "worker", "x": 350, "y": 100,
             "panels": [{"id": "done", "title": "Done", "kind": "table", "columns": ["job", "by"], "rows": [["j0", "worker"]]}]}
        ],
        "invariants": [
            {"id": "done-once", "label": "Each job is done once", "kind": "unique", "actor": "worker", "panel": "done", "column": "job"}
        ],
        "scenarios": [{
            "id": "basic", "title": "Basic", "description": "One job.", "start": "A client has a job.",
            "invariants": [
                "done-once",
                {"id": "short-queue", "label": "The queue holds at most one job", "kind": "count_at_most",
                 "actor": "queue", "panel": "jobs", "max": 1}
            ],
            "steps": [
                {"event": "send", "narration": "The client sends job 1.",
                 "message": {"id": "j1", "from": "client", "to": "queue", "label": "Job 1", "kind": "command"}},
                {"event": "deliver", "message": "j1", "narration": "The queue stores job 1.",
                 "effects": [{"op": "push", "actor": "queue", "panel": "jobs", "row": ["j1"]}],
                 "faults": [{"id": "worker-crash", "label": "Crash the worker", "steps": [
                     {"event": "crash", "actor": "worker", "narration": "The worker crashes."},
                     {"event": "recover", "actor": "worker", "narration": "The worker restarts."},
                     {"event": "end", "narration": "The job waits in the queue."}
                 ]}]},
                {"event": "change", "narration": "The worker takes job 1 and does it.",
                 "effects": [
                     {"op": "pop", "actor": "queue", "panel": "jobs"},
                     {"op": "upsert", "actor": "worker", "panel": "done", "row": ["j1", "worker"]}
                 ]},
                {"event": "end", "narration": "Done."}
            ]
        }]
    })
}

/// The `simulation` of the shipped saga, as JSON.
pub fn shipped_saga_json() -> Value {
    let catalog: Value = serde_json::from_str(crate::catalog::EMBEDDED_JSON).expect("the shipped catalog is JSON");
    let patterns = catalog.get("patterns").and_then(Value::as_array).expect("patterns");
    let saga = patterns
        .iter()
        .find(|p| p.get("slug") == Some(&json!("saga")))
        .expect("a saga pattern");
    saga.get("simulation").cloned().expect("the saga has a simulation")
}

/// The shipped saga simulation, parsed.
pub fn shipped_saga() -> &'static SimulationSpec {
    shipped("saga")
}

/// The simulation of the shipped pattern `slug`, parsed.
pub fn shipped(slug: &str) -> &'static SimulationSpec {
    crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid")
        .pattern(slug)
        .and_then(|p| p.simulation.as_ref())
        .unwrap_or_else(|| panic!("{slug} has a simulation"))
        .spec()
        .unwrap_or_else(|e| panic!("{slug}'s simulation decodes: {e}"))
}

/// The rows of one actor's panel on `frame`, as string slices.
pub fn rows<'t>(frame: &'t Frame, actor: &str, panel: &str) -> Vec<Vec<&'t str>> {
    let actor = frame.world.actors.iter().find(|a| a.id == actor).expect("actor");
    let panel = actor.panels.iter().find(|p| p.id == panel).expect("panel");
    panel
        .rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

/// The last frame of a run.
pub fn last(timeline: &Timeline) -> &Frame {
    timeline.frames.last().expect("frames")
}
