//! `wire`: the compact binary form in which the app ships its catalog.
//!
//! `build.rs` parses and validates `catalog.json` at build time and writes
//! the checked [`Catalog`](crate::catalog::Catalog) in this form; the app
//! only decodes it, so neither the JSON parser nor the validation ships in
//! the WebAssembly.
//!
//! # Format
//!
//! A file is the 4-byte magic `PFCB`, the format [`VERSION`] as one byte,
//! then one encoded value and nothing after it. Values encode as:
//! - `u32`, `usize`: unsigned LEB128 (7 bits a byte, low bits first, the
//!   high bit set on every byte but the last);
//! - `bool`: one byte, 0 or 1;
//! - `String`: its length in bytes (LEB128), then its UTF-8 bytes;
//! - `Vec<T>`: its length (LEB128), then each item;
//! - `Option<T>`: one byte, 0 for `None`, 1 then the value for `Some`;
//! - a tuple or a struct: its fields in order, with no names or separators;
//! - an enum: the variant's index as one byte, then the variant's fields.
//!
//! The field and variant orders are those listed in [`catalog`] and
//! [`simulation`]; changing any of them, or the model, needs a new
//! [`VERSION`].
//!
//! A pattern's simulation is framed: its length in bytes (LEB128), then
//! its encoding. Decoding the catalog keeps those bytes as they are (see
//! [`LazySimulation`](crate::catalog::LazySimulation)); they are decoded,
//! with [`from_unframed`], when the pattern's page first needs them.
//!
//! Decoding never panics: truncated input, an unknown tag, invalid UTF-8, an
//! oversized number, nesting deeper than [`MAX_DEPTH`] or bytes left over are
//! a [`WireError`] that says where in the input it was found.

mod catalog;
mod derive;
mod error;
mod input;
mod primitives;
mod simulation;

#[cfg(test)]
mod tests;

pub use error::{Problem, WireError};
pub use input::{Input, MAX_DEPTH};

/// The first bytes of every encoded file.
pub const MAGIC: [u8; 4] = *b"PFCB";

/// The version of the format; bumped whenever an encoding changes.
pub const VERSION: u8 = 2;

/// A type with a binary encoding.
pub trait Wire: Sized {
    /// Appends the encoding of `self` to `out`.
    fn encode(&self, out: &mut Vec<u8>);

    /// Reads one value from `input`, leaving it just after the value. On
    /// bad input, the input fails (see [`Input`]) and the value returned
    /// is a stand-in, which [`from_bytes`] and [`from_unframed`] discard.
    fn decode(input: &mut Input<'_>) -> Self;
}

/// The header, then `value`.
pub fn to_bytes<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::from(MAGIC);
    out.push(VERSION);
    value.encode(&mut out);
    out
}

/// The value encoded by [`to_bytes`]: the header must match and every byte
/// must be used.
pub fn from_bytes<T: Wire>(bytes: &[u8]) -> Result<T, WireError> {
    let Some(body) = bytes.strip_prefix(&MAGIC[..]) else {
        return Err(WireError::at(0, Problem::BadMagic));
    };
    match body.first() {
        None => Err(WireError::at(MAGIC.len(), Problem::Truncated)),
        Some(&VERSION) => {
            let mut input = Input::new(bytes);
            input.bytes(MAGIC.len() + 1);
            let value = T::decode(&mut input);
            input.finish().map(|()| value)
        }
        Some(&version) => Err(WireError::at(MAGIC.len(), Problem::UnsupportedVersion(version))),
    }
}

/// One value encoded with no header, such as a framed simulation's bytes:
/// every byte must be used. Offsets in an error count from the start of
/// `bytes`.
pub fn from_unframed<T: Wire>(bytes: &[u8]) -> Result<T, WireError> {
    let mut input = Input::new(bytes);
    let value = T::decode(&mut input);
    input.finish().map(|()| value)
}
