//! A pattern's simulation as the catalog holds it: encoded, and decoded the
//! first time it is asked for.
//!
//! The simulations are most of the catalog's bytes, and only a pattern's
//! own page needs its simulation. Keeping them encoded until then takes
//! their decoding out of the app's start-up.

use std::fmt;
use std::sync::OnceLock;

use crate::sim::spec::SimulationSpec;
use crate::wire::{self, Wire, WireError};

/// A simulation in the [`wire`] encoding, decoded on first use.
#[derive(Clone)]
pub struct LazySimulation {
    encoded: Vec<u8>,
    decoded: OnceLock<Result<SimulationSpec, WireError>>,
}

impl LazySimulation {
    /// A simulation read from the catalog's JSON: encoded now, and already
    /// decoded.
    pub fn new(spec: SimulationSpec) -> Self {
        let mut encoded = Vec::new();
        spec.encode(&mut encoded);
        Self {
            encoded,
            decoded: OnceLock::from(Ok(spec)),
        }
    }

    /// A simulation from its encoded bytes, not decoded yet.
    pub fn from_encoded(encoded: Vec<u8>) -> Self {
        Self {
            encoded,
            decoded: OnceLock::new(),
        }
    }

    /// The encoded bytes.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// The simulation, decoded on the first call; an error if the bytes do
    /// not decode (a correct build never embeds such bytes).
    pub fn spec(&self) -> Result<&SimulationSpec, WireError> {
        self.decoded
            .get_or_init(|| wire::from_unframed(&self.encoded))
            .as_ref()
            .map_err(|e| *e)
    }
}

/// Two simulations are equal when their encodings are: the encoding is
/// deterministic and loses nothing.
impl PartialEq for LazySimulation {
    fn eq(&self, other: &Self) -> bool {
        self.encoded == other.encoded
    }
}

impl fmt::Debug for LazySimulation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LazySimulation")
            .field("encoded_bytes", &self.encoded.len())
            .field("decoded", &self.decoded.get())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    fn saga() -> &'static LazySimulation {
        let catalog = embedded().as_ref().expect("the shipped catalog decodes");
        let saga = catalog.pattern("saga").expect("the saga is shipped");
        saga.simulation.as_ref().expect("the saga has a simulation")
    }

    #[test]
    fn decodes_on_first_use_to_what_was_encoded() {
        let shipped = saga().spec().expect("the saga's simulation decodes");
        let fresh = LazySimulation::from_encoded(saga().encoded().to_vec());
        assert!(fresh.decoded.get().is_none(), "decoded before use");
        assert_eq!(fresh.spec(), Ok(shipped));
        assert_eq!(LazySimulation::new(shipped.clone()), fresh);
    }

    #[test]
    fn bytes_that_do_not_decode_are_an_error_every_time() {
        let mut bytes = saga().encoded().to_vec();
        bytes.truncate(bytes.len() / 2);
        let broken = LazySimulation::from_encoded(bytes);
        let first = broken.spec().expect_err("half a simulation");
        assert_eq!(first.problem, wire::Problem::Truncated);
        assert_eq!(broken.spec(), Err(first));
        let mut longer = saga().encoded().to_vec();
        longer.push(0);
        let trailing = LazySimulation::from_encoded(longer)
            .spec()
            .expect_err("a byte too many");
        assert_eq!(trailing.problem, wire::Problem::TrailingBytes);
    }
}
