//! Tests of the scripted "problem, then fix" simulations shipped for CQRS,
//! Event Sourcing, Feature Flag Kill Switch, Idempotency Key and
//! Transactional Outbox: the run without the pattern ends with an invariant
//! broken, the run with it keeps every invariant on every frame, every
//! scenario is deterministic, and every fault branch plays to its end.

use super::frame::{EventKind, Timeline};
use super::spec::{Expect, ScenarioBody};
use super::test_support::shipped as spec;
use super::{Choices, run};

/// The patterns these tests cover, each with the scenarios it must offer
/// beyond `without-pattern` and `with-pattern`, and the invariant the
/// problem run must break.
const SCRIPTED: [(&str, &[&str], &str); 5] = [
    ("cqrs", &["projector-redelivery"], "writes-in-budget"),
    ("event-sourcing", &["concurrent-append"], "explained"),
    ("feature-flag-kill-switch", &["missed-poll"], "errors-stop"),
    (
        "idempotency-key",
        &["concurrent-duplicate", "reused-key"],
        "charged-once",
    ),
    ("transactional-outbox", &["relay-crash"], "event-published"),
];

fn timeline(slug: &str, id: &str, choices: &Choices) -> Timeline {
    run(spec(slug), id, choices).unwrap_or_else(|e| panic!("{slug}/{id}: {e}"))
}

/// Ids of the invariants broken on the last frame.
fn broken_at_end(timeline: &Timeline) -> Vec<&str> {
    let last = timeline.frames.last().expect("a run has frames");
    last.invariants
        .iter()
        .filter(|i| !i.holds)
        .map(|i| i.id.as_str())
        .collect()
}

/// Panics unless every invariant holds (and none is pending) at the end,
/// and every invariant holds on every frame.
fn assert_holds_throughout(timeline: &Timeline, what: &str) {
    for (i, frame) in timeline.frames.iter().enumerate() {
        for status in &frame.invariants {
            assert!(
                status.holds,
                "{what}: frame {i} ({}) breaks {:?}: {:?}",
                frame.narration, status.label, status.detail
            );
        }
    }
    let last = timeline.frames.last().expect("a run has frames");
    assert!(last.invariants.iter().all(|s| !s.pending), "{what}: pending at the end");
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

#[test]
fn each_pattern_offers_the_problem_the_fix_and_its_faults_as_scenarios() {
    for (slug, extra, _) in SCRIPTED {
        let spec = spec(slug);
        for id in ["without-pattern", "with-pattern"].iter().chain(extra) {
            let scenario = spec
                .scenario(id)
                .unwrap_or_else(|| panic!("{slug} has no scenario {id}"));
            assert!(
                matches!(scenario.body, ScenarioBody::Script(_)),
                "{slug}/{id} is scripted"
            );
            assert!(!scenario.invariants.is_empty(), "{slug}/{id} has invariants");
            let expected = if *id == "without-pattern" {
                Expect::Breaks
            } else {
                Expect::Holds
            };
            assert_eq!(scenario.expect, expected, "{slug}/{id}");
        }
        for actor in &spec.actors {
            assert!(
                actor.x <= spec.canvas.width && actor.y <= spec.canvas.height,
                "{slug}: {} is off the canvas",
                actor.id
            );
        }
    }
}

#[test]
fn without_the_pattern_the_run_ends_with_the_problem_on_screen() {
    for (slug, _, problem) in SCRIPTED {
        let timeline = timeline(slug, "without-pattern", &Choices::new(0));
        let broken = broken_at_end(&timeline);
        assert!(
            broken.contains(&problem),
            "{slug}/without-pattern should end with {problem:?} broken, found {broken:?}"
        );
        let with = spec(slug).scenario("with-pattern").expect("with-pattern");
        assert!(
            with.invariants.iter().any(|i| i.id == problem),
            "{slug}: with-pattern must promise {problem:?} too"
        );
    }
}

#[test]
fn with_the_pattern_every_invariant_holds_on_every_frame() {
    for (slug, extra, _) in SCRIPTED {
        for id in std::iter::once(&"with-pattern").chain(extra) {
            let timeline = timeline(slug, id, &Choices::new(0));
            assert_holds_throughout(&timeline, &format!("{slug}/{id}"));
        }
    }
}

#[test]
fn every_scenario_is_deterministic() {
    for (slug, _, _) in SCRIPTED {
        for scenario in &spec(slug).scenarios {
            let id = &scenario.id;
            for seed in [0, 9, u64::MAX] {
                let first = timeline(slug, id, &Choices::new(seed));
                assert_eq!(
                    first,
                    timeline(slug, id, &Choices::new(seed)),
                    "{slug}/{id} seed {seed}"
                );
                assert_eq!(
                    first,
                    timeline(slug, id, &Choices::new(0)),
                    "{slug}/{id}: scripts ignore the seed"
                );
            }
        }
    }
}

#[test]
fn every_fault_branch_runs_to_the_end() {
    for (slug, _, problem) in SCRIPTED {
        for scenario in &spec(slug).scenarios {
            let id = &scenario.id;
            let base = timeline(slug, id, &Choices::new(0));
            let faults = offered(&base);
            if id != "without-pattern" {
                assert!(!faults.is_empty(), "{slug}/{id} offers no fault");
            }
            for (frame, fault) in faults {
                let what = format!("{slug}/{id} with {fault} at {frame}");
                let branched = timeline(slug, id, &Choices::new(0).branch(frame, &fault));
                let last = branched.frames.last().expect("frames");
                assert_eq!(last.event, EventKind::End, "{what}: does not end");
                assert!(last.world.in_flight.is_empty(), "{what}: messages left in flight");
                assert_eq!(
                    branched.frames[frame].injected.as_ref().map(|f| f.id.as_str()),
                    Some(fault.as_str()),
                    "{what}"
                );
                assert!(branched.frames.len() > frame + 1, "{what}: the branch has no steps");
                match scenario.expect {
                    Expect::Holds => assert_holds_throughout(&branched, &what),
                    Expect::Breaks => assert!(
                        broken_at_end(&branched).contains(&problem),
                        "{what}: the problem should still show"
                    ),
                }
            }
        }
    }
}

#[test]
fn planned_fault_scenarios_take_their_branch() {
    for (slug, extra, _) in SCRIPTED {
        for id in extra {
            let planned = timeline(slug, id, &Choices::new(0));
            assert!(
                planned.frames.iter().any(|f| f.injected.is_some()),
                "{slug}/{id}: its planned fault never fires"
            );
            let with = timeline(slug, "with-pattern", &Choices::new(0));
            assert_ne!(
                planned.frames.iter().map(|f| &f.narration).collect::<Vec<_>>(),
                with.frames.iter().map(|f| &f.narration).collect::<Vec<_>>(),
                "{slug}/{id} tells the same story as with-pattern"
            );
        }
    }
}
