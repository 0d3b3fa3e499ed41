//! The SVG diagram of one frame: each actor as a labelled box at its
//! canvas position (its status in colour and in words) and the messages
//! that travelled in this step as labelled arrows, each with a token that
//! glides from sender to receiver (or simply appears, with reduced motion).

use leptos::prelude::*;

use crate::decimal::fixed;
use crate::sim::frame::{ActorStatus, Frame, Message, MessageKind};
use crate::sim::spec::SimulationSpec;
use crate::ui::collect_any::CollectAny;

const HALF_W: f64 = 84.0;
const HALF_H: f64 = 30.0;

/// The diagram of `frame`, drawn on the simulation's canvas.
#[component]
pub fn Diagram(
    /// The simulation, for its canvas and where each actor stands.
    spec: &'static SimulationSpec,
    /// The frame to draw.
    frame: Frame,
    /// How long a message takes to glide along its arrow; 0 draws it at
    /// once (reduced motion).
    glide_ms: u32,
) -> impl IntoView {
    let view_box = format!("0 0 {} {}", spec.canvas.width, spec.canvas.height);
    let actors = frame
        .world
        .actors
        .iter()
        .filter_map(|state| {
            let actor = spec.actors.iter().find(|a| a.id == state.id)?;
            let (x, y) = (f64::from(actor.x), f64::from(actor.y));
            let status = status_word(state.status);
            Some(view! {
                <g class=format!("actor status-{status}")>
                    <rect x=fixed(x - HALF_W, 1) y=fixed(y - HALF_H, 1) width=fixed(HALF_W * 2.0, 1) height=fixed(HALF_H * 2.0, 1) rx="8"></rect>
                    <text class="actor-label" x=fixed(x, 1) y=fixed(y - 4.0, 1) text-anchor="middle">{actor.label.clone()}</text>
                    <text class="actor-status" x=fixed(x, 1) y=fixed(y + 16.0, 1) text-anchor="middle">{status}</text>
                </g>
            })
        })
        .collect_any();
    let arrows = frame
        .moves
        .iter()
        .filter_map(|m| arrow(spec, m, glide_ms))
        .collect_any();
    let summary = describe(spec, &frame);
    view! {
        <svg class="sim-diagram" viewBox=view_box role="img" aria-label=summary preserveAspectRatio="xMidYMid meet">
            <defs>
                <marker id="sim-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M 0 0 L 10 5 L 0 10 z"></path>
                </marker>
            </defs>
            {actors}
            {arrows}
        </svg>
    }
}

/// The status as the diagram writes it.
pub fn status_word(status: ActorStatus) -> &'static str {
    match status {
        ActorStatus::Up => "up",
        ActorStatus::Busy => "busy",
        ActorStatus::Down => "down",
        ActorStatus::Failed => "failed",
    }
}

fn kind_word(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Command => "command",
        MessageKind::Reply => "reply",
        MessageKind::Event => "event",
        MessageKind::Compensation => "compensation",
        MessageKind::Failure => "failure",
    }
}

/// A text alternative for the picture: who is in which state, what moved.
fn describe(spec: &SimulationSpec, frame: &Frame) -> String {
    let label = |id: &str| {
        spec.actors
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_owned(), |a| a.label.clone())
    };
    let actors: Vec<String> = frame
        .world
        .actors
        .iter()
        .map(|a| format!("{} {}", label(&a.id), status_word(a.status)))
        .collect();
    let moves: Vec<String> = frame
        .moves
        .iter()
        .map(|m| {
            let lost = if m.dropped { " (lost)" } else { "" };
            format!("{} from {} to {}{lost}", m.label, label(&m.from), label(&m.to))
        })
        .collect();
    let mut text = format!("Diagram. {}.", actors.join(", "));
    if !moves.is_empty() {
        text.push_str(&format!(" Messages: {}.", moves.join("; ")));
    }
    text
}

/// The arrow of one message, from the edge of its sender's box to the edge
/// of its receiver's (half-way and dashed when the message is lost).
fn arrow(spec: &SimulationSpec, message: &Message, glide_ms: u32) -> Option<impl IntoView + use<>> {
    let from = spec.actors.iter().find(|a| a.id == message.from)?;
    let to = spec.actors.iter().find(|a| a.id == message.to)?;
    let (x1, y1) = (f64::from(from.x), f64::from(from.y));
    let (x2, y2) = (f64::from(to.x), f64::from(to.y));
    let (dx, dy) = (x2 - x1, y2 - y1);
    if dx == 0.0 && dy == 0.0 {
        return None;
    }
    // How far along the centre line the box's edge is.
    let t = (HALF_W / dx.abs().max(f64::EPSILON)).min(HALF_H / dy.abs().max(f64::EPSILON));
    let (sx, sy) = (x1 + dx * t, y1 + dy * t);
    let (mut ex, mut ey) = (x2 - dx * t, y2 - dy * t);
    if message.dropped {
        ex = (sx + ex) / 2.0;
        ey = (sy + ey) / 2.0;
    }
    // Replies travel back along the same line: shift them aside.
    let len = (dx * dx + dy * dy).sqrt();
    let offset = if matches!(message.kind, MessageKind::Reply | MessageKind::Failure) {
        8.0
    } else {
        -8.0
    };
    let (ox, oy) = (-dy / len * offset, dx / len * offset);
    // The label sits just above its line's middle.
    let (lx, ly) = ((sx + ex) / 2.0 + ox, (sy + ey) / 2.0 + oy - 8.0);
    let label = if message.dropped {
        format!("{} ✕ lost", message.label)
    } else {
        message.label.clone()
    };
    let class = format!(
        "message kind-{}{}",
        kind_word(message.kind),
        if message.dropped { " dropped" } else { "" }
    );
    // Coordinates to a tenth of a unit, which no screen can tell apart.
    let [ax, ay, bx, by, lx, ly] = [sx + ox, sy + oy, ex + ox, ey + oy, lx, ly].map(|v| fixed(v, 1));
    // The token glides along the line once, then rests at its end; a new
    // frame draws a new SVG, so the animation starts again from its sender.
    let token = (glide_ms > 0).then(|| {
        let dur = format!("{glide_ms}ms");
        view! {
            <circle class="message-token" cx=bx.clone() cy=by.clone() r="7">
                <animate attributeName="cx" from=ax.clone() to=bx.clone() dur=dur.clone() fill="freeze"></animate>
                <animate attributeName="cy" from=ay.clone() to=by.clone() dur=dur fill="freeze"></animate>
            </circle>
        }
    });
    Some(view! {
        <g class=class>
            <line x1=ax y1=ay x2=bx y2=by marker-end=if message.dropped { "" } else { "url(#sim-arrowhead)" }></line>
            {token}
            <text x=lx y=ly text-anchor="middle" class="message-label">{label}</text>
        </g>
    })
}
