//! The encodings of the building blocks the catalog is made of: numbers,
//! booleans, strings, lists, options and pairs.

use super::Wire;
use super::error::Problem;
use super::input::Input;

/// Appends `value` as unsigned LEB128.
pub fn put_number(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a one-byte tag below `count` (0 once the input has failed, as it
/// does on a tag that names nothing).
pub fn tag(input: &mut Input<'_>, count: u8) -> u8 {
    let start = input.offset();
    let tag = input.byte();
    if tag < count {
        tag
    } else {
        input.fail(start, Problem::BadTag(tag));
        0
    }
}

impl Wire for u32 {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(out, u64::from(*self));
    }

    fn decode(input: &mut Input<'_>) -> Self {
        let start = input.offset();
        let number = input.number();
        u32::try_from(number).unwrap_or_else(|_| {
            input.fail(start, Problem::TooLarge);
            0
        })
    }
}

impl Wire for usize {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(out, *self as u64);
    }

    fn decode(input: &mut Input<'_>) -> Self {
        input.size()
    }
}

impl Wire for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn decode(input: &mut Input<'_>) -> Self {
        tag(input, 2) == 1
    }
}

impl Wire for String {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }

    fn decode(input: &mut Input<'_>) -> Self {
        let start = input.offset();
        let len = input.size();
        let bytes = input.bytes(len);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                input.fail(start, Problem::BadUtf8);
                String::new()
            }
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        put_number(out, self.len() as u64);
        for item in self {
            item.encode(out);
        }
    }

    fn decode(input: &mut Input<'_>) -> Self {
        if !input.enter() {
            return Vec::new();
        }
        let len = input.size();
        // Every item takes at least one byte: a corrupt length cannot
        // reserve more than the input could hold, nor read on once the
        // input has run out (or failed).
        let mut items = Vec::with_capacity(len.min(input.remaining()));
        for _ in 0..len {
            if input.failed() {
                break;
            }
            items.push(T::decode(input));
        }
        input.leave();
        items
    }
}

impl<T: Wire> Wire for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.encode(out);
            }
        }
    }

    fn decode(input: &mut Input<'_>) -> Self {
        match tag(input, 2) {
            0 => None,
            _ => Some(T::decode(input)),
        }
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
    }

    fn decode(input: &mut Input<'_>) -> Self {
        (A::decode(input), B::decode(input))
    }
}
