//! What a part of the simulation may refer to: the actors (all of them, or
//! those one scenario shows) and their panels. Unknown names become errors
//! that list what would have been accepted.

use serde_json::{Map, Value};

use super::ctx::Ctx;
use crate::catalog::reader::join;
use crate::sim::frame::PanelKind;
use crate::sim::spec::{ActorSpec, PanelRef, PanelSpec};

/// The actors in reach.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// Every actor of the simulation.
    pub actors: &'a [ActorSpec],
    /// The ids a scenario shows, or `None` for the whole simulation.
    pub shown: Option<&'a [String]>,
}

impl<'a> Scope<'a> {
    /// The whole simulation.
    pub fn all(actors: &'a [ActorSpec]) -> Self {
        Self { actors, shown: None }
    }

    /// The actor named by `map[key]`.
    pub fn actor(&self, ctx: &mut Ctx, map: &Map<String, Value>, key: &str, path: &str) -> Option<&'a ActorSpec> {
        let id = ctx.string(map, key, path)?;
        self.actor_named(ctx, &id, &join(path, key))
    }

    /// The actor called `id`; `field` is where the name was read.
    pub fn actor_named(&self, ctx: &mut Ctx, id: &str, field: &str) -> Option<&'a ActorSpec> {
        let Some(actor) = self.actors.iter().find(|a| a.id == id) else {
            let known: Vec<&str> = self.visible().map(|a| a.id.as_str()).collect();
            ctx.error(
                field,
                format!("names the unknown actor {id:?} (actors: {})", known.join(", ")),
            );
            return None;
        };
        if let Some(shown) = self.shown
            && !shown.iter().any(|s| s == id)
        {
            ctx.error(
                field,
                format!(
                    "names the actor {id:?}, which this scenario does not show (it shows: {})",
                    shown.join(", ")
                ),
            );
            return None;
        }
        Some(actor)
    }

    /// The panel named by `map[key]` on `actor`, which must be of `kind` when given.
    pub fn panel(
        &self,
        ctx: &mut Ctx,
        actor: &'a ActorSpec,
        map: &Map<String, Value>,
        key: &str,
        path: &str,
        kind: Option<PanelKind>,
    ) -> Option<&'a PanelSpec> {
        let id = ctx.string(map, key, path)?;
        panel_named(ctx, actor, &id, &join(path, key), kind)
    }

    /// A `{"actor", "panel"}` pair read from `map`.
    pub fn panel_ref(&self, ctx: &mut Ctx, map: &Map<String, Value>, path: &str) -> Option<(PanelRef, &'a PanelSpec)> {
        let actor = self.actor(ctx, map, "actor", path)?;
        let panel = self.panel(ctx, actor, map, "panel", path, None)?;
        Some((
            PanelRef {
                actor: actor.id.clone(),
                panel: panel.id.clone(),
            },
            panel,
        ))
    }

    fn visible(&self) -> impl Iterator<Item = &'a ActorSpec> + '_ {
        self.actors
            .iter()
            .filter(|a| self.shown.is_none_or(|shown| shown.contains(&a.id)))
    }
}

/// The panel called `id` on `actor`, of `kind` when given.
pub fn panel_named<'a>(
    ctx: &mut Ctx,
    actor: &'a ActorSpec,
    id: &str,
    field: &str,
    kind: Option<PanelKind>,
) -> Option<&'a PanelSpec> {
    let Some(panel) = actor.panel(id) else {
        let known: Vec<&str> = actor.panels.iter().map(|p| p.id.as_str()).collect();
        let known = if known.is_empty() {
            "it has none".to_owned()
        } else {
            format!("panels: {}", known.join(", "))
        };
        ctx.error(
            field,
            format!(
                "names the panel {id:?}, which actor {:?} does not have ({known})",
                actor.id
            ),
        );
        return None;
    };
    match kind {
        Some(kind) if panel.kind != kind => {
            ctx.error(
                field,
                format!(
                    "needs a {}, but panel {id:?} of {:?} is a {}",
                    kind_name(kind),
                    actor.id,
                    kind_name(panel.kind)
                ),
            );
            None
        }
        _ => Some(panel),
    }
}

/// A column of `panel` named by `map[key]`, as its index.
pub fn column(ctx: &mut Ctx, panel: &PanelSpec, map: &Map<String, Value>, key: &str, path: &str) -> Option<usize> {
    let name = ctx.string(map, key, path)?;
    column_named(ctx, panel, &name, &join(path, key))
}

/// The index of column `name` of `panel`.
pub fn column_named(ctx: &mut Ctx, panel: &PanelSpec, name: &str, field: &str) -> Option<usize> {
    let index = panel.column(name);
    if index.is_none() {
        ctx.error(
            field,
            format!(
                "names the column {name:?}, which panel {:?} does not have (columns: {})",
                panel.id,
                panel.columns.join(", ")
            ),
        );
    }
    index
}

/// Catalog spelling of a panel kind.
pub fn kind_name(kind: PanelKind) -> &'static str {
    match kind {
        PanelKind::Table => "table",
        PanelKind::Queue => "queue",
        PanelKind::Log => "log",
    }
}
