//! Computed models: scenarios whose steps cannot be written down in advance
//! because they depend on the faults injected along the way. A model reads
//! its data from the simulation's `models` field and emits the same
//! [`Step`](crate::sim::spec::Step)s and effects as a script, so one engine
//! plays both.

pub mod consumers;
pub mod saga;

#[cfg(test)]
mod cache_tests;

use serde_json::Value;

use super::choices::Params;
use super::engine::Source;
use super::read::{Ctx, Scope};
use super::spec::{ActorSpec, ParamSpec, ScenarioSpec, SimulationSpec};
use crate::catalog::reader::join;

/// The computed models a scenario may name in its `model` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelName {
    /// A saga run by a central orchestrator with a durable log
    /// ([`saga::Orchestration`]); reads `models.saga`.
    SagaOrchestration,
    /// Workers competing for the messages of one queue
    /// ([`consumers::Pool`]); reads `models.consumers`.
    CompetingConsumers,
}

impl ModelName {
    /// Every model with its catalog spelling.
    pub const ALL: [(&'static str, ModelName); 2] = [
        ("saga-orchestration", ModelName::SagaOrchestration),
        ("competing-consumers", ModelName::CompetingConsumers),
    ];

    /// The catalog spelling.
    pub fn name(self) -> &'static str {
        match self {
            ModelName::SagaOrchestration => "saga-orchestration",
            ModelName::CompetingConsumers => "competing-consumers",
        }
    }
}

/// The data models read, from the simulation's `models` field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ModelData {
    /// `models.saga`: the steps of a saga and where its state lives.
    pub saga: Option<saga::SagaSpec>,
    /// `models.consumers`: the queue, the worker pool and the workload.
    pub consumers: Option<consumers::ConsumersSpec>,
}

/// Reads `models` (absent means no data).
pub(crate) fn read_data(ctx: &mut Ctx, value: Option<&Value>, path: &str, actors: &[ActorSpec]) -> ModelData {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return ModelData::default();
    };
    let Some(map) = ctx.object(value, path) else {
        return ModelData::default();
    };
    ctx.known_keys(map, &["saga", "consumers"], path);
    let saga = map
        .get("saga")
        .and_then(|v| saga::read_saga(ctx, v, &join(path, "saga"), Scope::all(actors)));
    let consumers = map
        .get("consumers")
        .and_then(|v| consumers::read_consumers(ctx, v, &join(path, "consumers"), Scope::all(actors)));
    ModelData { saga, consumers }
}

/// Checks that a scenario naming `model` has the data, actors and plan it needs.
pub(crate) fn check_scenario(
    ctx: &mut Ctx,
    model: ModelName,
    data: &ModelData,
    scope: Scope,
    plan: &[String],
    field: &str,
) -> bool {
    match model {
        ModelName::SagaOrchestration => match &data.saga {
            Some(saga) => saga::check_scenario(ctx, saga, scope, plan, field),
            None => {
                ctx.error(
                    field,
                    format!(
                        "names the model {:?}, which needs `simulation.models.saga`",
                        model.name()
                    ),
                );
                false
            }
        },
        ModelName::CompetingConsumers => match &data.consumers {
            Some(pool) => consumers::check_scenario(ctx, pool, scope, plan, field),
            None => {
                ctx.error(
                    field,
                    format!(
                        "names the model {:?}, which needs `simulation.models.consumers`",
                        model.name()
                    ),
                );
                false
            }
        },
    }
}

/// Checks that the parameters a model scenario declares suit the model
/// (`path` is the scenario's).
pub(crate) fn check_params(ctx: &mut Ctx, model: ModelName, params: &[ParamSpec], path: &str) -> bool {
    match model {
        ModelName::SagaOrchestration => true,
        ModelName::CompetingConsumers => consumers::check_params(ctx, params, path),
    }
}

/// The steps of a model scenario.
pub(crate) fn source<'s>(
    model: ModelName,
    spec: &'s SimulationSpec,
    _scenario: &'s ScenarioSpec,
    params: &Params,
) -> Result<Box<dyn Source + 's>, String> {
    match model {
        ModelName::SagaOrchestration => {
            let saga = spec
                .models
                .saga
                .as_ref()
                .ok_or("the saga model has no `models.saga` data")?;
            Ok(Box::new(saga::Orchestration::new(spec, saga)))
        }
        ModelName::CompetingConsumers => {
            let data = spec
                .models
                .consumers
                .as_ref()
                .ok_or("the worker pool has no `models.consumers` data")?;
            let workers = params.get("workers").unwrap_or(1);
            let visibility = params.get("visibility").unwrap_or(data.visibility);
            Ok(Box::new(consumers::Pool::new(spec, data, workers, visibility)?))
        }
    }
}
