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
        let format = Format::parse(id).map_err(|e| e.0)?;
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

/// Captures downloads: an `<a download>` click records (file name, href) instead of saving.
const CAPTURE: &str = "window.__downloads = []; const click = HTMLElement.prototype.click; \
    HTMLElement.prototype.click = function () { if (this.tagName === 'A' && this.hasAttribute('download')) { window.__downloads.push([this.getAttribute('download'), this.href]); return; } return click.call(this); }; return true";

/// Clicks the export button `kind` for `target` and returns (file name, href) of the download.
async fn export(c: &Client, kind: &str, target: &str) -> Result<(String, String)> {
    let selector = format!("[data-testid={kind}][data-export-for={target}]");
    c.find(Locator::Css(&selector)).await?.click().await?;
    wait_true(c, "return window.__downloads.length > 0", "a download").await?;
    let v = js(c, "return window.__downloads.pop()").await?;
    Ok((v[0].as_str().unwrap_or_default().to_string(), v[1].as_str().unwrap_or_default().to_string()))
}

/// The text of a `data:` URL, decoded by the page (not fetched: the page's
/// Content-Security-Policy allows no `data:` connections, and the app makes none).
async fn fetch_text(c: &Client, href: &str) -> Result<String> {
    let v = c.execute_async(
        "const [href, done] = arguments; const comma = href.indexOf(','); const head = href.slice(0, comma), body = href.slice(comma + 1); \
         try { done(head.endsWith(';base64') ? new TextDecoder().decode(Uint8Array.from(atob(body), ch => ch.charCodeAt(0))) : decodeURIComponent(body)); } catch (e) { done('ERROR ' + e); }",
        vec![Value::String(href.into())],
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// RFC 4180 CSV records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted, mut chars) = (Vec::new(), Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, ch) => field.push(ch),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, ch) => field.push(ch),
        }
    }
    rows
}

async fn exports(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=compare&formats=float8_e4m3fn,int4&value=3.14")).await?;
    find(c, "value-row").await?;
    wait_true(c, "return +document.querySelector('[data-testid=number-line]').dataset.drawn >= 1", "drawn").await?;
    js(c, CAPTURE).await?;
    // Every export button names something that exists.
    let orphans = js(c, "return [...document.querySelectorAll('[data-export-for]')].filter(b => !document.querySelector(`[data-testid=\"${b.dataset.exportFor}\"]`)).length").await?;
    assert_eq!(orphans, 0);
    for chart in ["number-line", "spacing-plot"] {
        let (name, href) = export(c, "export-png", chart).await?;
        assert_eq!(name, format!("lowbit-{chart}.png"));
        let png: Vec<f64> = serde_json::from_value(c.execute_async(
            "const [href, done] = arguments; const bytes = atob(href.slice(href.indexOf(',') + 1)); const head = [...bytes.slice(0, 24)].map(ch => ch.charCodeAt(0)); \
             const img = new Image(); img.onload = () => done([...head, img.naturalWidth, img.naturalHeight]); img.onerror = () => done([]); img.src = href;",
            vec![Value::String(href)],
        ).await?)?;
        assert_eq!(png[..8], [137.0, 80.0, 78.0, 71.0, 13.0, 10.0, 26.0, 10.0], "{chart}: PNG signature");
        let size: Vec<f64> = serde_json::from_value(js(c, &format!("const e = document.querySelector('[data-testid={chart}]'); return [e.width, e.height]")).await?)?;
        assert_eq!(png[24..], size[..], "{chart}: the PNG decodes to the canvas's size");
        let (name, href) = export(c, "export-svg", chart).await?;
        assert_eq!(name, format!("lowbit-{chart}.svg"));
        let svg = fetch_text(c, &href).await?;
        let parsed = c.execute_async(
            "const [text, done] = arguments; const d = new DOMParser().parseFromString(text, 'image/svg+xml'); done([d.documentElement.tagName, d.getElementsByTagName('parsererror').length, d.getElementsByTagName('text').length])",
            vec![Value::String(svg.clone())],
        ).await?;
        assert_eq!(parsed[0], "svg", "{chart}: {parsed}");
        assert_eq!(parsed[1], 0, "{chart}: the SVG parses");
        assert!(parsed[2].as_u64().unwrap_or(0) > 3 && svg.contains("float8_e4m3fn"), "{chart}: labelled");
    }
    for table in ["compare-table", "value-table"] {
        let rows = js(c, &format!("return document.querySelectorAll('[data-testid={table}] tbody tr').length")).await?.as_u64().unwrap_or(0) as usize;
        let (name, href) = export(c, "export-csv", table).await?;
        assert_eq!(name, format!("lowbit-{table}.csv"));
        let csv = parse_csv(&fetch_text(c, &href).await?);
        assert_eq!(csv.len(), rows + 1, "{table}: header and a record per row");
        assert!(csv.iter().all(|r| r.len() == csv[0].len()), "{table}: ragged CSV");
        assert_eq!(csv[0][0], "format");
        let e4m3 = csv.iter().find(|r| r[0] == "float8_e4m3fn").ok_or("e4m3 record")?;
        if table == "compare-table" {
            assert_eq!(e4m3[3], "448");
        } else {
            assert_eq!((e4m3[1].as_str(), e4m3[4].as_str()), ("69", "3.25"));
        }
        let (name, href) = export(c, "export-markdown", table).await?;
        assert_eq!(name, format!("lowbit-{table}.md"));
        let md = fetch_text(c, &href).await?;
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), rows + 2, "{table}: header, rule, rows");
        assert!(lines[1].chars().all(|ch| ch == '|' || ch == '-'), "{table}: {}", lines[1]);
        let cells = |l: &str| l.replace("\\|", "").matches('|').count();
        assert!(lines.iter().all(|l| l.starts_with("| ") || l.starts_with("|-")) && lines.iter().all(|l| cells(l) == cells(lines[0])), "{table}: {md}");
        let (name, href) = export(c, "export-latex", table).await?;
        assert_eq!(name, format!("lowbit-{table}.tex"));
        let tex = fetch_text(c, &href).await?;
        assert!(tex.starts_with("\\begin{tabular}{") && tex.trim_end().ends_with("\\end{tabular}"), "{table}: {tex}");
        let body: Vec<&str> = tex.lines().filter(|l| l.ends_with("\\\\")).collect();
        assert_eq!(body.len(), rows + 1, "{table}: a line per row and the header");
        let amps = |l: &str| l.replace("\\&", "").matches('&').count();
        assert!(body.iter().all(|l| amps(l) == csv[0].len() - 1), "{table}: {tex}");
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
