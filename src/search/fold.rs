//! How many of the home page's cards to paint at once: those that reach
//! the visible part of the window, judged from where the cards lay the last
//! time all of them were laid out. The rest follow a frame later, so that
//! a keystroke's frame pays only for the cards a visitor can see. Should
//! the new cards be shorter than the old, the next row shows up a frame
//! late at the window's bottom edge.

/// How many cards to paint at once, given the `tops` of the cards as last
/// laid out (page coordinates, in display order) and the page coordinate of
/// the window's bottom edge: the cards above that edge, and at least the
/// first one. `None` when that cannot be judged: nothing was measured, or
/// every measured card reached the window, which may then hold more.
pub fn cards_to_paint_now(tops: &[f64], window_bottom: f64) -> Option<usize> {
    let reaching = tops.iter().take_while(|&&top| top < window_bottom).count();
    (reaching < tops.len()).then_some(reaching.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tops of `rows` rows of `columns` cards, 300 px apart from 500 px down.
    fn grid(rows: usize, columns: usize) -> Vec<f64> {
        (0..rows * columns)
            .map(|i| 500.0 + 300.0 * (i / columns) as f64)
            .collect()
    }

    #[test]
    fn the_cards_that_reach_the_window() {
        // Rows at 500, 800, 1100, 1400: a window 900 px tall reaches two.
        assert_eq!(cards_to_paint_now(&grid(4, 3), 900.0), Some(2 * 3));
        // Scrolled 600 px down, its bottom edge is at 1500: all four rows
        // reach it, so it may hold more than were measured.
        assert_eq!(cards_to_paint_now(&grid(4, 3), 1500.0), None);
    }

    #[test]
    fn the_first_card_even_below_the_window() {
        // One column, as on a phone, with only the filters in view.
        assert_eq!(cards_to_paint_now(&grid(12, 1), 400.0), Some(1));
    }

    #[test]
    fn nothing_measured_cannot_be_judged() {
        assert_eq!(cards_to_paint_now(&[], 900.0), None);
    }

    #[test]
    fn a_card_only_touching_the_bottom_edge_does_not_reach_it() {
        assert_eq!(cards_to_paint_now(&grid(2, 2), 800.0), Some(2));
        assert_eq!(cards_to_paint_now(&grid(2, 2), 800.5), None);
    }
}
