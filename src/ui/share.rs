//! The share button and its dialog: the link to what is shown and the `<iframe>` snippet
//! that embeds it (see [`crate::embed`]), each with a copy button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::embed::{embed_snippet, share_link};

/// The page's address without its query (`https://host/lowbit/`).
fn page_base() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// Copies `text` to the clipboard (the field's text is selected too, for Ctrl+C where the
/// clipboard is refused).
fn copy(text: &str, field: Option<web_sys::HtmlElement>) {
    if let Some(input) = field.as_ref().and_then(|f| f.dyn_ref::<web_sys::HtmlInputElement>()) {
        input.select();
    } else if let Some(area) = field.as_ref().and_then(|f| f.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
        area.select();
    }
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// `Share` (`data-testid="share"`) opens a dialog (`share-dialog`) with the link
/// (`share-link`, copy: `copy-link`) and the snippet (`embed-snippet`, a `<textarea>`; copy:
/// `copy-snippet`).
#[component]
pub fn ShareButton(
    /// The state's query, without `embed`.
    #[prop(into)]
    query: Signal<String>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let link_ref = NodeRef::<leptos::html::Input>::new();
    let snippet_ref = NodeRef::<leptos::html::Textarea>::new();
    let copied = RwSignal::new(None::<&'static str>);
    let lang = crate::ui::lang::use_lang();
    let t = move || lang.get().chrome();
    let link = Signal::derive(move || share_link(&page_base(), &query.get()));
    let snippet = Signal::derive(move || embed_snippet(&page_base(), &query.get(), lang.get().chrome().embed_title));
    let open = move |_| {
        copied.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <button type="button" class="share-button" data-testid="share" aria-haspopup="dialog" on:click=open>
            {move || t().share}
        </button>
        <dialog class="share-dialog" data-testid="share-dialog" node_ref=dialog aria-labelledby="share-title">
            <h2 id="share-title">{move || t().share_title}</h2>
            <label class="share-field">
                <span>{move || t().link}</span>
                <input type="text" readonly data-testid="share-link" node_ref=link_ref prop:value=link />
            </label>
            <button
                type="button"
                data-testid="copy-link"
                on:click=move |_| {
                    copy(&link.get_untracked(), link_ref.get_untracked().map(Into::into));
                    copied.set(Some(t().link_copied));
                }
            >
                {move || t().copy_link}
            </button>
            <label class="share-field">
                <span>{move || t().embed_label}</span>
                <textarea readonly rows="4" data-testid="embed-snippet" node_ref=snippet_ref prop:value=snippet></textarea>
            </label>
            <button
                type="button"
                data-testid="copy-snippet"
                on:click=move |_| {
                    copy(&snippet.get_untracked(), snippet_ref.get_untracked().map(Into::into));
                    copied.set(Some(t().snippet_copied));
                }
            >
                {move || t().copy_snippet}
            </button>
            <p class="hint" role="status">{move || copied.get()}</p>
            <button type="button" class="link close" on:click=close>{move || t().close}</button>
        </dialog>
    }
}
