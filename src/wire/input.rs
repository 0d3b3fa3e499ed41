//! [`Input`]: a cursor over encoded bytes that reads the format's building
//! blocks (bytes, LEB128 numbers, nesting) and fails, never panics, on bad
//! input.

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
}

impl<'a> Input<'a> {
    /// A cursor at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            rest: bytes,
            len: bytes.len(),
            depth: 0,
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

    /// `problem`, at the next byte.
    pub fn error(&self, problem: Problem) -> WireError {
        WireError::at(self.offset(), problem)
    }

    /// The next byte.
    pub fn byte(&mut self) -> Result<u8, WireError> {
        let (&first, rest) = self.rest.split_first().ok_or(self.error(Problem::Truncated))?;
        self.rest = rest;
        Ok(first)
    }

    /// The next `count` bytes.
    pub fn bytes(&mut self, count: usize) -> Result<&'a [u8], WireError> {
        if count > self.rest.len() {
            return Err(self.error(Problem::Truncated));
        }
        let (taken, rest) = self.rest.split_at(count);
        self.rest = rest;
        Ok(taken)
    }

    /// An unsigned LEB128 number.
    pub fn number(&mut self) -> Result<u64, WireError> {
        let start = self.offset();
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift > 63 || (shift == 63 && bits > 1) {
                return Err(WireError::at(start, Problem::TooLarge));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    /// A length or index: a number that fits `usize`.
    pub fn size(&mut self) -> Result<usize, WireError> {
        let start = self.offset();
        usize::try_from(self.number()?).map_err(|_| WireError::at(start, Problem::TooLarge))
    }

    /// Opens a list, failing beyond [`MAX_DEPTH`]; [`Input::leave`] closes it.
    pub fn enter(&mut self) -> Result<(), WireError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(Problem::TooDeep));
        }
        self.depth += 1;
        Ok(())
    }

    /// Closes the list opened last.
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Checks that every byte has been read.
    pub fn finish(self) -> Result<(), WireError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(self.error(Problem::TrailingBytes))
        }
    }
}
