//! Catalog mutation: the shipped catalog, changed at random (keys dropped,
//! array items duplicated, values retyped, strings swapped for ids from
//! elsewhere, the text truncated), never makes validation panic, and every
//! rejection names the field and, for anything inside a pattern, the pattern.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use patterns_forged::catalog::{self, Catalog, CatalogErrors, is_kebab_case, parse_catalog};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The shipped catalog as a JSON tree.
static BASE: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(catalog::EMBEDDED_JSON).expect("the shipped catalog is JSON"));

/// The shipped catalog pretty-printed, as authors see it.
static PRETTY: LazyLock<String> = LazyLock::new(|| serde_json::to_string_pretty(&*BASE).expect("a tree serialises"));

/// Every id-like string of the shipped catalog (slugs, actor ids, panel
/// names...), for swapping one id for another that exists elsewhere.
static IDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    fn collect(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) if s.len() <= 40 && is_kebab_case(s) && !out.contains(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            Value::Object(map) => map.values().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut ids = Vec::new();
    collect(&BASE, &mut ids);
    ids
});

/// One step of a path into the tree.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// What to do at the end of a path.
#[derive(Debug, Clone)]
enum Op {
    /// Remove the value from its object or array.
    Drop,
    /// Duplicate the value if it is an array item, else an item of it if it is an array.
    Duplicate,
    /// Replace the value by another of (usually) another type.
    Retype(Value),
    /// Replace the value by an id-like string found elsewhere in the catalog.
    SwapId(usize),
}

/// Where a mutation goes: a random walk chosen by `steps`, starting inside
/// `patterns[k].simulation` when `into_simulation` holds.
#[derive(Debug, Clone)]
struct Mutation {
    into_simulation: bool,
    steps: Vec<usize>,
    op: Op,
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(u64::MAX)),
        Just(json!(u32::MAX)),
        Just(json!(u32::MAX - 1)),
        (0..=u64::from(u32::MAX)).prop_map(|n| json!(n)),
        (0..64_u64).prop_map(|n| json!(n)),
        Just(json!(i64::MIN)),
        Just(json!(1e308)),
        Just(json!(-1e308)),
        Just(json!(0.5)),
        Just(json!(4_294_967_296_u64)),
        Just(json!("")),
        Just(json!("   ")),
        Just(json!("x".repeat(20_000))),
        Just(json!("ünïcødé 🦀 \u{202e}ǅ\u{0} ⟨⟩")),
        Just(json!("12")),
        "\\PC{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!([null])),
        Just(json!([1, "a", true])),
        Just(json!({})),
        Just(json!({ "x": 1 })),
        Just(json!([[[[[[[[]]]]]]]])),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Drop),
        2 => Just(Op::Duplicate),
        4 => replacement().prop_map(Op::Retype),
        2 => any::<usize>().prop_map(Op::SwapId),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (any::<bool>(), prop::collection::vec(any::<usize>(), 0..=12), op()).prop_map(|(into_simulation, steps, op)| {
        Mutation {
            into_simulation,
            steps,
            op,
        }
    })
}

/// The step from `value` to its child chosen by `choice`, if it has children.
fn child(value: &Value, choice: usize) -> Option<Seg> {
    match value {
        Value::Array(items) if !items.is_empty() => Some(Seg::Index(choice % items.len())),
        Value::Object(map) if !map.is_empty() => map.keys().nth(choice % map.len()).cloned().map(Seg::Key),
        _ => None,
    }
}

fn get<'v>(value: &'v Value, seg: &Seg) -> Option<&'v Value> {
    match seg {
        Seg::Key(key) => value.get(key),
        Seg::Index(i) => value.get(i),
    }
}

fn get_mut<'v>(value: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(key) => v.get_mut(key),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// The path a mutation walks in `root` (the tree as already mutated).
fn walk(root: &Value, m: &Mutation) -> Vec<Seg> {
    let mut path = Vec::new();
    let mut node = root;
    let mut steps = m.steps.iter().copied();
    if m.into_simulation
        && let Some(patterns) = root.get("patterns").and_then(Value::as_array)
        && !patterns.is_empty()
    {
        let i = steps.next().unwrap_or(0) % patterns.len();
        if let Some(sim) = patterns[i].get("simulation") {
            path = vec![
                Seg::Key("patterns".into()),
                Seg::Index(i),
                Seg::Key("simulation".into()),
            ];
            node = sim;
        }
    }
    for choice in steps {
        let Some(seg) = child(node, choice) else { break };
        node = get(node, &seg).expect("the child just chosen");
        path.push(seg);
    }
    path
}

/// Applies `m` to `root`; returns the path it touched.
fn apply(root: &mut Value, m: &Mutation) -> Vec<Seg> {
    let path = walk(root, m);
    match &m.op {
        Op::Drop => {
            if let Some((last, parent)) = path.split_last()
                && let Some(parent) = get_mut(root, parent)
            {
                match (last, parent) {
                    (Seg::Key(key), Value::Object(map)) => {
                        map.remove(key);
                    }
                    (Seg::Index(i), Value::Array(items)) => {
                        items.remove(*i);
                    }
                    _ => unreachable!("the path was walked in this tree"),
                }
            }
        }
        Op::Duplicate => match path.split_last() {
            Some((Seg::Index(i), parent)) => {
                if let Some(Value::Array(items)) = get_mut(root, parent) {
                    let copy = items[*i].clone();
                    items.insert(*i, copy);
                }
            }
            _ => {
                if let Some(Value::Array(items)) = get_mut(root, &path)
                    && let Some(first) = items.first().cloned()
                {
                    items.push(first);
                }
            }
        },
        Op::Retype(value) => {
            if let Some(target) = get_mut(root, &path) {
                *target = value.clone();
            }
        }
        Op::SwapId(choice) => {
            if let Some(target) = get_mut(root, &path) {
                *target = Value::String(IDS[choice % IDS.len()].clone());
            }
        }
    }
    path
}

/// True when the path is `patterns[i]` or inside it.
fn inside_a_pattern(path: &[Seg]) -> bool {
    matches!(path, [Seg::Key(key), Seg::Index(_), ..] if key == "patterns")
}

/// Parses `text`, turning a panic into a test failure that shows `what`.
fn parse_without_panic(
    text: &str,
    what: &dyn std::fmt::Debug,
) -> Result<Result<Catalog, CatalogErrors>, TestCaseError> {
    catch_unwind(AssertUnwindSafe(|| parse_catalog(text)))
        .map_err(|_| TestCaseError::fail(format!("parse_catalog panicked on {what:?}")))
}

/// The keys of the root object, whose faults name no pattern.
fn top_keys(tree: &Value) -> Vec<String> {
    let mut keys = vec![
        "(file)".to_owned(),
        "(root)".into(),
        "categories".into(),
        "patterns".into(),
    ];
    keys.extend(tree.as_object().into_iter().flat_map(|map| map.keys().cloned()));
    keys
}

/// Every error has a field and a message, and names a pattern unless it is
/// about the file, the root or a top-level key (`categories`, `patterns`, or
/// one a mutation put in the root): `top`.
fn check_errors(errors: &CatalogErrors, top: &[String], what: &dyn std::fmt::Debug) -> Result<(), TestCaseError> {
    prop_assert!(!errors.0.is_empty(), "a rejection without errors for {:?}", what);
    for e in &errors.0 {
        prop_assert!(!e.field.trim().is_empty(), "no field in {} for {:?}", e, what);
        prop_assert!(!e.message.trim().is_empty(), "no message in {} for {:?}", e, what);
        if let Some(pattern) = &e.pattern {
            prop_assert!(!pattern.trim().is_empty(), "a blank pattern in {} for {:?}", e, what);
        } else {
            let top = top.iter().any(|t| {
                e.field == *t || e.field.starts_with(&format!("{t}[")) || e.field.starts_with(&format!("{t}."))
            });
            prop_assert!(
                top,
                "an error outside the top level names no pattern: {} for {:?}",
                e,
                what
            );
        }
    }
    Ok(())
}

fn check_tree(mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let mut tree = BASE.clone();
    let paths: Vec<Vec<Seg>> = mutations.iter().map(|m| apply(&mut tree, m)).collect();
    let what = (mutations, &paths);
    match parse_without_panic(&tree.to_string(), &what)? {
        Ok(catalog) => {
            let expected = tree["patterns"].as_array().map_or(0, Vec::len);
            prop_assert_eq!(catalog.patterns.len(), expected, "{:?}", what);
            prop_assert_eq!(
                catalog.categories.len(),
                tree["categories"].as_array().map_or(0, Vec::len)
            );
        }
        Err(errors) => {
            check_errors(&errors, &top_keys(&tree), &what)?;
            prop_assert!(
                errors.0.iter().all(|e| e.field != "(file)"),
                "a serialised tree is valid JSON: {} for {:?}",
                errors,
                what
            );
            if paths.iter().all(|p| inside_a_pattern(p)) {
                for e in &errors.0 {
                    prop_assert!(
                        e.pattern.is_some(),
                        "an error caused inside a pattern names none: {} for {:?}",
                        e,
                        what
                    );
                }
            }
        }
    }
    Ok(())
}

/// The shipped catalog, pretty-printed as authors see it, cut at `cut`
/// (a fraction of its length, moved back to a char boundary).
fn check_truncated(mutation: Option<&Mutation>, cut: f64) -> Result<(), TestCaseError> {
    let mutated = mutation.map(|m| {
        let mut tree = BASE.clone();
        apply(&mut tree, m);
        (
            serde_json::to_string_pretty(&tree).expect("a tree serialises"),
            top_keys(&tree),
        )
    });
    let top = mutated.as_ref().map_or_else(|| top_keys(&BASE), |(_, top)| top.clone());
    let mutated = mutated.map(|(text, _)| text);
    let text = mutated.as_deref().unwrap_or(&PRETTY);
    // Whitespace after the last `}` keeps the JSON valid: cut before it.
    let end = text.trim_end().len();
    let mut at = ((end as f64 * cut) as usize).min(end - 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let prefix = &text[..at];
    let what = (mutation, at, prefix.get(at.saturating_sub(60)..).unwrap_or(""));
    let errors = parse_without_panic(prefix, &what)?.err();
    let errors = errors.ok_or_else(|| TestCaseError::fail(format!("a truncated catalog was accepted: {what:?}")))?;
    if !errors.0[0].message.contains("is not valid JSON") {
        // Still JSON: only a mutated root (`18446744073709551615` cut to
        // `18446`) can be, and it is an ordinary rejection.
        prop_assert!(mutation.is_some(), "{} for {:?}", errors, what);
        return check_errors(&errors, &top, &what);
    }
    check_errors(&errors, &top, &what)?;
    prop_assert_eq!(errors.0.len(), 1, "{:?}", what);
    let e = &errors.0[0];
    prop_assert!(e.message.contains("is not valid JSON"), "{} for {:?}", e, what);
    prop_assert!(
        e.message.contains(" line ") && e.message.contains(" column "),
        "no line and column in {} for {:?}",
        e,
        what
    );
    // Cut inside one of the shipped patterns (from just after its `{` to
    // its closing line in the pretty text, after `"patterns": [`), the
    // error names that pattern. A cut in the indentation before the `{`
    // has not started the pattern yet.
    let in_pattern = text.find("\"patterns\": [").is_some_and(|start| {
        let opens = text[start..]
            .match_indices("\n    {")
            .map(|(i, _)| start + i + "\n    ".len());
        let closes = text[start..].match_indices("\n    }").map(|(i, _)| start + i + 1);
        opens.zip(closes).any(|(open, close)| open < at && at <= close)
    });
    if in_pattern && mutation.is_none() {
        prop_assert!(
            e.pattern.is_some(),
            "a cut inside a pattern names none: {} for {:?}",
            e,
            what
        );
    }
    Ok(())
}

/// `default` cases, or `PROPTEST_CASES` when set (for a longer hunt).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1200), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_catalogs_are_rejected_with_pattern_and_field(
        mutations in prop::collection::vec(mutation(), 1..=3)
    ) {
        check_tree(&mutations)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(900), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn truncated_catalogs_are_rejected_with_line_and_column(
        mutation in prop::option::weighted(0.25, mutation()),
        cut in 0.0..1.0_f64,
    ) {
        check_truncated(mutation.as_ref(), cut)?;
    }
}

#[test]
fn a_dropped_pattern_still_leaves_a_parseable_catalog_or_named_errors() {
    // A fixed example of the property above, easy to read when it fails.
    let mut tree = BASE.clone();
    tree["patterns"].as_array_mut().expect("patterns").remove(0);
    match parse_catalog(&tree.to_string()) {
        Ok(catalog) => assert_eq!(catalog.patterns.len(), 7),
        Err(errors) => assert!(errors.0.iter().all(|e| e.pattern.is_some()), "{errors}"),
    }
}

#[test]
fn a_cut_just_before_or_after_a_patterns_brace() {
    // Found by the property above: a cut in the indentation before a
    // pattern's `{` is between patterns, so no pattern can be named; one
    // just after the `{` names the pattern by its position.
    let text = &*PRETTY;
    let start = text.find("\"patterns\": [").expect("patterns");
    let brace = start
        + text[start..]
            .match_indices("\n    {")
            .nth(6)
            .expect("a seventh pattern")
            .0
        + "\n    ".len();
    let before = parse_catalog(&text[..brace - 1]).expect_err("truncated JSON");
    assert_eq!(before.0[0].pattern, None, "{before}");
    let after = parse_catalog(&text[..=brace]).expect_err("truncated JSON");
    assert_eq!(after.0[0].pattern.as_deref(), Some("patterns[6]"), "{after}");
}

#[test]
fn a_cut_inside_a_pattern_names_it_and_the_field() {
    // Found by the property above before syntax errors were located.
    let text = &*PRETTY;
    let at = text.find("OutOfStock to Payment").expect("a sentence of the saga");
    let errors = parse_catalog(&text[..at]).expect_err("truncated JSON");
    let e = &errors.0[0];
    // Serialised keys are sorted, so `name` is read but `slug` is not yet.
    assert_eq!(e.pattern.as_deref(), Some("\"Saga\" (patterns[6])"), "{errors}");
    assert!(
        e.field.starts_with("simulation.scenarios[") && e.field.ends_with(".narration"),
        "{errors}"
    );
    assert!(
        e.message.contains(" line ") && e.message.contains(" column "),
        "{errors}"
    );
}
