//! # lowbit-tensors
//!
//! Reads real tensors for the Lowbit app: the headers of `.npy` ([`npy`]) and `.safetensors`
//! ([`safetensors`]) files, then one tensor's bytes as exact values ([`decode`]).
//!
//! The readers are split so that a browser reads a multi-gigabyte checkpoint without loading
//! it: each step says which bytes it needs next, and is given only those.
//!
//! 1. [`detect`] the kind from the file's name and its first [`HEAD_BYTES`] bytes;
//! 2. [`npy::prelude`] or [`safetensors::header_length`]: where the header is;
//! 3. [`npy::parse_header`] or [`safetensors::parse_header`]: the tensors ([`TensorEntry`]:
//!    name, dtype, shape, byte range), every range checked against the file's size;
//! 4. [`decode`] the chosen tensor's bytes (exactly `entry.byte_len()` of them).
//!
//! [`open`] runs all four on a whole buffer (tests, the CLI). Values are `f64`: every dtype read
//! here is exactly representable in `f64` (f64, f32, f16, bf16, the FP8s, 8/16/32-bit
//! integers; 64-bit integers are refused where a value is not), and the 16- and 8-bit floats
//! are decoded through `lowbit-core`'s exact formats. Nothing here panics on any input: every
//! refusal is a [`TensorError`] naming the problem.
#![warn(missing_docs)]

pub mod dtype;
pub mod histogram;
pub mod npy;
pub mod safetensors;
pub mod write;

use std::fmt;
use std::ops::Range;

pub use dtype::{decode, ByteOrder, Dtype};
pub use histogram::Histogram;

/// How many bytes [`detect`] and the preludes want from the start of a file.
pub const HEAD_BYTES: u64 = 16;

/// The most elements [`decode`] turns into values at once (2^25: 256 MB of f64).
pub const MAX_ELEMENTS: u64 = 1 << 25;

/// What kind of problem a file has (the message says which tensor and which numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ErrorKind {
    /// Not the file type: a wrong magic string, or no JSON header.
    WrongMagic,
    /// The header is longer than the file (or than any header may be).
    HeaderTooLong,
    /// The header cannot be read (malformed JSON or dict, missing or mistyped fields).
    BadHeader,
    /// A dtype this crate does not know or does not read.
    UnknownDtype,
    /// A tensor's bytes lie outside the file's data.
    OffsetsOutsideData,
    /// Tensors' byte ranges overlap, are reversed, or leave holes.
    BadOffsets,
    /// Shape × dtype size differs from the tensor's byte length.
    SizeMismatch,
    /// A value that `f64` cannot hold exactly (64-bit integers above 2^53).
    Inexact,
    /// A tensor larger than [`MAX_ELEMENTS`].
    TooLarge,
}

/// Why a file or a tensor was refused: a kind and a sentence naming the problem.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TensorError {
    /// What kind of problem.
    pub kind: ErrorKind,
    /// The sentence shown to the user.
    pub message: String,
}

impl TensorError {
    /// An error of `kind` saying `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> TensorError {
        TensorError { kind, message: message.into() }
    }
}

impl fmt::Display for TensorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TensorError {}

/// The kind of a tensor file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// NumPy's `.npy`: one array.
    Npy,
    /// Hugging Face's `.safetensors`: named tensors.
    Safetensors,
}

/// One tensor of a file: where its bytes are and how to read them (serde: the compute worker
/// is sent the entry with the tensor's bytes, and decodes them).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TensorEntry {
    /// Its name (`.npy`: the file's name).
    pub name: String,
    /// Its element type.
    pub dtype: Dtype,
    /// Its shape (empty for a scalar).
    pub shape: Vec<u64>,
    /// Its bytes in the file (absolute offsets), checked against the file's size.
    pub bytes: Range<u64>,
    /// The byte order of its elements.
    pub order: ByteOrder,
    /// Whether its elements are stored column-major (`.npy` `fortran_order`).
    pub fortran: bool,
}

impl TensorEntry {
    /// The number of elements (1 for a scalar); saturates on absurd shapes.
    pub fn elements(&self) -> u64 {
        self.shape.iter().try_fold(1u64, |n, &d| n.checked_mul(d)).unwrap_or(u64::MAX)
    }

    /// The length of its bytes.
    pub fn byte_len(&self) -> u64 {
        self.bytes.end.saturating_sub(self.bytes.start)
    }

    /// The shape as the DOM shows it: comma-joined (`3,4`; empty for a scalar).
    pub fn shape_text(&self) -> String {
        self.shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(",")
    }

    /// The tensor's values in row-major (C) order, from exactly its bytes.
    pub fn values(&self, bytes: &[u8]) -> Result<Vec<f64>, TensorError> {
        if bytes.len() as u64 != self.byte_len() {
            return Err(TensorError::new(
                ErrorKind::SizeMismatch,
                format!("tensor '{}': read {} bytes, expected {}", self.name, bytes.len(), self.byte_len()),
            ));
        }
        if self.elements() > MAX_ELEMENTS {
            return Err(TensorError::new(
                ErrorKind::TooLarge,
                format!("tensor '{}' has {} elements; at most {} are read at once", self.name, self.elements(), MAX_ELEMENTS),
            ));
        }
        let values = decode(self.dtype, self.order, bytes).map_err(|e| TensorError::new(e.kind, format!("tensor '{}': {}", self.name, e.message)))?;
        Ok(if self.fortran && self.shape.len() > 1 { fortran_to_c(&values, &self.shape) } else { values })
    }
}

/// Column-major values in row-major order.
fn fortran_to_c(values: &[f64], shape: &[u64]) -> Vec<f64> {
    let dims: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
    let mut out = Vec::with_capacity(values.len());
    let mut index = vec![0usize; dims.len()];
    for _ in 0..values.len() {
        // Offset of `index` in column-major order: the first axis varies fastest.
        let mut offset = 0usize;
        let mut stride = 1usize;
        for (i, d) in index.iter().zip(&dims) {
            offset += i * stride;
            stride *= d;
        }
        out.push(values.get(offset).copied().unwrap_or(f64::NAN));
        // Next row-major index: the last axis varies fastest.
        for axis in (0..dims.len()).rev() {
            index[axis] += 1;
            if index[axis] < dims[axis] {
                break;
            }
            index[axis] = 0;
        }
    }
    out
}

/// The kind of a file from its name and its first bytes: the `.npy` magic string, else a
/// safetensors length followed by `{`, else the name's extension; an unrecognisable file is
/// refused, naming what it starts with.
pub fn detect(name: &str, head: &[u8]) -> Result<FileKind, TensorError> {
    let lower = name.to_ascii_lowercase();
    if head.starts_with(npy::MAGIC) {
        return Ok(FileKind::Npy);
    }
    if head.len() > 8 && head[8] == b'{' {
        return Ok(FileKind::Safetensors);
    }
    if lower.ends_with(".npy") {
        return Err(npy::wrong_magic(head));
    }
    if lower.ends_with(".safetensors") {
        if head.len() <= 8 {
            // Too short to hold a header: the length check says so.
            return Ok(FileKind::Safetensors);
        }
        return Err(TensorError::new(
            ErrorKind::WrongMagic,
            format!("not a safetensors file: after the 8-byte header length comes {} instead of a JSON header '{{'", shown(head.get(8..).unwrap_or(&[]))),
        ));
    }
    Err(TensorError::new(
        ErrorKind::WrongMagic,
        format!("neither a .npy file (it does not start with \\x93NUMPY) nor a .safetensors file (no JSON header after 8 bytes): it starts with {}", shown(head)),
    ))
}

/// A few bytes for a message: printable ASCII as is, the rest as `\xNN`.
pub(crate) fn shown(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "nothing (the file ends there)".into();
    }
    let text: String = bytes
        .iter()
        .take(8)
        .map(|&b| if (0x20..0x7f).contains(&b) { (b as char).to_string() } else { format!("\\x{b:02X}") })
        .collect();
    format!("'{text}'")
}

/// A whole file read at once (tests, the CLI): its kind and its tensors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorFile {
    /// `.npy` or `.safetensors`.
    pub kind: FileKind,
    /// The tensors, in file order.
    pub tensors: Vec<TensorEntry>,
}

/// Reads the header of a whole file in memory by the same steps a browser takes with slices.
pub fn open(name: &str, file: &[u8]) -> Result<TensorFile, TensorError> {
    let size = file.len() as u64;
    let head = &file[..file.len().min(HEAD_BYTES as usize)];
    let kind = detect(name, head)?;
    let slice = |r: Range<u64>| file.get(r.start as usize..r.end as usize).unwrap_or(&[]);
    let tensors = match kind {
        FileKind::Npy => {
            let prelude = npy::prelude(head, size)?;
            vec![npy::parse_header(slice(prelude.header.clone()), &prelude, name, size)?]
        }
        FileKind::Safetensors => {
            let n = safetensors::header_length(head, size)?;
            safetensors::parse_header(slice(8..8 + n), size)?
        }
    };
    Ok(TensorFile { kind, tensors })
}

/// The values of `entry` in a whole file in memory.
pub fn read_values(file: &[u8], entry: &TensorEntry) -> Result<Vec<f64>, TensorError> {
    let bytes = file.get(entry.bytes.start as usize..entry.bytes.end as usize).ok_or_else(|| {
        TensorError::new(ErrorKind::OffsetsOutsideData, format!("tensor '{}': bytes {:?} are outside the file", entry.name, entry.bytes))
    })?;
    entry.values(bytes)
}

/// Values as the quantizers take them (`f32`), and how many changed on the way (rounded to
/// nearest, ties to even: an f64 or 32/64-bit integer tensor may hold values f32 cannot).
pub fn to_f32(values: &[f64]) -> (Vec<f32>, usize) {
    let mut changed = 0;
    let out = values
        .iter()
        .map(|&v| {
            let f = v as f32;
            if f as f64 != v && !v.is_nan() {
                changed += 1;
            }
            f
        })
        .collect();
    (out, changed)
}
