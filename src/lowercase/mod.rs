//! Unicode lower-casing, small in code.
//!
//! `char::to_lowercase` brings the standard library's table of about 1,400
//! character pairs into the WebAssembly: about 11 KB of the gzipped module.
//! Most of those pairs come in runs, such as `A`–`Z` each lowering by 32 or
//! `Ā`–`Į` every second character lowering by 1. `build.rs` finds the runs
//! in the standard library's own mapping (`generate.rs`) and this module
//! looks characters up in them: under 200 runs, about 1 KB gzipped with
//! the code. The result is the same as `char::to_lowercase` for every
//! character, which the tests check one by one.

#[cfg(test)]
mod generate;

/// See [`generate::Run`], which this mirrors.
struct Run {
    first: u32,
    len: u16,
    stride: u8,
    delta: i32,
}

include!(concat!(env!("OUT_DIR"), "/lowercase_table.rs"));

/// Appends `c` in lower case to `out`.
pub fn push_lowercase(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some((_, lower)) = SEVERAL.iter().find(|(from, _)| *from == c) {
        out.push_str(lower);
    } else {
        out.push(lower_char(c));
    }
}

/// `text` in lower case, a character at a time: as `str::to_lowercase`
/// would give it, but for a capital sigma at the end of a Greek word, which
/// lowers to `σ` like any other capital sigma, not to `ς`.
pub fn to_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_lowercase(c, &mut out);
    }
    out
}

/// What a character that lowers to one character lowers to.
fn lower_char(c: char) -> char {
    let code = u32::from(c);
    let after = RUNS.partition_point(|run| run.first <= code);
    let Some(run) = after.checked_sub(1).map(|i| &RUNS[i]) else {
        return c;
    };
    let offset = code - run.first;
    let stride = u32::from(run.stride);
    if offset % stride != 0 || offset / stride >= u32::from(run.len) {
        return c;
    }
    code.checked_add_signed(run.delta).and_then(char::from_u32).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::generate::{lowercase_runs, lowercase_table_source};
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_lowers_it() {
        let mut out = String::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            out.clear();
            push_lowercase(c, &mut out);
            assert!(
                out.chars().eq(c.to_lowercase()),
                "{c:?} ({:#x}) lowered to {out:?}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn the_runs_are_in_order_and_apart() {
        let (runs, several) = lowercase_runs();
        assert!(runs.len() < 200, "{} runs", runs.len());
        assert!(runs.windows(2).all(|pair| pair[0].last() < pair[1].first));
        assert!(
            runs.iter()
                .all(|run| run.len >= 1 && (run.stride == 1 || run.stride == 2))
        );
        assert_eq!(several, [('\u{130}', "i\u{307}".to_owned())]);
    }

    #[test]
    fn the_table_built_in_is_the_one_the_generator_makes() {
        let built = include_str!(concat!(env!("OUT_DIR"), "/lowercase_table.rs"));
        assert_eq!(built, lowercase_table_source());
        let (runs, _) = lowercase_runs();
        assert_eq!(runs.len(), RUNS.len());
        assert!(runs.iter().zip(&RUNS).all(|(made, built)| {
            (made.first, made.len, made.stride, made.delta) == (built.first, built.len, built.stride, built.delta)
        }));
    }

    #[test]
    fn text_lowers_as_the_standard_library_lowers_it_but_for_final_sigma() {
        for text in [
            "Ça marche 🦀 Naïve-ÜBER",
            "ǅemal Ǆ",
            "İstanbul",
            "ΣΟΦΙΑ",
            "Ⓐ ℌ 𐐀",
            "ＡＢＣ",
            "",
        ] {
            assert_eq!(
                to_lowercase(text),
                text.chars().flat_map(char::to_lowercase).collect::<String>()
            );
        }
        assert_eq!(to_lowercase("ΟΔΟΣ"), "οδοσ");
        assert_eq!("ΟΔΟΣ".to_lowercase(), "οδος");
    }
}
