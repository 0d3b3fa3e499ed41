//! The app's frame: the location, the page layout (header, main, footer)
//! and the page each route shows. A catalog that fails validation is shown
//! as a message.

use leptos::ev::MouseEvent;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::data;
use super::effects::effect;
use super::first_render::{latest, spread_first_render};
use super::home::Home;
use super::in_place::{find, follow_text};
use super::links::home_href;
use super::markup_host::{markup, page_links};
use super::not_found::NotFound;
use super::pattern_page::PatternPage;
use super::router::{Location, provide_location};
use super::theme::{Theme, use_theme};
use super::title::set_title;
use crate::markup::{site_footer, site_header};
use crate::route::Route;

/// The whole app: the site header and footer around the page the address
/// names.
#[component]
pub fn App() -> impl IntoView {
    let location = provide_location();
    spread_first_render();
    let theme = use_theme();
    let header = page_links(|links| site_header(links, theme.get_untracked().label()));
    let root = NodeRef::<Div>::new();
    keep_header_in_step(root, location, theme);
    view! {
        <div class="contents" node_ref=root on:click=move |ev| on_header_click(theme, &ev)>
            {markup(header)}
        </div>
        <main id="main" tabindex="-1">
            {match data::catalog() {
                Ok(_) => (move || match location.route.get() {
                    Route::Home => view! { <Home/> }.into_any(),
                    Route::Pattern(slug) => view! { <PatternPage slug/> }.into_any(),
                    Route::NotFound => view! { <NotFound/> }.into_any(),
                })
                .into_any(),
                Err(errors) => view! { <CatalogBroken errors=errors.to_string()/> }.into_any(),
            }}
        </main>
        {latest(|| markup(site_footer()))}
    }
}

/// The brand link is marked as the current page on the home page alone,
/// and the theme toggle says which theme is chosen.
fn keep_header_in_step(root: NodeRef<Div>, location: Location, theme: RwSignal<Theme>) {
    let home = home_href();
    effect(Box::new(move || {
        let current = location.is_current(&home);
        if let Some(brand) = find(root, ".brand") {
            let _ = if current {
                brand.set_attribute("aria-current", "page")
            } else {
                brand.remove_attribute("aria-current")
            };
        }
    }));
    follow_text(root, ".theme-toggle", Box::new(move || theme.get().label().to_owned()));
}

/// The skip link moves focus to the page's content without changing the
/// address (so that the router and the back button never see it); the
/// theme toggle switches to the next theme.
fn on_header_click(theme: RwSignal<Theme>, ev: &MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    if target.closest(".skip-link").ok().flatten().is_some() {
        ev.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|main| main.dyn_into::<HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    } else if target.closest(".theme-toggle").ok().flatten().is_some() {
        theme.update(|t| *t = t.next());
    }
}

/// Shown instead of the site when the embedded catalog is invalid, which
/// the test command rules out for shipped builds.
#[component]
fn CatalogBroken(errors: String) -> impl IntoView {
    set_title("Catalog error · Patterns, forged");
    view! {
        <h1>"The pattern catalog could not be read"</h1>
        <pre class="catalog-errors">{errors}</pre>
    }
}
