//! Turns catalog JSON into a [`Catalog`], collecting every fault (with the
//! pattern and field it is in) rather than stopping at the first.

use std::collections::HashSet;

use serde_json::Value;

use super::error::{CatalogError, CatalogErrors};
use super::lazy_simulation::LazySimulation;
use super::locate::{locate, offset_of};
use super::model::{Catalog, Category, Pattern, Related, is_kebab_case};
use super::reader::{Reader, kind};
use crate::sim::spec::read_simulation;

/// Parses and validates a catalog. On failure every error found is returned.
pub fn parse_catalog(json: &str) -> Result<Catalog, CatalogErrors> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        let place = locate(json, offset_of(json, e.line(), e.column()));
        CatalogErrors(vec![CatalogError {
            pattern: place.pattern,
            field: place.field,
            message: format!("is not valid JSON: {e}"),
        }])
    })?;
    let mut errors = Vec::new();
    let catalog = read_root(&root, &mut errors);
    match catalog {
        Some(catalog) if errors.is_empty() => Ok(catalog),
        _ => Err(CatalogErrors(errors)),
    }
}

fn read_root(root: &Value, errors: &mut Vec<CatalogError>) -> Option<Catalog> {
    let mut reader = Reader::new(None, errors);
    let map = reader.object(root, "(root)")?;
    let categories = read_categories(&mut reader, map.get("categories"));
    let raw_patterns = reader.array(map, "patterns", "").unwrap_or_default();
    let patterns: Vec<Option<Pattern>> = raw_patterns
        .iter()
        .enumerate()
        .map(|(i, v)| read_pattern(i, v, errors))
        .collect();
    let patterns: Vec<Pattern> = patterns.into_iter().flatten().collect();
    let categories = categories?;
    check_cross_references(&categories, &patterns, errors);
    Some(Catalog { categories, patterns })
}

fn read_categories(reader: &mut Reader, value: Option<&Value>) -> Option<Vec<Category>> {
    let Some(Value::Array(items)) = value else {
        reader.error(
            "categories",
            match value {
                None | Some(Value::Null) => "is missing".to_owned(),
                Some(other) => format!("must be an array, found {}", kind(other)),
            },
        );
        return None;
    };
    if items.is_empty() {
        reader.error("categories", "is empty");
        return None;
    }
    let mut categories = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("categories[{i}]");
        let Some(map) = reader.object(item, &path) else {
            continue;
        };
        let slug = reader.string(map, "slug", &path);
        let name = reader.string(map, "name", &path);
        if let Some(slug) = &slug {
            if !is_kebab_case(slug) {
                reader.error(
                    format!("{path}.slug"),
                    format!("must be lower-case kebab-case, found {slug:?}"),
                );
            } else if categories.iter().any(|c: &Category| &c.slug == slug) {
                reader.error(format!("{path}.slug"), format!("repeats the category slug {slug:?}"));
            }
        }
        if let (Some(slug), Some(name)) = (slug, name) {
            categories.push(Category { slug, name });
        }
    }
    (categories.len() == items.len()).then_some(categories)
}

/// A label for messages: `"Saga" (saga)`, or whatever of the two can be read.
fn pattern_label(index: usize, value: &Value) -> String {
    let text = |key: &str| value.get(key).and_then(Value::as_str);
    label(index, text("name"), text("slug"))
}

/// The label of the pattern at `index` from its name and slug, if non-blank.
pub(super) fn label(index: usize, name: Option<&str>, slug: Option<&str>) -> String {
    let name = name.filter(|s| !s.trim().is_empty());
    let slug = slug.filter(|s| !s.trim().is_empty());
    match (name, slug) {
        (Some(name), Some(slug)) => format!("{name:?} ({slug})"),
        (Some(name), None) => format!("{name:?} (patterns[{index}])"),
        (None, Some(slug)) => format!("({slug})"),
        (None, None) => format!("patterns[{index}]"),
    }
}

fn read_pattern(index: usize, value: &Value, errors: &mut Vec<CatalogError>) -> Option<Pattern> {
    let mut r = Reader::new(Some(pattern_label(index, value)), errors);
    let map = r.object(value, "(pattern)")?;
    let slug = r.string(map, "slug", "");
    if let Some(slug) = &slug
        && !is_kebab_case(slug)
    {
        r.error("slug", format!("must be lower-case kebab-case, found {slug:?}"));
    }
    let name = r.string(map, "name", "");
    let category = r.string(map, "category", "");
    let tags = r.strings(map, "tags", "");
    if let Some(tags) = &tags {
        for (i, tag) in tags.iter().enumerate() {
            if !is_kebab_case(tag) {
                r.error(
                    format!("tags[{i}]"),
                    format!("must be lower-case kebab-case, found {tag:?}"),
                );
            } else if tags[..i].contains(tag) {
                r.error(format!("tags[{i}]"), format!("repeats the tag {tag:?}"));
            }
        }
    }
    let summary = r.string(map, "summary", "");
    let problem = r.string(map, "problem", "");
    let forces = r.strings(map, "forces", "");
    let solution = r.string(map, "solution", "");
    let how_it_works = r.strings(map, "how_it_works", "");
    let when_to_use = r.strings(map, "when_to_use", "");
    let when_not_to_use = r.strings(map, "when_not_to_use", "");
    let tradeoffs = r.strings(map, "tradeoffs", "");
    let related = read_related(&mut r, map.get("related"));
    let simulation = match map.get("simulation") {
        None | Some(Value::Null) => Some(None),
        Some(value) => read_simulation(&mut r, value).map(|spec| Some(LazySimulation::new(spec))),
    };
    Some(Pattern {
        slug: slug?,
        name: name?,
        category: category?,
        tags: tags?,
        summary: summary?,
        problem: problem?,
        forces: forces?,
        solution: solution?,
        how_it_works: how_it_works?,
        when_to_use: when_to_use?,
        when_not_to_use: when_not_to_use?,
        tradeoffs: tradeoffs?,
        related: related?,
        simulation: simulation?,
    })
}

fn read_related(r: &mut Reader, value: Option<&Value>) -> Option<Vec<Related>> {
    let items = match value {
        None | Some(Value::Null) => {
            r.error("related", "is missing");
            return None;
        }
        Some(Value::Array(items)) => items,
        Some(other) => {
            r.error("related", format!("must be an array, found {}", kind(other)));
            return None;
        }
    };
    let mut related = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("related[{i}]");
        let Some(map) = r.object(item, &path) else { continue };
        if let (Some(slug), Some(why)) = (r.string(map, "slug", &path), r.string(map, "why", &path)) {
            related.push(Related { slug, why });
        }
    }
    (related.len() == items.len()).then_some(related)
}

/// Checks that need the whole catalog: unique slugs and names, known
/// categories, related links that resolve and do not point at themselves.
fn check_cross_references(categories: &[Category], patterns: &[Pattern], errors: &mut Vec<CatalogError>) {
    let mut push = |p: &Pattern, field: &str, message: String| {
        errors.push(CatalogError {
            pattern: Some(format!("{:?} ({})", p.name, p.slug)),
            field: field.into(),
            message,
        });
    };
    let mut slugs = HashSet::new();
    let mut names = HashSet::new();
    for p in patterns {
        if !slugs.insert(p.slug.as_str()) {
            push(
                p,
                "slug",
                format!("repeats the slug {:?} of an earlier pattern", p.slug),
            );
        }
        if !names.insert(p.name.to_lowercase()) {
            push(
                p,
                "name",
                format!("repeats the name {:?} of an earlier pattern", p.name),
            );
        }
        if !categories.iter().any(|c| c.slug == p.category) {
            let known: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
            push(
                p,
                "category",
                format!(
                    "names the unknown category {:?} (known: {})",
                    p.category,
                    known.join(", ")
                ),
            );
        }
    }
    for p in patterns {
        for (i, link) in p.related.iter().enumerate() {
            if link.slug == p.slug {
                push(p, &format!("related[{i}].slug"), "links the pattern to itself".into());
            } else if !slugs.contains(link.slug.as_str()) {
                push(
                    p,
                    &format!("related[{i}].slug"),
                    format!("names {:?}, which is no pattern's slug", link.slug),
                );
            }
        }
    }
}
