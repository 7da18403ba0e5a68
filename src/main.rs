//! Mounts the app on the page and records how long the first render took.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let started = lowbit_app::perf::now();
    // The page's static message for a dist/ opened from disk (no app there): the app runs.
    if let Some(message) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("no-app")) {
        message.remove();
    }
    leptos::mount::mount_to_body(lowbit_app::App);
    let done = lowbit_app::perf::now();
    // Time spent building the page, and time since navigation start (fetching and compiling
    // the module included).
    lowbit_app::perf::record("mount-ms", done - started);
    lowbit_app::perf::record("first-render-ms", done);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lowbit-app runs in the browser: `bash scripts/serve.sh`, then open http://127.0.0.1:8080");
    std::process::exit(2);
}
