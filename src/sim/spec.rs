//! The data form of simulations, as a pattern's `simulation` field in
//! `catalog.json` describes them once [`read_simulation`] has checked it:
//! actors on a canvas, the panels they own, scenarios made of scripted steps
//! or of a computed model, and the invariants each scenario promises.
//!
//! [`Step`] and [`Effect`] are also the vocabulary the computed models
//! emit, so scripts and models are played by one engine.

pub use super::charts::{ChartSpec, Measure, SeriesSpec};
use super::frame::{ActorStatus, EventKind, FaultOption, MessageKind, PanelKind};
use super::models::{ModelData, ModelName};
pub use super::read::read_simulation;

/// A pattern's simulation.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationSpec {
    pub canvas: Canvas,
    /// Every actor any scenario shows, in drawing order.
    pub actors: Vec<ActorSpec>,
    pub scenarios: Vec<ScenarioSpec>,
    /// Data the computed models read, such as the saga's steps.
    pub models: ModelData,
}

/// The drawing area actors are placed on, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canvas {
    pub width: u32,
    pub height: u32,
}

/// A service, queue, broker, database... drawn at `(x, y)` on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSpec {
    /// Unique within the simulation; steps name actors by it.
    pub id: String,
    /// Display name, such as `Payment`.
    pub label: String,
    pub kind: ActorKind,
    /// Centre of the actor on the canvas.
    pub x: u32,
    pub y: u32,
    /// The tables, queues and logs it owns, with their first rows.
    pub panels: Vec<PanelSpec>,
}

/// What an actor is, for its icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Service,
    Orchestrator,
    Broker,
    Queue,
    Database,
    Cache,
    Client,
    Worker,
}

impl ActorKind {
    /// Every kind with its catalog spelling.
    pub const ALL: [(&'static str, ActorKind); 8] = [
        ("service", ActorKind::Service),
        ("orchestrator", ActorKind::Orchestrator),
        ("broker", ActorKind::Broker),
        ("queue", ActorKind::Queue),
        ("database", ActorKind::Database),
        ("cache", ActorKind::Cache),
        ("client", ActorKind::Client),
        ("worker", ActorKind::Worker),
    ];
}

/// A table, queue or log as it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSpec {
    /// Unique within its actor.
    pub id: String,
    pub title: String,
    pub kind: PanelKind,
    pub columns: Vec<String>,
    /// Initial rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

impl PanelSpec {
    /// Index of the column with this name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// One scenario: a story the simulation can play.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSpec {
    /// Unique within the simulation; kebab-case, fit for a URL.
    pub id: String,
    pub title: String,
    /// A sentence or two for the scenario picker.
    pub description: String,
    /// Narration of frame 0.
    pub start: String,
    /// Ids of the actors this scenario shows, in the simulation's order.
    pub actors: Vec<String>,
    /// Numbers the user may tune, with their ranges.
    pub params: Vec<ParamSpec>,
    /// Effects applied to the initial panels before frame 0.
    pub setup: Vec<Effect>,
    /// What the scenario promises, checked on every frame.
    pub invariants: Vec<InvariantSpec>,
    /// Whether its invariants hold on every frame of the default run, or
    /// some break (a "without the pattern" scenario shows the problem).
    pub expect: Expect,
    /// Measures plotted over the run, one point per frame.
    pub charts: Vec<ChartSpec>,
    /// Fault ids injected by the scenario itself, each at the first frame
    /// that offers it (after the previous one fired).
    pub plan: Vec<String>,
    pub body: ScenarioBody,
}

/// What a scenario's invariants are meant to do in its default run
/// (catalog field `expect`, `"holds"` when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Expect {
    /// Every invariant holds on every frame, whatever faults are injected.
    #[default]
    Holds,
    /// At least one invariant breaks: the scenario shows the problem the
    /// pattern solves.
    Breaks,
}

impl Expect {
    /// Every value with its catalog spelling.
    pub const ALL: [(&'static str, Expect); 2] = [("holds", Expect::Holds), ("breaks", Expect::Breaks)];
}

/// Where a scenario's steps come from.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioBody {
    /// Steps written in the catalog, played in order.
    Script(Vec<ScriptStep>),
    /// Steps computed by a named model from the simulation's model data.
    Model(ModelName),
}

/// A number the user may set for a scenario, such as a worker count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamSpec {
    pub id: String,
    pub label: String,
    pub min: u32,
    pub max: u32,
    pub default: u32,
}

/// One event of a run, before the engine applies it: what scripts list and
/// what models emit.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub event: EventKind,
    /// One plain sentence.
    pub narration: String,
    /// The message this step sends, delivers or drops.
    pub transit: Transit,
    /// The actor that crashes or recovers, for those events.
    pub actor: Option<String>,
    /// Changes to panels and statuses, in order.
    pub effects: Vec<Effect>,
    /// Faults the user may inject at the frame this step makes.
    pub faults: Vec<FaultOption>,
}

impl Step {
    /// A step with no message, effects or faults.
    pub fn new(event: EventKind, narration: impl Into<String>) -> Self {
        Self {
            event,
            narration: narration.into(),
            transit: Transit::None,
            actor: None,
            effects: Vec::new(),
            faults: Vec::new(),
        }
    }
}

/// What a step does with a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Transit {
    None,
    /// Puts a new message in flight.
    Send(MessageSpec),
    /// Delivers the in-flight message with this handle.
    Deliver(String),
    /// Loses the in-flight message with this handle.
    Drop(String),
}

/// A message as a step sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageSpec {
    /// Names the message while it is in flight, so a later step can deliver
    /// or drop it.
    pub handle: String,
    pub from: String,
    pub to: String,
    pub label: String,
    pub kind: MessageKind,
}

/// A scripted step and the branches the user may take at its frame.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptStep {
    /// The step; its `faults` list the branches.
    pub step: Step,
    /// Choosing one replaces the rest of the script with its steps.
    pub branches: Vec<Branch>,
}

/// A fault offered by a scripted step and what follows when it is chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    pub fault: FaultOption,
    pub steps: Vec<ScriptStep>,
}

/// One change a step makes to an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effect {
    pub actor: String,
    pub change: Change,
}

/// The changes effects can make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Table: replaces the row whose first cell is `row[0]`, or adds it.
    Upsert { panel: String, row: Vec<String> },
    /// Table: sets one cell of the row keyed `key`.
    Set {
        panel: String,
        key: String,
        column: String,
        value: String,
    },
    /// Table: removes the row keyed `key`.
    Remove { panel: String, key: String },
    /// Queue: adds a row at the back.
    Push { panel: String, row: Vec<String> },
    /// Queue: removes the front row.
    Pop { panel: String },
    /// Log: adds a row at the end.
    Append { panel: String, row: Vec<String> },
    /// Sets the actor's status.
    Status(ActorStatus),
}

impl Change {
    /// The panel the change touches, if any.
    pub fn panel(&self) -> Option<&str> {
        match self {
            Change::Upsert { panel, .. }
            | Change::Set { panel, .. }
            | Change::Remove { panel, .. }
            | Change::Push { panel, .. }
            | Change::Pop { panel }
            | Change::Append { panel, .. } => Some(panel),
            Change::Status(_) => None,
        }
    }
}

/// A rule a scenario promises, checked on every frame (or only on the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvariantSpec {
    pub id: String,
    pub label: String,
    /// Only the final frame is judged; earlier frames show it as pending.
    pub at_end: bool,
    pub rule: Rule,
}

/// A panel of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelRef {
    pub actor: String,
    pub panel: String,
}

/// Rows whose cells are among given values, column by column (all must match).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// `(column index, accepted values)`.
    pub cells: Vec<(usize, Vec<String>)>,
}

impl Filter {
    /// True when the row matches every condition.
    pub fn matches(&self, row: &[String]) -> bool {
        self.cells
            .iter()
            .all(|(column, values)| row.get(*column).is_some_and(|cell| values.contains(cell)))
    }
}

/// One cell, found by panel, row key and column, and the values it may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellTest {
    pub at: PanelRef,
    pub key: String,
    pub column: usize,
    pub values: Vec<String>,
    /// Whether a missing row passes.
    pub or_absent: bool,
}

/// The generic invariant library; data picks one and parameterises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// No two matching rows share a value in `column`.
    Unique {
        at: PanelRef,
        column: usize,
        filter: Filter,
    },
    /// At most `max` rows match (a queue's length, a count of refunds...).
    CountAtMost { at: PanelRef, max: u32, filter: Filter },
    /// Every matching row's `column` is one of `values`; with `latest_per`,
    /// only the last row for each value of that column counts (for logs).
    AllIn {
        at: PanelRef,
        column: usize,
        values: Vec<String>,
        latest_per: Option<usize>,
        filter: Filter,
    },
    /// Every row matching `entry` has an earlier row matching `after` with the
    /// same cells in the `same` columns.
    EachFollows {
        at: PanelRef,
        entry: Filter,
        after: Filter,
        same: Vec<usize>,
    },
    /// Every value of `column` in `at` is also a value of `of_column` in `of`.
    Subset {
        at: PanelRef,
        column: usize,
        of: PanelRef,
        of_column: usize,
    },
    /// Whenever `when` passes, every test in `then` passes too.
    Implies { when: CellTest, then: Vec<CellTest> },
    /// Every matching row's `column` is a number no greater than `max` (a
    /// wait, a count, an age); a cell that is not a number breaks it.
    NumberAtMost {
        at: PanelRef,
        column: usize,
        max: u32,
        filter: Filter,
    },
}

impl SimulationSpec {
    /// The scenario with this id.
    pub fn scenario(&self, id: &str) -> Option<&ScenarioSpec> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&ActorSpec> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The actors a scenario shows, in drawing order.
    pub fn actors_of<'s>(&'s self, scenario: &'s ScenarioSpec) -> impl Iterator<Item = &'s ActorSpec> + 's {
        self.actors.iter().filter(|a| scenario.actors.contains(&a.id))
    }

    /// An actor's display name, or its id when it has none.
    pub fn label<'s>(&'s self, actor: &'s str) -> &'s str {
        self.actor(actor).map_or(actor, |a| a.label.as_str())
    }
}

impl ActorSpec {
    /// The panel with this id.
    pub fn panel(&self, id: &str) -> Option<&PanelSpec> {
        self.panels.iter().find(|p| p.id == id)
    }
}
