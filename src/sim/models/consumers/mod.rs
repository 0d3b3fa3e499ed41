//! Competing consumers: a pool of workers pulling jobs from one queue.
//!
//! [`ConsumersSpec`] is the data (`simulation.models.consumers`): which
//! actors and panels hold the queue, the worker pool and the results, how
//! many jobs arrive and how long each takes. [`Pool`] computes a run from it,
//! tick by tick: jobs arrive in seeded bursts; an idle worker receives the
//! oldest visible message, which the queue then hides from every other worker
//! for the visibility timeout; the worker applies the job's result through an
//! idempotent handler (a job already processed is skipped) and then deletes
//! the message. A message not deleted before its timeout runs out becomes
//! visible again and is delivered again: delivery is at least once.
//!
//! The scenario's parameters `workers` (1 to 8, else one worker) and
//! `visibility` (ticks, else the data's) shape the run.
//!
//! Faults it offers (ids as the user and a scenario's `plan` name them),
//! one crash at a time and two per run at most, so the run always ends:
//! - `crash:w<k>`: worker k crashes mid-job, right after receiving it;
//! - `crash-before-ack:w<k>`: worker k crashes after applying the result,
//!   before deleting the message.
//!
//! A crashed worker restarts after `restart` ticks; its message is deleted by
//! nobody, so it reappears when its visibility timeout runs out. A delete
//! here needs the receipt of the latest delivery (Amazon SQS likewise asks
//! for the most recent receipt handle): a worker whose timeout ran out and
//! whose job was delivered again does not delete it.

mod pool;
mod read;

#[cfg(test)]
mod tests;

pub use pool::Pool;
pub(crate) use read::read_consumers;

use super::super::read::{Ctx, Scope};
use crate::catalog::reader::join;
use crate::sim::spec::ParamSpec;

/// The most workers a run may have.
pub const MAX_WORKERS: u32 = 8;

/// Where the queue, the pool and the results live, and the workload.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumersSpec {
    /// The actor that enqueues the jobs (named in narration only).
    pub producer: String,
    /// The queue actor and its table of messages: message, state, held by,
    /// receives, hidden until.
    pub queue: String,
    pub messages: String,
    /// The queue's log of deliveries: job, worker, delivery (1 for the
    /// first), ticks waited since the job arrived.
    pub deliveries: String,
    /// The worker pool actor and its table: worker, status, job, busy until.
    pub workers: String,
    pub pool: String,
    /// The store the handlers write: a log of results (job, worker, ticks
    /// from arrival to result, outcome) and a table of processed jobs (job, by) that makes the
    /// handler idempotent.
    pub store: String,
    pub results: String,
    pub processed: String,
    /// How many jobs arrive in the run.
    pub jobs: u32,
    /// Fewest and most ticks a job takes.
    pub work: (u32, u32),
    /// The visibility timeout in ticks, unless the scenario's `visibility`
    /// parameter sets it.
    pub visibility: u32,
    /// Ticks a crashed worker takes to restart.
    pub restart: u32,
}

impl ConsumersSpec {
    /// Every actor the model draws on.
    pub fn actors(&self) -> [&str; 4] {
        [&self.producer, &self.queue, &self.workers, &self.store]
    }
}

/// Whether the model can ever offer this fault id.
pub fn may_offer(fault: &str) -> bool {
    let worker = fault
        .strip_prefix("crash:")
        .or_else(|| fault.strip_prefix("crash-before-ack:"));
    worker
        .and_then(|w| w.strip_prefix('w'))
        .and_then(|k| k.parse::<u32>().ok())
        .is_some_and(|k| (1..=MAX_WORKERS).contains(&k))
}

/// Checks a scenario can run the pool: it shows every actor the model uses,
/// and its plan names faults the model offers.
pub(crate) fn check_scenario(ctx: &mut Ctx, data: &ConsumersSpec, scope: Scope, plan: &[String], field: &str) -> bool {
    let mut ok = true;
    for actor in data.actors() {
        if scope.shown.is_some_and(|shown| !shown.iter().any(|s| s == actor)) {
            ctx.error(
                field,
                format!("runs the worker pool, which needs the actor {actor:?}, but this scenario does not show it"),
            );
            ok = false;
        }
    }
    let plan_field = field
        .strip_suffix("model")
        .map_or_else(|| "plan".to_owned(), |p| format!("{p}plan"));
    for (i, fault) in plan.iter().enumerate() {
        if !may_offer(fault) {
            ctx.error(
                &format!("{plan_field}[{i}]"),
                format!("names the fault {fault:?}, which the worker pool never offers (it offers crash:w<k> and crash-before-ack:w<k>, k from 1 to {MAX_WORKERS})"),
            );
            ok = false;
        }
    }
    ok
}

/// Checks the parameters the pool reads: `workers` within 1 to
/// [`MAX_WORKERS`] and `visibility` of at least 1 tick (`path` is the
/// scenario's).
pub(crate) fn check_params(ctx: &mut Ctx, params: &[ParamSpec], path: &str) -> bool {
    let mut ok = true;
    for (i, param) in params.iter().enumerate() {
        let (low, high) = match param.id.as_str() {
            "workers" => (1, MAX_WORKERS),
            "visibility" => (1, u32::MAX),
            _ => continue,
        };
        if param.min < low || param.max > high {
            ctx.error(
                &format!("{}[{i}]", join(path, "params")),
                format!(
                    "lets {:?} range from {} to {}, but the worker pool accepts {low} to {high}",
                    param.id, param.min, param.max
                ),
            );
            ok = false;
        }
    }
    ok
}
