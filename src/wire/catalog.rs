//! The encodings of the catalog's own types. A pattern's simulation is
//! framed by its length, and its own encoding is in
//! [`simulation`](super::simulation).

use super::Wire;
use super::derive::wire_struct;
use super::input::Input;
use super::primitives::put_number;
use crate::catalog::{Catalog, Category, LazySimulation, Pattern, Related};

wire_struct! {
    Catalog { categories, patterns }
    Category { slug, name }
    Pattern {
        slug, name, category, tags, summary, problem, forces, solution, how_it_works,
        when_to_use, when_not_to_use, tradeoffs, related, simulation,
    }
    Related { slug, why }
}

/// Framed: the length of the encoding, then the encoding, which decoding
/// keeps as bytes.
impl Wire for LazySimulation {
    fn encode(&self, out: &mut Vec<u8>) {
        let encoded = self.encoded();
        put_number(out, encoded.len() as u64);
        out.extend_from_slice(encoded);
    }

    fn decode(input: &mut Input<'_>) -> Self {
        let len = input.size();
        LazySimulation::from_encoded(input.bytes(len).to_vec())
    }
}
