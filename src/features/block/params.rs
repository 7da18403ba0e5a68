//! The block explorer's URL keys: `type` (a GGUF type id, any case; default `q4_k`) and `hex`
//! (the block's bytes in hex, exactly one block; default: the type's example block, see
//! [`super::model::example_input`]). The hex box applies its text through the same parser.

use lowbit_core::gguf::{self, GgufType};

use crate::notice::Notice;
use crate::query::ViewParams;
use crate::text::shorten;

/// The type shown when the URL names none.
pub const DEFAULT_TYPE: GgufType = GgufType::Q4K;

/// The URL keys of the view.
pub const PARAMS: [&str; 2] = ["type", "hex"];

/// The view's parameters (mirrored in the URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockParams {
    /// The GGUF type.
    pub t: GgufType,
    /// The block's bytes (exactly [`GgufType::block_bytes`] of them).
    pub bytes: Vec<u8>,
}

impl Default for BlockParams {
    fn default() -> Self {
        BlockParams::example(DEFAULT_TYPE)
    }
}

/// The ids of every type, for messages.
pub fn type_ids() -> String {
    GgufType::ALL.iter().map(|t| t.id()).collect::<Vec<_>>().join(", ")
}

/// A type id in any case; the error names the valid ones (and ggml's MXFP4's id).
pub fn parse_type(id: &str) -> Result<GgufType, String> {
    GgufType::parse(id).ok_or_else(|| {
        let hint = if id.trim().eq_ignore_ascii_case("mxfp4") { " (ggml's MXFP4 is mxfp4_gguf)" } else { "" };
        format!("Unknown GGUF type '{}'{hint} (valid: {})", shorten(id.trim()), type_ids())
    })
}

/// Hex text as one block of `t`: the error says what is wrong (a bad digit, or the length
/// against the type's block size).
pub fn parse_block(t: GgufType, text: &str) -> Result<Vec<u8>, String> {
    let bytes = gguf::parse_hex(text)?;
    if bytes.len() != t.block_bytes() {
        return Err(format!("{} bytes, but a {} block is {} bytes ({} hex digits)", bytes.len(), t.id(), t.block_bytes(), 2 * t.block_bytes()));
    }
    Ok(bytes)
}

impl BlockParams {
    /// Type `t` with its example block.
    pub fn example(t: GgufType) -> BlockParams {
        BlockParams { t, bytes: super::model::example_block(t) }
    }

    /// Whether the bytes are the type's example block.
    pub fn is_example(&self) -> bool {
        self.bytes == super::model::example_block(self.t)
    }
}

impl ViewParams for BlockParams {
    const KEYS: &'static [&'static str] = &PARAMS;

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut t = DEFAULT_TYPE;
        let mut hex = None;
        for &(key, value) in pairs {
            match key {
                "type" => match parse_type(value) {
                    Ok(v) => t = v,
                    Err(e) => notices.push(Notice::Refused { why: e, showing: DEFAULT_TYPE.id().into() }),
                },
                "hex" => hex = Some(value),
                _ => {}
            }
        }
        let mut params = BlockParams::example(t);
        if let Some(text) = hex {
            match parse_block(t, text) {
                Ok(bytes) => params.bytes = bytes,
                Err(e) => notices.push(Notice::BadHex { why: e, showing: t.id().into() }),
            }
        }
        (params, notices)
    }

    /// Query parts: `type`, and `hex` unless the block is the type's example.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = vec![format!("type={}", self.t.id())];
        if !self.is_example() {
            parts.push(format!("hex={}", gguf::to_hex(&self.bytes)));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (BlockParams, Vec<Notice>) {
        BlockParams::from_pairs(pairs)
    }

    #[test]
    fn type_and_hex_round_trip() {
        let (p, n) = parse(&[("type", "Q4_0")]);
        assert!(n.is_empty());
        assert_eq!(p, BlockParams::example(GgufType::Q4_0));
        assert_eq!(p.query_parts(), ["type=q4_0"]);
        let mut edited = p.clone();
        edited.bytes[0] ^= 1;
        let q = edited.query_parts();
        assert_eq!(q[1], format!("hex={}", gguf::to_hex(&edited.bytes)));
        let hex = q[1].trim_start_matches("hex=");
        let (back, n) = parse(&[("type", "q4_0"), ("hex", hex)]);
        assert!(n.is_empty());
        assert_eq!(back, edited);
    }

    #[test]
    fn bad_values_fall_back_with_a_notice() {
        let (p, n) = parse(&[("type", "q9_k")]);
        assert_eq!(p, BlockParams::default());
        assert!(n[0].english().contains("'q9_k'") && n[0].english().contains("q4_k"), "{n:?}");
        let (_, n) = parse(&[("type", "mxfp4")]);
        assert!(n[0].english().contains("mxfp4_gguf"), "{n:?}");
        let (p, n) = parse(&[("type", "q8_0"), ("hex", "00zz")]);
        assert_eq!(p, BlockParams::example(GgufType::Q8_0));
        assert_eq!(n, [Notice::BadHex { why: "'z' is not a hex digit".into(), showing: "q8_0".into() }]);
        assert_eq!(n[0].english(), "hex: 'z' is not a hex digit; showing the example q8_0 block.");
        let (p, n) = parse(&[("type", "q8_0"), ("hex", "0011")]);
        assert_eq!(p, BlockParams::example(GgufType::Q8_0));
        assert!(n[0].english().contains("2 bytes, but a q8_0 block is 34 bytes"), "{n:?}");
    }
}
