//! The player's state: which scenario, which choices, which step, playing
//! or not, and the timeline computed from them. A `Copy` bundle of signals
//! so that each part of the player reads only what it shows.

use leptos::prelude::*;

use crate::markup::Html;
use crate::sim::frame::Timeline;
use crate::sim::spec::SimulationSpec;
use crate::sim::{self, Choices};

/// The seed every run uses, so that a link always shows the same story.
pub const SEED: u64 = 7;

/// Everything the player shows follows from these signals.
#[derive(Clone, Copy)]
pub struct PlayerState {
    pub spec: &'static SimulationSpec,
    pub scenario: RwSignal<String>,
    pub choices: RwSignal<Choices>,
    /// The index of the frame shown, 0 being the start.
    pub step: RwSignal<usize>,
    pub playing: RwSignal<bool>,
    /// Frames per second.
    pub speed: RwSignal<f64>,
    /// Quiet messages about what the link asked for and what is shown instead.
    pub notices: RwSignal<Vec<String>>,
    /// The run of the current scenario and choices, or why it failed.
    pub timeline: Memo<Result<Timeline, String>>,
}

impl PlayerState {
    /// A player on `scenario` with `choices`, at `step`, paused.
    pub fn new(spec: &'static SimulationSpec, scenario: String, choices: Choices, step: usize) -> Self {
        let scenario = RwSignal::new(scenario);
        let choices = RwSignal::new(choices);
        let timeline = Memo::new(move |_| sim::run(spec, &scenario.read(), &choices.read()).map_err(|e| e.to_string()));
        Self {
            spec,
            scenario,
            choices,
            step: RwSignal::new(step),
            playing: RwSignal::new(false),
            speed: RwSignal::new(1.0),
            notices: RwSignal::new(Vec::new()),
            timeline,
        }
    }

    /// The index of the last frame (0 when the run failed).
    pub fn last(&self) -> usize {
        self.timeline
            .with(|t| t.as_ref().map_or(0, |t| t.frames.len().saturating_sub(1)))
    }

    /// What happened in the frame shown (tracking it), in a sentence;
    /// nothing when the run failed.
    pub fn narration(&self) -> String {
        let step = self.step.get();
        self.timeline.with(|t| {
            t.as_ref()
                .ok()
                .and_then(|t| t.frames.get(step))
                .map(|f| f.narration.clone())
                .unwrap_or_default()
        })
    }

    /// What `render` writes of the run at the step shown (tracking both);
    /// nothing when the run failed.
    pub fn render(&self, render: &dyn Fn(&Timeline, usize) -> Html) -> Html {
        let step = self.step.get();
        self.timeline.with(|t| match t {
            Ok(t) if step < t.frames.len() => render(t, step),
            _ => Html::default(),
        })
    }

    /// Shows frame `step`, clamped to the timeline.
    pub fn go(&self, step: usize) {
        let last = self
            .timeline
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.frames.len().saturating_sub(1)));
        self.step.set(step.min(last));
    }

    /// One frame forward or back.
    pub fn step_by(&self, delta: isize) {
        let step = self.step.get_untracked().saturating_add_signed(delta);
        self.go(step);
    }

    /// Plays from the current frame (from the start when at the end), or pauses.
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        } else {
            let last = self
                .timeline
                .with_untracked(|t| t.as_ref().map_or(0, |t| t.frames.len().saturating_sub(1)));
            if self.step.get_untracked() >= last {
                self.step.set(0);
            }
            self.playing.set(true);
        }
    }

    /// Injects `fault` at the current frame: the timeline branches from here
    /// and the player stays on this frame.
    pub fn inject(&self, fault: &str) {
        let step = self.step.get_untracked();
        self.choices.update(|c| *c = c.branch(step, fault));
    }

    /// Sets a parameter of the scenario and reruns it from its start: the
    /// faults chosen so far belonged to the old run, so they are dropped.
    pub fn set_param(&self, id: &str, value: u32) {
        self.playing.set(false);
        self.choices.update(|c| {
            c.params.insert(id.to_owned(), value);
            c.faults.clear();
        });
        self.step.set(0);
    }

    /// Switches to another scenario, at its start, with no faults.
    pub fn pick(&self, scenario: String) {
        self.playing.set(false);
        self.choices.update(|c| *c = Choices::new(c.seed));
        self.scenario.set(scenario);
        self.step.set(0);
        self.notices.set(Vec::new());
    }
}
