//! A worker pool draining one queue, computed one event at a time.
//!
//! Time advances in ticks; each frame is one event of the current tick, by
//! priority: a crash the user asked for, an acknowledgement due, a job that
//! is finished, a visibility timeout that runs out, a worker that restarts,
//! an idle worker receiving a message (workers long-poll, so they take a job
//! the moment it is visible), and last a job arriving. When none is due the
//! clock moves on, and the run ends once every job has arrived and the
//! queue is empty.

use super::{ConsumersSpec, MAX_WORKERS};
use crate::lowercase;
use crate::sim::engine::Source;
use crate::sim::frame::{ActorStatus, EventKind, FaultOption};
use crate::sim::prng::Prng;
use crate::sim::spec::{Change, Effect, SimulationSpec, Step};

/// Crashes a run offers, one at a time: enough to see a redelivery and a
/// duplicate, few enough that the surviving workers still keep up.
const MAX_CRASHES: u32 = 2;

/// A message in the queue.
#[derive(Debug, Clone)]
struct Message {
    job: u32,
    arrived: u32,
    receives: u32,
    /// `(worker index, visible again at)` while a worker holds it.
    hidden: Option<(usize, u32)>,
}

/// What a worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Worker {
    Idle,
    /// Working on `job`, received as its `receive`-th delivery, done at `until`.
    Working {
        job: u32,
        receive: u32,
        until: u32,
    },
    /// Applied (or skipped) `job`; deletes the message next.
    Acking {
        job: u32,
        receive: u32,
    },
    /// Crashed; back at `back`.
    Down {
        back: u32,
    },
}

/// The worker pool, yielding one step at a time to the engine.
pub struct Pool<'s> {
    data: &'s ConsumersSpec,
    /// The producer's name in lower case, for narration.
    producer: String,
    visibility: u32,
    tick: u32,
    /// `(tick, job)` still to arrive, in order; drawn on the first step.
    arrivals: Option<Vec<(u32, u32)>>,
    queue: Vec<Message>,
    workers: Vec<Worker>,
    /// Jobs whose result was applied, as the store's processed table has them.
    processed: Vec<u32>,
    /// The longest a job waited for its first delivery, in ticks.
    longest_wait: u32,
    /// Deliveries the idempotent handler recognised and skipped.
    duplicates: u32,
    /// Deliveries after the first, of any message.
    redeliveries: u32,
    started: bool,
    /// Crashes so far.
    crashes: u32,
    crash_next: Option<(usize, bool)>,
    ended: bool,
}

impl<'s> Pool<'s> {
    /// A pool of `workers` with this visibility timeout, before any job arrives.
    pub fn new(
        spec: &'s SimulationSpec,
        data: &'s ConsumersSpec,
        workers: u32,
        visibility: u32,
    ) -> Result<Self, String> {
        if !(1..=MAX_WORKERS).contains(&workers) {
            return Err(format!("the pool needs 1 to {MAX_WORKERS} workers, not {workers}"));
        }
        if visibility == 0 {
            return Err("the visibility timeout must be at least 1 tick".into());
        }
        Ok(Self {
            data,
            producer: lowercase::to_lowercase(spec.label(&data.producer)),
            visibility,
            tick: 0,
            arrivals: None,
            queue: Vec::new(),
            workers: vec![Worker::Idle; workers as usize],
            processed: Vec::new(),
            longest_wait: 0,
            duplicates: 0,
            redeliveries: 0,
            started: false,
            crashes: 0,
            crash_next: None,
            ended: false,
        })
    }

    /// Bursts of 4 to 6 jobs, 8 to 10 ticks apart, starting at tick 0.
    fn draw_arrivals(&self, rng: &mut Prng) -> Vec<(u32, u32)> {
        let mut arrivals = Vec::new();
        let mut tick = 0;
        let mut job = 1;
        while job <= self.data.jobs {
            for _ in 0..rng.between(4, 6) {
                if job <= self.data.jobs {
                    arrivals.push((tick, job));
                    job += 1;
                }
            }
            tick += rng.between(8, 10);
        }
        arrivals
    }

    fn choose(&mut self, rng: &mut Prng) -> Result<Step, String> {
        if !self.started {
            self.started = true;
            return Ok(self.start());
        }
        if let Some((w, after_apply)) = self.crash_next.take() {
            return Ok(self.crash(w, after_apply));
        }
        loop {
            if let Some(w) = self.workers.iter().position(|w| matches!(w, Worker::Acking { .. })) {
                return self.ack(w);
            }
            let t = self.tick;
            if let Some(w) = self
                .workers
                .iter()
                .position(|w| matches!(w, Worker::Working { until, .. } if *until <= t))
            {
                return self.finish(w);
            }
            if let Some(m) = self.queue.iter().position(|m| m.hidden.is_some_and(|(_, at)| at <= t)) {
                return Ok(self.expire(m));
            }
            if let Some(w) = self
                .workers
                .iter()
                .position(|w| matches!(w, Worker::Down { back } if *back <= t))
            {
                return Ok(self.recover(w));
            }
            let idle = self.workers.iter().position(|w| *w == Worker::Idle);
            let visible = self.queue.iter().position(|m| m.hidden.is_none());
            if let (Some(w), Some(m)) = (idle, visible) {
                return Ok(self.receive(w, m, rng));
            }
            let arrivals = self.arrivals.get_or_insert_with(Vec::new);
            if arrivals.first().is_some_and(|(at, _)| *at <= t) {
                let (_, job) = arrivals.remove(0);
                return Ok(self.arrive(job));
            }
            if arrivals.is_empty() && self.queue.is_empty() {
                self.ended = true;
                return Ok(self.end());
            }
            self.tick += 1;
        }
    }

    fn start(&self) -> Step {
        let n = self.workers.len();
        let who = if n == 1 {
            "One worker starts and long-polls".to_owned()
        } else {
            format!("{n} identical workers start and long-poll")
        };
        let mut step = Step::new(
            EventKind::StateChange,
            format!(
                "{who} the queue; a received message stays hidden from the others for {} ticks unless it is deleted.",
                self.visibility
            ),
        );
        step.effects = (0..n).map(|w| self.worker_row(w, "idle", "", "")).collect();
        step
    }

    fn arrive(&mut self, job: u32) -> Step {
        self.queue.push(Message {
            job,
            arrived: self.tick,
            receives: 0,
            hidden: None,
        });
        let waiting = self.queue.iter().filter(|m| m.hidden.is_none()).count();
        let mut step = Step::new(
            EventKind::StateChange,
            format!(
                "At t={}, the {} enqueues job {job}; {waiting} {} now visible in the queue.",
                self.tick,
                self.producer,
                if waiting == 1 { "job is" } else { "jobs are" }
            ),
        );
        step.effects.push(self.message_row(self.queue.len() - 1));
        step
    }

    fn receive(&mut self, w: usize, m: usize, rng: &mut Prng) -> Step {
        let t = self.tick;
        let hide_until = t + self.visibility;
        let ticks = rng.between(self.data.work.0, self.data.work.1);
        let message = &mut self.queue[m];
        message.receives += 1;
        message.hidden = Some((w, hide_until));
        let (job, receive, waited) = (message.job, message.receives, t - message.arrived);
        self.workers[w] = Worker::Working {
            job,
            receive,
            until: t + ticks,
        };
        if receive == 1 {
            self.longest_wait = self.longest_wait.max(waited);
        } else {
            self.redeliveries += 1;
        }
        let again = if receive > 1 {
            format!(" again (delivery {receive})")
        } else if waited == 0 {
            " as soon as it arrives".to_owned()
        } else {
            format!(
                " after it waited {waited} {}",
                if waited == 1 { "tick" } else { "ticks" }
            )
        };
        let narration = format!(
            "At t={t}, worker {} receives job {job}{again}; the queue hides it from the other workers until t={hide_until}, and the job will take {ticks} ticks.",
            w + 1
        );
        let mut step = Step::new(EventKind::StateChange, narration);
        step.effects.push(self.message_row(m));
        step.effects.push(Effect {
            actor: self.data.queue.clone(),
            change: Change::Append {
                panel: self.data.deliveries.clone(),
                row: vec![
                    format!("job {job}"),
                    format!("w{}", w + 1),
                    receive.to_string(),
                    waited.to_string(),
                ],
            },
        });
        step.effects
            .push(self.worker_row(w, "working", &format!("job {job}"), &format!("t={}", t + ticks)));
        step.effects.push(self.status());
        step.faults = self.crash_offer(w, "crash", format!("Crash worker {} mid-job", w + 1));
        step
    }

    /// The handler applies the job's result, unless the job was processed
    /// before (idempotency by job id).
    fn finish(&mut self, w: usize) -> Result<Step, String> {
        let Worker::Working { job, receive, .. } = self.workers[w] else {
            return Err("no job is finished".into());
        };
        self.workers[w] = Worker::Acking { job, receive };
        let arrived = self.queue.iter().find(|m| m.job == job).map_or(0, |m| m.arrived);
        let latency = self.tick.saturating_sub(arrived).to_string();
        let worker = format!("w{}", w + 1);
        let mut step;
        if self.processed.contains(&job) {
            self.duplicates += 1;
            step = Step::new(
                EventKind::StateChange,
                format!(
                    "At t={}, worker {} finishes job {job}, but its idempotent handler finds the job already processed, so it applies nothing twice.",
                    self.tick,
                    w + 1
                ),
            );
            step.effects.push(self.append(
                &self.data.results,
                vec![format!("job {job}"), worker, latency, "duplicate skipped".into()],
            ));
        } else {
            self.processed.push(job);
            step = Step::new(
                EventKind::StateChange,
                format!(
                    "At t={}, worker {} finishes job {job} and records its result together with the job id, in one transaction.",
                    self.tick,
                    w + 1
                ),
            );
            step.effects.push(self.append(
                &self.data.results,
                vec![format!("job {job}"), worker.clone(), latency, "applied".into()],
            ));
            step.effects.push(Effect {
                actor: self.data.store.clone(),
                change: Change::Upsert {
                    panel: self.data.processed.clone(),
                    row: vec![format!("job {job}"), worker],
                },
            });
            step.faults = self.crash_offer(
                w,
                "crash-before-ack",
                format!("Crash worker {} before it deletes job {job}", w + 1),
            );
        }
        Ok(step)
    }

    /// The worker deletes the message with its receipt; a receipt from an
    /// older delivery no longer deletes it.
    fn ack(&mut self, w: usize) -> Result<Step, String> {
        let Worker::Acking { job, receive } = self.workers[w] else {
            return Err("no acknowledgement is due".into());
        };
        self.workers[w] = Worker::Idle;
        let mut step;
        match self.queue.iter().position(|m| m.job == job) {
            Some(m) if self.queue[m].receives == receive => {
                self.queue.remove(m);
                step = Step::new(
                    EventKind::StateChange,
                    format!(
                        "Worker {} deletes job {job} from the queue, acknowledging it; no other worker will ever receive it.",
                        w + 1
                    ),
                );
                step.effects.push(Effect {
                    actor: self.data.queue.clone(),
                    change: Change::Remove {
                        panel: self.data.messages.clone(),
                        key: format!("job {job}"),
                    },
                });
            }
            Some(_) => {
                step = Step::new(
                    EventKind::StateChange,
                    format!(
                        "Worker {} tries to delete job {job}, but its receipt is stale: the job was delivered again after its timeout ran out, so the message stays for the newer delivery.",
                        w + 1
                    ),
                );
            }
            None => {
                step = Step::new(
                    EventKind::StateChange,
                    format!(
                        "Worker {} tries to delete job {job}, which another worker has already deleted.",
                        w + 1
                    ),
                );
            }
        }
        step.effects.push(self.worker_row(w, "idle", "", ""));
        step.effects.push(self.status());
        Ok(step)
    }

    fn expire(&mut self, m: usize) -> Step {
        let message = &mut self.queue[m];
        let holder = message.hidden.map_or(0, |(w, _)| w);
        message.hidden = None;
        let (job, receives) = (message.job, message.receives);
        let still = match self.workers.get(holder) {
            Some(Worker::Working { job: j, .. }) if *j == job => {
                format!(", although worker {} is still working on it", holder + 1)
            }
            _ => String::new(),
        };
        let mut step = Step::new(
            EventKind::Timeout,
            format!(
                "At t={}, job {job}'s visibility timeout runs out with no delete{still}, so the queue makes it visible again ({receives} {} so far).",
                self.tick,
                if receives == 1 { "delivery" } else { "deliveries" }
            ),
        );
        step.effects.push(self.message_row(m));
        step
    }

    fn crash(&mut self, w: usize, after_apply: bool) -> Step {
        let job = match self.workers[w] {
            Worker::Working { job, .. } | Worker::Acking { job, .. } => job,
            _ => 0,
        };
        self.crashes += 1;
        let back = self.tick + self.data.restart;
        self.workers[w] = Worker::Down { back };
        let hidden_until = self
            .queue
            .iter()
            .find(|m| m.job == job)
            .and_then(|m| m.hidden)
            .map_or(self.tick, |(_, at)| at);
        let what = if after_apply {
            format!("after recording job {job}'s result but before deleting it")
        } else {
            format!("in the middle of job {job}")
        };
        let narration = format!(
            "Worker {} crashes {what}; nobody deletes the message, so it stays invisible until its timeout at t={hidden_until}.",
            w + 1
        );
        let mut step = Step::new(EventKind::Crash, narration);
        step.actor = Some(self.data.workers.clone());
        step.effects.push(self.worker_row(w, "down", "", &format!("t={back}")));
        step.effects.push(self.status());
        step
    }

    fn recover(&mut self, w: usize) -> Step {
        self.workers[w] = Worker::Idle;
        let mut step = Step::new(
            EventKind::Recover,
            format!(
                "At t={}, worker {} restarts with nothing in hand and long-polls the queue again.",
                self.tick,
                w + 1
            ),
        );
        step.actor = Some(self.data.workers.clone());
        step.effects.push(self.worker_row(w, "idle", "", ""));
        step.effects.push(self.status());
        step
    }

    fn end(&self) -> Step {
        let n = self.processed.len();
        let mut text = format!(
            "At t={}, all {n} jobs are done, each result applied once; the longest wait before a first delivery was {} ticks",
            self.tick, self.longest_wait
        );
        let (r, d) = (self.redeliveries, self.duplicates);
        let redeliveries = if r == 1 { "redelivery" } else { "redeliveries" };
        if r > 0 && d == 0 {
            text.push_str(&format!(
                "; {r} {redeliveries} of undeleted messages did work that had never been finished"
            ));
        } else if r > 0 {
            text.push_str(&format!(
                "; of {r} {redeliveries} of undeleted messages, the idempotent handler skipped {d} whose result was already applied"
            ));
        }
        text.push('.');
        Step::new(EventKind::End, text)
    }

    /// The crash fault for worker `w`, offered one crash at a time: while
    /// every worker is up and no message of a crashed worker is still hidden.
    fn crash_offer(&self, w: usize, kind: &str, label: String) -> Vec<FaultOption> {
        let orphaned = self.queue.iter().any(|m| {
            m.hidden
                .is_some_and(|(holder, _)| !matches!(self.workers.get(holder), Some(Worker::Working { job, .. } | Worker::Acking { job, .. }) if *job == m.job))
        });
        if orphaned || self.crashes >= MAX_CRASHES || self.workers.iter().any(|w| matches!(w, Worker::Down { .. })) {
            return Vec::new();
        }
        vec![FaultOption {
            id: format!("{kind}:w{}", w + 1),
            label,
        }]
    }

    /// The pool actor is busy while any worker works, down while none is up.
    fn status(&self) -> Effect {
        let working = self
            .workers
            .iter()
            .any(|w| matches!(w, Worker::Working { .. } | Worker::Acking { .. }));
        let all_down = self.workers.iter().all(|w| matches!(w, Worker::Down { .. }));
        let status = if all_down {
            ActorStatus::Down
        } else if working {
            ActorStatus::Busy
        } else {
            ActorStatus::Up
        };
        Effect {
            actor: self.data.workers.clone(),
            change: Change::Status(status),
        }
    }

    fn worker_row(&self, w: usize, status: &str, job: &str, until: &str) -> Effect {
        Effect {
            actor: self.data.workers.clone(),
            change: Change::Upsert {
                panel: self.data.pool.clone(),
                row: vec![format!("w{}", w + 1), status.into(), job.into(), until.into()],
            },
        }
    }

    fn message_row(&self, m: usize) -> Effect {
        let message = &self.queue[m];
        let (state, holder, until) = match message.hidden {
            Some((w, at)) => ("invisible", format!("w{}", w + 1), format!("t={at}")),
            None => ("visible", String::new(), String::new()),
        };
        Effect {
            actor: self.data.queue.clone(),
            change: Change::Upsert {
                panel: self.data.messages.clone(),
                row: vec![
                    format!("job {}", message.job),
                    state.into(),
                    holder,
                    message.receives.to_string(),
                    until,
                ],
            },
        }
    }

    fn append(&self, panel: &str, row: Vec<String>) -> Effect {
        Effect {
            actor: self.data.store.clone(),
            change: Change::Append {
                panel: panel.to_owned(),
                row,
            },
        }
    }
}

impl Source for Pool<'_> {
    fn next(&mut self, rng: &mut Prng) -> Result<Option<Step>, String> {
        if self.ended {
            return Ok(None);
        }
        if self.arrivals.is_none() {
            self.arrivals = Some(self.draw_arrivals(rng));
        }
        self.choose(rng).map(Some)
    }

    fn inject(&mut self, fault: &str, _rng: &mut Prng) -> Result<(), String> {
        let (kind, worker) = fault
            .split_once(':')
            .ok_or_else(|| format!("the pool cannot inject {fault:?}"))?;
        let w = worker
            .strip_prefix('w')
            .and_then(|k| k.parse::<usize>().ok())
            .and_then(|k| k.checked_sub(1))
            .filter(|&w| w < self.workers.len())
            .ok_or_else(|| format!("there is no worker {worker:?}"))?;
        match (kind, self.workers[w]) {
            ("crash", Worker::Working { .. }) => self.crash_next = Some((w, false)),
            ("crash-before-ack", Worker::Acking { .. }) => self.crash_next = Some((w, true)),
            _ => return Err(format!("worker {} cannot {kind} now", w + 1)),
        }
        Ok(())
    }
}
