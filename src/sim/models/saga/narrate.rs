//! The sentences of an orchestrated saga: one per event, saying what
//! happens and why it is safe (or what it costs). Names come from the data:
//! actor labels, step ids, message names and the phrases the catalog gives
//! for what each participant does.

use super::orchestration::{Phase, Says, Status};
use super::{SagaSpec, SagaStep};
use crate::sim::spec::SimulationSpec;

/// Writes narration for one saga.
pub struct Narrator<'s> {
    saga: &'s SagaSpec,
    /// Each step's participant label.
    labels: Vec<&'s str>,
}

impl<'s> Narrator<'s> {
    /// A narrator using the simulation's actor labels.
    pub fn new(spec: &'s SimulationSpec, saga: &'s SagaSpec) -> Self {
        Self {
            saga,
            labels: saga.steps.iter().map(|s| spec.label(&s.participant)).collect(),
        }
    }

    fn parts(&self, index: usize) -> (&'s str, &'s str, Option<&'s SagaStep>) {
        let step = self.saga.steps.get(index);
        (
            step.map_or("?", |s| s.id.as_str()),
            self.labels.get(index).copied().unwrap_or("?"),
            step,
        )
    }

    fn command(&self, index: usize, phase: Phase) -> &'s str {
        let step = self.saga.steps.get(index);
        match phase {
            Phase::Action => step.map_or("?", |s| s.action.command.as_str()),
            Phase::Undo => step
                .and_then(|s| s.compensation.as_ref())
                .map_or("?", |c| c.command.as_str()),
        }
    }

    fn key(&self, index: usize, phase: Phase) -> String {
        let (step, _, _) = self.parts(index);
        match phase {
            Phase::Action => format!("{}/{step}", self.saga.id),
            Phase::Undo => format!("{}/{step}/undo", self.saga.id),
        }
    }

    /// The first attempt of a step.
    pub fn start(&self, index: usize, first: bool) -> String {
        let (step, who, spec) = self.parts(index);
        let command = self.command(index, Phase::Action);
        let pivot = spec.is_some_and(|s| s.retriable)
            && index > 0
            && self.saga.steps.get(index - 1).is_some_and(|s| !s.retriable);
        if first {
            format!(
                "Saga {} begins: the orchestrator writes \"{step}: started\" to its durable log before sending {command} to {who}, so a crash cannot lose track of it.",
                self.saga.id
            )
        } else if pivot {
            format!(
                "Every compensatable step has committed, so the saga is past its point of no return: the orchestrator logs {step} as started and sends {command} to {who}."
            )
        } else {
            format!("The orchestrator logs {step} as started, then sends {command} to {who}.")
        }
    }

    /// The first attempt of a compensation.
    pub fn start_undo(&self, index: usize, first: bool) -> String {
        let (step, who, _) = self.parts(index);
        let command = self.command(index, Phase::Undo);
        if first {
            format!(
                "Compensation runs newest first: the orchestrator logs {step} as compensating and sends {command} to {who}."
            )
        } else {
            format!("Next newest, the orchestrator logs {step} as compensating and sends {command} to {who}.")
        }
    }

    /// A command or compensation sent again.
    pub fn resend(&self, index: usize, phase: Phase, after_restart: bool) -> String {
        let (step, who, _) = self.parts(index);
        let command = self.command(index, phase);
        let key = self.key(index, phase);
        match (phase, after_restart) {
            (Phase::Action, true) => format!(
                "The log says {step} started but never finished, so the orchestrator cannot know whether {who} acted: it sends {command} again with the same idempotency key {key}."
            ),
            (Phase::Action, false) => format!(
                "The orchestrator sends {command} again with the same key {key}: past the point of no return a step is retried until it succeeds, never compensated."
            ),
            (Phase::Undo, true) => format!(
                "The log says {step} was being compensated, so the orchestrator sends {command} again with the same key {key}; {who} will not apply it twice."
            ),
            (Phase::Undo, false) => format!(
                "The orchestrator sends {command} again with the same key {key}: a compensation is never abandoned, and {who} will not apply it twice."
            ),
        }
    }

    /// The name of a participant's reply.
    pub fn reply_label(&self, step: &SagaStep, phase: Phase, says: Says) -> String {
        match (phase, says) {
            (Phase::Undo, _) => step
                .compensation
                .as_ref()
                .map_or_else(|| "Compensated".to_owned(), |c| c.reply.clone()),
            (Phase::Action, Says::Failed) => step
                .failure
                .as_ref()
                .map_or_else(|| format!("{}Refused", step.action.command), |f| f.reply.clone()),
            (Phase::Action, _) => step.action.reply.clone(),
        }
    }

    /// A participant sends its reply.
    pub fn reply(&self, index: usize, label: &str, says: Says) -> String {
        let (_, who, _) = self.parts(index);
        match says {
            Says::Failed => format!("{who} replies {label} to the orchestrator: the step did not happen."),
            Says::Compensated => format!("{who} confirms the compensation with {label}."),
            _ => format!("{who} replies {label} to the orchestrator."),
        }
    }

    /// A message lost on the way.
    pub fn lost(&self, index: usize, label: &str, to_orchestrator: bool) -> String {
        let (_, who, _) = self.parts(index);
        if to_orchestrator {
            format!("{label} is lost on the way: whatever {who} did, the orchestrator will never hear about it.")
        } else {
            format!("{label} is lost on the way: {who} never receives it.")
        }
    }

    /// A reply that reaches a crashed orchestrator.
    pub fn lost_while_down(&self, label: &str) -> String {
        format!("{label} reaches the orchestrator while it is down and is lost.")
    }

    /// A reply the orchestrator no longer waits for.
    pub fn ignored(&self, index: usize, label: &str, given_up: bool) -> String {
        let (step, _, _) = self.parts(index);
        if given_up {
            format!(
                "The late {label} finally arrives, but the orchestrator has given up on {step} and compensates it whatever happened, so it ignores the reply."
            )
        } else {
            format!(
                "A duplicate {label} arrives; the orchestrator has already logged the outcome it reports, so it ignores it."
            )
        }
    }

    /// The orchestrator logs the outcome a reply reports.
    pub fn logged(&self, index: usize, label: &str, status: Status, to_undo: usize) -> String {
        let (step, _, _) = self.parts(index);
        match (status, to_undo) {
            (Status::Failed, 0) => format!(
                "The orchestrator receives {label} and logs {step} as failed; nothing committed before it, so there is nothing to compensate."
            ),
            (Status::Failed, 1) => format!(
                "The orchestrator receives {label} and logs {step} as failed: the step that committed before it must now be compensated."
            ),
            (Status::Failed, n) => format!(
                "The orchestrator receives {label} and logs {step} as failed: the {n} steps that committed before it must now be compensated, newest first."
            ),
            (status, _) => format!(
                "The orchestrator receives {label} and logs {step} as {}.",
                status.word()
            ),
        }
    }

    /// A participant runs a step.
    pub fn acts(&self, index: usize) -> String {
        let (_, who, spec) = self.parts(index);
        let does = spec.map_or("acts", |s| s.action.does.as_str());
        format!(
            "{who} receives {} and {does}, recording key {} in the same local transaction.",
            self.command(index, Phase::Action),
            self.key(index, Phase::Action)
        )
    }

    /// A participant refuses a step (a business failure).
    pub fn refuses(&self, index: usize) -> String {
        let (_, who, spec) = self.parts(index);
        let reason = spec
            .and_then(|s| s.failure.as_ref())
            .map_or("it refuses", |f| f.reason.as_str());
        format!(
            "{who} receives {}, but {reason}, so it changes nothing that would need undoing.",
            self.command(index, Phase::Action)
        )
    }

    /// A participant refuses a step it has already compensated.
    pub fn refused_after_undo(&self, index: usize) -> String {
        let (step, who, _) = self.parts(index);
        format!(
            "{who} receives {} after it already compensated {step} (key {}), so it refuses to act on a cancelled saga.",
            self.command(index, Phase::Action),
            self.key(index, Phase::Undo)
        )
    }

    /// A participant receives a command or compensation it has processed before.
    pub fn repeated(&self, index: usize, phase: Phase) -> String {
        let (_, who, _) = self.parts(index);
        let command = self.command(index, phase);
        let key = self.key(index, phase);
        match phase {
            Phase::Action => format!(
                "{who} receives {command} again, finds key {key} among its processed keys and repeats its earlier answer instead of acting twice."
            ),
            Phase::Undo => format!(
                "{who} receives {command} again, finds key {key} among its processed keys and confirms without undoing twice."
            ),
        }
    }

    /// A participant compensates a step it had committed.
    pub fn undoes(&self, index: usize) -> String {
        let (_, who, spec) = self.parts(index);
        let does = spec
            .and_then(|s| s.compensation.as_ref())
            .map_or("undoes it", |c| c.does.as_str());
        format!(
            "{who} receives {} and {does}, recording key {} so a repeat cannot undo twice.",
            self.command(index, Phase::Undo),
            self.key(index, Phase::Undo)
        )
    }

    /// A compensation for a step that had no effect.
    pub fn nothing_to_undo(&self, index: usize, refused: bool) -> String {
        let (_, who, _) = self.parts(index);
        let (undo, action) = (self.command(index, Phase::Undo), self.command(index, Phase::Action));
        let key = self.key(index, Phase::Undo);
        if refused {
            format!(
                "{who} receives {undo}, but it had refused {action}, so there is nothing to undo; it records key {key} and confirms."
            )
        } else {
            format!(
                "{who} receives {undo} but never received {action}, so there is nothing to undo; it records key {key}, so a late {action} would be refused, and confirms."
            )
        }
    }

    /// The orchestrator's timer fires.
    pub fn timeout(&self, index: usize, phase: Phase) -> String {
        let (step, who, spec) = self.parts(index);
        match phase {
            Phase::Action if spec.is_some_and(|s| s.retriable) => format!(
                "No reply from {who} in time: {step} is past the point of no return, so the orchestrator will retry it rather than compensate."
            ),
            Phase::Action => {
                let (action, undo) = (self.command(index, Phase::Action), self.command(index, Phase::Undo));
                format!(
                    "No reply from {who} in time: the orchestrator cannot tell whether {step} took effect, so it logs it as timed out and will compensate it too. That is safe whether or not {action} arrived: {undo} reverses it if it did, and otherwise undoes nothing and makes {who} refuse a late {action}."
                )
            }
            Phase::Undo => format!(
                "No reply from {who} in time: the orchestrator cannot tell whether {} took effect, so it will send it again.",
                self.command(index, Phase::Undo)
            ),
        }
    }

    /// The orchestrator crashes.
    pub fn crash(&self) -> String {
        "The orchestrator crashes: what it held in memory, such as the reply it was waiting for, is gone, but its saga log is durable.".to_owned()
    }

    /// The orchestrator restarts.
    pub fn recover(&self, last: Option<(usize, Status)>) -> String {
        match last {
            None => "The orchestrator restarts and reads its saga log, which is empty: the saga has not started yet."
                .to_owned(),
            Some((index, status)) => {
                let (step, _, _) = self.parts(index);
                format!(
                    "The orchestrator restarts and rebuilds saga {} from its durable log, whose last entry is \"{step}: {}\".",
                    self.saga.id,
                    status.word()
                )
            }
        }
    }

    /// The UI label of the fault that loses a message.
    pub fn lose_label(&self, index: usize, label: &str, to_orchestrator: bool) -> String {
        let (_, who, _) = self.parts(index);
        if to_orchestrator {
            format!("Lose {label} on its way back")
        } else {
            format!("Lose {label} on its way to {who}")
        }
    }
}
