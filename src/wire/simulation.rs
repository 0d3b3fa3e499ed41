//! The encodings of a simulation's types: the spec, its scenarios, steps,
//! effects, invariants and charts, and the computed models' data.

use super::derive::{wire_enum, wire_struct};
use crate::sim::charts::{ChartSpec, Measure, SeriesSpec};
use crate::sim::frame::{ActorStatus, EventKind, FaultOption, MessageKind, PanelKind};
use crate::sim::models::consumers::ConsumersSpec;
use crate::sim::models::saga::{SagaAction, SagaFailure, SagaSpec, SagaStep};
use crate::sim::models::{ModelData, ModelName};
use crate::sim::spec::{
    ActorKind, ActorSpec, Branch, Canvas, CellTest, Change, Effect, Expect, Filter, InvariantSpec, MessageSpec,
    PanelRef, PanelSpec, ParamSpec, Rule, ScenarioBody, ScenarioSpec, ScriptStep, SimulationSpec, Step, Transit,
};

wire_struct! {
    SimulationSpec { canvas, actors, scenarios, models }
    Canvas { width, height }
    ActorSpec { id, label, kind, x, y, panels }
    PanelSpec { id, title, kind, columns, rows }
    ScenarioSpec {
        id, title, description, start, actors, params, setup, invariants, expect, charts, plan, body,
    }
    ParamSpec { id, label, min, max, default }
    Step { event, narration, transit, actor, effects, faults }
    MessageSpec { handle, from, to, label, kind }
    ScriptStep { step, branches }
    Branch { fault, steps }
    FaultOption { id, label }
    Effect { actor, change }
    InvariantSpec { id, label, at_end, rule }
    PanelRef { actor, panel }
    Filter { cells }
    CellTest { at, key, column, values, or_absent }
    ChartSpec { id, title, series }
    SeriesSpec { label, at, measure }
    ModelData { saga, consumers }
    SagaSpec { id, orchestrator, log, processed, steps, success, aborted }
    SagaStep { id, participant, retriable, action, compensation, failure }
    SagaAction { command, reply, does, effects }
    SagaFailure { reply, label, reason, effects }
    ConsumersSpec {
        producer, queue, messages, deliveries, workers, pool, store, results, processed, jobs, work,
        visibility, restart,
    }
}

wire_enum! {
    ActorKind { Service, Orchestrator, Broker, Queue, Database, Cache, Client, Worker }
    PanelKind { Table, Queue, Log }
    Expect { Holds, Breaks }
    ScenarioBody { Script(steps), Model(name) }
    ModelName { SagaOrchestration, CompetingConsumers }
    EventKind { Start, Send, Deliver, Drop, StateChange, Crash, Recover, Timeout, End }
    Transit { None, Send(message), Deliver(handle), Drop(handle) }
    MessageKind { Command, Reply, Event, Compensation, Failure }
    ActorStatus { Up, Busy, Down, Failed }
    Change {
        Upsert { panel, row },
        Set { panel, key, column, value },
        Remove { panel, key },
        Push { panel, row },
        Pop { panel },
        Append { panel, row },
        Status(status),
    }
    Rule {
        Unique { at, column, filter },
        CountAtMost { at, max, filter },
        AllIn { at, column, values, latest_per, filter },
        EachFollows { at, entry, after, same },
        Subset { at, column, of, of_column },
        Implies { when, then },
        NumberAtMost { at, column, max, filter },
    }
    Measure { Rows(filter), Sum { column, filter }, Cell { key, column } }
}
