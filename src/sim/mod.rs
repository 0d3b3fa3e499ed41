//! Step-through simulations: a scenario, the user's choices and a seed go in,
//! a timeline of frames comes out. Pure and deterministic.
//!
//! The catalog describes each simulation ([`spec`]): actors on a canvas,
//! the panels they own, and scenarios that are either scripts of steps or a
//! computed model (such as the orchestrated saga in [`models::saga`]). One
//! engine plays both, checks the scenario's invariants on every frame, and
//! branches the story wherever the user injects a fault.
//!
//! A scenario says whether its invariants hold (`"expect": "holds"`) or show
//! the problem a pattern solves by breaking (`"breaks"`), and may declare
//! charts, measured per frame by [`chart_series`] (see [`charts`]).
//!
//! ```
//! use patterns_forged::sim::{self, Choices};
//! let catalog = patterns_forged::catalog::embedded().as_ref().expect("valid catalog");
//! let saga = catalog.pattern("saga").and_then(|p| p.simulation.as_ref()).expect("the saga has a simulation");
//! let saga = saga.spec().expect("it decodes");
//! let timeline = sim::run(saga, "orchestrated-happy-path", &Choices::new(7)).expect("the scenario runs");
//! assert!(timeline.frames.iter().all(|f| f.invariants.iter().all(|i| i.holds)));
//! ```

pub mod charts;
mod choices;
mod engine;
mod error;
pub mod frame;
mod invariants;
pub mod link;
pub mod models;
mod prng;
mod read;
mod script;
pub mod spec;
mod world;

#[cfg(test)]
mod shipped_tests;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;

pub use charts::{Chart, Series, chart_series};
pub use choices::{Choices, Params};
pub use engine::{MAX_FRAMES, run};
pub use error::SimError;
pub use link::{LinkQuery, clamp_step, format_query, parse_faults, parse_query, pick_params, pick_scenario};

use spec::{ParamSpec, SimulationSpec};

/// What the scenario picker shows of one scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScenarioInfo<'s> {
    pub id: &'s str,
    pub title: &'s str,
    pub description: &'s str,
    /// The numbers the user may tune, with their ranges and defaults.
    pub params: &'s [ParamSpec],
}

/// What the scenario picker shows of the scenario with this id.
pub fn scenario_info<'s>(spec: &'s SimulationSpec, id: &str) -> Option<ScenarioInfo<'s>> {
    scenarios(spec).into_iter().find(|s| s.id == id)
}

/// Every scenario of a simulation, in catalog order.
pub fn scenarios(spec: &SimulationSpec) -> Vec<ScenarioInfo<'_>> {
    spec.scenarios
        .iter()
        .map(|s| ScenarioInfo {
            id: &s.id,
            title: &s.title,
            description: &s.description,
            params: &s.params,
        })
        .collect()
}
