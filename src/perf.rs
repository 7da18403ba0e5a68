//! Timings measured in the browser with `performance.now()`, published as `data-perf-*`
//! attributes on `<html>` so the end-to-end test can read and report them.

/// Milliseconds since the page's navigation started (0 outside a browser).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Publishes a timing as `data-perf-NAME="1.234"` on the document element.
pub fn record(name: &str, milliseconds: f64) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute(&format!("data-perf-{name}"), &format!("{milliseconds:.3}"));
    }
}

/// Runs `work`, recording how long it took as `NAME` ([`record`]), and as a
/// `performance.measure` of that name (seen in the browser's timeline beside the tasks).
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start_mark = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start_mark);
    }
    let started = now();
    let out = work();
    record(name, now() - started);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start_mark);
        p.clear_marks_with_mark_name(&start_mark);
        p.clear_measures_with_measure_name(name);
    }
    out
}

/// Records, as `NAME`, the time from `started` (a [`now`] taken before a state change) until
/// the reactive updates that change queued have run: Leptos runs its effects as tasks on the
/// same queue, so a task spawned after the change runs after all of them.
pub fn record_after_update(name: &'static str, started: f64) {
    leptos::task::spawn_local(async move {
        record(name, now() - started);
    });
}
