//! The worker pool as the shipped catalog describes it: one worker falls
//! behind a bursty stream, a pool keeps up, a crashed worker's job comes
//! back after its visibility timeout, a crash before the delete leaves a
//! duplicate the idempotent handler skips, and a timeout shorter than the
//! work lets two workers hold one job at once.

use crate::sim::frame::{EventKind, Frame, Timeline};
use crate::sim::spec::SimulationSpec;
use crate::sim::test_support::{last, rows, shipped};
use crate::sim::{Choices, SimError, chart_series, run};

fn spec() -> &'static SimulationSpec {
    shipped("competing-consumers")
}

fn play(scenario: &str, choices: &Choices) -> Timeline {
    run(spec(), scenario, choices).unwrap_or_else(|e| panic!("{scenario}: {e}"))
}

/// Ids of the invariants broken on some frame.
fn broken(timeline: &Timeline) -> Vec<String> {
    let mut ids: Vec<String> = timeline
        .frames
        .iter()
        .flat_map(|f| f.invariants.iter().filter(|i| !i.holds).map(|i| i.id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Outcomes in the results log at the end.
fn outcomes(timeline: &Timeline, outcome: &str) -> usize {
    rows(last(timeline), "store", "results")
        .iter()
        .filter(|r| r[3] == outcome)
        .count()
}

/// Injects the first fault on offer at every chance (up to `limit`, skipping
/// `gap` frames after each): the harshest run a user could click through.
fn crash_often(scenario: &str, seed: u64, gap: usize, limit: usize) -> Timeline {
    let mut choices = Choices::new(seed);
    let mut from = 0;
    loop {
        let timeline = play(scenario, &choices);
        let next = timeline
            .frames
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, f)| !f.faults.is_empty());
        match next {
            Some((i, f)) if choices.faults.len() < limit => {
                choices = choices.branch(i, &f.faults[0].id);
                from = i + 1 + gap;
            }
            _ => return timeline,
        }
    }
}

#[test]
fn one_worker_falls_behind_and_jobs_wait_longer_and_longer() {
    for seed in 0..200 {
        let timeline = play("without-pattern", &Choices::new(seed));
        assert_eq!(broken(&timeline), ["picked-up-promptly"], "seed {seed}");
        assert_eq!(outcomes(&timeline, "applied"), 16, "seed {seed}");
        assert!(
            last(&timeline).invariants.iter().any(|i| !i.holds),
            "seed {seed}: the late jobs stay on record"
        );
    }
}

#[test]
fn a_pool_keeps_every_promise_even_when_workers_crash() {
    for seed in 0..200 {
        let timeline = play("with-pattern", &Choices::new(seed));
        assert!(broken(&timeline).is_empty(), "seed {seed}: {:?}", broken(&timeline));
        assert_eq!(outcomes(&timeline, "applied"), 16);
    }
    for seed in 0..60 {
        for gap in [0, 3, 7] {
            let timeline = crash_often("with-pattern", seed, gap, 8);
            assert!(
                broken(&timeline).is_empty(),
                "seed {seed} gap {gap}: {:?}",
                broken(&timeline)
            );
            assert_eq!(outcomes(&timeline, "applied"), 16, "seed {seed} gap {gap}");
            assert_eq!(last(&timeline).event, EventKind::End);
        }
    }
}

#[test]
fn every_worker_count_runs_and_others_are_refused() {
    for workers in 1..=8 {
        let choices = Choices::new(11).with_param("workers", workers);
        let timeline = play("with-pattern", &choices);
        assert_eq!(timeline, play("with-pattern", &choices), "deterministic");
        assert_eq!(rows(last(&timeline), "workers", "pool").len(), workers as usize);
        assert_eq!(outcomes(&timeline, "applied"), 16);
        assert!(!broken(&timeline).contains(&"applied-once".to_owned()));
    }
    let more = play("with-pattern", &Choices::new(11).with_param("workers", 8));
    let one = play("with-pattern", &Choices::new(11).with_param("workers", 1));
    assert!(more.frames.len() <= one.frames.len());
    assert!(
        broken(&one).contains(&"picked-up-promptly".to_owned()),
        "one worker is the problem again"
    );
    for bad in [0, 9] {
        let out = run(spec(), "with-pattern", &Choices::new(0).with_param("workers", bad));
        assert!(
            matches!(out, Err(SimError::ParamOutOfRange { min: 1, max: 8, .. })),
            "{bad}: {out:?}"
        );
    }
}

#[test]
fn a_crashed_workers_job_becomes_visible_after_its_timeout_and_is_redelivered() {
    let timeline = play("worker-crash", &Choices::new(3));
    let crash = timeline
        .frames
        .iter()
        .position(|f| f.event == EventKind::Crash)
        .expect("worker 2 crashes");
    let job = rows(&timeline.frames[crash - 1], "workers", "pool")
        .iter()
        .find(|r| r[0] == "w2")
        .map(|r| r[2].to_owned())
        .expect("worker 2 had a job");
    let state = |f: &Frame| {
        rows(f, "queue", "messages")
            .iter()
            .find(|r| r[0] == job)
            .map(|r| r[1].to_owned())
    };
    assert_eq!(state(&timeline.frames[crash]).as_deref(), Some("invisible"));
    let timeout = (crash..timeline.frames.len())
        .find(|&i| timeline.frames[i].event == EventKind::Timeout)
        .expect("its visibility timeout runs out");
    assert_eq!(state(&timeline.frames[timeout]).as_deref(), Some("visible"));
    let again = rows(last(&timeline), "queue", "deliveries")
        .iter()
        .filter(|r| r[0] == job)
        .map(|r| r[2].to_owned())
        .collect::<Vec<_>>();
    assert_eq!(again, ["1", "2"], "delivered twice");
    assert!(broken(&timeline).is_empty());
    assert_eq!(outcomes(&timeline, "applied"), 16);
}

#[test]
fn a_crash_before_the_delete_is_a_duplicate_the_idempotent_handler_skips() {
    for seed in 0..50 {
        let timeline = play("crash-before-ack", &Choices::new(seed));
        assert_eq!(outcomes(&timeline, "duplicate skipped"), 1, "seed {seed}");
        assert_eq!(outcomes(&timeline, "applied"), 16, "seed {seed}");
        assert!(broken(&timeline).is_empty(), "seed {seed}");
    }
}

#[test]
fn a_timeout_shorter_than_the_work_puts_two_workers_on_one_job() {
    for seed in 0..50 {
        let timeline = play("timeout-too-short", &Choices::new(seed));
        let broken = broken(&timeline);
        assert!(
            broken.contains(&"one-worker-per-job".to_owned()),
            "seed {seed}: {broken:?}"
        );
        assert!(!broken.contains(&"applied-once".to_owned()), "seed {seed}: {broken:?}");
        assert!(outcomes(&timeline, "duplicate skipped") > 0, "seed {seed}");
        assert_eq!(outcomes(&timeline, "applied"), 16, "seed {seed}");
    }
    let fixed = play("timeout-too-short", &Choices::new(0).with_param("visibility", 6));
    assert!(broken(&fixed).is_empty(), "a timeout longer than any job fixes it");
}

#[test]
fn charts_follow_the_queue_depth_and_the_completed_jobs() {
    let timeline = play("without-pattern", &Choices::new(1));
    let charts = chart_series(spec(), "without-pattern", &timeline);
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["queue-depth", "completed"]);
    let waiting = &charts[0].series[0].points;
    assert_eq!(waiting.len(), timeline.frames.len());
    assert_eq!((waiting[0], *waiting.last().expect("points")), (0.0, 0.0));
    assert!(waiting.iter().any(|&d| d >= 4.0), "the queue grows: {waiting:?}");
    let applied = &charts[1].series[0].points;
    assert_eq!(*applied.last().expect("points"), 16.0);
    assert!(applied.windows(2).all(|w| w[0] <= w[1]), "completions only grow");
}
