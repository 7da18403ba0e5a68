//! The value tables: the seed article's three 4-bit tables side by side (NF4, bitsandbytes FP4
//! in bnb's code order, OCP E2M1) with why bnb's FP4 differs, how NF4 comes from normal
//! quantiles, and every code of any format of at most 8 bits. Any code opens in the explorer.

use leptos::prelude::*;
use lowbit_core::Format;

use super::figure::TableNormalFigure;
use super::grid::TableGrid;
use super::legend::TableLegend;
use super::list::TableList;
use super::model::{self, Shape, MAX_TABLE_BITS, SEED_TABLES};
use super::params::TablesParams;
use crate::ui::FormatPicker;

/// The tables view's state: the format of the "any format" table (`table=` in the URL).
#[derive(Clone, Copy)]
pub struct TablesModel {
    /// The format of the "any format" table.
    pub format: RwSignal<Format>,
}

impl TablesModel {
    /// A model showing `params`.
    pub fn new(params: TablesParams) -> TablesModel {
        TablesModel { format: RwSignal::new(params.format) }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: TablesParams) {
        self.format.set(params.format);
    }

    /// The state as the URL stores it (tracked).
    pub fn snapshot(&self) -> TablesParams {
        TablesParams { format: self.format.get() }
    }
}


/// The tables view.
#[component]
pub fn Tables(
    /// The view's state.
    model: TablesModel,
    /// Called with a format and a code to open in the bit explorer.
    #[prop(into)]
    on_open: Callback<(Format, u64)>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().tables();
    let opener = move |format: Format| Callback::new(move |code: u64| on_open.run((format.clone(), code)));
    let seed = model::seed_tables()
        .into_iter()
        .zip(t.seed_tables)
        .filter_map(|(table, heading)| {
            let format = Format::parse(&table.id).ok()?;
            Some(view! { <TableList table=table heading=heading on_open=opener(format) /> })
        })
        .collect_view();
    let format = model.format;
    let any_table = move || {
        let f = format.get();
        let table = model::value_table(&f);
        let seed = SEED_TABLES.contains(&f.id());
        match table.shape {
            _ if seed => view! {
                <p class="hint" data-testid="table-shown-above">
                    <code>{f.id().to_string()}</code> {t.shown_above}
                </p>
            }
            .into_any(),
            Shape::List => view! { <TableList table=table heading="" on_open=opener(f) /> }.into_any(),
            Shape::Grid { .. } => view! { <TableGrid table=table on_open=opener(f) /> }.into_any(),
        }
    };
    let lang = crate::ui::lang::lang_now();
    let summary = move || format.with(|f| model::value_table_summary(f, lang));

    view! {
        <section class="tables" data-testid="tables">
            <div class="card">
                <h2>{t.seed_heading}</h2>
                <p class="hint">
                    {t.seed_hint_before} <code>"quantize_fp4"</code> {t.seed_hint_after}
                </p>
                <div class="seed-tables">{seed}</div>
                <div class="note" data-testid="bnb-fp4-note">
                    <h3>{t.bnb_heading}</h3>
                    {t.bnb_note.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </div>
            </div>
            <div class="card">
                <h2>{t.nf4_heading}</h2>
                <div class="nf4-build">
                    <TableNormalFigure />
                    <div class="nf4-text">
                        {t.nf4_text.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                    </div>
                </div>
            </div>
            <div class="card">
                <h2>{t.any_heading}</h2>
                <div class="format-row">
                    <label class="format-label">{t.format}</label>
                    <FormatPicker
                        format=format
                        on_select=move |f| format.set(f)
                        testid="table-select"
                        label=t.picker_label
                        max_bits=MAX_TABLE_BITS
                    />
                    <p class="summary" data-testid="table-summary">{summary}</p>
                </div>
                <TableLegend />
                {any_table}
            </div>
        </section>
    }
}
