//! The view's charts on `<canvas>` (plotters through lowbit-charts, like the app's other
//! charts, at the device's pixel ratio): accuracy against bits per parameter
//! (`data-testid="mnist-chart"`) and one weight histogram per layer with the chosen scheme's
//! stored values overlaid (`data-testid="mnist-histogram-N"`), each with its text summary
//! under it (`mnist-chart-summary`, `mnist-histogram-N-summary`; the model words them).

use leptos::prelude::*;
use lowbit_charts::plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::model::{backing_size, layer_chart, layer_summary, AccuracyPlot};
use super::view::MnistModel;
use crate::chart::Chart;
use crate::ui::chart_canvas::ChartExport;

/// The CSS size of a canvas's box, for its SVG export.
fn css_size(canvas: NodeRef<leptos::html::Canvas>, height: f64) -> (u32, u32) {
    let width = canvas.get_untracked().map_or(600, |c| c.client_width().max(1) as u32);
    (width, height as u32)
}

/// Sizes the canvas to its container's width at the device's pixel ratio; returns the ratio.
fn prepare(canvas: &web_sys::HtmlCanvasElement, height: f64) -> Option<f64> {
    let width = canvas.parent_element().map_or(600.0, |p| p.client_width() as f64).max(200.0);
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (bw, bh, ratio) = backing_size(width, height, dpr);
    if canvas.width() != bw {
        canvas.set_width(bw);
    }
    if canvas.height() != bh {
        canvas.set_height(bh);
    }
    Some(ratio)
}

/// Accuracy (percent) of every scheme against its bits per parameter.
#[component]
pub fn AccuracyChart(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let draws = RwSignal::new(0u32);
    let theme = crate::ui::theme::use_document_theme();
    Effect::new(move |_| {
        lowbit_charts::palette::set_theme(theme.get());
        let chosen = model.params.with(|p| p.scheme.id());
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(chart) = model.table.with(|t| t.as_ref().map(|t| AccuracyPlot::of(t, chosen, crate::ui::lang::lang_now().mnist()))) else { return };
        let Some(ratio) = prepare(&canvas, 300.0) else { return };
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
        if let Err(e) = chart.draw(&backend.into_drawing_area(), ratio) {
            leptos::logging::error!("mnist-chart: {e}");
        }
        draws.update(|d| *d += 1);
    });
    let svg = Callback::new(move |()| {
        let chosen = model.params.with_untracked(|p| p.scheme.id());
        let (w, h) = css_size(canvas_ref, 300.0);
        model.table.with_untracked(|t| t.as_ref().map(|t| AccuracyPlot::of(t, chosen, crate::ui::lang::lang_now().mnist()).svg(w, h))).unwrap_or_else(|| Err("the table is not scored yet".into()))
    });
    let summary = move || {
        let chosen = model.params.with(|p| p.scheme.id());
        model.table.with(|t| t.as_ref().map(|t| AccuracyPlot::of(t, chosen, tr).summary(tr)))
    };
    view! {
        <div class="plot-wrap">
            <canvas
                node_ref=canvas_ref
                data-testid="mnist-chart"
                data-drawn=move || draws.get().to_string()
                role="img"
                aria-label=crate::ui::lang::lang_now().regions().accuracy_chart
                aria-describedby="mnist-chart-summary"
                style="height:300px"
            ></canvas>
            <ChartExport testid="mnist-chart" canvas=canvas_ref svg=svg />
        </div>
        <p class="chart-summary" id="mnist-chart-summary" data-testid="mnist-chart-summary">{summary}</p>
        <p class="muted">{tr.scales_hint}</p>
    }
}

/// The three layers' weight histograms with the chosen scheme's stored values.
#[component]
pub fn WeightHistograms(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let refs = [NodeRef::<leptos::html::Canvas>::new(), NodeRef::<leptos::html::Canvas>::new(), NodeRef::<leptos::html::Canvas>::new()];
    let draws = RwSignal::new(0u32);
    let theme = crate::ui::theme::use_document_theme();
    Effect::new(move |_| {
        lowbit_charts::palette::set_theme(theme.get());
        model.histograms.with(|h| {
            let Some(h) = h else { return };
            for (layer, node) in h.layers.iter().zip(refs) {
                let Some(canvas) = node.get() else { continue };
                let Some(ratio) = prepare(&canvas, 220.0) else { continue };
                let chart = layer_chart(&h.scheme, layer, crate::ui::lang::lang_now().mnist());
                let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { continue };
                if let Err(e) = chart.draw(&backend.into_drawing_area(), ratio) {
                    leptos::logging::error!("mnist-histogram: {e}");
                }
            }
            draws.update(|d| *d += 1);
        });
    });
    let scheme = move || model.params.with(|p| p.scheme.id());
    view! {
        <p class="muted">
            "Grey: the f32 weights. Colour: the values " {scheme} " stores (lines when few, else their histogram outlined). Choose the scheme in the table."
        </p>
        <div class="mnist-histograms" data-testid="mnist-histograms" data-drawn=move || draws.get().to_string()>
            {refs
                .into_iter()
                .enumerate()
                .map(|(i, node)| {
                    let svg = Callback::new(move |()| {
                        let (w, h) = css_size(node, 220.0);
                        model
                            .histograms
                            .with_untracked(|hs| hs.as_ref().and_then(|hs| hs.layers.get(i).map(|layer| layer_chart(&hs.scheme, layer, crate::ui::lang::lang_now().mnist()).svg(w, h))))
                            .unwrap_or_else(|| Err("the histograms are not computed yet".into()))
                    });
                    let summary = move || {
                        model.histograms.with(|hs| hs.as_ref().and_then(|hs| hs.layers.get(i).map(|layer| layer_summary(&hs.scheme, layer, crate::ui::lang::lang_now().mnist()))))
                    };
                    let summary_id = format!("mnist-histogram-{i}-summary");
                    view! {
                        <div class="plot-wrap">
                            <canvas
                                node_ref=node
                                data-testid=format!("mnist-histogram-{i}")
                                role="img"
                                aria-label=(crate::ui::lang::lang_now().regions().layer_histogram)(i + 1)
                                aria-describedby=summary_id.clone()
                                style="height:220px"
                            ></canvas>
                            <ChartExport testid=format!("mnist-histogram-{i}") canvas=node svg=svg />
                            <p class="chart-summary" id=summary_id.clone() data-testid=summary_id>{summary}</p>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
