//! "Copy link to this step": puts the page's current address (which the
//! player keeps in step with what it shows) on the clipboard and says
//! whether that worked.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The button and its visible result.
#[component]
pub fn CopyLink() -> impl IntoView {
    let message = RwSignal::new(String::new());
    let copy = move |_| {
        let window = window();
        let Ok(url) = window.location().href() else {
            message.set("Could not read this page's address.".into());
            return;
        };
        let promise = window.navigator().clipboard().write_text(&url);
        leptos::task::spawn_local(async move {
            let text = match JsFuture::from(promise).await {
                Ok(_) => "Link copied".to_owned(),
                Err(_) => format!("Could not copy the link; here it is: {url}"),
            };
            message.try_set(text);
        });
    };
    view! {
        <div class="sim-copy">
            <button type="button" on:click=copy>"Copy link to this step"</button>
            <span class="sim-copy-result" role="status">{move || message.get()}</span>
        </div>
    }
}
