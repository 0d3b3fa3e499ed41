//! Reads invariants: an id, a label, a kind from the generic library
//! ([`Rule`]) and the data that parameterises it, with every actor, panel
//! and column checked.

use serde_json::{Map, Value};

use super::ctx::Ctx;
use super::scope::{Scope, column, column_named};
use crate::catalog::reader::join;
use crate::sim::spec::{CellTest, Filter, InvariantSpec, PanelSpec, Rule};

#[derive(Clone, Copy)]
enum Kind {
    Unique,
    CountAtMost,
    AllIn,
    EachFollows,
    Subset,
    Implies,
    NumberAtMost,
}

const KINDS: [(&str, Kind); 7] = [
    ("unique", Kind::Unique),
    ("count_at_most", Kind::CountAtMost),
    ("all_in", Kind::AllIn),
    ("each_follows", Kind::EachFollows),
    ("subset", Kind::Subset),
    ("implies", Kind::Implies),
    ("number_at_most", Kind::NumberAtMost),
];

/// One invariant.
pub fn read_invariant(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str) -> Option<InvariantSpec> {
    let map = ctx.object(value, path)?;
    let id = ctx.id(map, "id", path);
    let label = ctx.string(map, "label", path);
    let at_end = ctx.flag(map, "at_end", path);
    let kind = ctx.name(map, "kind", path, "invariant kind", &KINDS)?;
    let specific: &[&str] = match kind {
        Kind::Unique => &["actor", "panel", "column", "where"],
        Kind::CountAtMost => &["actor", "panel", "max", "where"],
        Kind::AllIn => &["actor", "panel", "column", "values", "latest_per", "where"],
        Kind::EachFollows => &["actor", "panel", "entry", "after", "same"],
        Kind::Subset => &["actor", "panel", "column", "of"],
        Kind::Implies => &["if", "then"],
        Kind::NumberAtMost => &["actor", "panel", "column", "max", "where"],
    };
    let known: Vec<&str> = ["id", "label", "kind", "at_end"]
        .iter()
        .chain(specific)
        .copied()
        .collect();
    ctx.known_keys(map, &known, path);
    let rule = read_rule(ctx, scope, kind, map, path)?;
    Some(InvariantSpec {
        id: id?,
        label: label?,
        at_end,
        rule,
    })
}

fn read_rule(ctx: &mut Ctx, scope: Scope, kind: Kind, map: &Map<String, Value>, path: &str) -> Option<Rule> {
    if let Kind::Implies = kind {
        let when = ctx
            .required(map, "if", path)
            .and_then(|v| read_cell(ctx, scope, v, &join(path, "if")));
        let items = ctx.nonempty_list(map, "then", path)?;
        let then: Vec<CellTest> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| read_cell(ctx, scope, item, &format!("{}[{i}]", join(path, "then"))))
            .collect();
        return (then.len() == items.len()).then_some(Rule::Implies { when: when?, then });
    }
    let (at, panel) = scope.panel_ref(ctx, map, path)?;
    let filter = |ctx: &mut Ctx, key: &str| read_filter(ctx, panel, map.get(key), &join(path, key));
    Some(match kind {
        Kind::Unique => Rule::Unique {
            column: column(ctx, panel, map, "column", path)?,
            filter: filter(ctx, "where")?,
            at,
        },
        Kind::CountAtMost => Rule::CountAtMost {
            max: ctx.number(map, "max", path)?,
            filter: filter(ctx, "where")?,
            at,
        },
        Kind::AllIn => {
            let column = column(ctx, panel, map, "column", path);
            let values = ctx
                .nonempty_list(map, "values", path)
                .map(|v| ctx.strings_of(v, &join(path, "values")));
            let latest_per = match map.get("latest_per") {
                None | Some(Value::Null) => Some(None),
                Some(_) => super::scope::column(ctx, panel, map, "latest_per", path).map(Some),
            };
            let filter = filter(ctx, "where");
            Rule::AllIn {
                column: column?,
                values: values?,
                latest_per: latest_per?,
                filter: filter?,
                at,
            }
        }
        Kind::EachFollows => {
            let entry = filter(ctx, "entry");
            let after = filter(ctx, "after");
            let names = ctx.strings(map, "same", path);
            let same: Vec<usize> = names
                .iter()
                .enumerate()
                .filter_map(|(i, name)| column_named(ctx, panel, name, &format!("{}[{i}]", join(path, "same"))))
                .collect();
            if same.len() != names.len() {
                return None;
            }
            Rule::EachFollows {
                entry: entry?,
                after: after?,
                same,
                at,
            }
        }
        Kind::Subset => {
            let column = column(ctx, panel, map, "column", path);
            let of_path = join(path, "of");
            let of = ctx.required(map, "of", path).and_then(|v| ctx.object(v, &of_path));
            let of = of?;
            ctx.known_keys(of, &["actor", "panel", "column"], &of_path);
            let (of_ref, of_panel) = scope.panel_ref(ctx, of, &of_path)?;
            let of_column = super::scope::column(ctx, of_panel, of, "column", &of_path)?;
            Rule::Subset {
                column: column?,
                of: of_ref,
                of_column,
                at,
            }
        }
        Kind::NumberAtMost => {
            let column = column(ctx, panel, map, "column", path);
            let max = ctx.number(map, "max", path);
            Rule::NumberAtMost {
                column: column?,
                max: max?,
                filter: filter(ctx, "where")?,
                at,
            }
        }
        Kind::Implies => return None,
    })
}

/// `{"column": "value"}` or `{"column": ["a", "b"]}` conditions, all of
/// which must match; absent means every row.
pub(super) fn read_filter(ctx: &mut Ctx, panel: &PanelSpec, value: Option<&Value>, field: &str) -> Option<Filter> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Some(Filter::default());
    };
    let map = ctx.object(value, field)?;
    let mut cells = Vec::new();
    let mut ok = true;
    for (name, accepted) in map {
        let path = join(field, name);
        let column = column_named(ctx, panel, name, &path);
        let values = match accepted {
            Value::Array(items) if !items.is_empty() => {
                Some(ctx.strings_of(items, &path)).filter(|v| v.len() == items.len())
            }
            Value::Array(_) => {
                ctx.error(&path, "is empty");
                None
            }
            other => ctx.string_value(other, &path).map(|v| vec![v]),
        };
        match (column, values) {
            (Some(column), Some(values)) => cells.push((column, values)),
            _ => ok = false,
        }
    }
    ok.then_some(Filter { cells })
}

/// `{"actor", "panel", "key", "column", "in": [...], "or_absent": bool}`.
fn read_cell(ctx: &mut Ctx, scope: Scope, value: &Value, path: &str) -> Option<CellTest> {
    let map = ctx.object(value, path)?;
    ctx.known_keys(map, &["actor", "panel", "key", "column", "in", "or_absent"], path);
    let (at, panel) = scope.panel_ref(ctx, map, path)?;
    let key = ctx.string(map, "key", path);
    let column = column(ctx, panel, map, "column", path);
    let values = ctx
        .nonempty_list(map, "in", path)
        .map(|v| ctx.strings_of(v, &join(path, "in")));
    let or_absent = ctx.flag(map, "or_absent", path);
    Some(CellTest {
        at,
        key: key?,
        column: column?,
        values: values?,
        or_absent,
    })
}

/// The actors a rule looks at, to check a scenario shows them all.
pub fn actors_of(rule: &Rule) -> Vec<&str> {
    match rule {
        Rule::Unique { at, .. }
        | Rule::CountAtMost { at, .. }
        | Rule::AllIn { at, .. }
        | Rule::EachFollows { at, .. }
        | Rule::NumberAtMost { at, .. } => {
            vec![at.actor.as_str()]
        }
        Rule::Subset { at, of, .. } => vec![at.actor.as_str(), of.actor.as_str()],
        Rule::Implies { when, then } => std::iter::once(when).chain(then).map(|c| c.at.actor.as_str()).collect(),
    }
}
