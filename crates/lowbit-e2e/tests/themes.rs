//! Themes end to end (issue 11): `theme=dark` from the URL sets `<html data-theme>`, the
//! page's colours and the charts' (a chart's background pixel is the theme's), in the first
//! module and in a lazily loaded one; the switcher changes the theme, the URL keeps it, and
//! the charts redraw in the new colours; `theme=system` follows the browser (light here); a
//! bad value is a notice. Screenshots: tests/screenshots/theme-dark-signal.png,
//! theme-contrast-explorer.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::{Client, Locator};
use lowbit_charts::ChartTheme;
use lowbit_e2e::{canvas_corner, chart_background, connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use serde_json::Value;

type Result<T> = TestResult<T>;

/// Waits up to 20 s for `script` to return true.
async fn wait_true(c: &Client, script: &str, what: &str) -> Result<()> {
    lowbit_e2e::wait_true(c, script, what, Duration::from_secs(20)).await
}

/// The page's background colour as the browser computes it (`rgb(r, g, b)`).
async fn page_background(c: &Client) -> Result<String> {
    Ok(js(c, "return getComputedStyle(document.body).backgroundColor").await?.as_str().unwrap_or_default().to_string())
}

async fn save(c: &Client, name: &str) -> Result<()> {
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    println!("screenshot: {}", path.display());
    Ok(())
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    // Dark from the URL, in the lazily loaded signal view: page and charts.
    c.goto(&server.url("/?view=signal&theme=dark")).await?;
    wait_true(c, "return document.documentElement.dataset.theme === 'dark'", "data-theme=dark").await?;
    wait_true(c, "const p = document.querySelector('[data-testid=sine-plot]'); return !!p && +p.dataset.drawn >= 1", "the signal chart").await?;
    assert_eq!(canvas_corner(c, "[data-testid=sine-plot]").await?, chart_background(ChartTheme::Dark), "the chart's background is the dark theme's");
    assert_eq!(page_background(c).await?, "rgb(17, 19, 23)", "the page's --bg in the dark theme");
    assert_eq!(js(c, "return document.querySelector('[data-testid=theme]').value").await?, "dark");
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=notice]').length").await?, 0, "theme is a known key");
    // A legend swatch takes the dark theme's series colour.
    let swatch = js(c, "const s = document.querySelector('[data-testid=signal-metrics] .swatch'); return s && getComputedStyle(s).backgroundColor").await?;
    let (r, g, b) = ChartTheme::Dark.series()[0].rgb;
    assert_eq!(swatch, Value::from(format!("rgb({r}, {g}, {b})")));
    save(c, "theme-dark-signal.png").await?;

    // The switcher: high contrast; the URL keeps it; the chart redraws on white.
    let drawn = js(c, "return +document.querySelector('[data-testid=sine-plot]').dataset.drawn").await?.as_u64().unwrap_or(0);
    let select = c.find(Locator::Css("[data-testid=theme]")).await?;
    select.select_by_value("contrast").await?;
    wait_true(c, "return document.documentElement.dataset.theme === 'contrast'", "data-theme=contrast").await?;
    wait_true(c, &format!("return +document.querySelector('[data-testid=sine-plot]').dataset.drawn > {drawn}"), "a redraw").await?;
    assert_eq!(canvas_corner(c, "[data-testid=sine-plot]").await?, chart_background(ChartTheme::Contrast));
    wait_true(c, "return location.search.includes('theme=contrast')", "theme=contrast in the URL").await?;

    // Another view keeps the theme (the explorer, in the first module).
    c.find(Locator::Css("[data-testid=view-nav] [data-view=explorer]")).await?.click().await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("[data-testid=value]")).await?;
    assert_eq!(js(c, "return document.documentElement.dataset.theme").await?, "contrast");
    assert_eq!(page_background(c).await?, "rgb(255, 255, 255)");
    save(c, "theme-contrast-explorer.png").await?;

    // System (headless Chromium prefers light) and a bad value.
    c.goto(&server.url("/?theme=system")).await?;
    wait_true(c, "return document.documentElement.dataset.theme === 'light'", "system → light").await?;
    // System is the default: the URL, normalised in place (within ~100 ms), leaves it out.
    wait_true(c, "return !location.search.includes('theme=')", "theme=system left out of the URL").await?;
    c.goto(&server.url("/?theme=sepia")).await?;
    wait_true(c, "const n = document.querySelector('[data-testid=notice]'); return !!n && n.textContent.includes(\"Theme 'sepia'\")", "the notice").await?;
    assert_eq!(page_background(c).await?, "rgb(246, 247, 249)", "the light theme's --bg");
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn themes_colour_the_page_and_the_charts() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-themes");
    let client = connect(&driver, &profile.0, 1200, 900).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        let _ = save(&client, "theme-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
