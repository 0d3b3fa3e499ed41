//! Offline use: registers the service worker `sw.js` that the release build
//! writes next to `index.html` (see `scripts/post-build.mjs`). The relative
//! URL is resolved against the page's `<base href>`, so the worker and its
//! scope are the site's base path, at `/` or under a sub-path, whatever the
//! path the app was opened at. Browsers without service workers (or pages on
//! an insecure origin, where `navigator.serviceWorker` is missing) are left
//! alone; a refused registration is only a warning, as the app works without.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};

/// The worker's script, relative to `<base href>`.
const SCRIPT: &str = "sw.js";

/// Starts registering the service worker, once, at start-up.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container: JsValue = window.navigator().service_worker().into();
    if container.is_undefined() || container.is_null() {
        return;
    }
    let registration = container
        .unchecked_into::<web_sys::ServiceWorkerContainer>()
        .register(SCRIPT);
    spawn_local(async move {
        if let Err(reason) = JsFuture::from(registration).await {
            leptos::logging::warn!("offline use is unavailable: the service worker was not registered: {reason:?}");
        }
    });
}
