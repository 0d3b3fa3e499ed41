//! What every page has around its content: the skip link, the site header
//! (the brand, linking home, and the theme toggle) and the footer. The
//! static first paint in `index.html` repeats the header.

use super::builder::{Html, Markup};
use super::links::Links;

/// The skip link and the header, its toggle saying `theme_label`.
pub fn site_header(links: &Links<'_>, theme_label: &str) -> Html {
    let mut m = Markup::new();
    m.leaf("a", &[("class", "skip-link"), ("href", "#main")], "Skip to content");
    m.open("header", &[("class", "site-header")]);
    links.open(&mut m, &links.home(), Some("brand"));
    m.leaf("span", &[("class", "brand-mark"), ("aria-hidden", "true")], "◆");
    m.text("Patterns, forged");
    m.close("a");
    let toggle = [
        ("type", "button"),
        ("class", "theme-toggle"),
        ("title", "Switch between the system, light and dark themes"),
    ];
    m.leaf("button", &toggle, theme_label);
    m.close("header");
    m.finish()
}

/// The footer.
pub fn site_footer() -> Html {
    let mut m = Markup::new();
    m.open("footer", &[("class", "site-footer")]);
    m.leaf(
        "p",
        &[],
        "Software-architecture patterns, explained and simulated step by step.",
    );
    m.close("footer");
    m.finish()
}
