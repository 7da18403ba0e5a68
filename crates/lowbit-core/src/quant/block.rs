//! Block formats as data: a block format is
//!
//! **element format × block size × scale rule × scale format × optional second-level scale**
//!
//! (plus the nibble order its 4-bit codes are packed in), the design gfloat's
//! `BlockFormatInfo` (element type, block size `k`, scale type) points to. Every scheme Lowbit
//! runs is one row of [`SCHEMES`], a [`SchemeInfo`] naming the five parts; nothing about a
//! scheme lives anywhere else, and the quantizer picks its kernel from these parts alone:
//!
//! | scheme | element | block | scale rule | scale format | second level |
//! |---|---|---|---|---|---|
//! | `nf4`, `fp4_bnb` | NF4 / bnb FP4 codebook | 64 (2^5…2^12) | [`ScaleRule::AbsmaxReciprocal`] | [`ScaleFormat::F32`] | [`SecondLevel::DoubleQuant`] (off by default) |
//! | `int8_absmax`, `int4_absmax` | int8 / int4 | 64, row, tensor | [`ScaleRule::Absmax`] | F32 | — |
//! | `int8_zeropoint`, `int4_zeropoint` | int8 / int4 | 64, row, tensor | [`ScaleRule::ZeroPoint`] | F32 + i32 zero point | — |
//! | `int8_meanstd`, `int4_meanstd` | int8 / int4 | 64, row, tensor | [`ScaleRule::MeanStd`] | F32 | — |
//! | `cast:FORMAT` | any format | — | [`ScaleRule::None`] | [`ScaleFormat::None`] | — |
//! | `absmax:FORMAT` | any format | tensor, row, 64 | [`ScaleRule::Absmax`] | F32 | — |
//! | `mxfp8_*`, `mxfp6_*`, `mxfp4`, `mxint8` | OCP element | 32 | [`ScaleRule::SharedExponent`] | [`ScaleFormat::E8M0`] | — |
//! | `nvfp4` | E2M1 | 16 | [`ScaleRule::Absmax`] | [`ScaleFormat::E4M3`] | [`SecondLevel::TensorAmax`] (on by default) |
//! | `int8_rowwise` (LLM.int8()) | int8 | row | [`ScaleRule::AbsmaxReciprocal`] | F32 | — ; [`SchemeInfo::outliers`]: fp16 columns |
//! | `ternary`, `binary` (BitNet) | ternary / binary codebook | tensor, row, 64 | [`ScaleRule::AbsMean`] | F32 | — |
//! | `q8_0`, `q4_0`, `q5_0`, `iq4_nl`, `q3_k`, `q6_k`, `tq1_0`, `tq2_0` (GGUF) | the ggml type | 32 / 256 | Absmax (signed for q4_0, q5_0) | [`ScaleFormat::F16`] | k-quants: 6-/8-bit sub-block scales |
//! | `q4_1`, `q5_1`, `q2_k`, `q4_k`, `q5_k` (GGUF) | the ggml type | 32 / 256 | ZeroPoint (an f16 min, or quantized mins) | F16 | k-quants: 4-/6-bit sub-block scales and mins |
//! | `mxfp4_gguf` (GGUF) | E2M1, ggml's order | 32 | SharedExponent | E8M0 | — |
//!
//! What each part means, and the arithmetic it fixes (bit-exact with the library it comes from):
//! - the **element** is any [`crate::format::Format`] (float, integer, codebook), see
//!   [`super::Element`]; hot-path facts (E2M1 thresholds, …) are derived from it
//!   ([`super::facts`]).
//! - the **scale rule** turns a group's statistic into the scale and says how it is applied
//!   (division, or multiplication by a reciprocal computed in f32, as each library does).
//! - the **scale format** is the format the per-block scale is stored in: f32, or a float of the
//!   catalogue (E8M0 for MX, E4M3 for NVFP4) whose limits — 448, 2^-6, powers of two — are read
//!   from its description ([`ScaleFormat::format`]).
//! - the **second level** is a scale of the scales: NVFP4's per-tensor f32
//!   `amax / (max scale · max element)` (448 · 6 = 2688, derived), or bitsandbytes' double
//!   quantization of the absmax values (8-bit dynamic map in blocks of 256).
//!
//! ## The GGUF block formats as instances
//! llama.cpp's `ggml` types are the same five parts; each adds at most one value to an axis:
//! - `q8_0`: int8 × 32 × absmax (`d = amax / 127`, x · (1/d), ties away) × **f16** scale.
//! - `q4_0`: int4 stored offset by 8 × 32 × *signed* absmax (`d = max / −8`, the value of
//!   largest magnitude) × f16, packed **low nibbles = elements 0–15, high = 16–31**.
//! - `q4_1`, `q5_1`: unsigned 4/5-bit × 32 × *min-offset* (`d = (max − min) / 15`, `m = min`)
//!   × f16 d and f16 m — the zero-point rule with the offset stored as a value.
//! - `q5_0`, `q5_1`: a 5-bit element split into a nibble plane and a bit plane.
//! - k-quants (`q2_k` … `q6_k`): sub-blocks of 16/32 whose scales (and mins) are themselves
//!   quantized to 4–8 bits under one f16 `d` (and `dmin`) per super-block of 256 — a
//!   second-level scale, like bitsandbytes' double quantization.
//! - `iq4_nl`: a 16-value codebook element × 32 × f16; `tq1_0`/`tq2_0`: the ternary codebook ×
//!   256 × f16; ggml's `mxfp4`: exactly [`SCHEMES`]' `mxfp4` with the split-halves nibble order.
//!
//! So a GGUF type is a [`SchemeInfo`] row with [`ScaleFormat::F16`] (E8M0 for `mxfp4_gguf`),
//! the signed-absmax / min-offset rules and [`SchemeInfo::ggml`] naming the type: the rows
//! `q8_0` … `mxfp4_gguf` of [`SCHEMES`] run the one implementation in [`crate::gguf`] (ggml's
//! bytes, its split-halves nibble order, its scale searches), so every consumer of the
//! registry — the CLI, the app's Signal and Quantize views, the jobs — has them. Ids are
//! ggml's type names in lower case (upper case accepted); `mxfp4` stays OCP's scheme.

use super::pack::NibbleOrder;
use crate::gguf::GgufType;

/// How elements are grouped under one scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// One scale for the whole tensor.
    Tensor,
    /// One scale per row (the row length is [`Options::row_len`]).
    Row,
    /// One scale per block of [`Options::block`] consecutive elements (the last may be short).
    Block,
}

impl Granularity {
    /// Every granularity.
    pub const ALL: [Granularity; 3] = [Granularity::Tensor, Granularity::Row, Granularity::Block];

    /// The CLI / URL name: `tensor`, `row` or `block`.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Tensor => "tensor",
            Granularity::Row => "row",
            Granularity::Block => "block",
        }
    }

    /// Parses a name given by [`Granularity::name`].
    pub fn parse(name: &str) -> Result<Granularity, String> {
        Granularity::ALL
            .into_iter()
            .find(|g| g.name() == name.trim())
            .ok_or_else(|| format!("unknown granularity '{}'; valid: tensor, row, block", name.trim()))
    }
}

/// Which block sizes a scheme accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockSizes {
    /// The scheme has no blocks (element-wise casts, per-row schemes).
    None,
    /// Exactly this size (the spec's).
    Exactly(usize),
    /// Powers of two from `min` to `max` (bitsandbytes).
    PowersOfTwo {
        /// Smallest.
        min: usize,
        /// Largest.
        max: usize,
    },
    /// Any size in `min..=max`.
    Range {
        /// Smallest.
        min: usize,
        /// Largest.
        max: usize,
    },
}

impl BlockSizes {
    /// Whether `block` is allowed.
    pub fn allows(self, block: usize) -> bool {
        match self {
            BlockSizes::None => false,
            BlockSizes::Exactly(b) => block == b,
            BlockSizes::PowersOfTwo { min, max } => block.is_power_of_two() && (min..=max).contains(&block),
            BlockSizes::Range { min, max } => (min..=max).contains(&block),
        }
    }

    /// A human description ("32", "powers of two 32..4096", …).
    pub fn describe(self) -> String {
        match self {
            BlockSizes::None => "none (no blocks)".into(),
            BlockSizes::Exactly(b) => format!("{b} only"),
            BlockSizes::PowersOfTwo { min, max } => {
                let mut sizes = Vec::new();
                let mut b = min;
                while b <= max {
                    sizes.push(b.to_string());
                    b *= 2;
                }
                sizes.join(", ")
            }
            BlockSizes::Range { min, max } => format!("{min}..{max}"),
        }
    }
}

/// How a group's statistic becomes its scale, and how the scale is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScaleRule {
    /// No scale: a direct, element-wise cast.
    None,
    /// Symmetric: `scale = max|x| / max element` (stored), elements `x / scale` (torch,
    /// TransformerEngine). With a narrow scale format (NVFP4's E4M3) the scale is rounded into
    /// that format and applied as `x · (1/scale)` in f32, as torchao does.
    Absmax,
    /// Symmetric, the statistic stored: `scale = max|x|`, elements `x · (max element / scale)`
    /// computed in f32, dequantized `value · scale · (1 / max element)` (bitsandbytes'
    /// block-wise kernels with max element 1, and LLM.int8()'s rows with 127).
    AbsmaxReciprocal,
    /// Asymmetric: `scale = (max − min) / (qmax − qmin)`, zero point
    /// `round(qmin − min / scale)`.
    ZeroPoint,
    /// Symmetric, clipped: `scale = min(max|x|, |mean| + k·std) / qmax`.
    MeanStd,
    /// A shared power of two: `2^(floor(log2 amax) − emax_elem)` (OCP MX; `ceil` on request),
    /// clamped to the scale format's exponent range; elements `x · 2^-e`.
    SharedExponent,
    /// BitNet: `γ = mean|x|`, elements `x / γ`.
    AbsMean,
}

impl ScaleRule {
    /// A short name for the UI.
    pub fn name(self) -> &'static str {
        match self {
            ScaleRule::None => "none",
            ScaleRule::Absmax => "absmax",
            ScaleRule::AbsmaxReciprocal => "absmax-reciprocal",
            ScaleRule::ZeroPoint => "zero-point",
            ScaleRule::MeanStd => "mean-std",
            ScaleRule::SharedExponent => "shared-exponent",
            ScaleRule::AbsMean => "absmean",
        }
    }
}

/// The format a per-group scale is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScaleFormat {
    /// No scale.
    None,
    /// IEEE binary32.
    F32,
    /// IEEE binary16 (the `d` / `dmin` of the GGUF types).
    F16,
    /// `float8_e8m0fnu`: a power of two 2^-127…2^127, NaN = 0xFF (OCP MX).
    E8M0,
    /// `float8_e4m3fn` (NVFP4's block scale).
    E4M3,
}

impl ScaleFormat {
    /// The catalogue id of the scale's format (None for [`ScaleFormat::None`]).
    pub fn id(self) -> Option<&'static str> {
        match self {
            ScaleFormat::None => None,
            ScaleFormat::F32 => Some("float32"),
            ScaleFormat::F16 => Some("float16"),
            ScaleFormat::E8M0 => Some("float8_e8m0fnu"),
            ScaleFormat::E4M3 => Some("float8_e4m3fn"),
        }
    }

    /// The scale's float format, from the catalogue.
    pub fn format(self) -> Option<crate::float::FloatFormat> {
        match *crate::format::Format::parse(self.id()?).ok()?.kind() {
            crate::format::Kind::Float(f) => Some(f),
            _ => None,
        }
    }

    /// Width of one stored scale in bits (0 for none).
    pub fn bits(self) -> u32 {
        self.format().map_or(0, |f| f.bits())
    }

    /// The largest scale the format holds (E4M3: 448).
    pub fn max(self) -> f64 {
        self.format().map_or(1.0, |f| f.max_finite())
    }
}

/// A scale of the scales.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SecondLevel {
    /// None.
    None,
    /// One f32 per tensor: `p = amax_tensor / (max scale · max element)`; block scales are
    /// computed relative to it (NVFP4; on by default, `--single-level` drops it).
    TensorAmax,
    /// QLoRA double quantization: the f32 scales minus their mean, in blocks of 256, with
    /// bitsandbytes' signed 8-bit dynamic map (off by default, `--double-quant`).
    DoubleQuant,
}

/// One row of the scheme registry: a block format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SchemeInfo {
    /// The id the CLI and the app take (`cast:FORMAT` / `absmax:FORMAT` are templates).
    pub id: &'static str,
    /// One line for a picker or `--help`.
    pub description: &'static str,
    /// The element format's catalogue id (`FORMAT` for the templates; `int8` for MXINT8,
    /// whose element is int8 × 2^-6; for the GGUF rows the type id, whose element is the
    /// [`crate::gguf::GgufType`]).
    pub element: &'static str,
    /// The scale rule.
    pub scale_rule: ScaleRule,
    /// The format the per-group scales are stored in.
    pub scale_format: ScaleFormat,
    /// The second-level scale.
    pub second_level: SecondLevel,
    /// LLM.int8(): columns with an |x| ≥ the threshold stay in fp16.
    pub outliers: bool,
    /// Which nibble holds the first of two 4-bit codes.
    pub packing: NibbleOrder,
    /// The default block size (None when the scheme has no blocks).
    pub default_block: Option<usize>,
    /// The block sizes accepted.
    pub allowed_blocks: BlockSizes,
    /// The default granularity.
    pub default_granularity: Granularity,
    /// The granularities accepted.
    pub granularities: &'static [Granularity],
    /// True for the templates `cast:FORMAT` and `absmax:FORMAT`.
    pub parametric: bool,
    /// The ggml block type of a GGUF row (run by [`crate::gguf`]); None for the others.
    pub ggml: Option<GgufType>,
}

const ALL_GRANULARITIES: &[Granularity] = &[Granularity::Tensor, Granularity::Row, Granularity::Block];
const BLOCK_ONLY: &[Granularity] = &[Granularity::Block];
const ROW_ONLY: &[Granularity] = &[Granularity::Row];
const TENSOR_ONLY: &[Granularity] = &[Granularity::Tensor];
const BNB_BLOCKS: BlockSizes = BlockSizes::PowersOfTwo { min: 32, max: 4096 };
const ANY_BLOCK: BlockSizes = BlockSizes::Range { min: 1, max: 1 << 24 };

/// Block 64 by default, any size, any granularity (the integer and BitNet schemes).
const ANY: (Option<usize>, BlockSizes, Granularity, &[Granularity]) = (Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES);
/// bitsandbytes: powers of two 32…4096, default 64, blocks only.
const BNB: (Option<usize>, BlockSizes, Granularity, &[Granularity]) = (Some(64), BNB_BLOCKS, Granularity::Block, BLOCK_ONLY);
/// OCP MX v1.0: 32 only.
const MX: (Option<usize>, BlockSizes, Granularity, &[Granularity]) = (Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY);

impl SchemeInfo {
    const fn new(
        id: &'static str,
        description: &'static str,
        element: &'static str,
        scale_rule: ScaleRule,
        scale_format: ScaleFormat,
        grouping: (Option<usize>, BlockSizes, Granularity, &'static [Granularity]),
    ) -> SchemeInfo {
        SchemeInfo {
            id,
            description,
            element,
            scale_rule,
            scale_format,
            second_level: SecondLevel::None,
            outliers: false,
            packing: NibbleOrder::LowFirst,
            default_block: grouping.0,
            allowed_blocks: grouping.1,
            default_granularity: grouping.2,
            granularities: grouping.3,
            parametric: false,
            ggml: None,
        }
    }

    /// A GGUF row: the type's block (whole blocks only), its scale rule and scale format.
    const fn gguf(t: GgufType, id: &'static str, description: &'static str, scale_rule: ScaleRule, scale_format: ScaleFormat, block: usize) -> SchemeInfo {
        let mut row = SchemeInfo::new(id, description, id, scale_rule, scale_format, (Some(block), BlockSizes::Exactly(block), Granularity::Block, BLOCK_ONLY));
        row.ggml = Some(t);
        row
    }

    const fn second(mut self, level: SecondLevel) -> SchemeInfo {
        self.second_level = level;
        self
    }

    const fn high_nibble_first(mut self) -> SchemeInfo {
        self.packing = NibbleOrder::HighFirst;
        self
    }

    const fn with_outliers(mut self) -> SchemeInfo {
        self.outliers = true;
        self
    }

    const fn template(mut self) -> SchemeInfo {
        self.parametric = true;
        self
    }
}

use ScaleFormat::{E4M3, E8M0, F16, F32};
use ScaleRule::{AbsMean, Absmax, AbsmaxReciprocal, MeanStd, SharedExponent, ZeroPoint};

/// Every scheme, in the order a picker lists them. The CLI, the app and the docs read this.
pub const SCHEMES: &[SchemeInfo] = &[
    SchemeInfo::new("nf4", "bitsandbytes NF4 (QLoRA): f32 absmax per block, 16 normal quantiles, bit-identical to the CUDA kernel", "nf4", AbsmaxReciprocal, F32, BNB).second(SecondLevel::DoubleQuant).high_nibble_first(),
    SchemeInfo::new("fp4_bnb", "bitsandbytes FP4: f32 absmax per block, sign + 3-bit table (not E2M1), bit-identical to the CUDA kernel", "fp4_bnb", AbsmaxReciprocal, F32, BNB).second(SecondLevel::DoubleQuant).high_nibble_first(),
    SchemeInfo::new("int8_absmax", "symmetric INT8: scale = absmax / 127, q = round(x / scale)", "int8", Absmax, F32, ANY),
    SchemeInfo::new("int4_absmax", "symmetric INT4: scale = absmax / 7, q = round(x / scale)", "int4", Absmax, F32, ANY),
    SchemeInfo::new("int8_zeropoint", "asymmetric INT8: scale = (max - min) / 255, zero point = round(-128 - min / scale)", "int8", ZeroPoint, F32, ANY),
    SchemeInfo::new("int4_zeropoint", "asymmetric INT4: scale = (max - min) / 15, zero point = round(-8 - min / scale)", "int4", ZeroPoint, F32, ANY),
    SchemeInfo::new("int8_meanstd", "symmetric INT8 clipped at mean +- k std (--k, default 3): scale = min(absmax, |mean| + k std) / 127", "int8", MeanStd, F32, ANY),
    SchemeInfo::new("int4_meanstd", "symmetric INT4 clipped at mean +- k std (--k, default 3): scale = min(absmax, |mean| + k std) / 7", "int4", MeanStd, F32, ANY),
    SchemeInfo::new("cast:FORMAT", "direct cast to any catalogue format (ml_dtypes rounding and overflow), no scale", "FORMAT", ScaleRule::None, ScaleFormat::None, (None, BlockSizes::None, Granularity::Tensor, TENSOR_ONLY)).template(),
    SchemeInfo::new("absmax:FORMAT", "absmax scale onto any catalogue format: absmax maps to the format's max (e.g. 448 for float8_e4m3fn), saturating cast", "FORMAT", Absmax, F32, (Some(64), ANY_BLOCK, Granularity::Tensor, ALL_GRANULARITIES)).template(),
    SchemeInfo::new("mxfp8_e4m3", "OCP MXFP8 E4M3: 32 x float8_e4m3fn + one E8M0 scale", "float8_e4m3fn", SharedExponent, E8M0, MX),
    SchemeInfo::new("mxfp8_e5m2", "OCP MXFP8 E5M2: 32 x float8_e5m2 + one E8M0 scale", "float8_e5m2", SharedExponent, E8M0, MX),
    SchemeInfo::new("mxfp6_e2m3", "OCP MXFP6 E2M3: 32 x float6_e2m3fn + one E8M0 scale", "float6_e2m3fn", SharedExponent, E8M0, MX),
    SchemeInfo::new("mxfp6_e3m2", "OCP MXFP6 E3M2: 32 x float6_e3m2fn + one E8M0 scale", "float6_e3m2fn", SharedExponent, E8M0, MX),
    SchemeInfo::new("mxfp4", "OCP MXFP4: 32 x float4_e2m1fn + one E8M0 scale", "float4_e2m1fn", SharedExponent, E8M0, MX),
    SchemeInfo::new("mxint8", "OCP MXINT8: 32 x int8 * 2^-6 + one E8M0 scale", "int8", SharedExponent, E8M0, MX),
    SchemeInfo::new("nvfp4", "NVIDIA NVFP4: 16 x float4_e2m1fn + one E4M3 block scale, one f32 tensor scale (torchao)", "float4_e2m1fn", Absmax, E4M3, (Some(16), BlockSizes::Exactly(16), Granularity::Block, BLOCK_ONLY)).second(SecondLevel::TensorAmax),
    SchemeInfo::new("int8_rowwise", "LLM.int8(): per-row absmax, q = round(127 x / rowmax); outlier columns (|x| >= 6.0) kept in fp16", "int8", AbsmaxReciprocal, F32, (None, BlockSizes::None, Granularity::Row, ROW_ONLY)).with_outliers(),
    SchemeInfo::new("ternary", "BitNet b1.58: gamma = mean|W|, q = clamp(round(W / gamma), -1, 1), value q * gamma", "ternary", AbsMean, F32, (Some(64), ANY_BLOCK, Granularity::Tensor, ALL_GRANULARITIES)),
    SchemeInfo::new("binary", "1-bit: sign(W) * mean|W| (sign(0) = +1)", "binary", AbsMean, F32, (Some(64), ANY_BLOCK, Granularity::Tensor, ALL_GRANULARITIES)),
    SchemeInfo::gguf(GgufType::Q8_0, "q8_0", "llama.cpp Q8_0: 32 x int8, f16 scale d = amax / 127 (ggml's bytes)", Absmax, F16, 32),
    SchemeInfo::gguf(GgufType::Q4_0, "q4_0", "llama.cpp Q4_0: 32 x 4-bit, f16 d = max / -8, value (q - 8) d (ggml's bytes)", Absmax, F16, 32),
    SchemeInfo::gguf(GgufType::Q4_1, "q4_1", "llama.cpp Q4_1: 32 x 4-bit, f16 d = (max - min) / 15 and f16 min (ggml's bytes)", ZeroPoint, F16, 32),
    SchemeInfo::gguf(GgufType::Q5_0, "q5_0", "llama.cpp Q5_0: 32 x 5-bit, f16 d = max / -16, value (q - 16) d (ggml's bytes)", Absmax, F16, 32),
    SchemeInfo::gguf(GgufType::Q5_1, "q5_1", "llama.cpp Q5_1: 32 x 5-bit, f16 d = (max - min) / 31 and f16 min (ggml's bytes)", ZeroPoint, F16, 32),
    SchemeInfo::gguf(GgufType::Q2K, "q2_k", "llama.cpp Q2_K: 256 x 2-bit, 16 sub-blocks with 4-bit scale and min under f16 d, dmin (ggml's bytes)", ZeroPoint, F16, 256),
    SchemeInfo::gguf(GgufType::Q3K, "q3_k", "llama.cpp Q3_K: 256 x 3-bit, 16 sub-blocks with 6-bit signed scale under f16 d (ggml's bytes)", Absmax, F16, 256),
    SchemeInfo::gguf(GgufType::Q4K, "q4_k", "llama.cpp Q4_K: 256 x 4-bit, 8 sub-blocks with 6-bit scale and min under f16 d, dmin (ggml's bytes)", ZeroPoint, F16, 256),
    SchemeInfo::gguf(GgufType::Q5K, "q5_k", "llama.cpp Q5_K: 256 x 5-bit, 8 sub-blocks with 6-bit scale and min under f16 d, dmin (ggml's bytes)", ZeroPoint, F16, 256),
    SchemeInfo::gguf(GgufType::Q6K, "q6_k", "llama.cpp Q6_K: 256 x 6-bit, 16 sub-blocks with int8 scale under f16 d (ggml's bytes)", Absmax, F16, 256),
    SchemeInfo::gguf(GgufType::Iq4Nl, "iq4_nl", "llama.cpp IQ4_NL: 32 x 4-bit index into a non-linear 16-value codebook, f16 d (ggml's bytes)", Absmax, F16, 32),
    SchemeInfo::gguf(GgufType::Tq1_0, "tq1_0", "llama.cpp TQ1_0: 256 ternary (BitNet b1.58), 5 trits per byte, f16 d (ggml's bytes)", Absmax, F16, 256),
    SchemeInfo::gguf(GgufType::Tq2_0, "tq2_0", "llama.cpp TQ2_0: 256 ternary (BitNet b1.58), 2 bits each, f16 d (ggml's bytes)", Absmax, F16, 256),
    SchemeInfo::gguf(GgufType::Mxfp4, "mxfp4_gguf", "llama.cpp MXFP4: E8M0 byte, 32 x E2M1, elements 0-15 in low nibbles, ties toward zero (ggml's bytes)", SharedExponent, E8M0, 32),
];

/// Looks up a registry row by id (templates by their template id).
pub fn info(id: &str) -> Option<&'static SchemeInfo> {
    SCHEMES.iter().find(|s| s.id == id)
}
