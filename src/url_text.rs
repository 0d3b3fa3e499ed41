//! Percent-encoding and decoding of URL components, shared by the view URL
//! (`?q=…&tag=…`), the simulation URL (`?scenario=…&step=…`) and the route
//! (`/patterns/SLUG`). Pure and total: malformed escapes are kept as
//! written, and decoding stops early on huge input; query values replace
//! invalid UTF-8, path segments reject it.

use std::fmt::Write as _;

/// Decodes `%XX` escapes and `+` (a space), keeping malformed escapes as
/// they are. Stops once `max_bytes` bytes are decoded, so a huge value costs
/// no more than a long one; callers cut the result to their own limit.
pub fn decode(text: &str, max_bytes: usize) -> String {
    String::from_utf8_lossy(&decode_bytes(text, max_bytes, true)).into_owned()
}

/// Decodes one path segment: `%XX` escapes only (a `+` is a plus there),
/// keeping malformed escapes as they are. `None` when the result is not
/// UTF-8 or longer than `max_bytes`.
pub fn decode_path_segment(text: &str, max_bytes: usize) -> Option<String> {
    let bytes = decode_bytes(text, max_bytes.saturating_add(1), false);
    if bytes.len() > max_bytes {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// The bytes `text` stands for, at most `max_bytes` of them.
fn decode_bytes(text: &str, max_bytes: usize, plus_is_space: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len().min(max_bytes));
    let mut i = 0;
    while i < bytes.len() && out.len() < max_bytes {
        match bytes[i] {
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b'%' => match (bytes.get(i + 1).and_then(hex), bytes.get(i + 2).and_then(hex)) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Appends `value` to `out`, percent-encoding every byte except ASCII
/// letters, digits, `-._~` and the bytes in `also_keep`.
pub fn encode_into(out: &mut String, value: &str, also_keep: &[u8]) {
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || also_keep.contains(&b) {
            out.push(char::from(b));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{b:02X}");
        }
    }
}

fn hex(b: &u8) -> Option<u8> {
    char::from(*b).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_plus_and_utf8() {
        assert_eq!(decode("a+b%20c%C3%A9", 100), "a b cé");
    }

    #[test]
    fn keeps_malformed_escapes_and_replaces_bad_utf8() {
        assert_eq!(decode("100%", 100), "100%");
        assert_eq!(decode("%zz%4", 100), "%zz%4");
        assert_eq!(decode("%FF", 100), "\u{FFFD}");
    }

    #[test]
    fn stops_at_the_byte_limit() {
        assert_eq!(decode(&"a".repeat(1_000_000), 10).len(), 10);
    }

    #[test]
    fn a_path_segment_keeps_plus_and_rejects_bad_utf8_or_excess_length() {
        assert_eq!(decode_path_segment("a+b%20c%C3%A9", 100).as_deref(), Some("a+b cé"));
        assert_eq!(decode_path_segment("100%", 100).as_deref(), Some("100%"));
        assert_eq!(decode_path_segment("%FF", 100), None);
        assert_eq!(decode_path_segment("%C3", 100), None);
        assert_eq!(decode_path_segment("abcd", 4).as_deref(), Some("abcd"));
        assert_eq!(decode_path_segment("abcde", 4), None);
        assert_eq!(decode_path_segment("%61%62%63%64%65", 4), None);
        assert_eq!(decode_path_segment(&"a".repeat(1_000_000), 256), None);
    }

    #[test]
    fn encodes_all_but_unreserved_and_the_kept_bytes() {
        let mut out = String::new();
        encode_into(&mut out, "a b:c/é", b":");
        assert_eq!(out, "a%20b:c%2F%C3%A9");
        assert_eq!(decode(&out, 100), "a b:c/é");
    }
}
