//! The Content-Security-Policy end to end (issue 11). The built index.html carries the policy
//! scripts/csp.sh writes (Trunk's post-build hook): only the app's own origin, the inline
//! loader by its sha256, `'wasm-unsafe-eval'`, data:/blob: images, nothing remote. The test
//! opens the page under that policy (a wrong hash would stop the app from starting), then
//! records every `securitypolicyviolation` while it walks through every view — the lazily
//! loaded modules, the compute worker (a 65,536-sample signal), the MNIST lab's data, a chart
//! export, the Tensors view reading a small `.npy` and `.safetensors` made by the test (its
//! bytes decoded and ranked in the worker), the Speed view's bench run to its end with a small
//! `&n=` — and expects none; the browser's console (chromedriver's log) must not mention the
//! policy either (it also hears what the document's listener cannot, such as the worker).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::path::Path;
use std::time::Duration;

use fantoccini::{Client, Locator};
use lowbit_e2e::{browser_log, connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use lowbit_tensors::write::{f32_bytes, npy, safetensors};
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

/// The console's messages about the policy since the last call (and how many were read).
async fn policy_messages(c: &Client) -> Result<(Vec<String>, usize)> {
    let log = browser_log(c).await?;
    let about = log.iter().filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).cloned().collect();
    Ok((about, log.len()))
}

/// Opens a tensor file through the Tensors view's file input and waits for its first tensor
/// (`tensor`, of `rows` listed) to be drawn and ranked.
async fn open_tensor_file(c: &Client, path: &Path, rows: usize, tensor: &str) -> Result<()> {
    c.find(Locator::Css("[data-testid=tensor-file]")).await?.send_keys(&path.display().to_string()).await?;
    let schemes = lowbit_jobs::ranking::ranking_schemes().len();
    let shown = format!("'{tensor}'");
    wait_true(
        c,
        &format!(
            "const s = document.querySelector('[data-testid=tensor-histogram-summary]'); return document.querySelectorAll('[data-testid=tensor-row]').length === {rows} && !!s && s.textContent.includes({shown:?}) && document.querySelectorAll('[data-testid=ranking-row]').length === {schemes}"
        ),
        &format!("{tensor} read and ranked"),
        60,
    )
    .await
}

async fn run(c: &Client, server: &StaticServer, files: &Path) -> Result<()> {
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
    // The Tensors view: a file read in the page, its tensor decoded and ranked in the worker.
    open_view(c, "tensors", "[data-testid=tensor-file]").await?;
    let values: Vec<f32> = (0..512).map(|i| ((i as f32) * 0.37).sin() * 0.05).collect();
    let npy_path = files.join("csp.npy");
    std::fs::write(&npy_path, npy(1, "<f4", false, "(8, 64)", &f32_bytes(&values)))?;
    open_tensor_file(c, &npy_path, 1, "csp.npy").await?;
    let st_path = files.join("csp.safetensors");
    let header = r#"{"a.weight":{"dtype":"F32","shape":[16,32],"data_offsets":[0,2048]},"a.bias":{"dtype":"F32","shape":[4],"data_offsets":[2048,2064]}}"#;
    let mut data = f32_bytes(&values);
    data.extend(f32_bytes(&[0.5, -0.25, 0.125, 1.0]));
    std::fs::write(&st_path, safetensors(header, &data))?;
    open_tensor_file(c, &st_path, 2, "a.weight").await?;
    std::fs::write(screenshot_dir().join("csp-tensors.png"), c.screenshot().await?)?;
    let violations = js(c, "return window.__violations").await?;
    assert_eq!(violations, serde_json::json!([]), "no CSP violation up to the Tensors view");
    // The Speed view's bench, run to its end in the worker (a small n).
    c.goto(&server.url("/?view=bench&n=4096")).await?;
    wait_true(c, "return !!document.querySelector('[data-testid=bench-run]')", "the Speed view", 60).await?;
    assert_eq!(js(c, RECORD).await?, Value::Bool(true));
    c.find(Locator::Css("[data-testid=bench-run]")).await?.click().await?;
    wait_true(
        c,
        "return !document.querySelector('[data-testid=bench-progress]') && document.querySelectorAll('[data-testid=bench-row]').length > 0 && [...document.querySelectorAll('[data-testid=bench-row]')].every(r => Number(r.dataset.elementsPerSecond) > 0)",
        "the bench's rows",
        300,
    )
    .await?;
    let rows = js(c, "return document.querySelectorAll('[data-testid=bench-row]').length").await?;
    println!("the bench ran under the policy: {rows} rows");
    let violations = js(c, "return window.__violations").await?;
    assert_eq!(violations, serde_json::json!([]), "no CSP violation in the bench run");
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
    let (about, read) = policy_messages(c).await?;
    println!("the console: {read} messages in the session, none about the policy");
    assert_eq!(about, Vec::<String>::new(), "the console reports CSP violations");
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
    let files = TempDir::new("lowbit-csp-files");
    let client = connect(&driver, &profile.0, 1200, 900).await;
    let outcome = run(&client, &server, &files.0).await;
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
