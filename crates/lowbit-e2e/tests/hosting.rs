//! Hosting and history, end to end: the built `dist/` served under a path prefix (`/lowbit/`,
//! gzip on, as a real server), every view there (screenshots), Back/Forward through view
//! switches and edits, typing that coalesces into one history entry, a refused input that
//! leaves the URL alone and the result marked stale, the static message of a `dist/` opened
//! from disk, and the first load of the issue's URL on a throttled network (reported).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, repo_root, screenshot_dir, Driver, NetworkConditions, ServeOptions, StaticServer, TempDir};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const PREFIX: &str = "/lowbit/";

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

/// Polls a script until it returns `true`.
async fn wait_true(c: &Client, script: &str, what: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        if js(c, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(10) {
            let url = c.current_url().await?;
            return Err(format!("timed out waiting for {what} (at {url})").into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Waits until the page's URL (path and query) contains every part.
async fn wait_url(c: &Client, parts: &[&str]) -> Result<()> {
    let started = Instant::now();
    loop {
        let url = c.current_url().await?.to_string();
        if parts.iter().all(|p| url.contains(p)) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(5) {
            return Err(format!("URL never contained {parts:?}: {url}").into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn value(c: &Client) -> Result<String> {
    Ok(js(c, "const e = document.querySelector('[data-testid=value]'); return e ? e.dataset.value : null").await?.as_str().unwrap_or_default().to_string())
}

async fn present(c: &Client, selector: &str) -> Result<bool> {
    Ok(!c.find_all(Locator::Css(selector)).await?.is_empty())
}

async fn history_length(c: &Client) -> Result<u64> {
    Ok(js(c, "return history.length").await?.as_u64().unwrap_or(0))
}

async fn click(c: &Client, selector: &str) -> Result<()> {
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(selector)).await?.click().await?;
    Ok(())
}

/// Sizes the window to the page and saves a PNG.
async fn screenshot(c: &Client, name: &str) -> Result<std::path::PathBuf> {
    let height = js(c, "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)").await?.as_f64().unwrap_or(1000.0) as u32;
    c.set_window_size(1280, height.clamp(600, 4000)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = c.screenshot().await?;
    let path = screenshot_dir().join(name);
    std::fs::write(&path, png)?;
    c.set_window_size(1280, 1000).await?;
    Ok(path)
}

/// Waits past the history burst window, so the next change is a new entry.
async fn settle() {
    tokio::time::sleep(Duration::from_millis(900)).await;
}

async fn subpath_and_history(c: &Client, server: &StaticServer) -> Result<()> {
    // Every view works under /lowbit/ (relative asset URLs); the static message is gone.
    c.goto(&server.url(&format!("{PREFIX}?format=float8_e4m3fn&code=0x7e"))).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=value]'); return !!e && e.dataset.value === '448'", "448 under /lowbit/").await?;
    assert!(!present(c, "#no-app").await?, "the app removes the static message when it mounts");
    let mut shots = vec![screenshot(c, "lowbit-subpath-explorer.png").await?];
    let start = history_length(c).await?;

    // View switches push entries; Back and Forward walk them, restoring each view from its URL.
    settle().await;
    click(c, "[data-testid=view-nav] [data-view=tables]").await?;
    wait_url(c, &[PREFIX, "view=tables"]).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&testid("table-float8_e4m3fn"))).await?;
    shots.push(screenshot(c, "lowbit-subpath-tables.png").await?);
    click(c, "[data-testid=view-nav] [data-view=signal]").await?;
    wait_url(c, &[PREFIX, "view=signal", "schemes=nf4,fp4_bnb"]).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=sine-plot]'); return !!e && +e.dataset.drawn >= 1", "the signal chart").await?;
    shots.push(screenshot(c, "lowbit-subpath-signal.png").await?);
    assert_eq!(history_length(c).await?, start + 2, "one entry per view switch");

    c.back().await?;
    wait_url(c, &["view=tables"]).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&testid("table-float8_e4m3fn"))).await?;
    c.back().await?;
    wait_url(c, &["view=explorer", "code=0x7e"]).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=value]'); return !!e && e.dataset.value === '448'", "448 after Back").await?;
    c.forward().await?;
    wait_url(c, &["view=tables"]).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&testid("tables"))).await?;
    c.back().await?;
    wait_url(c, &["view=explorer"]).await?;

    // An edit is an entry too: bit 0 makes 448 NaN; Back brings 448 back.
    settle().await;
    click(c, &testid("bit-0")).await?;
    wait_url(c, &["code=0x7f"]).await?;
    assert_eq!(value(c).await?, "NaN");
    c.back().await?;
    wait_url(c, &["code=0x7e"]).await?;
    wait_true(c, "return document.querySelector('[data-testid=value]').dataset.value === '448'", "448 restored by Back").await?;
    c.forward().await?;
    wait_true(c, "return document.querySelector('[data-testid=value]').dataset.value === 'NaN'", "NaN restored by Forward").await?;
    println!("history under {PREFIX}: view switches and a bit edit walk back and forth");

    // A view from the module loaded on demand (lowbit-lab.js, resolved under /lowbit/): its
    // changes reach the URL, and Back reaches the view.
    c.goto(&server.url(&format!("{PREFIX}?view=mnist&scheme=nf4&sample=4"))).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=lazy-view]'); return !!e && e.dataset.state === 'ready' && !!document.querySelector('[data-testid=mnist-sample-input]')", "the MNIST lab under /lowbit/").await?;
    settle().await;
    js(c, "const box = document.querySelector('[data-testid=mnist-sample-input]'); box.value = '7'; box.dispatchEvent(new Event('change', {bubbles: true})); return true").await?;
    wait_url(c, &[PREFIX, "view=mnist", "sample=7"]).await?;
    c.back().await?;
    wait_url(c, &["view=mnist", "sample=4"]).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=mnist-sample]'); return !!e && e.dataset.sample === '4'", "sample 4 restored by Back in the lazily loaded view").await?;
    println!("history under {PREFIX}: the lazily loaded MNIST view reports its state and is restored by Back");

    // Quantize: typing is one entry; a refused input keeps the URL and marks the result stale.
    c.goto(&server.url(&format!("{PREFIX}?view=quantize&scheme=fp4_bnb&values=1,2,3,4"))).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=quantize-packed]'); return !!e && e.dataset.bytes === '117,35'", "the bnb example").await?;
    settle().await;
    let before = history_length(c).await?;
    js(
        c,
        "const box = document.querySelector('[data-testid=quantize-input]');
         for (const text of ['1', '1,', '1, 2', '1, 2, 3', '1, 2, 3, 64']) {
           box.value = text; box.dispatchEvent(new Event('input', {bubbles: true}));
         }
         return true",
    )
    .await?;
    wait_url(c, &["values=1,2,3,64"]).await?;
    settle().await;
    assert_eq!(history_length(c).await?, before + 1, "typing is one history entry");
    js(c, "const box = document.querySelector('[data-testid=quantize-input]'); box.value = '1,2.3.4'; box.dispatchEvent(new Event('input', {bubbles: true})); return true").await?;
    wait_true(c, "return !!document.querySelector('[data-testid=quantize-input-error]')", "the inline error").await?;
    let error = js(c, "return document.querySelector('[data-testid=quantize-input-error]').textContent").await?;
    assert!(error.as_str().unwrap_or_default().contains("2.3.4"), "{error}");
    assert_eq!(js(c, "return document.querySelector('[data-testid=quantize-output]').dataset.stale").await?, Value::from("true"));
    assert!(present(c, &testid("stale-note")).await?);
    settle().await;
    let url = c.current_url().await?.to_string();
    assert!(url.contains("values=1,2,3,64") && !url.contains("2.3"), "the URL keeps the accepted input: {url}");
    shots.push(screenshot(c, "lowbit-subpath-quantize-stale.png").await?);
    c.back().await?;
    wait_url(c, &["values=1,2,3,4"]).await?;
    wait_true(c, "const e = document.querySelector('[data-testid=quantize-packed]'); return !!e && e.dataset.bytes === '117,35' && !document.querySelector('[data-stale]')", "the example restored by Back").await?;
    assert_eq!(
        js(c, "return document.querySelector('[data-testid=quantize-input]').value").await?,
        Value::from("1, 2, 3, 4"),
        "Back restores the text box too"
    );
    shots.push(screenshot(c, "lowbit-subpath-quantize.png").await?);
    for s in shots {
        println!("screenshot: {}", s.display());
    }
    Ok(())
}

/// A `dist/` opened from disk: Chromium refuses the module script, the static message stays.
async fn opened_from_disk(c: &Client) -> Result<()> {
    let index = repo_root().join("dist/index.html");
    c.goto(&format!("file://{}", index.display())).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let text = js(c, "const e = document.getElementById('no-app'); return e ? e.textContent : ''").await?;
    assert!(text.as_str().unwrap_or_default().contains("static server"), "the message for file:// stays: {text}");
    let shot = screenshot(c, "lowbit-file-url.png").await?;
    println!("opened from disk: the static message stays ({})", shot.display());
    Ok(())
}

/// The issue's URL on a throttled network (1.6 Mbit/s down, 150 ms latency), served gzip.
async fn throttled_first_load(driver: &Driver, server: &StaticServer) -> Result<()> {
    let profile = TempDir::new("lowbit-chromium-throttled");
    let c = connect(driver, &profile.0, 1280, 1000).await;
    let outcome: Result<()> = async {
        c.issue_cmd(NetworkConditions { latency_ms: 150, download_bytes_per_s: 200_000, upload_bytes_per_s: 93_750 }).await?;
        let started = Instant::now();
        c.goto(&server.url(&format!("{PREFIX}?format=float8_e4m3fn&code=0x7e"))).await?;
        loop {
            if value(&c).await? == "448" {
                break;
            }
            if started.elapsed() > Duration::from_secs(60) {
                return Err("448 never showed on the throttled network".into());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let wall = started.elapsed().as_secs_f64();
        let in_page = js(&c, "return +document.documentElement.getAttribute('data-perf-first-render-ms')").await?.as_f64().unwrap_or(f64::NAN);
        let bytes = js(&c, "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).reduce((n, e) => n + (e.transferSize || 0), 0)").await?;
        println!(
            "throttled first load (1.6 Mbit/s, 150 ms latency, gzip) of ?format=float8_e4m3fn&code=0x7e: \
             448 shown {in_page:.0} ms after navigation start (performance.now), {wall:.2} s wall clock from goto; \
             {bytes} bytes transferred (goal ≤ 3 s)"
        );
        Ok(())
    }
    .await;
    let _ = c.close().await;
    outcome
}

#[tokio::test(flavor = "current_thread")]
async fn hosting_history_and_throttled_load() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start_with(dist, ServeOptions { prefix: PREFIX.into(), gzip: true }).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-hosting");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let mut outcome = subpath_and_history(&client, &server).await;
    if outcome.is_err() {
        let _ = screenshot(&client, "hosting-failure.png").await;
    } else {
        outcome = opened_from_disk(&client).await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
    if let Err(e) = throttled_first_load(&driver, &server).await {
        panic!("{e}");
    }
}
