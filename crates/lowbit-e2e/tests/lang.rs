//! Languages end to end (issue 11): `lang=ru` from the URL sets `<html lang="ru">` and shows
//! the interface in Russian — in the first module (the explorer, the tables) and in a lazily
//! loaded one (Quantize), with the same numbers as in English; the switcher changes the
//! language, the URL keeps it and the text follows (in the lazily loaded view too); an unknown language is a notice and the
//! browser's language (English here); without `lang` the URL leaves it out. Every view loaded
//! with `lang=ru` (the Tensors view with a file opened, Quantize with a long paste held) shows
//! no English sentence of the English tables (src/i18n/en.rs: each text of 3 words or more,
//! split at its placeholders) in its visible text. Screenshots:
//! tests/screenshots/lang-ru-explorer.png, lang-ru-quantize.png, lang-de-tables.png,
//! lang-ru-VIEW.png for every view (lang-ru-tensors.png with a file, lang-ru-quantize-held.png).
//!
//! The texts made from typed data (Quantize's summary line, trace headings and histogram axes;
//! the block view's fields; Signal's axis titles in its SVG export; a catalogue summary; a
//! refused format's reason) are checked word for word in Russian; screenshots
//! lang-ru-quantize-typed.png, lang-ru-block-typed.png.
//!
//! The short words the sentence check cannot see are checked one by one (Compare's button,
//! caption, limits words, overflow labels and flags; the exports' column names; the explorer's
//! formula notes; Signal's wave options; MNIST's modes; the grid's corner; the share snippet's
//! iframe title; the Speed view's "cancelled"), the quantizers' remarks (Signal, Quantize) and
//! how a paste was read;
//! screenshots lang-ru-compare-words.png, lang-ru-quantize-remarks.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};
use lowbit_tensors::write::npy_f32;

type Result<T> = TestResult<T>;

/// Waits up to 20 s for `script` to return true.
async fn wait_true(c: &Client, script: &str, what: &str) -> Result<()> {
    lowbit_e2e::wait_true(c, script, what, Duration::from_secs(20)).await
}

/// Waits until the page's text contains `text` (`textContent`: headings are upper-cased by CSS).
async fn wait_text(c: &Client, text: &str) -> Result<()> {
    let script = format!("return document.body.textContent.includes({})", serde_json::to_string(text)?);
    wait_true(c, &script, &format!("the text {text:?}")).await
}

/// Whether the page's text contains `text`.
async fn has_text(c: &Client, text: &str) -> Result<bool> {
    let script = format!("return document.body.textContent.includes({})", serde_json::to_string(text)?);
    Ok(js(c, &script).await?.as_bool().unwrap_or(false))
}

async fn save(c: &Client, name: &str) -> Result<()> {
    let path = screenshot_dir().join(name);
    std::fs::write(&path, c.screenshot().await?)?;
    println!("screenshot: {}", path.display());
    Ok(())
}

/// The English tables' sentences (src/i18n/en.rs: each text of 3 English words or more, split
/// at its placeholders): what a Russian page must not show. The same finder as the native
/// table test's ([`lowbit_app::i18n::audit`]).
fn english_sentences() -> Vec<String> {
    lowbit_app::i18n::audit::english_sentences(include_str!("../../../src/i18n/en.rs"))
}

/// Fails when the page's visible text (`innerText`, compared without case: CSS upper-cases
/// headings) holds one of `sentences`.
async fn no_english(c: &Client, view: &str, sentences: &[String]) -> Result<()> {
    let text = js(c, "return document.body.innerText").await?.as_str().unwrap_or_default().to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let left: Vec<&String> = sentences.iter().filter(|s| text.contains(&s.to_lowercase())).collect();
    if !left.is_empty() {
        return Err(format!("{view} with lang=ru shows English: {left:?}").into());
    }
    Ok(())
}

/// Every view in Russian: no English sentence of the tables on the page; a screenshot each.
async fn every_view_in_russian(c: &Client, server: &StaticServer) -> Result<()> {
    let sentences = english_sentences();
    assert!(sentences.len() > 100, "{} English sentences found in en.rs", sentences.len());
    let lazy_ready = "const v = document.querySelector('[data-testid=lazy-view]'); return !!v && v.dataset.state === 'ready'";
    // (view, query, what shows when the view has its content)
    let views: [(&str, &str, &str); 9] = [
        ("explorer", "format=float8_e4m3fn&code=0x7e", "return !!document.querySelector('[data-testid=value]')"),
        ("tables", "view=tables", "return document.querySelectorAll('table').length > 2"),
        ("signal", "view=signal", "return document.querySelectorAll('[data-testid=signal-metrics] tbody tr').length > 0"),
        ("quantize", "view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1", "return !!document.querySelector('[data-testid=quantize-codes]')"),
        ("bench", "view=bench", "return !!document.querySelector('[data-testid=bench-table]')"),
        ("compare", "view=compare", "return !!document.querySelector('[data-testid=number-line-summary]')?.textContent"),
        ("mnist", "view=mnist", "return !!document.querySelector('[data-testid=mnist-table] tbody tr')"),
        ("block", "view=block", "return !!document.querySelector('[data-testid=block-values], table')"),
        ("tensors", "view=tensors", "return !!document.querySelector('[data-testid=tensor-file]')"),
    ];
    for (view, query, ready) in views {
        c.goto(&server.url(&format!("/?{query}&lang=ru"))).await?;
        wait_true(c, "return document.documentElement.lang === 'ru'", "<html lang=ru>").await?;
        if view != "explorer" && view != "tables" {
            wait_true(c, lazy_ready, &format!("the {view} view")).await?;
        }
        lowbit_e2e::wait_true(c, ready, &format!("the {view} view's content"), Duration::from_secs(60)).await?;
        no_english(c, view, &sentences).await?;
        save(c, &format!("lang-ru-{view}.png")).await?;
    }

    // Tensors with a file: the list, the histogram, the ranking, the notes — in Russian.
    let dir = TempDir::new("lowbit-lang-tensors");
    let path = dir.0.join("weights.npy");
    let values: Vec<f32> = (0..512).map(|i| ((i as f32) * 0.37).sin() * 0.05).collect();
    std::fs::write(&path, npy_f32(&values))?;
    c.find(Locator::Css("[data-testid=tensor-file]")).await?.send_keys(&path.display().to_string()).await?;
    lowbit_e2e::wait_true(c, "return document.querySelectorAll('[data-testid=ranking-row]').length > 5", "the ranking", Duration::from_secs(90)).await?;
    wait_text(c, "Все схемы на weights.npy").await?;
    wait_text(c, "weights.npy: 1 тензор").await?;
    no_english(c, "tensors with a file", &sentences).await?;
    save(c, "lang-ru-tensors.png").await?;

    // Quantize holding a long paste (> 64 KiB): the summary, Edit and Clear in Russian.
    c.goto(&server.url("/?view=quantize&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Quantize view").await?;
    let paste = "setTimeout(() => { const text = Array.from({length: 20000}, (_, i) => (i % 97 / 10).toFixed(1)).join(', ');\
                 const t = document.querySelector('[data-testid=quantize-input]'); t.focus(); t.select();\
                 const dt = new DataTransfer(); dt.setData('text/plain', text);\
                 t.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }, 0);\
                 return true";
    js(c, paste).await?;
    lowbit_e2e::wait_true(c, "const h = document.querySelector('[data-testid=quantize-held]'); return !!h && h.textContent.includes('Вставлено 20,000 чисел')", "the held paste in Russian", Duration::from_secs(60)).await?;
    let held = js(c, "return document.querySelector('[data-testid=quantize-held]').textContent").await?;
    let held = held.as_str().unwrap_or_default();
    assert!(held.contains("Изменить") && held.contains("Очистить"), "{held}");
    no_english(c, "quantize with a long paste", &sentences).await?;
    save(c, "lang-ru-quantize-held.png").await?;
    Ok(())
}

/// Whether an SVG drawn by plotters has a text element of exactly `text` (its SVG backend
/// writes each on a line of its own).
fn svg_text(svg: &str, text: &str) -> bool {
    svg.lines().any(|l| l.trim() == text)
}

/// The text of the SVG export of chart `target`.
async fn svg_export(c: &Client, target: &str) -> Result<String> {
    lowbit_e2e::exports::capture_downloads(c).await?;
    let (name, href) = lowbit_e2e::exports::export(c, "export-svg", target).await?;
    assert!(name.ends_with(".svg"), "{name}");
    lowbit_e2e::exports::data_url_text(c, &href).await
}

/// The texts the app puts together from typed data, in Russian: Quantize's summary line,
/// trace headings, histogram axis titles (pasted numbers are "numbers", not weights); the
/// block view's field labels, facts and type summary; Signal's and Compare's axis titles; the
/// explorer's catalogue summary and a format the core refused, with its reason in Russian.
async fn typed_texts_in_russian(c: &Client, server: &StaticServer) -> Result<()> {
    let lazy_ready = "const v = document.querySelector('[data-testid=lazy-view]'); return !!v && v.dataset.state === 'ready'";
    c.goto(&server.url("/?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Quantize view").await?;
    wait_true(c, "return !!document.querySelector('[data-testid=quantize-trace] thead')", "the trace").await?;
    let summary = js(c, "return document.querySelector('[data-testid=quantize-summary]').textContent").await?;
    assert_eq!(summary.as_str().unwrap_or_default(), "int4_absmax: 4 элемента, масштабы блоков (размер 64), 4.5 бит на элемент, 6 байт");
    let headings = js(c, "return [...document.querySelectorAll('[data-testid=quantize-trace] thead th')].map(h => h.textContent)").await?;
    let headings: Vec<&str> = headings.as_array().map(|a| a.iter().filter_map(|h| h.as_str()).collect()).unwrap_or_default();
    for h in ["индекс", "код = clamp(округлённое, -8, 7)", "ошибка = восстановленное − x"] {
        assert!(headings.contains(&h), "trace heading {h:?} in {headings:?}");
    }
    let metrics = js(c, "return document.querySelector('[data-testid=quantize-metrics]').textContent").await?;
    assert!(metrics.as_str().is_some_and(|m| m.contains("бит на элемент этих чисел") && m.contains("12 (6 байт на 4 числа")), "{metrics}");
    let svg = svg_export(c, "quantize-histogram").await?;
    assert!(svg_text(&svg, "значение") && svg_text(&svg, "количество") && !svg.contains("weight"), "the histogram's axis titles: {svg:.300}");
    let region = js(c, "return document.querySelector('[data-testid=quantize-trace-window]').getAttribute('aria-label')").await?;
    assert!(region.as_str().is_some_and(|r| r.starts_with("пошаговый разбор")), "{region}");
    save(c, "lang-ru-quantize-typed.png").await?;

    // Block: the fields, the facts and the type's summary, a bit's tooltip.
    c.goto(&server.url("/?view=block&type=q4_k&lang=ru")).await?;
    wait_true(c, lazy_ready, "the block view").await?;
    wait_true(c, "return document.querySelectorAll('[data-testid=block-field]').length > 2", "the fields").await?;
    let facts = js(c, "return document.querySelector('[data-testid=block-facts]').textContent").await?;
    assert_eq!(facts.as_str().unwrap_or_default(), "q4_k: 256 элементов в 144 байтах, 4.5 бит на элемент");
    let d = js(c, "return document.querySelector('[data-testid=block-field][data-field=d]').textContent").await?;
    assert!(d.as_str().is_some_and(|d| d.contains("байты 0–1") && d.contains("масштаб f16")), "{d}");
    let bit = js(c, "return document.querySelector('[data-testid=block-bit]').getAttribute('title')").await?;
    assert!(bit.as_str().is_some_and(|b| b == "байт 0, бит 7: бит 7 числа f16 d"), "{bit}");
    wait_text(c, "256 × 4 бита в 8 подблоках по 32").await?;
    save(c, "lang-ru-block-typed.png").await?;

    // Signal's axis titles (the chart's SVG export).
    c.goto(&server.url("/?view=signal&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Signal view").await?;
    lowbit_e2e::wait_true(c, "return document.querySelectorAll('[data-testid=signal-metrics] tbody tr').length > 0", "the metrics", Duration::from_secs(60)).await?;
    let svg = svg_export(c, "sine-plot").await?;
    assert!(svg_text(&svg, "значение") && svg_text(&svg, "исходный") && svg_text(&svg, "фаза (радианы)") && !svg_text(&svg, "value"), "the signal chart's titles: {svg:.300}");

    // A worker job's progress: the worker sends a typed stage, the page words it.
    c.goto(&server.url("/?view=signal&schemes=nf4,fp4_bnb,mxfp4&samples=1048576&lang=ru")).await?;
    js(
        c,
        "window.__stages = []; new MutationObserver(() => { const l = document.querySelector('[data-testid=signal-progress] .job-progress-label'); \
         if (l) window.__stages.push(l.textContent); }).observe(document.body, {subtree: true, childList: true, characterData: true}); return true",
    )
    .await?;
    lowbit_e2e::wait_true(c, "return window.__stages.some(s => /^(генерация|квантование схемой) .* — шаг \\d+ из \\d+/.test(s))", "a progress label in Russian", Duration::from_secs(60)).await?;
    let stages = js(c, "return window.__stages").await?;
    println!("progress labels in Russian: {stages}");

    // The explorer: the catalogue's summary; a custom format the core refuses, and why.
    c.goto(&server.url("/?format=float8_e4m3fn&lang=ru")).await?;
    wait_text(c, "OCP FP8 E4M3: без Inf, NaN только в S.1111.111").await?;
    c.goto(&server.url("/?format=e12m3&lang=ru")).await?;
    wait_true(
        c,
        "const n = document.querySelector('[data-testid=notice]'); return !!n && n.textContent.includes('ширина экспоненты должна быть от 1 до 11 битов, а не 12')",
        "the refused format's reason in Russian",
    )
    .await?;
    Ok(())
}

/// The text of each element `selector` matches.
async fn texts(c: &Client, selector: &str) -> Result<Vec<String>> {
    let script = format!(
        "return [...document.querySelectorAll({})].map(e => e.textContent.trim())",
        serde_json::to_string(selector)?
    );
    let v = js(c, &script).await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|t| t.as_str().map(str::to_string)).collect()).unwrap_or_default())
}

/// The first line of the CSV export of table `target` (its column names).
async fn csv_header(c: &Client, target: &str) -> Result<String> {
    lowbit_e2e::exports::capture_downloads(c).await?;
    let (name, href) = lowbit_e2e::exports::export(c, "export-csv", target).await?;
    assert!(name.ends_with(".csv"), "{name}");
    let text = lowbit_e2e::exports::data_url_text(c, &href).await?;
    Ok(text.lines().next().unwrap_or_default().to_string())
}

/// The short words the audit of issue 11 found in English on Russian pages (too short for the
/// sentence check): Compare's button, caption, limits words, overflow labels and flags; the
/// exports' column names; the explorer's formula notes; Signal's wave options and charts'
/// names; MNIST's modes; the tables' grid corner; the share snippet's iframe title; the Speed
/// view's "cancelled". Each is checked word for word, so one back in English fails.
async fn audited_words_in_russian(c: &Client, server: &StaticServer) -> Result<()> {
    let lazy_ready =
        "const v = document.querySelector('[data-testid=lazy-view]'); return !!v && v.dataset.state === 'ready'";
    // Compare: e4m3fn (overflow → NaN, no ±Inf), int4 (saturates, an integer), nf4 (a table).
    c.goto(&server.url("/?view=compare&formats=float8_e4m3fn,int4,nf4&value=100&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Compare view").await?;
    wait_true(c, "return document.querySelectorAll('[data-testid=value-row]').length > 10", "the value rows").await?;
    assert_eq!(texts(c, "[data-testid=compare-value-button]").await?, ["Показать во всех форматах"]);
    assert_eq!(
        texts(c, "[data-testid=value-table] caption").await?,
        ["100 во всех форматах (округление и переполнение по умолчанию)"]
    );
    let columns = texts(c, "[data-testid=compare-table] thead th").await?;
    assert_eq!(
        columns,
        [
            "формат",
            "бит",
            "структура",
            "макс.",
            "мин. нормальное",
            "мин. положительное",
            "эпсилон",
            "бинады",
            "конечных значений",
            "±Inf",
            "кодов NaN",
            "переполнение"
        ]
    );
    let row = |id: &str| format!("[data-testid=compare-table] tr[data-format={id}] td");
    let e4m3 = texts(c, &row("float8_e4m3fn")).await?;
    assert_eq!((e4m3[1].as_str(), e4m3[8].as_str(), e4m3[10].as_str()), ("E4M3", "нет", "→ NaN"), "{e4m3:?}");
    let int4 = texts(c, &row("int4")).await?;
    assert_eq!((int4[1].as_str(), int4[10].as_str()), ("целое", "насыщается"), "{int4:?}");
    assert_eq!(texts(c, &row("nf4")).await?[1], "таблица");
    let title = js(
        c,
        "return document.querySelector('[data-testid=compare-table] tr[data-format=int4] td:nth-of-type(4)').title",
    )
    .await?;
    assert_eq!(title.as_str().unwrap_or_default(), "не определено для этого формата", "int4 has no min normal");
    let flags = texts(c, "[data-testid=value-row] td:last-child").await?;
    let known = ["точно", "неточно", "переполнение", "антипереполнение", "недопустимо"];
    assert!(flags.iter().all(|f| f.split(", ").all(|w| known.contains(&w))), "flags: {flags:?}");
    assert!(flags.iter().any(|f| f.contains("переполнение")), "100 overflows some format: {flags:?}");
    let remove =
        js(c, "return document.querySelector('[data-testid=compare-format] button').getAttribute('aria-label')")
            .await?;
    assert_eq!(remove.as_str().unwrap_or_default(), "убрать float8_e4m3fn");
    assert!(csv_header(c, "compare-table").await?.starts_with("формат,бит,структура,макс."));
    assert_eq!(
        csv_header(c, "value-table").await?,
        "формат,код,шестн.,бит,хранимое значение,ошибка,относительная ошибка,статус"
    );
    save(c, "lang-ru-compare-words.png").await?;

    // The explorer: the notes of a NaN code, a subnormal, an integer and a table; its export.
    c.goto(&server.url("/?format=float8_e4m3fn&code=0x7f&lang=ru")).await?;
    wait_text(c, "экспонента и мантисса — все единицы: NaN (бесконечности в этом формате нет)").await?;
    c.goto(&server.url("/?format=float8_e4m3fn&code=0x01&lang=ru")).await?;
    wait_text(c, "субнормальное: поле экспоненты 0 считается за 1, неявной ведущей единицы нет").await?;
    c.goto(&server.url("/?format=int8&code=0x05&lang=ru")).await?;
    wait_text(c, "дополнительный код: старший бит весит −2^(n−1)").await?;
    c.goto(&server.url("/?format=nf4&code=0x03&lang=ru")).await?;
    wait_text(c, "таблица значений: код — это индекс").await?;
    assert!(csv_header(c, "limits-table").await?.starts_with("формат,бит,структура,макс."));

    // The tables: the grid's corner, a table's export.
    c.goto(&server.url("/?view=tables&table=float8_e4m3fn&lang=ru")).await?;
    wait_true(c, "return !!document.querySelector('.value-grid th.corner')", "a grid").await?;
    assert!(texts(c, ".value-grid th.corner").await?.iter().all(|t| t == "код"));
    assert_eq!(csv_header(c, "table-nf4").await?, "код,шестн.,биты,класс,значение,точное значение");

    // The share dialog's snippet: its iframe's title.
    c.find(Locator::Css("[data-testid=share]")).await?.click().await?;
    let snippet = js(c, "return document.querySelector('[data-testid=embed-snippet]').value").await?;
    assert!(
        snippet.as_str().is_some_and(|s| s.contains(r#"title="Lowbit: форматы чисел машинного обучения""#)),
        "{snippet}"
    );

    // Signal: the wave options, the charts' names, the metrics' export.
    c.goto(&server.url("/?view=signal&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Signal view").await?;
    lowbit_e2e::wait_true(
        c,
        "return document.querySelectorAll('[data-testid=signal-metrics] tbody tr').length > 0",
        "the metrics",
        Duration::from_secs(60),
    )
    .await?;
    assert_eq!(texts(c, "[data-testid=signal-wave] option").await?, ["синус", "пила (линейный рост)", "гауссов шум"]);
    let names = js(c, "return [...document.querySelectorAll('[data-testid=sine-plot], [data-testid=error-plot]')].map(e => e.getAttribute('aria-label') || e.querySelector('[aria-label]')?.getAttribute('aria-label'))").await?;
    let names = names.to_string();
    assert!(
        names.contains("исходный сигнал и его квантованные восстановления")
            && names.contains("ошибка каждого восстановления"),
        "{names}"
    );
    assert!(csv_header(c, "signal-metrics").await?.starts_with("схема,подпись,MSE,макс. |ошибка|"));

    // The quantizers' remarks (typed in the core, carried by the worker, worded by the page):
    // Signal's nvfp4 and Quantize's zero point.
    c.goto(&server.url("/?view=signal&schemes=nvfp4&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Signal view").await?;
    lowbit_e2e::wait_true(c, "return document.querySelector('[data-testid=signal-notes]')?.textContent.includes('nvfp4: два уровня: масштаб тензора p = amax / 2688')", "nvfp4's remark in Russian", Duration::from_secs(60)).await?;
    c.goto(&server.url("/?view=quantize&scheme=int8_zeropoint&values=-0.5,0.3,1.2,-2.1&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Quantize view").await?;
    wait_text(c, "нулевая точка хранится как 32-битное целое (она может лежать вне диапазона элемента)").await?;
    assert!(!has_text(c, "zero point stored").await?, "the remark in English");
    // How a paste was read (the paste parser's typed note).
    js(c, "const t = document.querySelector('[data-testid=quantize-input]'); t.value = '0,5; 1,25'; t.dispatchEvent(new Event('input', {bubbles: true})); return true").await?;
    wait_true(
        c,
        "return document.querySelector('[data-testid=quantize-paste-note]')?.textContent.includes('Прочитано с десятичными запятыми: 0,5 → 0.5, 1,25 → 1.25')",
        "the paste note in Russian",
    )
    .await?;
    save(c, "lang-ru-quantize-remarks.png").await?;

    // MNIST: the training modes.
    c.goto(&server.url("/?view=mnist&lang=ru")).await?;
    wait_true(c, lazy_ready, "the MNIST lab").await?;
    lowbit_e2e::wait_true(c, "return document.querySelectorAll('[data-testid=mnist-mode] option').length === 3", "the modes", Duration::from_secs(60)).await?;
    assert_eq!(
        texts(c, "[data-testid=mnist-mode] option").await?,
        ["PTQ: обучить fp32 с нуля, квантовать потом", "QAT, дообучение от текущих весов fp32", "QAT с нуля"]
    );

    // Speed: a cancelled run says so in Russian.
    c.goto(&server.url("/?view=bench&n=16777216&lang=ru")).await?;
    wait_true(c, lazy_ready, "the Speed view").await?;
    c.find(Locator::Css("[data-testid=bench-run]")).await?.click().await?;
    wait_true(c, "return !!document.querySelector('[data-testid=bench-progress-cancel]')", "a running bench").await?;
    c.find(Locator::Css("[data-testid=bench-progress-cancel]")).await?.click().await?;
    wait_true(
        c,
        "return document.querySelector('[data-testid=bench-error]')?.textContent.includes('отменено')",
        "the cancelled run in Russian",
    )
    .await?;
    Ok(())
}

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
    every_view_in_russian(c, server).await?;
    typed_texts_in_russian(c, server).await?;
    audited_words_in_russian(c, server).await?;

    // Russian from the URL, in the explorer: <html lang>, the switcher, the text; the numbers
    // as in English (448, no decimal comma).
    c.goto(&server.url("/?format=float8_e4m3fn&code=0x7e&lang=ru")).await?;
    wait_true(c, "return document.documentElement.lang === 'ru'", "<html lang=ru>").await?;
    for text in ["Закодировать число", "Все форматы", "Разбор битов", "Таблицы значений", "Квантование", "наибольшее конечное"] {
        wait_text(c, text).await?;
    }
    assert!(!has_text(c, "Encode a number").await?, "English left on the Russian page");
    assert_eq!(js(c, "return document.querySelector('[data-testid=lang]').value").await?, "ru");
    assert_eq!(js(c, "return document.querySelector('[data-testid=value]').dataset.value").await?, "448");
    assert_eq!(js(c, "return document.querySelectorAll('[data-testid=notice]').length").await?, 0, "lang is a known key");
    wait_true(c, "return location.search.includes('lang=ru')", "lang=ru kept in the URL").await?;
    save(c, "lang-ru-explorer.png").await?;

    // The value tables, and a lazily loaded view (its own module reads <html lang>).
    c.find(Locator::Css("[data-testid=view-nav] [data-view=tables]")).await?.click().await?;
    wait_text(c, "4-битные таблицы из статьи").await?;
    c.goto(&server.url("/?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1&lang=ru")).await?;
    wait_true(c, "const v = document.querySelector('[data-testid=lazy-view]'); return !!v && v.dataset.state === 'ready'", "the Quantize view").await?;
    assert_eq!(js(c, "return document.documentElement.lang").await?, "ru");
    wait_true(c, "return document.querySelector('[data-view=quantize].active')?.textContent.includes('Квантование')", "the nav in Russian").await?;
    save(c, "lang-ru-quantize.png").await?;
    for text in ["Ваши числа", "Результат", "Шаг за шагом"] {
        wait_text(c, text).await?;
    }
    assert_eq!(js(c, "return document.querySelector('[data-testid=quantize-codes]').dataset.codes").await?, "-2,1,4,-7");
    // Switched on the lazily loaded view: its module follows <html lang>.
    c.find(Locator::Css("[data-testid=lang]")).await?.select_by_value("en").await?;
    wait_text(c, "Your numbers").await?;
    assert!(!has_text(c, "Ваши числа").await?);

    // The switcher: English, then German; the URL and the text follow, in the lazy view too.
    c.goto(&server.url("/?lang=ru")).await?;
    wait_text(c, "Закодировать число").await?;
    c.find(Locator::Css("[data-testid=lang]")).await?.select_by_value("en").await?;
    wait_true(c, "return document.documentElement.lang === 'en'", "<html lang=en>").await?;
    wait_text(c, "Encode a number").await?;
    assert!(!has_text(c, "Закодировать число").await?);
    wait_true(c, "return location.search.includes('lang=en')", "lang=en in the URL").await?;
    c.find(Locator::Css("[data-testid=lang]")).await?.select_by_value("de").await?;
    wait_text(c, "Eine Zahl kodieren").await?;
    wait_true(c, "return location.search.includes('lang=de')", "lang=de in the URL").await?;
    c.find(Locator::Css("[data-testid=view-nav] [data-view=tables]")).await?.click().await?;
    wait_text(c, "Die 4-Bit-Tabellen des Artikels").await?;
    save(c, "lang-de-tables.png").await?;

    // Without `lang`: the browser's language (English in this Chromium), left out of the URL;
    // an unknown one: a notice, and the browser's language.
    c.goto(&server.url("/?view=tables")).await?;
    wait_true(c, "return document.documentElement.lang === 'en'", "<html lang=en>").await?;
    wait_text(c, "The seed's 4-bit tables").await?;
    wait_true(c, "return location.search.includes('view=tables') && !location.search.includes('lang=')", "lang left out").await?;
    c.goto(&server.url("/?lang=klingon")).await?;
    wait_true(c, "const n = document.querySelector('[data-testid=notice]'); return !!n && n.textContent.includes(\"Language 'klingon'\")", "the notice").await?;
    wait_text(c, "Encode a number").await?;
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn lang_ru_and_the_switcher() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    let server = StaticServer::start(dist).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-lang");
    let client = connect(&driver, &profile.0, 1200, 900).await;
    let outcome = run(&client, &server).await;
    if outcome.is_err() {
        let _ = save(&client, "lang-failure.png").await;
    }
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
