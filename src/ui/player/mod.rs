//! The simulation player on a pattern's page: pick a scenario, step or
//! play through its frames, inject faults, and share a link to any step.
//!
//! The URL holds what is shown (`?scenario=ID&step=K&fault=K:id…`, see
//! [`crate::sim::link`]): opening such a link shows that step, paused, and
//! every change replaces the current history entry. The player owns time
//! (the autoplay interval, cleared when the page goes away); the frames
//! themselves come from [`crate::sim::run`].

mod charts;
mod controls;
mod copy_link;
mod faults;
mod params;
mod state;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::first_render::{later_still, latest};
use super::links::pattern_href;
use super::markup_host::live_markup;
use super::reduced_motion::prefers_reduced_motion;
use super::router::{History, use_location};
use crate::markup::{diagram, invariants, state_panels, transcript};
use crate::sim::spec::SimulationSpec;
use crate::sim::{self, Choices, clamp_step, format_query, parse_faults, parse_query, pick_params, pick_scenario};
use crate::ui::collect_any::CollectAny;
use charts::Charts;
use controls::Controls;
use copy_link::CopyLink;
use faults::Faults;
use params::Params;
use state::{PlayerState, SEED};

/// The player for `spec`, the simulation of the pattern `slug`.
#[component]
pub fn Player(
    /// The pattern's slug, for the links the player writes.
    slug: String,
    /// The simulation to play.
    spec: &'static SimulationSpec,
) -> impl IntoView {
    let location = use_location();
    let query = parse_query(&location.search.get_untracked());
    let had_query = query.scenario.is_some() || query.step.is_some() || !query.faults.is_empty();
    let ids: Vec<&str> = spec.scenarios.iter().map(|s| s.id.as_str()).collect();
    let Some((scenario, scenario_notice)) = pick_scenario(query.scenario.as_deref(), &ids) else {
        return view! { <p class="sim-error" role="alert">"This simulation has no scenarios yet."</p> }.into_any();
    };
    let mut notices: Vec<String> = scenario_notice.into_iter().collect();
    let (faults, fault_notices) = parse_faults(&query.faults);
    notices.extend(fault_notices);
    let mut choices = Choices::new(SEED);
    choices.faults = faults;
    let declared = sim::scenario_info(spec, &scenario)
        .map(|s| s.params)
        .unwrap_or_default();
    let (params, param_notices) = pick_params(&query.params, declared);
    choices.params = params;
    notices.extend(param_notices);
    let mut run = sim::run(spec, &scenario, &choices);
    if let Err(error) = &run
        && !choices.faults.is_empty()
    {
        notices.push(format!(
            "The faults in this link could not be applied ({error}); showing the scenario without them."
        ));
        choices.faults.clear();
        run = sim::run(spec, &scenario, &choices);
    }
    let last = run.map_or(0, |t| t.frames.len().saturating_sub(1));
    let (step, step_notice) = clamp_step(query.step.as_deref(), last);
    notices.extend(step_notice);

    let state = PlayerState::new(spec, scenario, choices, step);
    state.notices.set(notices);

    keep_url_in_step(state, slug, had_query);
    autoplay(state);

    let options = spec
        .scenarios
        .iter()
        .map(|s| view! { <option value=s.id.clone()>{s.title.clone()}</option> })
        .collect_any();
    let description = move || sim::scenario_info(state.spec, &state.scenario.read()).map(|s| s.description.to_owned());
    let notices = move || {
        state
            .notices
            .get()
            .into_iter()
            .map(|n| view! { <p class="sim-notice">{n}</p> })
            .collect_any()
    };
    let error = move || {
        state
            .timeline
            .with(|t| t.as_ref().err().cloned())
            .map(|e| view! { <p class="sim-error" role="alert">{format!("This run could not be shown: {e}")}</p> })
    };
    let narration = move || state.frame().map(|f| f.narration).unwrap_or_default();
    view! {
        <div class="sim-player" tabindex="0" role="region" aria-label="Simulation player"
            aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
            on:keydown=move |ev| on_key(state, &ev)>
            <div class="sim-picker">
                <label for="sim-scenario">"Scenario"</label>
                <select id="sim-scenario"
                    prop:value=move || state.scenario.get()
                    on:change=move |ev| state.pick(event_target_value(&ev))>
                    {options}
                </select>
                <p class="sim-description">{description}</p>
            </div>
            <div class="sim-notices" role="status">{notices}</div>
            {error}
            <Params state/>
            <Controls state/>
            {later_still(move || view! {
                <div class="sim-stage">
                    <figure class="sim-figure">
                        // Focusable, so that keyboards can scroll it on a narrow screen.
                        <div class="sim-diagram-scroll" tabindex="0" role="group" aria-label="Diagram">
                            {live_markup(move || state.render(&|t, k| diagram(spec, &t.frames[k], glide_ms(state.speed.get()))))}
                        </div>
                        <figcaption class="sim-narration" aria-live="polite">{narration}</figcaption>
                        <Charts state/>
                    </figure>
                    <div class="sim-side">
                        {live_markup(move || state.render(&|t, k| invariants(&t.frames[k], &t.breaches_before(k))))}
                        {move || state.frame().map(|frame| view! { <Faults state frame/> })}
                    </div>
                </div>
            })}
            {latest(move || view! {
                <div class="sim-panels">
                    {live_markup(move || state.render(&|t, k| state_panels(spec, &t.frames[k])))}
                </div>
                <CopyLink/>
                <Transcript state/>
                <p class="sim-keys">
                    "Keys, with the player focused: Space plays or pauses, ← and → step, Home and End jump to the start and the end."
                </p>
            })}
        </div>
    }
    .into_any()
}

/// How long a message glides at this speed: most of a frame's time, so it
/// lands before the next frame; none with reduced motion.
fn glide_ms(speed: f64) -> u32 {
    if prefers_reduced_motion() {
        return 0;
    }
    (700.0 / speed.max(0.1)).clamp(120.0, 1200.0) as u32
}

/// The whole run as a numbered list of narrations, open from the start
/// when the user prefers reduced motion.
#[component]
fn Transcript(state: PlayerState) -> impl IntoView {
    view! {
        <details class="sim-transcript" open=prefers_reduced_motion()>
            <summary>"Transcript of this run"</summary>
            {live_markup(move || state.timeline.with(|t| t.as_ref().map(transcript).unwrap_or_default()))}
        </details>
    }
}

/// Writes the scenario, step and faults shown into the URL, replacing the
/// history entry. A page opened without simulation parameters keeps its
/// plain address until the user moves.
fn keep_url_in_step(state: PlayerState, slug: String, had_query: bool) {
    let location = use_location();
    Effect::new(move |previous: Option<()>| {
        let query = state
            .choices
            .with(|c| format_query(&state.scenario.read(), state.step.get(), &c.params, &c.faults));
        if previous.is_none() && !had_query {
            return;
        }
        location.navigate(&format!("{}{query}", pattern_href(&slug)), History::Replace, false);
    });
}

/// Advances one frame every `1000 ms / speed` while playing and stops at
/// the last frame; the interval is cleared on pause and when the player
/// goes away.
fn autoplay(state: PlayerState) {
    let handle = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        handle.try_update_value(|h| {
            if let Some(h) = h.take() {
                h.clear();
            }
        });
    };
    Effect::new(move |_| {
        let playing = state.playing.get();
        let speed = state.speed.get();
        stop();
        if !playing {
            return;
        }
        let tick = move || {
            let last = state
                .timeline
                .try_with_untracked(|t| t.as_ref().map_or(0, |t| t.frames.len().saturating_sub(1)))
                .unwrap_or(0);
            let Some(step) = state.step.try_get_untracked() else {
                return;
            };
            if step < last {
                state.step.set(step + 1);
            }
            if step + 1 >= last {
                state.playing.set(false);
            }
        };
        let period = Duration::from_millis((1000.0 / speed.max(0.1)) as u64);
        handle.set_value(set_interval_with_handle(tick, period).ok());
    });
    on_cleanup(stop);
}

/// Space, arrows, Home and End while focus is in the player, except in its
/// select, slider and (for Space) buttons, which handle those keys themselves,
/// and (for the arrows) a diagram wider than the screen, which they scroll.
fn on_key(state: PlayerState, ev: &leptos::ev::KeyboardEvent) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let tag = target
        .as_ref()
        .map(|e| e.tag_name().to_ascii_uppercase())
        .unwrap_or_default();
    if matches!(tag.as_str(), "SELECT" | "INPUT" | "TEXTAREA") || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    // On a screen narrower than the diagram, ← and → scroll it instead.
    let diagram_overflows = target
        .as_ref()
        .is_some_and(|e| e.class_name() == "sim-diagram-scroll" && e.scroll_width() > e.client_width());
    if diagram_overflows && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
        return;
    }
    let last = state.last();
    match ev.key().as_str() {
        " " | "Spacebar" if tag != "BUTTON" => state.toggle(),
        "ArrowLeft" => {
            state.playing.set(false);
            state.step_by(-1);
        }
        "ArrowRight" => {
            state.playing.set(false);
            state.step_by(1);
        }
        "Home" => {
            state.playing.set(false);
            state.go(0);
        }
        "End" => {
            state.playing.set(false);
            state.go(last);
        }
        _ => return,
    }
    ev.prevent_default();
}
