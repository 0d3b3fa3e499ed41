//! What a simulation produces: a timeline of frames, each one event with its
//! narration and the full visible state after it. The UI renders exactly
//! one frame at a time; stepping back is showing an earlier frame.

/// Every frame of one run, frame 0 being the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub frames: Vec<Frame>,
}

impl Timeline {
    /// For each invariant of the frame at `step`, its first breach on an
    /// earlier frame, if any: a breach stays on the record even where the
    /// invariant holds again (invariants are in the same order on every
    /// frame).
    pub fn breaches_before(&self, step: usize) -> Vec<Option<Breach>> {
        let count = self.frames.get(step).map_or(0, |f| f.invariants.len());
        (0..count)
            .map(|i| {
                self.frames.iter().take(step).enumerate().find_map(|(k, frame)| {
                    frame
                        .invariants
                        .get(i)
                        .filter(|inv| !inv.holds && !inv.pending)
                        .map(|inv| Breach {
                            step: k,
                            detail: inv.detail.clone(),
                        })
                })
            })
            .collect()
    }
}

/// Where and why an invariant broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    /// The frame it broke on.
    pub step: usize,
    /// Why, when the check said.
    pub detail: Option<String>,
}

/// One step of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// What happened in this step.
    pub event: EventKind,
    /// One plain sentence saying what happened.
    pub narration: String,
    /// The whole visible state after the event.
    pub world: World,
    /// Messages that travelled during this step, for the animation: each
    /// glides from `from` to `to` (or stops half-way when `dropped`). On a
    /// `Send` frame the message leaves `from` and is now in
    /// `world.in_flight`; on `Deliver` it reaches `to`; on `Drop` it is lost.
    pub moves: Vec<Message>,
    /// Each invariant of the scenario, checked on this frame.
    pub invariants: Vec<InvariantStatus>,
    /// Faults the user can inject at this frame; choosing one branches the
    /// timeline from here.
    pub faults: Vec<FaultOption>,
    /// The fault injected at this frame, by the user or by the scenario's own
    /// plan: the frames after this one follow from it.
    pub injected: Option<FaultOption>,
}

/// The kind of event a frame shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    Start,
    Send,
    Deliver,
    Drop,
    StateChange,
    Crash,
    Recover,
    Timeout,
    End,
}

/// The visible state of every actor and the messages in flight.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct World {
    /// In the order of the simulation's actors.
    pub actors: Vec<ActorState>,
    /// Messages sent and not yet delivered or dropped.
    pub in_flight: Vec<Message>,
}

/// One actor's status and the records it owns.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorState {
    pub id: String,
    pub status: ActorStatus,
    pub panels: Vec<Panel>,
}

/// Whether an actor is working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorStatus {
    Up,
    Busy,
    Down,
    Failed,
}

/// A table, queue or log an actor owns, as rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub id: String,
    pub title: String,
    pub kind: PanelKind,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How a panel behaves and is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PanelKind {
    /// Rows keyed by their first cell.
    Table,
    /// First in, first out.
    Queue,
    /// Append-only.
    Log,
}

/// A message between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Unique within a run.
    pub id: u32,
    pub from: String,
    pub to: String,
    pub label: String,
    pub kind: MessageKind,
    /// True when the message is lost on the way.
    pub dropped: bool,
}

/// What a message is, for its colour and legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    Command,
    Reply,
    Event,
    Compensation,
    Failure,
}

/// An invariant's verdict on one frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantStatus {
    pub id: String,
    pub label: String,
    pub holds: bool,
    /// Why it is broken, when it is.
    pub detail: Option<String>,
    /// True for an end-of-run invariant on any frame but the last: it is
    /// not judged yet (and `holds` is true).
    pub pending: bool,
}

/// A fault the user may inject at a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultOption {
    pub id: String,
    pub label: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(verdicts: &[(bool, bool)]) -> Frame {
        Frame {
            event: EventKind::Start,
            narration: String::new(),
            world: World::default(),
            moves: Vec::new(),
            invariants: verdicts
                .iter()
                .enumerate()
                .map(|(i, &(holds, pending))| InvariantStatus {
                    id: format!("i{i}"),
                    label: String::new(),
                    holds,
                    pending,
                    detail: (!holds).then(|| format!("why {i}")),
                })
                .collect(),
            faults: Vec::new(),
            injected: None,
        }
    }

    #[test]
    fn a_breach_stays_on_the_record_after_the_invariant_holds_again() {
        let timeline = Timeline {
            frames: vec![
                frame(&[(true, false), (true, true)]),
                frame(&[(false, false), (true, true)]),
                frame(&[(true, false), (true, true)]),
                frame(&[(true, false), (false, false)]),
            ],
        };
        assert_eq!(timeline.breaches_before(0), vec![None, None]);
        assert_eq!(
            timeline.breaches_before(1),
            vec![None, None],
            "the frame shown is not 'before'"
        );
        let first = Some(Breach {
            step: 1,
            detail: Some("why 0".into()),
        });
        assert_eq!(timeline.breaches_before(2), vec![first.clone(), None]);
        assert_eq!(timeline.breaches_before(3), vec![first, None]);
        assert_eq!(
            timeline.breaches_before(99),
            Vec::<Option<Breach>>::new(),
            "no such frame"
        );
    }
}
