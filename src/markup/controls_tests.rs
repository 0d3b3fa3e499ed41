//! The player's controls and layout as markup: what is selected and
//! disabled, what each control's `data-act` says, where the slots are, and
//! that catalog text stays text in them.

use super::player_tests::count;
use super::*;
use crate::sim::frame::FaultOption;
use crate::sim::spec::SimulationSpec;
use crate::sim::test_support::shipped;
use crate::sim::{Choices, Params, run};

#[test]
fn the_top_selects_the_scenario_shown_and_says_what_it_is() {
    let spec = shipped("saga");
    let chosen = &spec.scenarios[2];
    let top = player_top(spec, &chosen.id, 0, 9).into_string();
    assert_eq!(count(&top, "<option "), spec.scenarios.len() + SPEEDS.len());
    assert_eq!(count(&top, " selected"), 2, "one scenario and one speed: {top}");
    assert!(
        top.contains(&format!(r#"<option value="{}" selected="">"#, chosen.id)),
        "{top}"
    );
    assert!(
        top.contains(r#"<option value="1" selected="">1×</option>"#),
        "starts at 1×"
    );
    assert!(top.contains(&format!(r#"<p class="sim-description">{}</p>"#, chosen.description)));
}

#[test]
fn the_transport_disables_what_would_leave_the_run() {
    let spec = shipped("saga");
    let id = &spec.scenarios[0].id;
    let at_start = player_top(spec, id, 0, 9).into_string();
    assert!(at_start.contains(r#"<button type="button" data-act="back" disabled="">Previous step</button>"#));
    assert!(at_start.contains(r#"<button type="button" data-act="forward">Next step</button>"#));
    assert!(at_start.contains(">Step 0 of 9 (the start)</p>"), "{at_start}");
    assert!(at_start.contains(r#"max="9" value="0""#));
    let at_end = player_top(spec, id, 9, 9).into_string();
    assert!(at_end.contains(r#"<button type="button" data-act="back">Previous step</button>"#));
    assert!(at_end.contains(r#"data-act="forward" disabled="">Next step</button>"#));
    assert!(at_end.contains(">Step 9 of 9</p>"), "{at_end}");
    assert!(at_end.contains(r#"data-act="play" aria-label="Play">Play</button>"#));
}

#[test]
fn every_act_written_is_one_the_listener_reads_back() {
    let spec = shipped("saga");
    let mut html = player_top(spec, &spec.scenarios[0].id, 1, 5).into_string();
    html.push_str(player_below_stage(false).as_str());
    let mut frame = run(spec, &spec.scenarios[0].id, &Choices::new(7))
        .expect("runs")
        .frames
        .remove(1);
    frame.faults = vec![FaultOption {
        id: "f".into(),
        label: "F".into(),
    }];
    html.push_str(fault_offers(&frame).as_str());
    let acts: Vec<&str> = html
        .split(r#"data-act=""#)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(acts, ["play", "back", "forward", "restart", "copy", "fault"]);
    for act in acts {
        let read = Act::from_name(act).expect("a known act");
        assert_eq!(read.name(), act);
    }
    assert_eq!(Act::from_name("launch"), None);
}

#[test]
fn parameters_offer_their_range_with_the_chosen_value_selected() {
    let spec = shipped("competing-consumers");
    let scenario = spec
        .scenarios
        .iter()
        .find(|s| !s.params.is_empty())
        .expect("a scenario with parameters");
    let param = &scenario.params[0];
    let mut chosen = Params::default();
    let html = param_pickers(&scenario.params, &chosen).into_string();
    let options = (param.max - param.min + 1) as usize;
    assert!(count(&html, "<option ") >= options, "{html}");
    assert!(html.contains(&format!(
        r#"<option value="{0}" selected="">{0}</option>"#,
        param.default
    )));
    let other = if param.default == param.min {
        param.max
    } else {
        param.min
    };
    chosen.insert(param.id.clone(), other);
    let html = param_pickers(&scenario.params, &chosen).into_string();
    assert!(
        html.contains(&format!(r#"<option value="{0}" selected="">{0}</option>"#, other)),
        "{html}"
    );
    assert!(html.contains(&format!(r#"<select id="sim-param-{0}" data-param="{0}">"#, param.id)));
    assert!(param_pickers(&[], &chosen).as_str().is_empty());
}

#[test]
fn catalog_text_stays_text_in_the_controls() {
    let payload = r#""><img src=x onerror=alert(1)>"#;
    let mut spec: SimulationSpec = shipped("saga").clone();
    spec.scenarios[0].id = payload.into();
    spec.scenarios[0].title = payload.into();
    spec.scenarios[0].description = payload.into();
    let top = player_top(&spec, payload, 0, 1).into_string();
    assert!(!top.contains("<img"), "{top}");
    assert_eq!(count(&top, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), 3, "{top}");
    let mut frame = run(shipped("saga"), &shipped("saga").scenarios[0].id, &Choices::new(7))
        .expect("runs")
        .frames
        .remove(0);
    frame.faults = vec![FaultOption {
        id: payload.into(),
        label: payload.into(),
    }];
    frame.injected = Some(FaultOption {
        id: "x".into(),
        label: payload.into(),
    });
    let faults = fault_offers(&frame).into_string();
    assert!(!faults.contains("<img"), "{faults}");
    assert!(
        notices(&[payload.into()])
            .as_str()
            .starts_with(r#"<p class="sim-notice">&quot;&gt;&lt;img"#)
    );
    assert!(!run_error(payload).as_str().contains("<img"));
}

#[test]
fn a_frame_offering_no_fault_writes_no_fault_list() {
    let spec = shipped("saga");
    let mut frame = run(spec, &spec.scenarios[0].id, &Choices::new(7))
        .expect("runs")
        .frames
        .remove(0);
    frame.faults.clear();
    frame.injected = None;
    assert!(fault_offers(&frame).as_str().is_empty());
    frame.injected = Some(FaultOption {
        id: "x".into(),
        label: "Crash".into(),
    });
    assert_eq!(
        fault_offers(&frame).as_str(),
        r#"<p class="sim-injected">Injected here: Crash</p>"#
    );
}

#[test]
fn every_slot_is_written_once_in_the_layout() {
    let spec = shipped("saga");
    let mut layout = player_top(spec, &spec.scenarios[0].id, 0, 3).into_string();
    layout.push_str(player_stage().as_str());
    layout.push_str(player_below_stage(true).as_str());
    let slots = [
        Slot::Notices,
        Slot::RunError,
        Slot::Params,
        Slot::Diagram,
        Slot::Narration,
        Slot::Charts,
        Slot::Invariants,
        Slot::Faults,
        Slot::Panels,
        Slot::Transcript,
    ];
    for slot in slots {
        let selector = slot.selector();
        let written = match selector.strip_prefix('.') {
            Some(class) => format!(r#"class="{class}""#),
            None => format!(
                r#"data-slot="{}""#,
                selector.trim_start_matches("[data-slot=").trim_end_matches(']')
            ),
        };
        assert_eq!(count(&layout, &written), 1, "{slot:?} ({written})");
    }
    assert!(layout.contains(r#"<details class="sim-transcript" open="">"#));
    assert!(
        player_below_stage(false)
            .as_str()
            .contains(r#"<details class="sim-transcript">"#)
    );
}

#[test]
fn the_counter_names_the_start() {
    assert_eq!(counter(0, 4), "Step 0 of 4 (the start)");
    assert_eq!(counter(3, 4), "Step 3 of 4");
    assert_eq!(play_label(true), "Pause");
    assert_eq!(play_label(false), "Play");
}
