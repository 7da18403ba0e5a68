//! Export buttons: a table as CSV, Markdown or LaTeX (`export-csv`, `export-markdown`,
//! `export-latex`), a text as a `.txt` file (`export-text`), each with `data-export-for`
//! naming the exported thing's `data-testid`;
//! the chart buttons live in [`super::chart_canvas`]. Files are downloaded from `data:` URLs
//! (nothing leaves the page).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::export::{Table, TableFormat};
use crate::query::percent_encode;

/// Downloads `href` (a `data:` URL) as `name`.
pub fn download_url(name: &str, href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(a) = document.create_element("a") else { return };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
}

/// Downloads `text` as a file `name` of type `mime`.
pub fn download_text(name: &str, mime: &str, text: &str) {
    download_url(name, &format!("data:{mime};charset=utf-8,{}", percent_encode(text)));
}

/// A button that downloads a text (`data-testid="export-text"`), such as a value's breakdown.
#[component]
pub fn TextExport(
    /// The `data-testid` of what the text describes.
    target: &'static str,
    /// The text, built when the button is pressed.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().chrome();
    view! {
        <div class="export">
            <button
                type="button"
                data-testid="export-text"
                data-export-for=target
                title=(t.download_as)("TXT")
                on:click=move |_| download_text(&format!("lowbit-{target}.txt"), "text/plain", &text.get_untracked())
            >
                "TXT"
            </button>
        </div>
    }
}

/// Downloads `table` in `format` as `lowbit-<target>.<extension>`.
pub fn download_table(target: &str, format: TableFormat, table: &Table) {
    download_text(&format!("lowbit-{target}.{}", format.extension()), format.mime(), &format.write(table));
}

/// CSV, Markdown and LaTeX buttons for one table.
#[component]
pub fn TableExport(
    /// The `data-testid` of the exported table.
    #[prop(into)]
    target: String,
    /// The table's data.
    #[prop(into)]
    table: Signal<Table>,
) -> impl IntoView {
    let for_download = target.clone();
    let on_press = Callback::new(move |format: TableFormat| table.with_untracked(|t| download_table(&for_download, format, t)));
    view! { <TableExportButtons target=target on_press=on_press /> }
}

/// The three table buttons; `on_press` is called with the format pressed and downloads the
/// table itself ([`download_table`]) — at once, or once its rows have arrived from the
/// compute worker.
#[component]
pub fn TableExportButtons(
    /// The `data-testid` of the exported table.
    #[prop(into)]
    target: String,
    /// Downloads the table in the format pressed.
    on_press: Callback<TableFormat>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().chrome();
    let button = move |format: TableFormat, label: &'static str, testid: &'static str| {
        view! {
            <button
                type="button"
                data-testid=testid
                data-export-for=target.clone()
                title=(t.download_as)(label)
                on:click=move |_| on_press.run(format)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="export" role="group" aria-label=t.export_table>
            {button(TableFormat::Csv, "CSV", "export-csv")}
            {button(TableFormat::Markdown, "Markdown", "export-markdown")}
            {button(TableFormat::Latex, "LaTeX", "export-latex")}
        </div>
    }
}

/// A CSS custom property of the page (`--name`) as the current theme sets it.
pub fn page_property(name: &str) -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return String::new() };
    window.get_computed_style(&root).ok().flatten().and_then(|style| style.get_property_value(&format!("--{name}")).ok()).unwrap_or_default()
}

/// PNG and SVG buttons for a figure drawn as SVG in the page (`data-testid="export-png"` and
/// `"export-svg"`, `data-export-for` = `testid`): `svg` builds the standalone file; the PNG is
/// that file rasterised at twice `size` on the page's card colour.
#[component]
pub fn FigureExport(
    /// The figure's `data-testid` (also the files' names).
    testid: &'static str,
    /// The figure as a standalone SVG file.
    svg: Callback<(), String>,
    /// The figure's size in CSS pixels.
    size: (u32, u32),
) -> impl IntoView {
    let on_svg = Callback::new(move |()| download_text(&format!("lowbit-{testid}.svg"), "image/svg+xml", &svg.run(())));
    let on_png = Callback::new(move |()| rasterise(testid, &svg.run(()), size));
    view! { <ImageExportButtons testid=testid on_png=on_png on_svg=on_svg /> }
}

/// The PNG and SVG buttons of a chart or figure (`data-testid="export-png"`, `"export-svg"`,
/// `data-export-for` = `testid`); each calls its callback, which downloads the file.
#[component]
pub fn ImageExportButtons(
    /// The exported element's `data-testid`.
    #[prop(into)]
    testid: String,
    /// Downloads the PNG.
    on_png: Callback<()>,
    /// Downloads the SVG.
    on_svg: Callback<()>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().chrome();
    view! {
        <div class="export" role="group" aria-label=t.export_chart>
            <button type="button" data-testid="export-png" data-export-for=testid.clone() title=(t.download_as)("PNG") on:click=move |_| on_png.run(())>
                "PNG"
            </button>
            <button type="button" data-testid="export-svg" data-export-for=testid title=(t.download_as)("SVG") on:click=move |_| on_svg.run(())>
                "SVG"
            </button>
        </div>
    }
}

/// Draws an SVG file on a canvas at twice `size` (once the browser has decoded it) and
/// downloads the canvas as `lowbit-<testid>.png`.
fn rasterise(testid: &'static str, svg: &str, (width, height): (u32, u32)) {
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let loaded = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(canvas) = document.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else { return };
        let (w, h) = (2 * width, 2 * height);
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else { return };
        ctx.set_fill_style_str(page_property("card").trim());
        ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w as f64, h as f64);
        if let Ok(href) = canvas.to_data_url() {
            download_url(&format!("lowbit-{testid}.png"), &href);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", percent_encode(svg)));
}
