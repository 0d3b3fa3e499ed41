//! Judges a scenario's invariants on a world. Each rule of the generic
//! library ([`Rule`]) either holds or says, in a short phrase, what breaks it.

use super::frame::{Frame, InvariantStatus, Panel, World};
use super::spec::{CellTest, InvariantSpec, PanelRef, Rule};
use super::world::panel;
use crate::sort::sort_by;

/// Fills every frame's `invariants`: end-of-run rules are judged on the last
/// frame only and are pending before it.
pub fn annotate(frames: &mut [Frame], invariants: &[InvariantSpec]) {
    let last = frames.len().saturating_sub(1);
    for (index, frame) in frames.iter_mut().enumerate() {
        frame.invariants = invariants
            .iter()
            .map(|inv| {
                let pending = inv.at_end && index != last;
                let verdict = if pending {
                    Ok(())
                } else {
                    check(&inv.rule, &frame.world)
                };
                InvariantStatus {
                    id: inv.id.clone(),
                    label: inv.label.clone(),
                    holds: verdict.is_ok(),
                    detail: verdict.err(),
                    pending,
                }
            })
            .collect();
    }
}

/// `Ok` when the rule holds on this world, else why not.
pub fn check(rule: &Rule, world: &World) -> Result<(), String> {
    match rule {
        Rule::Unique { at, column, filter } => {
            let panel = find(world, at)?;
            // Sorted by value then row, a repeated value sits next to its
            // first row; the repeat reported is the earliest in row order.
            let mut values: Vec<(&str, usize)> = panel
                .rows
                .iter()
                .filter(|r| filter.matches(r))
                .enumerate()
                .map(|(i, row)| (cell(row, *column), i))
                .collect();
            sort_by(&mut values, |a, b| a < b);
            let repeat = values
                .windows(2)
                .filter(|pair| pair[0].0 == pair[1].0)
                .map(|pair| pair[1])
                .min_by_key(|&(_, row)| row);
            match repeat {
                Some((value, _)) => Err(format!(
                    "{} appears twice in {} of {}",
                    quote(value),
                    column_name(panel, *column),
                    where_(at)
                )),
                None => Ok(()),
            }
        }
        Rule::CountAtMost { at, max, filter } => {
            let panel = find(world, at)?;
            let count = panel.rows.iter().filter(|r| filter.matches(r)).count();
            if count > *max as usize {
                Err(format!("{} holds {count} such rows, more than {max}", where_(at)))
            } else {
                Ok(())
            }
        }
        Rule::AllIn {
            at,
            column,
            values,
            latest_per,
            filter,
        } => {
            let panel = find(world, at)?;
            let rows: Vec<&Vec<String>> = panel.rows.iter().filter(|r| filter.matches(r)).collect();
            let judged: Vec<&Vec<String>> = match latest_per {
                None => rows,
                Some(group) => rows
                    .iter()
                    .enumerate()
                    .filter(|(i, row)| {
                        !rows[i + 1..]
                            .iter()
                            .any(|later| cell(later, *group) == cell(row, *group))
                    })
                    .map(|(_, row)| *row)
                    .collect(),
            };
            match judged
                .iter()
                .find(|row| !values.iter().any(|v| v == cell(row, *column)))
            {
                None => Ok(()),
                Some(row) => Err(format!(
                    "{} ends with {} {}, not one of {}",
                    quote(cell(row, 0)),
                    column_name(panel, *column),
                    quote(cell(row, *column)),
                    values.join(", ")
                )),
            }
        }
        Rule::EachFollows { at, entry, after, same } => {
            let panel = find(world, at)?;
            for (i, row) in panel.rows.iter().enumerate() {
                if !entry.matches(row) {
                    continue;
                }
                let preceded = panel.rows[..i]
                    .iter()
                    .any(|earlier| after.matches(earlier) && same.iter().all(|c| cell(earlier, *c) == cell(row, *c)));
                if !preceded {
                    return Err(format!("entry {} of {} has nothing it follows from", i + 1, where_(at)));
                }
            }
            Ok(())
        }
        Rule::Subset {
            at,
            column,
            of,
            of_column,
        } => {
            let small = find(world, at)?;
            let big = find(world, of)?;
            match small
                .rows
                .iter()
                .map(|r| cell(r, *column))
                .find(|v| !big.rows.iter().any(|r| cell(r, *of_column) == *v))
            {
                None => Ok(()),
                Some(missing) => Err(format!(
                    "{} is in {} but not in {}",
                    quote(missing),
                    where_(at),
                    where_(of)
                )),
            }
        }
        Rule::NumberAtMost {
            at,
            column,
            max,
            filter,
        } => {
            let panel = find(world, at)?;
            let over = panel
                .rows
                .iter()
                .filter(|r| filter.matches(r))
                .find(|r| crate::decimal::parse(cell(r, *column).trim()).is_none_or(|n| n > f64::from(*max)));
            match over {
                None => Ok(()),
                Some(row) => Err(format!(
                    "{} has {} {}, more than {max}",
                    quote(cell(row, 0)),
                    column_name(panel, *column),
                    quote(cell(row, *column))
                )),
            }
        }
        Rule::Implies { when, then } => {
            if !passes(world, when)? {
                return Ok(());
            }
            for test in then {
                if !passes(world, test)? {
                    return Err(format!("{} while {}", describe(world, test)?, describe(world, when)?));
                }
            }
            Ok(())
        }
    }
}

fn passes(world: &World, test: &CellTest) -> Result<bool, String> {
    Ok(match lookup(world, test)? {
        None => test.or_absent,
        Some(value) => test.values.iter().any(|v| v == value),
    })
}

/// `actor.panel "key" has column "value"`, or that the row is missing.
fn describe(world: &World, test: &CellTest) -> Result<String, String> {
    let panel = find(world, &test.at)?;
    Ok(match lookup(world, test)? {
        None => format!("{} has no row {}", where_(&test.at), quote(&test.key)),
        Some(value) => {
            format!(
                "{} {} has {} {}",
                where_(&test.at),
                quote(&test.key),
                column_name(panel, test.column),
                quote(value)
            )
        }
    })
}

/// The tested cell's value, or `None` when the row does not exist.
fn lookup<'w>(world: &'w World, test: &CellTest) -> Result<Option<&'w str>, String> {
    let panel = find(world, &test.at)?;
    Ok(panel
        .rows
        .iter()
        .find(|r| r.first() == Some(&test.key))
        .map(|r| cell(r, test.column)))
}

fn find<'w>(world: &'w World, at: &PanelRef) -> Result<&'w Panel, String> {
    panel(world, at).ok_or_else(|| format!("{} is not in this scenario", where_(at)))
}

fn cell(row: &[String], column: usize) -> &str {
    row.get(column).map_or("", String::as_str)
}

fn column_name(panel: &Panel, column: usize) -> &str {
    panel.columns.get(column).map_or("?", String::as_str)
}

fn where_(at: &PanelRef) -> String {
    format!("{}.{}", at.actor, at.panel)
}

fn quote(text: &str) -> String {
    format!("{text:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::frame::{ActorState, ActorStatus, PanelKind};
    use crate::sim::spec::Filter;

    fn world(rows: &[&[&str]]) -> World {
        World {
            actors: vec![ActorState {
                id: "o".into(),
                status: ActorStatus::Up,
                panels: vec![Panel {
                    id: "log".into(),
                    title: "Log".into(),
                    kind: PanelKind::Log,
                    columns: vec!["step".into(), "status".into()],
                    rows: rows
                        .iter()
                        .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                        .collect(),
                }],
            }],
            in_flight: vec![],
        }
    }

    fn at() -> PanelRef {
        PanelRef {
            actor: "o".into(),
            panel: "log".into(),
        }
    }

    fn status_is(values: &[&str]) -> Filter {
        Filter {
            cells: vec![(1, values.iter().map(|v| (*v).to_owned()).collect())],
        }
    }

    #[test]
    fn each_follows_needs_an_earlier_matching_entry() {
        let rule = Rule::EachFollows {
            at: at(),
            entry: status_is(&["undone"]),
            after: status_is(&["started"]),
            same: vec![0],
        };
        assert!(check(&rule, &world(&[&["pay", "started"], &["pay", "undone"]])).is_ok());
        assert!(check(&rule, &world(&[&["pay", "undone"], &["pay", "started"]])).is_err());
        assert!(check(&rule, &world(&[&["ship", "started"], &["pay", "undone"]])).is_err());
    }

    #[test]
    fn all_in_can_judge_only_the_latest_entry_per_key() {
        let values = vec!["committed".to_owned(), "undone".to_owned()];
        let latest = Rule::AllIn {
            at: at(),
            column: 1,
            values: values.clone(),
            latest_per: Some(0),
            filter: Filter::default(),
        };
        let every = Rule::AllIn {
            at: at(),
            column: 1,
            values,
            latest_per: None,
            filter: Filter::default(),
        };
        let log = world(&[
            &["pay", "started"],
            &["pay", "committed"],
            &["ship", "started"],
            &["ship", "undone"],
        ]);
        assert!(check(&latest, &log).is_ok());
        assert!(check(&every, &log).is_err());
        let stuck = world(&[&["pay", "committed"], &["ship", "started"]]);
        assert_eq!(
            check(&latest, &stuck),
            Err("\"ship\" ends with status \"started\", not one of committed, undone".into())
        );
    }

    #[test]
    fn unique_names_the_first_row_that_repeats_an_earlier_value() {
        let unique = Rule::Unique {
            at: at(),
            column: 0,
            filter: Filter::default(),
        };
        let twice = |rows: &[&[&str]]| check(&unique, &world(rows)).err();
        let expected = |value: &str| Some(format!("\"{value}\" appears twice in step of o.log"));
        assert_eq!(
            twice(&[&["a", "x"], &["b", "x"], &["b", "x"], &["a", "x"]]),
            expected("b")
        );
        assert_eq!(
            twice(&[&["b", "x"], &["a", "x"], &["b", "x"], &["a", "x"]]),
            expected("b")
        );
        assert_eq!(
            twice(&[&["c", "x"], &["a", "x"], &["a", "x"], &["c", "x"]]),
            expected("a")
        );
        assert_eq!(twice(&[&["a", "x"], &["b", "x"], &["c", "x"]]), None);
    }

    #[test]
    fn unique_count_and_subset() {
        let log = world(&[&["pay", "started"], &["pay", "committed"]]);
        assert!(
            check(
                &Rule::Unique {
                    at: at(),
                    column: 0,
                    filter: Filter::default()
                },
                &log
            )
            .is_err()
        );
        assert!(
            check(
                &Rule::Unique {
                    at: at(),
                    column: 0,
                    filter: status_is(&["committed"])
                },
                &log
            )
            .is_ok()
        );
        assert!(
            check(
                &Rule::CountAtMost {
                    at: at(),
                    max: 1,
                    filter: Filter::default()
                },
                &log
            )
            .is_err()
        );
        assert!(
            check(
                &Rule::CountAtMost {
                    at: at(),
                    max: 1,
                    filter: status_is(&["started"])
                },
                &log
            )
            .is_ok()
        );
        assert!(
            check(
                &Rule::Subset {
                    at: at(),
                    column: 0,
                    of: at(),
                    of_column: 0
                },
                &log
            )
            .is_ok()
        );
        assert!(
            check(
                &Rule::Subset {
                    at: at(),
                    column: 0,
                    of: at(),
                    of_column: 1
                },
                &log
            )
            .is_err()
        );
    }

    #[test]
    fn implies_checks_the_consequence_only_when_the_condition_holds() {
        let test = |key: &str, values: &[&str], or_absent| CellTest {
            at: at(),
            key: key.into(),
            column: 1,
            values: values.iter().map(|v| (*v).to_owned()).collect(),
            or_absent,
        };
        let rule = Rule::Implies {
            when: test("order", &["done"], false),
            then: vec![test("pay", &["paid"], false)],
        };
        assert!(check(&rule, &world(&[&["order", "open"]])).is_ok());
        assert!(check(&rule, &world(&[&["order", "done"], &["pay", "paid"]])).is_ok());
        let broken = check(&rule, &world(&[&["order", "done"]]));
        assert_eq!(
            broken,
            Err("o.log has no row \"pay\" while o.log \"order\" has status \"done\"".into())
        );
        let lenient = Rule::Implies {
            when: test("order", &["done"], false),
            then: vec![test("pay", &["paid"], true)],
        };
        assert!(check(&lenient, &world(&[&["order", "done"]])).is_ok());
    }

    #[test]
    fn number_at_most_judges_numbers_and_rejects_the_rest() {
        let rule = |max| Rule::NumberAtMost {
            at: at(),
            column: 1,
            max,
            filter: Filter::default(),
        };
        let waits = world(&[&["j1", "0"], &["j2", "5"]]);
        assert!(check(&rule(5), &waits).is_ok());
        assert_eq!(
            check(&rule(4), &waits),
            Err("\"j2\" has status \"5\", more than 4".into())
        );
        assert!(check(&rule(9), &world(&[&["j1", "soon"]])).is_err());
    }
}
