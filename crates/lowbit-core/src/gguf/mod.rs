//! llama.cpp's GGUF block formats (ggml types), byte for byte.
//!
//! Each [`GgufType`] is a block of 32 or 256 elements stored exactly as ggml stores it:
//! `q8_0`, `q4_0`, `q4_1`, `q5_0`, `q5_1` (blocks of 32 with an f16 scale, and an f16 min for
//! `_1`), the k-quants `q2_k` … `q6_k` (super-blocks of 256 whose sub-block scales and mins
//! are quantized to 4–8 bits under an f16 `d` and `dmin`), `iq4_nl` (a non-linear 16-level
//! codebook), the ternary `tq1_0` / `tq2_0`, and ggml's `mxfp4` layout (`mxfp4_gguf`).
//!
//! [`quantize`] writes what `ggml_quantize_chunk` writes without an importance matrix (ggml
//! 0.25.3, as bundled by llama-cpp-python 0.3.36): `quantize_row_*_ref` for every type but
//! `iq4_nl`, whose chunk path searches 15 candidate scales (unlike `quantize_row_iq4_nl_ref`).
//! [`dequantize`] is `dequantize_row_*`. The arithmetic is f32 in ggml's order of operations
//! (no fused multiply-add, as ggml-base is built), f16 conversions as ggml's
//! ([`half`]), and C's float → integer conversions as x86-64 performs them (out of range or
//! NaN → `INT_MIN`, then truncated to the stored width), so that even degenerate inputs
//! (subnormal block maxima whose reciprocal overflows) give ggml's bytes. The committed
//! fixtures (scripts/gen_gguf_fixtures.py) test every type against ggml and gguf-py.
//!
//! Signed zeros: ggml's dequantizers give −0.0 where a code below the offset meets a zero
//! scale (q3_k, q4_0, q5_0, q6_k, …); this module gives the same bits.
//!
//! Tie rules: `q4_0`, `q4_1`, `q5_*`: truncation of x/d + offset + 0.5 (ties up); `q8_0`, the
//! ternary types: round half away from zero; k-quants: round half to even (`nearest_int`);
//! `iq4_nl`: a tie between two levels goes to the upper one; `mxfp4_gguf`: the FIRST nearest
//! of ggml's level table, so a tie goes toward zero (0.75 → 0.5, 1.75 → 1.5, 3.5 → 3, where
//! OCP's round-to-nearest-even gives 1, 2, 4).

pub mod half;
mod kquants;
pub mod layout;
mod legacy;
mod other;

pub use layout::{bit_role, BitRole};
pub use other::{mxfp4_levels, IQ4_NL_VALUES};

use kquants::K;

/// Elements per block of the 32-element types (`QK4_0`, `QK8_0`, `QK4_NL`, `QK_MXFP4`).
pub const QK: usize = 32;
/// Elements per super-block of the k-quants and the ternary types (`QK_K`).
pub const QK_K: usize = 256;
/// ggml's `GROUP_MAX_EPS`: a group whose largest magnitude is below it counts as all zero.
const GROUP_MAX_EPS: f32 = 1e-15;

/// A GGUF (ggml) block type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GgufType {
    /// 32 × int8, f16 d.
    Q8_0,
    /// 32 × 4-bit, f16 d, value (q − 8)·d.
    Q4_0,
    /// 32 × 4-bit, f16 d and m, value q·d + m.
    Q4_1,
    /// 32 × 5-bit, f16 d, value (q − 16)·d.
    Q5_0,
    /// 32 × 5-bit, f16 d and m, value q·d + m.
    Q5_1,
    /// 256 × 2-bit, 16 sub-blocks with 4-bit scale and min, f16 d and dmin.
    Q2K,
    /// 256 × 3-bit, 16 sub-blocks with 6-bit signed scale, f16 d.
    Q3K,
    /// 256 × 4-bit, 8 sub-blocks with 6-bit scale and min, f16 d and dmin.
    Q4K,
    /// 256 × 5-bit, 8 sub-blocks with 6-bit scale and min, f16 d and dmin.
    Q5K,
    /// 256 × 6-bit, 16 sub-blocks with int8 scale, f16 d.
    Q6K,
    /// 32 × 4-bit index into a non-linear 16-value codebook, f16 d.
    Iq4Nl,
    /// 256 ternary, 5 trits per byte, f16 d.
    Tq1_0,
    /// 256 ternary, 2 bits each, f16 d.
    Tq2_0,
    /// ggml's MXFP4: E8M0 scale byte, 32 × E2M1 (low nibbles elements 0–15, high 16–31).
    Mxfp4,
}

/// One field of a block's byte layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// ggml's name for the field (`d`, `dmin`, `scales`, `qs`, `qh`, `hmask`, `ql`, `e`).
    pub name: &'static str,
    /// Byte offset in the block.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    /// What the bytes hold.
    pub what: &'static str,
}

/// The facts of one type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeInfo {
    /// Lowbit's id: ggml's type name in lower case (`mxfp4_gguf` for ggml's MXFP4).
    pub id: &'static str,
    /// ggml's own spelling (`q4_K`, `MXFP4`).
    pub ggml_name: &'static str,
    /// The value of `enum ggml_type`.
    pub ggml_type: u32,
    /// Elements per block.
    pub block_elements: usize,
    /// Bytes per block.
    pub block_bytes: usize,
    /// Elements sharing one effective scale (the sub-block of the k-quants).
    pub group: usize,
    /// Whether the value has an additive min (`_1` and the k-quants with dmin).
    pub has_min: bool,
    /// One line for a picker.
    pub summary: &'static str,
    /// The byte layout, in order.
    pub fields: &'static [Field],
}

const fn field(name: &'static str, offset: usize, len: usize, what: &'static str) -> Field {
    Field { name, offset, len, what }
}

const F_D: Field = field("d", 0, 2, "f16 scale");
const NIBBLES: &str = "nibbles: byte j holds element j (low) and element j + 16 (high)";

/// Every type, in the order a picker lists them.
pub const TYPES: [TypeInfo; 14] = [
    TypeInfo { id: "q8_0", ggml_name: "q8_0", ggml_type: 8, block_elements: QK, block_bytes: 34, group: QK, has_min: false,
        summary: "32 × int8, f16 scale d = amax / 127, round half away from zero",
        fields: &[F_D, field("qs", 2, 32, "int8 codes, value q · d")] },
    TypeInfo { id: "q4_0", ggml_name: "q4_0", ggml_type: 2, block_elements: QK, block_bytes: 18, group: QK, has_min: false,
        summary: "32 × 4-bit, f16 d = max / -8 (signed value of largest magnitude), value (q - 8) · d",
        fields: &[F_D, field("qs", 2, 16, NIBBLES)] },
    TypeInfo { id: "q4_1", ggml_name: "q4_1", ggml_type: 3, block_elements: QK, block_bytes: 20, group: QK, has_min: true,
        summary: "32 × 4-bit, f16 d = (max - min) / 15 and f16 m = min, value q · d + m",
        fields: &[F_D, field("m", 2, 2, "f16 min"), field("qs", 4, 16, NIBBLES)] },
    TypeInfo { id: "q5_0", ggml_name: "q5_0", ggml_type: 6, block_elements: QK, block_bytes: 22, group: QK, has_min: false,
        summary: "32 × 5-bit, f16 d = max / -16, value (q - 16) · d",
        fields: &[F_D, field("qh", 2, 4, "fifth bits, little-endian u32: bit j = element j"), field("qs", 6, 16, NIBBLES)] },
    TypeInfo { id: "q5_1", ggml_name: "q5_1", ggml_type: 7, block_elements: QK, block_bytes: 24, group: QK, has_min: true,
        summary: "32 × 5-bit, f16 d = (max - min) / 31 and f16 m = min, value q · d + m",
        fields: &[F_D, field("m", 2, 2, "f16 min"), field("qh", 4, 4, "fifth bits, little-endian u32: bit j = element j"), field("qs", 8, 16, NIBBLES)] },
    TypeInfo { id: "q2_k", ggml_name: "q2_K", ggml_type: 10, block_elements: QK_K, block_bytes: 84, group: 16, has_min: true,
        summary: "256 × 2-bit in 16 sub-blocks of 16 with 4-bit scale and min, f16 d and dmin",
        fields: &[field("scales", 0, 16, "per sub-block: low nibble scale, high nibble min"), field("qs", 16, 64, "2-bit codes: byte 32c + l holds elements 128c + l + 32s in bits 2s"), field("d", 80, 2, "f16 scale of the scales"), field("dmin", 82, 2, "f16 scale of the mins")] },
    TypeInfo { id: "q3_k", ggml_name: "q3_K", ggml_type: 11, block_elements: QK_K, block_bytes: 110, group: 16, has_min: false,
        summary: "256 × 3-bit in 16 sub-blocks of 16 with 6-bit signed scale, f16 d",
        fields: &[field("hmask", 0, 32, "third bits: byte j bit b = element 32b + j"), field("qs", 32, 64, "low 2 bits, as q2_k"), field("scales", 96, 12, "16 × 6-bit scales (stored + 32): low nibbles in bytes 0-7, top 2 bits in bytes 8-11"), field("d", 108, 2, "f16 scale of the scales")] },
    TypeInfo { id: "q4_k", ggml_name: "q4_K", ggml_type: 12, block_elements: QK_K, block_bytes: 144, group: 32, has_min: true,
        summary: "256 × 4-bit in 8 sub-blocks of 32 with 6-bit scale and min, f16 d and dmin",
        fields: &[F_D, field("dmin", 2, 2, "f16 scale of the mins"), field("scales", 4, 12, "8 × 6-bit scales and 8 × 6-bit mins packed in 12 bytes"), field("qs", 16, 128, "nibbles: byte 32c + l holds element 64c + l (low) and 64c + 32 + l (high)")] },
    TypeInfo { id: "q5_k", ggml_name: "q5_K", ggml_type: 13, block_elements: QK_K, block_bytes: 176, group: 32, has_min: true,
        summary: "256 × 5-bit in 8 sub-blocks of 32 with 6-bit scale and min, f16 d and dmin",
        fields: &[F_D, field("dmin", 2, 2, "f16 scale of the mins"), field("scales", 4, 12, "8 × 6-bit scales and 8 × 6-bit mins packed in 12 bytes"), field("qh", 16, 32, "fifth bits: byte l bit 2c (+1) = element 64c + l (+ 32)"), field("qs", 48, 128, "low nibbles as q4_k")] },
    TypeInfo { id: "q6_k", ggml_name: "q6_K", ggml_type: 14, block_elements: QK_K, block_bytes: 210, group: 16, has_min: false,
        summary: "256 × 6-bit in 16 sub-blocks of 16 with int8 scale, f16 d, value d · scale · (q - 32)",
        fields: &[field("ql", 0, 128, "low 4 bits"), field("qh", 128, 64, "high 2 bits"), field("scales", 192, 16, "int8 sub-block scales"), field("d", 208, 2, "f16 scale of the scales")] },
    TypeInfo { id: "iq4_nl", ggml_name: "iq4_nl", ggml_type: 20, block_elements: QK, block_bytes: 18, group: QK, has_min: false,
        summary: "32 × 4-bit index into a non-linear 16-value codebook (-127 … 113), f16 d",
        fields: &[F_D, field("qs", 2, 16, NIBBLES)] },
    TypeInfo { id: "tq1_0", ggml_name: "tq1_0", ggml_type: 34, block_elements: QK_K, block_bytes: 54, group: QK_K, has_min: false,
        summary: "256 ternary (BitNet b1.58) packed 5 trits per byte, f16 d = amax",
        fields: &[field("qs", 0, 48, "5 trits per byte, stored as ceil(q · 256 / 243)"), field("qh", 48, 4, "4 trits per byte"), field("d", 52, 2, "f16 scale")] },
    TypeInfo { id: "tq2_0", ggml_name: "tq2_0", ggml_type: 35, block_elements: QK_K, block_bytes: 66, group: QK_K, has_min: false,
        summary: "256 ternary (BitNet b1.58) in 2 bits each, f16 d = amax",
        fields: &[field("qs", 0, 64, "2-bit codes (value code - 1): byte 32c + m holds elements 128c + m + 32n in bits 2n"), field("d", 64, 2, "f16 scale")] },
    TypeInfo { id: "mxfp4_gguf", ggml_name: "MXFP4", ggml_type: 39, block_elements: QK, block_bytes: 17, group: QK, has_min: false,
        summary: "ggml's MXFP4: E8M0 scale byte, 32 × E2M1 with elements 0-15 in the low nibbles, ties toward zero",
        fields: &[field("e", 0, 1, "E8M0 scale 2^(e - 127)"), field("qs", 1, 16, NIBBLES)] },
];

impl GgufType {
    /// Every type, in [`TYPES`] order.
    pub const ALL: [GgufType; 14] = [
        GgufType::Q8_0,
        GgufType::Q4_0,
        GgufType::Q4_1,
        GgufType::Q5_0,
        GgufType::Q5_1,
        GgufType::Q2K,
        GgufType::Q3K,
        GgufType::Q4K,
        GgufType::Q5K,
        GgufType::Q6K,
        GgufType::Iq4Nl,
        GgufType::Tq1_0,
        GgufType::Tq2_0,
        GgufType::Mxfp4,
    ];

    /// The type's facts.
    pub fn info(self) -> &'static TypeInfo {
        &TYPES[self as usize]
    }

    /// Lowbit's id (`q4_k`, `mxfp4_gguf`).
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Resolves an id in any case (`q4_k`, `Q4_K`). `mxfp4` is OCP's scheme, not this module's:
    /// ggml's layout is `mxfp4_gguf`.
    pub fn parse(id: &str) -> Option<GgufType> {
        let lower = id.trim().to_ascii_lowercase();
        GgufType::ALL.into_iter().find(|t| t.id() == lower)
    }

    /// Elements per block.
    pub fn block_elements(self) -> usize {
        self.info().block_elements
    }

    /// Bytes per block.
    pub fn block_bytes(self) -> usize {
        self.info().block_bytes
    }

    /// The level a stored code stands for, before the scale: q4_0 code − 8, q5_0 code − 16,
    /// q3_k code − 4, q6_k code − 32, tq* code − 1, iq4_nl the codebook value, mxfp4_gguf
    /// ggml's doubled E2M1 value (`kvalues_mxfp4`: 0, 1, 2, 3, 4, 6, 8, 12, …); the code itself
    /// otherwise. The dequantized value is
    /// `scale · level + min` with the group's [`GroupScale`] (bit-exact with ggml).
    pub fn level(self, code: i32) -> f32 {
        // Signed codes of `bits` bits are stored offset by 2^(bits − 1); a trit by 1.
        let signed = |bits: u32| (code - (1 << (bits - 1))) as f32;
        let table = |t: &[f32; 16]| t[(code & 15) as usize];
        match self {
            GgufType::Q4_0 => signed(4),
            GgufType::Q5_0 => signed(5),
            GgufType::Q3K => signed(3),
            GgufType::Q6K => signed(6),
            GgufType::Tq1_0 | GgufType::Tq2_0 => (code - 1) as f32,
            GgufType::Iq4Nl => IQ4_NL_VALUES[(code & 15) as usize] as f32,
            GgufType::Mxfp4 => table(&mxfp4_levels().map(|l| l as f32)),
            _ => code as f32,
        }
    }

    /// Storage rate in bits per element, scales included (q4_0 4.5, q6_k 6.5625).
    pub fn bits_per_element(self) -> f64 {
        (self.block_bytes() * 8) as f64 / self.block_elements() as f64
    }
}

/// Rounds `input` to a whole number of blocks with zeros appended (ggml refuses a partial
/// block); returns the padded input and how many zeros were added.
pub fn pad_to_blocks(t: GgufType, input: &[f32]) -> (Vec<f32>, usize) {
    let n = input.len().div_ceil(t.block_elements()) * t.block_elements();
    let mut padded = input.to_vec();
    padded.resize(n, 0.0);
    (padded, n - input.len())
}

/// Quantizes `input` into `out` (cleared first), as `ggml_quantize_chunk(type, input, out, 0,
/// rows, n_per_row, NULL)` does for any split into rows of whole blocks. An input that is not a
/// whole number of blocks is padded with zeros.
pub fn quantize_into(t: GgufType, input: &[f32], out: &mut Vec<u8>) {
    let (be, bb) = (t.block_elements(), t.block_bytes());
    let blocks = input.len().div_ceil(be);
    out.clear();
    out.resize(blocks * bb, 0);
    let mxfp4 = (t == GgufType::Mxfp4).then(other::Mxfp4Facts::new);
    let mut tail = vec![0f32; be];
    for (i, dst) in out.chunks_exact_mut(bb).enumerate() {
        let src = &input[i * be..input.len().min((i + 1) * be)];
        let x: &[f32] = if src.len() == be {
            src
        } else {
            tail[..src.len()].copy_from_slice(src);
            &tail
        };
        match t {
            GgufType::Q8_0 => legacy::quantize_q8_0(x, dst),
            GgufType::Q4_0 => legacy::quantize_x_0(4, x, dst),
            GgufType::Q5_0 => legacy::quantize_x_0(5, x, dst),
            GgufType::Q4_1 => legacy::quantize_x_1(4, x, dst),
            GgufType::Q5_1 => legacy::quantize_x_1(5, x, dst),
            GgufType::Q2K => kquants::quantize(K::Q2, x, dst),
            GgufType::Q3K => kquants::quantize(K::Q3, x, dst),
            GgufType::Q4K => kquants::quantize(K::Q4, x, dst),
            GgufType::Q5K => kquants::quantize(K::Q5, x, dst),
            GgufType::Q6K => kquants::quantize(K::Q6, x, dst),
            GgufType::Iq4Nl => other::quantize_iq4_nl(x, dst),
            GgufType::Tq1_0 => other::quantize_tq1_0(x, dst),
            GgufType::Tq2_0 => other::quantize_tq2_0(x, dst),
            GgufType::Mxfp4 => {
                if let Some(f) = &mxfp4 {
                    other::quantize_mxfp4(&f.levels, f.emax, x, dst)
                }
            }
        }
    }
}

/// Quantizes `input` (zero-padded to whole blocks) into the type's blocks.
pub fn quantize(t: GgufType, input: &[f32]) -> Vec<u8> {
    let mut out = Vec::new();
    quantize_into(t, input, &mut out);
    out
}

/// The error for a byte length that is not a whole number of blocks.
fn check_len(t: GgufType, bytes: &[u8]) -> Result<usize, String> {
    let bb = t.block_bytes();
    if !bytes.len().is_multiple_of(bb) {
        return Err(format!(
            "{} bytes is not a whole number of {} blocks ({} bytes per block of {} elements)",
            bytes.len(),
            t.id(),
            bb,
            t.block_elements()
        ));
    }
    Ok(bytes.len() / bb)
}

/// Dequantizes whole blocks into `out` (cleared first), as `dequantize_row_*` does.
pub fn dequantize_into(t: GgufType, bytes: &[u8], out: &mut Vec<f32>) -> Result<(), String> {
    let blocks = check_len(t, bytes)?;
    let (be, bb) = (t.block_elements(), t.block_bytes());
    out.clear();
    out.resize(blocks * be, 0.0);
    match t {
        GgufType::Q4_0 => {
            legacy::dequantize_q4_0_fast(bytes, out);
            return Ok(());
        }
        GgufType::Q4K => {
            kquants::dequantize_q4k_fast(bytes, out);
            return Ok(());
        }
        _ => {}
    }
    let levels = mxfp4_levels();
    let mut codes = vec![0i32; be];
    for (b, y) in bytes.chunks_exact(bb).zip(out.chunks_exact_mut(be)) {
        match t {
            GgufType::Q8_0 => legacy::dequantize_q8_0(b, y),
            GgufType::Q4_0 => legacy::dequantize_x_0(4, b, y),
            GgufType::Q5_0 => legacy::dequantize_x_0(5, b, y),
            GgufType::Q4_1 => legacy::dequantize_x_1(4, b, y),
            GgufType::Q5_1 => legacy::dequantize_x_1(5, b, y),
            GgufType::Q2K => kquants::dequantize(K::Q2, b, y),
            GgufType::Q3K => kquants::dequantize(K::Q3, b, y),
            GgufType::Q4K => kquants::dequantize(K::Q4, b, y),
            GgufType::Q5K => kquants::dequantize(K::Q5, b, y),
            GgufType::Q6K => kquants::dequantize(K::Q6, b, y),
            GgufType::Iq4Nl => other::dequantize_iq4_nl(b, y),
            GgufType::Tq1_0 => {
                other::codes_tq1_0(b, &mut codes);
                other::dequantize_ternary(&codes, half::f16_to_f32(read_f16(b, 52)), y)
            }
            GgufType::Tq2_0 => {
                other::codes_tq2_0(b, &mut codes);
                other::dequantize_ternary(&codes, half::f16_to_f32(read_f16(b, 64)), y)
            }
            GgufType::Mxfp4 => other::dequantize_mxfp4(&levels, b, y),
        }
    }
    Ok(())
}

/// Dequantizes whole blocks; a length that is not a whole number of blocks is an error
/// naming the block size.
pub fn dequantize(t: GgufType, bytes: &[u8]) -> Result<Vec<f32>, String> {
    let mut out = Vec::new();
    dequantize_into(t, bytes, &mut out)?;
    Ok(out)
}

/// The stored integer level of every element, before any offset: q8_0 −128..127, q4_0 /
/// q4_1 / iq4_nl / mxfp4_gguf / q4_k 0..15 (the nibble), q5_* 0..31, q2_k 0..3, q3_k 0..7,
/// q6_k 0..63, tq1_0 0..2, tq2_0 0..3.
pub fn codes(t: GgufType, bytes: &[u8]) -> Result<Vec<i32>, String> {
    let blocks = check_len(t, bytes)?;
    let (be, bb) = (t.block_elements(), t.block_bytes());
    let mut out = vec![0i32; blocks * be];
    for (b, c) in bytes.chunks_exact(bb).zip(out.chunks_exact_mut(be)) {
        match t {
            GgufType::Q8_0 => {
                for (o, &q) in c.iter_mut().zip(&b[2..]) {
                    *o = q as i8 as i32;
                }
            }
            GgufType::Q4_0 | GgufType::Iq4Nl => copy_codes(&legacy::codes_x(4, b, false), c),
            GgufType::Q5_0 => copy_codes(&legacy::codes_x(5, b, false), c),
            GgufType::Q4_1 => copy_codes(&legacy::codes_x(4, b, true), c),
            GgufType::Q5_1 => copy_codes(&legacy::codes_x(5, b, true), c),
            GgufType::Q2K => kquants::codes(K::Q2, b, c),
            GgufType::Q3K => kquants::codes(K::Q3, b, c),
            GgufType::Q4K => kquants::codes(K::Q4, b, c),
            GgufType::Q5K => kquants::codes(K::Q5, b, c),
            GgufType::Q6K => kquants::codes(K::Q6, b, c),
            GgufType::Tq1_0 => other::codes_tq1_0(b, c),
            GgufType::Tq2_0 => other::codes_tq2_0(b, c),
            GgufType::Mxfp4 => {
                let half = QK / 2;
                for j in 0..half {
                    c[j] = (b[1 + j] & 0xF) as i32;
                    c[j + half] = (b[1 + j] >> 4) as i32;
                }
            }
        }
    }
    Ok(out)
}

fn copy_codes(src: &[u8], dst: &mut [i32]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = s as i32;
    }
}

/// The effective scale of one group (block, or sub-block of a k-quant).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupScale {
    /// The factor a code is multiplied by, as the dequantizer computes it in f32 (q4_0: d;
    /// q4_k: d · sc; q3_k: d · (sc − 32); q6_k: d · sc; mxfp4_gguf: half the E8M0 value,
    /// 2^(e − 128), by which ggml multiplies its doubled E2M1 levels — finite for every e).
    pub scale: f32,
    /// The value of code 0 where the type has an additive min: `_1` m; k-quants −dmin · m.
    pub min: Option<f32>,
}

/// The effective scale (and min) of every group, in element order; [`TypeInfo::group`]
/// elements each.
pub fn scales(t: GgufType, bytes: &[u8]) -> Result<Vec<GroupScale>, String> {
    check_len(t, bytes)?;
    let mut out = Vec::new();
    let f16 = |b: &[u8], at: usize| half::f16_to_f32(read_f16(b, at));
    for b in bytes.chunks_exact(t.block_bytes()) {
        let one = |scale: f32, min: Option<f32>| GroupScale { scale, min };
        match t {
            GgufType::Q8_0 | GgufType::Q4_0 | GgufType::Q5_0 | GgufType::Iq4Nl => out.push(one(f16(b, 0), None)),
            GgufType::Q4_1 | GgufType::Q5_1 => out.push(one(f16(b, 0), Some(f16(b, 2)))),
            GgufType::Tq1_0 => out.push(one(f16(b, 52), None)),
            GgufType::Tq2_0 => out.push(one(f16(b, 64), None)),
            GgufType::Mxfp4 => out.push(one(other::e8m0_half(b[0]), None)),
            GgufType::Q2K | GgufType::Q3K | GgufType::Q4K | GgufType::Q5K | GgufType::Q6K => {
                let k = match t {
                    GgufType::Q2K => K::Q2,
                    GgufType::Q3K => K::Q3,
                    GgufType::Q4K => K::Q4,
                    GgufType::Q5K => K::Q5,
                    _ => K::Q6,
                };
                out.extend(kquants::scales(k, b).into_iter().map(|(scale, min)| one(scale, min)));
            }
        }
    }
    Ok(out)
}

/// ggml's `nearest_int`: round to nearest, ties to even, through the f32 addition of
/// 1.5 · 2^23 (exact for |x| < 2^22; larger or non-finite inputs give the same wrapped result
/// as ggml's bit trick).
#[inline(always)]
fn nearest_int(x: f32) -> i32 {
    const MAGIC: f32 = 1.5 * (1u32 << (f32::MANTISSA_DIGITS - 1)) as f32;
    const MANTISSA: u32 = (1 << (f32::MANTISSA_DIGITS - 1)) - 1;
    let v = x + MAGIC;
    (v.to_bits() & MANTISSA) as i32 - (1 << (f32::MANTISSA_DIGITS - 2))
}

/// C's float → int conversion as x86-64 performs it (`cvttss2si`): truncation toward zero;
/// NaN and values out of i32's range give `INT_MIN`.
#[inline(always)]
fn c_to_i32(x: f32) -> i32 {
    if x.is_nan() || x >= -(i32::MIN as f32) || x < i32::MIN as f32 {
        i32::MIN
    } else {
        x as i32
    }
}

/// Lower-case hex of bytes (`blocks_hex`).
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// Hex text to bytes: pairs of hex digits in either case, white space ignored, an optional
/// leading `0x`. The error names the first character that is not a hex digit, or an odd count.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, String> {
    let t = text.trim();
    let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
    let digits: Vec<u8> = t.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if let Some(bad) = t.chars().find(|c| !c.is_ascii_hexdigit() && !c.is_whitespace()) {
        return Err(format!("'{bad}' is not a hex digit"));
    }
    if digits.len() % 2 == 1 {
        return Err(format!("{} hex digits is not a whole number of bytes", digits.len()));
    }
    let value = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
    Ok(digits.chunks_exact(2).map(|p| value(p[0]) << 4 | value(p[1])).collect())
}

/// Reads a little-endian f16 bit pattern at `at`.
#[inline(always)]
fn read_f16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

/// Writes a little-endian f16 bit pattern at `at`.
#[inline(always)]
fn put_f16(b: &mut [u8], at: usize, h: u16) {
    b[at..at + 2].copy_from_slice(&h.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_enum_agree() {
        for (i, t) in GgufType::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
            let info = t.info();
            let last = info.fields.last().unwrap();
            assert_eq!(last.offset + last.len, info.block_bytes, "{}", info.id);
            let mut at = 0;
            for f in info.fields {
                assert_eq!(f.offset, at, "{} {}", info.id, f.name);
                at += f.len;
            }
            assert_eq!(info.block_elements % info.group, 0);
        }
        assert_eq!(GgufType::Q4_0.bits_per_element(), 4.5);
        assert_eq!(GgufType::Q4K.bits_per_element(), 4.5);
        assert_eq!(GgufType::Q6K.bits_per_element(), 6.5625);
        assert_eq!(GgufType::Tq2_0.bits_per_element(), 2.0625);
    }

    #[test]
    fn parse_is_case_insensitive_but_mxfp4_is_ocps() {
        assert_eq!(GgufType::parse("Q4_K"), Some(GgufType::Q4K));
        assert_eq!(GgufType::parse("q6_k"), Some(GgufType::Q6K));
        assert_eq!(GgufType::parse("MXFP4_GGUF"), Some(GgufType::Mxfp4));
        assert_eq!(GgufType::parse("mxfp4"), None);
        assert_eq!(GgufType::parse("nvfp4"), None);
    }

    #[test]
    fn hex_round_trips_and_names_the_bad_digit() {
        let bytes = [0u8, 0x7f, 0x80, 0xff, 0x3c];
        assert_eq!(to_hex(&bytes), "007f80ff3c");
        assert_eq!(parse_hex("0x007F80ff 3c\n").unwrap(), bytes);
        assert_eq!(parse_hex("0g").unwrap_err(), "'g' is not a hex digit");
        assert_eq!(parse_hex("abc").unwrap_err(), "3 hex digits is not a whole number of bytes");
        assert_eq!(parse_hex("é").unwrap_err(), "'é' is not a hex digit");
        assert_eq!(parse_hex("").unwrap(), Vec::<u8>::new());
    }

    #[test]
    fn nearest_int_rounds_half_to_even() {
        for (x, n) in [(0.5f32, 0), (1.5, 2), (2.5, 2), (-0.5, 0), (-1.5, -2), (3.49, 3), (-7.6, -8)] {
            assert_eq!(nearest_int(x), n, "{x}");
        }
    }

    #[test]
    fn q8_0_with_a_nan_in_the_block_converts_as_c_does() {
        // ggml's MAX macro lets a NaN reset amax, so −inf and 1000 meet a finite 1/d: C's
        // float → int conversion gives INT_MIN (low byte 0) for ±inf and NaN, the low byte of
        // the integer otherwise.
        let mut x = [0f32; 32];
        x[..5].copy_from_slice(&[-f32::INFINITY, f32::NAN, 1.0, 1000.0, 0.5]);
        let b = quantize(GgufType::Q8_0, &[&[-f32::INFINITY, f32::NAN, 1.0][..], &[0.0; 29]].concat());
        assert_eq!(b[2..5], [0, 0, 127]);
        let b = quantize(GgufType::Q8_0, &x);
        // amax: 1000 replaced the NaN's reset; 1000 · (127 / 1000) = 127.
        assert_eq!(b[2..7], [0, 0, 0, 127, 0]);
    }

    #[test]
    fn mxfp4_ties_go_toward_zero() {
        let mut x = [0f32; 32];
        x[..4].copy_from_slice(&[0.75, 1.75, 3.5, -0.75]);
        x[31] = 6.0;
        let b = quantize(GgufType::Mxfp4, &x);
        assert_eq!(b[..5], [127, 1, 3, 5, 9]);
        let y = dequantize(GgufType::Mxfp4, &b).unwrap();
        assert_eq!(y[..4], [0.5, 1.5, 3.0, -0.5]);
        assert_eq!(mxfp4_levels(), [0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12]);
    }
}
