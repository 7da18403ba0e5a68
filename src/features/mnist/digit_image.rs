//! A 28×28 digit drawn on a small canvas, scaled up with square pixels (ink dark on white, as
//! the seed prints its arrays: 0 background, 255 ink).

use leptos::prelude::*;

/// Grey levels (0 = background) as RGBA bytes, ink dark on white.
pub fn rgba(pixels: &[u8]) -> Vec<u8> {
    pixels.iter().flat_map(|&p| [255 - p, 255 - p, 255 - p, 255]).collect()
}

/// Paints `pixels` (`side × side`) onto `canvas` at its own resolution.
pub fn paint(canvas: &web_sys::HtmlCanvasElement, pixels: &[u8], side: u32) {
    use wasm_bindgen::JsCast;
    if canvas.width() != side {
        canvas.set_width(side);
    }
    if canvas.height() != side {
        canvas.set_height(side);
    }
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else {
        return;
    };
    if pixels.len() != (side * side) as usize {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, side as f64, side as f64);
        return;
    }
    let data = rgba(pixels);
    if let Ok(image) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(wasm_bindgen::Clamped(&data), side, side) {
        let _ = ctx.put_image_data(&image, 0.0, 0.0);
    }
}

/// A digit (`data-testid` given), 28×28 shown at `size` CSS pixels.
#[component]
pub fn DigitImage(
    /// The test hook.
    testid: &'static str,
    /// The pixels (784, or empty for a blank).
    #[prop(into)]
    pixels: Signal<Vec<u8>>,
    /// Displayed size in CSS pixels.
    size: u32,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = node.get() else { return };
        pixels.with(|p| paint(&canvas, p, 28));
    });
    view! {
        <canvas
            node_ref=node
            class="digit-image"
            data-testid=testid
            width="28"
            height="28"
            style=format!("width:{size}px;height:{size}px")
            role="img"
            aria-label=crate::ui::lang::lang_now().regions().digit_image
        ></canvas>
    }
}
