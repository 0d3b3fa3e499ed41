//! Reads typed fields out of a JSON value while remembering where it is, so
//! that a missing, empty or mistyped field becomes a [`CatalogError`] that
//! names the pattern and the field instead of a panic or a bare line number.

use serde_json::{Map, Value};

use super::error::CatalogError;

/// Collects errors for one pattern (or for the catalog root) while fields
/// are read from it.
pub struct Reader<'e> {
    pattern: Option<String>,
    errors: &'e mut Vec<CatalogError>,
}

impl<'e> Reader<'e> {
    /// A reader whose errors are attributed to `pattern` (`None` for the root).
    pub fn new(pattern: Option<String>, errors: &'e mut Vec<CatalogError>) -> Self {
        Self { pattern, errors }
    }

    /// Records an error at `field`.
    pub fn error(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(CatalogError {
            pattern: self.pattern.clone(),
            field: field.into(),
            message: message.into(),
        });
    }

    /// The value at `key` as an object, or an error.
    pub fn object<'v>(&mut self, value: &'v Value, field: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.error(field, format!("must be an object, found {}", kind(other)));
                None
            }
        }
    }

    /// A required field of `map`, or an error saying it is missing.
    pub fn required<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() || value == Some(&Value::Null) {
            self.error(join(path, key), "is missing");
            return None;
        }
        value
    }

    /// A required, non-blank string field.
    pub fn string(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let value = self.required(map, key, path)?;
        self.string_value(value, &join(path, key))
    }

    /// A non-blank string value at `field`.
    pub fn string_value(&mut self, value: &Value, field: &str) -> Option<String> {
        match value {
            Value::String(s) if s.trim().is_empty() => {
                self.error(field, "is empty");
                None
            }
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(field, format!("must be a string, found {}", kind(other)));
                None
            }
        }
    }

    /// A required, non-empty array field.
    pub fn array<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str) -> Option<&'v [Value]> {
        let value = self.required(map, key, path)?;
        let field = join(path, key);
        match value {
            Value::Array(items) if items.is_empty() => {
                self.error(field, "is empty");
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.error(field, format!("must be an array, found {}", kind(other)));
                None
            }
        }
    }

    /// A required, non-empty list of non-blank strings. Bad items are
    /// reported one by one and left out.
    pub fn strings(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<Vec<String>> {
        let items = self.array(map, key, path)?;
        let field = join(path, key);
        let strings: Vec<String> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string_value(item, &format!("{field}[{i}]")))
            .collect();
        (strings.len() == items.len()).then_some(strings)
    }

    /// A required non-negative whole number that fits in `u32`.
    pub fn number(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<u32> {
        let value = self.required(map, key, path)?;
        let field = join(path, key);
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.error(
                    field,
                    format!(
                        "must be a whole number from 0 to {}, found {}",
                        u32::MAX,
                        describe(value)
                    ),
                );
                None
            }
        }
    }
}

/// `path.key`, or just `key` at the top.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The JSON kind of a value, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A short rendering of a value for messages, cut to a readable length.
pub fn describe(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}
