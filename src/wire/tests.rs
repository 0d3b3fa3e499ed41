//! The wire format round-trips the shipped catalog and catalogs changed at
//! random, and decoding truncated, corrupted or hostile bytes returns an
//! error or a valid value, never a panic.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::catalog::{Catalog, EMBEDDED_BIN, LazySimulation, parse_catalog};
use crate::sim::frame::{EventKind, FaultOption};
use crate::sim::spec::{Branch, ScriptStep, Step};

/// The shipped catalog, parsed from its JSON (not decoded), once.
fn shipped() -> Catalog {
    static SHIPPED: LazyLock<Catalog> =
        LazyLock::new(|| parse_catalog(crate::catalog::EMBEDDED_JSON).expect("the shipped catalog is valid"));
    SHIPPED.clone()
}

fn problem<T: Wire + std::fmt::Debug>(bytes: &[u8]) -> Problem {
    from_bytes::<T>(bytes).expect_err("bytes that must not decode").problem
}

/// The header followed by `body`.
fn file(body: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::from(MAGIC);
    bytes.push(VERSION);
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn the_shipped_catalog_round_trips() {
    let catalog = shipped();
    let bytes = to_bytes(&catalog);
    assert_eq!(from_bytes::<Catalog>(&bytes), Ok(catalog));
}

#[test]
fn the_encoding_is_smaller_than_the_json_even_minified() {
    let json: serde_json::Value = serde_json::from_str(crate::catalog::EMBEDDED_JSON).expect("JSON");
    let minified = json.to_string();
    assert!(
        EMBEDDED_BIN.len() < minified.len(),
        "{} encoded bytes for {} bytes of minified JSON",
        EMBEDDED_BIN.len(),
        minified.len()
    );
}

#[test]
fn numbers_encode_as_leb128_and_round_trip_at_their_limits() {
    let mut out = Vec::new();
    300u32.encode(&mut out);
    assert_eq!(out, [0xac, 0x02]);
    for n in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
        assert_eq!(from_bytes::<u32>(&to_bytes(&n)), Ok(n));
    }
    for n in [0, 127, 128, usize::MAX] {
        assert_eq!(from_bytes::<usize>(&to_bytes(&n)), Ok(n));
    }
}

#[test]
fn the_header_is_checked() {
    assert_eq!(problem::<u32>(b""), Problem::BadMagic);
    assert_eq!(problem::<u32>(b"JSON{}"), Problem::BadMagic);
    let mut bytes = file(&[7]);
    bytes[MAGIC.len()] = VERSION + 1;
    assert_eq!(problem::<u32>(&bytes), Problem::UnsupportedVersion(VERSION + 1));
    assert_eq!(problem::<u32>(&MAGIC), Problem::Truncated);
}

#[test]
fn each_kind_of_bad_input_is_its_own_error_at_its_offset() {
    let header = MAGIC.len() + 1;
    let cases: [(Result<(), WireError>, Problem, usize); 8] = [
        (
            from_bytes::<u32>(&file(&[0x80])).map(drop),
            Problem::Truncated,
            header + 1,
        ),
        (
            from_bytes::<u32>(&file(&[0xff, 0xff, 0xff, 0xff, 0x10])).map(drop),
            Problem::TooLarge,
            header,
        ),
        (
            from_bytes::<u64>(&file(&[0xff; 11])).map(drop),
            Problem::TooLarge,
            header,
        ),
        (from_bytes::<bool>(&file(&[2])).map(drop), Problem::BadTag(2), header),
        (
            from_bytes::<Option<u32>>(&file(&[9])).map(drop),
            Problem::BadTag(9),
            header,
        ),
        (
            from_bytes::<EventKind>(&file(&[9])).map(drop),
            Problem::BadTag(9),
            header,
        ),
        (
            from_bytes::<String>(&file(&[2, 0xc3, 0x28])).map(drop),
            Problem::BadUtf8,
            header,
        ),
        (
            from_bytes::<u32>(&file(&[1, 2])).map(drop),
            Problem::TrailingBytes,
            header + 1,
        ),
    ];
    for (result, problem, offset) in cases {
        assert_eq!(result, Err(WireError::at(offset, problem)));
    }
}

/// Only for the test above: a number wider than the model uses.
impl Wire for u64 {
    fn encode(&self, out: &mut Vec<u8>) {
        primitives::put_number(out, *self);
    }

    fn decode(input: &mut Input<'_>) -> Self {
        input.number()
    }
}

#[test]
fn a_huge_length_in_little_input_is_truncation_not_an_allocation() {
    let mut body = Vec::new();
    primitives::put_number(&mut body, u64::from(u32::MAX));
    body.push(0);
    assert_eq!(problem::<Vec<String>>(&file(&body)), Problem::Truncated);
    assert_eq!(problem::<String>(&file(&body)), Problem::Truncated);
}

#[test]
fn the_first_problem_is_the_one_reported_and_decoding_stops_there() {
    let header = MAGIC.len() + 1;
    // A list claiming four billion strings whose first is not UTF-8: the
    // bad string is reported, not the missing rest, and no stand-in is
    // decoded for each of the items the length claims.
    let mut body = Vec::new();
    primitives::put_number(&mut body, u64::from(u32::MAX));
    body.extend([2, 0xc3, 0x28]);
    let length_bytes = body.len() - 3;
    assert_eq!(
        from_bytes::<Vec<String>>(&file(&body)),
        Err(WireError::at(header + length_bytes, Problem::BadUtf8))
    );
    // An unknown tag inside a list, followed by bytes that would decode.
    let mut tags = vec![3, EventKind::End as u8, 200];
    tags.extend([EventKind::Start as u8; 8]);
    assert_eq!(
        from_bytes::<Vec<EventKind>>(&file(&tags)),
        Err(WireError::at(header + 2, Problem::BadTag(200)))
    );
}

/// A script step whose one fault branches into a step like it, `depth` times.
fn nested_branches(depth: usize) -> ScriptStep {
    let mut step = ScriptStep {
        step: Step::new(EventKind::End, "the end"),
        branches: Vec::new(),
    };
    for _ in 0..depth {
        let fault = FaultOption {
            id: "f".into(),
            label: "F".into(),
        };
        step = ScriptStep {
            step: Step::new(EventKind::Send, "again"),
            branches: vec![Branch {
                fault,
                steps: vec![step],
            }],
        };
    }
    step
}

#[test]
fn nesting_is_bounded_so_hostile_input_cannot_exhaust_the_stack() {
    let deep_but_fine = nested_branches(30);
    assert_eq!(from_bytes(&to_bytes(&deep_but_fine)), Ok(deep_but_fine));
    let too_deep = to_bytes(&nested_branches(MAX_DEPTH as usize));
    assert_eq!(problem::<ScriptStep>(&too_deep), Problem::TooDeep);
}

/// Asserts that every proper prefix of `value`'s encoding fails to decode.
fn assert_every_truncation_fails<T: Wire + std::fmt::Debug>(value: &T, what: &str) {
    let bytes = to_bytes(value);
    for cut in 0..bytes.len() {
        let error = from_bytes::<T>(&bytes[..cut]).expect_err("a truncated value");
        if cut > MAGIC.len() {
            assert_eq!(error.problem, Problem::Truncated, "{what}: cut at {cut}");
        }
    }
}

/// Parts of the encoding at most this long are cut at every byte (a cut
/// costs a decode up to it, so every cut of the whole catalog would take
/// minutes in a debug build).
const EVERY_CUT_UP_TO: usize = 6_000;

#[test]
fn every_truncation_of_the_parts_of_the_shipped_catalog_is_an_error() {
    let catalog = shipped();
    let mut categories_only = catalog.clone();
    categories_only.patterns.clear();
    assert_every_truncation_fails(&categories_only, "categories");
    let mut scenarios_cut = 0;
    for pattern in &catalog.patterns {
        let mut text = pattern.clone();
        text.simulation = None;
        assert_every_truncation_fails(&text, &pattern.slug);
        let Some(simulation) = &pattern.simulation else {
            continue;
        };
        let simulation = simulation.spec().expect("a shipped simulation decodes");
        let mut stage = simulation.clone();
        stage.scenarios.clear();
        assert_every_truncation_fails(&stage, &pattern.slug);
        for scenario in &simulation.scenarios {
            if to_bytes(scenario).len() <= EVERY_CUT_UP_TO {
                assert_every_truncation_fails(scenario, &format!("{}/{}", pattern.slug, scenario.id));
                scenarios_cut += 1;
            }
        }
    }
    assert!(
        scenarios_cut >= 30,
        "only {scenarios_cut} scenarios were cut everywhere"
    );
}

#[test]
fn truncations_of_the_whole_shipped_catalog_are_errors() {
    let ends = (0..EMBEDDED_BIN.len())
        .step_by(499)
        .chain(EMBEDDED_BIN.len() - 64..EMBEDDED_BIN.len());
    for cut in ends {
        let error = from_bytes::<Catalog>(&EMBEDDED_BIN[..cut]).expect_err("a truncated catalog");
        if cut > MAGIC.len() {
            assert_eq!(error.problem, Problem::Truncated, "cut at {cut}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn flipped_bytes_decode_to_an_error_or_a_catalog_that_round_trips(
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1..=255u8), 1..8)
    ) {
        let mut bytes = EMBEDDED_BIN.to_vec();
        for (at, mask) in &flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        if let Ok(catalog) = from_bytes::<Catalog>(&bytes) {
            prop_assert_eq!(from_bytes::<Catalog>(&to_bytes(&catalog)), Ok(catalog.clone()));
            // The simulations were kept encoded: decoding them now also
            // gives an error or a value that round-trips.
            for simulation in catalog.patterns.iter().filter_map(|p| p.simulation.as_ref()) {
                if let Ok(spec) = simulation.spec() {
                    prop_assert_eq!(from_unframed(LazySimulation::new(spec.clone()).encoded()), Ok(spec.clone()));
                }
            }
        }
    }

    #[test]
    fn random_bytes_after_the_header_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(catalog) = from_bytes::<Catalog>(&file(&body)) {
            for simulation in catalog.patterns.iter().filter_map(|p| p.simulation.as_ref()) {
                let _ = simulation.spec();
            }
        }
        let _ = from_unframed::<crate::sim::spec::SimulationSpec>(&body);
        let _ = from_bytes::<ScriptStep>(&file(&body));
    }

    #[test]
    fn values_of_the_building_blocks_round_trip(
        value in prop::collection::vec(prop::option::of((any::<usize>(), any::<String>())), 0..20),
        flags in prop::collection::vec((any::<bool>(), any::<u32>()), 0..20),
    ) {
        prop_assert_eq!(from_bytes(&to_bytes(&value)), Ok(value));
        prop_assert_eq!(from_bytes(&to_bytes(&flags)), Ok(flags));
    }

    #[test]
    fn changed_catalogs_round_trip(
        keep in prop::collection::vec(any::<bool>(), 8),
        texts in prop::collection::vec(any::<String>(), 8),
        drop_simulation in any::<prop::sample::Index>(),
    ) {
        let mut catalog = shipped();
        let mut kept = keep.iter().cycle();
        catalog.patterns.retain(|_| *kept.next().unwrap_or(&true));
        for (pattern, text) in catalog.patterns.iter_mut().zip(&texts) {
            pattern.summary.clone_from(text);
            pattern.tags.push(text.clone());
            pattern.related.clear();
        }
        if !catalog.patterns.is_empty() {
            let i = drop_simulation.index(catalog.patterns.len());
            catalog.patterns[i].simulation = None;
        }
        prop_assert_eq!(from_bytes(&to_bytes(&catalog)), Ok(catalog));
    }
}
