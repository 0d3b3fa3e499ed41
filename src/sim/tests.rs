//! Tests over every simulation in the shipped catalog: each scenario is
//! deterministic and keeps its promise (`expect`): a scenario that "holds"
//! keeps every invariant on every frame, whatever faults are injected; one
//! that "breaks" (the problem shown without the pattern) breaks at least one
//! in its default run. Every fault on offer (and random sequences of them)
//! leads to a complete, sound run, and every chart has a point per frame.

use proptest::prelude::*;

use super::frame::{EventKind, Timeline};
use super::spec::{Expect, SimulationSpec};
use super::{Choices, chart_series, run, scenarios};

/// Every `(pattern slug, simulation)` of the shipped catalog.
fn simulations() -> Vec<(&'static str, &'static SimulationSpec)> {
    let catalog = crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid");
    catalog
        .patterns
        .iter()
        .filter_map(|p| {
            let spec = p.simulation.as_ref()?.spec().expect("a shipped simulation decodes");
            Some((p.slug.as_str(), spec))
        })
        .collect()
}

/// Every `(slug, simulation, scenario id)` of the shipped catalog.
fn all_scenarios() -> Vec<(&'static str, &'static SimulationSpec, &'static str)> {
    simulations()
        .into_iter()
        .flat_map(|(slug, spec)| spec.scenarios.iter().map(move |s| (slug, spec, s.id.as_str())))
        .collect()
}

/// What scenario `id` of `spec` promises.
fn expect(spec: &SimulationSpec, id: &str) -> Expect {
    spec.scenario(id).map_or(Expect::Holds, |s| s.expect)
}

/// Panics unless the timeline is sound and keeps the scenario's promise:
/// with [`Expect::Holds`], every invariant holds on every frame; with
/// [`Expect::Breaks`], only soundness is checked here (see
/// [`check_breaks`] for the default run).
fn check_promise(spec: &SimulationSpec, id: &str, timeline: &Timeline, what: &str) {
    match expect(spec, id) {
        Expect::Holds => check_invariants(timeline, what),
        Expect::Breaks => check_sound(timeline, what),
    }
}

/// Panics unless some invariant is broken on some frame.
fn check_breaks(timeline: &Timeline, what: &str) {
    check_sound(timeline, what);
    assert!(
        timeline
            .frames
            .iter()
            .any(|f| f.invariants.iter().any(|i| !i.holds && !i.pending)),
        "{what}: promises that an invariant breaks, but every one holds on every frame"
    );
}

/// Panics with the frame and the reason unless the timeline is sound: it
/// starts, ends with nothing in flight, narrates every frame, and no
/// end-of-run invariant is still pending on the last frame.
fn check_sound(timeline: &Timeline, what: &str) {
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
        assert!(
            frame.invariants.iter().all(|s| !(s.pending && i == last)),
            "{what}: an invariant is still pending on the last frame"
        );
    }
}

/// Panics with the frame and the reason unless the timeline is sound (see
/// [`check_sound`]) and every invariant holds on every frame (end-of-run
/// ones pending until the last).
fn check_invariants(timeline: &Timeline, what: &str) {
    check_sound(timeline, what);
    for (i, frame) in timeline.frames.iter().enumerate() {
        for status in &frame.invariants {
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
fn every_shipped_scenario_is_deterministic_and_keeps_its_promise() {
    for (slug, spec, id) in all_scenarios() {
        for seed in [0, 1, 42, u64::MAX] {
            let what = format!("{slug}/{id} seed {seed}");
            let first = run(spec, id, &Choices::new(seed)).unwrap_or_else(|e| panic!("{what}: {e}"));
            let second = run(spec, id, &Choices::new(seed)).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(first, second, "{what}: two runs differ");
            match expect(spec, id) {
                Expect::Holds => check_invariants(&first, &what),
                Expect::Breaks => check_breaks(&first, &what),
            }
            for chart in chart_series(spec, id, &first) {
                assert!(!chart.series.is_empty(), "{what}: chart {} has no series", chart.id);
                for series in &chart.series {
                    assert_eq!(series.points.len(), first.frames.len(), "{what}: {}", series.label);
                    assert!(series.points.iter().all(|p| p.is_finite()), "{what}: {}", series.label);
                }
            }
        }
    }
}

#[test]
fn the_patterns_with_a_without_scenario_show_the_problem_then_the_fix() {
    for (slug, spec) in simulations() {
        let ids: Vec<&str> = scenarios(spec).iter().map(|s| s.id).collect();
        if !ids.contains(&"without-pattern") {
            continue;
        }
        assert!(
            ids.contains(&"with-pattern"),
            "{slug}: a without-pattern scenario needs a with-pattern one"
        );
        assert_eq!(
            expect(spec, "without-pattern"),
            Expect::Breaks,
            "{slug}/without-pattern"
        );
        assert_eq!(expect(spec, "with-pattern"), Expect::Holds, "{slug}/with-pattern");
        let without = spec.scenario("without-pattern").map(|s| &s.invariants);
        let with = spec.scenario("with-pattern").map(|s| &s.invariants);
        let broken: Vec<String> = run(spec, "without-pattern", &Choices::new(0))
            .expect("runs")
            .frames
            .iter()
            .flat_map(|f| f.invariants.iter().filter(|i| !i.holds).map(|i| i.id.clone()))
            .collect();
        assert!(
            broken
                .iter()
                .any(|id| with.is_some_and(|w| w.iter().any(|i| &i.id == id))),
            "{slug}: the without-pattern run should break an invariant the with-pattern run keeps ({broken:?})"
        );
        assert!(without.is_some_and(|w| !w.is_empty()), "{slug}");
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
            check_promise(spec, id, &branched, &what);
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
                check_promise(spec, id, &twice, &what);
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
    /// the run never panics or errs, always ends, and a scenario that
    /// promises its invariants hold keeps them on every frame.
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
        check_promise(spec, id, &timeline, &format!("{slug}/{id} {choices:?}"));
        prop_assert_eq!(run(spec, id, &choices).ok(), Some(timeline));
    }
}
