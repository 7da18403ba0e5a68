//! The value tables: the seed article's three 4-bit tables side by side (NF4, bitsandbytes FP4
//! in bnb's code order, OCP E2M1) with why bnb's FP4 differs, how NF4 comes from normal
//! quantiles, and every code of any format of at most 8 bits. Any code opens in the explorer.

use leptos::prelude::*;
use lowbit_core::Format;

use super::figure::TableNormalFigure;
use super::grid::TableGrid;
use super::legend::TableLegend;
use super::list::TableList;
use super::model::{self, Shape, BNB_FP4_NOTE, MAX_TABLE_BITS, SEED_TABLES};
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
    let seed = model::seed_tables()
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
        let table = model::value_table(&f);
        let seed = SEED_TABLES.contains(&f.id());
        match table.shape {
            _ if seed => view! {
                <p class="hint" data-testid="table-shown-above">
                    <code>{f.id().to_string()}</code> " is one of the seed's tables, shown above."
                </p>
            }
            .into_any(),
            Shape::List => view! { <TableList table=table heading="" on_open=opener(f) /> }.into_any(),
            Shape::Grid { .. } => view! { <TableGrid table=table on_open=opener(f) /> }.into_any(),
        }
    };
    let summary = move || format.with(model::value_table_summary);

    view! {
        <section class="tables" data-testid="tables">
            <div class="card">
                <h2>"The seed's 4-bit tables"</h2>
                <p class="hint">
                    "Every code of NF4, bitsandbytes' FP4 (in bnb's code order, as " <code>"quantize_fp4"</code>
                    " prints its state) and OCP FP4 E2M1. Click a row to open the code in the bit explorer."
                </p>
                <div class="seed-tables">{seed}</div>
                <div class="note" data-testid="bnb-fp4-note">
                    <h3>"Why bitsandbytes' FP4 is not E2M1"</h3>
                    {BNB_FP4_NOTE.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </div>
            </div>
            <div class="card">
                <h2>"How NF4 is built from normal quantiles"</h2>
                <div class="nf4-build">
                    <TableNormalFigure />
                    <div class="nf4-text">
                        <p>
                            "NF4 spends its 16 codes where normally distributed weights are dense. QLoRA takes quantiles of N(0, 1): 8 positive levels Φ⁻¹(p) for p in equal steps from 0.9677 down towards 0.5, 7 negative ones the same way, and an exact zero; then divides all by Φ⁻¹(0.9677) ≈ 1.848 so the table spans [−1, 1]."
                        </p>
                        <p>
                            "The positive side gets one level more than the negative side, so that zero is exactly representable. Each block of weights is scaled by its absmax before it is rounded to the nearest level. Hover a dot for its p, z and stored value."
                        </p>
                    </div>
                </div>
            </div>
            <div class="card">
                <h2>"Every code of any format up to 8 bits"</h2>
                <div class="format-row">
                    <label class="format-label">"Format"</label>
                    <FormatPicker
                        format=format
                        on_select=move |f| format.set(f)
                        testid="table-select"
                        label="format of the table"
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
