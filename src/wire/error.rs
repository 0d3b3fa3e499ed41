//! Why bytes could not be decoded, and where.

use std::fmt;

/// A decoding failure at a byte offset of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireError {
    /// Offset of the first byte of the faulty item.
    pub offset: usize,
    pub problem: Problem,
}

/// What was wrong with the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The input does not start with the format's magic bytes.
    BadMagic,
    /// The header names a version this build cannot read.
    UnsupportedVersion(u8),
    /// The input ends in the middle of a value.
    Truncated,
    /// An enum, `Option` or `bool` tag that names nothing.
    BadTag(u8),
    /// A string that is not UTF-8.
    BadUtf8,
    /// A number too large for its type.
    TooLarge,
    /// Lists nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    TooDeep,
    /// Bytes left after the value.
    TrailingBytes,
}

impl WireError {
    /// `problem`, found at `offset`.
    pub fn at(offset: usize, problem: Problem) -> Self {
        Self { offset, problem }
    }
}

impl fmt::Display for WireError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem {
            Problem::BadMagic => f.write_str("wrong magic bytes (not an encoded catalog)")?,
            Problem::UnsupportedVersion(version) => write!(f, "encoding version {version}, not {}", super::VERSION)?,
            Problem::Truncated => f.write_str("the data ends too soon")?,
            Problem::BadTag(tag) => write!(f, "unknown tag {tag}")?,
            Problem::BadUtf8 => f.write_str("text that is not UTF-8")?,
            Problem::TooLarge => f.write_str("a number too large for its field")?,
            Problem::TooDeep => f.write_str("lists nested too deeply")?,
            Problem::TrailingBytes => f.write_str("bytes after the end of the data")?,
        }
        write!(f, " at byte {}", self.offset)
    }
}

impl std::error::Error for WireError {}
