//! The file picker and drop zone (`data-testid="tensor-file"`, `tensor-drop`), and the reads:
//! a file's first bytes and header through `Blob.slice`, then only the chosen tensor's bytes,
//! so a multi-gigabyte checkpoint opens at once. Nothing is uploaded. The header is parsed here;
//! the tensor's bytes stay an `ArrayBuffer` for the compute worker, which decodes them.

use leptos::prelude::*;
use lowbit_tensors::{npy, safetensors, FileKind, TensorEntry, HEAD_BYTES};

use super::model::{refusal_text, OpenedFile};
use crate::i18n::TensorsText;

/// Why a file or tensor could not be read, put in words by [`ReadError::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The browser could not read the bytes (its message).
    Browser(String),
    /// The reader refused the file's contents.
    Refused(lowbit_tensors::TensorError),
    /// A tensor larger than the page reads at once: its name and elements.
    TooLarge(String, u64),
}

impl ReadError {
    /// The message, naming `subject` (the file or the tensor), in the page's language.
    pub fn text(&self, subject: &str) -> String {
        let t: &TensorsText = crate::ui::lang::lang_now().tensors();
        match self {
            ReadError::Browser(why) => format!("{subject}: {why}"),
            ReadError::Refused(e) => refusal_text(t, subject, e),
            ReadError::TooLarge(name, elements) => (t.too_large)(name, *elements, lowbit_tensors::MAX_ELEMENTS),
        }
    }
}

/// The bytes `start..end` of a file as the browser reads them (a `Blob.slice`, read as an
/// `ArrayBuffer`, outside the page's WebAssembly memory).
#[cfg(target_arch = "wasm32")]
pub async fn read_buffer(blob: &web_sys::Blob, start: u64, end: u64) -> Result<js_sys::ArrayBuffer, ReadError> {
    use wasm_bindgen::JsCast;
    let describe = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "the browser refused to read it".into())
    };
    let part = blob.slice_with_f64_and_f64(start as f64, end as f64).map_err(|e| ReadError::Browser(describe(e)))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(part.array_buffer()).await.map_err(|e| ReadError::Browser(describe(e)))?;
    buffer.dyn_into::<js_sys::ArrayBuffer>().map_err(|_| ReadError::Browser("the browser gave no bytes".into()))
}

/// Natively (the ssr renderer) there are no files to read.
#[cfg(not(target_arch = "wasm32"))]
pub async fn read_buffer(_blob: &web_sys::Blob, _start: u64, _end: u64) -> Result<js_sys::ArrayBuffer, ReadError> {
    Err(ReadError::Browser("files are read only in a browser".into()))
}

/// The bytes `start..end` of a file, copied into the page's memory (a header: small).
pub async fn read_range(blob: &web_sys::Blob, start: u64, end: u64) -> Result<Vec<u8>, ReadError> {
    let buffer = read_buffer(blob, start, end).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Reads a file's header: its first bytes, then the header's bytes only.
pub async fn open_header(file: &web_sys::File) -> Result<OpenedFile, ReadError> {
    let name = file.name();
    let size = file.size().max(0.0) as u64;
    let head = read_range(file, 0, size.min(HEAD_BYTES)).await?;
    let kind = lowbit_tensors::detect(&name, &head).map_err(ReadError::Refused)?;
    let tensors = match kind {
        FileKind::Npy => {
            let prelude = npy::prelude(&head, size).map_err(ReadError::Refused)?;
            let header = read_range(file, prelude.header.start, prelude.header.end).await?;
            vec![npy::parse_header(&header, &prelude, &name, size).map_err(ReadError::Refused)?]
        }
        FileKind::Safetensors => {
            let n = safetensors::header_length(&head, size).map_err(ReadError::Refused)?;
            let header = read_range(file, 8, 8 + n).await?;
            safetensors::parse_header(&header, size).map_err(ReadError::Refused)?
        }
    };
    Ok(OpenedFile { name, size, kind, tensors })
}

/// Reads one tensor's bytes for the compute worker (after checking its size against what is
/// decoded at once), as the browser's `ArrayBuffer`: they are transferred to the worker, never
/// copied into the page's WebAssembly memory.
pub async fn tensor_bytes(file: &web_sys::File, entry: &TensorEntry) -> Result<js_sys::ArrayBuffer, ReadError> {
    if entry.elements() > lowbit_tensors::MAX_ELEMENTS {
        return Err(ReadError::TooLarge(entry.name.clone(), entry.elements()));
    }
    read_buffer(file, entry.bytes.start, entry.bytes.end).await
}

/// The picker and the drop zone; `on_file` gets the file chosen or dropped.
#[component]
pub fn TensorFilePicker(
    /// Called with the file.
    #[prop(into)]
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    let t = crate::ui::lang::lang_now().tensors();
    view! {
        <div
            class="tensor-drop"
            class:over=over
            data-testid="tensor-drop"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    on_file.run(file);
                }
            }
        >
            <label>
                {t.open_file}
                <input
                    type="file"
                    accept=".npy,.safetensors"
                    data-testid="tensor-file"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            on_file.run(file);
                        }
                    }
                />
            </label>
            <span class="hint">{t.drop_hint}</span>
        </div>
    }
}
