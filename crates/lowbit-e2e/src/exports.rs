//! Checking the app's export buttons (`export-png`, `export-svg`, `export-csv`,
//! `export-markdown`, `export-latex`, `export-text`, each with `data-export-for`): downloads are
//! captured in the page instead of saved, their `data:` URLs decoded by the page (its
//! Content-Security-Policy allows no `data:` fetch), and every file parsed.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::{js, wait_true, TestResult};

/// Installs the capture: an `<a download>` click records (file name, href) in
/// `window.__downloads` instead of saving. Call it after each navigation.
pub async fn capture_downloads(c: &Client) -> TestResult<()> {
    js(
        c,
        "window.__downloads = []; const click = HTMLElement.prototype.click; \
         HTMLElement.prototype.click = function () { if (this.tagName === 'A' && this.hasAttribute('download')) { window.__downloads.push([this.getAttribute('download'), this.href]); return; } return click.call(this); }; return true",
    )
    .await?;
    Ok(())
}

/// How many export buttons name a `data-export-for` that no element's `data-testid` has.
pub async fn orphan_export_buttons(c: &Client) -> TestResult<u64> {
    let v = js(c, "return [...document.querySelectorAll('[data-export-for]')].filter(b => !document.querySelector(`[data-testid=\"${b.dataset.exportFor}\"]`)).length").await?;
    Ok(v.as_u64().unwrap_or(u64::MAX))
}

/// Clicks the export button `kind` for `target` and returns (file name, href) of the download.
pub async fn export(c: &Client, kind: &str, target: &str) -> TestResult<(String, String)> {
    let selector = format!("[data-testid={kind}][data-export-for={target}]");
    c.find(Locator::Css(&selector)).await?.click().await?;
    wait_true(c, "return window.__downloads.length > 0", &format!("a download from {selector}"), Duration::from_secs(10)).await?;
    let v = js(c, "return window.__downloads.pop()").await?;
    Ok((v[0].as_str().unwrap_or_default().to_string(), v[1].as_str().unwrap_or_default().to_string()))
}

/// The text of a `data:` URL, decoded by the page.
pub async fn data_url_text(c: &Client, href: &str) -> TestResult<String> {
    let v = c
        .execute_async(
            "const [href, done] = arguments; const comma = href.indexOf(','); const head = href.slice(0, comma), body = href.slice(comma + 1); \
             try { done(head.endsWith(';base64') ? new TextDecoder().decode(Uint8Array.from(atob(body), ch => ch.charCodeAt(0))) : decodeURIComponent(body)); } catch (e) { done('ERROR ' + e); }",
            vec![Value::String(href.into())],
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// RFC 4180 CSV records.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
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

/// Exports `table` as CSV, Markdown and LaTeX and checks each file's structure: `records` body
/// rows, as many columns in every row as the header has, a Markdown rule under the header, a
/// LaTeX `tabular` with a line per row. Returns the CSV records, header first.
pub async fn check_table_exports(c: &Client, table: &str, records: usize) -> TestResult<Vec<Vec<String>>> {
    let (name, href) = export(c, "export-csv", table).await?;
    assert_eq!(name, format!("lowbit-{table}.csv"));
    let csv = parse_csv(&data_url_text(c, &href).await?);
    assert_eq!(csv.len(), records + 1, "{table}: header and a record per row");
    assert!(csv.iter().all(|r| r.len() == csv[0].len()), "{table}: ragged CSV");

    let (name, href) = export(c, "export-markdown", table).await?;
    assert_eq!(name, format!("lowbit-{table}.md"));
    let md = data_url_text(c, &href).await?;
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines.len(), records + 2, "{table}: header, rule, rows");
    assert!(lines[1].chars().all(|ch| ch == '|' || ch == '-'), "{table}: {}", lines[1]);
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    assert!(lines.iter().all(|l| l.starts_with("| ") || l.starts_with("|-")) && lines.iter().all(|l| cells(l) == cells(lines[0])), "{table}: {md}");

    let (name, href) = export(c, "export-latex", table).await?;
    assert_eq!(name, format!("lowbit-{table}.tex"));
    let tex = data_url_text(c, &href).await?;
    assert!(tex.starts_with("\\begin{tabular}{") && tex.trim_end().ends_with("\\end{tabular}"), "{table}: {tex}");
    let body: Vec<&str> = tex.lines().filter(|l| l.ends_with("\\\\")).collect();
    assert_eq!(body.len(), records + 1, "{table}: a line per row and the header");
    let amps = |l: &str| l.replace("\\&", "").matches('&').count();
    assert!(body.iter().all(|l| amps(l) == csv[0].len() - 1), "{table}: {tex}");
    Ok(csv)
}

/// Exports the chart `chart` (a canvas) as PNG and SVG and checks both: the PNG's signature and
/// that it decodes to the canvas's size; the SVG parses, has text, and contains `label`.
pub async fn check_chart_exports(c: &Client, chart: &str, label: &str) -> TestResult<()> {
    let (name, href) = export(c, "export-png", chart).await?;
    assert_eq!(name, format!("lowbit-{chart}.png"));
    let png: Vec<f64> = serde_json::from_value(
        c.execute_async(
            "const [href, done] = arguments; const bytes = atob(href.slice(href.indexOf(',') + 1)); const head = [...bytes.slice(0, 24)].map(ch => ch.charCodeAt(0)); \
             const img = new Image(); img.onload = () => done([...head, img.naturalWidth, img.naturalHeight]); img.onerror = () => done([]); img.src = href;",
            vec![Value::String(href)],
        )
        .await?,
    )?;
    assert_eq!(png[..8], [137.0, 80.0, 78.0, 71.0, 13.0, 10.0, 26.0, 10.0], "{chart}: PNG signature");
    let size: Vec<f64> = serde_json::from_value(js(c, &format!("const e = document.querySelector('[data-testid={chart}]'); return [e.width, e.height]")).await?)?;
    assert_eq!(png[24..], size[..], "{chart}: the PNG decodes to the canvas's size");

    let (name, href) = export(c, "export-svg", chart).await?;
    assert_eq!(name, format!("lowbit-{chart}.svg"));
    let svg = data_url_text(c, &href).await?;
    let parsed = c
        .execute_async(
            "const [text, done] = arguments; const d = new DOMParser().parseFromString(text, 'image/svg+xml'); done([d.documentElement.tagName, d.getElementsByTagName('parsererror').length, d.getElementsByTagName('text').length])",
            vec![Value::String(svg.clone())],
        )
        .await?;
    assert_eq!(parsed[0], "svg", "{chart}: {parsed}");
    assert_eq!(parsed[1], 0, "{chart}: the SVG parses");
    assert!(parsed[2].as_u64().unwrap_or(0) > 3 && svg.contains(label), "{chart}: labelled with {label}");
    Ok(())
}
