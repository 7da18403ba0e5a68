//! Embedding and sharing end to end (issue 11): the share dialog's link and `<iframe>`
//! snippet, the snippet pasted into a host page served by this test from another origin, the
//! app inside that 320 × 240 frame (no header, navigation or footer; `data-embed="true"`; the
//! value visible without scrolling; edits replace the frame's history entry and never push
//! one onto the host's history), every lazily loaded view embedded likewise (its module loads
//! and the view mounts), and `present=1`. Screenshots: tests/screenshots/embed-host.png,
//! embed-signal.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, repo_root, screenshot_dir, Driver, StaticServer, TempDir};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

async fn find(c: &Client, id: &str) -> Result<Element> {
    Ok(c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&testid(id))).await?)
}

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

async fn wait_true(c: &Client, script: &str, what: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        if js(c, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("timed out waiting for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Opens the share dialog on `path` and returns (link, snippet).
async fn share(c: &Client, server: &StaticServer, path: &str) -> Result<(String, String)> {
    c.goto(&server.url(path)).await?;
    find(c, "share").await?.click().await?;
    wait_true(c, "return document.querySelector('[data-testid=share-dialog]').open", "the dialog open").await?;
    let link = js(c, "return document.querySelector('[data-testid=share-link]').value").await?;
    let snippet = js(c, "const t = document.querySelector('[data-testid=embed-snippet]'); return t.tagName === 'TEXTAREA' ? t.value : null").await?;
    Ok((link.as_str().unwrap_or_default().to_string(), snippet.as_str().ok_or("the snippet is a <textarea>")?.to_string()))
}

async fn run(c: &Client, server: &StaticServer, host_dir: &TempDir, host: &StaticServer) -> Result<()> {
    // The link and the snippet of the current state.
    let (link, snippet) = share(c, server, "/?view=compare&formats=float8_e4m3fn,nf4&value=2.5").await?;
    assert_eq!(link, server.url("/?view=compare&formats=float8_e4m3fn,nf4&value=2.5"));
    assert!(snippet.starts_with(&format!("<iframe src=\"{}", server.url("/?view=compare"))), "{snippet}");
    assert!(snippet.contains("&amp;embed=1\"") && snippet.ends_with("></iframe>"), "{snippet}");
    println!("share snippet: {snippet}");

    // The explorer's snippet, pasted into a host page on another origin, in a 320 × 240 frame.
    let (_, snippet) = share(c, server, "/?format=float8_e4m3fn&code=0x7e").await?;
    let framed = snippet.replace("width=\"100%\" height=\"480\"", "width=\"320\" height=\"240\"");
    assert_ne!(framed, snippet, "the snippet sets width and height: {snippet}");
    let page = format!("<!doctype html><html><head><meta charset=\"utf-8\"><title>Host page</title></head><body style=\"font-family: sans-serif\"><h1>A lecture</h1><p>E4M3's largest value:</p>{framed}<p>The end.</p></body></html>");
    std::fs::write(host_dir.0.join("host.html"), page)?;
    c.goto(&host.url("/host.html")).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("iframe")).await?;
    let before = js(c, "return history.length").await?;
    c.enter_frame(0).await?;
    find(c, "value").await?;
    wait_true(c, "return document.querySelector('[data-testid=value]').dataset.value === '448'", "448 in the frame").await?;
    assert_eq!(js(c, "return document.documentElement.dataset.embed").await?, "true");
    assert_eq!(js(c, "return document.querySelector('.app').dataset.embed").await?, "true");
    assert_eq!(js(c, "return document.querySelectorAll('header, nav, footer, [data-testid=view-nav], [data-testid=share]').length").await?, 0);
    assert_eq!(js(c, "return [innerWidth, innerHeight]").await?, serde_json::json!([320, 240]));
    let bottom = js(c, "return document.querySelector('[data-testid=value]').getBoundingClientRect().bottom").await?.as_f64().unwrap_or(1e9);
    if bottom > 240.0 {
        return Err(format!("the value read-out ends at {bottom} px, below the 240 px frame").into());
    }
    assert_eq!(js(c, "return scrollY").await?, 0);
    // An edit inside the frame replaces its entry: the host's history does not grow.
    find(c, "bit-0").await?.click().await?;
    wait_true(c, "return location.search.includes('code=0x7f') && location.search.includes('embed=1')", "the frame's URL updated").await?;
    find(c, "bit-1").await?.click().await?;
    wait_true(c, "return location.search.includes('code=0x7d')", "the second edit in the URL").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(js(c, "return history.length").await?, before, "history grew inside the frame");
    // (Clicking scrolled the bits into view; the screenshot shows the frame as a reader sees it.)
    js(c, "scrollTo(0, 0); return true").await?;
    c.enter_parent_frame().await?;
    assert_eq!(js(c, "return history.length").await?, before, "the host's history grew");
    assert_eq!(js(c, "return location.pathname").await?, "/host.html");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let path = screenshot_dir().join("embed-host.png");
    std::fs::write(&path, c.screenshot().await?)?;
    println!("iframe 320×240 on a host page: value visible (bottom {bottom} px), history length {before} kept; screenshot: {}", path.display());

    // Every lazily loaded view embeds too: in a 320 × 240 frame of the host page, its module
    // loads and the view mounts (`lazy-view` ready), with no header, navigation or footer.
    // (Until this check, a reactive value disposed while the page settled panicked in embed
    // mode and left every such view on "Loading…".)
    let mut shown = Vec::new();
    for view in ["signal", "quantize", "compare", "mnist", "block", "bench", "tensors"] {
        let frame = format!("<iframe src=\"{}\" width=\"320\" height=\"240\" title=\"Lowbit\"></iframe>", server.url(&format!("/?view={view}&embed=1")));
        let page = format!("<!doctype html><html><head><meta charset=\"utf-8\"><title>Host page</title></head><body>{frame}</body></html>");
        std::fs::write(host_dir.0.join(format!("host-{view}.html")), page)?;
        c.goto(&host.url(&format!("/host-{view}.html"))).await?;
        c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("iframe")).await?;
        c.enter_frame(0).await?;
        let started = Instant::now();
        loop {
            let state = js(c, "const v = document.querySelector('[data-testid=lazy-view]'); return v ? v.dataset.state : null").await?;
            if state == "ready" {
                break;
            }
            if state == "failed" || started.elapsed() > Duration::from_secs(60) {
                return Err(format!("the embedded {view} view did not load (state {state})").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(js(c, "return document.documentElement.dataset.embed").await?, "true", "{view}");
        assert_eq!(js(c, "return document.querySelectorAll('header, nav, footer, [data-testid=view-nav], [data-testid=share]').length").await?, 0, "{view}");
        if view == "signal" {
            std::fs::write(screenshot_dir().join("embed-signal.png"), c.screenshot().await?)?;
        }
        c.enter_parent_frame().await?;
        shown.push(view);
    }
    println!("embedded in a 320×240 frame, loaded and mounted: {}", shown.join(", "));

    // Outside a frame, edits still push entries; present=1 marks the root.
    c.goto(&server.url("/?format=float8_e4m3fn&code=0x7e&present=1")).await?;
    find(c, "value").await?;
    assert_eq!(js(c, "return document.documentElement.dataset.present").await?, "true");
    assert_eq!(js(c, "return document.querySelectorAll('header').length").await?, 1);
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn embed_and_share_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let host_dir = TempDir::new("lowbit-host-page");
    let host = StaticServer::start(host_dir.0.clone()).expect("host server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-embed");
    let client = connect(&driver, &profile.0, 1000, 800).await;
    let outcome = run(&client, &server, &host_dir, &host).await;
    if outcome.is_err() {
        let _ = client.enter_parent_frame().await;
        if let Ok(png) = client.screenshot().await {
            let _ = std::fs::write(screenshot_dir().join("embed-failure.png"), png);
        }
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
