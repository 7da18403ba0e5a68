//! Phone width end to end (issue 11): at 390 × 844 CSS pixels no view scrolls sideways (the
//! page's scroll width is the viewport's; wide tables scroll inside their own box), and the
//! explorer's 32-bit row and the 8-bit table grid fit. On a failure the test names the elements
//! that stick out. Screenshots: tests/screenshots/phone-*.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::Client;
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};

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

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    let views = [
        ("explorer-e4m3", "/?format=float8_e4m3fn&code=0x7e", "[data-testid=value]"),
        ("explorer-float32", "/?format=float32&code=0x40490fdb", "[data-testid=value]"),
        ("tables-grid", "/?view=tables&table=float8_e4m3fn", "[data-testid=table-float8_e4m3fn]"),
        ("signal", "/?view=signal&schemes=nf4,fp4_bnb,mxfp4,nvfp4,int4_absmax", "[data-testid=sine-plot][data-drawn]"),
        ("quantize", "/?view=quantize&scheme=fp4_bnb&values=1,2,3,4", "[data-testid=quantize-trace]"),
        ("compare", "/?view=compare&formats=float8_e4m3fn,float8_e5m2,nf4&value=3.14", "[data-testid=value-row]"),
        ("block", "/?view=block&type=q4_k", "[data-testid=block-values]"),
        ("mnist", "/?view=mnist", "[data-testid=mnist-table] tbody tr"),
        ("bench", "/?view=bench", "[data-testid=bench-run]"),
        ("tensors", "/?view=tensors", "[data-testid=tensor-file]"),
    ];
    let mut failures = Vec::new();
    for (name, path, ready) in views {
        c.goto(&server.url(path)).await?;
        wait_for(c, ready, 60).await?;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let v = js(c, OVERFLOW).await?;
        let overflow = v[0].as_f64().unwrap_or(f64::NAN);
        println!("phone {name}: sideways overflow {overflow} px {}", v[1]);
        std::fs::write(screenshot_dir().join(format!("phone-{name}.png")), c.screenshot().await?)?;
        if overflow != 0.0 {
            failures.push(format!("{name} scrolls sideways by {overflow} px: {}", v[1]));
        }
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("\n").into()) }
}

#[tokio::test(flavor = "current_thread")]
async fn no_view_scrolls_sideways_on_a_phone() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-phone");
    let client = connect(&driver, &profile.0, WIDTH, 844).await;
    let outcome = run(&client, &server).await;
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
