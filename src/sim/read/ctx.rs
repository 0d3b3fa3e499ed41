//! Field readers for the `simulation` section, on top of the catalog's
//! [`Reader`]: they remember whether anything failed, prefix every message
//! with the scenario being read, and accept the optional and possibly empty
//! lists simulations are full of.

use std::fmt::Display;

use serde_json::{Map, Value};

use crate::catalog::is_kebab_case;
use crate::catalog::reader::{Reader, describe, join, kind};

/// A reader for one simulation: errors go to the pattern's list.
pub struct Ctx<'r, 'e> {
    reader: &'r mut Reader<'e>,
    /// Put before every message, such as `scenario "happy": `.
    prefix: String,
    /// True once any error has been recorded.
    pub failed: bool,
}

impl<'r, 'e> Ctx<'r, 'e> {
    /// Reads on behalf of `reader`.
    pub fn new(reader: &'r mut Reader<'e>) -> Self {
        Self {
            reader,
            prefix: String::new(),
            failed: false,
        }
    }

    /// Records an error at `field`.
    pub fn error(&mut self, field: &str, message: impl Display) {
        self.failed = true;
        let message = format!("{}{message}", self.prefix);
        self.reader.error(field, message);
    }

    /// Runs `read` with messages prefixed by `scope: ` (such as `scenario "happy"`).
    pub fn scoped<T>(&mut self, scope: &str, read: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.prefix, format!("{scope}: "));
        let out = read(self);
        self.prefix = outer;
        out
    }

    /// The value as an object.
    pub fn object<'v>(&mut self, value: &'v Value, field: &str) -> Option<&'v Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.error(field, format!("must be an object, found {}", kind(other)));
                None
            }
        }
    }

    /// Reports every key of `map` not in `known` (a typo would otherwise be
    /// silently ignored).
    pub fn known_keys(&mut self, map: &Map<String, Value>, known: &[&str], path: &str) {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                self.error(
                    &join(path, key),
                    format!("is not a field here (fields: {})", known.join(", ")),
                );
            }
        }
    }

    /// A required field.
    pub fn required<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str) -> Option<&'v Value> {
        match map.get(key) {
            None | Some(Value::Null) => {
                self.error(&join(path, key), "is missing");
                None
            }
            value => value,
        }
    }

    /// A required, non-blank string.
    pub fn string(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let value = self.required(map, key, path)?;
        self.string_value(value, &join(path, key))
    }

    /// A non-blank string value.
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

    /// A required lower-case kebab-case id.
    pub fn id(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let id = self.string(map, key, path)?;
        if is_kebab_case(&id) {
            Some(id)
        } else {
            self.error(&join(path, key), format!("must be lower-case kebab-case, found {id:?}"));
            None
        }
    }

    /// A required whole number from 0 to `u32::MAX`.
    pub fn number(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Option<u32> {
        let value = self.required(map, key, path)?;
        let number = value.as_u64().and_then(|n| u32::try_from(n).ok());
        if number.is_none() {
            self.error(
                &join(path, key),
                format!(
                    "must be a whole number from 0 to {}, found {}",
                    u32::MAX,
                    describe(value)
                ),
            );
        }
        number
    }

    /// An optional boolean, false when absent.
    pub fn flag(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> bool {
        match map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(
                    &join(path, key),
                    format!("must be true or false, found {}", kind(other)),
                );
                false
            }
        }
    }

    /// An optional list, empty when absent.
    pub fn list<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str) -> &'v [Value] {
        match map.get(key) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.error(&join(path, key), format!("must be an array, found {}", kind(other)));
                &[]
            }
        }
    }

    /// A required, non-empty list.
    pub fn nonempty_list<'v>(&mut self, map: &'v Map<String, Value>, key: &str, path: &str) -> Option<&'v [Value]> {
        let value = self.required(map, key, path)?;
        match value {
            Value::Array(items) if items.is_empty() => {
                self.error(&join(path, key), "is empty");
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.error(&join(path, key), format!("must be an array, found {}", kind(other)));
                None
            }
        }
    }

    /// Strings of a list value (bad items are reported and left out).
    pub fn strings_of(&mut self, items: &[Value], field: &str) -> Vec<String> {
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.string_value(item, &format!("{field}[{i}]")))
            .collect()
    }

    /// An optional list of strings, empty when absent.
    pub fn strings(&mut self, map: &Map<String, Value>, key: &str, path: &str) -> Vec<String> {
        let items = self.list(map, key, path);
        self.strings_of(items, &join(path, key))
    }

    /// A required name from a fixed table, such as an event kind.
    pub fn name<T: Copy>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &str,
        what: &str,
        table: &[(&str, T)],
    ) -> Option<T> {
        let name = self.string(map, key, path)?;
        self.lookup(&name, &join(path, key), what, table)
    }

    /// The entry of `table` called `name`, or an error listing the names.
    pub fn lookup<T: Copy>(&mut self, name: &str, field: &str, what: &str, table: &[(&str, T)]) -> Option<T> {
        let found = table.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        if found.is_none() {
            let known: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            self.error(
                field,
                format!("names the unknown {what} {name:?} ({what}s: {})", known.join(", ")),
            );
        }
        found
    }
}
