//! What each part of the player shows, slot by slot (see
//! [`crate::markup::Slot`]), for each of the three parts the player is
//! written in, and the transport, which is changed in place.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::state::PlayerState;
use crate::markup::{
    Act, Html, Slot, charts, counter, diagram, fault_offers, invariants, notices, param_pickers, play_label, run_error,
    state_panels, transcript,
};
use crate::sim;
use crate::ui::effects::effect;
use crate::ui::in_place::{find, follow_markup, follow_text, set_flag, set_text};
use crate::ui::reduced_motion::prefers_reduced_motion;

/// [`follow_markup`] for a slot of the player.
fn follow(root: NodeRef<Div>, slot: Slot, write: Box<dyn Fn() -> Html>) {
    follow_markup(root, slot.selector(), write);
}

/// The top: the scenario's description, the notices, why the run cannot
/// be shown, the parameters and the transport.
pub fn follow_top(state: PlayerState, root: NodeRef<Div>) {
    let spec = state.spec;
    keep_transport_in_step(state, root);
    follow_text(
        root,
        ".sim-description",
        Box::new(move || {
            let scenario = state.scenario.read();
            sim::scenario_info(spec, &scenario).map_or(String::new(), |s| s.description.to_owned())
        }),
    );
    follow(
        root,
        Slot::Notices,
        Box::new(move || state.notices.with(|n| notices(n))),
    );
    follow(
        root,
        Slot::RunError,
        Box::new(move || {
            state
                .timeline
                .with(|t| t.as_ref().err().map(|e| run_error(e)))
                .unwrap_or_default()
        }),
    );
    // Written again only when the scenario changes, so that a picker keeps
    // focus while its own change reruns the scenario.
    follow(
        root,
        Slot::Params,
        Box::new(move || {
            let scenario = state.scenario.read();
            let declared = sim::scenario_info(spec, &scenario).map_or(&[][..], |s| s.params);
            state.choices.with_untracked(|c| param_pickers(declared, &c.params))
        }),
    );
}

/// The stage: the diagram, the narration, the charts, the invariants and
/// the faults of the frame shown.
pub fn follow_stage(state: PlayerState, root: NodeRef<Div>) {
    let spec = state.spec;
    follow(
        root,
        Slot::Diagram,
        Box::new(move || state.render(&|t, k| diagram(spec, &t.frames[k], glide_ms(state.speed.get())))),
    );
    follow_text(root, Slot::Narration.selector(), Box::new(move || state.narration()));
    // A chart's series are computed once per run, and drawn up to the step shown.
    let series = Memo::new(move |_| {
        state.timeline.with(|timeline| match timeline {
            Ok(timeline) => sim::chart_series(spec, &state.scenario.read(), timeline),
            Err(_) => Vec::new(),
        })
    });
    follow(
        root,
        Slot::Charts,
        Box::new(move || {
            let step = state.step.get();
            series.with(|series| charts(series, step))
        }),
    );
    follow(
        root,
        Slot::Invariants,
        Box::new(move || state.render(&|t, k| invariants(&t.frames[k], &t.breaches_before(k)))),
    );
    follow(
        root,
        Slot::Faults,
        Box::new(move || state.render(&|t, k| fault_offers(&t.frames[k]))),
    );
}

/// Below the stage: the actors' panels and the transcript.
pub fn follow_below_stage(state: PlayerState, root: NodeRef<Div>) {
    let spec = state.spec;
    follow(
        root,
        Slot::Panels,
        Box::new(move || state.render(&|t, k| state_panels(spec, &t.frames[k]))),
    );
    follow(
        root,
        Slot::Transcript,
        Box::new(move || state.timeline.with(|t| t.as_ref().map(transcript).unwrap_or_default())),
    );
}

/// Keeps the transport, written once, in step with `state`: the play
/// button's label, which step buttons are disabled, the counter and the
/// slider.
fn keep_transport_in_step(state: PlayerState, root: NodeRef<Div>) {
    effect(Box::new(move || {
        let (step, last, playing) = (state.step.get(), state.last(), state.playing.get());
        if let Some(play) = find(root, ".sim-play") {
            set_text(&play, play_label(playing));
            let _ = play.set_attribute("aria-label", play_label(playing));
        }
        for (act, disabled) in [(Act::Back, step == 0), (Act::Forward, step >= last)] {
            if let Some(button) = find(root, &format!("[data-act={}]", act.name())) {
                set_flag(&button, "disabled", disabled);
            }
        }
        if let Some(counter_text) = find(root, ".sim-counter") {
            set_text(&counter_text, &counter(step, last));
        }
        if let Some(slider) = find(root, "#sim-step").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            let _ = slider.set_attribute("max", &last.to_string());
            slider.set_value(&step.to_string());
        }
    }));
}

/// How long a message glides at this speed: most of a frame's time, so it
/// lands before the next frame; none with reduced motion.
fn glide_ms(speed: f64) -> u32 {
    if prefers_reduced_motion() {
        return 0;
    }
    (700.0 / speed.max(0.1)).clamp(120.0, 1200.0) as u32
}
