//! What the user decided for a run: the faults injected (each at a frame),
//! the scenario's parameters and the seed. A run is a pure function of the
//! scenario and these choices.

use super::error::SimError;
use super::spec::ScenarioSpec;

/// The user's side of a run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    /// Injected faults as `(frame index, fault id)`, in increasing frame
    /// order: each branches the timeline after its frame.
    pub faults: Vec<(usize, String)>,
    /// Parameter values by id; a parameter left out takes its default.
    pub params: Params,
    /// Seeds the run's random draws (message delays and the like).
    pub seed: u64,
}

impl Choices {
    /// No faults, default parameters, this seed.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            ..Self::default()
        }
    }

    /// These choices plus a fault at `frame` (appended: keep frames increasing).
    pub fn with_fault(mut self, frame: usize, fault: impl Into<String>) -> Self {
        self.faults.push((frame, fault.into()));
        self
    }

    /// These choices with a parameter set.
    pub fn with_param(mut self, id: impl Into<String>, value: u32) -> Self {
        self.params.insert(id.into(), value);
        self
    }

    /// The choices for taking `fault` at `frame`: faults chosen at that frame
    /// or later belong to the old branch and are dropped.
    ///
    /// ```
    /// use patterns_forged::sim::Choices;
    /// let choices = Choices::new(1).with_fault(3, "a").with_fault(8, "b");
    /// assert_eq!(choices.branch(5, "c").faults, vec![(3, "a".to_owned()), (5, "c".to_owned())]);
    /// ```
    pub fn branch(&self, frame: usize, fault: &str) -> Self {
        let mut next = self.until(frame);
        next.faults.push((frame, fault.to_owned()));
        next
    }

    /// The choices without the faults chosen at `frame` or later.
    pub fn until(&self, frame: usize) -> Self {
        let faults = self.faults.iter().filter(|(f, _)| *f < frame).cloned().collect();
        Self {
            faults,
            params: self.params.clone(),
            seed: self.seed,
        }
    }
}

/// Parameter values by id, kept in id order (a link lists them so). A
/// scenario has a few parameters at most: a sorted list is all the map
/// they need, and far less code than a tree.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params(Vec<(String, u32)>);

impl Params {
    /// The value of parameter `id`, if set.
    pub fn get(&self, id: &str) -> Option<u32> {
        self.find(id).ok().map(|i| self.0[i].1)
    }

    /// Sets parameter `id` to `value`.
    pub fn insert(&mut self, id: String, value: u32) {
        match self.find(&id) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (id, value)),
        }
    }

    /// Each parameter and its value, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.0.iter().map(|(id, value)| (id.as_str(), *value))
    }

    /// How many parameters are set.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no parameter is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(p, _)| p.as_str().cmp(id))
    }
}

impl FromIterator<(String, u32)> for Params {
    fn from_iter<I: IntoIterator<Item = (String, u32)>>(pairs: I) -> Self {
        let mut params = Self::default();
        for (id, value) in pairs {
            params.insert(id, value);
        }
        params
    }
}

/// Checks the choices against the scenario: known parameters within their
/// ranges, faults in increasing frame order. Returns every parameter's value.
pub fn check(scenario: &ScenarioSpec, choices: &Choices) -> Result<Params, SimError> {
    for (param, value) in choices.params.iter() {
        let Some(spec) = scenario.params.iter().find(|p| p.id == param) else {
            return Err(SimError::UnknownParam {
                scenario: scenario.id.clone(),
                param: param.to_owned(),
                known: scenario.params.iter().map(|p| p.id.clone()).collect(),
            });
        };
        if !(spec.min..=spec.max).contains(&value) {
            return Err(SimError::ParamOutOfRange {
                scenario: scenario.id.clone(),
                param: param.to_owned(),
                value,
                min: spec.min,
                max: spec.max,
            });
        }
    }
    for pair in choices.faults.windows(2) {
        if pair[1].0 <= pair[0].0 {
            return Err(SimError::FaultsOutOfOrder {
                scenario: scenario.id.clone(),
                frame: pair[1].0,
            });
        }
    }
    Ok(scenario
        .params
        .iter()
        .map(|p| (p.id.clone(), choices.params.get(&p.id).unwrap_or(p.default)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::spec::{ParamSpec, ScenarioBody};

    #[test]
    fn params_stay_in_id_order_and_a_second_value_replaces_the_first() {
        let mut params: Params = [("workers".to_owned(), 3), ("batch".to_owned(), 2)]
            .into_iter()
            .collect();
        params.insert("visibility".into(), 6);
        params.insert("workers".into(), 5);
        assert_eq!(
            params.iter().collect::<Vec<_>>(),
            [("batch", 2), ("visibility", 6), ("workers", 5)]
        );
        assert_eq!(
            (params.get("workers"), params.get("none"), params.len()),
            (Some(5), None, 3)
        );
        assert!(Params::default().is_empty());
    }

    fn scenario() -> ScenarioSpec {
        ScenarioSpec {
            id: "s".into(),
            title: "S".into(),
            description: "d".into(),
            start: "start".into(),
            actors: vec![],
            params: vec![ParamSpec {
                id: "workers".into(),
                label: "Workers".into(),
                min: 1,
                max: 8,
                default: 2,
            }],
            setup: vec![],
            invariants: vec![],
            expect: crate::sim::spec::Expect::Holds,
            charts: vec![],
            plan: vec![],
            body: ScenarioBody::Script(vec![]),
        }
    }

    #[test]
    fn params_take_defaults_and_checked_values() {
        let params = check(&scenario(), &Choices::new(0)).expect("defaults are valid");
        assert_eq!(params.get("workers"), Some(2));
        let params = check(&scenario(), &Choices::new(0).with_param("workers", 8)).expect("8 is in range");
        assert_eq!(params.get("workers"), Some(8));
    }

    #[test]
    fn bad_params_and_fault_order_are_errors() {
        let out = check(&scenario(), &Choices::new(0).with_param("workers", 9));
        assert!(matches!(out, Err(SimError::ParamOutOfRange { value: 9, .. })));
        let out = check(&scenario(), &Choices::new(0).with_param("threads", 1));
        assert!(matches!(out, Err(SimError::UnknownParam { .. })));
        let out = check(&scenario(), &Choices::new(0).with_fault(4, "a").with_fault(4, "b"));
        assert!(matches!(out, Err(SimError::FaultsOutOfOrder { frame: 4, .. })));
    }

    #[test]
    fn branching_forgets_later_faults() {
        let choices = Choices::new(9).with_fault(2, "a").with_fault(6, "b");
        assert_eq!(choices.branch(2, "c").faults, vec![(2, "c".to_owned())]);
        assert_eq!(choices.until(7), choices);
        assert_eq!(choices.until(0).faults, vec![]);
    }
}
