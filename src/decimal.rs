//! Numbers as decimal text and back, for the few places the app shows or
//! reads a fraction: simulation charts, diagram coordinates, the speed
//! picker and numeric table cells.
//!
//! Rust's own float formatting and parsing (`{:.2}`, `str::parse::<f64>`)
//! are exact for every input, and for that carry about 40 KB of code and
//! tables into the WebAssembly. The app only ever needs a value rounded to
//! a few decimals, or a plain decimal such as `12`, `-3` or `0.75` read
//! back, which integer arithmetic does in a few hundred bytes.

/// Most decimals [`fixed`] writes; more would overflow its integer.
pub const MAX_DECIMALS: u32 = 6;

/// `value` rounded to `decimals` places (at most [`MAX_DECIMALS`]), half
/// away from zero, with exactly that many digits after the point and none
/// when `decimals` is 0: `fixed(2.345, 1)` is `"2.3"`, `fixed(3.0, 2)` is
/// `"3.00"`. Minus zero is written `0`. Once scaled by `10^decimals`,
/// values past the range of an `i64` (about 9.2e18), infinities included,
/// are written as that range's bound, and NaN as zero: never `inf` or
/// `NaN`.
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(MAX_DECIMALS);
    let scale = 10u64.pow(decimals);
    // Float to integer casts saturate, and NaN becomes 0.
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let (whole, fraction) = (magnitude / scale, magnitude % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = decimals as usize)
    }
}

/// A plain decimal: an optional sign, digits, and an optional point with
/// more digits (`12`, `-3`, `+0.5`, `.75`, `4.`), nothing before or after.
/// `None` for anything else, such as exponents, `inf`, an empty text, or
/// a number too large for an `f64`.
/// The first 18 significant digits are read, the rest dropped; up to 15
/// significant digits and 22 decimals the result is the nearest `f64`,
/// exactly as `str::parse` gives it.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut scale = 1.0_f64;
    let mut significant = 0;
    for (i, b) in whole.bytes().chain(fraction.bytes()).enumerate() {
        let in_fraction = i >= whole.len();
        if significant < 18 {
            mantissa = mantissa * 10 + u64::from(b - b'0');
            significant += usize::from(mantissa > 0);
            if in_fraction {
                scale *= 10.0;
            }
        } else if !in_fraction {
            // Past 18 digits, whole digits still count as powers of ten.
            scale /= 10.0;
        }
    }
    let value = mantissa as f64 / scale;
    value.is_finite().then_some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_the_decimals_asked_for() {
        assert_eq!(fixed(2.345, 1), "2.3");
        assert_eq!(fixed(2.35, 1), "2.4");
        assert_eq!(fixed(0.666_666, 2), "0.67");
        assert_eq!(fixed(3.0, 2), "3.00");
        assert_eq!(fixed(7.5, 0), "8");
        assert_eq!(fixed(114.0, 1), "114.0");
        assert_eq!(fixed(0.05, 1), "0.1");
    }

    #[test]
    fn negative_values_keep_their_sign_but_minus_zero_does_not() {
        assert_eq!(fixed(-8.25, 1), "-8.3");
        assert_eq!(fixed(-0.5, 0), "-1");
        assert_eq!(fixed(-0.0, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0");
    }

    #[test]
    fn values_that_are_not_finite_are_never_written_as_words() {
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(f64::INFINITY, 0), i64::MAX.to_string());
        assert_eq!(fixed(f64::NEG_INFINITY, 0), i64::MIN.to_string());
    }

    #[test]
    fn decimals_past_the_limit_are_capped() {
        assert_eq!(fixed(1.0, 40), "1.000000");
    }

    #[test]
    fn agrees_with_rusts_formatting_on_the_values_the_app_writes() {
        for i in 0..=20_000 {
            let value = f64::from(i) / 64.0;
            for decimals in 0..=2 {
                let ours = fixed(value, decimals);
                let rust = format!("{value:.prec$}", prec = decimals as usize);
                // Rust rounds exact halves to even; we round them away from zero.
                let scaled = value * 10f64.powi(decimals as i32);
                if scaled.fract() != 0.5 {
                    assert_eq!(ours, rust, "{value} to {decimals} decimals");
                }
            }
        }
    }

    #[test]
    fn reads_plain_decimals() {
        assert_eq!(parse("12"), Some(12.0));
        assert_eq!(parse("-3"), Some(-3.0));
        assert_eq!(parse("+0.5"), Some(0.5));
        assert_eq!(parse(".75"), Some(0.75));
        assert_eq!(parse("4."), Some(4.0));
        assert_eq!(parse("0"), Some(0.0));
        assert_eq!(parse("007"), Some(7.0));
    }

    #[test]
    fn reads_the_same_value_as_rust_for_short_decimals() {
        for text in [
            "0.1",
            "0.2",
            "0.3",
            "1.5",
            "99.99",
            "12345.678",
            "0.000001",
            "2",
            "4",
            "0.5",
            "100",
        ] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
    }

    #[test]
    fn long_numbers_keep_their_magnitude() {
        let value = parse("123456789012345678901234").expect("digits");
        assert!((value / 1.234_567_890_123_456_8e23 - 1.0).abs() < 1e-12, "{value}");
        let small = parse("0.1234567890123456789999").expect("digits");
        assert!((small - 0.123_456_789_012_345_67).abs() < 1e-15, "{small}");
    }

    #[test]
    fn numbers_too_large_for_a_float_are_rejected() {
        assert_eq!(parse(&"9".repeat(400)), None);
        assert_eq!(parse(&"9".repeat(300)).map(f64::is_finite), Some(true));
    }

    #[test]
    fn rejects_anything_else() {
        for text in [
            "", "-", "+", ".", "-.", "1e3", "inf", "NaN", "1.2.3", " 1", "1 ", "1,5", "0x10", "١٢",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
