//! Plays a scripted scenario: its steps in order, and when a fault is
//! injected, the steps of that fault's branch instead of the rest.

use super::engine::Source;
use super::prng::Prng;
use super::spec::{ScriptStep, Step};

/// A cursor in a script tree.
pub struct ScriptSource<'s> {
    steps: &'s [ScriptStep],
    next: usize,
}

impl<'s> ScriptSource<'s> {
    /// Starts before the first step.
    pub fn new(steps: &'s [ScriptStep]) -> Self {
        Self { steps, next: 0 }
    }
}

impl Source for ScriptSource<'_> {
    fn next(&mut self, _rng: &mut Prng) -> Result<Option<Step>, String> {
        let step = self.steps.get(self.next).map(|s| s.step.clone());
        self.next += 1;
        Ok(step)
    }

    fn inject(&mut self, fault: &str, _rng: &mut Prng) -> Result<(), String> {
        let last = self.next.checked_sub(1).and_then(|i| self.steps.get(i));
        let branch = last
            .and_then(|s| s.branches.iter().find(|b| b.fault.id == fault))
            .ok_or_else(|| format!("the last step offers no fault {fault:?}"))?;
        self.steps = &branch.steps;
        self.next = 0;
        Ok(())
    }
}
