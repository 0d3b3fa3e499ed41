//! Tests over every simulation in the shipped catalog: each scenario is
//! deterministic, keeps its invariants on every frame, and every fault on
//! offer (and random sequences of them) leads to a complete, sound run.

use proptest::prelude::*;

use super::frame::{EventKind, Timeline};
use super::spec::SimulationSpec;
use super::{Choices, run, scenarios};

/// Every `(pattern slug, simulation)` of the shipped catalog.
fn simulations() -> Vec<(&'static str, &'static SimulationSpec)> {
    let catalog = crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid");
    catalog
        .patterns
        .iter()
        .filter_map(|p| Some((p.slug.as_str(), p.simulation.as_ref()?)))
        .collect()
}

/// Every `(slug, simulation, scenario id)` of the shipped catalog.
fn all_scenarios() -> Vec<(&'static str, &'static SimulationSpec, &'static str)> {
    simulations()
        .into_iter()
        .flat_map(|(slug, spec)| spec.scenarios.iter().map(move |s| (slug, spec, s.id.as_str())))
        .collect()
}

/// Panics with the frame and the reason unless the timeline is sound: it
/// starts, ends with nothing in flight, narrates every frame, and every
/// invariant holds on every frame (end-of-run ones pending until the last).
fn check_invariants(timeline: &Timeline, what: &str) {
    let frames = &timeline.frames;
    let last = frames.len() - 1;
    assert_eq!(frames[0].event, EventKind::Start, "{what}: frame 0 is not the start");
    assert_eq!(
        frames[last].event,
        EventKind::End,
        "{what}: the last frame is not the end"
    );
    assert!(
        frames[last].world.in_flight.is_empty(),
        "{what}: messages still in flight at the end"
    );
    for (i, frame) in frames.iter().enumerate() {
        assert!(!frame.narration.trim().is_empty(), "{what}: frame {i} has no narration");
        for status in &frame.invariants {
            assert!(
                !(status.pending && i == last),
                "{what}: {} is still pending on the last frame",
                status.id
            );
            assert!(
                status.holds,
                "{what}: frame {i} ({}) breaks {:?}: {:?}",
                frame.narration, status.label, status.detail
            );
        }
    }
}

#[test]
fn the_saga_ships_a_simulation_with_the_required_scenarios() {
    let saga = simulations()
        .into_iter()
        .find(|(slug, _)| *slug == "saga")
        .map(|(_, s)| s)
        .expect("the saga simulates");
    let ids: Vec<&str> = scenarios(saga).iter().map(|s| s.id).collect();
    for id in [
        "orchestrated-happy-path",
        "orchestrated-payment-declined",
        "orchestrated-out-of-stock",
        "orchestrated-no-courier",
        "orchestrated-refund-retry",
        "orchestrated-late-reply",
        "orchestrated-crash",
        "choreography-happy-path",
        "choreography-no-courier",
    ] {
        assert!(ids.contains(&id), "missing scenario {id}");
    }
    assert!(
        scenarios(saga)
            .iter()
            .all(|s| !s.title.is_empty() && !s.description.is_empty())
    );
}

#[test]
fn every_shipped_scenario_is_deterministic_and_keeps_its_invariants() {
    for (slug, spec, id) in all_scenarios() {
        for seed in [0, 1, 42, u64::MAX] {
            let what = format!("{slug}/{id} seed {seed}");
            let first = run(spec, id, &Choices::new(seed)).unwrap_or_else(|e| panic!("{what}: {e}"));
            let second = run(spec, id, &Choices::new(seed)).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(first, second, "{what}: two runs differ");
            check_invariants(&first, &what);
        }
    }
}

#[test]
fn every_fault_on_offer_runs_to_a_sound_end_and_so_does_a_second_one() {
    for (slug, spec, id) in all_scenarios() {
        let base = run(spec, id, &Choices::new(3)).unwrap_or_else(|e| panic!("{slug}/{id}: {e}"));
        for (frame, first) in offered(&base) {
            let choices = Choices::new(3).branch(frame, &first);
            let what = format!("{slug}/{id} with {first} at {frame}");
            let branched = run(spec, id, &choices).unwrap_or_else(|e| panic!("{what}: {e}"));
            check_invariants(&branched, &what);
            assert_eq!(branched.frames[..=frame].len(), frame + 1);
            assert_eq!(
                base.frames[..frame],
                branched.frames[..frame],
                "{what}: the past changed"
            );
            // Second faults close after the first, where they interact most.
            for (later, second) in offered(&branched)
                .into_iter()
                .filter(|(f, _)| (frame + 1..=frame + 6).contains(f))
            {
                let what = format!("{what}, then {second} at {later}");
                let twice = run(spec, id, &choices.branch(later, &second)).unwrap_or_else(|e| panic!("{what}: {e}"));
                check_invariants(&twice, &what);
            }
        }
    }
}

/// Every `(frame, fault id)` a timeline offers.
fn offered(timeline: &Timeline) -> Vec<(usize, String)> {
    timeline
        .frames
        .iter()
        .enumerate()
        .flat_map(|(i, f)| f.faults.iter().map(move |o| (i, o.id.clone())))
        .collect()
}

proptest! {
    /// Random scenarios, seeds and sequences of injected faults (each at a
    /// random frame that offers faults, re-branching earlier ones freely):
    /// the run never panics or errs, always ends, and every invariant the
    /// scenario promises holds on every frame.
    #[test]
    fn random_fault_sequences_keep_every_promise(
        pick in any::<usize>(),
        seed in any::<u64>(),
        picks in proptest::collection::vec((any::<usize>(), any::<usize>()), 0..8),
    ) {
        let all = all_scenarios();
        let (slug, spec, id) = all[pick % all.len()];
        let mut choices = Choices::new(seed);
        let mut timeline = run(spec, id, &choices).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (frame_pick, fault_pick) in picks {
            let offers: Vec<usize> = (0..timeline.frames.len()).filter(|&i| !timeline.frames[i].faults.is_empty()).collect();
            let Some(&frame) = offers.get(frame_pick % offers.len().max(1)) else { break };
            let faults = &timeline.frames[frame].faults;
            let fault = faults[fault_pick % faults.len()].id.clone();
            choices = choices.branch(frame, &fault);
            timeline = run(spec, id, &choices).map_err(|e| TestCaseError::fail(format!("{slug}/{id} {choices:?}: {e}")))?;
        }
        check_invariants(&timeline, &format!("{slug}/{id} {choices:?}"));
        prop_assert_eq!(run(spec, id, &choices).ok(), Some(timeline));
    }
}
