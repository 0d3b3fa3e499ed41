//! Each actor's records (tables, queues, logs) on the current frame, as
//! small HTML tables grouped by actor.

use leptos::prelude::*;

use crate::sim::frame::Frame;
use crate::sim::spec::SimulationSpec;
use crate::ui::collect_any::CollectAny;

/// The state panels of every actor shown in `frame`.
#[component]
pub fn StatePanels(
    /// The simulation, for the actors' names.
    spec: &'static SimulationSpec,
    /// The frame whose state to show.
    frame: Frame,
) -> impl IntoView {
    frame
        .world
        .actors
        .into_iter()
        .filter(|actor| !actor.panels.is_empty())
        .map(|actor| {
            let name = spec
                .actors
                .iter()
                .find(|a| a.id == actor.id)
                .map_or(actor.id.clone(), |a| a.label.clone());
            let tables = actor
                .panels
                .into_iter()
                .map(|panel| {
                    let width = panel.columns.len();
                    let head = panel.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_any();
                    let empty = panel.rows.is_empty();
                    let rows = panel
                        .rows
                        .into_iter()
                        .map(|row| view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_any()}</tr> })
                        .collect_any();
                    view! {
                        <table class="sim-panel">
                            <caption>{panel.title}</caption>
                            <thead><tr>{head}</tr></thead>
                            <tbody>
                                {rows}
                                {empty.then(|| view! { <tr><td class="empty" colspan=width.max(1)>"(empty)"</td></tr> })}
                            </tbody>
                        </table>
                    }
                })
                .collect_any();
            view! {
                <div class="sim-actor-panels">
                    <h3>{name}</h3>
                    {tables}
                </div>
            }
        })
        .collect_any()
}
