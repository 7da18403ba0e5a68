//! One clickable cell per bit, grouped by field and coloured by role. Click or Space/Enter
//! toggles a bit; pressing and dragging across cells paints them with the first cell's new
//! value (every cell between the last painted one and the pointer, so a fast sweep skips
//! none); the arrow keys (and Home/End) move between cells.

use leptos::prelude::*;
use lowbit_core::format::BitRole;
use lowbit_core::Format;
use wasm_bindgen::JsCast;

use super::model;

/// The bit cells of a code.
#[component]
pub fn BitCells(
    /// The format whose bits are shown.
    #[prop(into)]
    format: Signal<Format>,
    /// The code shown.
    #[prop(into)]
    code: Signal<u64>,
    /// Called with the new code when bits are toggled or painted.
    #[prop(into)]
    on_change: Callback<u64>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().explorer();
    let layout = Memo::new(move |_| model::fields(&format.get(), tr));
    // While a pointer is held down: the value being painted and the last cell painted.
    let paint = StoredValue::new(None::<(bool, u32)>);
    let container = NodeRef::<leptos::html::Div>::new();

    let up = window_event_listener(leptos::ev::pointerup, move |_| paint.set_value(None));
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| paint.set_value(None));
    on_cleanup(move || {
        up.remove();
        cancel.remove();
    });

    let set_span = move |from: u32, to: u32, on: bool| {
        let current = code.get_untracked();
        let next = format.with_untracked(|f| model::with_bits(f, current, from, to, on));
        if next != current {
            on_change.run(next);
        }
    };
    let set = move |position: u32, on: bool| set_span(position, position, on);
    let focus = move |position: u32| {
        let cell = container
            .get_untracked()
            .and_then(|el| el.query_selector(&format!("[data-bit='{position}']")).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(cell) = cell {
            let _ = cell.focus();
        }
    };

    // One Tab stop for the whole row (roving tabindex): the last cell focused, at first the
    // most significant bit; arrows move inside the row.
    let active = RwSignal::new(None::<u32>);
    let tab_stop = Memo::new(move |_| {
        let bits = format.with(|f| f.bits());
        active.get().filter(|p| *p < bits).unwrap_or(bits.saturating_sub(1))
    });

    let cell = move |position: u32, role: BitRole| {
        let is_set = move || model::bit_is_set(code.get(), position);
        view! {
            <button
                type="button"
                tabindex=move || if tab_stop.get() == position { "0" } else { "-1" }
                on:focus=move |_| active.set(Some(position))
                class=format!("bit {}", model::role_class(role))
                data-testid=format!("bit-{position}")
                data-bit=position.to_string()
                aria-pressed=move || if is_set() { "true" } else { "false" }
                aria-label=move || format.with(|f| model::bit_label(f, code.get(), position, tr))
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if ev.button() != 0 {
                        return;
                    }
                    // Let a touch drag reach the other cells (touch pointers are captured).
                    if let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                        let _ = target.release_pointer_capture(ev.pointer_id());
                    }
                    let on = !model::bit_is_set(code.get_untracked(), position);
                    paint.set_value(Some((on, position)));
                    set(position, on);
                }
                on:pointerenter=move |_| {
                    if let Some((on, last)) = paint.get_value() {
                        paint.set_value(Some((on, position)));
                        set_span(last, position, on);
                    }
                }
                on:click=move |ev: web_sys::MouseEvent| {
                    // Pointer clicks (detail ≥ 1) were handled on pointerdown; keyboard
                    // activation and element.click() arrive with detail 0.
                    if ev.detail() == 0 {
                        set(position, !model::bit_is_set(code.get_untracked(), position));
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    let bits = format.with_untracked(|f| f.bits());
                    if let Some(target) = model::bit_to_focus(&ev.key(), position, bits) {
                        ev.prevent_default();
                        active.set(Some(target));
                        focus(target);
                    }
                }
            >
                <span class="bit-value">{move || if is_set() { "1" } else { "0" }}</span>
            </button>
        }
    };

    view! {
        <div
            class="bits"
            class:roomy=move || format.with(|f| f.bits() <= 8)
            class:dense=move || format.with(|f| f.bits() > 16)
            class:tiny=move || format.with(|f| f.bits() > 32)
            node_ref=container
            role="group"
            aria-label=tr.bits_label
        >
            {move || {
                layout
                    .get()
                    .into_iter()
                    .map(|field| {
                        let role = field.role;
                        view! {
                            <div class=format!("field {}", model::role_class(role))>
                                <div class="field-caption">{field.caption}</div>
                                <div class="field-bits">
                                    {field.positions.into_iter().map(|p| cell(p, role)).collect_view()}
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
