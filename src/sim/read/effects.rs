//! Reads effects: `{"op": "upsert", "actor": "payment", "panel": "payments",
//! "row": [...]}` and the like, checked against the actor's panels (the
//! operation must suit the panel's kind, rows must fit its columns).

use serde_json::Value;

use super::ctx::Ctx;
use super::scope::{Scope, column_named, kind_name};
use crate::catalog::reader::join;
use crate::sim::frame::{ActorStatus, PanelKind};
use crate::sim::spec::{Change, Effect, PanelSpec};

/// Catalog spellings of actor statuses.
pub const STATUSES: [(&str, ActorStatus); 4] = [
    ("up", ActorStatus::Up),
    ("busy", ActorStatus::Busy),
    ("down", ActorStatus::Down),
    ("failed", ActorStatus::Failed),
];

#[derive(Clone, Copy)]
enum Op {
    Upsert,
    Set,
    Remove,
    Push,
    Pop,
    Append,
    Status,
}

const OPS: [(&str, Op); 7] = [
    ("upsert", Op::Upsert),
    ("set", Op::Set),
    ("remove", Op::Remove),
    ("push", Op::Push),
    ("pop", Op::Pop),
    ("append", Op::Append),
    ("status", Op::Status),
];

/// The list of effects in `map[key]` (absent means none).
pub fn read_effects(
    ctx: &mut Ctx,
    scope: Scope,
    map: &serde_json::Map<String, Value>,
    key: &str,
    path: &str,
) -> Vec<Effect> {
    let items = ctx.list(map, key, path);
    let field = join(path, key);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_effect(ctx, scope, item, &format!("{field}[{i}]")))
        .collect()
}

/// One effect.
pub fn read_effect(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str) -> Option<Effect> {
    let map = ctx.object(value, path)?;
    let op = ctx.name(map, "op", path, "effect", &OPS)?;
    let known: &[&str] = match op {
        Op::Upsert | Op::Push | Op::Append => &["op", "actor", "panel", "row"],
        Op::Set => &["op", "actor", "panel", "key", "column", "value"],
        Op::Remove => &["op", "actor", "panel", "key"],
        Op::Pop => &["op", "actor", "panel"],
        Op::Status => &["op", "actor", "status"],
    };
    ctx.known_keys(map, known, path);
    let actor = scope.actor(ctx, map, "actor", path)?;
    if let Op::Status = op {
        let status = ctx.name(map, "status", path, "status", &STATUSES)?;
        return Some(Effect {
            actor: actor.id.clone(),
            change: Change::Status(status),
        });
    }
    let kind = match op {
        Op::Upsert | Op::Set | Op::Remove => PanelKind::Table,
        Op::Push | Op::Pop => PanelKind::Queue,
        Op::Append | Op::Status => PanelKind::Log,
    };
    let panel = scope.panel(ctx, actor, map, "panel", path, Some(kind))?;
    let id = panel.id.clone();
    let change = match op {
        Op::Upsert => Change::Upsert {
            panel: id,
            row: row(ctx, panel, map, path)?,
        },
        Op::Push => Change::Push {
            panel: id,
            row: row(ctx, panel, map, path)?,
        },
        Op::Append => Change::Append {
            panel: id,
            row: row(ctx, panel, map, path)?,
        },
        Op::Pop => Change::Pop { panel: id },
        Op::Remove => Change::Remove {
            panel: id,
            key: ctx.string(map, "key", path)?,
        },
        Op::Set => {
            let key = ctx.string(map, "key", path)?;
            let column = ctx.string(map, "column", path)?;
            let index = column_named(ctx, panel, &column, &join(path, "column"))?;
            if index == 0 {
                ctx.error(
                    &join(path, "column"),
                    format!("names the key column {column:?}, which `set` cannot change"),
                );
                return None;
            }
            let value = text(ctx, map.get("value"), &join(path, "value"))?;
            Change::Set {
                panel: id,
                key,
                column,
                value,
            }
        }
        Op::Status => return None,
    };
    Some(Effect {
        actor: actor.id.clone(),
        change,
    })
}

/// A `row` as wide as the panel.
pub fn row(ctx: &mut Ctx, panel: &PanelSpec, map: &serde_json::Map<String, Value>, path: &str) -> Option<Vec<String>> {
    let field = join(path, "row");
    let items = ctx.nonempty_list(map, "row", path)?;
    row_cells(ctx, panel, items, &field)
}

/// Cells of a row for `panel`: strings (a cell may be empty), as many as it has columns.
pub fn row_cells(ctx: &mut Ctx, panel: &PanelSpec, items: &[Value], field: &str) -> Option<Vec<String>> {
    let cells: Vec<String> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| text(ctx, Some(item), &format!("{field}[{i}]")))
        .collect();
    if cells.len() != items.len() {
        return None;
    }
    if cells.len() != panel.columns.len() {
        ctx.error(
            field,
            format!(
                "has {} cells, but panel {:?} ({}) has {} columns: {}",
                cells.len(),
                panel.id,
                kind_name(panel.kind),
                panel.columns.len(),
                panel.columns.join(", ")
            ),
        );
        return None;
    }
    Some(cells)
}

/// A cell: any string, even empty.
fn text(ctx: &mut Ctx, value: Option<&Value>, field: &str) -> Option<String> {
    match value {
        Some(Value::String(s)) => Some(s.clone()),
        None | Some(Value::Null) => {
            ctx.error(field, "is missing");
            None
        }
        Some(other) => {
            ctx.error(
                field,
                format!("must be a string, found {}", crate::catalog::reader::kind(other)),
            );
            None
        }
    }
}
