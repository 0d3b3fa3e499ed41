//! The player's markup, written from frames of the shipped simulations and
//! from frames changed by hand.

use super::diagram::status_word;
use super::*;
use crate::sim::frame::{Breach, Frame, Timeline};
use crate::sim::spec::SimulationSpec;
use crate::sim::test_support::shipped;
use crate::sim::{Choices, chart_series, run};

fn timeline(slug: &str, scenario: &str) -> (&'static SimulationSpec, Timeline) {
    let spec = shipped(slug);
    (spec, run(spec, scenario, &Choices::new(7)).expect("the scenario runs"))
}

/// The first frame of the saga's happy path on which a message moves.
fn saga_frame_with_a_move() -> (&'static SimulationSpec, Frame) {
    let (spec, timeline) = timeline("saga", "orchestrated-happy-path");
    let frame = timeline
        .frames
        .into_iter()
        .find(|f| !f.moves.is_empty())
        .expect("a move");
    (spec, frame)
}

/// How many times `part` occurs in `text`.
pub(super) fn count(text: &str, part: &str) -> usize {
    text.matches(part).count()
}

#[test]
fn the_diagram_draws_a_box_per_actor_and_an_arrow_per_move() {
    let (spec, frame) = saga_frame_with_a_move();
    let svg = diagram(spec, &frame, 700).into_string();
    assert!(svg.starts_with(r#"<svg class="sim-diagram" viewBox="0 0 "#), "{svg}");
    assert!(svg.ends_with("</svg>"));
    assert_eq!(count(&svg, r#"<g class="actor status-"#), frame.world.actors.len());
    assert_eq!(count(&svg, r#"<g class="message kind-"#), frame.moves.len());
    for state in &frame.world.actors {
        let actor = spec.actors.iter().find(|a| a.id == state.id).expect("a declared actor");
        assert!(
            svg.contains(&format!(">{}</text>", actor.label)),
            "{} is labelled",
            actor.id
        );
    }
    assert_eq!(count(&svg, r#"marker-end="url(#sim-arrowhead)""#), frame.moves.len());
    assert_eq!(
        count(&svg, r#"dur="700ms""#),
        2 * frame.moves.len(),
        "a token glides along x and y"
    );
}

#[test]
fn without_motion_the_diagram_has_no_gliding_token() {
    let (spec, frame) = saga_frame_with_a_move();
    let svg = diagram(spec, &frame, 0).into_string();
    assert_eq!(count(&svg, "<circle"), 0);
    assert_eq!(count(&svg, "<animate"), 0);
    assert_eq!(count(&svg, r#"<g class="message kind-"#), frame.moves.len());
}

#[test]
fn a_lost_message_stops_half_way_without_an_arrowhead_and_says_so() {
    let (spec, mut frame) = saga_frame_with_a_move();
    frame.moves.truncate(1);
    frame.moves[0].dropped = true;
    let svg = diagram(spec, &frame, 0).into_string();
    assert!(svg.contains(" dropped\">"), "{svg}");
    assert!(!svg.contains("marker-end"), "{svg}");
    assert!(
        svg.contains(&format!(">{} ✕ lost</text>", frame.moves[0].label)),
        "{svg}"
    );
    assert!(svg.contains("(lost)"), "the text alternative says so too: {svg}");
}

#[test]
fn the_diagram_says_in_words_what_it_shows() {
    let (spec, frame) = saga_frame_with_a_move();
    let svg = diagram(spec, &frame, 0).into_string();
    let first = &frame.world.actors[0];
    let label = &spec.actors.iter().find(|a| a.id == first.id).expect("actor").label;
    assert!(
        svg.contains(&format!(
            r#"aria-label="Diagram. {label} {}"#,
            status_word(first.status)
        )),
        "{svg}"
    );
    assert!(svg.contains(" Messages: "), "{svg}");
}

#[test]
fn catalog_text_is_escaped_in_text_and_in_attributes() {
    let (spec, mut frame) = saga_frame_with_a_move();
    frame.moves.truncate(1);
    frame.moves[0].label = r#"<img src=x onerror="alert(1)">"#.into();
    let svg = diagram(spec, &frame, 0).into_string();
    assert!(!svg.contains("<img"), "{svg}");
    assert!(
        svg.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</text>"),
        "{svg}"
    );
    frame.world.actors[0].panels = vec![crate::sim::frame::Panel {
        id: "p".into(),
        title: "<b>".into(),
        kind: crate::sim::frame::PanelKind::Table,
        columns: vec!["a&b".into()],
        rows: vec![vec!["</td>".into()]],
    }];
    let panels = state_panels(spec, &frame).into_string();
    assert!(
        panels.contains("<caption>&lt;b&gt;</caption>") && panels.contains(">a&amp;b</th>"),
        "{panels}"
    );
    assert!(panels.contains("<td>&lt;/td&gt;</td>"), "{panels}");
}

#[test]
fn panels_show_each_actor_with_records_and_say_when_one_is_empty() {
    let (spec, timeline) = timeline("competing-consumers", "with-pattern");
    let frame = &timeline.frames[0];
    let html = state_panels(spec, frame).into_string();
    let with_panels = frame.world.actors.iter().filter(|a| !a.panels.is_empty()).count();
    assert!(with_panels > 0);
    assert_eq!(count(&html, r#"<div class="sim-actor-panels">"#), with_panels);
    let tables: usize = frame.world.actors.iter().map(|a| a.panels.len()).sum();
    assert_eq!(count(&html, r#"<table class="sim-panel">"#), tables);
    let empty = frame
        .world
        .actors
        .iter()
        .flat_map(|a| &a.panels)
        .find(|p| p.rows.is_empty())
        .expect("an empty panel");
    let row = format!(
        r#"<td class="empty" colspan="{}">(empty)</td>"#,
        empty.columns.len().max(1)
    );
    assert!(html.contains(&row), "{html}");
}

#[test]
fn an_invariant_broken_earlier_stays_broken_with_its_step() {
    let catalog = crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid");
    let runs = catalog.patterns.iter().flat_map(|p| {
        let spec = p.simulation.as_ref().and_then(|s| s.spec().ok());
        spec.into_iter()
            .flat_map(|spec| spec.scenarios.iter().map(move |s| run(spec, &s.id, &Choices::new(7))))
    });
    let (timeline, step) = runs
        .flatten()
        .find_map(|timeline| {
            let step = (0..timeline.frames.len()).find(|&k| {
                let frame = &timeline.frames[k];
                timeline
                    .breaches_before(k)
                    .iter()
                    .zip(&frame.invariants)
                    .any(|(b, i)| b.is_some() && i.holds)
            })?;
            Some((timeline, step))
        })
        .expect("a shipped run where an invariant breaks and then holds again");
    let html = invariants(&timeline.frames[step], &timeline.breaches_before(step)).into_string();
    assert!(html.contains(r#"<span class="badge">broken earlier</span>"#), "{html}");
    assert!(html.contains("; it holds again now</span>"), "{html}");
    let mut frame = timeline.frames[step].clone();
    frame.invariants.truncate(1);
    frame.invariants[0].holds = true;
    frame.invariants[0].pending = false;
    let earlier = [Some(Breach {
        step: 3,
        detail: Some("two workers took j1".into()),
    })];
    let html = invariants(&frame, &earlier).into_string();
    assert!(
        html.contains(" — at step 3: two workers took j1; it holds again now"),
        "{html}"
    );
    assert!(html.contains(r#"<li class="sim-invariant broken">"#), "{html}");
    assert!(
        invariants(&frame, &[None])
            .as_str()
            .contains(r#"<li class="sim-invariant holding"><span class="badge">holding</span>"#)
    );
}

#[test]
fn a_frame_without_invariants_or_charts_writes_nothing() {
    let (spec, mut frame) = saga_frame_with_a_move();
    frame.invariants.clear();
    assert_eq!(invariants(&frame, &[]).as_str(), "");
    assert_eq!(charts(&[], 3).as_str(), "");
    let (_, timeline) = timeline("saga", "orchestrated-happy-path");
    assert!(chart_series(spec, "orchestrated-happy-path", &timeline).is_empty());
}

#[test]
fn charts_plot_each_series_up_to_the_step_shown() {
    let (spec, timeline) = timeline("competing-consumers", "with-pattern");
    let series = chart_series(spec, "with-pattern", &timeline);
    assert!(!series.is_empty());
    let step = 4;
    let html = charts(&series, step).into_string();
    assert_eq!(count(&html, r#"<figure class="sim-chart">"#), series.len());
    let lines: usize = series.iter().map(|c| c.series.len()).sum();
    assert_eq!(count(&html, "<polyline "), lines);
    for polyline in html.split("<polyline ").skip(1) {
        let points = polyline
            .split("points=\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .expect("points");
        assert_eq!(points.split_whitespace().count(), step + 1, "{points}");
    }
    assert!(
        html.contains(&format!("{} at step {step}: ", series[0].title)),
        "{html}"
    );
}

#[test]
fn the_transcript_lists_every_frame_in_order() {
    let (_, timeline) = timeline("saga", "orchestrated-payment-declined");
    let items = transcript(&timeline).into_string();
    assert_eq!(count(&items, "<li>"), timeline.frames.len());
    assert!(items.ends_with("</li></ol>"), "{items}");
    let first = format!("<ol start=\"0\"><li>{}</li>", timeline.frames[0].narration);
    assert!(items.starts_with(&first), "{items}");
}
