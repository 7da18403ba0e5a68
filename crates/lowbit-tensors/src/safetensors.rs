//! Hugging Face's `.safetensors` format: an 8-byte little-endian header length N, N bytes of
//! JSON header `{"name": {"dtype": "F32", "shape": [3, 4], "data_offsets": [0, 48]}, …,
//! "__metadata__": {…}}`, then the data. Offsets are relative to the data's start and must tile
//! it: no overlaps, no holes, ending at the file's end.
//!
//! The header is read with serde into [`RawInfo`] (the fields of the `safetensors` crate's
//! `TensorInfo`, the dtype kept as text so an unknown one is refused by name). Every tensor's
//! offsets are checked here against the file's size, which is known before its data is read.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::dtype::{ByteOrder, Dtype};
use crate::histogram::short;
use crate::{shown, ErrorKind, TensorEntry, TensorError};

/// The largest header read (the `safetensors` crate's limit, 100 MB).
pub const MAX_HEADER: u64 = 100_000_000;

/// The header length from the first 8 bytes of a file of `file_size` bytes, checked against it.
pub fn header_length(head: &[u8], file_size: u64) -> Result<u64, TensorError> {
    let Some(len) = head.get(..8) else {
        return Err(TensorError::new(
            ErrorKind::HeaderTooLong,
            format!("a truncated safetensors file: {file_size} bytes, but it starts with an 8-byte header length"),
        ));
    };
    let n = u64::from_le_bytes(len.try_into().unwrap_or([0xFF; 8]));
    let room = file_size.saturating_sub(8);
    if n > room || n > MAX_HEADER {
        return Err(TensorError::new(
            ErrorKind::HeaderTooLong,
            format!("the header length {n} is longer than the file ({room} bytes after the 8-byte length{})", if n > MAX_HEADER { "; headers are at most 100 MB" } else { "" }),
        ));
    }
    if head.len() > 8 && head[8] != b'{' {
        return Err(TensorError::new(ErrorKind::WrongMagic, format!("not a safetensors file: the header starts with {} instead of '{{'", shown(&head[8..]))));
    }
    Ok(n)
}

/// One tensor's header entry as written: the fields of the `safetensors` crate's `TensorInfo`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct RawInfo {
    /// The dtype name (`F32`, `BF16`, `F8_E4M3`…).
    pub dtype: String,
    /// The shape.
    pub shape: Vec<u64>,
    /// Start and end of its bytes, relative to the data's start.
    pub data_offsets: [u64; 2],
}

/// The header's entries in file order (serde's map, kept as a list: tensors listed twice are
/// reported rather than silently merged). Values stay JSON until each is read, so a malformed
/// entry is reported with its tensor's name.
struct Entries(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object of tensors")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        deserializer.deserialize_map(V)
    }
}

/// Reads the JSON header (the `header_length` bytes after the first 8) of a file of
/// `file_size` bytes: every tensor with its absolute byte range, in the order of their data.
/// Refuses, naming the tensor: a malformed entry, an unknown dtype, shape × dtype size not
/// equal to the byte length, offsets outside the data, overlapping or reversed offsets, holes.
pub fn parse_header(header: &[u8], file_size: u64) -> Result<Vec<TensorEntry>, TensorError> {
    let bad = |m: String| TensorError::new(ErrorKind::BadHeader, m);
    let Entries(entries) = serde_json::from_slice(header).map_err(|e| bad(format!("the safetensors header is not valid JSON: {e}")))?;
    let data_start = 8 + header.len() as u64;
    let data_len = file_size.saturating_sub(data_start);
    let mut tensors: Vec<TensorEntry> = Vec::with_capacity(entries.len());
    for (name, value) in entries {
        if name == "__metadata__" {
            continue;
        }
        let shown_name = short(&name);
        if tensors.iter().any(|t| t.name == name) {
            return Err(bad(format!("tensor '{shown_name}' is listed twice in the header")));
        }
        let info: RawInfo = serde_json::from_value(value).map_err(|e| bad(format!("tensor '{shown_name}': {e}")))?;
        let dtype = Dtype::parse(&info.dtype).ok_or_else(|| {
            TensorError::new(ErrorKind::UnknownDtype, format!("tensor '{shown_name}' has unknown dtype '{}' (read: {})", short(&info.dtype), Dtype::names()))
        })?;
        let [start, end] = info.data_offsets;
        if end < start {
            return Err(TensorError::new(ErrorKind::BadOffsets, format!("tensor '{shown_name}': data_offsets [{start}, {end}] end before they start")));
        }
        if end > data_len {
            return Err(TensorError::new(
                ErrorKind::OffsetsOutsideData,
                format!("tensor '{shown_name}': data_offsets [{start}, {end}] reach past the data, which has {data_len} bytes"),
            ));
        }
        let need = info.shape.iter().try_fold(1u64, |n, &d| n.checked_mul(d)).and_then(|n| n.checked_mul(dtype.size()));
        if need != Some(end - start) {
            let shape = info.shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
            let need = need.map_or("more than 2^64".to_string(), |n| n.to_string());
            return Err(TensorError::new(
                ErrorKind::SizeMismatch,
                format!("tensor '{shown_name}': shape [{shape}] of {} needs {need} bytes but data_offsets [{start}, {end}] hold {}", dtype.name(), end - start),
            ));
        }
        tensors.push(TensorEntry {
            name,
            dtype,
            shape: info.shape,
            bytes: data_start + start..data_start + end,
            order: ByteOrder::Little,
            fortran: false,
        });
    }
    tensors.sort_by_key(|t| (t.bytes.start, t.bytes.end));
    let mut at = data_start;
    let mut previous: Option<&TensorEntry> = None;
    for t in &tensors {
        let offsets = |t: &TensorEntry| format!("[{}, {}]", t.bytes.start - data_start, t.bytes.end - data_start);
        if t.bytes.start < at {
            let p = previous.map_or(String::new(), |p| format!("'{}' {}", short(&p.name), offsets(p)));
            return Err(TensorError::new(ErrorKind::BadOffsets, format!("tensor '{}' {} overlaps tensor {p}", short(&t.name), offsets(t))));
        }
        if t.bytes.start > at {
            return Err(TensorError::new(
                ErrorKind::BadOffsets,
                format!("a hole of {} bytes before tensor '{}' {}: safetensors data must be contiguous", t.bytes.start - at, short(&t.name), offsets(t)),
            ));
        }
        at = t.bytes.end;
        previous = Some(t);
    }
    if at != file_size {
        return Err(TensorError::new(
            ErrorKind::BadOffsets,
            format!("{} bytes after the last tensor's data are not part of any tensor (the offsets cover {} of {data_len} data bytes)", file_size - at, at - data_start),
        ));
    }
    Ok(tensors)
}
