//! The bit explorer: pick a format, click bits, type numbers, read every detail of the value.

use leptos::prelude::*;

use super::bit_cells::BitCells;
use super::code_readout::CodeReadout;
use super::custom_format::CustomFormat;
use super::exact_decimal::ExactDecimal;
use super::formula::FormulaView;
use super::jumps::Jumps;
use super::limits_card::LimitsCard;
use super::limits_table::LimitsTable;
use super::model;
use super::neighbours::Neighbours;
use super::state::ExplorerModel;
use super::value_input::ValueInput;
use super::value_readout::ValueReadout;
use crate::perf;
use crate::ui::{FormatPicker, TextExport};

/// The explorer view.
#[component]
pub fn Explorer(
    /// The explorer's state.
    model: ExplorerModel,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let t = lang.explorer();
    let format = model.format;
    let code = model.code;
    let readout = Memo::new(move |_| format.with(|f| model::readout(f, code.get())));
    let formula = Memo::new(move |_| readout.with(|r| r.formula.clone()));
    let summary = move || {
        format.with(|f| match f.entry() {
            Some(entry) => lang.format_summary(entry.id()).unwrap_or(entry.summary()).to_string(),
            None => (t.custom_summary)(f.bits(), f.id()),
        })
    };
    let select = Callback::new(move |f| model.select_format(f));
    let on_bits = Callback::new(move |c: u64| {
        let started = perf::now();
        model.set_code(c);
        perf::record_after_update("toggle-ms", started);
    });

    view! {
        <section class="explorer" data-testid="explorer">
            <div class="card format-card">
                <div class="format-row">
                    <label class="format-label" for="format-select">{t.format}</label>
                    <FormatPicker format=format on_select=select testid="format-select" id="format-select" label=crate::ui::lang::lang_now().chrome().number_format />
                    <p class="summary" data-testid="format-summary">{summary}</p>
                </div>
                <CustomFormat format=format on_select=select />
            </div>

            <div class="card bits-card">
                <BitCells format=format code=code on_change=on_bits />
                <Jumps format=format code=code on_select=move |c| model.set_code(c) />
                <div class="readout-main">
                    <ValueReadout readout=readout />
                    <FormulaView formula=formula />
                </div>
            </div>

            <div class="grid">
                <div class="card">
                    <h2>{t.value}</h2>
                    <ExactDecimal readout=readout />
                    <Neighbours readout=readout on_select=move |c| model.set_code(c) />
                    <TextExport target="value" text=Signal::derive(move || format.with(|f| model::breakdown(f, code.get()))) />
                </div>
                <div class="card">
                    <h2>{t.code}</h2>
                    <CodeReadout readout=readout />
                </div>
                <div class="card encode-card">
                    <h2>{t.encode_heading}</h2>
                    <ValueInput
                        format=format
                        rounding=model.rounding
                        overflow=model.overflow
                        last=model.last_typed
                        on_enter=move |text: String| model.enter(&text)
                        on_rounding=move |m| model.set_rounding(m)
                        on_overflow=move |p| model.set_overflow(p)
                    />
                </div>
                <div class="card">
                    <h2>{t.limits_of} <code>{move || format.with(|f| f.id().to_string())}</code></h2>
                    <LimitsCard format=format on_select=move |c| model.set_code(c) />
                </div>
            </div>

            <div class="card">
                <h2>{t.all_formats}</h2>
                <p class="hint">{t.all_formats_hint}</p>
                <LimitsTable format=format on_select=select />
            </div>
        </section>
    }
}
