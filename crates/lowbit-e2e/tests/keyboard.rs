//! Keyboard-only use, end to end: the built `dist/` served on 127.0.0.1, headless Chromium
//! through chromedriver, and nothing but real key presses (WebDriver key actions sent to
//! whatever has focus — no clicks, no dispatched events, no `element.focus()`).
//!
//! - The explorer: from the page's start Tab reaches the bit row as one Tab stop (roving
//!   tabindex), the arrows move inside it, Space and Enter toggle the focused bit and the value
//!   becomes what lowbit-core decodes here natively, the next Tab leaves the row and Shift+Tab
//!   comes back to the bit last used; the jump buttons (max, min normal, min subnormal, ±Inf,
//!   NaN, −0) set the code and value lowbit-core finds by scanning every code; a limit of the
//!   limits card and a row of the all-formats table open by Enter.
//! - Visible focus on every view, in the light, dark and contrast themes: Tab through the
//!   first [`MAX_STOPS`] stops; each focused element (or, for a visually hidden control, the
//!   nearest visible ancestor) shows an outline or a box-shadow that it does not show once
//!   focus has moved on (an outline with at least 3:1 contrast against its background), and
//!   every press moves focus.
//!
//! Prints the stops per view and saves `keyboard-bits-focus.png` (a focused bit row).
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use lowbit_core::decimal::js_string;
use lowbit_core::Format;
use lowbit_e2e::{browser_log, connect, js, repo_root, screenshot_dir, wait_true, Driver, StaticServer, TempDir, TestResult as Result};
use serde_json::Value;

/// How many Tab stops each view is walked through at most.
const MAX_STOPS: usize = 40;

/// How long a page or an update may take before a wait fails.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Presses `keys` together (held in order, released in reverse): a real key press through
/// WebDriver's actions, delivered to the focused element.
async fn chord(c: &Client, keys: &[Key]) -> Result<()> {
    let mut actions = KeyActions::new("keyboard".into());
    for &k in keys {
        actions = actions.then(KeyAction::Down { value: k.into() });
    }
    for &k in keys.iter().rev() {
        actions = actions.then(KeyAction::Up { value: k.into() });
    }
    c.perform_actions(actions).await?;
    Ok(())
}

async fn press(c: &Client, key: Key) -> Result<()> {
    chord(c, &[key]).await
}

/// A real Space press (Space has no `Key` of its own).
async fn press_space(c: &Client) -> Result<()> {
    let actions = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: ' ' }).then(KeyAction::Up { value: ' ' });
    c.perform_actions(actions).await?;
    Ok(())
}

/// The focused element's `data-testid` ("" for none, "(body)" when nothing is focused).
async fn focused_testid(c: &Client) -> Result<String> {
    let v = js(c, "const e = document.activeElement; return !e || e === document.body ? '(body)' : (e.dataset.testid || '')").await?;
    Ok(v.as_str().unwrap_or("").to_string())
}

/// Waits until the explorer shows `code` (decimal) and the value lowbit-core decodes for it.
async fn wait_code(c: &Client, format: &Format, code: u64, what: &str) -> Result<()> {
    let value = js_string(format.decode(code).value);
    let script = format!(
        "return document.querySelector('[data-testid=code]')?.dataset.code === '{code}' && document.querySelector('[data-testid=value]')?.dataset.value === '{value}'"
    );
    if let Err(e) = wait_true(c, &script, &format!("{what}: code {code}, value {value}"), TIMEOUT).await {
        let shown = js(c, "return [document.querySelector('[data-testid=code]')?.dataset.code, document.querySelector('[data-testid=value]')?.dataset.value]").await?;
        return Err(format!("{e}; the page shows [code, value] {shown}").into());
    }
    Ok(())
}

/// The bits that are Tab stops (`tabindex="0"`), by position.
async fn tab_stop_bits(c: &Client) -> Result<Vec<String>> {
    let v = js(c, "return [...document.querySelectorAll('[data-testid^=\"bit-\"][tabindex=\"0\"]')].map(b => b.dataset.bit)").await?;
    Ok(v.as_array().cloned().unwrap_or_default().iter().map(|x| x.as_str().unwrap_or("").to_string()).collect())
}

/// Presses Tab until the focused element matches `selector`; returns the presses it took.
/// Fails after `limit` presses, naming the stops passed.
async fn tab_to(c: &Client, selector: &str, limit: usize) -> Result<usize> {
    let script = format!("return !!document.activeElement && document.activeElement.matches('{selector}')");
    let mut passed = Vec::new();
    for presses in 1..=limit {
        press(c, Key::Tab).await?;
        if js(c, &script).await? == Value::Bool(true) {
            return Ok(presses);
        }
        passed.push(focused_testid(c).await?);
    }
    Err(format!("{limit} Tabs did not reach {selector}; passed {passed:?}").into())
}

/// The explorer by keyboard alone.
async fn explorer(c: &Client, server: &StaticServer) -> Result<()> {
    let format = Format::parse("float8_e5m2").map_err(|e| e.to_string())?;
    let start = 0x38_u64; // 0.5
    c.goto(&server.url(&format!("/?format=float8_e5m2&code={start:#x}"))).await?;
    wait_code(c, &format, start, "the page's start").await?;
    assert_eq!(focused_testid(c).await?, "(body)", "nothing is focused before the first Tab");

    // From the page's start, Tab reaches the bit row: its most significant bit, the row's only
    // Tab stop; no other bit was a stop on the way.
    let presses = tab_to(c, "[data-testid^=\"bit-\"]", 40).await?;
    assert_eq!(focused_testid(c).await?, "bit-7", "the row's Tab stop is its most significant bit");
    assert_eq!(tab_stop_bits(c).await?, ["7"], "exactly one bit has tabindex=0");
    println!("explorer: {presses} Tabs from the page's start to the bit row");

    // The arrows move focus inside the row; the Tab stop follows.
    press(c, Key::Right).await?;
    press(c, Key::Right).await?;
    assert_eq!(focused_testid(c).await?, "bit-5", "→ → from bit 7");
    press(c, Key::Left).await?;
    assert_eq!(focused_testid(c).await?, "bit-6", "← from bit 5");
    assert_eq!(tab_stop_bits(c).await?, ["6"], "the Tab stop moves with focus");
    press(c, Key::End).await?;
    assert_eq!(focused_testid(c).await?, "bit-0", "End: the least significant bit");
    press(c, Key::Home).await?;
    assert_eq!(focused_testid(c).await?, "bit-7", "Home: the most significant bit");
    press(c, Key::Right).await?;
    assert_eq!(focused_testid(c).await?, "bit-6");

    // Space toggles the focused bit (the top exponent bit of e5m2 below the sign).
    let after_space = start ^ (1 << 6);
    press_space(c).await?;
    wait_code(c, &format, after_space, "Space on bit 6").await?;
    assert_eq!(focused_testid(c).await?, "bit-6", "focus stays on the toggled bit");
    // Enter toggles too: the mantissa's top bit (bit 1).
    for _ in 0..5 {
        press(c, Key::Right).await?;
    }
    assert_eq!(focused_testid(c).await?, "bit-1");
    let after_enter = after_space ^ (1 << 1);
    press(c, Key::Enter).await?;
    wait_code(c, &format, after_enter, "Enter on bit 1").await?;
    println!(
        "explorer: Space on bit 6, Enter on bit 1: code {start:#04x} ({}) → {after_enter:#04x} ({}), as lowbit-core decodes",
        js_string(format.decode(start).value),
        js_string(format.decode(after_enter).value)
    );

    // A screenshot of the focused row (the focus ring must be visible in it).
    let card = c.find(Locator::Css(".bits-card")).await?;
    let shot = screenshot_dir().join("keyboard-bits-focus.png");
    std::fs::write(&shot, card.screenshot().await?)?;
    println!("screenshot: {}", shot.display());

    // The next Tab leaves the row; Shift+Tab comes back to the bit last used.
    press(c, Key::Tab).await?;
    let left_to = focused_testid(c).await?;
    assert!(!left_to.starts_with("bit-"), "one Tab leaves the row (focus went to {left_to:?})");
    chord(c, &[Key::Shift, Key::Tab]).await?;
    assert_eq!(focused_testid(c).await?, "bit-1", "Shift+Tab returns to the bit last focused");

    // The jump buttons: each found by Tab from the last, Enter sets its value. The expected
    // codes come from scanning every code of the format here.
    let limits = format.limits();
    let codes: Vec<(u64, f64)> = (0..=format.max_code()).map(|c| (c, format.decode(c).value)).collect();
    let find = |pred: &dyn Fn(f64) -> bool| codes.iter().find(|(_, v)| pred(*v)).map(|(c, _)| *c).expect("a code");
    let min_normal = limits.min_normal.expect("e5m2 has normals");
    let min_positive = limits.min_positive.expect("e5m2 has subnormals");
    let targets: [(&str, Option<u64>); 7] = [
        ("max", Some(find(&|v| v == limits.max))),
        ("min-normal", Some(find(&|v| v == min_normal))),
        ("min-subnormal", Some(find(&|v| v == min_positive))),
        ("neg-zero", Some(find(&|v| v == 0.0 && v.is_sign_negative()))),
        ("inf", Some(find(&|v| v == f64::INFINITY))),
        ("neg-inf", Some(find(&|v| v == f64::NEG_INFINITY))),
        ("nan", None),
    ];
    for (name, expected) in targets {
        let selector = format!("[data-testid=\"jump-{name}\"]");
        tab_to(c, &selector, 12).await?;
        press(c, Key::Enter).await?;
        match expected {
            Some(code) => wait_code(c, &format, code, &format!("Enter on jump-{name}")).await?,
            None => {
                let script = "const c = document.querySelector('[data-testid=code]')?.dataset.code; return c !== undefined && c !== '60' && document.querySelector('[data-testid=value]')?.dataset.value === 'NaN'";
                wait_true(c, script, "Enter on jump-nan: a NaN", TIMEOUT).await?;
                let code: u64 = js(c, "return document.querySelector('[data-testid=code]').dataset.code").await?.as_str().unwrap_or("").parse()?;
                assert!(format.decode(code).value.is_nan(), "jump-nan's code {code} decodes to NaN in lowbit-core");
            }
        }
        assert_eq!(js(c, &format!("return document.querySelector('{selector}').getAttribute('aria-pressed')")).await?, "true", "jump-{name} is marked current");
    }
    println!("explorer: jumps max, min normal, min subnormal, −0, +Inf, −Inf, NaN by Tab and Enter");

    // A limit of the limits card opens its value by Enter.
    let presses = tab_to(c, "[data-testid=limits-card] .limit-open", 60).await?;
    let code: u64 = js(c, "return document.activeElement.dataset.code").await?.as_str().unwrap_or("").parse()?;
    assert!(!format.decode(code).value.is_nan(), "the first limit is a number");
    press(c, Key::Enter).await?;
    wait_code(c, &format, code, "Enter on the first limit of the limits card").await?;
    println!("explorer: {presses} Tabs from NaN to the first limit ({code}); Enter opened it");

    // A row of the all-formats limits table opens its format by Enter.
    tab_to(c, "[data-testid=limits-table] [data-format=\"bfloat16\"], [data-testid=limits-table] [data-format=\"bfloat16\"] *", 120).await?;
    press(c, Key::Enter).await?;
    wait_true(c, "return document.querySelector('[data-testid=format-select]')?.value === 'bfloat16' && document.querySelectorAll('[data-testid^=\"bit-\"]').length === 16", "Enter on bfloat16's row opens bfloat16", TIMEOUT).await?;
    println!("explorer: Enter on the limits table's bfloat16 row opened bfloat16");
    Ok(())
}

/// Reads the focused element after a Tab: its index among the elements focused so far on this
/// page (a new one is added), a description, whether it (or a visible ancestor standing in for
/// a visually hidden control) draws an outline or a box-shadow, and — for the element focused
/// before, now that focus has left it — whether that indicator went away.
const FOCUS_STEP: &str = r#"
const s = window.__kb || (window.__kb = { seen: [], prev: null });
const visible = (e) => { const st = getComputedStyle(e); const r = e.getBoundingClientRect(); return r.width >= 4 && r.height >= 4 && st.visibility !== 'hidden' && Number(st.opacity) > 0.1; };
const ring = (e) => {
  const st = getComputedStyle(e);
  const transparent = (c) => /^rgba\(.*,\s*0\)$/.test(c) || c === 'transparent';
  const parts = [];
  if (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0 && !transparent(st.outlineColor)) parts.push(`outline ${st.outlineWidth} ${st.outlineStyle} ${st.outlineColor}`);
  if (st.boxShadow !== 'none') parts.push(`box-shadow ${st.boxShadow}`);
  return parts.join('; ');
};
const describe = (e) => {
  let d = e.tagName.toLowerCase();
  if (e.dataset.testid) d += `[data-testid=${e.dataset.testid}]`;
  if (e.id) d += '#' + e.id;
  if (typeof e.className === 'string' && e.className.trim()) d += '.' + e.className.trim().split(/\s+/).join('.');
  const label = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 24);
  return label ? `${d} "${label}"` : d;
};
let left = null;
if (s.prev) {
  const now = ring(s.prev.holder);
  left = { name: s.prev.name, focused: s.prev.ring, after: now };
}
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) { s.prev = null; return { index: -1, left }; }
let index = s.seen.indexOf(el);
const fresh = index < 0;
if (fresh) { s.seen.push(el); index = s.seen.length - 1; }
let holder = el;
for (let e = el, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
  if (visible(e)) { holder = e; break; }
}
const r = ring(holder);
s.prev = { holder, name: describe(el), ring: r };
// The outline's contrast with what it is drawn on (WCAG 1.4.11 asks 3:1): the first opaque
// background at or above the element (the element's own when the outline is drawn inside it).
const rgba = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
const hs = getComputedStyle(holder);
let contrast = null;
const line = rgba(hs.outlineColor);
if (hs.outlineStyle !== 'none' && hs.outlineStyle !== 'auto' && line) {
  let bg = null;
  for (let e = parseFloat(hs.outlineOffset) < 0 ? holder : holder.parentElement; e && !bg; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c.a >= 0.5) bg = c;
  }
  bg = bg || { r: 255, g: 255, b: 255, a: 1 };
  const [a, b] = [lum(line), lum(bg)].sort((x, y) => y - x);
  contrast = (a + 0.05) / (b + 0.05);
  contrast = { ratio: contrast, line: hs.outlineColor, background: `rgb(${bg.r}, ${bg.g}, ${bg.b})` };
}
return { index, fresh, name: describe(el), holder: holder === el ? '' : describe(holder), ring: r, contrast, focusVisible: el.matches(':focus-visible'), left };
"#;


/// The themes each view is walked in (the focus ring must stand out in each).
const THEMES: [&str; 3] = ["light", "dark", "contrast"];

/// One view's walk: Tab stops reached and the problems found.
struct Walk {
    stops: usize,
    wrapped: bool,
    problems: Vec<String>,
}

/// Checks one step's report of the element focus just left.
fn check_left(view: &str, step: &Value, problems: &mut Vec<String>) {
    let left = &step["left"];
    if left.is_null() {
        return;
    }
    let (name, focused, after) = (left["name"].as_str().unwrap_or(""), left["focused"].as_str().unwrap_or(""), left["after"].as_str().unwrap_or(""));
    if !focused.is_empty() && focused == after {
        problems.push(format!("{view}: {name}: its {focused} is there without focus too, so it does not show focus"));
    }
}

async fn walk(c: &Client, server: &StaticServer, view: &str, path: &str, ready: &str, theme: &str) -> Result<Walk> {
    c.goto(&server.url(&format!("{path}&theme={theme}"))).await?;
    let script = format!("return !!document.querySelector('{ready}') && document.documentElement.dataset.theme === '{theme}'");
    wait_true(c, &script, &format!("{view} ready in the {theme} theme"), Duration::from_secs(60)).await?;
    let verbose = theme == "light";
    let view = &format!("{view}/{theme}");
    let mut problems = Vec::new();
    let mut stops = 0;
    let mut wrapped = false;
    let mut last = -2i64;
    for press_no in 1..=MAX_STOPS + 1 {
        press(c, Key::Tab).await?;
        let step = js(c, FOCUS_STEP).await?;
        check_left(view, &step, &mut problems);
        let index = step["index"].as_i64().unwrap_or(-1);
        if index == -1 {
            // Focus left the document after its last stop (the browser's own UI comes next).
            if stops == 0 {
                problems.push(format!("{view}: Tab {press_no} focused nothing"));
            }
            wrapped = true;
            break;
        }
        if index == last {
            problems.push(format!("{view}: Tab {press_no} left focus on {} (stuck)", step["name"]));
        }
        last = index;
        if step["fresh"] != Value::Bool(true) {
            wrapped = true;
            break;
        }
        if press_no > MAX_STOPS {
            break;
        }
        stops += 1;
        let name = step["name"].as_str().unwrap_or("");
        let ring = step["ring"].as_str().unwrap_or("");
        let holder = step["holder"].as_str().unwrap_or("");
        let via = if holder.is_empty() { String::new() } else { format!(" (shown on {holder})") };
        if verbose {
            println!("  {view} {stops:2}: {name}{via}: {}", if ring.is_empty() { "NO FOCUS INDICATOR" } else { ring });
        }
        if ring.is_empty() {
            problems.push(format!("{view}: stop {stops} {name}{via} shows no outline or box-shadow when focused"));
        }
        if let Some(ratio) = step["contrast"]["ratio"].as_f64() {
            if ratio < 3.0 {
                let (line, background) = (&step["contrast"]["line"], &step["contrast"]["background"]);
                problems.push(format!("{view}: stop {stops} {name}: its focus outline ({line}) has a contrast of {ratio:.2}:1 with the background ({background}; WCAG asks 3:1)"));
            }
        }
        if step["focusVisible"] != Value::Bool(true) {
            problems.push(format!("{view}: stop {stops} {name} does not match :focus-visible after a Tab"));
        }
    }
    // Move focus off the last stop so its indicator can be compared with its unfocused look.
    js(c, "document.activeElement?.blur(); return true").await?;
    let step = js(c, FOCUS_STEP).await?;
    check_left(view, &step, &mut problems);
    Ok(Walk { stops, wrapped, problems })
}

async fn visible_focus(c: &Client, server: &StaticServer) -> Result<()> {
    let mut problems = Vec::new();
    let mut summary = Vec::new();
    for theme in THEMES {
        for (view, path, ready) in lowbit_e2e::VIEWS {
            let w = walk(c, server, view, path, ready, theme).await?;
            if theme == "light" {
                summary.push(format!("{view} {}{}", w.stops, if w.wrapped { " (all)" } else { "+" }));
            }
            problems.extend(w.problems);
        }
    }
    println!("Tab stops per view (first {MAX_STOPS}; \"(all)\": focus went round the page; the same in each theme): {}", summary.join(", "));
    println!("walked {} views in {} themes: {} problems", lowbit_e2e::VIEWS.len(), THEMES.len(), problems.len());
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    explorer(c, server).await?;
    visible_focus(c, server).await
}

#[tokio::test(flavor = "current_thread")]
async fn keyboard_only_use_with_visible_focus_on_every_view() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-keyboard");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        if let Ok(log) = browser_log(&client).await {
            println!("the browser's console:\n  {}", log.join("\n  "));
        }
        if let Ok(png) = client.screenshot().await {
            let _ = std::fs::write(screenshot_dir().join("keyboard-failure.png"), png);
        }
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
