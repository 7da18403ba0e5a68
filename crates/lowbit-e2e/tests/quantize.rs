//! The Quantize view end to end: the built `dist/` served on 127.0.0.1, headless Chromium
//! through chromedriver. Opens the seed articles' examples by URL and checks the codes, the
//! packed bytes and the reconstruction against lowbit-core computed here, natively; saves
//! screenshots into tests/screenshots/.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use lowbit_core::quant::{Options, Scheme};
use lowbit_e2e::{connect, repo_root, screenshot_dir, Driver, StaticServer, TempDir};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

async fn attr(c: &Client, testid: &str, name: &str) -> Result<String> {
    let e = c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&format!("[data-testid=\"{testid}\"]"))).await?;
    Ok(e.attr(name).await?.unwrap_or_default())
}

async fn text(c: &Client, testid: &str) -> Result<String> {
    let e = c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(&format!("[data-testid=\"{testid}\"]"))).await?;
    Ok(e.text().await?)
}

/// Sizes the window to the page and saves a PNG.
async fn screenshot(c: &Client, name: &str) -> Result<std::path::PathBuf> {
    let height = js(c, "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)").await?.as_f64().unwrap_or(1000.0) as u32;
    c.set_window_size(1280, height.clamp(600, 4000)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    c.set_window_size(1280, 1000).await?;
    Ok(path)
}

/// What lowbit-core gives for the same inputs: codes, packed bytes, dequantized values.
fn native(scheme: &str, values: &[f32]) -> (Vec<i64>, Vec<u8>, Vec<f32>) {
    let q = Scheme::parse(scheme).unwrap().quantize(values, &Options::default());
    (q.codes.to_vec(), q.packed().to_vec(), q.dequantized)
}

fn joined<T: ToString>(items: &[T]) -> String {
    items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")
}

/// The page's dequantized values, parsed with Rust's exact parser and narrowed to f32.
async fn dequantized(c: &Client) -> Result<Vec<f32>> {
    let s = attr(c, "quantize-dequantized", "data-values").await?;
    Ok(s.split(',').map(|v| v.parse::<f64>().map(|x| x as f32).unwrap_or(f32::NAN)).collect())
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    // Seed 002: INT4 absmax, the trace table, and the article's wrong code at -0.5.
    c.goto(&server.url("/?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1")).await?;
    let values = [-0.5f32, 0.3, 1.2, -2.1];
    let (codes, packed, deq) = native("int4_absmax", &values);
    assert_eq!(codes, [-2, 1, 4, -7]);
    assert_eq!(attr(c, "quantize-codes", "data-codes").await?, joined(&codes));
    let rows = js(c, "return [...document.querySelectorAll('[data-testid=quantize-trace] tbody tr')].map(r => [r.dataset.index, r.dataset.code])").await?;
    let expected: Vec<Value> = codes.iter().enumerate().map(|(i, c)| serde_json::json!([i.to_string(), c.to_string()])).collect();
    assert_eq!(rows, Value::Array(expected), "trace rows");
    assert_eq!(attr(c, "quantize-packed", "data-bytes").await?, joined(&packed));
    assert_eq!(dequantized(c).await?, deq);
    let note = text(c, "quantize-note").await?;
    assert!(note.contains("seed 002") && note.contains("[-1, 1, 4, -7]") && note.contains("-1.67"), "{note}");
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=notice]').length").await?, serde_json::json!(0));
    let shot = screenshot(c, "quantize-int4.png").await?;
    println!("seed 002 (int4_absmax): codes {codes:?}, note shown; screenshot: {}", shot.display());

    // Seed 000: bitsandbytes FP4, first element in the high nibble.
    for (vals, bytes, shot_name) in [([1.0f32, 2.0, 3.0, 4.0], Some([117u8, 35]), "quantize-fp4-bnb.png"), ([1.0, 2.0, 3.0, 64.0], None, "")] {
        let url = format!("/?view=quantize&scheme=fp4_bnb&values={}", joined(&vals));
        c.goto(&server.url(&url)).await?;
        let (codes, packed, deq) = native("fp4_bnb", &vals);
        assert_eq!(attr(c, "quantize-codes", "data-codes").await?, joined(&codes));
        assert_eq!(attr(c, "quantize-packed", "data-bytes").await?, joined(&packed));
        assert_eq!(attr(c, "quantize-packed", "data-high-first").await?, "true");
        if let Some(b) = bytes {
            assert_eq!(packed, b);
            assert_eq!((packed[0] >> 4) as i64, codes[0], "first element in the high nibble");
        }
        assert_eq!(dequantized(c).await?, deq);
        assert!(text(c, "quantize-note").await?.contains("seed 000"));
        println!("seed 000 {vals:?}: packed {packed:?}, dequantized {deq:?}");
        if !shot_name.is_empty() {
            println!("screenshot: {}", screenshot(c, shot_name).await?.display());
        }
    }
    assert_eq!(deq_of(&[1.0, 2.0, 3.0, 64.0]), [0.33333334, 0.33333334, 0.33333334, 64.0]);

    // Typing: a malformed token is named and the result stays; the URL follows valid input.
    let input = c.find(Locator::Css("[data-testid=\"quantize-input\"]")).await?;
    input.clear().await?;
    input.send_keys("1 2 x").await?;
    let started = Instant::now();
    while !text(c, "quantize-input-error").await.unwrap_or_default().contains("'x'") {
        if started.elapsed() > Duration::from_secs(5) {
            return Err("no inline error for 'x'".into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(attr(c, "quantize-packed", "data-bytes").await?, joined(&native("fp4_bnb", &[1.0, 2.0]).1), "the last valid input (1 2) is shown");
    Ok(())
}

fn deq_of(values: &[f32]) -> Vec<f32> {
    native("fp4_bnb", values).2
}

#[tokio::test(flavor = "current_thread")]
async fn quantize_view_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-quantize");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        let _ = screenshot(&client, "quantize-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
