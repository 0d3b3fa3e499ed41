//! An orchestrated saga, computed one event at a time.
//!
//! The orchestrator writes every decision to its durable saga log *before*
//! acting on it, and decides what to do next from that log alone: after a
//! crash it rebuilds everything from the log. It waits for one reply at a
//! time; when none comes in time it cannot know whether the step took
//! effect, so it compensates that step too (or, past the point of no
//! return, retries it). Participants remember every idempotency key they
//! processed, so a repeated command or compensation is answered without
//! acting twice, and a compensation for a step that never ran undoes nothing
//! but leaves a mark that refuses the step if it arrives late.

use std::collections::VecDeque;

use super::narrate::Narrator;
use super::{SagaSpec, SagaStep};
use crate::sim::engine::Source;
use crate::sim::frame::{EventKind, FaultOption, MessageKind};
use crate::sim::prng::Prng;
use crate::sim::spec::{Change, Effect, MessageSpec, SimulationSpec, Step, Transit};

/// Whether a message is about a step's action or its compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    Action,
    Undo,
}

/// A saga log status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Started,
    Committed,
    Failed,
    TimedOut,
    Compensating,
    Compensated,
}

impl Status {
    /// As written in the saga log.
    pub(super) fn word(self) -> &'static str {
        match self {
            Status::Started => "started",
            Status::Committed => "committed",
            Status::Failed => "failed",
            Status::TimedOut => "timed out",
            Status::Compensating => "compensating",
            Status::Compensated => "compensated",
        }
    }
}

/// What a message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Says {
    /// A command or a compensation, to a participant.
    Request,
    Committed,
    Failed,
    Compensated,
}

/// What the network will do with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Arrive,
    Lose,
    /// Arrives after this many more events.
    Late(u32),
}

#[derive(Debug, Clone)]
struct Flight {
    handle: String,
    step: usize,
    phase: Phase,
    says: Says,
    label: String,
    fate: Fate,
}

impl Flight {
    fn to_orchestrator(&self) -> bool {
        self.says != Says::Request
    }
}

/// What a participant remembers of one step, by idempotency key.
#[derive(Debug, Clone, Copy, Default)]
struct Memory {
    /// The answer it gave to the action, once processed.
    done: Option<Says>,
    /// Whether it processed the compensation.
    undone: bool,
}

/// Why a command or compensation is sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resend {
    /// The orchestrator's timer fired.
    AfterTimeout,
    /// The orchestrator restarted and found the step unfinished in its log.
    AfterRestart,
}

impl Resend {
    /// As noted in the saga log.
    fn note(self) -> &'static str {
        match self {
            Resend::AfterTimeout => "retry after a timeout",
            Resend::AfterRestart => "resent after restart",
        }
    }
}

enum Decision {
    Send(usize, Phase),
    Finish { success: bool },
}

/// The orchestrated saga, yielding one step at a time to the engine.
pub struct Orchestration<'s> {
    saga: &'s SagaSpec,
    say: Narrator<'s>,
    /// The durable saga log, as `(step index, status)`.
    log: Vec<(usize, Status)>,
    /// Volatile: lost in a crash.
    awaiting: Option<(usize, Phase)>,
    /// Volatile: why the next command repeats an earlier one.
    resend: Option<Resend>,
    down: bool,
    crash_next: bool,
    failing: Vec<bool>,
    memory: Vec<Memory>,
    network: Vec<Flight>,
    /// Replies participants have decided and not sent yet.
    outbox: VecDeque<(usize, Phase, Says)>,
    last_sent: Option<String>,
    next_handle: u32,
    ended: bool,
}

impl<'s> Orchestration<'s> {
    /// A saga about to start.
    pub fn new(spec: &'s SimulationSpec, saga: &'s SagaSpec) -> Self {
        let steps = saga.steps.len();
        Self {
            saga,
            say: Narrator::new(spec, saga),
            log: Vec::new(),
            awaiting: None,
            resend: None,
            down: false,
            crash_next: false,
            failing: vec![false; steps],
            memory: vec![Memory::default(); steps],
            network: Vec::new(),
            outbox: VecDeque::new(),
            last_sent: None,
            next_handle: 1,
            ended: false,
        }
    }

    fn step(&self, index: usize) -> Result<&'s SagaStep, String> {
        self.saga
            .steps
            .get(index)
            .ok_or_else(|| format!("the saga has no step {index}"))
    }

    fn latest(&self, index: usize) -> Option<Status> {
        self.log.iter().rev().find(|(i, _)| *i == index).map(|(_, s)| *s)
    }

    /// The next event, by priority: a crash the user asked for, a late
    /// message whose time has come, messages in flight (oldest first),
    /// replies waiting to be sent, recovery, a timeout, and last the
    /// orchestrator's next decision.
    fn choose(&mut self) -> Result<Step, String> {
        if self.crash_next {
            return Ok(self.crash());
        }
        if let Some(i) = self.network.iter().position(|f| f.fate == Fate::Late(0)) {
            return self.arrive(i);
        }
        if let Some(i) = self.network.iter().position(|f| !matches!(f.fate, Fate::Late(_))) {
            return self.arrive(i);
        }
        if let Some((index, phase, says)) = self.outbox.pop_front() {
            return self.send_reply(index, phase, says);
        }
        if self.down {
            return Ok(self.recover());
        }
        if let Some((index, phase)) = self.awaiting.take() {
            return self.timeout(index, phase);
        }
        match self.decide() {
            Decision::Send(index, phase) => self.send_request(index, phase),
            Decision::Finish { success } => {
                // Late messages still on the wire arrive before the story ends.
                if let Some(i) = self.network.iter().position(|f| matches!(f.fate, Fate::Late(_))) {
                    return self.arrive(i);
                }
                self.ended = true;
                Ok(Step::new(
                    EventKind::End,
                    if success {
                        &self.saga.success
                    } else {
                        &self.saga.aborted
                    }
                    .clone(),
                ))
            }
        }
    }

    /// What the log says to do next: compensate the newest step that may
    /// have taken effect once anything went wrong, else run the first step
    /// not yet committed.
    fn decide(&self) -> Decision {
        let aborting = self.log.iter().any(|(_, s)| {
            matches!(
                s,
                Status::Failed | Status::TimedOut | Status::Compensating | Status::Compensated
            )
        });
        if aborting {
            let undo = (0..self.saga.steps.len()).rev().find(|&i| {
                self.saga.steps[i].compensation.is_some()
                    && matches!(
                        self.latest(i),
                        Some(Status::Started | Status::Committed | Status::TimedOut | Status::Compensating)
                    )
            });
            return undo.map_or(Decision::Finish { success: false }, |i| Decision::Send(i, Phase::Undo));
        }
        match (0..self.saga.steps.len()).find(|&i| self.latest(i) != Some(Status::Committed)) {
            Some(i) => Decision::Send(i, Phase::Action),
            None => Decision::Finish { success: true },
        }
    }

    /// The orchestrator logs its intent, then sends a command or a compensation.
    fn send_request(&mut self, index: usize, phase: Phase) -> Result<Step, String> {
        let step = self.step(index)?;
        let (status, action) = match phase {
            Phase::Action => (Status::Started, &step.action),
            Phase::Undo => (
                Status::Compensating,
                step.compensation.as_ref().ok_or("a step without compensation")?,
            ),
        };
        let repeat = self.log.contains(&(index, status));
        let first_undo = phase == Phase::Undo && !self.log.iter().any(|(_, s)| *s == Status::Compensating);
        let resend = self.resend.take();
        let note = match (repeat, resend) {
            (false, _) => "",
            (true, Some(why)) => why.note(),
            (true, None) => "sent again",
        };
        let narration = match (phase, repeat) {
            (Phase::Action, false) => self.say.start(index, self.log.is_empty()),
            (Phase::Undo, false) => self.say.start_undo(index, first_undo),
            (_, true) => self.say.resend(index, phase, resend == Some(Resend::AfterRestart)),
        };
        self.log.push((index, status));
        self.awaiting = Some((index, phase));
        let kind = if phase == Phase::Action {
            MessageKind::Command
        } else {
            MessageKind::Compensation
        };
        let mut out = self.send(index, phase, Says::Request, action.command.clone(), kind, narration);
        out.effects.push(self.log_entry(index, status, note));
        Ok(out)
    }

    /// A participant's reply leaves for the orchestrator.
    fn send_reply(&mut self, index: usize, phase: Phase, says: Says) -> Result<Step, String> {
        let step = self.step(index)?;
        let label = self.say.reply_label(step, phase, says);
        let kind = if says == Says::Failed {
            MessageKind::Failure
        } else {
            MessageKind::Reply
        };
        let narration = self.say.reply(index, &label, says);
        Ok(self.send(index, phase, says, label, kind, narration))
    }

    fn send(
        &mut self,
        index: usize,
        phase: Phase,
        says: Says,
        label: String,
        kind: MessageKind,
        narration: String,
    ) -> Step {
        let handle = format!("m{}", self.next_handle);
        self.next_handle += 1;
        let participant = self
            .saga
            .steps
            .get(index)
            .map_or("", |s| s.participant.as_str())
            .to_owned();
        let orchestrator = self.saga.orchestrator.clone();
        let (from, to) = if says == Says::Request {
            (orchestrator, participant)
        } else {
            (participant, orchestrator)
        };
        self.network.push(Flight {
            handle: handle.clone(),
            step: index,
            phase,
            says,
            label: label.clone(),
            fate: Fate::Arrive,
        });
        let mut step = Step::new(EventKind::Send, narration);
        step.transit = Transit::Send(MessageSpec {
            handle,
            from,
            to,
            label,
            kind,
        });
        step
    }

    /// The message at `position` in flight arrives, or is lost.
    fn arrive(&mut self, position: usize) -> Result<Step, String> {
        let flight = self.network.remove(position);
        if flight.fate == Fate::Lose {
            let mut step = Step::new(
                EventKind::Drop,
                self.say.lost(flight.step, &flight.label, flight.to_orchestrator()),
            );
            step.transit = Transit::Drop(flight.handle);
            return Ok(step);
        }
        if flight.to_orchestrator() && self.down {
            let mut step = Step::new(EventKind::Drop, self.say.lost_while_down(&flight.label));
            step.transit = Transit::Drop(flight.handle);
            return Ok(step);
        }
        let mut step = if flight.to_orchestrator() {
            self.receive_reply(&flight)?
        } else {
            self.receive_request(&flight)?
        };
        step.transit = Transit::Deliver(flight.handle);
        Ok(step)
    }

    /// The orchestrator takes a reply it is waiting for, or ignores it.
    fn receive_reply(&mut self, flight: &Flight) -> Result<Step, String> {
        let index = flight.step;
        if self.awaiting != Some((index, flight.phase)) {
            // A late reply to an action the orchestrator gave up on: it is
            // compensating that step whatever the reply says.
            let given_up = flight.phase == Phase::Action
                && matches!(
                    self.latest(index),
                    Some(Status::TimedOut | Status::Compensating | Status::Compensated)
                );
            return Ok(Step::new(
                EventKind::Deliver,
                self.say.ignored(index, &flight.label, given_up),
            ));
        }
        self.awaiting = None;
        let status = match flight.says {
            Says::Committed => Status::Committed,
            Says::Failed => Status::Failed,
            Says::Compensated => Status::Compensated,
            Says::Request => return Err("a request was addressed to the orchestrator".into()),
        };
        self.log.push((index, status));
        let to_undo = (0..index)
            .filter(|&i| self.latest(i) == Some(Status::Committed))
            .count();
        let narration = self.say.logged(index, &flight.label, status, to_undo);
        let note = if status == Status::Failed {
            flight.label.as_str()
        } else {
            ""
        };
        let mut step = Step::new(EventKind::Deliver, narration);
        step.effects.push(self.log_entry(index, status, note));
        Ok(step)
    }

    /// A participant runs a command or compensation, at most once per key.
    fn receive_request(&mut self, flight: &Flight) -> Result<Step, String> {
        let index = flight.step;
        let step = self.step(index)?;
        let memory = self.memory.get(index).copied().unwrap_or_default();
        let key = self.key(index, flight.phase);
        let mut effects = Vec::new();
        let (says, narration) = match flight.phase {
            Phase::Action => match (memory.undone, memory.done) {
                (true, _) => (Says::Failed, self.say.refused_after_undo(index)),
                (false, Some(done)) => (done, self.say.repeated(index, Phase::Action)),
                (false, None) if self.failing.get(index).copied().unwrap_or(false) => {
                    let failure = step.failure.as_ref().ok_or("a refusal of a step that cannot fail")?;
                    effects.extend(failure.effects.iter().cloned());
                    effects.push(self.processed(index, &key, &failure.reply));
                    (Says::Failed, self.say.refuses(index))
                }
                (false, None) => {
                    effects.extend(step.action.effects.iter().cloned());
                    effects.push(self.processed(index, &key, &step.action.reply));
                    (Says::Committed, self.say.acts(index))
                }
            },
            Phase::Undo => {
                let undo = step
                    .compensation
                    .as_ref()
                    .ok_or("a compensation of a step that has none")?;
                match (memory.undone, memory.done) {
                    (true, _) => (Says::Compensated, self.say.repeated(index, Phase::Undo)),
                    (false, Some(Says::Committed)) => {
                        effects.extend(undo.effects.iter().cloned());
                        effects.push(self.processed(index, &key, &undo.reply));
                        (Says::Compensated, self.say.undoes(index))
                    }
                    (false, done) => {
                        effects.push(self.processed(index, &key, "nothing to undo"));
                        (Says::Compensated, self.say.nothing_to_undo(index, done.is_some()))
                    }
                }
            }
        };
        if let Some(memory) = self.memory.get_mut(index) {
            match flight.phase {
                Phase::Action => memory.done = memory.done.or(Some(says)),
                Phase::Undo => memory.undone = true,
            }
        }
        if let Some(failing) = self.failing.get_mut(index) {
            *failing = false;
        }
        self.outbox.push_back((index, flight.phase, says));
        let mut out = Step::new(EventKind::Deliver, narration);
        out.effects = effects;
        Ok(out)
    }

    /// No reply came in time.
    fn timeout(&mut self, index: usize, phase: Phase) -> Result<Step, String> {
        let step = self.step(index)?;
        let mut out = Step::new(EventKind::Timeout, self.say.timeout(index, phase));
        if phase == Phase::Action && !step.retriable {
            self.log.push((index, Status::TimedOut));
            out.effects
                .push(self.log_entry(index, Status::TimedOut, "outcome unknown"));
        } else {
            self.resend = Some(Resend::AfterTimeout);
        }
        Ok(out)
    }

    fn crash(&mut self) -> Step {
        self.crash_next = false;
        self.down = true;
        self.awaiting = None;
        self.resend = None;
        let mut step = Step::new(EventKind::Crash, self.say.crash());
        step.actor = Some(self.saga.orchestrator.clone());
        step
    }

    fn recover(&mut self) -> Step {
        self.down = false;
        self.resend = Some(Resend::AfterRestart);
        let last = self.log.last().copied();
        let mut step = Step::new(EventKind::Recover, self.say.recover(last));
        step.actor = Some(self.saga.orchestrator.clone());
        step
    }

    /// The faults on offer at the frame `step` makes.
    fn offer(&self, step: &Step) -> Vec<FaultOption> {
        if step.event == EventKind::End || self.down || self.crash_next {
            return Vec::new();
        }
        let mut faults = Vec::new();
        let sent = match &step.transit {
            Transit::Send(message) => self.network.iter().find(|f| f.handle == message.handle),
            _ => None,
        };
        if let Some(flight) = sent {
            let memory = self.memory.get(flight.step).copied().unwrap_or_default();
            let failure = self.saga.steps.get(flight.step).and_then(|s| s.failure.as_ref());
            if let Some(failure) = failure
                && flight.says == Says::Request
                && flight.phase == Phase::Action
                && memory.done.is_none()
                && !memory.undone
            {
                let id = self.saga.steps.get(flight.step).map_or("", |s| s.id.as_str());
                faults.push(FaultOption {
                    id: format!("fail:{id}"),
                    label: failure.label.clone(),
                });
            }
            faults.push(FaultOption {
                id: format!("lose:{}", flight.label),
                label: self
                    .say
                    .lose_label(flight.step, &flight.label, flight.to_orchestrator()),
            });
            if flight.to_orchestrator() {
                faults.push(FaultOption {
                    id: format!("delay:{}", flight.label),
                    label: format!("Delay {} past the orchestrator's timeout", flight.label),
                });
            }
        }
        let (id, label) = match sent {
            Some(flight) => (
                format!("crash:{}", flight.label),
                format!("Crash the orchestrator while {} is in flight", flight.label),
            ),
            None => ("crash".to_owned(), "Crash the orchestrator".to_owned()),
        };
        faults.push(FaultOption { id, label });
        faults
    }

    fn key(&self, index: usize, phase: Phase) -> String {
        let step = self.saga.steps.get(index).map_or("", |s| s.id.as_str());
        match phase {
            Phase::Action => format!("{}/{step}", self.saga.id),
            Phase::Undo => format!("{}/{step}/undo", self.saga.id),
        }
    }

    fn log_entry(&self, index: usize, status: Status, note: &str) -> Effect {
        let step = self.saga.steps.get(index).map_or("", |s| s.id.as_str());
        Effect {
            actor: self.saga.orchestrator.clone(),
            change: Change::Append {
                panel: self.saga.log.clone(),
                row: vec![step.to_owned(), status.word().to_owned(), note.to_owned()],
            },
        }
    }

    fn processed(&self, index: usize, key: &str, result: &str) -> Effect {
        let participant = self.saga.steps.get(index).map_or("", |s| s.participant.as_str());
        Effect {
            actor: participant.to_owned(),
            change: Change::Upsert {
                panel: self.saga.processed.clone(),
                row: vec![key.to_owned(), result.to_owned()],
            },
        }
    }
}

impl Source for Orchestration<'_> {
    fn next(&mut self, _rng: &mut Prng) -> Result<Option<Step>, String> {
        if self.ended {
            return Ok(None);
        }
        let mut step = self.choose()?;
        for flight in &mut self.network {
            if let Fate::Late(n) = &mut flight.fate {
                *n = n.saturating_sub(1);
            }
        }
        step.faults = self.offer(&step);
        self.last_sent = match &step.transit {
            Transit::Send(message) => Some(message.handle.clone()),
            _ => None,
        };
        Ok(Some(step))
    }

    fn inject(&mut self, fault: &str, rng: &mut Prng) -> Result<(), String> {
        let (kind, arg) = fault.split_once(':').unwrap_or((fault, ""));
        let last = self.last_sent.clone();
        let sent = self
            .network
            .iter_mut()
            .find(|f| Some(&f.handle) == last.as_ref() && f.label == arg);
        match (kind, sent) {
            ("fail", _) => {
                let index = self.saga.steps.iter().position(|s| s.id == arg).ok_or("no such step")?;
                if let Some(failing) = self.failing.get_mut(index) {
                    *failing = true;
                }
            }
            ("lose", Some(flight)) => flight.fate = Fate::Lose,
            ("delay", Some(flight)) => flight.fate = Fate::Late(rng.between(2, 4)),
            ("crash", _) => self.crash_next = true,
            _ => return Err(format!("the saga cannot inject {fault:?} here")),
        }
        Ok(())
    }
}
