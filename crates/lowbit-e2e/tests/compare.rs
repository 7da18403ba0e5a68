//! The Compare view end to end (issue 11): the number line and the spacing chart drawn, the
//! limits table's rows, one number in every format checked against lowbit-core run here,
//! natively, zooming into the URL, bad URL values as notices. Screenshots in
//! tests/screenshots/compare-*.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use lowbit_core::decimal::js_string;
use lowbit_core::{Encoder, Format};
use lowbit_e2e::exports::{capture_downloads, check_chart_exports, check_table_exports, orphan_export_buttons};
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

/// A full-page screenshot at `width` CSS pixels.
async fn screenshot(c: &Client, name: &str, width: u32) -> Result<std::path::PathBuf> {
    let height = js(c, "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)").await?.as_f64().unwrap_or(1000.0) as u32;
    c.set_window_size(width, height.clamp(600, 5000)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    c.set_window_size(width, 1000).await?;
    Ok(path)
}

async fn number_line(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=compare&formats=float8_e4m3fn,float8_e5m2&scale=log")).await?;
    find(c, "number-line").await?;
    wait_true(c, "return +document.querySelector('[data-testid=number-line]').dataset.drawn >= 1 && +document.querySelector('[data-testid=spacing-plot]').dataset.drawn >= 1", "both charts drawn").await?;
    assert_eq!(js(c, "return document.querySelector('[data-testid=number-line]').tagName").await?, "CANVAS");
    let rows = js(c, "return [...document.querySelectorAll('[data-testid=compare-table] tbody tr')].map(r => r.dataset.format)").await?;
    assert_eq!(rows, serde_json::json!(["float8_e4m3fn", "float8_e5m2"]));
    // The limits come from lowbit-core: E4M3's max is 448, E5M2's 57344.
    let max = js(c, "return [...document.querySelectorAll('[data-testid=compare-table] tbody tr')].map(r => r.cells[3].title)").await?;
    assert_eq!(max, serde_json::json!(["448", "57344"]));
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=notice]').length").await?, 0);
    // The canvas is not blank: some pixels in the series colour.
    let inked = js(c, "const cv = document.querySelector('[data-testid=number-line]'); const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i+2] - d[i] > 60 && d[i+2] - d[i+1] > 25) n++; return n").await?;
    if inked.as_u64().unwrap_or(0) <= 50 {
        let dbg = js(c, "const cv = document.querySelector('[data-testid=number-line]'); const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data; let n = 0, m = []; for (let i = 0; i < d.length; i += 4) { if (d[i] < 250) { n++; if (m.length < 12) m.push([d[i], d[i+1], d[i+2], d[i+3]]); } } return [cv.width, cv.height, n, m]").await?;
        return Err(format!("number line not drawn in blue: {inked} pixels; {dbg}").into());
    }
    let shot = screenshot(c, "compare-log.png", 1280).await?;
    println!("compare view (log): {}", shot.display());

    // Zoom in: the URL gains a range; the whole range again drops it.
    find(c, "zoom-in").await?.click().await?;
    let started = Instant::now();
    loop {
        let url = c.current_url().await?.to_string();
        if url.contains("range=") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "zooming never reached the URL: {url}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    find(c, "zoom-reset").await?.click().await?;
    find(c, "scale-linear").await?.click().await?;
    wait_true(c, "return document.querySelector('[data-testid=scale-linear]').getAttribute('aria-pressed') === 'true'", "linear pressed").await?;
    tokio::time::sleep(Duration::from_millis(250)).await;
    let url = c.current_url().await?.to_string();
    assert!(!url.contains("range=") && !url.contains("scale="), "{url}");
    Ok(())
}

async fn one_value(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=compare&value=3.14")).await?;
    find(c, "value-row").await?;
    let rows = js(c, "return [...document.querySelectorAll('[data-testid=value-row]')].map(r => [r.dataset.format, r.dataset.code, r.dataset.value])").await?;
    let rows = rows.as_array().ok_or("rows")?;
    let ids: Vec<&str> = rows.iter().filter_map(|r| r[0].as_str()).collect();
    for id in ["float32", "tfloat32", "float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn", "nf4", "int8", "int4", "p3109_k8p3se"] {
        assert!(ids.contains(&id), "a row for {id}: {ids:?}");
    }
    for r in rows {
        let id = r[0].as_str().unwrap_or_default();
        let format = Format::parse(id).map_err(|e| e.to_string())?;
        let e = Encoder::with_defaults(&format).encode_text("3.14").map_err(|e| e.0)?;
        assert_eq!(r[1].as_str(), Some(e.code.to_string().as_str()), "{id} code");
        assert_eq!(r[2].as_str(), Some(js_string(e.value).as_str()), "{id} value");
    }
    let e4m3 = rows.iter().find(|r| r[0] == "float8_e4m3fn").ok_or("e4m3 row")?;
    assert_eq!((e4m3[1].as_str(), e4m3[2].as_str()), (Some("69"), Some("3.25")));
    println!("one number in every format: {} rows checked against lowbit-core", rows.len());

    // A refused number keeps the table, marked stale.
    let input = find(c, "compare-value").await?;
    input.clear().await?;
    input.send_keys("3.1.4\u{E007}").await?;
    find(c, "compare-value-error").await?;
    assert_eq!(js(c, "return document.querySelector('[data-testid=value-table]').closest('[data-stale]')?.dataset.stale ?? null").await?, "true");
    input.clear().await?;
    input.send_keys("65504\u{E007}").await?;
    wait_true(c, "return document.querySelector('[data-testid=value-row][data-format=float16]').dataset.value === '65504'", "65504 in float16").await?;

    // Bad URL values: notices, the rest kept.
    c.goto(&server.url("/?view=compare&formats=float9,bfloat16&scale=cubic&value=pi")).await?;
    find(c, "notice").await?;
    let notices = js(c, "return document.querySelectorAll('[data-testid=notice] li').length").await?;
    assert_eq!(notices, 3, "one notice per bad value");
    // The notices come from the page at once; the table once the view's module has mounted it.
    wait_true(c, "return !!document.querySelector('[data-testid=compare-table] tbody tr')", "the compare table").await?;
    let rows = js(c, "return [...document.querySelectorAll('[data-testid=compare-table] tbody tr')].map(r => r.dataset.format)").await?;
    assert_eq!(rows, serde_json::json!(["bfloat16"]));
    let shot = screenshot(c, "compare-values.png", 1280).await?;
    println!("compare view (value rows): {}", shot.display());
    Ok(())
}

async fn exports(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=compare&formats=float8_e4m3fn,int4&value=3.14")).await?;
    find(c, "value-row").await?;
    wait_true(c, "return +document.querySelector('[data-testid=number-line]').dataset.drawn >= 1", "drawn").await?;
    capture_downloads(c).await?;
    assert_eq!(orphan_export_buttons(c).await?, 0, "every export button names something that exists");
    for chart in ["number-line", "spacing-plot"] {
        check_chart_exports(c, chart, "float8_e4m3fn").await?;
    }
    for table in ["compare-table", "value-table"] {
        let rows = js(c, &format!("return document.querySelectorAll('[data-testid={table}] tbody tr').length")).await?.as_u64().unwrap_or(0) as usize;
        let csv = check_table_exports(c, table, rows).await?;
        assert_eq!(csv[0][0], "format");
        let e4m3 = csv.iter().find(|r| r[0] == "float8_e4m3fn").ok_or("e4m3 record")?;
        if table == "compare-table" {
            assert_eq!(e4m3[3], "448");
        } else {
            assert_eq!((e4m3[1].as_str(), e4m3[4].as_str()), ("69", "3.25"));
        }
    }
    println!("exports: PNG and SVG of both charts, CSV, Markdown and LaTeX of both tables parsed");
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn compare_view_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-compare");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = async {
        number_line(&client, &server).await?;
        one_value(&client, &server).await?;
        exports(&client, &server).await
    }
    .await;
    if outcome.is_err() {
        let _ = screenshot(&client, "compare-failure.png", 1280).await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
