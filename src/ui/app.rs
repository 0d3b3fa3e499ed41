//! The app's frame: the router, the page layout (header, main, footer) and
//! the routes. A catalog that fails validation is shown as a message.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use super::base_path::router_base;
use super::data;
use super::home::Home;
use super::links::home_href;
use super::not_found::NotFound;
use super::pattern_page::PatternPage;
use super::theme::ThemeToggle;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href=home_href() attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    "Patterns, forged"
                </A>
                <ThemeToggle/>
            </header>
            <main id="main" tabindex="-1">
                {match data::catalog() {
                    Ok(_) => view! {
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("/") view=Home/>
                            <Route path=path!("/patterns/:slug") view=PatternPage/>
                        </Routes>
                    }
                    .into_any(),
                    Err(errors) => view! { <CatalogBroken errors=errors.to_string()/> }.into_any(),
                }}
            </main>
            <footer class="site-footer">
                <p>"Software-architecture patterns, explained and simulated step by step."</p>
            </footer>
        </Router>
    }
}

/// Shown instead of the site when the embedded catalog is invalid, which
/// the test command rules out for shipped builds.
#[component]
fn CatalogBroken(errors: String) -> impl IntoView {
    view! {
        <Title text="Catalog error · Patterns, forged"/>
        <h1>"The pattern catalog could not be read"</h1>
        <pre class="catalog-errors">{errors}</pre>
    }
}
