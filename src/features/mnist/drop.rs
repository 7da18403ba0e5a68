//! Drop a `.safetensors` of the seed's model (and optionally a data file) to evaluate it: the
//! files are read in the page and handed to the compute worker; nothing is uploaded. A data
//! file is told from weights by its `images` tensor; the worker names wrong keys, shapes and
//! dtypes, and a refused file leaves the lab as it was.

use leptos::prelude::*;

use super::view::MnistModel;

/// The largest file read (the committed data file is 7.9 MB).
pub const MAX_FILE_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

#[cfg(target_arch = "wasm32")]
fn read_files(model: MnistModel, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let (mut weights, mut data) = (None, None);
        for file in files.into_iter().take(2) {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                return model.drop_message.set(Some((false, (crate::ui::lang::lang_now().mnist_words().too_big)(&name, file.size()))));
            }
            match super::lab::file_bytes(&file).await {
                Err(e) => return model.drop_message.set(Some((false, e))),
                Ok(bytes) if super::model::looks_like_data(&bytes) => data = Some((name, bytes)),
                Ok(bytes) => weights = Some((name, bytes)),
            }
        }
        model.load_files(weights, data);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn read_files(_model: MnistModel, _files: web_sys::FileList) {}

/// The drop zone (`data-testid="mnist-drop"`) and its message
/// (`data-testid="mnist-drop-message"`, `data-ok`).
#[component]
pub fn MnistDrop(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let over = RwSignal::new(false);
    view! {
        <div
            class="mnist-drop"
            class:over=over
            data-testid="mnist-drop"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
                    read_files(model, files);
                }
            }
        >
            {tr.drop_hint}
        </div>
        {move || {
            model
                .drop_message
                .get()
                .map(|(ok, text)| {
                    view! {
                        <p class=if ok { "note" } else { "inline-error" } role=if ok { "status" } else { "alert" } data-testid="mnist-drop-message" data-ok=ok.to_string()>
                            {text}
                        </p>
                    }
                })
        }}
    }
}
