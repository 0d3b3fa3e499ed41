//! The URL form of a simulation step:
//! `?scenario=ID&step=K&PARAM=N…&fault=K:id…`, where each `PARAM` is one of
//! the scenario's tunable numbers, such as `workers=3`.
//!
//! Pure parsing and formatting, no browser: the player reads the query
//! with [`parse_query`], picks a valid scenario with [`pick_scenario`],
//! clamps the step to the timeline with [`clamp_step`] and writes the
//! selection back with [`format_query`]. Anything out of range falls back to
//! the nearest valid value with a plain-English notice, never an error.
//!
//! ```
//! use patterns_forged::sim::link::{clamp_step, parse_query};
//! let query = parse_query("?scenario=a&step=999");
//! assert_eq!(clamp_step(query.step.as_deref(), 12), (12, Some("Step 999 does not exist; showing the last step.".to_owned())));
//! ```

/// The simulation parameters of a query string, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkQuery {
    pub scenario: Option<String>,
    pub step: Option<String>,
    /// Each `fault=K:id`, unparsed.
    pub faults: Vec<String>,
    /// Every other `key=value`, candidates for the scenario's parameters.
    pub params: Vec<(String, String)>,
}

use super::choices::Params;
use super::spec::ParamSpec;
use crate::url_text;

/// How many unknown parameters a link may carry before the rest are ignored.
const MAX_OTHER_PARAMS: usize = 16;

/// Reads `scenario`, `step`, every `fault` and (up to a few) other
/// parameters from a query string, with or without its leading `?`.
pub fn parse_query(search: &str) -> LinkQuery {
    let mut query = LinkQuery::default();
    for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match decode(key).as_str() {
            "scenario" => query.scenario = Some(value),
            "step" => query.step = Some(value),
            "fault" => query.faults.push(value),
            key if query.params.len() < MAX_OTHER_PARAMS => query.params.push((key.to_owned(), value)),
            _ => {}
        }
    }
    query
}

/// The scenario to show: the requested one when it is known, else the first
/// (with a notice when one was asked for). `None` when there are none.
pub fn pick_scenario(requested: Option<&str>, known: &[&str]) -> Option<(String, Option<String>)> {
    let first = known.first()?;
    match requested {
        Some(id) if known.contains(&id) => Some((id.to_owned(), None)),
        Some(id) => Some((
            (*first).to_owned(),
            Some(format!("There is no scenario \"{id}\"; showing the first one.")),
        )),
        None => Some(((*first).to_owned(), None)),
    }
}

/// The injected faults, `K:id` each, in increasing frame order; unreadable
/// ones and later ones at an already used frame are left out with a notice.
pub fn parse_faults(raw: &[String]) -> (Vec<(usize, String)>, Vec<String>) {
    let mut faults: Vec<(usize, String)> = Vec::new();
    let mut notices = Vec::new();
    for item in raw {
        let parsed = item
            .split_once(':')
            .and_then(|(k, id)| Some((k.trim().parse::<usize>().ok()?, id)))
            .filter(|(_, id)| !id.is_empty());
        match parsed {
            Some((frame, _)) if faults.iter().any(|(f, _)| *f == frame) => {
                notices.push(format!("Ignored the second fault at step {frame}."));
            }
            Some((frame, id)) => faults.push((frame, id.to_owned())),
            None => notices.push(format!("Ignored the fault \"{item}\": it should read step:fault-id.")),
        }
    }
    // At most one fault per frame (a second is ignored above).
    crate::sort::sort_by_key(&mut faults, |(frame, _)| *frame);
    (faults, notices)
}

/// The step to show on a timeline whose last frame index is `last`: the
/// requested one when valid, else the nearest valid one with a notice.
pub fn clamp_step(raw: Option<&str>, last: usize) -> (usize, Option<String>) {
    let Some(raw) = raw else { return (0, None) };
    let trimmed = raw.trim();
    match trimmed.parse::<u64>() {
        Ok(step) if step <= last as u64 => (step as usize, None),
        Ok(step) => (
            last,
            Some(format!("Step {step} does not exist; showing the last step.")),
        ),
        Err(_) if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) => (
            last,
            Some(format!("Step {trimmed} does not exist; showing the last step.")),
        ),
        Err(_) if trimmed.len() > 1 && trimmed.starts_with('-') && trimmed[1..].chars().all(|c| c.is_ascii_digit()) => {
            (0, Some(format!("Step {trimmed} does not exist; showing the start.")))
        }
        Err(_) => (0, Some(format!("\"{raw}\" is not a step number; showing the start."))),
    }
}

/// The values of the scenario's parameters that a link sets, each parsed
/// and clamped to its range (with a notice when it was not a number or out
/// of range). Parameters the link leaves out are left to their defaults, and
/// other keys are ignored.
pub fn pick_params(raw: &[(String, String)], specs: &[ParamSpec]) -> (Params, Vec<String>) {
    let mut params = Params::default();
    let mut notices = Vec::new();
    for spec in specs {
        let Some((_, value)) = raw.iter().find(|(key, _)| *key == spec.id) else {
            continue;
        };
        let range = format!("{} to {}", spec.min, spec.max);
        let chosen = match value.trim().parse::<i64>() {
            Ok(n) if n < i64::from(spec.min) || n > i64::from(spec.max) => {
                let clamped = if n < i64::from(spec.min) { spec.min } else { spec.max };
                notices.push(format!("{} {n} is outside {range}; using {clamped}.", spec.label));
                clamped
            }
            Ok(n) => u32::try_from(n).unwrap_or(spec.default),
            Err(_) => {
                notices.push(format!(
                    "{}: \"{value}\" is not a number from {range}; using {}.",
                    spec.label, spec.default
                ));
                spec.default
            }
        };
        params.insert(spec.id.clone(), chosen);
    }
    (params, notices)
}

/// `?scenario=ID&step=K`, then `&PARAM=N` for each chosen parameter and
/// `&fault=K:id` for each fault.
pub fn format_query(scenario: &str, step: usize, params: &Params, faults: &[(usize, String)]) -> String {
    let mut out = format!("?scenario={}&step={step}", encode(scenario));
    for (id, value) in params.iter() {
        out.push_str(&format!("&{}={value}", encode(id)));
    }
    for (frame, id) in faults {
        out.push_str(&format!("&fault={frame}:{}", encode(id)));
    }
    out
}

/// Percent-encodes everything but unreserved characters and `:`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    url_text::encode_into(&mut out, text, b":");
    out
}

/// Decodes a query component; ids and step numbers are short, so anything
/// past a few hundred bytes is noise and not decoded.
fn decode(text: &str) -> String {
    url_text::decode(text, 400)
}

#[cfg(test)]
mod tests {

    fn workers() -> ParamSpec {
        ParamSpec {
            id: "workers".into(),
            label: "Workers".into(),
            min: 1,
            max: 8,
            default: 3,
        }
    }

    fn pairs(query: &str) -> Vec<(String, String)> {
        parse_query(query).params
    }

    #[test]
    fn parameters_in_a_link_are_read_and_clamped_to_their_range() {
        let specs = [workers()];
        let (params, notices) = pick_params(&pairs("?scenario=x&workers=5&q=ignored"), &specs);
        assert_eq!(params.get("workers"), Some(5));
        assert!(notices.is_empty());
        let (params, notices) = pick_params(&pairs("?workers=99"), &specs);
        assert_eq!(params.get("workers"), Some(8));
        assert_eq!(notices, ["Workers 99 is outside 1 to 8; using 8."]);
        let (params, notices) = pick_params(&pairs("?workers=-4"), &specs);
        assert_eq!(params.get("workers"), Some(1));
        assert_eq!(notices.len(), 1);
        let (params, notices) = pick_params(&pairs("?workers=lots"), &specs);
        assert_eq!(params.get("workers"), Some(3));
        assert!(
            notices[0].contains("\"lots\" is not a number from 1 to 8"),
            "{notices:?}"
        );
        let (params, _) = pick_params(&pairs("?scenario=x"), &specs);
        assert!(params.is_empty(), "an absent parameter keeps its default");
    }

    #[test]
    fn parameters_round_trip_through_the_url() {
        let params: Params = [("workers".to_owned(), 6)].into_iter().collect();
        let query = format_query("with-pattern", 4, &params, &[(2, "crash:w1".to_owned())]);
        assert_eq!(query, "?scenario=with-pattern&step=4&workers=6&fault=2:crash:w1");
        let (read, _) = pick_params(&parse_query(&query).params, &[workers()]);
        assert_eq!(read, params);
    }

    #[test]
    fn a_link_with_many_unknown_keys_keeps_only_a_few() {
        let query: String = (0..1000).map(|i| format!("k{i}=v&")).collect();
        assert_eq!(parse_query(&query).params.len(), MAX_OTHER_PARAMS);
    }
    use super::*;

    #[test]
    fn reads_the_simulation_parameters() {
        let query = parse_query("?q=x&scenario=orchestrated-crash&step=4&fault=2:lose%3ACharge&fault=5:crash");
        assert_eq!(query.scenario.as_deref(), Some("orchestrated-crash"));
        assert_eq!(query.step.as_deref(), Some("4"));
        assert_eq!(query.faults, vec!["2:lose:Charge".to_owned(), "5:crash".to_owned()]);
        assert_eq!(parse_query(""), LinkQuery::default());
        assert_eq!(parse_query("step=%zz").step.as_deref(), Some("%zz"));
        assert_eq!(parse_query("step=%4").step.as_deref(), Some("%4"));
    }

    #[test]
    fn unknown_scenarios_fall_back_to_the_first() {
        let known = ["a", "b"];
        assert_eq!(pick_scenario(Some("b"), &known), Some(("b".into(), None)));
        assert_eq!(pick_scenario(None, &known), Some(("a".into(), None)));
        let (id, notice) = pick_scenario(Some("zz"), &known).expect("there are scenarios");
        assert_eq!(id, "a");
        assert!(notice.expect("a notice").contains("\"zz\""));
        assert_eq!(pick_scenario(Some("a"), &[]), None);
    }

    #[test]
    fn steps_are_clamped_with_a_notice() {
        assert_eq!(clamp_step(None, 10), (0, None));
        assert_eq!(clamp_step(Some("3"), 10), (3, None));
        assert_eq!(clamp_step(Some("10"), 10), (10, None));
        assert_eq!(
            clamp_step(Some("999"), 10),
            (10, Some("Step 999 does not exist; showing the last step.".into()))
        );
        assert_eq!(clamp_step(Some("-2"), 10).0, 0);
        assert!(clamp_step(Some("-2"), 10).1.is_some());
        let (step, notice) = clamp_step(Some("abc"), 10);
        assert_eq!(step, 0);
        assert!(notice.expect("a notice").contains("not a step number"));
        assert_eq!(clamp_step(Some("99999999999999999999999"), 4).0, 4);
    }

    #[test]
    fn faults_are_ordered_and_bad_ones_dropped() {
        let raw = vec![
            "5:b".to_owned(),
            "2:a".to_owned(),
            "x".to_owned(),
            "2:c".to_owned(),
            "3:".to_owned(),
        ];
        let (faults, notices) = parse_faults(&raw);
        assert_eq!(faults, vec![(2, "a".to_owned()), (5, "b".to_owned())]);
        assert_eq!(notices.len(), 3);
    }

    #[test]
    fn formatting_round_trips() {
        let faults = vec![(2, "lose:Charge Card".to_owned()), (7, "crash".to_owned())];
        let text = format_query("orchestrated-crash", 9, &Params::default(), &faults);
        assert_eq!(
            text,
            "?scenario=orchestrated-crash&step=9&fault=2:lose:Charge%20Card&fault=7:crash"
        );
        let query = parse_query(&text);
        assert_eq!(query.scenario.as_deref(), Some("orchestrated-crash"));
        assert_eq!(parse_faults(&query.faults).0, faults);
    }
}
