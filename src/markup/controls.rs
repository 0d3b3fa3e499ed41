//! The simulation player's controls as markup: the scenario picker, a
//! picker per parameter of the scenario, the transport (play, previous,
//! next, restart, the step slider and the speed), the faults offered at a
//! frame and the copy-link button.
//!
//! The picker and the transport are written once, when the player opens
//! (see `player.rs`), and from then on the UI changes only their state in
//! place (which button is
//! disabled, what the counter says), so that focus stays on the control in
//! use; the parameters are written again when the scenario changes and the
//! faults when the frame does. What a click or a change means is read from
//! the `data-act`, `data-fault` and `data-param` attributes written here,
//! by one listener per kind of event on the whole player.

use super::builder::{Html, Markup};
use crate::sim::Params;
use crate::sim::frame::Frame;
use crate::sim::spec::{ParamSpec, SimulationSpec};

/// The speeds the player offers, as (frames per second, the picker's
/// value for it, label); the player starts at 1×.
pub const SPEEDS: [(f64, &str, &str); 4] = [
    (0.5, "0.5", "0.5×"),
    (1.0, "1", "1×"),
    (2.0, "2", "2×"),
    (4.0, "4", "4×"),
];

/// What a control of the player does when clicked: the `data-act` value
/// [`transport`], [`fault_offers`] and [`copy_link`] write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Plays or pauses.
    Play,
    /// One frame back.
    Back,
    /// One frame forward.
    Forward,
    /// Back to the first frame.
    Restart,
    /// Injects the fault named by the button's `data-fault`.
    Fault,
    /// Copies the page's address.
    Copy,
}

impl Act {
    /// The value of its `data-act` attribute.
    pub const fn name(self) -> &'static str {
        match self {
            Act::Play => "play",
            Act::Back => "back",
            Act::Forward => "forward",
            Act::Restart => "restart",
            Act::Fault => "fault",
            Act::Copy => "copy",
        }
    }

    /// The act a `data-act` value names, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        [Act::Play, Act::Back, Act::Forward, Act::Restart, Act::Fault, Act::Copy]
            .into_iter()
            .find(|act| act.name() == name)
    }
}

/// The scenario picker with `current` selected, and its description.
pub(super) fn scenario_picker(m: &mut Markup, spec: &SimulationSpec, current: &str) {
    m.open("div", &[("class", "sim-picker")]);
    m.leaf("label", &[("for", "sim-scenario")], "Scenario");
    m.open("select", &[("id", "sim-scenario")]);
    let mut description = "";
    for scenario in &spec.scenarios {
        let selected = scenario.id == current;
        if selected {
            description = &scenario.description;
        }
        option(m, &scenario.id, &scenario.title, selected);
    }
    m.close("select");
    m.leaf("p", &[("class", "sim-description")], description);
    m.close("div");
}

/// `<option value="value">label</option>`, selected or not.
fn option(m: &mut Markup, value: &str, label: &str, selected: bool) {
    m.leaf_flagged("option", &[("value", value)], ("selected", selected), label);
}

/// A labelled picker per parameter in `declared`, showing the value in
/// `chosen` or else its default; nothing when there are none.
pub fn param_pickers(declared: &[ParamSpec], chosen: &Params) -> Html {
    let mut m = Markup::new();
    for param in declared {
        let input_id = format!("sim-param-{}", param.id);
        let value = chosen.get(&param.id).unwrap_or(param.default);
        m.open("span", &[("class", "sim-field sim-param")]);
        m.leaf("label", &[("for", &input_id)], &param.label);
        m.open("select", &[("id", &input_id), ("data-param", &param.id)]);
        for n in param.min..=param.max {
            let n_text = n.to_string();
            option(&mut m, &n_text, &n_text, n == value);
        }
        m.close("select");
        m.close("span");
    }
    m.finish()
}

/// The transport at frame `step` of `0..=last`, paused, at 1×.
pub(super) fn transport(m: &mut Markup, step: usize, last: usize) {
    m.open("div", &[("class", "sim-controls")]);
    m.open("div", &[("class", "sim-buttons")]);
    let play = play_label(false);
    let play_attributes = [
        ("type", "button"),
        ("class", "sim-play"),
        ("data-act", Act::Play.name()),
        ("aria-label", play),
    ];
    m.leaf("button", &play_attributes, play);
    step_button(m, Act::Back, "Previous step", step == 0);
    step_button(m, Act::Forward, "Next step", step >= last);
    step_button(m, Act::Restart, "Restart", false);
    m.close("div");
    m.leaf(
        "p",
        &[("class", "sim-counter"), ("aria-live", "off")],
        &counter(step, last),
    );
    m.open("div", &[("class", "sim-range")]);
    m.open("span", &[("class", "sim-field sim-step-field")]);
    m.leaf("label", &[("for", "sim-step")], "Step");
    let (last, step) = (last.to_string(), step.to_string());
    let slider = [
        ("id", "sim-step"),
        ("type", "range"),
        ("min", "0"),
        ("max", &last),
        ("value", &step),
    ];
    m.open("input", &slider);
    m.close("span");
    m.open("span", &[("class", "sim-field")]);
    m.leaf("label", &[("for", "sim-speed")], "Speed");
    m.open("select", &[("id", "sim-speed")]);
    for (speed, value, label) in SPEEDS {
        option(m, value, label, speed == 1.0);
    }
    m.close("select");
    m.close("span");
    m.close("div");
    m.close("div");
}

/// A button of the transport that only moves through the frames.
fn step_button(m: &mut Markup, act: Act, label: &str, disabled: bool) {
    let attributes = [("type", "button"), ("data-act", act.name())];
    m.leaf_flagged("button", &attributes, ("disabled", disabled), label);
}

/// What the play button says: what a click on it does.
pub const fn play_label(playing: bool) -> &'static str {
    if playing { "Pause" } else { "Play" }
}

/// `Step K of N`: K is the 0-based frame shown, N the last; step 0 is the start.
pub fn counter(step: usize, last: usize) -> String {
    let start = if step == 0 { " (the start)" } else { "" };
    format!("Step {step} of {last}{start}")
}

/// The fault injected at `frame`, if any, and a button per fault it
/// offers; nothing when it has neither.
pub fn fault_offers(frame: &Frame) -> Html {
    let mut m = Markup::new();
    if let Some(injected) = &frame.injected {
        m.leaf(
            "p",
            &[("class", "sim-injected")],
            &format!("Injected here: {}", injected.label),
        );
    }
    if frame.faults.is_empty() {
        return m.finish();
    }
    m.open("div", &[("class", "sim-faults")]);
    m.leaf("h3", &[], "Faults you can inject here");
    m.open("ul", &[]);
    for fault in &frame.faults {
        m.open("li", &[]);
        let attributes = [
            ("type", "button"),
            ("class", "sim-fault"),
            ("data-act", Act::Fault.name()),
            ("data-fault", &fault.id),
        ];
        m.leaf("button", &attributes, &format!("Inject: {}", fault.label));
        m.close("li");
    }
    m.close("ul");
    m.close("div");
    m.finish()
}

/// A paragraph per notice about what a link asked for and what is shown
/// instead.
pub fn notices(notices: &[String]) -> Html {
    let mut m = Markup::new();
    for notice in notices {
        m.leaf("p", &[("class", "sim-notice")], notice);
    }
    m.finish()
}

/// Why the run cannot be shown, as an alert.
pub fn run_error(error: &str) -> Html {
    let mut m = Markup::new();
    let text = format!("This run could not be shown: {error}");
    m.leaf("p", &[("class", "sim-error"), ("role", "alert")], &text);
    m.finish()
}

/// "Copy link to this step" and the place that says whether it worked.
pub(super) fn copy_link(m: &mut Markup) {
    m.open("div", &[("class", "sim-copy")]);
    m.leaf(
        "button",
        &[("type", "button"), ("data-act", Act::Copy.name())],
        "Copy link to this step",
    );
    m.leaf("span", &[("class", "sim-copy-result"), ("role", "status")], "");
    m.close("div");
}
