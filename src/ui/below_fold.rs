//! The home page's cards in two frames: at once the ones that reach the
//! window ([`cards_to_paint_now`]), a frame later the ones below it. Where
//! the cards lie is measured after every render that painted them all, and
//! where the window's bottom edge lies after each scroll and resize, so
//! that a keystroke can judge its fold without making the browser lay the
//! page out.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::after_paint::after_paint;
use crate::search::cards_to_paint_now;

thread_local! {
    /// Page coordinates of the cards' tops, in display order, as last measured.
    static CARD_TOPS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    /// Page coordinate of the window's bottom edge, as last measured.
    static WINDOW_BOTTOM: Cell<Option<f64>> = const { Cell::new(None) };
}

/// How many of `listed` cards to paint at once: all of them until the
/// cards have been measured once.
pub fn cards_now(listed: usize) -> usize {
    let Some(bottom) = WINDOW_BOTTOM.get() else {
        return listed;
    };
    CARD_TOPS
        .with_borrow(|tops| cards_to_paint_now(tops, bottom))
        .map_or(listed, |now| now.min(listed))
}

/// Records where the window's bottom edge lies on the page, and returns
/// how far the page is scrolled.
fn measure_window() -> Option<f64> {
    let window = window();
    let position = window
        .scroll_y()
        .ok()
        .zip(window.inner_height().ok().and_then(|h| h.as_f64()));
    WINDOW_BOTTOM.set(position.map(|(scroll, height)| scroll + height));
    position.map(|(scroll, _)| scroll)
}

/// Records where the window and the cards on the page lie.
fn measure_cards() {
    let scroll = measure_window().unwrap_or(0.0);
    let Ok(cards) = document().query_selector_all("article.card") else {
        return;
    };
    let tops = (0..cards.length())
        .filter_map(|i| cards.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|card| card.get_bounding_client_rect().top() + scroll)
        .collect();
    CARD_TOPS.set(tops);
}

/// Which render of the list may paint every card: the one after the frame
/// of a render that left some for later, unless another render came first.
#[derive(Clone, Copy)]
pub struct LaterCards {
    /// The number of the current render, which changes with what is listed.
    renders: Memo<u64>,
    /// The render number whose cards may all be painted.
    released: RwSignal<u64>,
}

impl LaterCards {
    /// Follows the renders numbered by `renders`, and the window's
    /// scrolling and size until the current reactive owner is cleaned up.
    pub fn new(renders: Memo<u64>) -> Self {
        let scroll = window_event_listener_untyped("scroll", |_| {
            measure_window();
        });
        let resize = window_event_listener_untyped("resize", |_| {
            measure_window();
        });
        on_cleanup(move || {
            scroll.remove();
            resize.remove();
        });
        Self {
            renders,
            released: RwSignal::new(0),
        }
    }

    /// Whether the current render may paint every card (tracked).
    pub fn released(self) -> bool {
        self.released.try_get() == self.renders.try_get()
    }

    /// Records that the current render painted some of its cards
    /// (`left_some`) or all of them. The rest are released after its frame
    /// is painted, unless another render has come by then; where the cards
    /// lie is measured after a frame that painted them all.
    pub fn painted(self, left_some: bool) {
        if !left_some {
            after_paint(measure_cards);
            return;
        }
        let Some(render) = self.renders.try_get_untracked() else {
            return;
        };
        after_paint(move || {
            if self.renders.try_get_untracked() == Some(render) {
                self.released.try_set(render);
            }
        });
    }
}
