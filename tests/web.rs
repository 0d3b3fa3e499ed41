//! Component tests in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --test web`): the app is mounted into the test
//! page, driven by clicks and typing, and checked by what a person sees.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::task::tick;
use patterns_forged::ui::{App, UNWRITTEN_FOR};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

/// Puts the browser at `path` and mounts the app in a fresh element, then
/// waits until its first render has ended; the returned handle unmounts it
/// when dropped.
async fn mount_at(path: &str) -> impl Drop {
    let handle = mount_without_waiting(path);
    // The first render ends, a few tasks after the mount, with the footer.
    tasks_until("footer.site-footer").await;
    assert_eq!(
        all("footer.site-footer").len(),
        1,
        "the first render ends with the footer"
    );
    settle().await;
    handle
}

/// Puts the browser at `path` and mounts the app in a fresh element.
fn mount_without_waiting(path: &str) -> impl Drop {
    let window = web_sys::window().expect("window");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
    let body = document().body().expect("body");
    // As a test may have left them.
    body.remove_attribute("style").expect("style");
    window.scroll_to_with_x_and_y(0.0, 0.0);
    while let Some(child) = body.query_selector("[data-test-root]").expect("query") {
        child.remove();
    }
    let root: HtmlElement = document().create_element("div").expect("div").unchecked_into();
    root.set_attribute("data-test-root", "").expect("attr");
    body.append_child(&root).expect("append");
    mount_to(root, App)
}

async fn settle() {
    ticks().await;
    // Cards below the window, and the first keystroke's history entry,
    // come in a task after the next frame.
    next_frame().await;
    pause(0).await;
    ticks().await;
}

/// Lets the app's pending reactive work run, without waiting for a frame.
async fn ticks() {
    for _ in 0..5 {
        tick().await;
    }
}

/// Waits for the next animation frame.
async fn next_frame() {
    let window = web_sys::window().expect("window");
    let frame = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        window.request_animation_frame(&resolve).expect("requestAnimationFrame");
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.expect("frame");
}

fn all(selector: &str) -> Vec<Element> {
    let list = document().query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn texts(selector: &str) -> Vec<String> {
    all(selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

fn card_titles() -> Vec<String> {
    texts(".card h3")
}

/// Clicks the first button whose text starts with `label`.
async fn click_button(label: &str) {
    button_named(label).click();
    settle().await;
}

/// The first button whose text starts with `label`.
fn button_named(label: &str) -> HtmlElement {
    all("button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim().starts_with(label))
        .unwrap_or_else(|| panic!("no button {label:?} among {:?}", texts("button")))
        .unchecked_into()
}

async fn type_search(text: &str) {
    type_without_waiting(text).await;
    settle().await;
}

/// Types `text` into the search box and lets the app render what it
/// renders before the next frame.
async fn type_without_waiting(text: &str) {
    let input: HtmlInputElement = document()
        .get_element_by_id("search-input")
        .expect("search box")
        .unchecked_into();
    input.set_value(text);
    input.dispatch_event(&bubbling("input")).expect("dispatch");
    ticks().await;
}

/// An event named `name` that bubbles, as a browser sends `input` and
/// `change`: the app listens for them on the controls' container.
fn bubbling(name: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(name, &init).expect("event")
}

fn history_length() -> u32 {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .length()
        .expect("length")
}

fn search() -> String {
    web_sys::window().expect("window").location().search().expect("search")
}

/// Waits `ms` milliseconds.
async fn pause(ms: i32) {
    let window = web_sys::window().expect("window");
    let pause = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(pause).await.expect("pause");
}

/// Waits until the address typing left unwritten has been written.
async fn pause_until_written() {
    pause(i32::try_from(UNWRITTEN_FOR.as_millis()).expect("a short delay") + 100).await;
    settle().await;
}

/// Waits (up to two seconds) until `read` gives `expected`, then lets the app render.
async fn wait_until(read: fn() -> String, expected: &str) {
    for _ in 0..200 {
        if read() == expected {
            break;
        }
        pause(10).await;
    }
    assert_eq!(read(), expected);
    settle().await;
}

/// Waits until the address's query is `query`.
async fn wait_for_search(query: &str) {
    wait_until(search, query).await;
}

#[wasm_bindgen_test]
async fn home_shows_every_pattern_grouped_by_category_in_seed_order() {
    let _app = mount_at("/").await;
    assert_eq!(card_titles().len(), 8);
    assert_eq!(
        texts("h2.category-heading"),
        ["Scalability", "Operability", "APIs", "Consistency", "Performance"]
    );
    assert_eq!(texts(".result-count"), ["Showing all 8 patterns"]);
}

#[wasm_bindgen_test]
async fn a_category_filter_narrows_the_cards_and_goes_into_the_url() {
    let _app = mount_at("/").await;
    click_button("Consistency").await;
    assert_eq!(card_titles(), ["Transactional Outbox", "Saga"]);
    assert_eq!(search(), "?category=consistency");
    let pressed: Vec<String> = all("button[aria-pressed=true]")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert!(pressed.iter().any(|t| t.starts_with("Consistency")), "{pressed:?}");
    click_button("All").await;
    assert_eq!(card_titles().len(), 8);
}

#[wasm_bindgen_test]
async fn tags_combine_with_and_and_show_what_each_would_leave() {
    let _app = mount_at("/").await;
    click_button("#event-driven").await;
    assert_eq!(card_titles(), ["CQRS", "Transactional Outbox", "Saga"]);
    click_button("#consistency").await;
    assert_eq!(card_titles(), ["Transactional Outbox", "Saga"]);
    assert_eq!(search(), "?tag=consistency&tag=event-driven");
    let compensation = all("button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().starts_with("#compensation"))
        .expect("tag");
    let count = compensation.query_selector(".count").expect("q").expect("count");
    assert_eq!(count.text_content().as_deref(), Some("1"));
    assert_eq!(count.get_attribute("aria-label").as_deref(), Some("(1 pattern)"));
    let consistency = all("button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().starts_with("#consistency"))
        .expect("tag");
    let count = consistency.query_selector(".count").expect("q").expect("count");
    assert_eq!(count.get_attribute("aria-label").as_deref(), Some("(2 patterns)"));
}

#[wasm_bindgen_test]
async fn typing_ranks_results_and_marks_the_matched_words() {
    let _app = mount_at("/").await;
    type_search("sagga").await;
    assert_eq!(card_titles().first().map(String::as_str), Some("Saga"));
    assert!(
        texts(".card mark").iter().any(|m| m.eq_ignore_ascii_case("saga")),
        "marks: {:?}",
        texts(".card mark")
    );
    type_search("charged twice").await;
    assert_eq!(card_titles().first().map(String::as_str), Some("Idempotency Key"));
    // The first keystroke wrote its entry at once; later ones wait for a pause.
    assert_eq!(search(), "?q=sagga");
    pause_until_written().await;
    assert_eq!(search(), "?q=charged%20twice");
}

#[wasm_bindgen_test]
async fn the_first_keystroke_adds_its_history_entry_after_its_frame() {
    let _app = mount_at("/").await;
    let entries = history_length();
    type_without_waiting("saga").await;
    assert_eq!(
        card_titles().first().map(String::as_str),
        Some("Saga"),
        "results at once"
    );
    assert_eq!((search(), history_length()), (String::new(), entries), "no entry yet");
    settle().await;
    assert_eq!((search(), history_length()), ("?q=saga".to_owned(), entries + 1));
}

#[wasm_bindgen_test]
async fn keystrokes_before_the_first_entry_is_added_show_their_results_at_once() {
    let _app = mount_at("/").await;
    let entries = history_length();
    type_without_waiting("e").await;
    type_without_waiting("qqqqzzzz").await;
    assert_eq!(texts("#no-results"), ["No patterns match “qqqqzzzz”"]);
    settle().await;
    assert_eq!((search(), history_length()), ("?q=qqqqzzzz".to_owned(), entries + 1));
}

#[wasm_bindgen_test]
async fn cards_below_the_window_come_a_frame_later() {
    let _app = mount_at("/").await;
    // Push the app below the window's bottom edge; a render of every card
    // then measures where they lie.
    let body = document().body().expect("body");
    body.set_attribute("style", "padding-top: 150vh").expect("style");
    type_search("saga").await;
    type_without_waiting("events").await;
    let results = texts(".result-count");
    assert_eq!(card_titles().len(), 1, "only the first card at once ({results:?})");
    settle().await;
    let ranked = card_titles();
    assert!(ranked.len() > 1, "the others a frame later: {ranked:?}");
    assert_eq!(texts(".result-count"), results);
    // Scrolled down to them, they all reach the window, so they all come at once.
    // The app learns where the window is from the scroll event, which
    // comes with the next frame.
    web_sys::window().expect("window").scroll_to_with_x_and_y(0.0, 1e6);
    next_frame().await;
    type_without_waiting("event").await;
    assert!(card_titles().len() > 1, "scrolled down: {:?} at once", card_titles());
}

#[wasm_bindgen_test]
async fn a_filter_chosen_while_typing_keeps_the_typed_text_in_the_entry_it_leaves() {
    let _app = mount_at("/").await;
    type_search("s").await;
    type_search("saga").await;
    assert_eq!(search(), "?q=s", "written only once typing pauses");
    click_button("Consistency").await;
    assert_eq!(search(), "?q=saga&category=consistency");
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .back()
        .expect("back");
    wait_for_search("?q=saga").await;
    assert_eq!(card_titles().first().map(String::as_str), Some("Saga"));
}

/// Every filter chip's label and count, in page order.
fn chip_counts() -> Vec<String> {
    texts(".filters button.chip")
}

/// The number the status line shows first: "Showing 3 of 8 patterns" -> "3".
fn shown_count() -> String {
    texts(".result-count")
        .concat()
        .split(' ')
        .find(|word| word.parse::<usize>().is_ok())
        .unwrap_or_default()
        .to_owned()
}

#[wasm_bindgen_test]
async fn while_typing_the_filter_counts_follow_the_results_a_frame_later() {
    let _app = mount_at("/").await;
    let before = chip_counts();
    assert!(before.contains(&"All8".to_owned()), "{before:?}");
    type_without_waiting("event").await;
    let shown = shown_count();
    assert_ne!(shown, "8", "the results at once: {:?}", texts(".result-count"));
    assert_eq!(chip_counts(), before, "the counts not yet");
    settle().await;
    let typed = chip_counts();
    assert!(
        typed.contains(&format!("All{shown}")),
        "the counts a frame later: {typed:?}"
    );
    // A click on a chip changes the counts at once.
    button_named("Consistency").click();
    ticks().await;
    let clicked = chip_counts();
    assert_ne!(clicked, typed);
    settle().await;
    assert_eq!(chip_counts(), clicked);
}

#[wasm_bindgen_test]
async fn a_search_that_finds_nothing_says_so_and_offers_a_way_back() {
    let _app = mount_at("/").await;
    type_search("qqqqzzzz").await;
    assert!(card_titles().is_empty());
    assert_eq!(texts("#no-results"), ["No patterns match “qqqqzzzz”"]);
    click_button("Show all patterns").await;
    assert_eq!(card_titles().len(), 8);
    assert_eq!(search(), "");
}

#[wasm_bindgen_test]
async fn a_shared_filter_link_opens_that_view() {
    let _app = mount_at("/?category=consistency&tag=compensation").await;
    assert_eq!(card_titles(), ["Saga"]);
}

#[wasm_bindgen_test]
async fn a_pattern_page_shows_the_whole_entry_and_names_the_pattern_in_the_title() {
    let _app = mount_at("/patterns/saga").await;
    assert_eq!(texts("main h1"), ["Saga"]);
    let headings = texts("main h2");
    for wanted in [
        "Problem",
        "Forces",
        "Solution",
        "How it works",
        "When to use",
        "When not to use",
        "Trade-offs and consequences",
        "Related patterns",
    ] {
        assert!(headings.iter().any(|h| h == wanted), "missing {wanted} in {headings:?}");
    }
    assert!(document().title().starts_with("Saga"), "title {:?}", document().title());
    let tag_links: Vec<String> = all(".pattern .tags a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(tag_links.contains(&"/?tag=compensation".to_owned()), "{tag_links:?}");
}

#[wasm_bindgen_test]
async fn an_unknown_slug_shows_not_found_with_suggestions() {
    let _app = mount_at("/patterns/sagaa").await;
    assert_eq!(texts("main h1"), ["No pattern here"]);
    assert_eq!(texts(".suggestions a").first().map(String::as_str), Some("Saga"));
}

// ---- Navigation ----

fn pathname() -> String {
    let location = web_sys::window().expect("window").location();
    location.pathname().expect("pathname")
}

/// Waits until the address's path is `path`.
async fn wait_for_path(path: &str) {
    wait_until(pathname, path).await;
}

fn current_links() -> Vec<String> {
    all("a[aria-current=page]")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect()
}

/// Clicks the first link whose text is `label`.
async fn click_link(label: &str) {
    link_named(label).click();
    settle().await;
}

/// The first link whose text is `label`.
fn link_named(label: &str) -> HtmlElement {
    all("a")
        .into_iter()
        .find(|a| a.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no link {label:?} among {:?}", texts("a")))
        .unchecked_into()
}

/// Pauses (a task each) until `selector` matches, or panics after 100.
async fn tasks_until(selector: &str) -> usize {
    for tasks in 0..100 {
        if !all(selector).is_empty() {
            return tasks;
        }
        pause(0).await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn the_first_render_comes_in_parts_top_first_and_later_ones_whole() {
    // Home: the intro with the mount (what the static first paint showed),
    // the search box and filters a task later, then the cards.
    let app = mount_without_waiting("/");
    ticks().await;
    assert_eq!(texts("main h1"), ["Software-architecture patterns, simulated"]);
    assert!(
        all("#search-input").is_empty() && all(".filters button.chip").is_empty(),
        "the search box and filters wait for the next task"
    );
    assert!(card_titles().is_empty(), "the cards wait for the task after");
    assert!(all("footer.site-footer").is_empty(), "the footer comes last");
    assert!(tasks_until(".filters button.chip").await >= 1);
    assert_eq!(all("#search-input").len(), 1, "the search box comes with the filters");
    assert!(
        card_titles().is_empty(),
        "the cards wait for the task after the filters"
    );
    tasks_until("article.card").await;
    assert_eq!(card_titles().len(), 8);
    tasks_until("footer.site-footer").await;
    drop(app);

    // A pattern: its top with the mount, the top of the player a task
    // later, then the diagram, then the rest of the player and the page.
    let _app = mount_without_waiting("/patterns/saga");
    ticks().await;
    assert_eq!(texts("main h1"), ["Saga"]);
    assert!(
        !all("#problem-heading").is_empty(),
        "the Problem section comes with the mount"
    );
    assert!(all(".sim-player").is_empty(), "the player waits for the next task");
    tasks_until(".sim-controls").await;
    assert!(
        all(".sim-diagram-scroll").is_empty(),
        "the diagram waits for the task after"
    );
    tasks_until(".sim-diagram-scroll").await;
    assert!(
        all(".sim-panels").is_empty() && all("#forces-heading").is_empty(),
        "the rest waits for the task after that"
    );
    tasks_until("footer.site-footer").await;
    assert!(!all(".sim-panels").is_empty() && !all("#related-heading").is_empty());
    settle().await;

    // Any later page is rendered whole at once.
    link_named("All patterns").click();
    ticks().await;
    assert_eq!(card_titles().len(), 8, "home's cards come with the navigation");
    link_named("Saga").click();
    ticks().await;
    assert!(
        !all(".sim-panels").is_empty() && !all("#related-heading").is_empty(),
        "the whole page comes with the navigation"
    );
}

#[wasm_bindgen_test]
async fn a_link_opens_its_page_in_place_and_back_and_forward_return() {
    let _app = mount_at("/").await;
    click_link("Saga").await;
    assert_eq!(pathname(), "/patterns/saga");
    assert_eq!(texts("main h1"), ["Saga"]);
    assert!(document().title().starts_with("Saga"), "title {:?}", document().title());
    let history = web_sys::window().expect("window").history().expect("history");
    history.back().expect("back");
    wait_for_path("/").await;
    assert_eq!(card_titles().len(), 8);
    let title = document().title();
    assert!(title.starts_with("Patterns, forged"), "title {title:?}");
    history.forward().expect("forward");
    wait_for_path("/patterns/saga").await;
    assert_eq!(texts("main h1"), ["Saga"]);
}

#[wasm_bindgen_test]
async fn the_link_to_the_current_address_is_marked_current() {
    let _app = mount_at("/").await;
    assert_eq!(current_links(), ["/"]);
    click_link("Saga").await;
    assert!(current_links().is_empty(), "{:?}", current_links());
    click_link("#compensation").await;
    assert_eq!((pathname(), search()), ("/".to_owned(), "?tag=compensation".to_owned()));
    let current = current_links();
    let only_this_view = current.iter().all(|h| h == "/?tag=compensation");
    assert!(!current.is_empty() && only_this_view, "{current:?}");
}

#[wasm_bindgen_test]
async fn a_popstate_shows_whatever_address_the_history_returns_to() {
    let _app = mount_at("/").await;
    let window = web_sys::window().expect("window");
    let go = |path: &str| {
        window
            .history()
            .expect("history")
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .expect("replaceState");
        window
            .dispatch_event(&web_sys::Event::new("popstate").expect("event"))
            .expect("dispatch");
    };
    go("/patterns/cqrs");
    settle().await;
    assert_eq!(texts("main h1"), ["CQRS"]);
    go("/?q=idempotency");
    settle().await;
    assert_eq!(card_titles().first().map(String::as_str), Some("Idempotency Key"));
    go("/patterns/no-such-thing/");
    settle().await;
    assert_eq!(texts("main h1"), ["No pattern here"]);
    assert_eq!(document().title(), "Not found · Patterns, forged");
}

#[wasm_bindgen_test]
async fn the_skip_link_focuses_main_without_leaving_the_page() {
    let _app = mount_at("/patterns/saga").await;
    click_link("Skip to content").await;
    let location = web_sys::window().expect("window").location();
    assert_eq!(pathname(), "/patterns/saga");
    assert_eq!(location.hash().expect("hash"), "");
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(focused.as_deref(), Some("main"));
}

#[wasm_bindgen_test]
async fn the_theme_toggle_cycles_system_light_dark() {
    let _app = mount_at("/").await;
    let root = document().document_element().expect("html");
    click_button("Theme: system").await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    click_button("Theme: light").await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    click_button("Theme: dark").await;
    assert_eq!(root.get_attribute("data-theme"), None);
}

// ---- The simulation player ----

fn counter() -> String {
    texts(".sim-counter").join("")
}

/// The panels' markup (without Leptos's empty placeholder comments, one of
/// which follows the markup until its first redraw) and the narration.
fn frame_state() -> (String, String) {
    let html = |selector: &str| {
        document()
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|e| e.inner_html().replace("<!---->", ""))
            .unwrap_or_default()
    };
    (html(".sim-panels"), texts(".sim-narration").join(""))
}

async fn press(key: &str) {
    let player = document().query_selector(".sim-player").expect("q").expect("player");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    player.dispatch_event(&event).expect("dispatch");
    settle().await;
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_its_scenario_at_its_step_paused() {
    let _app = mount_at("/patterns/saga?scenario=orchestrated-no-courier&step=5").await;
    assert!(counter().starts_with("Step 5 of "), "{}", counter());
    let select: web_sys::HtmlSelectElement = document()
        .get_element_by_id("sim-scenario")
        .expect("picker")
        .unchecked_into();
    assert_eq!(select.value(), "orchestrated-no-courier");
    assert_eq!(texts(".sim-play"), ["Play"]);
}

#[wasm_bindgen_test]
async fn next_and_previous_change_the_frame_and_back_restores_it_exactly() {
    let _app = mount_at("/patterns/saga?scenario=orchestrated-out-of-stock&step=3").await;
    let at_three = frame_state();
    click_button("Next step").await;
    assert!(counter().starts_with("Step 4 of "), "{}", counter());
    assert!(search().contains("step=4"), "the URL follows: {}", search());
    assert_ne!(frame_state(), at_three, "step 4 shows another state");
    click_button("Previous step").await;
    assert_eq!(frame_state(), at_three, "stepping back shows exactly the earlier state");
    assert!(search().contains("step=3"), "{}", search());
    click_button("Restart").await;
    assert!(counter().starts_with("Step 0 of "), "{}", counter());
}

#[wasm_bindgen_test]
async fn the_keyboard_steps_jumps_and_plays() {
    let _app = mount_at("/patterns/saga?scenario=orchestrated-happy-path&step=2").await;
    press("ArrowRight").await;
    assert!(counter().starts_with("Step 3 of "), "{}", counter());
    press("ArrowLeft").await;
    assert!(counter().starts_with("Step 2 of "), "{}", counter());
    press("End").await;
    let last: String = counter()
        .split(" of ")
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        counter().starts_with(&format!("Step {last} of {last}")),
        "{}",
        counter()
    );
    press("Home").await;
    assert!(counter().starts_with("Step 0 of "), "{}", counter());
    press(" ").await;
    assert_eq!(texts(".sim-play"), ["Pause"]);
    press(" ").await;
    assert_eq!(texts(".sim-play"), ["Play"]);
}

#[wasm_bindgen_test]
async fn out_of_range_and_unknown_values_fall_back_with_a_notice() {
    let _app = mount_at("/patterns/saga?scenario=no-such-thing&step=99999").await;
    let notices = texts(".sim-notice").join(" ");
    assert!(notices.contains("no-such-thing"), "{notices}");
    assert!(notices.contains("Step 99999 does not exist"), "{notices}");
    let counter = counter();
    let mut numbers = counter.split_whitespace().filter_map(|w| w.parse::<usize>().ok());
    assert_eq!(numbers.next(), numbers.next(), "showing the last step: {counter}");
}

#[wasm_bindgen_test]
async fn injecting_a_fault_branches_the_timeline_from_the_current_step() {
    let _app = mount_at("/patterns/saga?scenario=orchestrated-happy-path&step=1").await;
    let before = counter();
    let fault = all("button.sim-fault")
        .into_iter()
        .next()
        .expect("a fault is offered at step 1");
    fault.unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(counter().starts_with("Step 1 of "), "stays at the step: {}", counter());
    assert_ne!(counter(), before, "the timeline changed length");
    assert!(
        search().contains("fault=1%3A") || search().contains("fault=1:"),
        "{}",
        search()
    );
}

#[wasm_bindgen_test]
async fn a_parameter_in_the_link_sets_its_picker_and_a_change_reruns_from_the_start() {
    let _app = mount_at("/patterns/competing-consumers?scenario=with-pattern&step=6&workers=5").await;
    let picker: web_sys::HtmlSelectElement = document()
        .get_element_by_id("sim-param-workers")
        .expect("picker")
        .unchecked_into();
    assert_eq!(picker.value(), "5");
    assert!(counter().starts_with("Step 6 of "), "{}", counter());
    picker.set_value("2");
    picker.dispatch_event(&bubbling("change")).expect("dispatch");
    settle().await;
    assert!(
        counter().starts_with("Step 0 of "),
        "a new run starts at its beginning: {}",
        counter()
    );
    assert!(search().contains("workers=2"), "{}", search());
}

#[wasm_bindgen_test]
async fn an_out_of_range_parameter_is_clamped_with_a_notice() {
    let _app = mount_at("/patterns/competing-consumers?scenario=with-pattern&workers=40").await;
    let picker: web_sys::HtmlSelectElement = document()
        .get_element_by_id("sim-param-workers")
        .expect("picker")
        .unchecked_into();
    assert_eq!(picker.value(), "8");
    assert!(
        texts(".sim-notice").join(" ").contains("40 is outside 1 to 8"),
        "{:?}",
        texts(".sim-notice")
    );
}
