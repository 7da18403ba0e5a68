//! The Tensors view end to end: the built `dist/` served on 127.0.0.1, headless Chromium
//! through chromedriver. Writes a small `.npy` and `.safetensors` (and malformed ones) to a
//! temporary directory, opens them through the file input (`data-testid="tensor-file"`,
//! chromedriver's send_keys of a path), and checks the tensor rows, the histogram drawn, the
//! ranking rows (every scheme's MSE and SQNR equal to the ranking job run natively here), the
//! overlay switching scheme, cancelling a ranking of a larger tensor and running it again, and
//! the error messages (the view keeps its file). Screenshots go to tests/screenshots/.
//!
//! A second test opens a 4,194,304-element float32 `.npy` (16 MiB, made here;
//! `LOWBIT_E2E_TENSOR_ELEMENTS` to change) and prints what the page's main thread did from the
//! file's choice to the last ranking row (long tasks over 50 ms from a `PerformanceObserver`,
//! the largest requestAnimationFrame gap): the tensor's bytes go to the compute worker, which
//! decodes, counts and ranks them. Printed, not asserted (a failure only with
//! `LOWBIT_E2E_SMOOTH=1`).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use lowbit_e2e::exports::{capture_downloads, check_chart_exports, check_table_exports, orphan_export_buttons};
use lowbit_e2e::{connect, repo_root, screenshot_dir, start_measuring, stop_measuring, Driver, StaticServer, TempDir, LONG_TASK_LIMIT_MS};
use lowbit_jobs::ranking::{rank_all, ranking_schemes, RankingJob};
use lowbit_tensors::write::{f32_bytes, npy, safetensors};
use serde_json::Value;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn js(c: &Client, script: &str) -> Result<Value> {
    Ok(c.execute(script, vec![]).await?)
}

async fn wait_true(c: &Client, script: &str, what: &str, seconds: u64) -> Result<()> {
    let started = Instant::now();
    loop {
        if js(c, script).await? == Value::Bool(true) {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            let error = js(c, "const e = document.querySelector('[data-testid=tensor-error], [data-testid=ranking-error]'); return e ? e.textContent : ''").await?;
            return Err(format!("timed out waiting for {what} (page says: {error})").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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

/// Weight-like values: a sum of sines, heavier tails every few elements.
fn weights(n: usize) -> Vec<f32> {
    (0..n).map(|i| ((i as f32) * 0.37).sin() * 0.05 + ((i as f32) * 0.011).cos() * if i % 17 == 0 { 0.2 } else { 0.02 }).collect()
}

/// Opens `path` through the file input.
async fn open(c: &Client, path: &Path) -> Result<()> {
    let input = c.find(Locator::Css("[data-testid=\"tensor-file\"]")).await?;
    input.send_keys(&path.display().to_string()).await?;
    Ok(())
}

async fn rows(c: &Client) -> Result<Value> {
    js(c, "return [...document.querySelectorAll('[data-testid=tensor-row]')].map(r => [r.dataset.name, r.dataset.dtype, r.dataset.shape])").await
}

/// Waits for the ranking of `values` (row length `row_len`) and checks every row against the
/// job run natively.
async fn check_ranking(c: &Client, values: Vec<f32>, row_len: Option<usize>, what: &str) -> Result<()> {
    let n = ranking_schemes().len();
    wait_true(c, &format!("return document.querySelectorAll('[data-testid=ranking-row]').length === {n}"), &format!("{what}: {n} ranking rows"), 90).await?;
    // The attributes as text, parsed here by Rust's exact parser (JSON numbers through
    // serde_json may be off by an ulp); Number() checks that JavaScript reads them.
    let page = js(c, "return [...document.querySelectorAll('[data-testid=ranking-row]')].map(r => [r.dataset.scheme, r.dataset.sqnrDb, r.dataset.mse, Number.isNaN(Number(r.dataset.sqnrDb)) || Number.isNaN(Number(r.dataset.mse))])").await?;
    let expected = rank_all(&RankingJob { values, row_len, lo: -1.0, hi: 1.0, bins: 80, schemes: Vec::new() });
    assert!(expected.failed.is_empty(), "{:?}", expected.failed);
    let page = page.as_array().cloned().unwrap_or_default();
    assert_eq!(page.len(), expected.rows.len());
    for (got, want) in page.iter().zip(&expected.rows) {
        assert_eq!(got[0].as_str(), Some(want.scheme.as_str()), "{what}: the order");
        let number = |v: &Value| match v.as_str().unwrap_or("") {
            "Infinity" => f64::INFINITY,
            text => text.parse::<f64>().unwrap_or(f64::NAN),
        };
        assert_eq!(got[3], Value::Bool(false), "{what}: {} attributes JavaScript cannot read: {got}", want.scheme);
        // SQNR is 10·log10(Σx² / Σe²) of sums equal bit for bit (the MSE below); log10 itself
        // comes from the browser build's libm, which may differ from the native one by an ulp.
        let sqnr = number(&got[1]);
        assert!(sqnr == want.sqnr_db || (sqnr - want.sqnr_db).abs() <= 1e-12 * want.sqnr_db.abs(), "{what}: {} SQNR {sqnr} vs {}", want.scheme, want.sqnr_db);
        assert_eq!(number(&got[2]).to_bits(), want.mse.to_bits(), "{what}: {} MSE {}", want.scheme, got[2]);
    }
    println!("{what}: best {} ({:.2} dB), worst {} ({:.2} dB)", expected.rows[0].scheme, expected.rows[0].sqnr_db, expected.rows[n - 1].scheme, expected.rows[n - 1].sqnr_db);
    Ok(())
}

async fn error_text(c: &Client) -> Result<String> {
    Ok(js(c, "const e = document.querySelector('[data-testid=tensor-error]'); return e ? e.textContent : ''").await?.as_str().unwrap_or("").to_string())
}

async fn run(c: &Client, server: &StaticServer, dir: &Path) -> Result<()> {
    c.goto(&server.url("/?view=tensors")).await?;
    c.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css("[data-testid=\"tensor-file\"]")).await?;
    // The built index.html carries a Content-Security-Policy: reading files breaks none of it.
    js(c, "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); return true;").await?;

    // A .npy of 8 × 64 f32 weights.
    let w = weights(512);
    let npy_path = dir.join("weights.npy");
    std::fs::write(&npy_path, npy(1, "<f4", false, "(8, 64)", &f32_bytes(&w)))?;
    open(c, &npy_path).await?;
    wait_true(c, "return document.querySelectorAll('[data-testid=tensor-row]').length === 1", "the npy's row", 10).await?;
    assert_eq!(rows(c).await?, serde_json::json!([["weights.npy", "F32", "8,64"]]));
    wait_true(c, "const h = document.querySelector('[data-testid=tensor-histogram]'); return !!h && Number(h.dataset.drawn) > 0", "the histogram", 10).await?;
    check_ranking(c, w.clone(), Some(64), "weights.npy").await?;
    // The overlay: nf4 by default (lines are drawn once the ranking is in), then int4_absmax.
    let summary = js(c, "return document.querySelector('[data-testid=tensor-histogram-summary]').textContent").await?;
    assert!(summary.as_str().unwrap_or("").contains("nf4:"), "{summary}");
    c.find(Locator::Css("[data-testid=\"ranking-row\"][data-scheme=\"int4_absmax\"] button")).await?.click().await?;
    wait_true(c, "return document.querySelector('[data-testid=tensor-histogram-summary]')?.textContent.includes('int4_absmax: ') === true", "the int4_absmax overlay", 5).await?;
    wait_true(c, "return location.search.includes('scheme=int4_absmax')", "the overlay in the URL", 5).await?;
    println!("screenshot: {}", screenshot(c, "tensors-npy.png").await?.display());

    // Exports: the histogram as PNG and SVG, the ranking and the tensor list as CSV, Markdown
    // and LaTeX, with the page's exact figures.
    capture_downloads(c).await?;
    assert_eq!(orphan_export_buttons(c).await?, 0);
    check_chart_exports(c, "tensor-histogram", "weights.npy").await?;
    let ranked = js(c, "return [...document.querySelectorAll('[data-testid=ranking-row]')].map(r => [r.dataset.scheme, r.dataset.sqnrDb, r.dataset.mse])").await?;
    let ranked = ranked.as_array().ok_or("ranking rows")?;
    let csv = check_table_exports(c, "ranking-table", ranked.len()).await?;
    for (record, row) in csv[1..].iter().zip(ranked) {
        assert_eq!([record[1].as_str(), record[2].as_str(), record[3].as_str()], [row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or(""), row[2].as_str().unwrap_or("")]);
    }
    let listed = check_table_exports(c, "tensor-list", 1).await?;
    assert_eq!(listed[1], ["weights.npy", "F32", "8,64", "512", "2048"]);
    println!("exports: the histogram as PNG and SVG, {} ranking rows and the tensor list as CSV, Markdown and LaTeX", ranked.len());

    // A .safetensors: BF16 [16, 32] weights and an F32 bias, listed in data order.
    let bf16: Vec<u16> = weights(512).iter().map(|v| (v.to_bits() >> 16) as u16).collect();
    let bf16_values: Vec<f32> = bf16.iter().map(|&b| f32::from_bits((b as u32) << 16)).collect();
    let bias: Vec<f32> = (0..32).map(|i| i as f32 / 64.0 - 0.25).collect();
    let mut data: Vec<u8> = bias.iter().flat_map(|v| v.to_le_bytes()).collect();
    data.extend(bf16.iter().flat_map(|b| b.to_le_bytes()));
    let header = r#"{"__metadata__":{"format":"pt"},"layer.weight":{"dtype":"BF16","shape":[16,32],"data_offsets":[128,1152]},"layer.bias":{"dtype":"F32","shape":[32],"data_offsets":[0,128]}}"#;
    let st_path = dir.join("model.safetensors");
    std::fs::write(&st_path, safetensors(header, &data))?;
    open(c, &st_path).await?;
    wait_true(c, "return document.querySelectorAll('[data-testid=tensor-row]').length === 2", "the safetensors rows", 10).await?;
    assert_eq!(rows(c).await?, serde_json::json!([["layer.bias", "F32", "32"], ["layer.weight", "BF16", "16,32"]]));
    check_ranking(c, bias, None, "layer.bias").await?;
    c.find(Locator::Css("[data-testid=\"tensor-row\"][data-name=\"layer.weight\"] button")).await?.click().await?;
    wait_true(c, "return document.querySelector('[data-testid=tensor-histogram-summary]')?.textContent.includes(\"512 values of 'layer.weight'\") === true", "layer.weight's histogram", 10).await?;
    check_ranking(c, bf16_values, Some(32), "layer.weight").await?;
    println!("screenshot: {}", screenshot(c, "tensors-safetensors.png").await?.display());

    // Malformed files: a message naming the problem, the last file's list kept.
    let malformed: [(&str, Vec<u8>, &str); 5] = [
        ("notnumpy.npy", b"this is not a numpy file at all".to_vec(), "\\x93NUMPY"),
        ("short.safetensors", safetensors(header, &data)[..40].to_vec(), "longer than the file"),
        ("outside.safetensors", safetensors(r#"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, &[0; 8]), "data_offsets [0, 16] reach past the data, which has 8 bytes"),
        ("dtype.safetensors", safetensors(r#"{"w":{"dtype":"Q4_K","shape":[2],"data_offsets":[0,8]}}"#, &[0; 8]), "unknown dtype 'Q4_K'"),
        ("truncated.npy", npy(1, "<f4", false, "(8, 64)", &[0; 100]), "needs 2048 bytes of data but the file has 100"),
    ];
    for (name, bytes, words) in malformed {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        open(c, &path).await?;
        wait_true(c, &format!("const e = document.querySelector('[data-testid=tensor-error]'); return !!e && e.textContent.startsWith({name:?})"), name, 10).await?;
        let message = error_text(c).await?;
        assert!(message.contains(words), "{name}: '{message}' does not say '{words}'");
        assert_eq!(rows(c).await?.as_array().map(Vec::len), Some(2), "{name}: the last file's tensors stay");
        println!("{message}");
    }
    println!("screenshot: {}", screenshot(c, "tensors-error.png").await?.display());

    // A larger tensor: cancel its ranking, then rank again.
    let big = weights(1 << 20);
    let big_path = dir.join("big.npy");
    std::fs::write(&big_path, npy(1, "<f4", false, "(1024, 1024)", &f32_bytes(&big)))?;
    open(c, &big_path).await?;
    c.wait().at_most(Duration::from_secs(20)).for_element(Locator::Css("[data-testid=\"ranking-progress-cancel\"]")).await?.click().await?;
    wait_true(c, "const e = document.querySelector('[data-testid=ranking-error]'); return !!e && e.textContent.includes('cancelled')", "the cancelled note", 10).await?;
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=ranking-row]').length").await?, serde_json::json!(0));
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=ranking-progress]').length").await?, serde_json::json!(0));
    c.find(Locator::Css("[data-testid=\"ranking-run\"]")).await?.click().await?;
    let started = Instant::now();
    check_ranking(c, big, Some(1024), "big.npy (2^20 values)").await?;
    println!("big.npy ranked again in {:.1} s (every scheme, 2^20 values)", started.elapsed().as_secs_f64());
    assert_eq!(js(c, "return window.__violations").await?, serde_json::json!([]), "CSP violations");
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn tensors_view_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-tensors");
    let files = TempDir::new("lowbit-tensor-files");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = run(&client, &server, &files.0).await;
    if outcome.is_err() {
        let _ = screenshot(&client, "tensors-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}

/// Elements of the big tensor: 2^22 float32 (16 MiB) unless `LOWBIT_E2E_TENSOR_ELEMENTS`
/// says otherwise (a multiple of 2,048, at most 2^25).
fn big() -> usize {
    std::env::var("LOWBIT_E2E_TENSOR_ELEMENTS").ok().and_then(|s| s.parse().ok()).filter(|&n: &usize| n % 2048 == 0 && n > 0 && n <= 1 << 25).unwrap_or(1 << 22)
}

/// Opens a big tensor and prints the main thread's long tasks until its ranking is in.
async fn run_big(c: &Client, server: &StaticServer, dir: &Path) -> Result<()> {
    c.goto(&server.url("/?view=tensors")).await?;
    c.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css("[data-testid=\"tensor-file\"]")).await?;
    let big = big();
    let path = dir.join("big.npy");
    let values = weights(big);
    std::fs::write(&path, npy(1, "<f4", false, &format!("({}, 2048)", big / 2048), &f32_bytes(&values)))?;
    // The worker started and the view settled before measuring: a small tensor first.
    let small = dir.join("small.npy");
    std::fs::write(&small, npy(1, "<f4", false, "(4, 64)", &f32_bytes(&weights(256))))?;
    open(c, &small).await?;
    let n = ranking_schemes().len();
    wait_true(c, &format!("return document.querySelectorAll('[data-testid=ranking-row]').length === {n}"), "small.npy ranked", 60).await?;
    start_measuring(c).await?;
    let started = Instant::now();
    open(c, &path).await?;
    wait_true(c, "return (document.querySelector('[data-testid=tensor-histogram-summary]') || {}).textContent?.includes(\"'big.npy'\") === true", "big.npy's histogram", 120).await?;
    let histogram = started.elapsed().as_secs_f64();
    wait_true(c, &format!("return document.querySelectorAll('[data-testid=ranking-row]').length === {n} && !document.querySelector('[data-testid=ranking-progress]')"), "big.npy ranked", 600).await?;
    let ranked = started.elapsed().as_secs_f64();
    let m = stop_measuring(c, &[]).await?;
    println!("big.npy ({big} float32 values, {} MiB): histogram after {histogram:.2} s, {n} schemes ranked after {ranked:.1} s", big >> 18);
    m.print("main thread from opening big.npy to its ranking");
    m.assert_no_task_over(LONG_TASK_LIMIT_MS, &format!("opening and ranking a tensor of {big} elements"));
    let summary = js(c, "return document.querySelector('[data-testid=tensor-histogram-summary]').textContent").await?;
    assert!(summary.as_str().unwrap_or("").contains(&format!("{big} values")), "{summary}");
    let first = js(c, "const r = document.querySelector('[data-testid=ranking-row]'); return [r.dataset.scheme, r.dataset.mse]").await?;
    println!("big.npy: best {first}");
    println!("screenshot: {}", screenshot(c, "tensors-big.png").await?.display());
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn a_big_tensor_is_decoded_and_ranked_off_the_main_thread() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-tensors-big");
    let files = TempDir::new("lowbit-tensor-files-big");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = run_big(&client, &server, &files.0).await;
    if outcome.is_err() {
        let _ = screenshot(&client, "tensors-big-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
