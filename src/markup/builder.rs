//! A small writer of HTML and SVG text: elements with attributes, and text,
//! every value escaped, so that nothing a catalog or a user supplies can
//! become markup.

/// Markup written element by element into one string.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    /// An empty document fragment.
    pub fn new() -> Self {
        Self::default()
    }

    /// `<tag name="value" …>`, each value escaped. Tag and attribute names
    /// are constants of this crate, never text from elsewhere.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.start(tag, attributes);
        self.out.push('>');
    }

    /// [`Markup::open`], then the boolean attribute `flag.0` (`disabled=""`)
    /// when `flag.1` holds.
    pub fn open_flagged(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], flag: (&'static str, bool)) {
        self.start(tag, attributes);
        if flag.1 {
            self.out.push(' ');
            self.out.push_str(flag.0);
            self.out.push_str("=\"\"");
        }
        self.out.push('>');
    }

    /// `<tag name="value" …`, the start tag without its end.
    fn start(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }

    /// `<tag …>text</tag>`.
    pub fn leaf(&mut self, tag: &'static str, attributes: &[(&'static str, &str)], text: &str) {
        self.open(tag, attributes);
        self.text(text);
        self.close(tag);
    }

    /// [`Markup::leaf`] with a boolean attribute, as [`Markup::open_flagged`].
    pub fn leaf_flagged(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
        flag: (&'static str, bool),
        text: &str,
    ) {
        self.open_flagged(tag, attributes, flag);
        self.text(text);
        self.close(tag);
    }

    /// An empty container named `name` (`data-slot`) that makes no box of
    /// its own (`display: contents`), so that what is later written in it
    /// lays out as if it stood in its place.
    pub fn slot(&mut self, name: &'static str) {
        self.leaf("div", &[("class", "contents"), ("data-slot", name)], "");
    }

    /// Markup written by this crate, never by a catalog or a user: only a
    /// constant is accepted.
    pub fn raw(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// The markup written so far.
    pub fn finish(self) -> Html {
        Html(self.out)
    }
}

/// Markup that only [`Markup`] writes, so that any text it holds came
/// through its escaping: the one kind of string the app sets as an
/// element's content (see `crate::ui::markup_host`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// The markup as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Adds `more` after this markup.
    pub fn append(&mut self, more: &Html) {
        self.0.push_str(&more.0);
    }

    /// The markup as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Appends `text` with the five characters that can end a text or an
/// attribute value written as entities.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_nest_with_their_attributes_in_order() {
        let mut m = Markup::new();
        m.open("ul", &[("class", "a b"), ("start", "0")]);
        m.leaf("li", &[], "one");
        m.close("ul");
        assert_eq!(
            m.finish().into_string(),
            r#"<ul class="a b" start="0"><li>one</li></ul>"#
        );
    }

    #[test]
    fn text_and_attribute_values_cannot_open_or_close_markup() {
        let mut m = Markup::new();
        m.leaf("p", &[("title", r#"x" onclick="alert(1)"#)], "<script>&'\"</script>");
        assert_eq!(
            m.finish().into_string(),
            "<p title=\"x&quot; onclick=&quot;alert(1)\">&lt;script&gt;&amp;&#39;&quot;&lt;/script&gt;</p>"
        );
    }

    #[test]
    fn text_outside_ascii_is_kept_as_it_is() {
        let mut m = Markup::new();
        m.text("café ✕ lost — 10 €");
        assert_eq!(m.finish().into_string(), "café ✕ lost — 10 €");
    }
}
