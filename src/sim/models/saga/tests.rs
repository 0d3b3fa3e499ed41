//! The orchestrated saga as the shipped catalog describes it: happy path,
//! failures at each step with compensations newest first, timeouts in both
//! flavours (the step ran, or it never did), retries with the same
//! idempotency key, late replies, and crashes recovered from the saga log.

use crate::sim::frame::{ActorStatus, EventKind, Timeline};
use crate::sim::test_support::{last, rows, shipped_saga};
use crate::sim::{Choices, run};

fn play(scenario: &str, choices: &Choices) -> Timeline {
    run(shipped_saga(), scenario, choices).unwrap_or_else(|e| panic!("{scenario}: {e}"))
}

/// The timeline after injecting `fault` at the first frame that offers it.
fn play_with(scenario: &str, fault: &str) -> Timeline {
    let base = play(scenario, &Choices::new(5));
    let frame = base
        .frames
        .iter()
        .position(|f| f.faults.iter().any(|o| o.id == fault))
        .expect("the fault is offered");
    play(scenario, &Choices::new(5).with_fault(frame, fault))
}

fn order_status(timeline: &Timeline) -> Option<String> {
    rows(last(timeline), "order", "orders").first().map(|r| r[3].to_owned())
}

/// `(step, status)` of every saga log entry at the end.
fn log(timeline: &Timeline) -> Vec<(String, String)> {
    rows(last(timeline), "orchestrator", "saga-log")
        .iter()
        .map(|r| (r[0].to_owned(), r[1].to_owned()))
        .collect()
}

fn compensated_in_order(timeline: &Timeline) -> Vec<String> {
    log(timeline)
        .into_iter()
        .filter(|(_, s)| s == "compensating")
        .map(|(step, _)| step)
        .collect()
}

fn sends_of(timeline: &Timeline, label: &str) -> usize {
    timeline
        .frames
        .iter()
        .filter(|f| f.event == EventKind::Send && f.moves.iter().any(|m| m.label == label))
        .count()
}

fn ledger(timeline: &Timeline) -> Vec<String> {
    rows(last(timeline), "payment", "ledger")
        .iter()
        .map(|r| r[1].to_owned())
        .collect()
}

#[test]
fn the_happy_path_commits_every_step_and_confirms_the_order() {
    let timeline = play("orchestrated-happy-path", &Choices::new(0));
    assert_eq!(order_status(&timeline).as_deref(), Some("CONFIRMED"));
    let committed: Vec<String> = log(&timeline)
        .into_iter()
        .filter(|(_, s)| s == "committed")
        .map(|(step, _)| step)
        .collect();
    assert_eq!(
        committed,
        [
            "create-order",
            "charge-payment",
            "reserve-stock",
            "schedule-shipment",
            "confirm-order"
        ]
    );
    assert_eq!(ledger(&timeline), ["charge"]);
    assert_eq!(rows(last(&timeline), "inventory", "stock"), [vec!["lamp", "2"]]);
    assert_eq!(timeline.frames.len(), 22, "four frames per step, a start and an end");
}

#[test]
fn a_failure_at_each_step_compensates_the_committed_steps_newest_first() {
    let cases = [
        ("orchestrated-payment-declined", vec!["create-order"]),
        ("orchestrated-out-of-stock", vec!["charge-payment", "create-order"]),
        (
            "orchestrated-no-courier",
            vec!["reserve-stock", "charge-payment", "create-order"],
        ),
    ];
    for (scenario, expected) in cases {
        let timeline = play(scenario, &Choices::new(0));
        assert_eq!(compensated_in_order(&timeline), expected, "{scenario}");
        assert_eq!(order_status(&timeline).as_deref(), Some("CANCELLED"), "{scenario}");
        assert!(log(&timeline).iter().any(|(_, s)| s == "failed"), "{scenario}");
    }
    let declined = play("orchestrated-payment-declined", &Choices::new(0));
    assert_eq!(
        rows(last(&declined), "payment", "payments"),
        [vec!["ord-1", "$42.00", "DECLINED"]]
    );
    assert!(ledger(&declined).is_empty(), "a declined card moves no money");
    let no_courier = play("orchestrated-no-courier", &Choices::new(0));
    assert_eq!(ledger(&no_courier), ["charge", "refund"]);
    assert_eq!(rows(last(&no_courier), "inventory", "reservations")[0][3], "RELEASED");
}

#[test]
fn a_refund_whose_reply_and_retry_are_lost_is_retried_with_the_same_key_and_refunds_once() {
    let timeline = play("orchestrated-refund-retry", &Choices::new(0));
    assert_eq!(sends_of(&timeline, "RefundPayment"), 3);
    assert_eq!(
        timeline.frames.iter().filter(|f| f.event == EventKind::Timeout).count(),
        2
    );
    assert_eq!(
        ledger(&timeline),
        ["charge", "refund"],
        "the card is refunded exactly once"
    );
    let keys = rows(last(&timeline), "payment", "processed");
    assert!(keys.contains(&vec!["ord-1/charge-payment/undo", "PaymentRefunded"]));
    assert!(
        timeline
            .frames
            .iter()
            .any(|f| f.narration.contains("confirms without undoing twice"))
    );
    let notes: Vec<Vec<&str>> = rows(last(&timeline), "orchestrator", "saga-log");
    assert_eq!(
        notes
            .iter()
            .filter(|r| r[1] == "compensating" && r[2] == "retry after a timeout")
            .count(),
        2
    );
    assert_eq!(order_status(&timeline).as_deref(), Some("CANCELLED"));
}

#[test]
fn after_a_timeout_the_step_is_compensated_and_the_late_reply_ignored() {
    let timeline = play("orchestrated-late-reply", &Choices::new(0));
    assert!(log(&timeline).contains(&("reserve-stock".to_owned(), "timed out".to_owned())));
    assert_eq!(
        compensated_in_order(&timeline),
        ["reserve-stock", "charge-payment", "create-order"]
    );
    let late = timeline
        .frames
        .iter()
        .position(|f| f.event == EventKind::Deliver && f.moves.iter().any(|m| m.label == "StockReserved"))
        .expect("the late reply arrives");
    assert!(timeline.frames[late].narration.contains("ignores"));
    assert_eq!(
        timeline.frames[late].world.actors,
        timeline.frames[late - 1].world.actors,
        "ignoring changes nothing"
    );
    assert_eq!(rows(last(&timeline), "inventory", "reservations")[0][3], "RELEASED");
    // The seed decides when the late reply lands.
    let landings: std::collections::BTreeSet<usize> = (0..16)
        .map(|seed| {
            let t = play("orchestrated-late-reply", &Choices::new(seed));
            t.frames
                .iter()
                .position(|f| f.event == EventKind::Deliver && f.moves.iter().any(|m| m.label == "StockReserved"))
        })
        .map(|p| p.expect("arrives"))
        .collect();
    assert!(landings.len() > 1, "the delay depends on the seed: {landings:?}");
}

#[test]
fn a_lost_command_means_there_is_nothing_to_undo_but_the_key_is_kept() {
    let timeline = play_with("orchestrated-happy-path", "lose:ChargePayment");
    assert!(log(&timeline).contains(&("charge-payment".to_owned(), "timed out".to_owned())));
    assert!(ledger(&timeline).is_empty(), "no money moved either way");
    assert!(rows(last(&timeline), "payment", "payments").is_empty());
    assert!(
        rows(last(&timeline), "payment", "processed").contains(&vec!["ord-1/charge-payment/undo", "nothing to undo"])
    );
    assert_eq!(order_status(&timeline).as_deref(), Some("CANCELLED"));
    // The timeout's narration gives the reason compensating is safe, which
    // is what the frames above show, not just that RefundPayment is idempotent.
    let timeout = timeline
        .frames
        .iter()
        .find(|f| f.event == EventKind::Timeout)
        .expect("the orchestrator times out");
    assert!(
        timeout
            .narration
            .contains("RefundPayment reverses it if it did, and otherwise undoes nothing and makes Payment refuse a late ChargePayment"),
        "{}",
        timeout.narration
    );
}

#[test]
fn a_lost_reply_means_the_step_ran_and_is_really_compensated() {
    let timeline = play_with("orchestrated-happy-path", "lose:PaymentCharged");
    assert_eq!(ledger(&timeline), ["charge", "refund"]);
    assert_eq!(rows(last(&timeline), "payment", "payments")[0][2], "REFUNDED");
}

#[test]
fn a_lost_failure_reply_compensates_a_refused_step_as_a_no_op() {
    let base = play("orchestrated-payment-declined", &Choices::new(0));
    let frame = base
        .frames
        .iter()
        .position(|f| f.faults.iter().any(|o| o.id == "lose:PaymentDeclined"))
        .expect("offered");
    let timeline = play(
        "orchestrated-payment-declined",
        &Choices::new(0).with_fault(frame, "lose:PaymentDeclined"),
    );
    assert!(
        timeline
            .frames
            .iter()
            .any(|f| f.narration.contains("it had refused ChargePayment"))
    );
    assert_eq!(
        rows(last(&timeline), "payment", "payments"),
        [vec!["ord-1", "$42.00", "DECLINED"]]
    );
    assert_eq!(order_status(&timeline).as_deref(), Some("CANCELLED"));
}

#[test]
fn past_the_point_of_no_return_a_step_is_retried_not_compensated() {
    let timeline = play_with("orchestrated-happy-path", "lose:ConfirmOrder");
    assert_eq!(sends_of(&timeline, "ConfirmOrder"), 2);
    assert!(compensated_in_order(&timeline).is_empty());
    assert_eq!(order_status(&timeline).as_deref(), Some("CONFIRMED"));
    assert!(
        !timeline
            .frames
            .iter()
            .any(|f| f.faults.iter().any(|o| o.id == "fail:confirm-order"))
    );
}

#[test]
fn the_orchestrator_resumes_from_its_log_after_a_crash() {
    let timeline = play("orchestrated-crash", &Choices::new(0));
    let crash = timeline
        .frames
        .iter()
        .position(|f| f.event == EventKind::Crash)
        .expect("a crash");
    let recover = timeline
        .frames
        .iter()
        .position(|f| f.event == EventKind::Recover)
        .expect("a recovery");
    let status = |i: usize| {
        timeline.frames[i]
            .world
            .actors
            .iter()
            .find(|a| a.id == "orchestrator")
            .map(|a| a.status)
    };
    assert!((crash..recover).all(|i| status(i) == Some(ActorStatus::Down)));
    assert_eq!(status(recover), Some(ActorStatus::Up));
    assert!(
        timeline.frames[crash + 1].event == EventKind::Drop,
        "the reply reaches a dead orchestrator"
    );
    assert_eq!(sends_of(&timeline, "ReserveStock"), 2);
    assert_eq!(rows(last(&timeline), "inventory", "reservations").len(), 1);
    assert_eq!(
        rows(last(&timeline), "inventory", "stock"),
        [vec!["lamp", "2"]],
        "reserved once"
    );
    assert_eq!(order_status(&timeline).as_deref(), Some("CONFIRMED"));
}

#[test]
fn a_crash_during_compensation_still_refunds_exactly_once() {
    let timeline = play_with("orchestrated-out-of-stock", "crash:RefundPayment");
    assert!(timeline.frames.iter().any(|f| f.event == EventKind::Recover));
    assert_eq!(sends_of(&timeline, "RefundPayment"), 2);
    assert_eq!(ledger(&timeline), ["charge", "refund"]);
    assert_eq!(order_status(&timeline).as_deref(), Some("CANCELLED"));
}

#[test]
fn the_choreography_confirms_or_compensates_through_events() {
    let happy = play("choreography-happy-path", &Choices::new(0));
    assert_eq!(order_status(&happy).as_deref(), Some("CONFIRMED"));
    let no_courier = play("choreography-no-courier", &Choices::new(0));
    let events: Vec<String> = rows(last(&no_courier), "bus", "events")
        .iter()
        .map(|r| r[1].to_owned())
        .collect();
    assert_eq!(
        events,
        [
            "OrderCreated",
            "PaymentCharged",
            "StockReserved",
            "NoCourier",
            "StockReleased",
            "PaymentRefunded"
        ]
    );
    assert_eq!(order_status(&no_courier).as_deref(), Some("CANCELLED"));
    let twice = play_with("choreography-happy-path", "duplicate-delivery");
    assert_eq!(rows(last(&twice), "shipping", "shipments").len(), 1);
    assert_eq!(order_status(&twice).as_deref(), Some("CONFIRMED"));
}
