//! Entry point of the WebAssembly app: installs the panic hook, replaces
//! index.html's static first paint with the app mounted on `<body>`, and
//! registers the offline service worker.

#[cfg(feature = "bench")]
mod bench_hooks;

fn main() {
    console_error_panic_hook::set_once();
    patterns_forged::ui::start_after_shell(|| {
        leptos::mount::mount_to_body(patterns_forged::ui::App);
        patterns_forged::ui::register_service_worker();
    });
}
