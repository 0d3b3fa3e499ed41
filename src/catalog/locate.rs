//! Says where a JSON syntax error is in catalog terms: which pattern and
//! which field the text was in when it stopped being JSON. Best effort: it
//! scans the text before the error, tracking only nesting, keys and the
//! pattern's `slug` and `name`, so it works on text the parser rejected.

use super::parse::label;

/// The pattern (labelled like other errors) and field at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// `"Saga" (saga)` or what of it could be read; `None` outside `patterns[i]`.
    pub pattern: Option<String>,
    /// Path inside the pattern (or the catalog), such as `simulation.actors[2].id`;
    /// `(file)` when there is none.
    pub field: String,
}

/// One open container in the text before the error.
enum Frame {
    /// An object and the last key read in it.
    Object(Option<String>),
    /// An array and the index of the item being read.
    Array(usize),
}

/// The byte offset of 1-based `line` and `column` (as `serde_json` counts
/// them: bytes from the line's start) in `text`, clamped to its length.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start.saturating_add(column).min(text.len())
}

/// Where the byte `offset` of `text` falls in the catalog.
pub fn locate(text: &str, offset: usize) -> Place {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut string_start = None;
    let mut escaped = false;
    let mut after_colon = false;
    let (mut slug, mut name) = (None, None);
    for (i, &byte) in bytes.iter().enumerate() {
        if let Some(start) = string_start {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    string_start = None;
                    // Both ends are ASCII quotes, so these are char boundaries.
                    let raw = &text[start..=i];
                    let s = serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    let pattern_level = stack.len() == 3 && in_pattern(&stack[..2]);
                    match stack.last_mut() {
                        Some(Frame::Object(key)) if !after_colon => *key = Some(s),
                        Some(Frame::Object(Some(key))) if pattern_level => match key.as_str() {
                            "slug" => slug = Some(s),
                            "name" => name = Some(s),
                            _ => {}
                        },
                        _ => {}
                    }
                    after_colon = false;
                }
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => string_start = Some(i),
            b':' => after_colon = true,
            b',' => {
                after_colon = false;
                if let Some(Frame::Array(index)) = stack.last_mut() {
                    *index += 1;
                }
            }
            b'{' | b'[' => {
                after_colon = false;
                if byte == b'{' && in_pattern(&stack) {
                    (slug, name) = (None, None);
                }
                stack.push(if byte == b'{' {
                    Frame::Object(None)
                } else {
                    Frame::Array(0)
                });
            }
            b'}' | b']' => {
                after_colon = false;
                stack.pop();
            }
            _ => {}
        }
    }
    let (pattern, inner) = match stack.get(1) {
        Some(Frame::Array(index)) if stack.len() > 2 && in_pattern(&stack[..2]) => {
            (Some(label(*index, name.as_deref(), slug.as_deref())), &stack[2..])
        }
        _ => (None, &stack[..]),
    };
    let mut field = String::new();
    for frame in inner {
        match frame {
            Frame::Object(Some(key)) if field.is_empty() => field.push_str(key),
            Frame::Object(Some(key)) => {
                field.push('.');
                field.push_str(key);
            }
            Frame::Object(None) => break,
            Frame::Array(index) => field.push_str(&format!("[{index}]")),
        }
    }
    if field.is_empty() || field.starts_with('[') {
        field = "(file)".into();
    }
    Place { pattern, field }
}

/// True when `stack` is the root object's `patterns` array, so that the
/// next object opened is a pattern.
fn in_pattern(stack: &[Frame]) -> bool {
    matches!(stack, [Frame::Object(Some(key)), Frame::Array(_)] if key == "patterns")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place of the end of `text`.
    fn at_end(text: &str) -> Place {
        locate(text, text.len())
    }

    #[test]
    fn names_the_pattern_and_the_field_being_read() {
        let text =
            r#"{"categories": [], "patterns": [{"slug": "a"}, {"slug": "saga", "name": "Saga", "solution": "Coordi"#;
        assert_eq!(
            at_end(text),
            Place {
                pattern: Some("\"Saga\" (saga)".into()),
                field: "solution".into()
            }
        );
    }

    #[test]
    fn gives_the_path_inside_a_simulation() {
        let text =
            r#"{"patterns": [{"slug": "saga", "simulation": {"scenarios": [{"id": "x"}, {"steps": [1, 2, {"to": tru"#;
        let place = at_end(text);
        assert_eq!(place.pattern.as_deref(), Some("(saga)"));
        assert_eq!(place.field, "simulation.scenarios[1].steps[2].to");
    }

    #[test]
    fn falls_back_to_the_index_before_the_slug_is_read() {
        let place = at_end(r#"{"patterns": [{"slug": "a"}, {"tags": ["x", "#);
        assert_eq!(place.pattern.as_deref(), Some("patterns[1]"));
        assert_eq!(place.field, "tags[1]");
    }

    #[test]
    fn does_not_carry_a_slug_into_the_next_pattern() {
        let place = at_end(r#"{"patterns": [{"slug": "a", "name": "A"}, {"problem": "#);
        assert_eq!(place.pattern.as_deref(), Some("patterns[1]"));
        assert_eq!(place.field, "problem");
    }

    #[test]
    fn ignores_slugs_deeper_than_the_pattern_and_brackets_in_strings() {
        let place = at_end(r#"{"patterns": [{"related": [{"slug": "cqrs", "why": "a } ] \" {"}], "x": "#);
        assert_eq!(place.pattern.as_deref(), Some("patterns[0]"));
        assert_eq!(place.field, "x");
    }

    #[test]
    fn outside_a_pattern_names_the_catalog_field_or_the_file() {
        assert_eq!(at_end(r#"{"categories": [{"slug": "#).field, "categories[0].slug");
        assert_eq!(at_end(r#"{"categories": [{"slug": "#).pattern, None);
        assert_eq!(at_end(r#"{"patterns": [{"slug": "a"}, "#).pattern, None);
        assert_eq!(at_end("").field, "(file)");
        assert_eq!(at_end("[[[").field, "(file)");
        assert_eq!(at_end("{").field, "(file)");
    }

    #[test]
    fn survives_odd_text_and_offsets() {
        for text in ["}}]]", "\"", "\\", "{\"a\\", "{\"é\": \"ü", "{:::,,,"] {
            for offset in 0..=text.len() + 2 {
                let place = locate(text, offset);
                assert!(!place.field.is_empty(), "{text:?} at {offset}");
            }
        }
    }

    #[test]
    fn parse_catalog_names_pattern_and_field_of_a_syntax_error() {
        let json = crate::catalog::EMBEDDED_JSON;
        let saga = json.find("\"name\": \"Saga\"").expect("saga in the shipped catalog");
        let cut = saga + json[saga..].find("\"solution\": \"").expect("saga's solution") + 20;
        let errors = crate::catalog::parse_catalog(&json[..cut]).expect_err("truncated JSON");
        let text = errors.to_string();
        assert!(
            text.contains("pattern \"Saga\" (saga), field `solution`: is not valid JSON"),
            "{text}"
        );
        assert!(text.contains(" line ") && text.contains(" column "), "{text}");
    }

    #[test]
    fn offset_of_counts_lines_and_columns() {
        let text = "ab\ncdé\nf";
        assert_eq!(offset_of(text, 1, 1), 1);
        assert_eq!(offset_of(text, 2, 2), 5);
        assert_eq!(offset_of(text, 9, 9), text.len());
        assert_eq!(offset_of(text, 0, 0), 0);
    }
}
