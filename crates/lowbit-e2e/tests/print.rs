//! Printing (issue 11: "printing a view prints its content without controls"), with the print
//! media emulated through DevTools (`Emulation.setEmulatedMedia`): the explorer in the dark
//! theme prints its content — the bits, the value, the limits' values — without the header,
//! the navigation, the share, export, jump and encode buttons or the inputs; the page turns
//! light for paper (`<html data-theme>`), a chart redraws on white and back to dark after;
//! Chromium prints the page to a PDF. Screenshot: tests/screenshots/print-explorer.png (the
//! print layout, as emulated on screen).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::Client;
use lowbit_charts::ChartTheme;
use lowbit_e2e::{canvas_corner, cdp, chart_background, connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use serde_json::{json, Value};

type Result<T> = TestResult<T>;

async fn wait_true(c: &Client, script: &str, what: &str) -> Result<()> {
    lowbit_e2e::wait_true(c, script, what, Duration::from_secs(20)).await
}

async fn save(c: &Client, name: &str) -> Result<()> {
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    println!("screenshot: {}", path.display());
    Ok(())
}

async fn print_media(c: &Client, on: bool) -> Result<()> {
    cdp(c, "Emulation.setEmulatedMedia", json!({ "media": if on { "print" } else { "" } })).await?;
    Ok(())
}

/// How many elements match `selector`, and how many of them are displayed (they or an
/// ancestor not `display: none`).
async fn shown(c: &Client, selector: &str) -> Result<(u64, u64)> {
    let v = c
        .execute(
            "const all = [...document.querySelectorAll(arguments[0])]; \
             return [all.length, all.filter(e => e.getClientRects().length > 0).length];",
            vec![Value::from(selector)],
        )
        .await?;
    Ok((v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0)))
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?format=float8_e4m3fn&code=126&theme=dark")).await?;
    wait_true(c, "return !!document.querySelector('[data-testid=value]') && document.documentElement.dataset.theme === 'dark'", "the explorer, dark").await?;
    print_media(c, true).await?;
    wait_true(c, "return matchMedia('print').matches", "print media").await?;
    wait_true(c, "return document.documentElement.dataset.theme === 'light'", "light for paper").await?;

    // Content stays: every bit, the value, the limits' values.
    let (bits, bits_shown) = shown(c, "[data-testid^=bit-]").await?;
    assert!(bits == 8 && bits_shown == 8, "the 8 bits print ({bits_shown} of {bits} shown)");
    assert_eq!(shown(c, "[data-testid=value]").await?.1, 1, "the value prints");
    let (limits, limits_shown) = shown(c, "[data-testid=limits-card] button").await?;
    assert!(limits > 0 && limits_shown == limits, "the limits' values print ({limits_shown} of {limits})");
    // Controls go.
    for control in ["[data-testid=view-nav]", "[data-testid=share]", "[data-testid^=export-]", "[data-testid=jumps]", "[data-testid=encode-button]", ".encode-card", "input", "select"] {
        let (n, n_shown) = shown(c, control).await?;
        assert_eq!(n_shown, 0, "{control}: {n_shown} of {n} still shown in print");
    }
    save(c, "print-explorer.png").await?;

    // Chromium prints it (a PDF: base64 of "%PDF-").
    let pdf = cdp(c, "Page.printToPDF", json!({})).await?;
    let data = pdf["data"].as_str().unwrap_or_default();
    assert!(data.starts_with("JVBERi0") && data.len() > 1000, "a PDF ({} base64 characters)", data.len());
    print_media(c, false).await?;
    wait_true(c, "return document.documentElement.dataset.theme === 'dark'", "dark again after printing").await?;

    // A chart (the lazily loaded Signal view) redraws on white for paper, and dark after.
    c.goto(&server.url("/?view=signal&theme=dark")).await?;
    // How many times the chart has drawn (an expression).
    let drawn = "+(document.querySelector('[data-testid=sine-plot]')?.dataset.drawn ?? 0)";
    wait_true(c, &format!("return {drawn} >= 1"), "the signal chart").await?;
    assert_eq!(canvas_corner(c, "[data-testid=sine-plot]").await?, chart_background(ChartTheme::Dark));
    let before = js(c, &format!("return {drawn}")).await?.as_u64().unwrap_or(0);
    print_media(c, true).await?;
    wait_true(c, &format!("return {drawn} > {before}"), "a redraw for paper").await?;
    assert_eq!(canvas_corner(c, "[data-testid=sine-plot]").await?, chart_background(ChartTheme::Light), "the chart prints on white");
    let printed = js(c, &format!("return {drawn}")).await?.as_u64().unwrap_or(0);
    print_media(c, false).await?;
    wait_true(c, &format!("return {drawn} > {printed}"), "a redraw after printing").await?;
    assert_eq!(canvas_corner(c, "[data-testid=sine-plot]").await?, chart_background(ChartTheme::Dark), "dark again after printing");
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn printing_keeps_the_content_and_drops_the_controls() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-print");
    let client = connect(&driver, &profile.0, 1200, 900).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        let _ = save(&client, "print-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
