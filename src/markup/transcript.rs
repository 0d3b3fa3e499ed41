//! The whole run as a list of narrations, one per frame numbered from 0,
//! for the player's transcript.

use super::builder::{Html, Markup};
use crate::sim::frame::Timeline;

/// An `<ol>` numbered from 0 with one item per frame of `timeline`,
/// holding its narration.
pub fn transcript(timeline: &Timeline) -> Html {
    let mut m = Markup::new();
    m.open("ol", &[("start", "0")]);
    for frame in &timeline.frames {
        m.leaf("li", &[], &frame.narration);
    }
    m.close("ol");
    m.finish()
}
