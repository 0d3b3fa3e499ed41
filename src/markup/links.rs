//! Every in-app link's address, under the base path the app is served from,
//! and links written as markup, marked `aria-current="page"` when they
//! point at the address shown.

use super::builder::Markup;
use crate::route::{home_path, pattern_path};
use crate::search::{View, format_view_query};

/// The addresses of the app's pages under `base`, and the address shown.
#[derive(Clone, Copy, Debug)]
pub struct Links<'a> {
    /// `""` at the site root, or a path such as `/patterns-forged`.
    base: &'a str,
    /// The address shown, path and query (`/patterns-forged/?tag=x`).
    current: &'a str,
}

impl<'a> Links<'a> {
    /// Links under `base` (`""` or `/sub/path`, no trailing slash) on the
    /// page at `current` (its path and query).
    pub fn new(base: &'a str, current: &'a str) -> Self {
        Self { base, current }
    }

    /// The home page, unfiltered.
    pub fn home(&self) -> String {
        self.under_base(&home_path(""))
    }

    /// A pattern's page.
    pub fn pattern(&self, slug: &str) -> String {
        self.under_base(&pattern_path(slug))
    }

    /// The home view filtered to one tag.
    pub fn tag(&self, tag: &str) -> String {
        self.view(&View {
            tags: vec![tag.to_owned()],
            ..View::default()
        })
    }

    /// The home view filtered to one category.
    pub fn category(&self, category: &str) -> String {
        self.view(&View {
            category: Some(category.to_owned()),
            ..View::default()
        })
    }

    /// The home page showing `view` (search, category and tags).
    pub fn view(&self, view: &View) -> String {
        self.under_base(&home_path(&format_view_query(view)))
    }

    fn under_base(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Opens `<a href>` with `class`, marked as the current page when
    /// `href` is the address shown; close it with `m.close("a")`.
    pub fn open(&self, m: &mut Markup, href: &str, class: Option<&str>) {
        let mut attributes = vec![("href", href)];
        attributes.extend(class.map(|c| ("class", c)));
        if href == self.current {
            attributes.push(("aria-current", "page"));
        }
        m.open("a", &attributes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_under_the_base() {
        let links = Links::new("/sub", "/sub/");
        assert_eq!(links.home(), "/sub/");
        assert_eq!(links.pattern("saga"), "/sub/patterns/saga");
        assert_eq!(links.tag("retries"), "/sub/?tag=retries");
        assert_eq!(links.category("apis"), "/sub/?category=apis");
        assert_eq!(Links::new("", "").home(), "/");
    }

    #[test]
    fn the_link_to_the_address_shown_is_marked_current() {
        let links = Links::new("", "/?tag=retries");
        let mut m = Markup::new();
        links.open(&mut m, &links.tag("retries"), Some("tag"));
        links.open(&mut m, &links.tag("outbox"), None);
        assert_eq!(
            m.finish().into_string(),
            r#"<a href="/?tag=retries" class="tag" aria-current="page"><a href="/?tag=outbox">"#
        );
    }
}
