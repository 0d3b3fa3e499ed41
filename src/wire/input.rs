//! [`Input`]: a cursor over encoded bytes that reads the format's building
//! blocks (bytes, LEB128 numbers, nesting) and never panics on bad input.
//!
//! The first problem found is kept, and from then on the input reads as
//! empty: every read gives zero, an empty slice or an empty list, so a
//! value being decoded is finished quickly with those stand-ins, and
//! [`Input::finish`] reports the problem. Decoding code therefore needs no
//! error path of its own, which keeps it small.

use super::error::{Problem, WireError};

/// How deeply lists may nest. The JSON parser the build uses stops at 128
/// nested arrays and objects, so no catalog the build accepts comes near.
pub const MAX_DEPTH: u32 = 128;

/// Encoded bytes being read, front to back.
pub struct Input<'a> {
    rest: &'a [u8],
    /// Length of the whole input, to turn `rest` into an offset.
    len: usize,
    /// Lists currently open.
    depth: u32,
    /// The first problem found, after which the input reads as empty.
    failure: Option<WireError>,
}

impl<'a> Input<'a> {
    /// A cursor at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            rest: bytes,
            len: bytes.len(),
            depth: 0,
            failure: None,
        }
    }

    /// Offset of the next byte to read.
    pub fn offset(&self) -> usize {
        self.len - self.rest.len()
    }

    /// How many bytes are left.
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Records `problem`, found at `offset`, unless a problem was found
    /// before; the input reads as empty from now on.
    pub fn fail(&mut self, offset: usize, problem: Problem) {
        self.failure.get_or_insert(WireError::at(offset, problem));
        self.rest = &[];
    }

    /// Whether a problem has been found.
    pub fn failed(&self) -> bool {
        self.failure.is_some()
    }

    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((&first, rest)) => {
                self.rest = rest;
                first
            }
            None => {
                self.fail(self.offset(), Problem::Truncated);
                0
            }
        }
    }

    /// The next `count` bytes (none if fewer are left).
    pub fn bytes(&mut self, count: usize) -> &'a [u8] {
        if count > self.rest.len() {
            self.fail(self.offset(), Problem::Truncated);
            return &[];
        }
        let (taken, rest) = self.rest.split_at(count);
        self.rest = rest;
        taken
    }

    /// An unsigned LEB128 number.
    pub fn number(&mut self) -> u64 {
        let start = self.offset();
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.byte();
            let bits = u64::from(byte & 0x7f);
            if shift > 63 || (shift == 63 && bits > 1) {
                self.fail(start, Problem::TooLarge);
                return 0;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return value;
            }
            shift += 7;
        }
    }

    /// A length or index: a number that fits `usize`.
    pub fn size(&mut self) -> usize {
        let start = self.offset();
        let number = self.number();
        usize::try_from(number).unwrap_or_else(|_| {
            self.fail(start, Problem::TooLarge);
            0
        })
    }

    /// Opens a list; beyond [`MAX_DEPTH`] the input fails instead and this
    /// returns false. [`Input::leave`] closes an opened list.
    pub fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.fail(self.offset(), Problem::TooDeep);
            return false;
        }
        self.depth += 1;
        true
    }

    /// Closes the list opened last.
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// The first problem found, or else whether every byte has been read.
    pub fn finish(self) -> Result<(), WireError> {
        match self.failure {
            Some(failure) => Err(failure),
            None if self.rest.is_empty() => Ok(()),
            None => Err(WireError::at(self.offset(), Problem::TrailingBytes)),
        }
    }
}
