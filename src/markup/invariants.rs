//! The current frame's invariants as badges (holding, broken, pending). A
//! breach stays on the record: an invariant broken at an earlier step still
//! reads "broken", with the step it broke at, even where it holds again.

use super::builder::{Html, Markup};
use crate::sim::frame::{Breach, Frame};

/// One badge per invariant of `frame`, with the reason when broken, now or
/// at an earlier step (`earlier`: each invariant's first breach before this
/// frame); nothing when the frame checks no invariant.
pub fn invariants(frame: &Frame, earlier: &[Option<Breach>]) -> Html {
    let mut m = Markup::new();
    if frame.invariants.is_empty() {
        return m.finish();
    }
    m.open("div", &[("class", "sim-invariants")]);
    m.leaf("h3", &[], "Invariants");
    m.open("ul", &[]);
    for (n, inv) in frame.invariants.iter().enumerate() {
        let earlier = earlier.get(n).and_then(Option::as_ref);
        let (class, word) = if !inv.holds && !inv.pending {
            ("sim-invariant broken", "broken")
        } else if earlier.is_some() {
            ("sim-invariant broken", "broken earlier")
        } else if inv.pending {
            ("sim-invariant pending", "pending")
        } else {
            ("sim-invariant holding", "holding")
        };
        m.open("li", &[("class", class)]);
        m.leaf("span", &[("class", "badge")], word);
        m.text(" ");
        m.leaf("span", &[("class", "label")], &inv.label);
        if let Some(detail) = inv.detail.as_ref().filter(|_| !inv.holds) {
            m.leaf("span", &[("class", "detail")], &format!(" — {detail}"));
        }
        if let Some(Breach { step, detail }) = earlier.filter(|_| inv.holds || inv.pending) {
            let why = detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
            let text = format!(" — at step {step}{why}; it holds again now");
            m.leaf("span", &[("class", "detail")], &text);
        }
        m.close("li");
    }
    m.close("ul");
    m.close("div");
    m.finish()
}
