//! The home page's pattern cards, grouped under their categories (or as
//! one ranked group while searching), with the words of the search marked.

use super::builder::{Html, Markup};
use super::links::Links;
use crate::catalog::{Catalog, Pattern};
use crate::search::{Listing, Query, highlight};

/// Each group of `listing` as a section with a heading and its cards. Ranked
/// results (no category) name each card's category.
pub fn card_groups(listing: &Listing, query: &Query, catalog: &Catalog, links: &Links) -> Html {
    let mut m = Markup::new();
    for (category, members) in &listing.groups {
        let (heading, title) = match category {
            Some(category) => (format!("category-{}", category.slug), category.name.as_str()),
            None => ("ranked-heading".to_owned(), "Best matches first"),
        };
        m.open("section", &[("aria-labelledby", &heading)]);
        m.leaf("h2", &[("id", &heading), ("class", "category-heading")], title);
        m.open("ul", &[("class", "cards")]);
        for pattern in members {
            m.open("li", &[]);
            let category_name = category.is_none().then(|| catalog.category_name(&pattern.category));
            card(&mut m, pattern, query, category_name, links);
            m.close("li");
        }
        m.close("ul");
        m.close("section");
    }
    m.finish()
}

/// One card; its title links to the pattern's page, its tags to the home
/// view filtered to each. `category_name` is shown when given.
fn card(m: &mut Markup, pattern: &Pattern, query: &Query, category_name: Option<&str>, links: &Links) {
    let id = format!("card-{}", pattern.slug);
    m.open("article", &[("class", "card"), ("aria-labelledby", &id)]);
    if let Some(name) = category_name {
        m.leaf("span", &[("class", "card-category")], name);
    }
    m.open("h3", &[("id", &id)]);
    links.open(m, &links.pattern(&pattern.slug), None);
    highlighted(m, &pattern.name, query);
    m.close("a");
    m.close("h3");
    m.open("p", &[]);
    highlighted(m, &pattern.summary, query);
    m.close("p");
    m.open(
        "ul",
        &[("class", "tags"), ("aria-label", &format!("Tags of {}", pattern.name))],
    );
    for tag in &pattern.tags {
        m.open("li", &[]);
        links.open(m, &links.tag(tag), Some("tag"));
        m.text("#");
        highlighted(m, tag, query);
        m.close("a");
        m.close("li");
    }
    m.close("ul");
    m.close("article");
}

/// `text` with the words `query` matched wrapped in `<mark>`.
fn highlighted(m: &mut Markup, text: &str, query: &Query) {
    for segment in highlight(text, query) {
        if segment.matched {
            m.leaf("mark", &[], segment.text);
        } else {
            m.text(segment.text);
        }
    }
}
