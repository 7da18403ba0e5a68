//! An attribute of the document's root element (`<html lang>`, `<html data-theme>`): read
//! now ([`root_attribute`]) or followed as a signal ([`use_root_attribute`]). The page sets
//! these attributes; every module — the first view's and each lazily loaded one, with its own
//! Leptos runtime — reads them, so they are how the language and the theme reach them all.

use leptos::prelude::*;

/// The root element's `name` attribute (None when unset, or natively).
pub fn root_attribute(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).and_then(|r| r.get_attribute(name))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// `read()` as a signal, read again each time the root element's `name` attribute changes
/// (a `MutationObserver`, disconnected when the calling owner is cleaned up).
pub fn use_root_attribute<T>(name: &'static str, read: fn() -> T) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (value, set_value) = signal(read());
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_records: js_sys::Array| {
            let now = read();
            if value.try_get_untracked().is_some_and(|v| v != now) {
                set_value.try_set(now);
            }
        });
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
        if let (Some(root), Ok(observer)) = (root, web_sys::MutationObserver::new(callback.as_ref().unchecked_ref())) {
            let init = web_sys::MutationObserverInit::new();
            init.set_attributes(true);
            init.set_attribute_filter(&js_sys::Array::of1(&name.into()));
            if observer.observe_with_options(&root, &init).is_ok() {
                let kept = StoredValue::new_local(Some((observer, callback)));
                on_cleanup(move || {
                    if let Some(Some((observer, _callback))) = kept.try_update_value(Option::take) {
                        observer.disconnect();
                    }
                });
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, set_value);
    value
}
