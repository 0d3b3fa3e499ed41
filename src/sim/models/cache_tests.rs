//! The read-through cache as the shipped catalog scripts it (data only, no
//! model code): without a cache every read is a query; through the cache a
//! miss loads and fills with a TTL, hits skip the database, an expired entry
//! is evicted and reloaded, concurrent misses stampede unless one loader per
//! key (single-flight) makes the others wait, and a write without
//! invalidation leaves a stale entry until its TTL runs out.

use crate::sim::frame::{EventKind, Frame, Timeline};
use crate::sim::spec::SimulationSpec;
use crate::sim::test_support::{last, rows, shipped};
use crate::sim::{Choices, chart_series, run};

fn spec() -> &'static SimulationSpec {
    shipped("read-through-cache")
}

fn play(scenario: &str, choices: &Choices) -> Timeline {
    run(spec(), scenario, choices).unwrap_or_else(|e| panic!("{scenario}: {e}"))
}

fn stat(frame: &Frame, counter: &str) -> u32 {
    rows(frame, "app", "stats")
        .iter()
        .find(|r| r[0] == counter)
        .and_then(|r| r[1].parse().ok())
        .expect("a counter")
}

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

/// The most database loads of one key running at once.
fn peak_loads(timeline: &Timeline) -> usize {
    timeline
        .frames
        .iter()
        .map(|f| rows(f, "db", "running").len())
        .max()
        .unwrap_or(0)
}

#[test]
fn without_a_cache_every_read_is_a_query_and_a_burst_runs_them_side_by_side() {
    let timeline = play("without-pattern", &Choices::new(0));
    let end = last(&timeline);
    assert_eq!(stat(end, "reads"), 12);
    assert_eq!(stat(end, "db loads"), 12);
    assert_eq!(stat(end, "hit ratio %"), 0);
    assert_eq!(peak_loads(&timeline), 4);
    assert_eq!(broken(&timeline), ["one-load-per-key"]);
}

#[test]
fn through_the_cache_misses_load_hits_skip_the_database_and_expiry_reloads() {
    let timeline = play("with-pattern", &Choices::new(0));
    assert!(broken(&timeline).is_empty(), "{:?}", broken(&timeline));
    let end = last(&timeline);
    assert_eq!(
        (stat(end, "reads"), stat(end, "cache hits"), stat(end, "db loads")),
        (12, 6, 3)
    );
    let sources: Vec<&str> = rows(end, "app", "reads").iter().map(|r| r[3]).collect();
    assert_eq!(sources.iter().filter(|s| **s == "cache").count(), 6);
    assert!(
        timeline
            .frames
            .iter()
            .any(|f| f.event == EventKind::Timeout && f.narration.contains("TTL")),
        "the entry expires"
    );
    assert_eq!(peak_loads(&timeline), 1, "four concurrent misses share one load");
    let waiting = timeline.frames.iter().map(|f| rows(f, "cache", "waiting").len()).max();
    assert_eq!(waiting, Some(4));
    let reads = rows(end, "app", "reads");
    assert!(
        reads.iter().all(|r| r[5] == "current"),
        "the write invalidated the entry"
    );
    assert_eq!(reads.last().map(|r| r[2]), Some("$12.00"));
}

#[test]
fn a_cache_restart_is_a_cold_start_that_reloads_once() {
    let base = play("with-pattern", &Choices::new(0));
    let offers: Vec<usize> = (0..base.frames.len())
        .filter(|&i| base.frames[i].faults.iter().any(|f| f.id == "cache-restart"))
        .collect();
    assert!(offers.len() >= 3, "offered at every hit");
    for frame in offers {
        let timeline = play("with-pattern", &Choices::new(0).with_fault(frame, "cache-restart"));
        assert_eq!(timeline.frames[frame + 1].event, EventKind::Crash);
        assert_eq!(timeline.frames[frame + 2].event, EventKind::Recover);
        assert!(rows(&timeline.frames[frame + 2], "cache", "entries").is_empty(), "cold");
        assert!(broken(&timeline).is_empty(), "at {frame}: {:?}", broken(&timeline));
        assert!(stat(last(&timeline), "db loads") >= stat(last(&base), "db loads"));
    }
}

#[test]
fn a_stampede_loads_the_same_key_five_times_and_single_flight_once() {
    let stampede = play("stampede", &Choices::new(0));
    assert_eq!(peak_loads(&stampede), 5);
    assert_eq!(stat(last(&stampede), "db loads"), 6);
    assert_eq!(broken(&stampede), ["one-load-per-key"]);
    let cured = play("stampede-single-flight", &Choices::new(0));
    assert_eq!(peak_loads(&cured), 1);
    assert_eq!(stat(last(&cured), "db loads"), 2);
    assert!(broken(&cured).is_empty());
    assert_eq!(
        stat(last(&stampede), "reads"),
        stat(last(&cured), "reads"),
        "the same reads"
    );
}

#[test]
fn a_write_without_invalidation_is_stale_until_the_ttl_and_invalidation_fixes_it() {
    let stale = play("stale-after-write", &Choices::new(0));
    assert_eq!(broken(&stale), ["fresh-reads"], "stale, but never older than the TTL");
    let reads = rows(last(&stale), "app", "reads");
    let freshness: Vec<&str> = reads.iter().map(|r| r[5]).collect();
    assert_eq!(
        freshness,
        ["current", "current", "stale", "stale", "current", "current"]
    );
    assert!(reads.iter().all(|r| r[4].parse::<u32>().is_ok_and(|age| age < 30)));
    let write = stale
        .frames
        .iter()
        .position(|f| f.faults.iter().any(|o| o.id == "invalidate"))
        .expect("the invalidation is offered at the write");
    let fixed = play("stale-after-write", &Choices::new(0).with_fault(write, "invalidate"));
    assert!(broken(&fixed).is_empty(), "{:?}", broken(&fixed));
    assert!(rows(&fixed.frames[write + 1], "cache", "entries").is_empty());
}

#[test]
fn charts_show_the_hit_ratio_climbing_and_the_database_load() {
    let with = play("with-pattern", &Choices::new(0));
    let charts = chart_series(spec(), "with-pattern", &with);
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["hit-ratio", "db-load"]);
    let ratio = &charts[0].series[0].points;
    assert_eq!((ratio[0], *ratio.last().expect("points")), (0.0, 50.0));
    let loads = &charts[1].series[0].points;
    assert_eq!(*loads.last().expect("points"), 3.0);
    let without = play("without-pattern", &Choices::new(0));
    let charts = chart_series(spec(), "without-pattern", &without);
    assert_eq!(*charts[1].series[0].points.last().expect("points"), 12.0);
    assert_eq!(charts[1].series[1].points.iter().copied().fold(0.0, f64::max), 4.0);
}
