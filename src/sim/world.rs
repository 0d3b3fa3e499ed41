//! The visible state of a run and the one place it changes: the initial
//! world of a scenario, and [`apply`] for each effect a step makes.

use super::frame::{ActorState, ActorStatus, Panel, World};
use super::spec::{ActorSpec, Change, Effect, PanelRef, ScenarioSpec};

/// The world of frame 0: the scenario's actors, up, with their initial panels,
/// then the scenario's setup effects.
pub fn initial(actors: &[ActorSpec], scenario: &ScenarioSpec) -> Result<World, String> {
    let actors = actors
        .iter()
        .filter(|a| scenario.actors.contains(&a.id))
        .map(|actor| ActorState {
            id: actor.id.clone(),
            status: ActorStatus::Up,
            panels: actor
                .panels
                .iter()
                .map(|p| Panel {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    kind: p.kind,
                    columns: p.columns.clone(),
                    rows: p.rows.clone(),
                })
                .collect(),
        })
        .collect();
    let mut world = World {
        actors,
        in_flight: Vec::new(),
    };
    for effect in &scenario.setup {
        apply(&mut world, effect)?;
    }
    Ok(world)
}

/// Applies one effect, or says why it cannot apply (an unknown actor or
/// panel, a missing row, a row of the wrong width).
pub fn apply(world: &mut World, effect: &Effect) -> Result<(), String> {
    let actor = actor_mut(world, &effect.actor)?;
    let panel_id = match effect.change.panel() {
        Some(panel) => panel,
        None => {
            if let Change::Status(status) = effect.change {
                actor.status = status;
            }
            return Ok(());
        }
    };
    let actor_id = actor.id.clone();
    let panel = actor
        .panels
        .iter_mut()
        .find(|p| p.id == panel_id)
        .ok_or_else(|| format!("actor {actor_id:?} has no panel {panel_id:?}"))?;
    let width = panel.columns.len();
    let check_width = |row: &[String]| {
        if row.len() == width {
            Ok(())
        } else {
            Err(format!(
                "panel {panel_id:?} has {width} columns, but the row {row:?} has {}",
                row.len()
            ))
        }
    };
    match &effect.change {
        Change::Upsert { row, .. } => {
            check_width(row)?;
            match panel.rows.iter_mut().find(|r| r.first() == row.first()) {
                Some(existing) => existing.clone_from(row),
                None => panel.rows.push(row.clone()),
            }
        }
        Change::Set { key, column, value, .. } => {
            let index = panel
                .columns
                .iter()
                .position(|c| c == column)
                .ok_or_else(|| format!("panel {panel_id:?} has no column {column:?}"))?;
            let row = panel
                .rows
                .iter_mut()
                .find(|r| r.first() == Some(key))
                .ok_or_else(|| format!("panel {panel_id:?} has no row {key:?}"))?;
            if let Some(cell) = row.get_mut(index) {
                cell.clone_from(value);
            }
        }
        Change::Remove { key, .. } => {
            let before = panel.rows.len();
            panel.rows.retain(|r| r.first() != Some(key));
            if panel.rows.len() == before {
                return Err(format!("panel {panel_id:?} has no row {key:?} to remove"));
            }
        }
        Change::Push { row, .. } | Change::Append { row, .. } => {
            check_width(row)?;
            panel.rows.push(row.clone());
        }
        Change::Pop { .. } => {
            if panel.rows.is_empty() {
                return Err(format!("queue {panel_id:?} is empty, nothing to pop"));
            }
            panel.rows.remove(0);
        }
        Change::Status(_) => {}
    }
    Ok(())
}

/// Sets an actor's status.
pub fn set_status(world: &mut World, actor: &str, status: ActorStatus) -> Result<(), String> {
    actor_mut(world, actor)?.status = status;
    Ok(())
}

/// A panel of the world, if the actor and panel exist.
pub fn panel<'w>(world: &'w World, at: &PanelRef) -> Option<&'w Panel> {
    world
        .actors
        .iter()
        .find(|a| a.id == at.actor)?
        .panels
        .iter()
        .find(|p| p.id == at.panel)
}

fn actor_mut<'w>(world: &'w mut World, id: &str) -> Result<&'w mut ActorState, String> {
    world
        .actors
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or_else(|| format!("there is no actor {id:?} in this scenario"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::frame::PanelKind;

    fn world() -> World {
        World {
            actors: vec![ActorState {
                id: "db".into(),
                status: ActorStatus::Up,
                panels: vec![
                    Panel {
                        id: "t".into(),
                        title: "T".into(),
                        kind: PanelKind::Table,
                        columns: vec!["k".into(), "v".into()],
                        rows: vec![vec!["a".into(), "1".into()]],
                    },
                    Panel {
                        id: "q".into(),
                        title: "Q".into(),
                        kind: PanelKind::Queue,
                        columns: vec!["m".into()],
                        rows: vec![],
                    },
                ],
            }],
            in_flight: vec![],
        }
    }

    fn effect(change: Change) -> Effect {
        Effect {
            actor: "db".into(),
            change,
        }
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    #[test]
    fn upsert_replaces_by_key_and_set_changes_one_cell() {
        let mut w = world();
        apply(
            &mut w,
            &effect(Change::Upsert {
                panel: "t".into(),
                row: strings(&["a", "2"]),
            }),
        )
        .expect("upsert");
        apply(
            &mut w,
            &effect(Change::Upsert {
                panel: "t".into(),
                row: strings(&["b", "5"]),
            }),
        )
        .expect("insert");
        let set = Change::Set {
            panel: "t".into(),
            key: "b".into(),
            column: "v".into(),
            value: "6".into(),
        };
        apply(&mut w, &effect(set)).expect("set");
        assert_eq!(
            w.actors[0].panels[0].rows,
            vec![strings(&["a", "2"]), strings(&["b", "6"])]
        );
        apply(
            &mut w,
            &effect(Change::Remove {
                panel: "t".into(),
                key: "a".into(),
            }),
        )
        .expect("remove");
        assert_eq!(w.actors[0].panels[0].rows, vec![strings(&["b", "6"])]);
    }

    #[test]
    fn queues_are_first_in_first_out() {
        let mut w = world();
        for m in ["m1", "m2"] {
            apply(
                &mut w,
                &effect(Change::Push {
                    panel: "q".into(),
                    row: strings(&[m]),
                }),
            )
            .expect("push");
        }
        apply(&mut w, &effect(Change::Pop { panel: "q".into() })).expect("pop");
        assert_eq!(w.actors[0].panels[1].rows, vec![strings(&["m2"])]);
    }

    #[test]
    fn impossible_effects_are_errors_not_panics() {
        let mut w = world();
        let missing = Change::Set {
            panel: "t".into(),
            key: "zz".into(),
            column: "v".into(),
            value: "1".into(),
        };
        assert!(apply(&mut w, &effect(missing)).is_err());
        assert!(apply(&mut w, &effect(Change::Pop { panel: "q".into() })).is_err());
        assert!(
            apply(
                &mut w,
                &effect(Change::Upsert {
                    panel: "t".into(),
                    row: strings(&["x"])
                })
            )
            .is_err()
        );
        assert!(
            apply(
                &mut w,
                &effect(Change::Remove {
                    panel: "t".into(),
                    key: "zz".into()
                })
            )
            .is_err()
        );
        let ghost = Effect {
            actor: "ghost".into(),
            change: Change::Status(ActorStatus::Down),
        };
        assert!(apply(&mut w, &ghost).is_err());
        assert!(apply(&mut w, &effect(Change::Pop { panel: "nope".into() })).is_err());
    }
}
