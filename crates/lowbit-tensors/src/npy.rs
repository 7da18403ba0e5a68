//! NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): the magic string `\x93NUMPY`, two version
//! bytes, the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), then the
//! header: a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`
//! padded with spaces and ended by a newline; the data follows it to the end of the file.
//!
//! `descr` is read for the numeric types: `f8 f4 f2`, `i1 i2 i4 i8`, `u1 u2 u4 u8`, `b1`, each
//! with its byte order (`<` little, `>` big, `|` not applicable, `=` native — written by
//! little-endian machines). Structured and other dtypes are refused by name.

use std::ops::Range;

use crate::dtype::{ByteOrder, Dtype};
use crate::{shown, ErrorKind, TensorEntry, TensorError};

/// The magic string every `.npy` file starts with.
pub const MAGIC: &[u8] = b"\x93NUMPY";

/// Where the header is: what [`prelude`] reads from the first bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prelude {
    /// The format version (major, minor).
    pub version: (u8, u8),
    /// The header's bytes in the file.
    pub header: Range<u64>,
}

/// The error for a file that does not start with [`MAGIC`].
pub(crate) fn wrong_magic(head: &[u8]) -> TensorError {
    TensorError::new(ErrorKind::WrongMagic, format!("not a .npy file: it starts with {} instead of the magic string \\x93NUMPY", shown(head)))
}

/// Reads the magic string, the version and the header length from the first bytes of a file of
/// `file_size` bytes (12 bytes suffice; [`crate::HEAD_BYTES`] are given).
pub fn prelude(head: &[u8], file_size: u64) -> Result<Prelude, TensorError> {
    if !head.starts_with(MAGIC) {
        return Err(wrong_magic(head));
    }
    let truncated = || TensorError::new(ErrorKind::HeaderTooLong, format!("a truncated .npy file: {file_size} bytes end inside its prelude"));
    let (major, minor) = match head.get(6..8) {
        Some(&[a, b]) => (a, b),
        _ => return Err(truncated()),
    };
    let (len, start) = match major {
        1 => match head.get(8..10) {
            Some(&[a, b]) => (u16::from_le_bytes([a, b]) as u64, 10u64),
            _ => return Err(truncated()),
        },
        2 | 3 => match head.get(8..12) {
            Some(&[a, b, c, d]) => (u32::from_le_bytes([a, b, c, d]) as u64, 12u64),
            _ => return Err(truncated()),
        },
        _ => return Err(TensorError::new(ErrorKind::BadHeader, format!("unsupported .npy format version {major}.{minor} (1.0, 2.0 and 3.0 are read)"))),
    };
    let end = start + len;
    if end > file_size {
        return Err(TensorError::new(
            ErrorKind::HeaderTooLong,
            format!("the .npy header claims {len} bytes but the file has only {} after its {start}-byte prelude", file_size.saturating_sub(start)),
        ));
    }
    Ok(Prelude { version: (major, minor), header: start..end })
}

/// A value of the header's dict literal.
#[derive(Clone, Debug, PartialEq)]
enum Literal {
    Str(String),
    Bool(bool),
    Tuple(Vec<u64>),
}

/// A small reader of the dict literal NumPy writes (strings in either quotes, `True`/`False`,
/// tuples of non-negative integers, optional trailing commas).
struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bad(&self, what: &str) -> TensorError {
        TensorError::new(ErrorKind::BadHeader, format!("malformed .npy header at character {}: {what}", self.at))
    }

    fn blank(&mut self) {
        while self.text.get(self.at).is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.blank();
        if self.text.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn string(&mut self) -> Result<String, TensorError> {
        self.blank();
        let quote = match self.text.get(self.at) {
            Some(&q @ (b'\'' | b'"')) => q,
            _ => return Err(self.bad("expected a quoted string")),
        };
        let start = self.at + 1;
        let len = self.text[start..].iter().position(|&b| b == quote).ok_or_else(|| self.bad("an unterminated string"))?;
        self.at = start + len + 1;
        Ok(String::from_utf8_lossy(&self.text[start..start + len]).into_owned())
    }

    fn integer(&mut self) -> Result<u64, TensorError> {
        self.blank();
        let start = self.at;
        while self.text.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        // A trailing `L` (Python 2's long) is accepted.
        let digits = std::str::from_utf8(&self.text[start..self.at]).unwrap_or("");
        if self.text.get(self.at) == Some(&b'L') {
            self.at += 1;
        }
        digits.parse().map_err(|_| self.bad("expected a non-negative integer dimension"))
    }

    fn value(&mut self) -> Result<Literal, TensorError> {
        self.blank();
        match self.text.get(self.at) {
            Some(b'\'' | b'"') => self.string().map(Literal::Str),
            Some(b'(') => {
                self.at += 1;
                let mut dims = Vec::new();
                loop {
                    if self.eat(b')') {
                        return Ok(Literal::Tuple(dims));
                    }
                    if dims.len() >= 64 {
                        return Err(self.bad("more than 64 dimensions"));
                    }
                    dims.push(self.integer()?);
                    if !self.eat(b',') {
                        if self.eat(b')') {
                            return Ok(Literal::Tuple(dims));
                        }
                        return Err(self.bad("expected ',' or ')' in the shape"));
                    }
                }
            }
            _ if self.text[self.at..].starts_with(b"True") => {
                self.at += 4;
                Ok(Literal::Bool(true))
            }
            _ if self.text[self.at..].starts_with(b"False") => {
                self.at += 5;
                Ok(Literal::Bool(false))
            }
            _ => Err(self.bad("expected a string, True, False or a tuple")),
        }
    }

    fn dict(&mut self) -> Result<Vec<(String, Literal)>, TensorError> {
        if !self.eat(b'{') {
            return Err(self.bad("the header is not a dict (no '{')"));
        }
        let mut entries = Vec::new();
        loop {
            if self.eat(b'}') {
                return Ok(entries);
            }
            if entries.len() >= 16 {
                return Err(self.bad("too many keys"));
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return Err(self.bad("expected ':' after a key"));
            }
            entries.push((key, self.value()?));
            if !self.eat(b',') {
                if self.eat(b'}') {
                    return Ok(entries);
                }
                return Err(self.bad("expected ',' or '}'"));
            }
        }
    }
}

/// The dtype and byte order of a `descr` string (`<f4`, `>i2`, `|u1`…).
fn parse_descr(descr: &str) -> Result<(Dtype, ByteOrder), TensorError> {
    let unknown = || {
        TensorError::new(
            ErrorKind::UnknownDtype,
            format!("unknown .npy dtype '{}' (read: f8 f4 f2 i1 i2 i4 i8 u1 u2 u4 u8 b1, with < > | or =)", crate::histogram::short(descr)),
        )
    };
    let bytes = descr.as_bytes();
    let (order, rest) = match bytes.first() {
        Some(b'<' | b'|' | b'=') => (ByteOrder::Little, &descr[1..]),
        Some(b'>') => (ByteOrder::Big, &descr[1..]),
        _ => (ByteOrder::Little, descr),
    };
    let dtype = match rest {
        "f8" => Dtype::F64,
        "f4" => Dtype::F32,
        "f2" => Dtype::F16,
        "i1" => Dtype::I8,
        "u1" => Dtype::U8,
        "i2" => Dtype::I16,
        "u2" => Dtype::U16,
        "i4" => Dtype::I32,
        "u4" => Dtype::U32,
        "i8" => Dtype::I64,
        "u8" => Dtype::U64,
        "b1" => Dtype::Bool,
        _ => return Err(unknown()),
    };
    Ok((dtype, order))
}

/// Reads the header (the bytes of `prelude.header`) of a file `name` of `file_size` bytes: the
/// array as a [`TensorEntry`] whose bytes run from the header's end to the end of the file —
/// exactly shape × dtype size of them, else an error saying how many are missing or extra.
pub fn parse_header(header: &[u8], prelude: &Prelude, name: &str, file_size: u64) -> Result<TensorEntry, TensorError> {
    if header.len() as u64 != prelude.header.end - prelude.header.start {
        return Err(TensorError::new(ErrorKind::HeaderTooLong, format!("the .npy header is truncated: {} of {} bytes", header.len(), prelude.header.end - prelude.header.start)));
    }
    let mut reader = Reader { text: header, at: 0 };
    let entries = reader.dict()?;
    let find = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let missing = |key: &str| TensorError::new(ErrorKind::BadHeader, format!("the .npy header has no '{key}'"));
    let (dtype, order) = match find("descr").ok_or_else(|| missing("descr"))? {
        Literal::Str(s) => parse_descr(s)?,
        _ => return Err(TensorError::new(ErrorKind::UnknownDtype, "the .npy dtype is not a simple type (a structured array?)")),
    };
    let fortran = match find("fortran_order").ok_or_else(|| missing("fortran_order"))? {
        Literal::Bool(b) => *b,
        _ => return Err(TensorError::new(ErrorKind::BadHeader, "the .npy header's 'fortran_order' is not True or False")),
    };
    let shape = match find("shape").ok_or_else(|| missing("shape"))? {
        Literal::Tuple(t) => t.clone(),
        _ => return Err(TensorError::new(ErrorKind::BadHeader, "the .npy header's 'shape' is not a tuple")),
    };
    let elements = shape.iter().try_fold(1u64, |n, &d| n.checked_mul(d));
    let need = elements.and_then(|n| n.checked_mul(dtype.size()));
    let start = prelude.header.end;
    let have = file_size.saturating_sub(start);
    let shape_text = shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ");
    match need {
        Some(need) if need == have => {}
        Some(need) => {
            return Err(TensorError::new(
                ErrorKind::SizeMismatch,
                format!(
                    "shape ({shape_text}) of {} needs {need} bytes of data but the file has {have} after its header ({})",
                    dtype.name(),
                    if need > have { "truncated" } else { "extra bytes at the end" }
                ),
            ))
        }
        None => return Err(TensorError::new(ErrorKind::TooLarge, format!("shape ({shape_text}) is too large"))),
    }
    Ok(TensorEntry { name: name.to_string(), dtype, shape, bytes: start..file_size, order, fortran })
}
