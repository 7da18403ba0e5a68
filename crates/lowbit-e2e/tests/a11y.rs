//! Accessibility audit end to end (issue 11): axe-core (npm, installed by scripts/setup.sh into
//! `.tools/npm`) runs in every view of the built app, in the light and the dark theme and in
//! the projector's high-contrast theme, and at a phone's width (390 px) in Russian and in the
//! dark theme, and finds no violation of serious or critical impact.
//! Every violation found (of any impact) is printed with the elements it names, so a failure
//! says what to fix. Screenshots: tests/screenshots/a11y-*.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::Client;
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, wait_true, Driver, StaticServer, TempDir, TestResult};
use serde_json::Value;

type Result<T> = TestResult<T>;

/// Where scripts/setup.sh installs axe-core.
fn axe_source() -> String {
    let path = repo_root().join(".tools/npm/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run scripts/setup.sh)", path.display()))
}

/// Every view ([`lowbit_e2e::VIEWS`]), and the explorer once more with a 32-bit format (a
/// longer bit row and formula).
fn views() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    lowbit_e2e::VIEWS.into_iter().chain([("explorer-float32", "/?format=float32&code=0x40490fdb", "[data-testid=value]")])
}

/// Runs axe in the page; returns its violations as `[{id, impact, help, nodes: [target…]}]`.
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 6).map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')) }))))
  .catch(e => done('axe failed: ' + e));
"#;

async fn audit(c: &Client, axe: &str, name: &str) -> Result<Vec<String>> {
    if js(c, "return typeof axe").await? != "object" {
        c.execute(axe, vec![]).await?;
    }
    let violations = c.execute_async(RUN_AXE, vec![]).await?;
    let Value::Array(violations) = violations else {
        return Err(format!("{name}: {violations}").into());
    };
    let mut serious = Vec::new();
    for v in &violations {
        let impact = v["impact"].as_str().unwrap_or("unknown");
        let line = format!("{name}: [{impact}] {} — {}\n      {}", v["id"], v["help"], v["nodes"].as_array().map(|n| n.iter().map(|t| t.as_str().unwrap_or("").to_string()).collect::<Vec<_>>().join("\n      ")).unwrap_or_default());
        println!("{line}");
        if matches!(impact, "serious" | "critical") {
            serious.push(line);
        }
    }
    Ok(serious)
}

/// The passes: (theme, language, window width). Desktop in each theme, then the phone width
/// (390 px) in Russian and in the dark theme.
const PASSES: [(&str, &str, u32); 5] = [("light", "en", 1280), ("dark", "en", 1280), ("contrast", "en", 1280), ("light", "ru", 390), ("dark", "en", 390)];

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    let axe = axe_source();
    let mut failures = Vec::new();
    let mut audited = 0;
    for (theme, lang, width) in PASSES {
        c.set_window_size(width, 900).await?;
        for (name, path, ready) in views() {
            c.goto(&server.url(&format!("{path}&theme={theme}&lang={lang}"))).await?;
            let script = format!("return !!document.querySelector('{ready}') && document.documentElement.dataset.theme === '{theme}' && document.documentElement.lang === '{lang}'");
            let label = format!("{name}/{theme}/{lang}/{width}px");
            wait_true(c, &script, &label, Duration::from_secs(60)).await?;
            tokio::time::sleep(Duration::from_millis(150)).await;
            failures.extend(audit(c, &axe, &label).await?);
            audited += 1;
            if theme != "contrast" {
                let shot = if width < 1000 { format!("a11y-{name}-{theme}-{lang}-phone.png") } else { format!("a11y-{name}-{theme}.png") };
                std::fs::write(screenshot_dir().join(shot), c.screenshot().await?)?;
            }
        }
    }
    println!("axe-core audited {audited} pages: {} serious or critical violations", failures.len());
    if failures.is_empty() { Ok(()) } else { Err(failures.join("\n").into()) }
}

#[tokio::test(flavor = "current_thread")]
async fn no_serious_or_critical_accessibility_violations_in_any_view_or_theme() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-a11y");
    let client = connect(&driver, &profile.0, 1280, 900).await;
    let outcome = run(&client, &server).await;
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
