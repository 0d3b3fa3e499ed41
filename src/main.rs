//! Entry point of the WebAssembly app: installs the panic hook, mounts the
//! app on `<body>` and registers the offline service worker.

#[cfg(feature = "bench")]
mod bench_hooks;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(patterns_forged::ui::App);
    patterns_forged::ui::register_service_worker();
}
