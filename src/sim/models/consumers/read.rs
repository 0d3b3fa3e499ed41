//! Reads `simulation.models.consumers`: the actors and panels the worker
//! pool uses, each panel checked for its kind and columns, and the workload.

use serde_json::{Map, Value};

use super::ConsumersSpec;
use crate::catalog::reader::join;
use crate::sim::frame::PanelKind;
use crate::sim::read::{Ctx, Scope, panel_named};
use crate::sim::spec::ActorSpec;

/// Reads the pool data at `path`.
pub fn read_consumers(ctx: &mut Ctx, value: &Value, path: &str, scope: Scope) -> Option<ConsumersSpec> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(
        map,
        &[
            "producer",
            "queue",
            "messages",
            "deliveries",
            "workers",
            "pool",
            "store",
            "results",
            "processed",
            "jobs",
            "work",
            "visibility",
            "restart",
        ],
        path,
    );
    let producer = scope.actor(ctx, map, "producer", path);
    let queue = scope.actor(ctx, map, "queue", path);
    let workers = scope.actor(ctx, map, "workers", path);
    let store = scope.actor(ctx, map, "store", path);
    let messages = queue.and_then(|a| panel(ctx, a, map, "messages", path, PanelKind::Table, 5));
    let deliveries = queue.and_then(|a| panel(ctx, a, map, "deliveries", path, PanelKind::Log, 4));
    let pool = workers.and_then(|a| panel(ctx, a, map, "pool", path, PanelKind::Table, 4));
    let results = store.and_then(|a| panel(ctx, a, map, "results", path, PanelKind::Log, 4));
    let processed = store.and_then(|a| panel(ctx, a, map, "processed", path, PanelKind::Table, 2));
    let jobs = ctx.number(map, "jobs", path);
    let visibility = ctx.number(map, "visibility", path);
    let restart = ctx.number(map, "restart", path);
    let work = read_range(ctx, map, "work", path);
    if let Some(jobs) = jobs
        && !(1..=40).contains(&jobs)
    {
        ctx.error(&join(path, "jobs"), format!("must be from 1 to 40, not {jobs}"));
        return None;
    }
    for (key, value) in [("visibility", visibility), ("restart", restart)] {
        if value == Some(0) {
            ctx.error(&join(path, key), "must be at least 1 tick");
            return None;
        }
    }
    Some(ConsumersSpec {
        producer: producer?.id.clone(),
        queue: queue?.id.clone(),
        messages: messages?,
        deliveries: deliveries?,
        workers: workers?.id.clone(),
        pool: pool?,
        store: store?.id.clone(),
        results: results?,
        processed: processed?,
        jobs: jobs?,
        work: work?,
        visibility: visibility?,
        restart: restart?,
    })
}

/// The panel named by `map[key]` on `actor`, of `kind` with `width` columns.
fn panel(
    ctx: &mut Ctx,
    actor: &ActorSpec,
    map: &Map<String, Value>,
    key: &str,
    path: &str,
    kind: PanelKind,
    width: usize,
) -> Option<String> {
    let id = ctx.string(map, key, path)?;
    let field = join(path, key);
    let panel = panel_named(ctx, actor, &id, &field, Some(kind))?;
    if panel.columns.len() != width {
        ctx.error(
            &field,
            format!(
                "needs a panel of {width} columns, but {id:?} has {}: {}",
                panel.columns.len(),
                panel.columns.join(", ")
            ),
        );
        return None;
    }
    Some(id)
}

/// `[low, high]` ticks, `1 <= low <= high`.
fn read_range(ctx: &mut Ctx, map: &Map<String, Value>, key: &str, path: &str) -> Option<(u32, u32)> {
    let field = join(path, key);
    let value = ctx.required(map, key, path)?;
    let pair = value.as_array().filter(|a| a.len() == 2).and_then(|a| {
        let low = u32::try_from(a[0].as_u64()?).ok()?;
        let high = u32::try_from(a[1].as_u64()?).ok()?;
        (1 <= low && low <= high && high <= 50).then_some((low, high))
    });
    if pair.is_none() {
        ctx.error(&field, "must be [fewest, most] ticks, with 1 <= fewest <= most <= 50");
    }
    pair
}
