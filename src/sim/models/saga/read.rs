//! Reads `simulation.models.saga`: the orchestrator and its log, the
//! participants' processed-keys tables, and the steps with their actions,
//! compensations and failures. Checks the shape a saga must have: every
//! step before the point of no return has a compensation, retriable steps
//! come last and cannot fail, and a local transaction only writes its own
//! service's records.

use serde_json::{Map, Value};

use super::{SagaAction, SagaFailure, SagaSpec, SagaStep};
use crate::catalog::reader::join;
use crate::sim::frame::PanelKind;
use crate::sim::read::{Ctx, Scope, panel_named, read_effects};
use crate::sim::spec::Effect;

/// Reads the saga data at `path`.
pub fn read_saga(ctx: &mut Ctx, value: &Value, path: &str, scope: Scope) -> Option<SagaSpec> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(
        map,
        &["id", "orchestrator", "log", "processed", "steps", "success", "aborted"],
        path,
    );
    let id = ctx.string(map, "id", path);
    let success = ctx.string(map, "success", path);
    let aborted = ctx.string(map, "aborted", path);
    let orchestrator = scope.actor(ctx, map, "orchestrator", path)?;
    let log = ctx.string(map, "log", path)?;
    let log_panel = panel_named(ctx, orchestrator, &log, &join(path, "log"), Some(PanelKind::Log))?;
    if log_panel.columns.len() != 3 {
        ctx.error(
            &join(path, "log"),
            format!(
                "needs 3 columns (step, status, note), but {log:?} has {}",
                log_panel.columns.len()
            ),
        );
    }
    let processed = ctx.string(map, "processed", path)?;
    let items = ctx.nonempty_list(map, "steps", path)?;
    let mut steps: Vec<SagaStep> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let step_path = format!("{}[{i}]", join(path, "steps"));
        let Some(step) = read_step(ctx, scope, item, &step_path, &orchestrator.id, &processed) else {
            continue;
        };
        if steps.iter().any(|s| s.id == step.id) {
            ctx.error(&join(&step_path, "id"), format!("repeats the step {:?}", step.id));
            continue;
        }
        if let Some(earlier) = steps.iter().find(|s| s.retriable)
            && !step.retriable
        {
            ctx.error(
                &join(&step_path, "retriable"),
                format!(
                    "step {:?} can be compensated, so it must come before the retriable step {:?}",
                    step.id, earlier.id
                ),
            );
        }
        steps.push(step);
    }
    if steps.len() != items.len() {
        return None;
    }
    let saga = SagaSpec {
        id: id?,
        orchestrator: orchestrator.id.clone(),
        log,
        processed,
        steps,
        success: success?,
        aborted: aborted?,
    };
    let names: Vec<&str> = saga.message_names().collect();
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            ctx.error(
                &join(path, "steps"),
                format!(
                    "uses the message name {name:?} twice; fault ids are made of message names, so each must be unique"
                ),
            );
        }
    }
    Some(saga)
}

fn read_step(
    ctx: &mut Ctx,
    scope: Scope,
    value: &Value,
    path: &str,
    orchestrator: &str,
    processed: &str,
) -> Option<SagaStep> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(
        map,
        &["id", "participant", "retriable", "action", "compensation", "failure"],
        path,
    );
    let id = ctx.id(map, "id", path);
    let retriable = ctx.flag(map, "retriable", path);
    let participant = scope.actor(ctx, map, "participant", path)?;
    if participant.id == orchestrator {
        ctx.error(
            &join(path, "participant"),
            "is the orchestrator, which runs no local transaction of the saga",
        );
        return None;
    }
    let keys = panel_named(
        ctx,
        participant,
        processed,
        &join(path, "participant"),
        Some(PanelKind::Table),
    )?;
    if keys.columns.len() != 2 {
        ctx.error(
            &join(path, "participant"),
            format!(
                "needs a 2-column (key, result) table {processed:?}, but it has {} columns",
                keys.columns.len()
            ),
        );
    }
    let owner = participant.id.as_str();
    let action = ctx
        .required(map, "action", path)
        .and_then(|v| read_action(ctx, scope, v, &join(path, "action"), owner));
    let compensation =
        optional(map, "compensation").map(|v| read_action(ctx, scope, v, &join(path, "compensation"), owner));
    let failure = optional(map, "failure").map(|v| read_failure(ctx, scope, v, &join(path, "failure"), owner));
    if retriable && compensation.is_some() {
        ctx.error(
            &join(path, "compensation"),
            "belongs to a retriable step, which is never compensated",
        );
    }
    if retriable && failure.is_some() {
        ctx.error(
            &join(path, "failure"),
            "belongs to a retriable step, which is retried until it succeeds and cannot fail",
        );
    }
    if !retriable && compensation.is_none() {
        ctx.error(
            path,
            "needs a `compensation`, or `retriable: true` if it comes after the point of no return",
        );
    }
    Some(SagaStep {
        id: id?,
        participant: participant.id.clone(),
        retriable,
        action: action?,
        compensation: compensation.map_or(Some(None), |c| c.map(Some))?,
        failure: failure.map_or(Some(None), |f| f.map(Some))?,
    })
}

fn optional<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    map.get(key).filter(|v| !v.is_null())
}

fn read_action(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str, owner: &str) -> Option<SagaAction> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["command", "reply", "does", "effects"], path);
    let command = ctx.string(map, "command", path);
    let reply = ctx.string(map, "reply", path);
    let does = ctx.string(map, "does", path);
    let effects = own_effects(ctx, scope, map, path, owner)?;
    Some(SagaAction {
        command: command?,
        reply: reply?,
        does: does?,
        effects,
    })
}

fn read_failure(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str, owner: &str) -> Option<SagaFailure> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["reply", "label", "reason", "effects"], path);
    let reply = ctx.string(map, "reply", path);
    let label = ctx.string(map, "label", path);
    let reason = ctx.string(map, "reason", path);
    let effects = own_effects(ctx, scope, map, path, owner)?;
    Some(SagaFailure {
        reply: reply?,
        label: label?,
        reason: reason?,
        effects,
    })
}

/// Effects that may only touch the participant's own records.
fn own_effects(ctx: &mut Ctx, scope: Scope, map: &Map<String, Value>, path: &str, owner: &str) -> Option<Vec<Effect>> {
    let count = map.get("effects").and_then(Value::as_array).map_or(0, Vec::len);
    let effects = read_effects(ctx, scope, map, "effects", path);
    let mut ok = effects.len() == count;
    for (i, effect) in effects.iter().enumerate() {
        if effect.actor != owner {
            let field = format!("{}[{i}].actor", join(path, "effects"));
            ctx.error(
                &field,
                format!(
                    "changes {:?}, but a local transaction of {owner:?} may only change {owner:?}",
                    effect.actor
                ),
            );
            ok = false;
        }
    }
    ok.then_some(effects)
}
