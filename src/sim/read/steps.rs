//! Reads a scenario's script: steps in order, each with an event, a
//! narration, a message, effects and the fault branches it offers. The
//! messages in flight are followed along every branch, so delivering a
//! message nobody sent is caught here, not at run time.

use serde_json::Value;

use super::ctx::Ctx;
use super::effects::read_effects;
use super::scope::Scope;
use crate::catalog::reader::join;
use crate::sim::frame::{EventKind, FaultOption, MessageKind};
use crate::sim::spec::{Branch, MessageSpec, ScriptStep, Step, Transit};

/// Catalog spellings of the events a step can be (frame 0 is the start).
pub const EVENTS: [(&str, EventKind); 9] = [
    ("start", EventKind::Start),
    ("send", EventKind::Send),
    ("deliver", EventKind::Deliver),
    ("drop", EventKind::Drop),
    ("change", EventKind::StateChange),
    ("crash", EventKind::Crash),
    ("recover", EventKind::Recover),
    ("timeout", EventKind::Timeout),
    ("end", EventKind::End),
];

/// Catalog spellings of message kinds.
pub const MESSAGE_KINDS: [(&str, MessageKind); 5] = [
    ("command", MessageKind::Command),
    ("reply", MessageKind::Reply),
    ("event", MessageKind::Event),
    ("compensation", MessageKind::Compensation),
    ("failure", MessageKind::Failure),
];

/// What the reader tracks along one path through the script.
pub struct Walk<'a> {
    pub scope: Scope<'a>,
    /// Every fault id offered anywhere, for checking the plan.
    pub faults: Vec<String>,
}

/// Reads the steps at `path` (a script or a branch), given the messages
/// already in flight.
pub fn read_steps(
    ctx: &mut Ctx,
    walk: &mut Walk,
    items: &[Value],
    path: &str,
    in_flight: &[String],
) -> Option<Vec<ScriptStep>> {
    let mut in_flight = in_flight.to_vec();
    let mut steps = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let step_path = format!("{path}[{i}]");
        match read_step(ctx, walk, item, &step_path, &mut in_flight) {
            Some(step) => {
                if step.step.event == EventKind::End && i + 1 < items.len() {
                    ctx.error(
                        &join(&step_path, "event"),
                        "ends the scenario, but more steps follow it",
                    );
                    ok = false;
                }
                steps.push(step);
            }
            None => ok = false,
        }
    }
    if ok && steps.last().is_none_or(|s| s.step.event != EventKind::End) {
        ctx.error(path, "must finish with an `end` step");
        ok = false;
    }
    ok.then_some(steps)
}

fn read_step(
    ctx: &mut Ctx,
    walk: &mut Walk,
    value: &Value,
    path: &str,
    in_flight: &mut Vec<String>,
) -> Option<ScriptStep> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(
        map,
        &["event", "narration", "message", "actor", "effects", "faults"],
        path,
    );
    let event = ctx.name(map, "event", path, "event kind", &EVENTS)?;
    let narration = ctx.string(map, "narration", path);
    let transit = read_transit(
        ctx,
        walk.scope,
        event,
        map.get("message"),
        &join(path, "message"),
        in_flight,
    );
    let actor = match event {
        EventKind::Crash | EventKind::Recover => walk.scope.actor(ctx, map, "actor", path).map(|a| Some(a.id.clone())),
        _ if map.contains_key("actor") => {
            ctx.error(&join(path, "actor"), "belongs only to `crash` and `recover` steps");
            None
        }
        _ => Some(None),
    };
    let effects = read_effects(ctx, walk.scope, map, "effects", path);
    if event == EventKind::Start {
        ctx.error(
            &join(path, "event"),
            "cannot be `start`: frame 0 is the start, and steps follow it",
        );
        return None;
    }
    if event == EventKind::End && !in_flight.is_empty() {
        ctx.error(
            path,
            format!("ends while messages are still in flight: {}", in_flight.join(", ")),
        );
    }
    let branches = read_branches(ctx, walk, map, path, in_flight);
    let faults = branches.as_ref().map(|b| b.iter().map(|b| b.fault.clone()).collect());
    let step = Step {
        event,
        narration: narration?,
        transit: transit?,
        actor: actor?,
        effects,
        faults: faults?,
    };
    let count = map.get("effects").and_then(Value::as_array).map_or(0, Vec::len);
    (step.effects.len() == count).then_some(ScriptStep {
        step,
        branches: branches?,
    })
}

/// The step's message, checked against the messages in flight (which it updates).
fn read_transit(
    ctx: &mut Ctx,
    scope: Scope,
    event: EventKind,
    value: Option<&Value>,
    field: &str,
    in_flight: &mut Vec<String>,
) -> Option<Transit> {
    let value = value.filter(|v| !v.is_null());
    match (event, value) {
        (EventKind::Send, None) | (EventKind::Deliver | EventKind::Drop, None) => {
            ctx.error(field, "is missing");
            None
        }
        (EventKind::Send, Some(value)) => {
            let map = ctx.object(value, field)?;
            ctx.known_keys(map, &["id", "from", "to", "label", "kind"], field);
            let handle = ctx.string(map, "id", field);
            let from = scope.actor(ctx, map, "from", field);
            let to = scope.actor(ctx, map, "to", field);
            let label = ctx.string(map, "label", field);
            let kind = ctx.name(map, "kind", field, "message kind", &MESSAGE_KINDS);
            let handle = handle?;
            if in_flight.contains(&handle) {
                ctx.error(
                    &join(field, "id"),
                    format!("sends message {handle:?} while a message with that id is still in flight"),
                );
                return None;
            }
            in_flight.push(handle.clone());
            let spec = MessageSpec {
                handle,
                from: from?.id.clone(),
                to: to?.id.clone(),
                label: label?,
                kind: kind?,
            };
            Some(Transit::Send(spec))
        }
        (EventKind::Deliver | EventKind::Drop, Some(value)) => {
            let handle = ctx.string_value(value, field)?;
            let Some(position) = in_flight.iter().position(|h| *h == handle) else {
                let flying = if in_flight.is_empty() {
                    "none is".to_owned()
                } else {
                    format!("in flight: {}", in_flight.join(", "))
                };
                ctx.error(field, format!("refers to the message {handle:?}, which no earlier step sent or which has already arrived ({flying})"));
                return None;
            };
            in_flight.remove(position);
            Some(if event == EventKind::Deliver {
                Transit::Deliver(handle)
            } else {
                Transit::Drop(handle)
            })
        }
        (_, Some(_)) => {
            ctx.error(field, "belongs only to `send`, `deliver` and `drop` steps");
            None
        }
        (_, None) => Some(Transit::None),
    }
}

/// The faults a step offers, each with the steps that replace the rest.
fn read_branches(
    ctx: &mut Ctx,
    walk: &mut Walk,
    map: &serde_json::Map<String, Value>,
    path: &str,
    in_flight: &[String],
) -> Option<Vec<Branch>> {
    let items = ctx.list(map, "faults", path);
    let field = join(path, "faults");
    let mut branches = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let fault_path = format!("{field}[{i}]");
        let Some(fault) = ctx.object(item, &fault_path) else {
            ok = false;
            continue;
        };
        ctx.known_keys(fault, &["id", "label", "steps"], &fault_path);
        let id = ctx.string(fault, "id", &fault_path);
        let label = ctx.string(fault, "label", &fault_path);
        let steps = ctx.nonempty_list(fault, "steps", &fault_path);
        let (Some(id), Some(label), Some(steps)) = (id, label, steps) else {
            ok = false;
            continue;
        };
        if branches.iter().any(|b: &Branch| b.fault.id == id) {
            ctx.error(
                &join(&fault_path, "id"),
                format!("repeats the fault {id:?} of this step"),
            );
            ok = false;
            continue;
        }
        walk.faults.push(id.clone());
        match read_steps(ctx, walk, steps, &join(&fault_path, "steps"), in_flight) {
            Some(steps) => branches.push(Branch {
                fault: FaultOption { id, label },
                steps,
            }),
            None => ok = false,
        }
    }
    ok.then_some(branches)
}
