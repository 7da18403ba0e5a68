//! The result card: the CLI's summary, codes, scales, the reconstruction, the packed bytes
//! of 4-bit schemes (hex, binary as seed 000 prints them, decimal, nibbles), the metrics (bits
//! per element nominal and of this input) and the quantizer's remarks. The packed bytes export
//! as CSV, Markdown and LaTeX (every byte the result holds).

use leptos::prelude::*;

use super::model::{PackedByte, QuantizeDisplay};
use crate::ui::TableExport;

/// The results (`quantize-summary`, `quantize-codes` with `data-codes`, `quantize-scales`,
/// `quantize-dequantized` with `data-values`, `quantize-packed` with `data-bytes` and
/// `data-high-first`, `quantize-metrics`). Lists and attributes hold the first
/// [`super::model::LIST_MAX`] entries; the bytes table the first
/// [`super::model::PACKED_ROWS_MAX`] rows. A result from the compute worker lays its heavy
/// parts out in later animation frames ([`super::stages`]): until then `lists` (the codes,
/// scales, further facts and the reconstruction) or `packed` (the bytes table) is false and
/// the part is absent.
#[component]
pub fn QuantizeResults(
    /// What to show.
    #[prop(into)]
    shown: Signal<QuantizeDisplay>,
    /// Whether the lists are laid out (default: yes).
    #[prop(into, default = Signal::stored(true))]
    lists: Signal<bool>,
    /// Whether the packed-bytes table is laid out (default: yes).
    #[prop(into, default = Signal::stored(true))]
    packed_shown: Signal<bool>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().quantize();
    let text = move |f: fn(&QuantizeDisplay) -> String| move || shown.with(f);
    let extra = move || shown.with(|d| d.extra.clone());
    let packed = move || if packed_shown.get() { shown.with(|d| d.packed.clone()) } else { None };
    let byte_row = |b: PackedByte| {
        view! {
            <tr>
                <td>{b.index}</td>
                <td><code>{b.hex}</code></td>
                <td><code>{b.binary}</code></td>
                <td>{b.byte}</td>
                <td>{b.high}</td>
                <td>{b.low}</td>
            </tr>
        }
    };
    view! {
        <div class="quantize-results">
            <p data-testid="quantize-summary"><code>{text(|d| d.summary.clone())}</code></p>
            <Show when=move || lists.get()>
                <dl class="quantize-facts">
                    <dt>{tr.codes}</dt>
                    <dd><code data-testid="quantize-codes" data-codes=text(|d| d.codes_attr.clone())>{text(|d| d.codes.clone())}</code></dd>
                    <dt>{move || shown.with(|d| d.scale_name)}</dt>
                    <dd><code data-testid="quantize-scales">{text(|d| d.scales.clone())}</code></dd>
                    <For
                        each=extra
                        key=|fact| fact.clone()
                        children=|(name, value)| view! { <dt>{name}</dt><dd><code>{value}</code></dd> }
                    />
                    <dt>{tr.dequantized}</dt>
                    <dd>
                        <code data-testid="quantize-dequantized" data-values=text(|d| d.values_attr.clone())>
                            {text(|d| d.dequantized.clone())}
                        </code>
                    </dd>
                </dl>
            </Show>
            {move || {
                packed()
                    .map(|p| {
                        // Built when a button is pressed: up to 4,096 rows.
                        let for_export = p.clone();
                        view! {
                            <div data-testid="quantize-packed" data-bytes=p.bytes_attr data-high-first=p.high_first.to_string()>
                                <h3>{tr.packed_bytes}</h3>
                                {(p.total > p.bytes.len()).then(|| view! {
                                    <p class="muted" data-testid="quantize-packed-more">
                                        {(tr.first_bytes)(p.bytes.len(), &crate::features::quantize::params::thousands(p.total))}
                                    </p>
                                })}
                                <div class="table-scroll" tabindex="0" role="region" aria-label=tr.packed_bytes>
                                    <table class="quantize-table">
                                        <thead>
                                            <tr>
                                                <th>{tr.byte_columns[0]}</th>
                                                <th>{tr.byte_columns[1]}</th>
                                                <th>{tr.byte_columns[2]}</th>
                                                <th>{tr.byte_columns[3]}</th>
                                                <th>{p.high_heading}</th>
                                                <th>{p.low_heading}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{p.bytes.into_iter().map(byte_row).collect_view()}</tbody>
                                    </table>
                                </div>
                                <TableExport target="quantize-packed" table=Signal::derive(move || for_export.export(tr.byte_columns)) />
                            </div>
                        }
                    })
            }}
            <dl class="quantize-metrics" data-testid="quantize-metrics">
                <For
                    each=move || shown.with(|d| d.metrics.clone())
                    key=|m| m.clone()
                    children=|(name, value)| view! { <div><dt>{name}</dt><dd>{value}</dd></div> }
                />
            </dl>
            <Show when=move || shown.with(|d| !d.notes.is_empty())>
                <ul class="quantize-notes">
                    <For each=move || shown.with(|d| d.notes.clone()) key=|n| n.clone() children=|n| view! { <li>{n}</li> } />
                </ul>
            </Show>
        </div>
    }
}
