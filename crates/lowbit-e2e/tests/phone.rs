//! Phone width end to end (issue 11): at 390 × 844 CSS pixels, in English and in Russian, no
//! view scrolls sideways (the page's scroll width is the viewport's), nothing but a table
//! scrolls sideways inside its own box (the explorer's formula wraps, a long FP64 one too), no
//! text is cut off by its box (the 8-bit grid shows every number whole), and the explorer's
//! 32-bit row fits. On a failure the test names the elements. Screenshots:
//! tests/screenshots/phone-*.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::Client;
use lowbit_e2e::{cdp, connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};

type Result<T> = TestResult<T>;

const WIDTH: u32 = 390;

/// Waits up to `seconds` for an element matching `selector`.
async fn wait_for(c: &Client, selector: &str, seconds: u64) -> Result<()> {
    let script = format!("return !!document.querySelector('{selector}')");
    lowbit_e2e::wait_true(c, &script, selector, Duration::from_secs(seconds)).await
}

/// The page's sideways overflow in CSS pixels, and the outermost elements that cause it
/// (those reaching past the viewport that are not inside a box scrolling on its own).
const OVERFLOW: &str = r#"
const doc = document.documentElement, width = doc.clientWidth;
const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
const out = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > width + 1 && !scrolls(el) && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1 && !scrolls(el.parentElement)))
    out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') + ' → ' + Math.round(r.right));
}
return [doc.scrollWidth - width, out.slice(0, 12)];
"#;

/// A short name for an element in the failures: tag, classes, `data-testid`.
const NAME: &str = r#"
const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '') + (el.dataset && el.dataset.testid ? '[' + el.dataset.testid + ']' : '');
"#;

/// Boxes that scroll sideways on their own although they hold no table (a formula that
/// scrolls instead of wrapping), and boxes that cut their content off sideways (a grid cell
/// clipping its number): [[scrolling boxes], [clipping boxes]], each as "name: content px >
/// box px". Form fields (their text scrolls by nature) and 1-pixel screen-reader boxes are
/// left out; boxes not rendered (0 wide) are too.
const INNER: &str = r#"
const scrolling = [], clipping = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.matches('input, textarea, select, option') || el.clientWidth <= 1) continue;
  if (el.scrollWidth <= el.clientWidth + 1) continue;
  const o = getComputedStyle(el).overflowX;
  const what = name(el) + ': ' + el.scrollWidth + ' px > ' + el.clientWidth + ' px';
  if ((o === 'auto' || o === 'scroll') && !el.matches('table') && !el.querySelector('table')) scrolling.push(what);
  if (o === 'hidden' || o === 'clip') clipping.push(what + ' (' + el.textContent.trim().slice(0, 24) + ')');
}
return [scrolling.slice(0, 12), clipping.slice(0, 12)];
"#;

/// A phone's viewport, 390 × 844 CSS pixels: headless Chromium keeps its window at least
/// 500 pixels wide, so a phone's screen is emulated through DevTools
/// (`Emulation.setDeviceMetricsOverride`, mobile: the page's viewport meta applies) and the
/// page's width checked.
async fn phone_metrics(c: &Client, server: &StaticServer) -> Result<()> {
    let metrics = serde_json::json!({ "width": WIDTH, "height": 844, "deviceScaleFactor": 1, "mobile": true });
    cdp(c, "Emulation.setDeviceMetricsOverride", metrics).await?;
    c.goto(&server.url("/")).await?;
    wait_for(c, "[data-testid=value]", 60).await?;
    let width = js(c, "return document.documentElement.clientWidth").await?;
    if width.as_u64() != Some(u64::from(WIDTH)) {
        return Err(format!("the page is {width} px wide, not {WIDTH}").into());
    }
    Ok(())
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    let views = [
        ("explorer-e4m3", "/?format=float8_e4m3fn&code=0x7e", "[data-testid=value]"),
        ("explorer-float32", "/?format=float32&code=0x40490fdb", "[data-testid=value]"),
        // The longest formula: 53 significand bits and a 17-digit value.
        ("explorer-float64", "/?format=float64&code=0x3fd5555555555555", "[data-testid=value]"),
        ("tables-grid", "/?view=tables&table=float8_e4m3fn", "[data-testid=table-float8_e4m3fn]"),
        ("tables-e5m2", "/?view=tables&table=float8_e5m2", "[data-testid=table-float8_e5m2]"),
        ("signal", "/?view=signal&schemes=nf4,fp4_bnb,mxfp4,nvfp4,int4_absmax", "[data-testid=sine-plot][data-drawn]"),
        ("quantize", "/?view=quantize&scheme=fp4_bnb&values=1,2,3,4", "[data-testid=quantize-trace]"),
        ("compare", "/?view=compare&formats=float8_e4m3fn,float8_e5m2,nf4&value=3.14", "[data-testid=value-row]"),
        ("block", "/?view=block&type=q4_k", "[data-testid=block-values]"),
        ("mnist", "/?view=mnist", "[data-testid=mnist-table] tbody tr"),
        ("bench", "/?view=bench", "[data-testid=bench-run]"),
        ("tensors", "/?view=tensors", "[data-testid=tensor-file]"),
    ];
    let inner = format!("{NAME}{INNER}");
    let mut failures = Vec::new();
    for lang in ["en", "ru"] {
        for (name, path, ready) in views {
            let name = if lang == "en" { name.to_string() } else { format!("{name}-{lang}") };
            c.goto(&server.url(&format!("{path}{}lang={lang}", if path.contains('?') { "&" } else { "?" }))).await?;
            wait_for(c, ready, 60).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let v = js(c, OVERFLOW).await?;
            let overflow = v[0].as_f64().unwrap_or(f64::NAN);
            let boxes = js(c, &inner).await?;
            println!(
                "phone {name}: sideways overflow {overflow} px {}; scrolling without a table {}; clipped {}",
                v[1], boxes[0], boxes[1]
            );
            // The screenshot shows the view's own read-out (the value and formula, the grid…).
            js(c, &format!("document.querySelector('{ready}').scrollIntoView({{ block: 'center' }}); return true")).await?;
            std::fs::write(screenshot_dir().join(format!("phone-{name}.png")), c.screenshot().await?)?;
            if overflow != 0.0 {
                failures.push(format!("{name} scrolls sideways by {overflow} px: {}", v[1]));
            }
            if boxes[0].as_array().is_some_and(|a| !a.is_empty()) {
                failures.push(format!("{name}: boxes scroll sideways instead of wrapping: {}", boxes[0]));
            }
            if boxes[1].as_array().is_some_and(|a| !a.is_empty()) {
                failures.push(format!("{name}: boxes cut their content off: {}", boxes[1]));
            }
        }
    }
    // The formula wraps: at this width FP64's runs onto several lines, each inside the card.
    c.goto(&server.url("/?format=float64&code=0x3fd5555555555555")).await?;
    wait_for(c, "[data-testid=formula] math", 60).await?;
    let lines = js(c, "const f = document.querySelector('[data-testid=formula]'), r = f.getBoundingClientRect(); const terms = [...f.querySelectorAll('math')]; return [new Set(terms.map(m => Math.round(m.getBoundingClientRect().top))).size, terms.every(m => { const b = m.getBoundingClientRect(); return b.left >= r.left - 1 && b.right <= r.right + 1; })]").await?;
    println!("phone: the FP64 formula takes {} lines, every term inside its box: {}", lines[0], lines[1]);
    if lines[0].as_u64().unwrap_or(0) < 2 || lines[1] != serde_json::Value::Bool(true) {
        failures.push(format!("the FP64 formula does not wrap inside its box: {lines}"));
    }
    // A grid cell is a tap target that opens its exact value in the explorer.
    c.goto(&server.url("/?view=tables&table=float8_e4m3fn")).await?;
    wait_for(c, "[data-testid=table-float8_e4m3fn] td[data-code=\"1\"]", 60).await?;
    js(c, "document.querySelector('[data-testid=table-float8_e4m3fn] td[data-code=\"1\"]').click(); return true")
        .await?;
    wait_for(c, "[data-testid=value][data-value=\"0.001953125\"]", 20).await?;
    let exact =
        js(c, "return document.querySelector('[data-testid=explorer]').textContent.includes('0.001953125')").await?;
    if exact != serde_json::Value::Bool(true) {
        failures.push("tapping the grid's cell 1 did not show its exact value 0.001953125".into());
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_view_scrolls_sideways_on_a_phone() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-phone");
    let client = connect(&driver, &profile.0, WIDTH, 844).await;
    let outcome = phone_metrics(&client, &server).await;
    let outcome = match outcome {
        Ok(()) => run(&client, &server).await,
        Err(e) => Err(e),
    };
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
