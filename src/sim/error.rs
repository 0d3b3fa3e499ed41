//! Why a run could not be made: an unknown scenario, a fault that is not on
//! offer, a parameter out of range... Each says what was asked and what
//! would have been accepted, so the UI can show it as is.

use std::fmt;

/// A request the engine cannot turn into a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    /// No scenario has this id.
    UnknownScenario { scenario: String, known: Vec<String> },
    /// The scenario declares no parameter with this id.
    UnknownParam {
        scenario: String,
        param: String,
        known: Vec<String>,
    },
    /// A parameter value outside its declared range.
    ParamOutOfRange {
        scenario: String,
        param: String,
        value: u32,
        min: u32,
        max: u32,
    },
    /// Chosen faults must come in increasing frame order, one per frame.
    FaultsOutOfOrder { scenario: String, frame: usize },
    /// The fault is not among those offered at that frame.
    FaultNotOffered {
        scenario: String,
        frame: usize,
        fault: String,
        offered: Vec<String>,
    },
    /// The fault was chosen at a frame the timeline never reaches.
    FaultBeyondEnd {
        scenario: String,
        frame: usize,
        frames: usize,
    },
    /// The scenario's steps contradict the state they run on (a bug in the
    /// catalog data or in a model).
    Broken {
        scenario: String,
        frame: usize,
        problem: String,
    },
    /// The run did not end within the frame limit.
    TooLong { scenario: String, limit: usize },
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::UnknownScenario { scenario, known } => {
                write!(f, "there is no scenario {scenario:?} (scenarios: {})", known.join(", "))
            }
            SimError::UnknownParam { scenario, param, known } if known.is_empty() => {
                write!(f, "scenario {scenario:?} takes no parameters, but {param:?} was given")
            }
            SimError::UnknownParam { scenario, param, known } => {
                write!(
                    f,
                    "scenario {scenario:?} has no parameter {param:?} (parameters: {})",
                    known.join(", ")
                )
            }
            SimError::ParamOutOfRange {
                scenario,
                param,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "scenario {scenario:?}: parameter {param:?} must be from {min} to {max}, not {value}"
                )
            }
            SimError::FaultsOutOfOrder { scenario, frame } => write!(
                f,
                "scenario {scenario:?}: the fault chosen at frame {frame} comes after a fault chosen at the same or a later frame"
            ),
            SimError::FaultNotOffered {
                scenario,
                frame,
                fault,
                offered,
            } if offered.is_empty() => {
                write!(
                    f,
                    "scenario {scenario:?}: frame {frame} offers no faults, so {fault:?} cannot be injected there"
                )
            }
            SimError::FaultNotOffered {
                scenario,
                frame,
                fault,
                offered,
            } => write!(
                f,
                "scenario {scenario:?}: frame {frame} does not offer the fault {fault:?} (it offers: {})",
                offered.join(", ")
            ),
            SimError::FaultBeyondEnd {
                scenario,
                frame,
                frames,
            } => write!(
                f,
                "scenario {scenario:?}: a fault was chosen at frame {frame}, but the run has only {frames} frames"
            ),
            SimError::Broken {
                scenario,
                frame,
                problem,
            } => {
                write!(f, "scenario {scenario:?} breaks at frame {frame}: {problem}")
            }
            SimError::TooLong { scenario, limit } => {
                write!(f, "scenario {scenario:?} did not end within {limit} frames")
            }
        }
    }
}

impl std::error::Error for SimError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_was_asked_and_what_is_accepted() {
        let error = SimError::FaultNotOffered {
            scenario: "happy".into(),
            frame: 3,
            fault: "crash".into(),
            offered: vec!["lose:Charge".into(), "fail:pay".into()],
        };
        assert_eq!(
            error.to_string(),
            "scenario \"happy\": frame 3 does not offer the fault \"crash\" (it offers: lose:Charge, fail:pay)"
        );
        let error = SimError::ParamOutOfRange {
            scenario: "s".into(),
            param: "workers".into(),
            value: 9,
            min: 1,
            max: 8,
        };
        assert_eq!(
            error.to_string(),
            "scenario \"s\": parameter \"workers\" must be from 1 to 8, not 9"
        );
        let error = SimError::UnknownParam {
            scenario: "s".into(),
            param: "x".into(),
            known: vec![],
        };
        assert!(error.to_string().contains("takes no parameters"));
    }
}
