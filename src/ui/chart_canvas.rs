//! A chart on a `<canvas>`: any [`Chart`] (a value that can draw itself with plotters on any
//! backend) drawn at the device's pixel ratio, redrawn when the chart or the container's
//! width changes (ResizeObserver). The wheel and a click report where they happened as a
//! fraction of the chart's data rectangle, for zooming. Two buttons export the chart as PNG
//! (the canvas) and SVG (the same drawing on plotters' SVG backend), in the page's theme (redrawn
//! when it changes); [`ChartExport`] gives those buttons to any other canvas chart.

use leptos::prelude::*;
use lowbit_charts::plotters::prelude::IntoDrawingArea;
use lowbit_charts::PixelRect;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub use crate::chart::Chart;
use super::export::{download_text, download_url, ImageExportButtons};

/// A device-pixel ratio fit for drawing (1 to 4).
fn draw_ratio(device_pixel_ratio: f64) -> f64 {
    if device_pixel_ratio.is_finite() { device_pixel_ratio.clamp(1.0, 4.0) } else { 1.0 }
}

/// A chart canvas (`<canvas data-testid=…>`, `data-drawn` counts the draws).
#[component]
pub fn ChartCanvas<C: Chart + Clone + PartialEq + Send + Sync + 'static>(
    /// The canvas's `data-testid`.
    testid: &'static str,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// Height in CSS pixels (the width follows the container).
    #[prop(into)]
    height: Signal<f64>,
    /// The chart.
    chart: Signal<C>,
    /// Called on a wheel turn over the data: (fraction across the data rectangle, zoom in?).
    #[prop(optional, into)]
    on_wheel: Option<Callback<(f64, bool)>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let ratio = RwSignal::new(1.0f64);
    let rect = RwSignal::new(None::<PixelRect>);
    let draws = RwSignal::new(0u32);
    type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);
    let observer = StoredValue::new_local(None::<Observer>);

    let measure = move || {
        let Some(wrap) = wrap_ref.get_untracked() else { return };
        let w = wrap.client_width() as f64;
        if w != width.get_untracked() {
            width.set(w);
        }
        let r = draw_ratio(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
        if r != ratio.get_untracked() {
            ratio.set(r);
        }
    };
    Effect::new(move |_| {
        let Some(wrap) = wrap_ref.get() else { return };
        if observer.with_value(|o| o.is_some()) {
            return;
        }
        measure();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| measure());
        if let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            ro.observe(&wrap);
            observer.set_value(Some((ro, callback)));
        }
    });
    on_cleanup(move || {
        let _ = observer.try_update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        });
    });
    let theme = super::theme::use_document_theme();
    Effect::new(move |_| {
        let (w, r, h) = (width.get(), ratio.get(), height.get());
        lowbit_charts::palette::set_theme(theme.get());
        let Some(canvas) = canvas_ref.get() else { return };
        if w <= 0.0 {
            return;
        }
        let px = |css: f64| (css * r).round().clamp(1.0, 16384.0) as u32;
        let (bw, bh) = (px(w), px(h));
        if canvas.width() != bw {
            canvas.set_width(bw);
        }
        if canvas.height() != bh {
            canvas.set_height(bh);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
        let area = backend.into_drawing_area();
        match chart.with(|c| c.draw(&area, r)) {
            Ok(pr) => rect.set(Some(pr)),
            Err(e) => leptos::logging::error!("{testid}: {e}"),
        }
        draws.update(|d| *d += 1);
    });
    let svg = Callback::new(move |()| {
        let (w, h) = (width.get_untracked().round().max(1.0) as u32, height.get_untracked().round().max(1.0) as u32);
        chart.with_untracked(|c| c.svg(w, h))
    });
    let fraction = move |offset_x: f64| -> Option<f64> {
        let pr = rect.get_untracked()?;
        let x = offset_x * ratio.get_untracked();
        (pr.width() > 0).then(|| ((x - pr.x0 as f64) / pr.width() as f64).clamp(0.0, 1.0))
    };
    view! {
        <div class="plot-wrap" node_ref=wrap_ref>
            <canvas
                node_ref=canvas_ref
                data-testid=testid
                data-drawn=move || draws.get().to_string()
                role="img"
                aria-label=move || label.get()
                style=move || format!("height:{}px", height.get())
                on:wheel=move |ev: web_sys::WheelEvent| {
                    if let (Some(cb), Some(at)) = (on_wheel, fraction(ev.offset_x() as f64)) {
                        ev.prevent_default();
                        cb.run((at, ev.delta_y() < 0.0));
                    }
                }
            ></canvas>
            <ChartExport testid=testid canvas=canvas_ref svg=svg />
        </div>
    }
}

/// PNG and SVG buttons for a chart on a `<canvas>` (`data-testid="export-png"` and
/// `"export-svg"`, `data-export-for` the canvas's `data-testid`): the PNG is the canvas's
/// pixels, the SVG the same drawing on plotters' SVG backend, built when the button is pressed.
#[component]
pub fn ChartExport(
    /// The canvas's `data-testid` (also the files' names).
    #[prop(into)]
    testid: String,
    /// The canvas.
    canvas: NodeRef<leptos::html::Canvas>,
    /// Draws the chart as an SVG document, or says why it cannot.
    svg: Callback<(), Result<String, String>>,
) -> impl IntoView {
    let png_name = format!("lowbit-{testid}.png");
    let svg_name = format!("lowbit-{testid}.svg");
    let for_svg = testid.clone();
    let on_png = Callback::new(move |()| {
        if let Some(href) = canvas.get_untracked().and_then(|c| c.to_data_url().ok()) {
            download_url(&png_name, &href);
        }
    });
    let on_svg = Callback::new(move |()| match svg.run(()) {
        Ok(svg) => download_text(&svg_name, "image/svg+xml", &svg),
        Err(e) => leptos::logging::error!("{for_svg}: {e}"),
    });
    view! { <ImageExportButtons testid=testid on_png=on_png on_svg=on_svg /> }
}
