//! The interface's language on the page: the context every view reads it from
//! ([`provide_lang`], [`use_lang`]), the document's `<html lang>` kept to it ([`apply_lang`]),
//! the language a lazily loaded module reads from the document ([`use_document_lang`]), the
//! browser's preference ([`browser_lang`]) and the switcher in the header ([`LangSwitcher`]).
//!
//! Views read their strings once when they render (`use_lang().get_untracked().explorer()`):
//! the app renders its views again when the language changes (their state lives in the
//! models), so no text needs a reactive closure of its own.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::ui::root_attribute::{root_attribute, use_root_attribute};

/// The language, as provided to the views.
#[derive(Clone, Copy)]
struct LangContext(Signal<Lang>);

/// Provides `lang` to the views below.
pub fn provide_lang(lang: Signal<Lang>) {
    provide_context(LangContext(lang));
}

/// The language provided above ([`provide_lang`]), English where none is.
pub fn use_lang() -> Signal<Lang> {
    use_context::<LangContext>().map_or_else(|| Signal::stored(Lang::En), |c| c.0)
}

/// The language now, without tracking: for a view's strings, read when it renders. Outside a
/// render (an event handler, a task, a worker's answer: no context there), the document's
/// `<html lang>`, which [`apply_lang`] keeps to the page's language and which a lazily loaded
/// module's language follows.
pub fn lang_now() -> Lang {
    use_context::<LangContext>().map_or_else(document_lang, |c| c.0.get_untracked())
}

/// The first of the browser's preferred languages (`navigator.languages`) that the interface
/// has; English when none is, or natively.
pub fn browser_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(window) = web_sys::window() {
            let tags: Vec<String> = window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
            return Lang::from_browser(&tags);
        }
    }
    Lang::En
}

/// The language of the document (its `<html lang>`; English when unset, unknown or natively).
pub fn document_lang() -> Lang {
    root_attribute("lang").and_then(|l| Lang::parse(&l)).unwrap_or(Lang::En)
}

/// Keeps `<html lang>` to `lang` (screen readers, hyphenation, and the lazily loaded modules,
/// which read it: [`use_document_lang`]).
pub fn apply_lang(lang: Signal<Lang>) {
    #[cfg(target_arch = "wasm32")]
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            if root.get_attribute("lang").as_deref() != Some(code) {
                let _ = root.set_attribute("lang", code);
            }
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

/// The document's language as a signal, updated when `<html lang>` changes: how a lazily
/// loaded module (its own Leptos runtime) follows the page's language, as its charts follow
/// the page's theme ([`crate::ui::theme::use_document_theme`]).
pub fn use_document_lang() -> ReadSignal<Lang> {
    use_root_attribute("lang", document_lang)
}

/// The language switcher (`data-testid="lang"`, a `<select>` of the languages, each named in
/// itself).
#[component]
pub fn LangSwitcher(
    /// The language shown.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Called with the chosen language.
    #[prop(into)]
    on_choose: Callback<Lang>,
) -> impl IntoView {
    view! {
        <select
            class="lang-switcher"
            data-testid="lang"
            aria-label=move || lang.get().chrome().lang_label
            prop:value=move || lang.get().code()
            on:change=move |ev| {
                if let Some(l) = Lang::parse(&event_target_value(&ev)) {
                    on_choose.run(l);
                }
            }
        >
            {Lang::ALL
                .into_iter()
                .map(|l| view! { <option value=l.code() lang=l.code() selected=move || lang.get() == l>{l.native_name()}</option> })
                .collect_view()}
        </select>
    }
}
