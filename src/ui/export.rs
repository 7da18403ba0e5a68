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
