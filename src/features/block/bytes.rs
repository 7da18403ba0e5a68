//! The block's bytes as rows of bit cells, coloured by what each bit holds (the core's
//! [`lowbit_core::gguf::bit_role`]); a click toggles the bit. Used for the whole block and for
//! the k-quants' super-block scale diagram.

use leptos::prelude::*;
use lowbit_core::gguf::GgufType;

use super::model::{self, ByteCell, Selection};

/// Rows of bytes (`block-byte` with `data-index` = offset and `data-field`; inside, `block-bit`
/// buttons with `data-index` = 8 · byte + bit and `aria-pressed` = the bit). `testid_prefix`
/// distinguishes the diagram's copies (`block-scale-byte`, `block-scale-bit`).
#[component]
pub fn BlockBytes(
    /// The bytes to show.
    #[prop(into)]
    bytes: Signal<Vec<ByteCell>>,
    /// The type (for the selection's highlights).
    #[prop(into)]
    t: Signal<GgufType>,
    /// What is selected.
    #[prop(into)]
    selection: Signal<Option<Selection>>,
    /// Called with the index (8 · byte + bit) of a clicked bit.
    #[prop(into)]
    on_toggle: Callback<usize>,
    /// `block` or `block-scale`.
    testid_prefix: &'static str,
    /// Whether to show each bit's role label under it.
    #[prop(optional)]
    labels: bool,
) -> impl IntoView {
    let words = crate::ui::lang::lang_now().block_words();
    let byte_row = move |b: ByteCell| {
        let bits = b.bits.clone();
        view! {
            <div class="block-byte" data-testid=format!("{testid_prefix}-byte") data-index=b.index.to_string() data-field=b.field title=(words.byte_title)(b.index, b.field, &b.hex)>
                <span class="block-byte-index">{b.index}</span>
                <span class="block-byte-hex"><code>{b.hex.clone()}</code></span>
                <span class="block-byte-bits">
                    {bits
                        .into_iter()
                        .map(|c| {
                            let index = c.index;
                            let lit = move || model::bit_selected(t.get(), index, selection.get());
                            view! {
                                <button
                                    type="button"
                                    class=format!("block-bit {}", c.class)
                                    class:lit=lit
                                    data-testid=format!("{testid_prefix}-bit")
                                    data-index=index.to_string()
                                    data-role-label=labels.then(|| c.label.clone())
                                    aria-pressed=if c.on { "true" } else { "false" }
                                    title=c.title.clone()
                                    aria-label=format!("{} = {}", c.title, if c.on { 1 } else { 0 })
                                    on:click=move |_| on_toggle.run(index)
                                >
                                    <span class="bit-value">{if c.on { "1" } else { "0" }}</span>
                                </button>
                            }
                        })
                        .collect_view()}
                </span>
            </div>
        }
    };
    view! {
        <div class="block-bytes" class:labelled=labels>
            <For each=move || bytes.get() key=|b| (b.index, b.value, b.field) children=byte_row />
        </div>
    }
}
