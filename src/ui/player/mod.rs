//! The simulation player on a pattern's page: pick a scenario, step or
//! play through its frames, inject faults, and share a link to any step.
//!
//! The URL holds what is shown (`?scenario=ID&step=K&fault=K:id…`, see
//! [`crate::sim::link`]): opening such a link shows that step, paused, and
//! every change replaces the current history entry. The player owns time
//! (the autoplay interval, cleared when the page goes away); the frames
//! themselves come from [`crate::sim::run`].
//!
//! Everything the player shows is markup from [`crate::markup`]: written
//! once in three parts (top, stage, below the stage; see
//! [`super::first_render`]), with slots that follow the state
//! ([`slots`]), and one listener per kind of event ([`events`]).

mod events;
mod slots;
mod state;

use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;

use super::effects::effect;
use super::first_render::{later_still, latest};
use super::links::pattern_href;
use super::markup_host::markup;
use super::reduced_motion::prefers_reduced_motion;
use super::router::{History, use_location};
use crate::markup::{player_below_stage, player_stage, player_top};
use crate::sim::spec::SimulationSpec;
use crate::sim::{self, Choices, clamp_step, format_query, parse_faults, parse_query, pick_params, pick_scenario};
use events::{on_change, on_click, on_input, on_key};
use slots::{follow_below_stage, follow_stage, follow_top};
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

    let top = player_top(spec, &scenario, step, last);
    let state = PlayerState::new(spec, scenario, choices, step);
    state.notices.set(notices);

    keep_url_in_step(state, slug, had_query);
    autoplay(state);
    let root = NodeRef::<Div>::new();
    follow_top(state, root);
    view! {
        <div class="sim-player" node_ref=root tabindex="0" role="region" aria-label="Simulation player"
            aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
            on:keydown=move |ev| on_key(state, &ev)
            on:click=move |ev| on_click(state, &ev)
            on:change=move |ev| on_change(state, &ev)
            on:input=move |ev| on_input(state, &ev)>
            {markup(top)}
            {later_still(move || {
                follow_stage(state, root);
                markup(player_stage())
            })}
            {latest(move || {
                follow_below_stage(state, root);
                markup(player_below_stage(prefers_reduced_motion()))
            })}
        </div>
    }
    .into_any()
}

/// Writes the scenario, step and faults shown into the URL, replacing the
/// history entry. A page opened without simulation parameters keeps its
/// plain address until the user moves.
fn keep_url_in_step(state: PlayerState, slug: String, had_query: bool) {
    let location = use_location();
    let mut first_run = true;
    effect(Box::new(move || {
        let query = state
            .choices
            .with(|c| format_query(&state.scenario.read(), state.step.get(), &c.params, &c.faults));
        if std::mem::take(&mut first_run) && !had_query {
            return;
        }
        location.navigate(&format!("{}{query}", pattern_href(&slug)), History::Replace, false);
    }));
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
    effect(Box::new(move || {
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
    }));
    on_cleanup(stop);
}
