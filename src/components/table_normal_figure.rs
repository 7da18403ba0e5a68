//! How NF4 is built: the standard normal density with the 16 quantiles that become NF4's
//! levels, as an inline SVG laid out by [`crate::tables_model::normal_figure`].

use leptos::prelude::*;

use crate::tables_model::NormalFigure;

/// The figure (`data-testid="nf4-figure"`, one `<circle data-nf4-code=…>` per level).
#[component]
pub fn TableNormalFigure(
    /// The figure's geometry.
    figure: NormalFigure,
) -> impl IntoView {
    let NormalFigure {
        width,
        height,
        x0,
        x1,
        axis_y,
        top_y,
        curve,
        area,
        points,
        z_ticks,
        value_ticks,
        label_y,
        z_tick_end,
        z_label_y,
        z_title_y,
        value_tick_end,
        value_label_y,
        value_title_y,
    } = figure;
    let lines = points
        .iter()
        .map(|p| {
            view! {
                <line class="q-line" class:zero=p.zero x1=p.x y1=p.y x2=p.x y2=axis_y></line>
            }
        })
        .collect_view();
    let dots = points
        .iter()
        .map(|p| {
            view! {
                <g class="q-point">
                    <title>{p.title.clone()}</title>
                    <circle class:zero=p.zero cx=p.x cy=p.y r="4.5" data-nf4-code=p.code></circle>
                    <text class="q-label" x=p.x y=label_y text-anchor="middle">{p.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let z_axis = z_ticks
        .into_iter()
        .map(|t| {
            view! {
                <line class="tick" x1=t.x y1=axis_y x2=t.x y2=z_tick_end></line>
                <text class="tick-label" x=t.x y=z_label_y text-anchor="middle">{t.label}</text>
            }
        })
        .collect_view();
    let value_axis = value_ticks
        .into_iter()
        .map(|t| {
            view! {
                <line class="tick" x1=t.x y1=top_y x2=t.x y2=value_tick_end></line>
                <text class="tick-label" x=t.x y=value_label_y text-anchor="middle">{t.label}</text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="nf4-figure"
            data-testid="nf4-figure"
            viewBox=format!("0 0 {width} {height}")
            role="img"
            aria-label="the standard normal density with the 16 NF4 quantiles marked on it"
        >
            <path class="q-area" d=area></path>
            <path class="curve" d=curve></path>
            {lines}
            <line class="axis" x1=x0 y1=axis_y x2=x1 y2=axis_y></line>
            <line class="axis faint" x1=x0 y1=top_y x2=x1 y2=top_y></line>
            {z_axis}
            {value_axis}
            {dots}
            <text class="axis-title" x=x1 y=z_title_y text-anchor="end">"z (standard deviations); numbers: NF4 codes"</text>
            <text class="axis-title" x=x0 y=value_title_y text-anchor="start">"NF4 value = z / Φ⁻¹(0.9677)"</text>
        </svg>
    }
}
