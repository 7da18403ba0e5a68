//! The step-by-step table: one row per element (the scale's statistic, the scale, x / scale,
//! rounded, code, dequantized, error — headed by what each holds in the scheme shown), as
//! `lowbit quantize --trace` prints it. A million rows never reach the DOM: the table scrolls
//! in a box as tall as [`window::VISIBLE_ROWS`] rows over a spacer as tall as all of them, and
//! holds only the window of rows around what is visible ([`window`]).

use leptos::prelude::*;

use super::model::TraceRow;
use super::window;

/// The trace (`data-testid="quantize-trace"`, rows with `data-index` and `data-code`; class
/// `clipped` where clamping changed the value) in its scroll box
/// (`data-testid="quantize-trace-window"`, `data-total`: the rows of the whole trace,
/// `data-start`: the first row in the DOM).
#[component]
pub fn QuantizeTrace(
    /// The column headings (named for what they hold in the scheme shown).
    #[prop(into)]
    columns: Signal<Vec<String>>,
    /// Which column holds the code (class `code-col`).
    #[prop(into)]
    code_column: Signal<Option<usize>>,
    /// The rows of the window.
    #[prop(into)]
    rows: Signal<Vec<TraceRow>>,
    /// How many rows the whole trace has.
    #[prop(into)]
    total: Signal<usize>,
    /// The index of the window's first row.
    #[prop(into)]
    start: Signal<usize>,
    /// Where the window's table sits in the scrolled content ([`window::window_offset_px`]).
    #[prop(into)]
    offset: Signal<f64>,
    /// Called with the box's scroll position (CSS pixels from the top) when it scrolls.
    #[prop(into)]
    on_scroll: Callback<f64>,
) -> impl IntoView {
    let px = |x: f64| format!("{x}px");
    let row_height = move || px(window::ROW_HEIGHT_PX);
    let row = move |r: TraceRow| {
        let code_col = code_column.get_untracked();
        view! {
            <tr data-index=r.index data-code=r.code class:clipped=r.clipped style:height=row_height()>
                {r
                    .cells
                    .into_iter()
                    .enumerate()
                    .map(|(i, cell)| view! { <td class="num" class:code-col=Some(i) == code_col>{cell}</td> })
                    .collect_view()}
            </tr>
        }
    };
    // The layout the window's arithmetic rests on is inline (not left to the stylesheet):
    // the box scrolls, the spacer holds the table, rows and header are one row height each.
    let regions = crate::ui::lang::lang_now().regions();
    view! {
        <div
            class="trace-window"
            data-testid="quantize-trace-window"
            data-total=move || total.get()
            data-start=move || start.get()
            tabindex="0"
            role="region"
            aria-label=move || (regions.trace_rows)(&total.get().to_string())
            style:height=move || px(window::box_height_px(total.get()))
            style:overflow="auto"
            style:position="relative"
            on:scroll=move |ev| on_scroll.run(event_target::<web_sys::Element>(&ev).scroll_top() as f64)
        >
            <div class="trace-sizer" style:height=move || px(window::content_height_px(total.get())) style:position="relative">
                <table
                    class="quantize-table quantize-trace"
                    data-testid="quantize-trace"
                    style:position="absolute"
                    style:left="0"
                    style:top=move || px(offset.get())
                >
                    <thead>
                        <tr style:height=row_height()>{move || columns.get().into_iter().map(|name| view! { <th>{name}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() children=row />
                    </tbody>
                </table>
            </div>
        </div>
    }
}
