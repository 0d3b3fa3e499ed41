//! Percent-encoding and decoding of URL query components, shared by the
//! view URL (`?q=…&tag=…`) and the simulation URL (`?scenario=…&step=…`).
//! Pure and total: malformed escapes are kept as written, invalid UTF-8 is
//! replaced, and decoding stops early on huge input.

use std::fmt::Write as _;

/// Decodes `%XX` escapes and `+` (a space), keeping malformed escapes as
/// they are. Stops once `max_bytes` bytes are decoded, so a huge value costs
/// no more than a long one; callers cut the result to their own limit.
pub fn decode(text: &str, max_bytes: usize) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len().min(max_bytes));
    let mut i = 0;
    while i < bytes.len() && out.len() < max_bytes {
        match bytes[i] {
            b'+' => {
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
    String::from_utf8_lossy(&out).into_owned()
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
    fn encodes_all_but_unreserved_and_the_kept_bytes() {
        let mut out = String::new();
        encode_into(&mut out, "a b:c/é", b":");
        assert_eq!(out, "a%20b:c%2F%C3%A9");
        assert_eq!(decode(&out, 100), "a b:c/é");
    }
}
