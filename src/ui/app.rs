//! The app's frame: the location, the page layout (header, main, footer)
//! and the page each route shows. A catalog that fails validation is shown
//! as a message.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data;
use super::first_render::{latest, spread_first_render};
use super::home::Home;
use super::links::home_href;
use super::not_found::NotFound;
use super::pattern_page::PatternPage;
use super::router::{nav_link, provide_location};
use super::theme::ThemeToggle;
use super::title::set_title;
use crate::route::Route;

/// The whole app. index.html's static first paint repeats its header (and
/// the home page's intro): change them together (tests/e2e/shell.test.mjs).
#[component]
pub fn App() -> impl IntoView {
    let location = provide_location();
    spread_first_render();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="site-header">
            {nav_link(
                home_href(),
                Some("brand"),
                view! { <span class="brand-mark" aria-hidden="true">"◆"</span> "Patterns, forged" },
            )}
            <ThemeToggle/>
        </header>
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
        {latest(|| view! {
            <footer class="site-footer">
                <p>"Software-architecture patterns, explained and simulated step by step."</p>
            </footer>
        })}
    }
}

/// Moves focus to `<main>` in place: with `<base href>` in the page, the
/// link's `#main` would otherwise resolve to the home page's address.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
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
