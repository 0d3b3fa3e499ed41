//! The SVG diagram of one frame: each actor as a labelled box at its
//! canvas position (its status in colour and in words) and the messages
//! that travelled in this step as labelled arrows, each with a token that
//! glides from sender to receiver (or simply appears, with reduced motion).

use super::builder::{Html, Markup};
use crate::decimal::fixed;
use crate::sim::frame::{ActorStatus, Frame, Message, MessageKind};
use crate::sim::spec::{ActorSpec, SimulationSpec};

const HALF_W: f64 = 84.0;
const HALF_H: f64 = 30.0;

/// The arrowhead every message line ends with.
const DEFS: &str = r#"<defs><marker id="sim-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"></path></marker></defs>"#;

/// The diagram of `frame`, drawn on the simulation's canvas; messages glide
/// along their arrows for `glide_ms` (0 draws them at once).
pub fn diagram(spec: &SimulationSpec, frame: &Frame, glide_ms: u32) -> Html {
    let mut m = Markup::new();
    let view_box = format!("0 0 {} {}", spec.canvas.width, spec.canvas.height);
    m.open(
        "svg",
        &[
            ("class", "sim-diagram"),
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", &describe(spec, frame)),
            ("preserveAspectRatio", "xMidYMid meet"),
        ],
    );
    m.raw(DEFS);
    for state in &frame.world.actors {
        if let Some(actor) = find(spec, &state.id) {
            actor_box(&mut m, actor, state.status);
        }
    }
    for message in &frame.moves {
        arrow(&mut m, spec, message, glide_ms);
    }
    m.close("svg");
    m.finish()
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

fn find<'a>(spec: &'a SimulationSpec, id: &str) -> Option<&'a ActorSpec> {
    spec.actors.iter().find(|a| a.id == id)
}

/// The actor's display name, or its id when the simulation has no such
/// actor.
fn label_of<'a>(spec: &'a SimulationSpec, id: &'a str) -> &'a str {
    find(spec, id).map_or(id, |a| a.label.as_str())
}

/// A text alternative for the picture: who is in which state, what moved.
fn describe(spec: &SimulationSpec, frame: &Frame) -> String {
    let label = |id| label_of(spec, id);
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

/// An actor's box, with its name and its status in words.
fn actor_box(m: &mut Markup, actor: &ActorSpec, status: ActorStatus) {
    let (x, y) = (f64::from(actor.x), f64::from(actor.y));
    let word = status_word(status);
    m.open("g", &[("class", &format!("actor status-{word}"))]);
    m.leaf(
        "rect",
        &[
            ("x", &fixed(x - HALF_W, 1)),
            ("y", &fixed(y - HALF_H, 1)),
            ("width", &fixed(HALF_W * 2.0, 1)),
            ("height", &fixed(HALF_H * 2.0, 1)),
            ("rx", "8"),
        ],
        "",
    );
    let cx = fixed(x, 1);
    let label_at = [
        ("class", "actor-label"),
        ("x", &cx),
        ("y", &fixed(y - 4.0, 1)),
        ("text-anchor", "middle"),
    ];
    m.leaf("text", &label_at, &actor.label);
    let status_at = [
        ("class", "actor-status"),
        ("x", &cx),
        ("y", &fixed(y + 16.0, 1)),
        ("text-anchor", "middle"),
    ];
    m.leaf("text", &status_at, word);
    m.close("g");
}

/// The arrow of one message, from the edge of its sender's box to the edge
/// of its receiver's (half-way and dashed when the message is lost).
fn arrow(m: &mut Markup, spec: &SimulationSpec, message: &Message, glide_ms: u32) {
    let (Some(from), Some(to)) = (find(spec, &message.from), find(spec, &message.to)) else {
        return;
    };
    let (x1, y1) = (f64::from(from.x), f64::from(from.y));
    let (x2, y2) = (f64::from(to.x), f64::from(to.y));
    let (dx, dy) = (x2 - x1, y2 - y1);
    if dx == 0.0 && dy == 0.0 {
        return;
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
    let class = format!(
        "message kind-{}{}",
        kind_word(message.kind),
        if message.dropped { " dropped" } else { "" }
    );
    // Coordinates to a tenth of a unit, which no screen can tell apart.
    let [ax, ay, bx, by, lx, ly] = [sx + ox, sy + oy, ex + ox, ey + oy, lx, ly].map(|v| fixed(v, 1));
    m.open("g", &[("class", &class)]);
    let line = [("x1", ax.as_str()), ("y1", &ay), ("x2", &bx), ("y2", &by)];
    if message.dropped {
        m.leaf("line", &line, "");
    } else {
        let [a, b, c, d] = line;
        m.leaf("line", &[a, b, c, d, ("marker-end", "url(#sim-arrowhead)")], "");
    }
    // The token glides along the line once, then rests at its end; a new
    // frame draws a new SVG, so the animation starts again from its sender.
    if glide_ms > 0 {
        let dur = format!("{glide_ms}ms");
        m.open(
            "circle",
            &[("class", "message-token"), ("cx", &bx), ("cy", &by), ("r", "7")],
        );
        for (name, from, to) in [("cx", &ax, &bx), ("cy", &ay, &by)] {
            let glide = [
                ("attributeName", name),
                ("from", from.as_str()),
                ("to", to),
                ("dur", &dur),
                ("fill", "freeze"),
            ];
            m.leaf("animate", &glide, "");
        }
        m.close("circle");
    }
    let label_at = [
        ("x", lx.as_str()),
        ("y", &ly),
        ("text-anchor", "middle"),
        ("class", "message-label"),
    ];
    if message.dropped {
        m.leaf("text", &label_at, &format!("{} ✕ lost", message.label));
    } else {
        m.leaf("text", &label_at, &message.label);
    }
    m.close("g");
}
