//! The drawing canvas (`data-testid="mnist-draw"`): draw with a mouse, a finger or a pen
//! (pointer events, one stroke per pressed pointer); after every move the worker makes the
//! drawing MNIST-style (20×20 box, centre of mass at the centre) and every scheme predicts it
//! (`data-testid="mnist-predictions"`, rows `data-scheme`, `data-digit`). A clear button
//! erases it.

use leptos::prelude::*;

use super::digit_image::{paint, DigitImage};
use super::logits::LogitsTable;
use super::model::{to_ink, INK_SIDE};
use super::view::MnistModel;

/// The canvas's displayed size in CSS pixels.
const SIZE: f64 = 280.0;

/// The drawing surface, what the network sees, and the predictions.
#[component]
pub fn MnistDraw(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let node = NodeRef::<leptos::html::Canvas>::new();
    let last = StoredValue::new(None::<(f64, f64)>);
    let strokes = RwSignal::new(0u32);
    Effect::new(move |_| {
        let Some(canvas) = node.get() else { return };
        model.ink.with(|g| paint(&canvas, &g.pixels, INK_SIDE as u32));
    });
    let position = move |ev: &web_sys::PointerEvent| -> Option<(f64, f64)> {
        let canvas = node.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        let scale = if rect.width() > 0.0 { SIZE / rect.width() } else { 1.0 };
        Some(to_ink(((ev.client_x() as f64 - rect.left()) * scale, (ev.client_y() as f64 - rect.top()) * scale), SIZE))
    };
    let draw_to = move |p: (f64, f64)| {
        let from = last.get_value().unwrap_or(p);
        model.ink.update(|g| g.stroke(from, p));
        last.set_value(Some(p));
        model.predict_drawing();
    };
    let pixels = Signal::derive(move || model.drawing.with(|d| d.as_ref().map(|d| d.image.clone()).unwrap_or_default()));
    let rows = Signal::derive(move || model.drawing.with(|d| d.as_ref().map(|d| d.schemes.clone()).unwrap_or_default()));
    let no_label = Signal::derive(|| None::<u8>);
    view! {
        <div class="mnist-draw-layout">
            <div>
                <canvas
                    node_ref=node
                    class="mnist-draw"
                    data-testid="mnist-draw"
                    data-strokes=move || strokes.get().to_string()
                    width=INK_SIDE.to_string()
                    height=INK_SIDE.to_string()
                    style=format!("width:{SIZE}px;height:{SIZE}px")
                    role="img"
                    aria-label=tr.draw_label
                    on:pointerdown=move |ev: web_sys::PointerEvent| {
                        ev.prevent_default();
                        if let Some(canvas) = node.get_untracked() {
                            let _ = canvas.set_pointer_capture(ev.pointer_id());
                        }
                        last.set_value(None);
                        if let Some(p) = position(&ev) {
                            draw_to(p);
                        }
                    }
                    on:pointermove=move |ev: web_sys::PointerEvent| {
                        // Drawing while a button (or the pen or finger) is down.
                        if ev.buttons() == 0 || last.get_value().is_none() {
                            return;
                        }
                        ev.prevent_default();
                        if let Some(p) = position(&ev) {
                            draw_to(p);
                        }
                    }
                    on:pointerup=move |_| {
                        if last.get_value().is_some() {
                            strokes.update(|s| *s += 1);
                        }
                        last.set_value(None);
                    }
                    on:pointercancel=move |_| last.set_value(None)
                ></canvas>
                <div class="mnist-draw-actions">
                    <button
                        type="button"
                        data-testid="mnist-clear"
                        on:click=move |_| {
                            model.ink.update(|g| g.clear());
                            last.set_value(None);
                            model.predict_drawing();
                        }
                    >
                        {tr.clear}
                    </button>
                    <DigitImage testid="mnist-draw-seen" pixels=pixels size=56 />
                </div>
            </div>
            <div>
                <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="muted">{tr.draw_hint}</p> }>
                    <LogitsTable testid="mnist-predictions" rows=rows label=no_label logits=false />
                </Show>
            </div>
        </div>
    }
}
