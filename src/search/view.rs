//! What the user is looking at in the catalog: the search text, a category
//! and the selected tags. The URL holds it (see `view_query.rs`) and
//! [`super::apply_view`] turns it into results and facet counts.

/// Longest search text, category or tag kept, in characters.
pub const MAX_VALUE_CHARS: usize = 200;

/// Most tags a view selects; more are dropped (after sorting).
pub const MAX_TAGS: usize = 32;

/// A view of the catalog. The default view (blank text, no category, no
/// tags) shows every pattern.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct View {
    /// The search text as typed.
    pub q: String,
    /// A category slug, such as `apis`.
    pub category: Option<String>,
    /// Tag slugs; a pattern must carry all of them.
    pub tags: Vec<String>,
}

impl View {
    /// The canonical form of this view, the one its URL parses back to:
    /// blank text becomes empty (other text is kept as typed, trailing
    /// spaces included, so typing survives a trip through the URL); slugs
    /// are trimmed and ASCII lower-cased, and empty ones dropped; tags are
    /// sorted without repeats; every value is cut to [`MAX_VALUE_CHARS`]
    /// characters and the tags to [`MAX_TAGS`].
    pub fn normalised(&self) -> View {
        let q = truncate(&self.q);
        let q = if q.trim().is_empty() {
            String::new()
        } else {
            q.to_owned()
        };
        let category = self.category.as_deref().map(normalise_slug).filter(|c| !c.is_empty());
        let mut tags: Vec<String> = self
            .tags
            .iter()
            .map(|t| normalise_slug(t))
            .filter(|t| !t.is_empty())
            .collect();
        crate::sort::sort(&mut tags);
        tags.dedup();
        tags.truncate(MAX_TAGS);
        View { q, category, tags }
    }

    /// True when the view shows the whole catalog: blank text, no category,
    /// no tags.
    pub fn is_default(&self) -> bool {
        let normal = self.normalised();
        normal.q.is_empty() && normal.category.is_none() && normal.tags.is_empty()
    }

    /// This view with `tag` selected if it was not, and unselected if it
    /// was; normalised.
    pub fn with_tag_toggled(&self, tag: &str) -> View {
        let mut view = self.normalised();
        let tag = normalise_slug(tag);
        if let Some(at) = view.tags.iter().position(|t| *t == tag) {
            view.tags.remove(at);
        } else {
            view.tags.push(tag);
        }
        view.normalised()
    }

    /// This view showing only `category` (or every category, for `None`);
    /// normalised.
    pub fn with_category(&self, category: Option<&str>) -> View {
        View {
            category: category.map(str::to_owned),
            ..self.clone()
        }
        .normalised()
    }
}

/// `text` cut to [`MAX_VALUE_CHARS`] characters (never inside a character).
pub(crate) fn truncate(text: &str) -> &str {
    match text.char_indices().nth(MAX_VALUE_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// A slug as a view keeps it: trimmed, ASCII lower case, cut to length.
fn normalise_slug(slug: &str) -> String {
    truncate(slug.trim()).trim_end().to_ascii_lowercase()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A view from its parts, for tests.
    pub(crate) fn view(q: &str, category: Option<&str>, tags: &[&str]) -> View {
        View {
            q: q.into(),
            category: category.map(Into::into),
            tags: tags.iter().map(|t| (*t).into()).collect(),
        }
    }

    #[test]
    fn normalising_cleans_slugs_and_sorts_tags() {
        let messy = view(
            "  ",
            Some(" APIs "),
            &["reliability", " Payments", "", "reliability", "  "],
        );
        assert_eq!(messy.normalised(), view("", Some("apis"), &["payments", "reliability"]));
        assert_eq!(view("x", Some("   "), &[]).normalised().category, None);
    }

    #[test]
    fn search_text_is_kept_as_typed() {
        assert_eq!(view(" Charged twice ", None, &[]).normalised().q, " Charged twice ");
    }

    #[test]
    fn long_values_are_cut_on_character_boundaries() {
        let long = "é".repeat(MAX_VALUE_CHARS + 50);
        let normal = view(&long, Some(&long), &[&long]).normalised();
        assert_eq!(normal.q.chars().count(), MAX_VALUE_CHARS);
        assert_eq!(normal.category.map(|c| c.chars().count()), Some(MAX_VALUE_CHARS));
        let many: Vec<String> = (0..100).map(|i| format!("t{i:03}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(view("", None, &many).normalised().tags.len(), MAX_TAGS);
    }

    #[test]
    fn normalising_is_idempotent() {
        let v = view(
            &format!("{}  x", " ".repeat(199)),
            Some(&format!("{} a", "b".repeat(199))),
            &["B", "a "],
        );
        let once = v.normalised();
        assert_eq!(once.normalised(), once);
    }

    #[test]
    fn the_default_view() {
        assert!(View::default().is_default());
        assert!(view("  ", Some(""), &[" "]).is_default());
        assert!(!view("saga", None, &[]).is_default());
    }

    #[test]
    fn toggling_tags_and_choosing_a_category() {
        let v = View::default().with_tag_toggled("payments").with_tag_toggled("apis");
        assert_eq!(v.tags, ["apis", "payments"]);
        assert_eq!(v.with_tag_toggled("payments").tags, ["apis"]);
        let v = v.with_category(Some("Consistency"));
        assert_eq!(v.category.as_deref(), Some("consistency"));
        assert_eq!(v.with_category(None).category, None);
    }
}
