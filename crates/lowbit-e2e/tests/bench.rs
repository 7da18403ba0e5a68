//! The Speed view (`?view=bench`) end to end: the bench runs in the compute worker of the
//! page, with a progress bar; Cancel stops it; the rows of e4m3fn encode, NF4 (block 64) and
//! MXFP4 quantize carry their elements per second beside the native figures, and the
//! WASM/native ratios are printed, with a summary of every row's (no timed assertions).
//! `LOWBIT_BENCH_VIEW_N` sets the elements per operation (default: the view's, 16 Mi — the
//! issue's figure; smaller runs end before V8 has swapped its optimised code into the worker's
//! kernels, so they understate WebAssembly's speed).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use lowbit_jobs::native_bench::MEASURED_ON;
use serde_json::Value;

type Result<T> = TestResult<T>;

/// Waits up to `seconds` for `script` to return true.
async fn wait_true(c: &Client, script: &str, what: &str, seconds: u64) -> Result<()> {
    lowbit_e2e::wait_true(c, script, what, Duration::from_secs(seconds)).await
}

async fn click(c: &Client, testid: &str) -> Result<()> {
    let e = c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&format!("[data-testid=\"{testid}\"]"))).await?;
    e.click().await?;
    Ok(())
}

async fn scenario(c: &Client, server: &StaticServer) -> Result<()> {
    // Cancel: a long run stops, says so, and leaves no progress bar.
    c.goto(&server.url("/?view=bench&n=16777216")).await?;
    click(c, "bench-run").await?;
    wait_true(c, "return !!document.querySelector('[data-testid=bench-progress]')", "the progress bar", 10).await?;
    click(c, "bench-progress-cancel").await?;
    wait_true(c, "return !document.querySelector('[data-testid=bench-progress]') && !!document.querySelector('[data-testid=bench-error]')", "the cancelled run", 10).await?;
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=bench-row]').length").await?, Value::from(0));

    // A run to the end.
    let n: usize = std::env::var("LOWBIT_BENCH_VIEW_N").ok().and_then(|s| s.parse().ok()).unwrap_or(1 << 24);
    c.goto(&server.url(&format!("/?view=bench&n={n}"))).await?;
    click(c, "bench-run").await?;
    let started = Instant::now();
    let mut progress_seen = 0;
    loop {
        let v = js(c, "const p = document.querySelector('[data-testid=bench-progress]'); return [p ? +p.dataset.done : -1, document.querySelectorAll('[data-testid=bench-row]').length]").await?;
        if v[0].as_i64().unwrap_or(-1) > 0 {
            progress_seen += 1;
        }
        if v[1].as_u64().unwrap_or(0) > 0 && v[0].as_i64() == Some(-1) {
            break;
        }
        if started.elapsed() > Duration::from_secs(600) {
            return Err("the bench never finished".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let seconds = started.elapsed().as_secs_f64();
    let rows = js(
        c,
        "return [...document.querySelectorAll('[data-testid=bench-row]')].map(r => [r.dataset.op, r.dataset.scheme || r.dataset.format, +r.dataset.elementsPerSecond, +(r.dataset.nativeElementsPerSecond || NaN), !!r.dataset.scheme])",
    )
    .await?;
    let rows = rows.as_array().ok_or("rows")?;
    println!("Speed view, n = {n}: {} rows in {seconds:.1} s ({progress_seen} polls saw progress); native: {MEASURED_ON}", rows.len());
    println!("  {:<11} {:<16} {:>12} {:>12} {:>7}", "op", "format/scheme", "WASM M/s", "native M/s", "ratio");
    for (op, subject, is_scheme) in [("encode", "float8_e4m3fn", false), ("quantize", "nf4", true), ("quantize", "mxfp4", true)] {
        let row = rows.iter().find(|r| r[0] == op && r[1] == subject).ok_or(format!("no row {op} {subject}"))?;
        let (wasm, native) = (row[2].as_f64().unwrap_or(f64::NAN), row[3].as_f64().unwrap_or(f64::NAN));
        assert!(wasm > 0.0 && wasm.is_finite(), "{op} {subject}: {row}");
        assert!(native > 0.0, "{op} {subject} has a native figure");
        assert_eq!(row[4], Value::Bool(is_scheme), "{op} {subject}: data-scheme for schemes, data-format for formats");
        println!("  {:<11} {:<16} {:>12.1} {:>12.1} {:>7.2}", op, subject, wasm / 1e6, native / 1e6, wasm / native);
    }
    // Every row with a native figure, summarised: the spread of WASM/native, and the slowest.
    let mut ratios: Vec<(f64, String)> = rows
        .iter()
        .filter_map(|r| {
            let ratio = r[2].as_f64()? / r[3].as_f64().filter(|n| *n > 0.0)?;
            Some((ratio, format!("{} {}", r[0].as_str()?, r[1].as_str()?)))
        })
        .collect();
    ratios.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let (Some(low), Some(high)) = (ratios.first(), ratios.last()) {
        let median = ratios[ratios.len() / 2].0;
        let over_half = ratios.iter().filter(|(r, _)| *r >= 0.5).count();
        println!(
            "  all {} rows with a native figure: WASM/native from {:.2} ({}) to {:.2} ({}), median {median:.2}; {over_half} at 0.5 or more",
            ratios.len(),
            low.0,
            low.1,
            high.0,
            high.1
        );
        let slowest: Vec<String> = ratios.iter().take(8).map(|(r, name)| format!("{name} {r:.2}")).collect();
        println!("  the slowest: {}", slowest.join(", "));
    }
    let block = js(c, "return [...document.querySelectorAll('[data-testid=bench-row][data-scheme=nf4]')].map(r => r.children[2].textContent)").await?;
    assert_eq!(block, serde_json::json!(["64", "64"]), "NF4 rows are block 64");
    let png = c.screenshot().await?;
    let path = screenshot_dir().join("bench-view.png");
    std::fs::write(&path, png)?;
    println!("screenshot: {}", path.display());
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn speed_view_runs_the_bench_in_the_worker() {
    let dist = repo_root().join("dist");
    assert!(dist.join("lowbit-worker_loader.js").is_file(), "no worker in dist/: run `trunk build --release` first");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-bench");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(300)), Some(Duration::from_secs(60)), Some(Duration::ZERO));
    let outcome = match client.update_timeouts(timeouts).await {
        Ok(()) => scenario(&client, &server).await,
        Err(e) => Err(e.into()),
    };
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
