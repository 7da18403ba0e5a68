//! A value table with one row per code (formats of at most 4 bits): code, bits, the value
//! rounded as torch prints it, and the stored value. A row opens its code in the explorer
//! (click, or Enter / Space when focused).

use leptos::prelude::*;

use super::model::{Cell, ValueTable};
use crate::ui::TableExport;

/// Calls `on_open` with `code` on Enter or Space.
pub(crate) fn open_on_key(on_open: Callback<u64>, code: u64) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            ev.prevent_default();
            on_open.run(code);
        }
    }
}

/// One row per code (`data-testid="table-ID"`; each `<tr>` in the body has `data-code` and
/// `data-value`, nothing else in the table has `data-code`).
#[component]
pub fn TableList(
    /// The table to show.
    table: ValueTable,
    /// A heading above the table ("NF4 (QLoRA)").
    #[prop(into)]
    heading: String,
    /// Called with the code of a clicked (or Enter-pressed) row.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().tables();
    let export = table.export(crate::ui::lang::lang_now().tables());
    let ValueTable { id, cells, .. } = table;
    let row = move |c: Cell| {
        let code = c.code;
        let (code_attr, value_attr) = (c.code_attr.clone(), c.value_attr.clone());
        view! {
            <tr
                class=format!("cls-{}", c.class_key)
                data-code=code_attr
                data-value=value_attr
                title=c.title
                tabindex="0"
                on:click=move |_| on_open.run(code)
                on:keydown=open_on_key(on_open, code)
            >
                <td class="num code-col">{c.code_attr}</td>
                <td class="mono bits-col">{c.bits}</td>
                <td class="num rounded-col">{c.rounded}</td>
                <td class="num exact-col">{c.value_attr}</td>
            </tr>
        }
    };
    let testid = format!("table-{id}");
    view! {
        <div class="value-list-wrap">
            <h3 class="table-heading">{heading} " " <code class="table-id">{id.clone()}</code></h3>
            <table class="value-list" data-testid=testid.clone() data-format=id.clone()>
                <thead>
                    <tr>
                        <th scope="col">{t.columns[0]}</th>
                        <th scope="col">{t.columns[1]}</th>
                        <th scope="col" title=t.rounded_title>{t.columns[2]}</th>
                        <th scope="col" title=t.value_title>{t.columns[3]}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || cells.clone() key=|c| c.code children=row />
                </tbody>
            </table>
            <TableExport target=testid.clone() table=Signal::stored(export) />
        </div>
    }
}
