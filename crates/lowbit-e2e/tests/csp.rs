//! The Content-Security-Policy end to end (issue 11). The built index.html carries the policy
//! scripts/csp.sh writes (Trunk's post-build hook): only the app's own origin, the inline
//! loader by its sha256, `'wasm-unsafe-eval'`, data:/blob: images, nothing remote. The test
//! opens the page under that policy (a wrong hash would stop the app from starting), then
//! records every `securitypolicyviolation` while it walks through every view — the lazily
//! loaded modules, the compute worker (a 65,536-sample signal), the MNIST lab's data, a chart
//! export — and expects none.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use serde_json::Value;

type Result<T> = TestResult<T>;

/// Waits up to `seconds` for `script` to return true.
async fn wait_true(c: &Client, script: &str, what: &str, seconds: u64) -> Result<()> {
    lowbit_e2e::wait_true(c, script, what, Duration::from_secs(seconds)).await
}

/// The policy of the built page.
fn built_policy() -> String {
    let html = std::fs::read_to_string(repo_root().join("dist/index.html")).expect("dist/index.html");
    let start = html.find("http-equiv=\"Content-Security-Policy\" content=\"").expect("a CSP <meta> in dist/index.html") + 46;
    let end = html[start..].find('"').expect("a closed content attribute") + start;
    html[start..end].to_string()
}

const RECORD: &str = "window.__violations = []; document.addEventListener('securitypolicyviolation', \
     e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); return true;";

async fn open_view(c: &Client, view: &str, ready: &str) -> Result<()> {
    c.find(Locator::Css(&format!("[data-testid=view-nav] [data-view={view}]"))).await?.click().await?;
    wait_true(c, &format!("return !!document.querySelector('{ready}')"), &format!("the {view} view"), 60).await
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?format=float8_e4m3fn&code=0x7e")).await?;
    // The app started under the policy: its inline loader and module were allowed.
    wait_true(c, "const v = document.querySelector('[data-testid=value]'); return !!v && v.dataset.value === '448'", "the explorer", 30).await?;
    assert_eq!(js(c, RECORD).await?, Value::Bool(true));
    open_view(c, "tables", "[data-testid=table-nf4]").await?;
    open_view(c, "signal", "[data-testid=sine-plot][data-drawn]").await?;
    open_view(c, "quantize", "[data-testid=quantize-input]").await?;
    open_view(c, "compare", "[data-testid=number-line]").await?;
    // A chart export: a data: URL download.
    c.find(Locator::Css("[data-testid=export-png][data-export-for=number-line]")).await?.click().await?;
    open_view(c, "block", "[data-testid=block-values]").await?;
    open_view(c, "mnist", "[data-testid=mnist-table] tbody tr").await?;
    open_view(c, "bench", "[data-testid=bench-run]").await?;
    // The compute worker: a signal too large for the main thread.
    c.goto(&server.url("/?view=signal&schemes=nf4,fp4_bnb&samples=65536")).await?;
    assert_eq!(js(c, RECORD).await?, Value::Bool(true));
    wait_true(
        c,
        "const l = document.querySelector('.signal-layout'); return !!l && l.dataset.samples === '65536' && l.dataset.stale !== 'true' && !!document.querySelector('[data-testid=signal-metrics] tr[data-scheme=nf4]')",
        "the worker's signal",
        120,
    )
    .await?;
    let violations = js(c, "return window.__violations").await?;
    assert_eq!(violations, serde_json::json!([]), "no CSP violation");
    let png = c.screenshot().await?;
    std::fs::write(screenshot_dir().join("csp-worker-signal.png"), png)?;
    Ok(())
}

#[test]
fn the_built_page_carries_a_strict_policy() {
    let policy = built_policy();
    println!("Content-Security-Policy: {policy}");
    let directive = |name: &str| {
        policy.split(';').map(str::trim).find(|d| d.split_whitespace().next() == Some(name)).unwrap_or_else(|| panic!("no {name} in {policy}")).to_string()
    };
    assert_eq!(directive("default-src"), "default-src 'self'");
    let script = directive("script-src");
    assert!(script.contains("'wasm-unsafe-eval'") && script.contains("'sha256-"), "{script}");
    assert!(!script.contains("'unsafe-eval'") && !script.contains("'unsafe-inline'"), "{script}");
    assert_eq!(directive("worker-src"), "worker-src 'self'");
    assert_eq!(directive("img-src"), "img-src 'self' data: blob:");
    assert_eq!(directive("object-src"), "object-src 'none'");
    for remote in ["http:", "https:", "*", "//"] {
        assert!(!policy.contains(remote), "nothing remote: {remote} in {policy}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn every_view_runs_under_the_policy() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-csp");
    let client = connect(&driver, &profile.0, 1200, 900).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        if let Ok(png) = client.screenshot().await {
            let _ = std::fs::write(screenshot_dir().join("csp-failure.png"), png);
        }
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
