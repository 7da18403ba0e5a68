//! The Quantize view on the compute worker, end to end: 1,048,576 numbers pasted into the
//! numbers box (the textarea's value set by script and its `input` event dispatched, as a
//! paste does) are quantized by the worker — the metrics equal the native job's, exact over
//! every value — while the trace table holds a window of rows (never a million), which
//! scrolling moves; the URL leaves the values out (`count=1048576`) with a visible notice;
//! a small input goes back to the main thread. While the big job runs it prints the main
//! thread's long tasks (PerformanceObserver 'longtask') and the largest requestAnimationFrame
//! gap — figures, no timed assertions — and saves a screenshot.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, repo_root, screenshot_dir, Driver, StaticServer, TempDir};
use lowbit_jobs::quantize::{quantize, QuantizeJob, QuantizeOutcome, RunOptions};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// How many numbers are pasted.
const N: usize = 1 << 20;

/// The most trace rows the page may hold (src/features/quantize/window.rs WINDOW_ROWS).
const WINDOW_ROWS: usize = 64;

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

async fn wait_true(c: &Client, script: &str, what: &str, seconds: u64) -> Result<()> {
    let started = Instant::now();
    loop {
        if js(c, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            return Err(format!("timed out waiting for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// The pasted numbers: k / 256 for k in −2000 ..= 2000, exact in f32 and in their decimal
/// form, so the page reads exactly the values computed here.
fn value(i: usize) -> f32 {
    ((i * 7919) % 4001) as f32 / 256.0 - 2000.0 / 256.0
}

/// The same numbers written by the page's JavaScript (`String` of each, joined by ", ").
const PASTE_TEXT: &str = "const parts = new Array(N); for (let i = 0; i < N; i++) parts[i] = String(((i * 7919) % 4001 - 2000) / 256); return parts.join(', ');";

/// Starts recording long tasks and animation-frame gaps on the page (from now on).
const START_MEASURING: &str = r#"
const m = window.__lowbitMeasure = { longtasks: [], longtaskStarts: [], maxGap: 0, frames: 0, measuring: true, since: performance.now() };
try {
  m.observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) { m.longtasks.push(e.duration); m.longtaskStarts.push(e.startTime - m.since); } });
  m.observer.observe({ type: 'longtask' });
} catch (e) { m.unsupported = String(e); }
let last = performance.now();
const frame = (t) => { if (!m.measuring) return; m.frames++; m.maxGap = Math.max(m.maxGap, t - last); last = t; requestAnimationFrame(frame); };
requestAnimationFrame(frame);
return true;
"#;

/// Stops recording; returns [long task durations, largest rAF gap, frames, ms measured, long
/// task starts, [the paste read ms, the worker round trip ms]].
const STOP_MEASURING: &str = r#"
const m = window.__lowbitMeasure;
m.measuring = false;
if (m.observer) { for (const e of m.observer.takeRecords()) { m.longtasks.push(e.duration); m.longtaskStarts.push(e.startTime - m.since); } m.observer.disconnect(); }
const d = document.documentElement.dataset;
return [m.longtasks, m.maxGap, m.frames, performance.now() - m.since, m.longtaskStarts, [d.perfQuantizeReadMs, d.perfQuantizeWorkerMs].map(Number)];
"#;

/// Waits until the view shows a current (not stale) result for `count` values.
async fn wait_result(c: &Client, count: usize, seconds: u64) -> Result<()> {
    let script = format!(
        "const o = document.querySelector('[data-testid=quantize-output]'); return !!o && o.dataset.count === '{count}' && o.dataset.stale === undefined \
         && !document.querySelector('[data-testid=quantize-progress]') && document.querySelectorAll('[data-testid=quantize-trace] tbody tr').length > 0"
    );
    wait_true(c, &script, &format!("the result for {count} values"), seconds).await
}

/// The trace rows in the DOM: (data-index, data-code).
async fn trace_rows(c: &Client) -> Result<Vec<(usize, i64)>> {
    let v = js(c, "return [...document.querySelectorAll('[data-testid=quantize-trace] tbody tr')].map(r => [r.dataset.index, r.dataset.code])").await?;
    Ok(v.as_array()
        .ok_or("trace rows")?
        .iter()
        .map(|r| (r[0].as_str().and_then(|s| s.parse().ok()).unwrap_or(usize::MAX), r[1].as_str().and_then(|s| s.parse().ok()).unwrap_or(i64::MIN)))
        .collect())
}

/// Scrolls the trace's box so that row `row` is at its top (the box maps its scroll range
/// linearly onto rows 0 ..= total − 20), and waits until that row is in the DOM and shows
/// inside the box.
async fn scroll_to_row(c: &Client, row: usize) -> Result<()> {
    js(c, &format!(
        "const w = document.querySelector('[data-testid=quantize-trace-window]'); const total = +w.dataset.total; \
         w.scrollTop = (w.scrollHeight - w.clientHeight) * Math.min({row}, total - 20) / (total - 20); return true"
    ))
    .await?;
    let script = format!(
        "const w = document.querySelector('[data-testid=quantize-trace-window]'); const r = document.querySelector('[data-testid=quantize-trace] tbody tr[data-index=\"{row}\"]'); \
         if (!r) return false; const a = w.getBoundingClientRect(), b = r.getBoundingClientRect(); return b.top >= a.top - 1 && b.bottom <= a.bottom + 1"
    );
    wait_true(c, &script, &format!("trace row {row} in view"), 20).await
}

async fn screenshot(c: &Client, name: &str) -> Result<PathBuf> {
    let png = c.screenshot().await?;
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png)?;
    Ok(path)
}

/// The page's metric named `name` (a `<dt>` of `quantize-metrics`), parsed.
async fn metric(c: &Client, name: &str) -> Result<f64> {
    let v = js(c, &format!("const d = [...document.querySelectorAll('[data-testid=quantize-metrics] div')].find(d => d.querySelector('dt').textContent === '{name}'); return d ? d.querySelector('dd').textContent : null")).await?;
    let text = v.as_str().ok_or(format!("no metric {name}"))?;
    let parsed = text.parse::<f64>().map_err(|e| format!("metric {name} = {text}: {e}"))?;
    Ok(parsed)
}

fn native(values: &[f32]) -> QuantizeOutcome {
    quantize(&QuantizeJob { scheme: "nf4".into(), values: values.to_vec(), options: RunOptions::default() }).expect("native job")
}

async fn scenario(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=quantize&scheme=nf4")).await?;
    c.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css("[data-testid=quantize-input]")).await?;
    wait_result(c, 4, 10).await?;

    // 1. A million numbers pasted: the worker computes, the page stays smooth.
    js(c, &format!("window.__paste = (() => {{ const N = {N}; {PASTE_TEXT} }})(); return window.__paste.length")).await?;
    js(c, START_MEASURING).await?;
    let started = Instant::now();
    // The paste's input event in a task of its own (as a real paste), after this script returns.
    js(c, "setTimeout(() => { const t = document.querySelector('[data-testid=quantize-input]'); t.value = window.__paste; t.dispatchEvent(new Event('input', { bubbles: true })); }, 0); return true").await?;
    wait_true(c, "return !!document.querySelector('[data-testid=quantize-progress]') || document.querySelector('[data-testid=quantize-output]').dataset.count === '1048576'", "progress or result", 30).await?;
    wait_result(c, N, 180).await?;
    let elapsed = started.elapsed().as_secs_f64();
    let m = js(c, STOP_MEASURING).await?;
    let longtasks: Vec<f64> = m[0].as_array().cloned().unwrap_or_default().iter().filter_map(Value::as_f64).collect();
    let starts: Vec<f64> = m[4].as_array().cloned().unwrap_or_default().iter().filter_map(Value::as_f64).collect();
    let page: Vec<f64> = m[5].as_array().cloned().unwrap_or_default().iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect();
    println!("1,048,576 pasted values × nf4: result after {elapsed:.1} s (reading the paste {:.0} ms on the main thread; the worker's round trip {:.0} ms)", page[0], page[1]);
    println!(
        "  main thread from the paste to the result: {} long tasks > 50 ms (max {:.0} ms), largest rAF gap {:.1} ms over {} frames in {:.0} ms",
        longtasks.len(),
        longtasks.iter().copied().fold(0.0, f64::max),
        m[1].as_f64().unwrap_or(f64::NAN),
        m[2].as_u64().unwrap_or(0),
        m[3].as_f64().unwrap_or(f64::NAN)
    );
    let at: Vec<String> = longtasks.iter().zip(&starts).map(|(d, t)| format!("{d:.0} ms at {t:.0} ms")).collect();
    println!("    long tasks: [{}]", at.join(", "));

    // The numbers are the native job's, over every value.
    let values: Vec<f32> = (0..N).map(value).collect();
    let want = native(&values);
    assert_eq!(want.metrics.count, N);
    for (name, page, native) in [("MSE", metric(c, "MSE").await?, want.metrics.mse), ("max |error|", metric(c, "max |error|").await?, want.metrics.max_abs_error), ("SQNR dB", metric(c, "SQNR dB").await?, want.metrics.sqnr_db)] {
        assert!(page == native || ((page - native) / native).abs() < 1e-7, "{name}: page {page} vs native {native}");
        println!("  {name}: {page} (native {native}, over 1,048,576 values)");
    }
    let codes = js(c, "return document.querySelector('[data-testid=quantize-codes]').dataset.codes").await?;
    let codes: Vec<i64> = codes.as_str().unwrap_or("").split(',').map(|c| c.parse().unwrap_or(i64::MIN)).collect();
    assert_eq!(codes[..], want.codes[..codes.len()], "the codes shown");
    assert_eq!(codes.len(), 4096, "the lists show the first 4,096");
    let summary = js(c, "return document.querySelector('[data-testid=quantize-summary]').textContent").await?;
    assert!(summary.as_str().is_some_and(|s| s.contains("1048576 elements")), "{summary}");

    // The URL leaves the values out, and the page says so (the URL is written at most every 100 ms).
    wait_true(c, "return location.search.includes('count=1048576')", "count= in the URL", 10).await?;
    let url = c.current_url().await?.to_string();
    assert!(url.contains("count=1048576") && !url.contains("values="), "{url}");
    let note = js(c, "return document.querySelector('[data-testid=quantize-url-note]').textContent").await?;
    assert!(note.as_str().is_some_and(|n| n.contains("1,048,576") && n.contains("URL")), "{note}");
    println!("  URL: {url} (length {}); notice: {note}", url.len());

    // 2. The trace: a window of rows, never a million; scrolling moves it.
    let total = js(c, "return document.querySelector('[data-testid=quantize-trace-window]').dataset.total").await?;
    assert_eq!(total, Value::String(N.to_string()));
    let rows = trace_rows(c).await?;
    assert!(!rows.is_empty() && rows.len() <= WINDOW_ROWS, "{} rows", rows.len());
    assert_eq!(rows[0], (0, want.codes[0]));
    for (index, code) in &rows {
        assert_eq!(*code, want.codes[*index], "row {index}");
    }
    println!("  trace: {} rows in the DOM of {N}", rows.len());
    for row in [500_000, N - 1, 123_456] {
        let started = Instant::now();
        scroll_to_row(c, row).await?;
        let rows = trace_rows(c).await?;
        assert!(rows.len() <= WINDOW_ROWS, "{} rows after scrolling to {row}", rows.len());
        for (index, code) in &rows {
            assert_eq!(*code, want.codes[*index], "row {index}");
        }
        println!("  scrolled to row {row}: rows {}..={} in the DOM ({} rows), shown after {:.0} ms", rows[0].0, rows[rows.len() - 1].0, rows.len(), started.elapsed().as_secs_f64() * 1000.0);
    }
    scroll_to_row(c, 500_000).await?;
    js(c, "document.querySelector('[data-testid=quantize-metrics]').scrollIntoView({ block: 'start' }); return true").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    println!("screenshot: {}", screenshot(c, "quantize-1m-worker.png").await?.display());

    // 3. A small input again: the main thread, at once; the URL holds the values again.
    js(c, "const t = document.querySelector('[data-testid=quantize-input]'); t.value = '1, 2, 3, 4'; t.dispatchEvent(new Event('input', { bubbles: true })); return true").await?;
    wait_result(c, 4, 10).await?;
    assert_eq!(trace_rows(c).await?.len(), 4);
    assert_eq!(js(c, "return !!document.querySelector('[data-testid=quantize-url-note]')").await?, Value::Bool(false));
    // The URL is written at most every 100 ms (browsers throttle history updates): wait for it.
    wait_true(c, "return location.search.includes('values=1,2,3,4') && !location.search.includes('count=')", "the values back in the URL", 10).await?;
    let url = c.current_url().await?.to_string();
    assert!(url.contains("values=1,2,3,4") && !url.contains("count="), "{url}");
    println!("back to 4 values: main thread, URL {url}");
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn quantize_view_in_the_compute_worker() {
    let dist = repo_root().join("dist");
    assert!(dist.join("lowbit-worker_loader.js").is_file(), "no worker in dist/: run `trunk build --release` first");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-quantize-worker");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(300)), Some(Duration::from_secs(60)), Some(Duration::ZERO));
    let outcome = match client.update_timeouts(timeouts).await {
        Ok(()) => scenario(&client, &server).await,
        Err(e) => Err(e.into()),
    };
    if outcome.is_err() {
        let _ = screenshot(&client, "quantize-worker-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
