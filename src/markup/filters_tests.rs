//! The home page's controls as markup: chips that say what they choose,
//! their counts and states, the status line, and catalog and URL text
//! staying text.

use super::player_tests::count;
use super::*;
use crate::search::{SearchIndex, View, apply_view};

fn controls(q: &str, more_tags: Option<(bool, usize)>, filtered: bool) -> String {
    home_controls(&Controls {
        q,
        more_tags,
        shown: 3,
        total: 8,
        filtered,
    })
    .into_string()
}

#[test]
fn the_controls_leave_a_named_slot_for_each_list_and_the_notice() {
    let html = controls("", None, false);
    for slot in ["categories", "tags", "ignored"] {
        assert_eq!(count(&html, &format!(r#"data-slot="{slot}""#)), 1, "{slot}: {html}");
    }
    assert!(html.contains(r#"<input id="search-input" type="search""#));
    assert!(html.contains(">Showing 3 of 8 patterns</p>"), "{html}");
    assert!(!html.contains("more-tags"), "every tag is offered: no button");
}

#[test]
fn the_clear_button_is_hidden_until_there_is_a_view_to_clear() {
    assert!(controls("", None, false).contains(r#"data-act="clear" hidden="">Clear search and filters</button>"#));
    assert!(controls("x", None, true).contains(r#"data-act="clear">Clear search and filters</button>"#));
}

#[test]
fn the_tag_button_says_what_it_will_do() {
    let collapsed = controls("", Some((false, 40)), false);
    assert!(
        collapsed.contains(r#"data-act="more-tags" aria-expanded="false">Show all 40 tags</button>"#),
        "{collapsed}"
    );
    assert_eq!(more_tags_label(true, 40), "Show fewer tags");
    assert_eq!(SHOW_MORE_TAGS, "more-tags");
}

#[test]
fn chips_say_what_they_choose_and_how_many_it_would_leave() {
    let list = chips(&[
        Chip {
            facet: Facet::AnyCategory,
            label: "All",
            count: 8,
            selected: true,
        },
        Chip {
            facet: Facet::Category("apis"),
            label: "APIs",
            count: 1,
            selected: false,
        },
        Chip {
            facet: Facet::Tag("retry"),
            label: "retry",
            count: 0,
            selected: false,
        },
        Chip {
            facet: Facet::Tag("saga"),
            label: "saga",
            count: 0,
            selected: true,
        },
    ])
    .into_string();
    assert!(list.contains(r#"<button type="button" class="chip" aria-pressed="true" data-category="">All<span class="count" aria-label="(8 patterns)">8</span></button>"#), "{list}");
    assert!(
        list.contains(
            r#"aria-pressed="false" data-category="apis">APIs<span class="count" aria-label="(1 pattern)">1</span>"#
        ),
        "{list}"
    );
    assert!(
        list.contains(r#"data-tag="retry" disabled="">#retry<"#),
        "nothing left: disabled"
    );
    assert!(
        list.contains(r#"aria-pressed="true" data-tag="saga">#saga<"#),
        "selected stays enabled"
    );
    assert_eq!(count(&list, "<li>"), 4);
    assert!(chip_disabled(0, false) && !chip_disabled(0, true) && !chip_disabled(2, false));
}

#[test]
fn search_and_catalog_text_stay_text() {
    let payload = r#""><script>alert(1)</script>"#;
    let html = controls(payload, None, true);
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains(r#"value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;""#),
        "{html}"
    );
    let list = chips(&[Chip {
        facet: Facet::Tag(payload),
        label: payload,
        count: 1,
        selected: false,
    }])
    .into_string();
    assert!(!list.contains("<script>"), "{list}");
}

#[test]
fn what_a_link_asked_for_in_vain_is_named() {
    let catalog = crate::catalog::embedded()
        .as_ref()
        .expect("the shipped catalog is valid");
    let index = SearchIndex::new(catalog);
    let view = View {
        category: Some("<b>nowhere".into()),
        tags: vec!["no-such-tag".into()],
        ..View::default()
    };
    let notice = ignored_notice(&apply_view(catalog, &index, &view)).into_string();
    assert!(
        notice.starts_with(r#"<p class="notice">Ignored in this link: unknown category “"#),
        "{notice}"
    );
    assert!(notice.contains("unknown tag “no-such-tag”"), "{notice}");
    assert!(!notice.contains("<b>"), "{notice}");
    let nothing = ignored_notice(&apply_view(catalog, &index, &View::default()));
    assert!(nothing.as_str().is_empty());
    assert_eq!(shown_count(8, 8), "Showing all 8 patterns");
}
