//! The GGUF block explorer end to end: the built `dist/` served on 127.0.0.1, headless
//! Chromium through chromedriver. Opens `?view=block&type=q4_k` (a view of the lazily loaded
//! module), checks the block's values
//! against lowbit-core computed here natively, toggles a scale bit (sub-block 0's 6-bit scale)
//! and the f16 `d` and checks that the values become exactly what the core's dequantize gives
//! for the flipped bytes; saves screenshots into tests/screenshots/.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lowbit_core::gguf::{self, BitRole, GgufType};
use lowbit_e2e::{connect, repo_root, screenshot_dir, Driver, StaticServer, TempDir};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

/// Sizes the window to the page and saves a PNG.
async fn screenshot(c: &Client, name: &str) -> Result<std::path::PathBuf> {
    let height = js(c, "return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)").await?.as_f64().unwrap_or(1000.0) as u32;
    c.set_window_size(1280, height.clamp(600, 6000)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    c.set_window_size(1280, 1000).await?;
    Ok(path)
}

/// The page's block values (`data-value` of the `block-values` rows), parsed with Rust's
/// exact parser and narrowed to f32 (JavaScript's `String` of an f32 widened to f64 reads
/// back exactly).
async fn page_values(c: &Client) -> Result<Vec<f32>> {
    let v = js(c, "return [...document.querySelectorAll('[data-testid=block-values] tbody tr')].map(r => r.dataset.value)").await?;
    let rows = v.as_array().cloned().unwrap_or_default();
    Ok(rows.iter().map(|s| s.as_str().unwrap_or("NaN").parse::<f64>().map(|x| x as f32).unwrap_or(f32::NAN)).collect())
}

/// The bytes the page shows (`block-byte` rows: `data-index` and the bits' `aria-pressed`).
async fn page_bytes(c: &Client) -> Result<Vec<u8>> {
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=block-byte]')].map(b => [...b.querySelectorAll('[data-testid=block-bit]')].reduce((acc, bit) => acc | ((bit.getAttribute('aria-pressed') === 'true' ? 1 : 0) << (Number(bit.dataset.index) % 8)), 0))",
    )
    .await?;
    Ok(v.as_array().cloned().unwrap_or_default().iter().map(|x| x.as_u64().unwrap_or(0) as u8).collect())
}

fn same_bits(a: &[f32], b: &[f32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits() || (x == y) || (x.is_nan() && y.is_nan()))
}

/// Waits until the page's values are `expected` (bit for bit; −0 and +0 both print "0").
async fn wait_values(c: &Client, expected: &[f32], what: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        let got = page_values(c).await?;
        if same_bits(&got, expected) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("{what}: the page shows {:?}…, the core says {:?}…", &got[..got.len().min(8)], &expected[..expected.len().min(8)]).into());
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

async fn click_bit(c: &Client, index: usize) -> Result<()> {
    let bit = c.find(Locator::Css(&format!("[data-testid=\"block-bit\"][data-index=\"{index}\"]"))).await?;
    bit.click().await?;
    Ok(())
}

async fn wait_url(c: &Client, part: &str) -> Result<()> {
    let started = Instant::now();
    loop {
        let url = c.current_url().await?.to_string();
        if url.contains(part) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(5) {
            return Err(format!("URL {url} never contained {part}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    let t = GgufType::Q4K;
    c.goto(&server.url("/?view=block&type=q4_k")).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("[data-testid=\"block-values\"] tbody tr")).await?;
    // The example block: the page's bytes and values are the core's.
    let bytes = page_bytes(c).await?;
    assert_eq!(bytes.len(), t.block_bytes());
    let expected = gguf::dequantize(t, &bytes)?;
    wait_values(c, &expected, "the example block").await?;
    let fields = js(c, "return [...document.querySelectorAll('[data-testid=block-field]')].map(f => f.dataset.field)").await?;
    assert_eq!(fields, serde_json::json!(["d", "dmin", "scales", "qs"]));
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=notice]').length").await?, serde_json::json!(0));
    println!("q4_k example: {} bytes, values[0..4] {:?}", bytes.len(), &expected[..4]);
    println!("screenshot: {}", screenshot(c, "block-q4k.png").await?.display());

    // Toggle bit 0 of byte 4: the core says it is bit 0 of sub-block 0's 6-bit scale.
    assert_eq!(gguf::bit_role(t, 4, 0), Some(BitRole::SubScale { sub: 0, bit: 0 }));
    let mut flipped = bytes.clone();
    flipped[4] ^= 1;
    let after = gguf::dequantize(t, &flipped)?;
    assert!(!same_bits(&after[..32], &expected[..32]), "the flip changes sub-block 0");
    assert!(same_bits(&after[32..], &expected[32..]), "and nothing else");
    click_bit(c, 8 * 4).await?;
    wait_values(c, &after, "after flipping sub-block 0's scale bit 0").await?;
    assert_eq!(page_bytes(c).await?, flipped);
    wait_url(c, &format!("hex={}", gguf::to_hex(&flipped))).await?;
    // The diagram's copy of the same bit shows the new state.
    let diagram = js(c, "return document.querySelector('[data-testid=block-scale-bit][data-index=\"32\"]').getAttribute('aria-pressed')").await?;
    assert_eq!(diagram, serde_json::json!(if flipped[4] & 1 == 1 { "true" } else { "false" }));
    println!("scale bit s0.0 flipped: values[0..4] {:?} (core), page agrees", &after[..4]);

    // The top exponent bit of d below the sign (bit 14 of the f16, byte 1 bit 6): every value.
    assert_eq!(gguf::bit_role(t, 1, 6), Some(BitRole::Half { field: "d", bit: 14 }));
    let mut twice = flipped.clone();
    twice[1] ^= 1 << 6;
    let after_d = gguf::dequantize(t, &twice)?;
    click_bit(c, 8 + 6).await?;
    wait_values(c, &after_d, "after flipping d's bit 14").await?;
    println!("d bit 14 flipped: values[0..4] {:?}", &after_d[..4]);

    // Select an element: its code bits light up.
    c.find(Locator::Css("[data-testid=\"block-values\"] tbody tr[data-index=\"40\"]")).await?.click().await?;
    let lit = js(c, "return document.querySelectorAll('[data-testid=block-bit].lit').length").await?;
    assert_eq!(lit, serde_json::json!(16 + 16 + 6 + 6 + 4), "d, dmin, sub-block 1's scale and min, the code nibble");
    // The keyboard moves the selection in the focused table: ↓ twice, then ↑.
    let table = c.find(Locator::Css(".block-values-scroll")).await?;
    table.send_keys(&format!("{}{}{}", Key::Down, Key::Down, Key::Up)).await?;
    let selected = js(c, "return document.querySelector('[data-testid=block-values] tr.selected')?.dataset.index").await?;
    assert_eq!(selected, serde_json::json!("41"), "40 ↓ ↓ ↑ = 41");
    let lit = js(c, "return document.querySelectorAll('[data-testid=block-bit].lit').length").await?;
    assert_eq!(lit, serde_json::json!(16 + 16 + 6 + 6 + 4), "element 41 lights as many bits as 40");
    println!("screenshot: {}", screenshot(c, "block-q4k-edited.png").await?.display());

    // A bad hex in the URL: a notice, the example block.
    c.goto(&server.url("/?view=block&type=Q6_K&hex=00ff")).await?;
    c.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("[data-testid=\"block-values\"] tbody tr")).await?;
    let notices = js(c, "return [...document.querySelectorAll('[data-testid=notice]')].map(n => n.textContent).join(' | ')").await?;
    assert!(notices.as_str().unwrap_or("").contains("2 bytes, but a q6_k block is 210 bytes"), "{notices}");
    let q6 = page_bytes(c).await?;
    assert_eq!(q6.len(), 210);
    wait_values(c, &gguf::dequantize(GgufType::Q6K, &q6)?, "q6_k example").await?;
    println!("screenshot: {}", screenshot(c, "block-q6k.png").await?.display());
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn block_explorer_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-block");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        let _ = screenshot(&client, "block-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
