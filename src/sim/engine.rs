//! The one engine every scenario runs on. A [`Source`] (a script or a
//! computed model) yields steps one at a time; the engine applies each to
//! the world, records a frame, injects the chosen or planned faults where
//! they are offered, and finally judges the invariants on every frame.

use super::choices::{self, Choices, Params};
use super::error::SimError;
use super::frame::{ActorStatus, EventKind, Frame, Message, Timeline, World};
use super::invariants;
use super::models;
use super::prng::Prng;
use super::script::ScriptSource;
use super::spec::{ScenarioBody, ScenarioSpec, SimulationSpec, Step, Transit};
use super::world;

/// No scenario may run longer than this many frames.
pub const MAX_FRAMES: usize = 2_000;

/// Where steps come from: a script or a model.
pub trait Source {
    /// The next step, or `None` once the scenario has ended.
    fn next(&mut self, rng: &mut Prng) -> Result<Option<Step>, String>;
    /// Follows a fault that the last step offered.
    fn inject(&mut self, fault: &str, rng: &mut Prng) -> Result<(), String>;
}

/// Runs a scenario with the user's choices into a timeline.
pub fn run(spec: &SimulationSpec, scenario_id: &str, choices: &Choices) -> Result<Timeline, SimError> {
    let scenario = spec.scenario(scenario_id).ok_or_else(|| SimError::UnknownScenario {
        scenario: scenario_id.to_owned(),
        known: spec.scenarios.iter().map(|s| s.id.clone()).collect(),
    })?;
    let params = choices::check(scenario, choices)?;
    let broken = |frame: usize| {
        move |problem: String| SimError::Broken {
            scenario: scenario.id.clone(),
            frame,
            problem,
        }
    };
    let mut source = source(spec, scenario, &params).map_err(broken(0))?;
    let world = world::initial(&spec.actors, scenario).map_err(broken(0))?;
    let mut rng = Prng::new(choices.seed);
    let mut frames = vec![Frame {
        event: EventKind::Start,
        narration: scenario.start.clone(),
        world: world.clone(),
        moves: Vec::new(),
        invariants: Vec::new(),
        faults: Vec::new(),
        injected: None,
    }];
    let mut chosen = choices.faults.iter().peekable();
    let mut plan = scenario.plan.iter().peekable();
    let mut state = State {
        world,
        handles: Vec::new(),
        next_id: 1,
    };
    loop {
        let index = frames.len() - 1;
        let frame = &mut frames[index];
        let injected = if let Some((_, fault)) = chosen.next_if(|(at, _)| *at == index) {
            let offered = frame
                .faults
                .iter()
                .find(|f| &f.id == fault)
                .ok_or_else(|| SimError::FaultNotOffered {
                    scenario: scenario.id.clone(),
                    frame: index,
                    fault: fault.clone(),
                    offered: frame.faults.iter().map(|f| f.id.clone()).collect(),
                })?;
            Some(offered.clone())
        } else if let Some(offered) = plan.peek().and_then(|id| frame.faults.iter().find(|f| &&f.id == id)) {
            plan.next();
            Some(offered.clone())
        } else {
            None
        };
        if let Some(fault) = injected {
            source.inject(&fault.id, &mut rng).map_err(broken(index))?;
            frame.injected = Some(fault);
        }
        let Some(step) = source.next(&mut rng).map_err(broken(index + 1))? else {
            break;
        };
        let frame = state.record(step).map_err(broken(index + 1))?;
        frames.push(frame);
        if frames.len() > MAX_FRAMES {
            return Err(SimError::TooLong {
                scenario: scenario.id.clone(),
                limit: MAX_FRAMES,
            });
        }
    }
    if let Some((frame, _)) = chosen.next() {
        return Err(SimError::FaultBeyondEnd {
            scenario: scenario.id.clone(),
            frame: *frame,
            frames: frames.len(),
        });
    }
    invariants::annotate(&mut frames, &scenario.invariants);
    Ok(Timeline { frames })
}

fn source<'s>(
    spec: &'s SimulationSpec,
    scenario: &'s ScenarioSpec,
    params: &Params,
) -> Result<Box<dyn Source + 's>, String> {
    match &scenario.body {
        ScenarioBody::Script(steps) => Ok(Box::new(ScriptSource::new(steps))),
        ScenarioBody::Model(name) => models::source(*name, spec, scenario, params),
    }
}

/// The world as it evolves, plus the names steps give to messages in flight.
struct State {
    world: World,
    /// `(handle, message id)` of every message in flight.
    handles: Vec<(String, u32)>,
    next_id: u32,
}

impl State {
    /// Applies a step and returns the frame it makes (its invariants are
    /// judged later, once the last frame is known).
    fn record(&mut self, step: Step) -> Result<Frame, String> {
        let moves = match step.transit {
            Transit::None => Vec::new(),
            Transit::Send(spec) => {
                if self.handles.iter().any(|(h, _)| *h == spec.handle) {
                    return Err(format!("message {:?} is already in flight", spec.handle));
                }
                let message = Message {
                    id: self.next_id,
                    from: spec.from,
                    to: spec.to,
                    label: spec.label,
                    kind: spec.kind,
                    dropped: false,
                };
                self.next_id += 1;
                self.handles.push((spec.handle, message.id));
                self.world.in_flight.push(message.clone());
                vec![message]
            }
            Transit::Deliver(handle) => vec![self.take(&handle)?],
            Transit::Drop(handle) => {
                let mut message = self.take(&handle)?;
                message.dropped = true;
                vec![message]
            }
        };
        if let Some(actor) = &step.actor {
            match step.event {
                EventKind::Crash => world::set_status(&mut self.world, actor, ActorStatus::Down)?,
                EventKind::Recover => world::set_status(&mut self.world, actor, ActorStatus::Up)?,
                _ => {}
            }
        }
        for effect in &step.effects {
            world::apply(&mut self.world, effect)?;
        }
        Ok(Frame {
            event: step.event,
            narration: step.narration,
            world: self.world.clone(),
            moves,
            invariants: Vec::new(),
            faults: step.faults,
            injected: None,
        })
    }

    /// Removes the message with this handle from flight.
    fn take(&mut self, handle: &str) -> Result<Message, String> {
        let position = self
            .handles
            .iter()
            .position(|(h, _)| h == handle)
            .ok_or_else(|| format!("no message {handle:?} is in flight"))?;
        let (_, id) = self.handles.remove(position);
        let index = self
            .world
            .in_flight
            .iter()
            .position(|m| m.id == id)
            .ok_or_else(|| format!("message {handle:?} has left the world"))?;
        Ok(self.world.in_flight.remove(index))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::sim::frame::PanelKind;
    use crate::sim::test_support::{read, sample};

    fn spec() -> SimulationSpec {
        read(&sample()).expect("the sample is valid")
    }

    fn rows<'f>(frame: &'f Frame, actor: &str, panel: &str) -> &'f [Vec<String>] {
        let actor = frame.world.actors.iter().find(|a| a.id == actor).expect("actor");
        &actor.panels.iter().find(|p| p.id == panel).expect("panel").rows
    }

    #[test]
    fn a_script_plays_one_event_per_frame() {
        let timeline = run(&spec(), "basic", &Choices::new(0)).expect("runs");
        let events: Vec<EventKind> = timeline.frames.iter().map(|f| f.event).collect();
        use EventKind::*;
        assert_eq!(events, vec![Start, Send, Deliver, StateChange, End]);
        let sent = &timeline.frames[1];
        assert_eq!(sent.world.in_flight.len(), 1);
        assert_eq!(sent.moves, sent.world.in_flight);
        let delivered = &timeline.frames[2];
        assert!(delivered.world.in_flight.is_empty());
        assert_eq!(delivered.moves[0].label, "Job 1");
        assert_eq!(rows(delivered, "queue", "jobs"), [vec!["j1".to_owned()]]);
        assert_eq!(
            delivered.faults.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
            ["worker-crash"]
        );
        assert_eq!(rows(&timeline.frames[3], "worker", "done").len(), 2);
        assert_eq!(timeline.frames[0].world.actors[2].panels[0].kind, PanelKind::Table);
        assert!(
            timeline
                .frames
                .iter()
                .all(|f| f.invariants.len() == 2 && f.invariants.iter().all(|i| i.holds))
        );
    }

    #[test]
    fn a_chosen_fault_branches_after_its_frame() {
        let base = run(&spec(), "basic", &Choices::new(0)).expect("runs");
        let branched = run(&spec(), "basic", &Choices::new(0).with_fault(2, "worker-crash")).expect("branches");
        assert_eq!(base.frames[..2], branched.frames[..2]);
        assert_eq!(
            branched.frames[2].injected.as_ref().map(|f| f.id.as_str()),
            Some("worker-crash")
        );
        let crash = &branched.frames[3];
        assert_eq!(crash.event, EventKind::Crash);
        assert_eq!(crash.world.actors[2].status, ActorStatus::Down);
        assert_eq!(branched.frames[4].world.actors[2].status, ActorStatus::Up);
        assert_eq!(branched.frames.len(), 6);
    }

    #[test]
    fn a_planned_fault_fires_where_it_is_first_offered() {
        let mut json = sample();
        json["scenarios"][0]["plan"] = json!(["worker-crash"]);
        let spec = read(&json).expect("valid");
        let timeline = run(&spec, "basic", &Choices::new(0)).expect("runs");
        assert_eq!(
            timeline.frames[2].injected.as_ref().map(|f| f.id.as_str()),
            Some("worker-crash")
        );
        assert_eq!(timeline.frames[3].event, EventKind::Crash);
    }

    #[test]
    fn end_of_run_invariants_are_pending_until_the_last_frame() {
        let mut json = sample();
        json["scenarios"][0]["invariants"][1]["at_end"] = json!(true);
        json["scenarios"][0]["invariants"][1]["max"] = json!(0);
        let spec = read(&json).expect("valid");
        let timeline = run(&spec, "basic", &Choices::new(0)).expect("runs");
        let status = |i: usize| timeline.frames[i].invariants[1].clone();
        assert!(
            status(2).pending && status(2).holds,
            "a full queue mid-run is not judged"
        );
        assert!(!status(4).pending && status(4).holds, "the queue is empty at the end");
        let crashed = run(&spec, "basic", &Choices::new(0).with_fault(2, "worker-crash")).expect("runs");
        let last = crashed.frames.last().expect("frames").invariants[1].clone();
        assert!(!last.holds);
        assert_eq!(
            last.detail.as_deref(),
            Some("queue.jobs holds 1 such rows, more than 0")
        );
    }

    #[test]
    fn bad_requests_are_errors_that_say_why() {
        let spec = spec();
        let err = |scenario: &str, choices: Choices| run(&spec, scenario, &choices).expect_err("must fail").to_string();
        assert_eq!(
            err("nope", Choices::new(0)),
            "there is no scenario \"nope\" (scenarios: basic)"
        );
        assert!(err("basic", Choices::new(0).with_fault(1, "worker-crash")).contains("frame 1 offers no faults"));
        assert!(err("basic", Choices::new(0).with_fault(2, "boom")).contains("(it offers: worker-crash)"));
        assert!(err("basic", Choices::new(0).with_fault(9, "boom")).contains("the run has only 5 frames"));
        assert!(err("basic", Choices::new(0).with_fault(3, "a").with_fault(2, "b")).contains("same or a later frame"));
        assert!(err("basic", Choices::new(0).with_param("workers", 2)).contains("takes no parameters"));
    }

    #[test]
    fn params_are_checked_against_their_declared_range() {
        let mut json = sample();
        json["scenarios"][0]["params"] =
            json!([{"id": "workers", "label": "Workers", "min": 1, "max": 8, "default": 2}]);
        let spec = read(&json).expect("valid");
        assert!(run(&spec, "basic", &Choices::new(0).with_param("workers", 8)).is_ok());
        let out = run(&spec, "basic", &Choices::new(0).with_param("workers", 0));
        assert!(matches!(
            out,
            Err(SimError::ParamOutOfRange {
                min: 1,
                max: 8,
                value: 0,
                ..
            })
        ));
    }
}
