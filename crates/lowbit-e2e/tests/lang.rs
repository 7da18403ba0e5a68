//! Languages end to end (issue 11): `lang=ru` from the URL sets `<html lang="ru">` and shows
//! the interface in Russian — in the first module (the explorer, the tables) and in a lazily
//! loaded one (Quantize), with the same numbers as in English; the switcher changes the
//! language, the URL keeps it and the text follows (in the lazily loaded view too); an unknown language is a notice and the
//! browser's language (English here); without `lang` the URL leaves it out. Screenshots:
//! tests/screenshots/lang-ru-explorer.png, lang-ru-quantize.png, lang-de-tables.png.
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::{Client, Locator};
use lowbit_e2e::{connect, js, repo_root, screenshot_dir, Driver, StaticServer, TempDir, TestResult};

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

async fn run(c: &Client, server: &StaticServer) -> Result<()> {
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
