//! Bad catalog snippets, each rejected with a message that names the
//! pattern, the scenario and the field (down to the step).

use serde_json::json;

use crate::sim::test_support::{errors, has_error, read, sample, shipped_saga_json, with};

const STEP0: &str = "/scenarios/0/steps/0";
const FIELD0: &str = "simulation.scenarios[0].steps[0]";

#[test]
fn the_sample_and_the_shipped_saga_are_valid() {
    let spec = read(&sample()).expect("the sample is valid");
    assert_eq!(spec.scenarios[0].actors, vec!["client", "queue", "worker"]);
    assert_eq!(spec.scenarios[0].invariants.len(), 2);
    assert!(read(&shipped_saga_json()).is_ok());
}

#[test]
fn an_unknown_actor_in_a_message_names_pattern_scenario_and_step() {
    let bad = with(sample(), &format!("{STEP0}/message/to"), json!("wroker"));
    let errors = errors(&bad);
    assert!(
        has_error(
            &errors,
            &format!("{FIELD0}.message.to"),
            "names the unknown actor \"wroker\""
        ),
        "{errors:?}"
    );
    let text = errors[0].to_string();
    assert!(
        text.contains("pattern \"Test\" (test)") && text.contains("scenario \"basic\""),
        "{text}"
    );
}

#[test]
fn an_unknown_actor_in_an_effect_or_an_invariant_is_rejected() {
    let bad = with(sample(), "/scenarios/0/steps/1/effects/0/actor", json!("queu"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[1].effects[0].actor",
        "unknown actor \"queu\""
    ));
    let bad = with(sample(), "/scenarios/0/invariants/1/actor", json!("nobody"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].invariants[1].actor",
        "unknown actor \"nobody\""
    ));
    let bad = with(sample(), "/invariants/0/actor", json!("nobody"));
    assert!(has_error(
        &errors(&bad),
        "simulation.invariants[0].actor",
        "unknown actor"
    ));
}

#[test]
fn an_actor_the_scenario_does_not_show_is_rejected() {
    let mut bad = sample();
    bad["scenarios"][0]["actors"] = json!(["client", "queue"]);
    let errors = errors(&bad);
    assert!(
        has_error(
            &errors,
            "simulation.scenarios[0].steps[2].effects[1].actor",
            "does not show"
        ),
        "{errors:?}"
    );
    assert!(
        has_error(
            &errors,
            "simulation.scenarios[0].invariants[0]",
            "not shown in this scenario"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_missing_panel_or_a_panel_of_the_wrong_kind_is_rejected() {
    let bad = with(sample(), "/scenarios/0/steps/1/effects/0/panel", json!("tasks"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[1].effects[0].panel",
        "does not have (panels: jobs)"
    ));
    let bad = with(sample(), "/scenarios/0/steps/2/effects/1/op", json!("push"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[2].effects[1].panel",
        "needs a queue"
    ));
    let bad = with(sample(), "/scenarios/0/steps/2/effects/1/row", json!(["j1"]));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[2].effects[1].row",
        "has 1 cells"
    ));
}

#[test]
fn a_message_that_is_not_in_flight_is_rejected() {
    let bad = with(sample(), "/scenarios/0/steps/1/message", json!("j9"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[1].message",
        "refers to the message \"j9\""
    ));
    let bad = with(sample(), "/scenarios/0/steps/2/event", json!("deliver"));
    let errors = errors(&bad);
    assert!(
        has_error(&errors, "simulation.scenarios[0].steps[2].message", "is missing"),
        "{errors:?}"
    );
}

#[test]
fn unknown_event_kinds_and_models_are_rejected() {
    let bad = with(sample(), &format!("{STEP0}/event"), json!("teleport"));
    assert!(has_error(
        &errors(&bad),
        &format!("{FIELD0}.event"),
        "unknown event kind \"teleport\""
    ));
    let bad = with(sample(), &format!("{STEP0}/event"), json!("start"));
    assert!(has_error(
        &errors(&bad),
        &format!("{FIELD0}.event"),
        "frame 0 is the start"
    ));
    let mut saga = shipped_saga_json();
    if let Some(scenario) = saga.pointer_mut("/scenarios/0") {
        scenario["model"] = json!("saga-orchestra");
    }
    assert!(has_error(
        &errors(&saga),
        "simulation.scenarios[0].model",
        "unknown model \"saga-orchestra\""
    ));
}

#[test]
fn positions_outside_the_canvas_are_rejected() {
    let bad = with(sample(), "/actors/2/x", json!(401));
    assert!(has_error(
        &errors(&bad),
        "simulation.actors[2].x",
        "outside the 400 × 200 canvas"
    ));
    assert!(read(&with(sample(), "/actors/2/x", json!(400))).is_ok());
}

#[test]
fn duplicate_actor_and_scenario_ids_are_rejected() {
    let bad = with(sample(), "/actors/1/id", json!("client"));
    assert!(has_error(
        &errors(&bad),
        "simulation.actors[1].id",
        "repeats the actor id \"client\""
    ));
    let mut bad = sample();
    if let Some(scenarios) = bad.pointer_mut("/scenarios").and_then(|s| s.as_array_mut()) {
        let copy = scenarios[0].clone();
        scenarios.push(copy);
    }
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[1].id",
        "repeats the scenario id \"basic\""
    ));
}

#[test]
fn scripts_must_end_once_at_the_end() {
    let mut bad = sample();
    if let Some(steps) = bad.pointer_mut("/scenarios/0/steps").and_then(|s| s.as_array_mut()) {
        steps.pop();
    }
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps",
        "must finish with an `end` step"
    ));
    let bad = with(sample(), "/scenarios/0/steps/2/event", json!("end"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[2].event",
        "more steps follow it"
    ));
    let bad = with(
        sample(),
        "/scenarios/0/steps/1",
        json!({"event": "end", "narration": "Stop."}),
    );
    let errors = errors(&bad);
    assert!(
        has_error(&errors, "simulation.scenarios[0].steps[1]", "still in flight: j1"),
        "{errors:?}"
    );
    assert!(
        has_error(
            &errors,
            "simulation.scenarios[0].steps[1].event",
            "more steps follow it"
        ),
        "{errors:?}"
    );
}

#[test]
fn plans_typos_and_broken_references_are_rejected() {
    let mut bad = sample();
    bad["scenarios"][0]["plan"] = json!(["worker-crahs"]);
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].plan[0]",
        "no step offers"
    ));
    let mut bad = sample();
    bad["scenarios"][0]["steps"][0]["narattion"] = json!("typo");
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].steps[0].narattion",
        "is not a field here"
    ));
    let mut bad = sample();
    bad["scenarios"][0]["steps_from"] = json!("other");
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0]",
        "needs exactly one of"
    ));
    let bad = with(sample(), "/scenarios/0/invariants/0", json!("done-twice"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].invariants[0]",
        "unknown invariant \"done-twice\""
    ));
    let bad = with(sample(), "/scenarios/0/invariants/1/kind", json!("at_most"));
    assert!(has_error(
        &errors(&bad),
        "simulation.scenarios[0].invariants[1].kind",
        "unknown invariant kind"
    ));
}

#[test]
fn a_fault_branch_sees_the_messages_in_flight_at_its_step() {
    // The branch starts after `j1` was delivered, so it cannot deliver it again.
    let mut bad = sample();
    bad["scenarios"][0]["steps"][1]["faults"][0]["steps"][0] =
        json!({"event": "deliver", "message": "j1", "narration": "Again."});
    let field = "simulation.scenarios[0].steps[1].faults[0].steps[0].message";
    assert!(has_error(&errors(&bad), field, "refers to the message \"j1\""));
}

#[test]
fn the_saga_data_is_checked_for_a_sound_shape() {
    let mut saga = shipped_saga_json();
    saga["models"]["saga"]["steps"][1]["action"]["effects"][0]["actor"] = json!("inventory");
    saga["models"]["saga"]["steps"][1]["action"]["effects"][0]["panel"] = json!("stock");
    saga["models"]["saga"]["steps"][1]["action"]["effects"][0]["row"] = json!(["lamp", "9"]);
    let errors = errors(&saga);
    let field = "simulation.models.saga.steps[1].action.effects[0].actor";
    assert!(has_error(&errors, field, "may only change \"payment\""), "{errors:?}");

    let mut saga = shipped_saga_json();
    saga["models"]["saga"]["steps"][0]["retriable"] = json!(true);
    let errors = crate::sim::test_support::errors(&saga);
    assert!(
        has_error(
            &errors,
            "simulation.models.saga.steps[0].compensation",
            "never compensated"
        ),
        "{errors:?}"
    );
    assert!(
        has_error(&errors, "simulation.models.saga.steps[1].retriable", "must come before"),
        "{errors:?}"
    );

    let mut saga = shipped_saga_json();
    saga["scenarios"][1]["plan"] = json!(["fail:confirm-order"]);
    assert!(has_error(
        &crate::sim::test_support::errors(&saga),
        "simulation.scenarios[1].plan[0]",
        "never offers"
    ));
}
