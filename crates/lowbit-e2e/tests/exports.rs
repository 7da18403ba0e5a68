//! Export buttons end to end (issue 11: "every table as CSV, Markdown and LaTeX, a value's
//! breakdown as text"), on the views other than Compare (tests/compare.rs) and Tensors
//! (tests/tensors.rs): the explorer's value breakdown and limits table, the seed's 4-bit tables
//! and an 8-bit grid, the GGUF block's values and sub-blocks, the Speed view's table after a
//! run, the MNIST accuracy table, training log and charts, and the signal view's charts and
//! metrics, and the Quantize view's histogram, trace and packed bytes. Every file is parsed and its content checked against the
//! page or lowbit-core.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::Client;
use lowbit_core::decimal::{exact_decimal, js_string};
use lowbit_core::Format;
use lowbit_e2e::exports::{capture_downloads, check_chart_exports, check_table_exports, data_url_text, export, orphan_export_buttons};
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, wait_true, Driver, StaticServer, TempDir, TestResult};

type Result<T> = TestResult<T>;

/// Opens `path`, waits for `ready` (a CSS selector), installs the download capture and checks
/// that every export button on the page names something that exists.
async fn open(c: &Client, server: &StaticServer, path: &str, ready: &str) -> Result<()> {
    c.goto(&server.url(path)).await?;
    wait_true(c, &format!("return !!document.querySelector('{ready}')"), ready, Duration::from_secs(90)).await?;
    capture_downloads(c).await?;
    assert_eq!(orphan_export_buttons(c).await?, 0, "{path}: an export button names nothing on the page");
    Ok(())
}

/// The number of body rows of the table `testid` in the page.
async fn body_rows(c: &Client, testid: &str) -> Result<usize> {
    Ok(js(c, &format!("return document.querySelectorAll('[data-testid={testid}] tbody tr').length")).await?.as_u64().unwrap_or(0) as usize)
}

async fn explorer(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?format=float32&code=0x40490fdb", "[data-testid=value][data-value=\"3.1415927410125732\"]").await?;
    let (name, href) = export(c, "export-text", "value").await?;
    assert_eq!(name, "lowbit-value.txt");
    let text = data_url_text(c, &href).await?;
    let pi = Format::parse("float32").map_err(|e| e.to_string())?.decode(0x40490fdb).value;
    assert!(text.contains("format:  float32\n"), "{text}");
    assert!(text.contains(&format!("exact:   {}\n", exact_decimal(pi))), "the full exact value: {text}");
    assert!(text.contains("bits:    0 10000000 10010010000111111011011  (sign | exponent | mantissa)"), "{text}");
    let rows = body_rows(c, "limits-table").await?;
    let csv = check_table_exports(c, "limits-table", rows).await?;
    let e5m2 = csv.iter().find(|r| r[0] == "float8_e5m2").ok_or("an e5m2 record")?;
    assert_eq!(e5m2[3], "57344");
    println!("explorer: the value's breakdown as text, the limits table ({rows} formats) as CSV, Markdown and LaTeX");
    Ok(())
}

async fn tables(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=tables&table=float8_e4m3fn", "[data-testid=table-float8_e4m3fn] td[data-code]").await?;
    for id in ["nf4", "fp4_bnb", "float4_e2m1fn", "float8_e4m3fn"] {
        let testid = format!("table-{id}");
        let format = Format::parse(id).map_err(|e| e.to_string())?;
        let codes = 1usize << format.bits();
        let csv = check_table_exports(c, &testid, codes).await?;
        assert_eq!(csv[0], ["code", "hex", "bits", "class", "value", "exact value"]);
        for (code, record) in csv[1..].iter().enumerate() {
            let value = format.decode(code as u64).value;
            assert_eq!(record[0], code.to_string());
            assert_eq!(record[4], js_string(value), "{id} code {code}");
            if value.is_finite() {
                assert_eq!(record[5], exact_decimal(value), "{id} code {code}");
            }
            // The page's cell of that code shows the same value.
            let shown = js(c, &format!("return document.querySelector('[data-testid={testid}] [data-code=\"{code}\"]').dataset.value")).await?;
            assert_eq!(shown.as_str(), Some(record[4].as_str()), "{id} code {code}");
        }
    }
    // The NF4 figure (an SVG in the page): a standalone SVG with its colours, and a PNG of it.
    let (name, href) = export(c, "export-svg", "nf4-figure").await?;
    assert_eq!(name, "lowbit-nf4-figure.svg");
    let svg = data_url_text(c, &href).await?;
    let parsed = c
        .execute_async(
            "const [text, done] = arguments; const d = new DOMParser().parseFromString(text, 'image/svg+xml'); done([d.documentElement.namespaceURI, d.getElementsByTagName('parsererror').length, d.getElementsByTagName('circle').length])",
            vec![serde_json::Value::String(svg.clone())],
        )
        .await?;
    assert_eq!(parsed, serde_json::json!(["http://www.w3.org/2000/svg", 0, 16]), "a standalone SVG with the 16 levels");
    assert!(!svg.contains("var(") && svg.contains("<style>"), "colours resolved: {svg:.600}");
    let (name, href) = export(c, "export-png", "nf4-figure").await?;
    assert_eq!(name, "lowbit-nf4-figure.png");
    let png = c
        .execute_async(
            "const [href, done] = arguments; const img = new Image(); img.onload = () => done([href.startsWith('data:image/png;base64,'), img.naturalWidth, img.naturalHeight]); img.onerror = () => done([]); img.src = href;",
            vec![serde_json::Value::String(href)],
        )
        .await?;
    assert_eq!(png, serde_json::json!([true, 1280, 500]), "the figure at twice its 640 × 250");
    println!("tables: NF4, bnb FP4, E2M1 and the e4m3fn grid exported, every code checked against lowbit-core; the NF4 figure as SVG and PNG");
    Ok(())
}

async fn block(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=block&type=q4_k", "[data-testid=block-values] tbody tr").await?;
    let rows = body_rows(c, "block-values").await?;
    assert_eq!(rows, 256);
    let csv = check_table_exports(c, "block-values", rows).await?;
    assert_eq!(csv[0], ["element", "group", "code", "level", "scale", "min", "value"]);
    for i in [0usize, 77, 255] {
        let shown = js(c, &format!("return document.querySelector('[data-testid=block-values] tr[data-index=\"{i}\"]').dataset.value")).await?;
        assert_eq!(shown.as_str(), Some(csv[i + 1][6].as_str()), "element {i}");
    }
    let subs = check_table_exports(c, "block-subs", body_rows(c, "block-subs").await?).await?;
    assert_eq!(subs.len(), 9, "q4_k: 8 sub-blocks");
    println!("block: q4_k's 256 values and 8 sub-blocks exported");
    Ok(())
}

async fn bench(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=bench&n=4096", "[data-testid=bench-run]").await?;
    c.find(fantoccini::Locator::Css("[data-testid=bench-run]")).await?.click().await?;
    wait_true(c, "return document.querySelectorAll('[data-testid=bench-row]').length > 10 && !document.querySelector('[data-testid=bench-progress]')", "the bench's rows", Duration::from_secs(120)).await?;
    let rows = body_rows(c, "bench-table").await?;
    let csv = check_table_exports(c, "bench-table", rows).await?;
    let shown = js(c, "return [...document.querySelectorAll('[data-testid=bench-row]')].map(r => [r.dataset.op, r.dataset.format ?? r.dataset.scheme, r.dataset.elementsPerSecond])").await?;
    for (record, row) in csv[1..].iter().zip(shown.as_array().ok_or("rows")?) {
        assert_eq!([record[0].as_str(), record[1].as_str(), record[3].as_str()], [row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or(""), row[2].as_str().unwrap_or("")]);
        assert!(record[3].parse::<f64>().is_ok_and(|r| r > 0.0), "{record:?}");
    }
    println!("bench: {rows} rows exported, rates equal the page's data attributes");
    Ok(())
}

async fn mnist(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=mnist", "[data-testid=mnist-table] tbody tr").await?;
    let rows = body_rows(c, "mnist-table").await?;
    let csv = check_table_exports(c, "mnist-table", rows).await?;
    let shown = js(c, "return [...document.querySelectorAll('[data-testid=mnist-table] tbody tr')].map(r => [r.dataset.scheme, r.dataset.accuracy])").await?;
    for (record, row) in csv[1..].iter().zip(shown.as_array().ok_or("rows")?) {
        assert_eq!([record[0].as_str(), record[1].as_str()], [row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or("")]);
    }
    let fp32 = csv.iter().find(|r| r[0] == "float32").ok_or("a float32 record")?;
    assert_eq!(fp32[8], "96.01", "the article's figure beside the seed's row");
    wait_true(c, "return Number(document.querySelector('[data-testid=mnist-chart]').dataset.drawn) > 0 && Number(document.querySelector('[data-testid=mnist-histograms]').dataset.drawn) > 0", "the charts", Duration::from_secs(60)).await?;
    check_chart_exports(c, "mnist-chart", "float32").await?;
    for layer in 0..3 {
        check_chart_exports(c, &format!("mnist-histogram-{layer}"), &format!("model.{}.weight", 2 * layer)).await?;
    }
    wait_true(c, "return document.querySelectorAll('[data-testid=mnist-sample-logits] tbody tr').length > 0", "the sample's logits", Duration::from_secs(60)).await?;
    let answers = check_table_exports(c, "mnist-sample-logits", body_rows(c, "mnist-sample-logits").await?).await?;
    let digits = js(c, "return [...document.querySelectorAll('[data-testid=mnist-sample-logits] tbody tr')].map(r => [r.dataset.scheme, r.dataset.digit])").await?;
    for (record, row) in answers[1..].iter().zip(digits.as_array().ok_or("rows")?) {
        assert_eq!([record[0].as_str(), record[1].as_str()], [row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or("")]);
        assert_eq!(record.len(), 12, "scheme, prediction, ten logits");
    }
    let epochs = check_table_exports(c, "mnist-epochs", 0).await?;
    assert_eq!(epochs[0], ["epoch", "loss", "test accuracy (%)"]);
    println!("mnist: {rows} schemes exported, accuracies equal the page's; the accuracy chart and 3 histograms as PNG and SVG");
    Ok(())
}

async fn quantize(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1", "[data-testid=quantize-trace] tbody tr[data-index=\"3\"]").await?;
    wait_true(c, "return Number(document.querySelector('[data-testid=quantize-histogram]')?.dataset.drawn) > 0", "the histogram", Duration::from_secs(30)).await?;
    check_chart_exports(c, "quantize-histogram", "int4_absmax").await?;
    js(c, "document.querySelector('[data-testid=quantize-histogram]').scrollIntoView({block: 'center'}); return true").await?;
    std::fs::write(screenshot_dir().join("quantize-histogram.png"), c.screenshot().await?)?;
    let csv = check_table_exports(c, "quantize-trace", 4).await?;
    let codes = js(c, "return [...document.querySelectorAll('[data-testid=quantize-trace] tbody tr')].map(r => r.dataset.code)").await?;
    let code_column = csv[0].iter().position(|h| h.starts_with("code")).ok_or("a code column")?;
    for (record, code) in csv[1..].iter().zip(codes.as_array().ok_or("codes")?) {
        assert_eq!(Some(record[code_column].as_str()), code.as_str(), "{record:?}");
    }
    assert_eq!(csv[1..].iter().map(|r| r[code_column].as_str()).collect::<Vec<_>>(), ["-2", "1", "4", "-7"], "seed 002's codes");
    // Seed 000's packed bytes, as the page's data-bytes and as the article prints them.
    open(c, server, "/?view=quantize&scheme=fp4_bnb&values=1,2,3,4", "[data-testid=quantize-packed] tbody tr").await?;
    let bytes = check_table_exports(c, "quantize-packed", 2).await?;
    assert_eq!(bytes[0].len(), 6, "index, hex, binary, decimal, two nibbles: {:?}", bytes[0]);
    let shown = js(c, "return document.querySelector('[data-testid=quantize-packed]').dataset.bytes").await?;
    assert_eq!(bytes[1..].iter().map(|r| r[3].as_str()).collect::<Vec<_>>().join(","), shown.as_str().unwrap_or_default(), "the page's data-bytes");
    assert_eq!(bytes[1], ["0", "0x75", "01110101", "117", "7", "5"]);
    assert_eq!(bytes[2], ["1", "0x23", "00100011", "35", "2", "3"]);
    println!("quantize: the histogram with its levels as PNG and SVG, the trace (4 rows) with the page's codes, seed 000's packed bytes [117, 35]");
    Ok(())
}

async fn signal(c: &Client, server: &StaticServer) -> Result<()> {
    open(c, server, "/?view=signal&schemes=nf4,fp4_bnb&samples=512", "[data-testid=signal-metrics] tbody tr[data-scheme=fp4_bnb]").await?;
    wait_true(c, "return ['sine-plot', 'error-plot'].every(id => Number(document.querySelector(`[data-testid=${id}]`).dataset.drawn) > 0)", "both charts", Duration::from_secs(30)).await?;
    check_chart_exports(c, "sine-plot", "nf4").await?;
    check_chart_exports(c, "error-plot", "fp4_bnb").await?;
    let csv = check_table_exports(c, "signal-metrics", 2).await?;
    let shown = js(c, "return [...document.querySelectorAll('[data-testid=signal-metrics] tbody tr')].map(r => [r.dataset.scheme, r.dataset.mse, r.dataset.sqnrDb])").await?;
    for (record, row) in csv[1..].iter().zip(shown.as_array().ok_or("rows")?) {
        assert_eq!([record[0].as_str(), record[2].as_str(), record[4].as_str()], [row[0].as_str().unwrap_or(""), row[1].as_str().unwrap_or(""), row[2].as_str().unwrap_or("")]);
    }
    println!("signal: both charts as PNG and SVG, the metrics ({} schemes) with the page's MSE and SQNR", csv.len() - 1);
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn every_table_and_breakdown_exports_a_valid_file() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-exports");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let mut outcome = explorer(&client, &server).await;
    if outcome.is_ok() {
        outcome = tables(&client, &server).await;
    }
    if outcome.is_ok() {
        outcome = block(&client, &server).await;
    }
    if outcome.is_ok() {
        outcome = bench(&client, &server).await;
    }
    if outcome.is_ok() {
        outcome = mnist(&client, &server).await;
    }
    if outcome.is_ok() {
        outcome = signal(&client, &server).await;
    }
    if outcome.is_ok() {
        outcome = quantize(&client, &server).await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
