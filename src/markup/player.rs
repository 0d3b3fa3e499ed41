//! The simulation player's layout, in the three parts the app's first
//! render spreads over its tasks: the top (scenario picker, notices,
//! parameters and transport), the stage (diagram, narration, charts,
//! invariants and faults) and what lies below it (the actors' panels, the
//! copy-link button, the transcript and the keys). The parts whose content
//! follows the frame shown are empty slots here, each found by a
//! [`Slot`]'s selector, which the UI fills and keeps filled.

use super::builder::{Html, Markup};
use super::controls::{copy_link, scenario_picker, transport};
use crate::sim::spec::SimulationSpec;

/// A place in the player whose content the UI writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Notices about what a link asked for and what is shown instead.
    Notices,
    /// Why the run cannot be shown, if it cannot.
    RunError,
    /// The scenario's parameter pickers.
    Params,
    /// The diagram of the frame shown.
    Diagram,
    /// What happened in the frame shown, in a sentence.
    Narration,
    /// The charts, drawn up to the frame shown.
    Charts,
    /// The invariants checked on the frame shown.
    Invariants,
    /// The faults the frame shown offers, and the one injected there.
    Faults,
    /// The actors' state panels at the frame shown.
    Panels,
    /// Every narration of the run.
    Transcript,
}

impl Slot {
    /// The CSS selector that finds the slot in the player.
    pub const fn selector(self) -> &'static str {
        match self {
            Slot::Notices => ".sim-notices",
            Slot::RunError => "[data-slot=run-error]",
            Slot::Params => "[data-slot=params]",
            Slot::Diagram => ".sim-diagram-scroll",
            Slot::Narration => ".sim-narration",
            Slot::Charts => "[data-slot=charts]",
            Slot::Invariants => "[data-slot=invariants]",
            Slot::Faults => "[data-slot=faults]",
            Slot::Panels => ".sim-panels",
            Slot::Transcript => "[data-slot=transcript]",
        }
    }
}

/// The top of the player of `spec`, on `scenario` at frame `step` of
/// `0..=last`, paused.
pub fn player_top(spec: &SimulationSpec, scenario: &str, step: usize, last: usize) -> Html {
    let mut m = Markup::new();
    scenario_picker(&mut m, spec, scenario);
    m.leaf("div", &[("class", "sim-notices"), ("role", "status")], "");
    m.slot("run-error");
    m.slot("params");
    transport(&mut m, step, last);
    m.finish()
}

/// The stage: the diagram (focusable, so that a keyboard can scroll it on
/// a narrow screen), the narration and the charts, and beside them the
/// invariants and the faults.
pub fn player_stage() -> Html {
    let mut m = Markup::new();
    m.open("div", &[("class", "sim-stage")]);
    m.open("figure", &[("class", "sim-figure")]);
    let diagram = [
        ("class", "sim-diagram-scroll"),
        ("tabindex", "0"),
        ("role", "group"),
        ("aria-label", "Diagram"),
    ];
    m.leaf("div", &diagram, "");
    m.leaf("figcaption", &[("class", "sim-narration"), ("aria-live", "polite")], "");
    m.slot("charts");
    m.close("figure");
    m.open("div", &[("class", "sim-side")]);
    m.slot("invariants");
    m.slot("faults");
    m.close("div");
    m.close("div");
    m.finish()
}

/// Below the stage: the actors' panels, the copy-link button, the
/// transcript (`open` from the start when the user prefers reduced
/// motion) and the player's keys.
pub fn player_below_stage(transcript_open: bool) -> Html {
    let mut m = Markup::new();
    m.leaf("div", &[("class", "sim-panels")], "");
    copy_link(&mut m);
    m.open_flagged("details", &[("class", "sim-transcript")], ("open", transcript_open));
    m.leaf("summary", &[], "Transcript of this run");
    m.slot("transcript");
    m.close("details");
    let keys = "Keys, with the player focused: Space plays or pauses, ← and → step, Home and End jump to the start and the end.";
    m.leaf("p", &[("class", "sim-keys")], keys);
    m.finish()
}
