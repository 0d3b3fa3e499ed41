//! Each actor's records (tables, queues, logs) on the current frame, as
//! small HTML tables grouped by actor.

use super::builder::{Html, Markup};
use crate::sim::frame::{Frame, Panel};
use crate::sim::spec::SimulationSpec;

/// The state panels of every actor shown in `frame` that has any.
pub fn state_panels(spec: &SimulationSpec, frame: &Frame) -> Html {
    let mut m = Markup::new();
    for actor in frame.world.actors.iter().filter(|a| !a.panels.is_empty()) {
        let name = spec
            .actors
            .iter()
            .find(|a| a.id == actor.id)
            .map_or(actor.id.as_str(), |a| a.label.as_str());
        m.open("div", &[("class", "sim-actor-panels")]);
        m.leaf("h3", &[], name);
        for panel in &actor.panels {
            table(&mut m, panel);
        }
        m.close("div");
    }
    m.finish()
}

/// One panel as a table with a caption and a header row; an empty panel
/// says so in a row across every column.
fn table(m: &mut Markup, panel: &Panel) {
    m.open("table", &[("class", "sim-panel")]);
    m.leaf("caption", &[], &panel.title);
    m.open("thead", &[]);
    m.open("tr", &[]);
    for column in &panel.columns {
        m.leaf("th", &[("scope", "col")], column);
    }
    m.close("tr");
    m.close("thead");
    m.open("tbody", &[]);
    for row in &panel.rows {
        m.open("tr", &[]);
        for cell in row {
            m.leaf("td", &[], cell);
        }
        m.close("tr");
    }
    if panel.rows.is_empty() {
        let span = panel.columns.len().max(1).to_string();
        m.open("tr", &[]);
        m.leaf("td", &[("class", "empty"), ("colspan", &span)], "(empty)");
        m.close("tr");
    }
    m.close("tbody");
    m.close("table");
}
