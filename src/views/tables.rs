//! The value tables: the seed article's three 4-bit tables side by side (NF4, bitsandbytes FP4
//! in bnb's code order, OCP E2M1) with why bnb's FP4 differs, how NF4 comes from normal
//! quantiles, and every code of any format of at most 8 bits. Any code opens in the explorer.
//!
//! Static text and the tables are markup from [`crate::tables_model`]: it keeps the wasm small
//! and lets the DOM contract be tested natively.

use leptos::prelude::*;
use lowbit_core::Format;

use crate::components::{TableGrid, TableLegend, TableList, TableNormalFigure, TablePicker};
use crate::tables_model::{self, Shape, SEED_TABLES};

/// The tables view's state: the format of the "any format" table (`table=` in the URL).
#[derive(Clone, Copy)]
pub struct TablesModel {
    /// The format of the "any format" table.
    pub format: RwSignal<Format>,
}

impl TablesModel {
    /// A model showing `format`.
    pub fn new(format: Format) -> TablesModel {
        TablesModel { format: RwSignal::new(format) }
    }
}

/// Headings of the seed tables, in [`SEED_TABLES`] order.
const SEED_HEADINGS: [&str; 3] = ["NF4 (QLoRA)", "bitsandbytes FP4", "OCP FP4 E2M1"];

/// The tables view.
#[component]
pub fn Tables(
    /// The view's state.
    model: TablesModel,
    /// Called with a format and a code to open in the bit explorer.
    #[prop(into)]
    on_open: Callback<(Format, u64)>,
) -> impl IntoView {
    let opener = move |format: Format| Callback::new(move |code: u64| on_open.run((format.clone(), code)));
    let seed = tables_model::seed_tables()
        .into_iter()
        .zip(SEED_HEADINGS)
        .filter_map(|(table, heading)| {
            let format = Format::parse(&table.id).ok()?;
            Some(view! { <TableList table=table heading=heading on_open=opener(format) /> })
        })
        .collect_view();
    let format = model.format;
    let any_table = move || {
        let f = format.get();
        let table = tables_model::value_table(&f);
        let seed = SEED_TABLES.contains(&f.id.as_str());
        match table.shape {
            _ if seed => view! {
                <p class="hint" data-testid="table-shown-above">
                    <code>{f.id.clone()}</code> " is one of the seed's tables, shown above."
                </p>
            }
            .into_any(),
            Shape::List => view! { <TableList table=table heading="" on_open=opener(f) /> }.into_any(),
            Shape::Grid { .. } => view! { <TableGrid table=table on_open=opener(f) /> }.into_any(),
        }
    };
    let summary = move || format.with(tables_model::value_table_summary);

    view! {
        <section class="tables" data-testid="tables">
            <div class="card">
                <h2>"The seed's 4-bit tables"</h2>
                <div inner_html=tables_model::SEED_INTRO_HTML></div>
                <div class="seed-tables">{seed}</div>
                <div inner_html=tables_model::bnb_note_html()></div>
            </div>
            <div class="card">
                <h2>"How NF4 is built from normal quantiles"</h2>
                <div class="nf4-build">
                    <TableNormalFigure />
                    <div class="nf4-text" inner_html=tables_model::NF4_TEXT_HTML></div>
                </div>
            </div>
            <div class="card">
                <h2>"Every code of any format up to 8 bits"</h2>
                <div class="format-row">
                    <label class="format-label">"Format"</label>
                    <TablePicker format=format on_select=move |f| format.set(f) />
                    <p class="summary" data-testid="table-summary">{summary}</p>
                </div>
                <TableLegend />
                {any_table}
            </div>
        </section>
    }
}
