//! A small client-side router: the current address as a signal, kept in
//! step with the History API, and links, whose clicks one listener for the
//! whole page turns into navigation without reloading. Which page an
//! address names is decided by the pure [`crate::route`]; this module only
//! talks to the browser.
//!
//! Every href the app writes is absolute and already under the base path
//! (see [`super::links`]), so navigating is a `pushState` or
//! `replaceState` of that href, then a fresh read of `window.location`.
//!
//! A quick series of changes, such as typing into the search box, is shown
//! at once but written to the address bar only after the frame that shows
//! it, for the first change, and once the changes pause, for the others (see
//! [`Location::push_after_paint`] and [`Location::replace_soon`]): in
//! Chromium, writing the address costs several milliseconds of the frame it
//! happens in.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::after_paint::after_paint;
use super::base_path::router_base;
use crate::route::{Route, route, strip_base};

/// Whether a navigation adds a history entry or replaces the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry, which back returns from.
    Push,
    /// The current entry, changed in place.
    Replace,
}

/// How long [`Location::replace_soon`] waits for the changes to pause
/// before it writes the address.
pub const UNWRITTEN_FOR: Duration = Duration::from_millis(300);

/// An address shown but not written yet, how it will be written, and which
/// scheduled write it waits for.
struct Unwritten {
    href: String,
    history: History,
    id: u64,
    /// The timer of [`Location::replace_soon`]'s write, cleared when the
    /// address is written, dropped or replaced before it fires, so a burst
    /// of keystrokes leaves one timer armed, not one per keystroke.
    timer: Option<TimeoutHandle>,
}

impl Drop for Unwritten {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

thread_local! {
    /// The id of the last [`Unwritten`] address.
    static LAST_UNWRITTEN: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The current address and what it names.
#[derive(Clone, Copy)]
pub struct Location {
    /// `window.location`'s pathname (with the base) and search (with its
    /// `?`, or empty); ahead of it while an address is [`Unwritten`].
    address: RwSignal<(String, String)>,
    /// The address [`Location::replace_soon`] showed and has not written.
    unwritten: StoredValue<Option<Unwritten>, LocalStorage>,
    /// The page the address names.
    pub route: Memo<Route>,
    /// The pathname without the base: `/patterns/saga`.
    pub path: Memo<String>,
    /// The query string, with its `?`, or empty.
    pub search: Memo<String>,
}

impl Location {
    fn new() -> Self {
        let address = RwSignal::new(read_address());
        let path = Memo::new(move |_| {
            address.with(|(pathname, _)| strip_base(pathname, router_base()).unwrap_or(pathname).to_owned())
        });
        let route = Memo::new(move |_| address.with(|(pathname, _)| route_of(pathname)));
        let search = Memo::new(move |_| address.with(|(_, search)| search.clone()));
        Self {
            address,
            unwritten: StoredValue::new_local(None),
            route,
            path,
            search,
        }
    }

    /// Goes to `href` (absolute, under the base) without reloading, and
    /// scrolls to the top when asked. A refused navigation (an href on
    /// another origin, say) is logged and changes nothing.
    pub fn navigate(&self, href: &str, history: History, scroll_to_top: bool) {
        // The entry being left keeps what was shown in it.
        self.write_unwritten();
        if self.write(href, history) && scroll_to_top {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Writes `href` to the History API, then reads the address back;
    /// false, with a warning, when the browser refuses it.
    fn write(&self, href: &str, history: History) -> bool {
        let done = window().history().and_then(|h| match history {
            History::Push => h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)),
            History::Replace => h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href)),
        });
        if let Err(error) = done {
            leptos::logging::warn!("could not navigate to {href}: {error:?}");
            return false;
        }
        self.reread();
        true
    }

    /// Shows `href` (absolute, under the base) at once, and adds a history
    /// entry for it once the frame that shows it is painted, or before any
    /// navigation. For the first of a quick series of changes, such as the
    /// first keystroke of a search, whose frame should not pay for the write.
    pub fn push_after_paint(&self, href: &str) {
        // An address still unwritten belongs to the entry being left.
        self.write_unwritten();
        let id = self.hold(href, History::Push);
        let location = *self;
        after_paint(move || location.write_unwritten_if(id));
    }

    /// Shows `href` (absolute, under the base) at once, and replaces the
    /// current history entry with it once no other call has come for
    /// [`UNWRITTEN_FOR`], or before any navigation. For a quick series of
    /// changes to one view, such as typing into the search box. While the
    /// entry of [`Location::push_after_paint`] is still to be added, `href`
    /// goes into that entry instead, as soon.
    pub fn replace_soon(&self, href: &str) {
        let pushing = self
            .unwritten
            .try_update_value(|unwritten| match unwritten {
                Some(pending) if pending.history == History::Push => {
                    pending.href = href.to_owned();
                    true
                }
                _ => false,
            })
            .unwrap_or(false);
        if pushing {
            self.show(href);
            return;
        }
        let id = self.hold(href, History::Replace);
        let location = *self;
        let timer = set_timeout_with_handle(move || location.write_unwritten_if(id), UNWRITTEN_FOR).ok();
        self.unwritten.try_update_value(|unwritten| {
            if let Some(unwritten) = unwritten {
                unwritten.timer = timer;
            }
        });
    }

    /// Makes `href` the address shown but not written, to be written with
    /// `history`, in place of any other; returns the id its write waits for.
    fn hold(&self, href: &str, history: History) -> u64 {
        let id = LAST_UNWRITTEN.get() + 1;
        LAST_UNWRITTEN.set(id);
        self.unwritten.set_value(Some(Unwritten {
            href: href.to_owned(),
            history,
            id,
            timer: None,
        }));
        self.show(href);
        id
    }

    /// Makes `href` the address the app shows, without writing it.
    fn show(&self, href: &str) {
        let shown = split_href(href);
        if self.address.try_with_untracked(|current| *current != shown) == Some(true) {
            self.address.try_set(shown);
        }
    }

    /// Writes the unwritten address if it is still the one numbered `id`.
    fn write_unwritten_if(&self, id: u64) {
        if self.unwritten.try_with_value(|u| u.as_ref().map(|u| u.id)).flatten() == Some(id) {
            self.write_unwritten();
        }
    }

    /// Writes the address shown but not written yet, if there is one.
    fn write_unwritten(&self) {
        if let Some(unwritten) = self.unwritten.try_update_value(Option::take).flatten() {
            self.write(&unwritten.href, unwritten.history);
        }
    }

    /// Drops the address not written yet, if any, without writing it.
    fn forget_unwritten(&self) {
        self.unwritten.try_update_value(Option::take);
    }

    /// The current address, path (with the base) and query, untracked: what
    /// a link's href must equal to be marked current.
    pub fn address_untracked(&self) -> String {
        self.address
            .try_with_untracked(|(pathname, search)| format!("{pathname}{search}"))
            .unwrap_or_default()
    }

    /// Whether `href` is the current address (path and query), tracked.
    pub fn is_current(&self, href: &str) -> bool {
        self.address
            .try_with(|(pathname, search)| href.strip_prefix(pathname.as_str()).is_some_and(|rest| rest == search))
            .unwrap_or(false)
    }

    /// Whether `href` is the current address, untracked.
    fn is_current_untracked(&self, href: &str) -> bool {
        untrack(|| self.is_current(href))
    }

    /// Reads `window.location` again, after the address changed under us.
    fn reread(&self) {
        let next = read_address();
        // Tolerates a location already disposed of, as a late event may find it.
        if self.address.try_with_untracked(|current| *current != next) == Some(true) {
            self.address.try_set(next);
        }
    }
}

/// An href's pathname and search (with its `?`, or empty), as
/// `window.location` gives them once the href is the address.
fn split_href(href: &str) -> (String, String) {
    match href.find('?') {
        Some(at) => (href[..at].to_owned(), href[at..].to_owned()),
        None => (href.to_owned(), String::new()),
    }
}

/// The page the browser's address names now, before the app has mounted.
pub fn current_route() -> Route {
    route_of(&read_address().0)
}

/// The page `pathname` names: not found outside the base.
fn route_of(pathname: &str) -> Route {
    strip_base(pathname, router_base()).map_or(Route::NotFound, route)
}

/// `window.location`'s pathname and search; `("/", "")` if unreadable.
fn read_address() -> (String, String) {
    let location = window().location();
    (
        location.pathname().unwrap_or_else(|_| "/".to_owned()),
        location.search().unwrap_or_default(),
    )
}

/// Creates the location for the app, follows back and forward until the
/// current reactive owner is cleaned up, and provides it as context.
pub fn provide_location() -> Location {
    let location = Location::new();
    // Leptos's helper adds the listener with `addEventListener`; the handle
    // removes it.
    // Back and forward leave the entry the unwritten address was meant for.
    let popstate = window_event_listener_untyped("popstate", move |_| {
        location.forget_unwritten();
        location.reread();
    });
    let clicks = window_event_listener(leptos::ev::click, move |ev| follow_link_click(location, &ev));
    // Leaving the page (or the back-forward cache) writes what it shows.
    let pagehide = window_event_listener_untyped("pagehide", move |_| location.write_unwritten());
    on_cleanup(move || {
        popstate.remove();
        clicks.remove();
        pagehide.remove();
        location.forget_unwritten();
    });
    provide_context(location);
    location
}

/// The location provided by [`provide_location`]; one made on the spot
/// (and provided) when there is none, rather than a panic.
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(provide_location)
}

/// Turns a plain primary click (no modifier key, not already handled) on
/// an `<a href>` to an address of this app into an in-place navigation
/// that adds a history entry (or, for the page already shown, replaces it,
/// as a browser does) and scrolls to the top. Left to the browser: links
/// with a fragment (the skip link), a target or `download`, and links to
/// another origin or outside the base path. One listener for the whole
/// page, rather than one per link, so that rendering a list of links costs
/// no listener each.
fn follow_link_click(location: Location, ev: &web_sys::MouseEvent) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.default_prevented() {
        return;
    }
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    let own_origin = window().location().origin().ok();
    if !anchor.target().is_empty()
        || anchor.has_attribute("download")
        || !anchor.hash().is_empty()
        || own_origin.as_deref() != Some(anchor.origin().as_str())
    {
        return;
    }
    let pathname = anchor.pathname();
    if strip_base(&pathname, router_base()).is_none() {
        return;
    }
    ev.prevent_default();
    let href = format!("{pathname}{}", anchor.search());
    let history = if location.is_current_untracked(&href) {
        History::Replace
    } else {
        History::Push
    };
    location.navigate(&href, history, true);
}
