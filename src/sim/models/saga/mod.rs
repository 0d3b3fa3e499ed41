//! The saga: a business transaction split into local transactions, one per
//! service, each undone by a compensating transaction if a later step fails.
//!
//! [`SagaSpec`] is the data (`simulation.models.saga` in the catalog): the
//! steps in order, who runs each, the command and reply of its action and of
//! its compensation, and the records each writes. [`Orchestration`] computes
//! a run from it: a central orchestrator with a durable saga log, replies
//! that may be lost or late, timeouts after which the orchestrator cannot
//! know what happened, crashes it recovers from by reading its log, and
//! participants that apply every command at most once per idempotency key.
//!
//! Faults it offers (ids as the user and a scenario's `plan` name them):
//! - `fail:<step>`: the participant refuses the step (a business failure);
//! - `lose:<message>`: the message just sent is lost;
//! - `delay:<reply>`: the reply just sent arrives after the orchestrator's timeout;
//! - `crash` or `crash:<message>`: the orchestrator crashes (while that message is in flight).

mod narrate;
mod orchestration;
mod read;

#[cfg(test)]
mod tests;

pub use orchestration::Orchestration;
pub(crate) use read::read_saga;

use super::super::read::{Ctx, Scope};
use crate::sim::spec::Effect;

/// A saga and where its state lives.
#[derive(Debug, Clone, PartialEq)]
pub struct SagaSpec {
    /// The business key, such as `ord-1`; idempotency keys are made from it.
    pub id: String,
    /// The orchestrator actor.
    pub orchestrator: String,
    /// The orchestrator's log panel, with columns step, status, note.
    pub log: String,
    /// Each participant's table of processed idempotency keys: key, result.
    pub processed: String,
    /// The steps, compensatable ones first, then retriable ones.
    pub steps: Vec<SagaStep>,
    /// Narration of the last frame when every step committed.
    pub success: String,
    /// Narration of the last frame when the saga was compensated.
    pub aborted: String,
}

/// One local transaction of the saga.
#[derive(Debug, Clone, PartialEq)]
pub struct SagaStep {
    pub id: String,
    /// The service that runs it.
    pub participant: String,
    /// After the point of no return: retried until it succeeds, never
    /// compensated, never refused.
    pub retriable: bool,
    pub action: SagaAction,
    /// How to undo it; every step that is not retriable has one.
    pub compensation: Option<SagaAction>,
    /// How the participant may refuse it, when it can.
    pub failure: Option<SagaFailure>,
}

/// A command, its reply, and what the participant does on receiving it.
#[derive(Debug, Clone, PartialEq)]
pub struct SagaAction {
    /// Message name, such as `ChargePayment`.
    pub command: String,
    /// Reply name, such as `PaymentCharged`.
    pub reply: String,
    /// What the participant does, as a verb phrase: `charges $42.00 to the card`.
    pub does: String,
    /// The records its local transaction writes (on the participant only).
    pub effects: Vec<Effect>,
}

/// A business refusal of a step.
#[derive(Debug, Clone, PartialEq)]
pub struct SagaFailure {
    /// Reply name, such as `PaymentDeclined`.
    pub reply: String,
    /// The fault's label in the UI: `Payment declines the card`.
    pub label: String,
    /// Why, as a clause: `the card is declined`.
    pub reason: String,
    /// What the refusal records (on the participant only).
    pub effects: Vec<Effect>,
}

impl SagaSpec {
    /// Every message name the saga uses.
    pub fn message_names(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().flat_map(|s| {
            let action = [s.action.command.as_str(), s.action.reply.as_str()];
            let undo = s
                .compensation
                .iter()
                .flat_map(|c| [c.command.as_str(), c.reply.as_str()]);
            let failure = s.failure.iter().map(|f| f.reply.as_str());
            action.into_iter().chain(undo).chain(failure)
        })
    }

    /// Every reply name the saga uses.
    pub fn reply_names(&self) -> impl Iterator<Item = &str> {
        self.steps.iter().flat_map(|s| {
            let undo = s.compensation.iter().map(|c| c.reply.as_str());
            let failure = s.failure.iter().map(|f| f.reply.as_str());
            std::iter::once(s.action.reply.as_str()).chain(undo).chain(failure)
        })
    }

    /// Whether the model can ever offer this fault id.
    pub fn may_offer(&self, fault: &str) -> bool {
        let (kind, arg) = fault.split_once(':').unwrap_or((fault, ""));
        match kind {
            "fail" => self.steps.iter().any(|s| s.id == arg && s.failure.is_some()),
            "lose" => self.message_names().any(|m| m == arg),
            "delay" => self.reply_names().any(|m| m == arg),
            "crash" => arg.is_empty() || self.message_names().any(|m| m == arg),
            _ => false,
        }
    }
}

/// Checks a scenario can run the saga: it shows every actor the saga uses,
/// and its plan names faults the model offers.
pub(crate) fn check_scenario(ctx: &mut Ctx, saga: &SagaSpec, scope: Scope, plan: &[String], field: &str) -> bool {
    let mut ok = true;
    let mut actors: Vec<&String> = std::iter::once(&saga.orchestrator)
        .chain(saga.steps.iter().map(|s| &s.participant))
        .collect();
    actors.dedup();
    for (i, actor) in actors.iter().enumerate() {
        if actors[..i].contains(actor) {
            continue;
        }
        if scope.shown.is_some_and(|shown| !shown.contains(actor)) {
            ctx.error(
                field,
                format!("runs the saga, which needs the actor {actor:?}, but this scenario does not show it"),
            );
            ok = false;
        }
    }
    let plan_field = field
        .strip_suffix("model")
        .map_or_else(|| "plan".to_owned(), |p| format!("{p}plan"));
    for (i, fault) in plan.iter().enumerate() {
        if !saga.may_offer(fault) {
            ctx.error(
                &format!("{plan_field}[{i}]"),
                format!("names the fault {fault:?}, which the saga never offers (it offers fail:<step>, lose:<message>, delay:<reply>, crash and crash:<message>)"),
            );
            ok = false;
        }
    }
    ok
}
