//! Quantizers: an element format × a block size × a scale rule.
//!
//! Every scheme Lowbit knows is one row of [`SCHEMES`] (plus the two parametric families
//! `cast:FORMAT` and `absmax:FORMAT`). A [`Scheme`] pairs an [`Element`] (a codebook, an
//! integer or a float format) with a [`ScaleRule`] (none, absmax, zero point, mean-std,
//! bitsandbytes absmax, OCP MX shared exponent, NVFP4 two-level, LLM.int8() row-wise, BitNet
//! absmean) and a grouping ([`Granularity`] and block size). [`Scheme::quantize`] turns `f32`
//! inputs into a [`Quantized`] record: codes, packed bytes, scales, dequantized values, the exact
//! storage cost and, on request, a step-by-step [`TraceRow`] per element.
//!
//! Everything here is pure and never panics: NaN, ±Inf, empty input and all-zero blocks give
//! defined results, explained in [`Quantized::notes`].
//!
//! Tie rules (values exactly halfway between two levels):
//! - `nf4`, `fp4_bnb`: bitsandbytes' CUDA comparison tree `s > t` with `t` the f32 midpoint, so a
//!   tie goes to the level nearer −∞ (NF4) or to the smaller magnitude (FP4, compared on |s|).
//! - integer schemes: round half to even (`torch.round`), after the division in f32.
//! - float elements (`cast:`, `absmax:`, MX, NVFP4): round to nearest, ties to even, from the
//!   exact f32 value (E8M0 ties up in `cast:float8_e8m0fnu`, as ml_dtypes does).

mod bitnet;
pub mod bnb;
mod float;
mod int;
pub mod mx;
pub mod normal;
pub mod pack;
mod simd;

use crate::codebook::{self, Codebook};
use crate::format::Format;

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

/// The OCP MX shared-scale rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum MxScaleRule {
    /// The OCP MX v1.0 rule: X = 2^(floor(log2 amax) − emax_elem). The largest element may be
    /// clipped (MXFP4: amax 7.9 → X = 1, 7.9 → 6).
    #[default]
    Floor,
    /// Round the scale up: the smallest power of two X with amax / X ≤ the element's max
    /// (NVIDIA's / torchao's "RCEIL"). Never clips; may waste one binade.
    Ceil,
}

impl MxScaleRule {
    /// The CLI name: `floor` or `ceil`.
    pub fn name(self) -> &'static str {
        match self {
            MxScaleRule::Floor => "floor",
            MxScaleRule::Ceil => "ceil",
        }
    }

    /// Parses `floor` or `ceil`.
    pub fn parse(name: &str) -> Result<MxScaleRule, String> {
        match name.trim() {
            "floor" => Ok(MxScaleRule::Floor),
            "ceil" => Ok(MxScaleRule::Ceil),
            other => Err(format!("unknown MX scale rule '{other}'; valid: floor, ceil")),
        }
    }
}

/// Options of a quantization run. `Options::default()` gives every scheme's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Elements per block; None = the scheme's default ([`SchemeInfo::default_block`]).
    pub block: Option<usize>,
    /// Scale granularity; None = the scheme's default.
    pub granularity: Option<Granularity>,
    /// Row length (number of columns) of a 2-D input stored row-major; None = one row.
    pub row_len: Option<usize>,
    /// Mean-std schemes: clip at mean ± k·std (default 3).
    pub k: f64,
    /// OCP MX scale rule (default floor).
    pub mx_scale: MxScaleRule,
    /// `nf4` / `fp4_bnb`: QLoRA double quantization of the absmax values.
    pub double_quant: bool,
    /// `int8_rowwise`: |x| ≥ threshold marks an outlier column kept in fp16 (default 6.0;
    /// 0 disables the decomposition).
    pub outlier_threshold: f64,
    /// `nvfp4`: use the f32 per-tensor scale (two-level, default) or not (single level, p = 1).
    pub nvfp4_tensor_scale: bool,
    /// Record a [`TraceRow`] per element.
    pub trace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            block: None,
            granularity: None,
            row_len: None,
            k: 3.0,
            mx_scale: MxScaleRule::Floor,
            double_quant: false,
            outlier_threshold: 6.0,
            nvfp4_tensor_scale: true,
            trace: false,
        }
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

/// How a scheme turns a group of inputs into a scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScaleRule {
    /// No scale: a direct, element-wise cast.
    None,
    /// Symmetric: scale = max|x| / max element value; x / scale is cast.
    Absmax,
    /// Asymmetric: scale = (max − min) / (qmax − qmin), zero point = round(qmin − min / scale).
    ZeroPoint,
    /// Symmetric, clipped: scale = min(max|x|, |mean| + k·std) / qmax.
    MeanStd,
    /// bitsandbytes: f32 absmax per block, x · (1/absmax) in f32 to the codebook's tree.
    BnbAbsmax,
    /// OCP MX: a shared E8M0 power of two per block of 32.
    MxShared,
    /// NVFP4: an E4M3 block scale per 16 elements and one f32 tensor scale.
    NvFp4,
    /// LLM.int8(): per-row absmax, round(127 · x / rowmax), outlier columns kept in fp16.
    Int8Rowwise,
    /// BitNet b1.58: γ = mean|W|, clamp(round(W / γ)).
    AbsMean,
}

impl ScaleRule {
    /// A short name for the UI.
    pub fn name(self) -> &'static str {
        match self {
            ScaleRule::None => "none",
            ScaleRule::Absmax => "absmax",
            ScaleRule::ZeroPoint => "zero-point",
            ScaleRule::MeanStd => "mean-std",
            ScaleRule::BnbAbsmax => "bnb-absmax",
            ScaleRule::MxShared => "mx-e8m0",
            ScaleRule::NvFp4 => "nvfp4-e4m3-f32",
            ScaleRule::Int8Rowwise => "llm-int8-rowwise",
            ScaleRule::AbsMean => "absmean",
        }
    }
}

/// One row of the scheme registry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SchemeInfo {
    /// The id the CLI and the app take (`cast:FORMAT` / `absmax:FORMAT` are templates).
    pub id: &'static str,
    /// One line for a picker or `--help`.
    pub description: &'static str,
    /// The element format's catalogue id (`FORMAT` for the templates).
    pub element: &'static str,
    /// The scale rule.
    pub scale_rule: ScaleRule,
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
}

const ALL_GRANULARITIES: &[Granularity] = &[Granularity::Tensor, Granularity::Row, Granularity::Block];
const BLOCK_ONLY: &[Granularity] = &[Granularity::Block];
const ROW_ONLY: &[Granularity] = &[Granularity::Row];
const TENSOR_ONLY: &[Granularity] = &[Granularity::Tensor];
const BNB_BLOCKS: BlockSizes = BlockSizes::PowersOfTwo { min: 32, max: 4096 };
const ANY_BLOCK: BlockSizes = BlockSizes::Range { min: 1, max: 1 << 24 };

#[allow(clippy::too_many_arguments)]
const fn entry(
    id: &'static str,
    description: &'static str,
    element: &'static str,
    scale_rule: ScaleRule,
    default_block: Option<usize>,
    allowed_blocks: BlockSizes,
    default_granularity: Granularity,
    granularities: &'static [Granularity],
) -> SchemeInfo {
    SchemeInfo { id, description, element, scale_rule, default_block, allowed_blocks, default_granularity, granularities, parametric: false }
}

/// Every scheme, in the order a picker lists them. The CLI, the app and the docs read this.
pub const SCHEMES: &[SchemeInfo] = &[
    entry("nf4", "bitsandbytes NF4 (QLoRA): f32 absmax per block, 16 normal quantiles, bit-identical to the CUDA kernel", "nf4", ScaleRule::BnbAbsmax, Some(64), BNB_BLOCKS, Granularity::Block, BLOCK_ONLY),
    entry("fp4_bnb", "bitsandbytes FP4: f32 absmax per block, sign + 3-bit table (not E2M1), bit-identical to the CUDA kernel", "fp4_bnb", ScaleRule::BnbAbsmax, Some(64), BNB_BLOCKS, Granularity::Block, BLOCK_ONLY),
    entry("int8_absmax", "symmetric INT8: scale = absmax / 127, q = round(x / scale)", "int8", ScaleRule::Absmax, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    entry("int4_absmax", "symmetric INT4: scale = absmax / 7, q = round(x / scale)", "int4", ScaleRule::Absmax, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    entry("int8_zeropoint", "asymmetric INT8: scale = (max - min) / 255, zero point = round(-128 - min / scale)", "int8", ScaleRule::ZeroPoint, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    entry("int4_zeropoint", "asymmetric INT4: scale = (max - min) / 15, zero point = round(-8 - min / scale)", "int4", ScaleRule::ZeroPoint, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    entry("int8_meanstd", "symmetric INT8 clipped at mean +- k std (--k, default 3): scale = min(absmax, |mean| + k std) / 127", "int8", ScaleRule::MeanStd, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    entry("int4_meanstd", "symmetric INT4 clipped at mean +- k std (--k, default 3): scale = min(absmax, |mean| + k std) / 7", "int4", ScaleRule::MeanStd, Some(64), ANY_BLOCK, Granularity::Block, ALL_GRANULARITIES),
    SchemeInfo { id: "cast:FORMAT", description: "direct cast to any catalogue format (ml_dtypes rounding and overflow), no scale", element: "FORMAT", scale_rule: ScaleRule::None, default_block: None, allowed_blocks: BlockSizes::None, default_granularity: Granularity::Tensor, granularities: TENSOR_ONLY, parametric: true },
    SchemeInfo { id: "absmax:FORMAT", description: "absmax scale onto any catalogue format: absmax maps to the format's max (e.g. 448 for float8_e4m3fn), saturating cast", element: "FORMAT", scale_rule: ScaleRule::Absmax, default_block: Some(64), allowed_blocks: ANY_BLOCK, default_granularity: Granularity::Tensor, granularities: ALL_GRANULARITIES, parametric: true },
    entry("mxfp8_e4m3", "OCP MXFP8 E4M3: 32 x float8_e4m3fn + one E8M0 scale", "float8_e4m3fn", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("mxfp8_e5m2", "OCP MXFP8 E5M2: 32 x float8_e5m2 + one E8M0 scale", "float8_e5m2", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("mxfp6_e2m3", "OCP MXFP6 E2M3: 32 x float6_e2m3fn + one E8M0 scale", "float6_e2m3fn", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("mxfp6_e3m2", "OCP MXFP6 E3M2: 32 x float6_e3m2fn + one E8M0 scale", "float6_e3m2fn", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("mxfp4", "OCP MXFP4: 32 x float4_e2m1fn + one E8M0 scale", "float4_e2m1fn", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("mxint8", "OCP MXINT8: 32 x int8 * 2^-6 + one E8M0 scale", "int8", ScaleRule::MxShared, Some(32), BlockSizes::Exactly(32), Granularity::Block, BLOCK_ONLY),
    entry("nvfp4", "NVIDIA NVFP4: 16 x float4_e2m1fn + one E4M3 block scale, one f32 tensor scale (torchao)", "float4_e2m1fn", ScaleRule::NvFp4, Some(16), BlockSizes::Exactly(16), Granularity::Block, BLOCK_ONLY),
    entry("int8_rowwise", "LLM.int8(): per-row absmax, q = round(127 x / rowmax); outlier columns (|x| >= 6.0) kept in fp16", "int8", ScaleRule::Int8Rowwise, None, BlockSizes::None, Granularity::Row, ROW_ONLY),
    entry("ternary", "BitNet b1.58: gamma = mean|W|, q = clamp(round(W / gamma), -1, 1), value q * gamma", "ternary", ScaleRule::AbsMean, Some(64), ANY_BLOCK, Granularity::Tensor, ALL_GRANULARITIES),
    entry("binary", "1-bit: sign(W) * mean|W| (sign(0) = +1)", "binary", ScaleRule::AbsMean, Some(64), ANY_BLOCK, Granularity::Tensor, ALL_GRANULARITIES),
];

/// The element format of a scheme.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    /// A lookup table (NF4, bnb FP4, ternary, binary).
    Codebook(&'static Codebook),
    /// Any catalogue or custom format, used through the exact encoder (`cast:`, `absmax:`, MX
    /// float elements, NVFP4's E2M1).
    Format(Format),
    /// A signed integer of `bits` bits; `step` is its implicit scale (1, or 2^-6 for MXINT8).
    Int {
        /// Width in bits.
        bits: u32,
        /// The value of code 1 (MXINT8: 2^-6).
        step: f64,
    },
}

/// A parsed, ready-to-run scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheme {
    /// The id as given (canonical: `cast:` / `absmax:` carry the format's canonical id).
    pub id: String,
    /// The registry row (for the templates, the template row).
    pub info: SchemeInfo,
    /// The element format.
    pub element: Element,
}

/// One step-by-step row of a trace (all numbers as computed, f32 values widened to f64).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TraceRow {
    /// Position in the flattened input.
    pub index: usize,
    /// Index of the scale group (block, row, or 0 for the tensor).
    pub group: usize,
    /// The input x.
    pub input: f64,
    /// The group statistic the scale comes from (absmax; max − min for zero point; the
    /// clipping threshold for mean-std; mean|W| for BitNet; the tensor amax for casts).
    pub absmax: f64,
    /// The scale: dequantized = (code value − zero point) × scale.
    pub scale: f64,
    /// The zero point (0 for symmetric schemes).
    pub zero_point: f64,
    /// The value handed to the element format: x / scale (+ zero point).
    pub scaled: f64,
    /// The element value after rounding, before clamping to the element's range.
    pub rounded: f64,
    /// The element value after clamping (for codebooks and floats: the chosen level).
    pub clamped: f64,
    /// Whether clamping / saturation changed the value (the input was clipped).
    pub clipped: bool,
    /// The code (signed integer for int schemes, codebook index or float code otherwise).
    pub code: i64,
    /// The dequantized value.
    pub dequantized: f64,
    /// dequantized − input.
    pub error: f64,
}

/// QLoRA double quantization of the bnb absmax values.
#[derive(Clone, Debug, PartialEq)]
pub struct DoubleQuant {
    /// The mean subtracted from every absmax (one f32 per tensor).
    pub offset: f32,
    /// 8-bit codes (bitsandbytes' dynamic map), one per 4-bit block.
    pub codes: Vec<u8>,
    /// The f32 absmax of each group of 256 (absmax − offset) values.
    pub absmax: Vec<f32>,
    /// The absmax values as the 4-bit quantizer computed them (before compression).
    pub exact_scales: Vec<f32>,
    /// Bits per element saved against storing every absmax as f32.
    pub bits_saved_per_element: f64,
}

/// The result of quantizing a tensor.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantized {
    /// The scheme id.
    pub scheme: String,
    /// The block size in effect (the row length for row granularity, n for tensor).
    pub block: usize,
    /// The granularity in effect.
    pub granularity: Granularity,
    /// One code per input: the signed integer for int schemes (with the zero point added for
    /// zero-point schemes), −1/0/+1 for ternary and ±1 for binary, the codebook index for
    /// NF4 / bnb FP4, the element code for float elements (for 64-bit formats the bit pattern
    /// reinterpreted as i64).
    pub codes: Vec<i64>,
    /// Packed bytes of 4-bit schemes (empty otherwise): nf4 / fp4_bnb put the FIRST element in
    /// the HIGH nibble (bitsandbytes); every other 4-bit scheme puts it in the LOW nibble
    /// (PyTorch float4_e2m1fn_x2, MX libraries, torchao). An odd count pads the last byte with
    /// the code of 0.
    pub packed: Vec<u8>,
    /// The stored scale per group: bnb absmax, MX 2^e, NVFP4 E4M3 block scale, int absmax/qmax,
    /// LLM.int8() row absmax, BitNet γ. With double quantization, the absmax values as
    /// dequantized from their 8-bit codes (the ones dequantization uses).
    pub scales: Vec<f32>,
    /// The raw code of each scale where the scale is itself a small format (E8M0 for MX, E4M3
    /// for NVFP4); empty otherwise.
    pub scale_codes: Vec<u8>,
    /// NVFP4's f32 per-tensor scale.
    pub tensor_scale: Option<f32>,
    /// The zero point per group (zero-point schemes; empty otherwise).
    pub zero_points: Vec<i64>,
    /// The reconstruction, one per input.
    pub dequantized: Vec<f32>,
    /// Storage rate: bits per element including the per-group scales, excluding the per-tensor
    /// constants counted in [`Quantized::tensor_bits`] (NF4 b64: 4.5; MXFP4: 4.25).
    pub bits_per_element: f64,
    /// Bits stored once per tensor (NVFP4's f32 scale, a per-tensor int scale, the double
    /// quantization offset, …).
    pub tensor_bits: u64,
    /// Exact storage of this tensor in bytes (codes, scales, zero points, tensor constants).
    pub storage_bytes: u64,
    /// The number of inputs that were clipped (saturated) by the element's range.
    pub clipped: usize,
    /// LLM.int8(): the outlier columns kept in fp16.
    pub outlier_columns: Vec<usize>,
    /// The double quantization state, when requested.
    pub double_quant: Option<DoubleQuant>,
    /// The step-by-step trace (when [`Options::trace`] is set).
    pub trace: Vec<TraceRow>,
    /// Human-readable remarks: clipping, NaN/Inf blocks, substituted options, conventions.
    pub notes: Vec<String>,
}

impl Quantized {
    /// Appends one element's result (`row.error` is derived here): its code, its
    /// reconstruction, the clipping count, and the trace row when `trace` is set.
    fn record(&mut self, row: TraceRow, trace: bool) {
        self.clipped += row.clipped as usize;
        self.codes.push(row.code);
        self.dequantized.push(row.dequantized as f32);
        if trace {
            self.trace.push(TraceRow { error: row.dequantized - row.input, ..row });
        }
    }

    fn empty(scheme: &Scheme, block: usize, granularity: Granularity) -> Quantized {
        Quantized {
            scheme: scheme.id.clone(),
            block,
            granularity,
            codes: Vec::new(),
            packed: Vec::new(),
            scales: Vec::new(),
            scale_codes: Vec::new(),
            tensor_scale: None,
            zero_points: Vec::new(),
            dequantized: Vec::new(),
            bits_per_element: 0.0,
            tensor_bits: 0,
            storage_bytes: 0,
            clipped: 0,
            outlier_columns: Vec::new(),
            double_quant: None,
            trace: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Exact storage cost of a scheme for a tensor shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Storage {
    /// Bits per element including per-group scales (the rate quoted in papers).
    pub bits_per_element: f64,
    /// Bits stored once per tensor.
    pub tensor_bits: u64,
    /// Total bits for the shape (whole groups counted, the last possibly short).
    pub total_bits: u64,
    /// Total bytes (total bits rounded up to a byte).
    pub bytes: u64,
}

/// A resolved run configuration (after defaults and validation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Grouping {
    pub granularity: Granularity,
    /// Elements per group (for Tensor: n, at least 1).
    pub size: usize,
}

impl Scheme {
    /// Resolves a scheme id: a registry id (`nf4`, `mxfp4`, …), `cast:FORMAT` or
    /// `absmax:FORMAT` with any catalogue or custom format id. The error names the valid ids.
    pub fn parse(id: &str) -> Result<Scheme, String> {
        let wanted = id.trim();
        let lower = wanted.to_ascii_lowercase();
        for (prefix, template) in [("cast:", "cast:FORMAT"), ("absmax:", "absmax:FORMAT")] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                let format = Format::parse(rest).map_err(|e| format!("scheme '{wanted}': {e}"))?;
                let info = *SCHEMES.iter().find(|s| s.id == template).unwrap_or(&SCHEMES[0]);
                return Ok(Scheme { id: format!("{prefix}{}", format.id), info, element: Element::Format(format) });
            }
        }
        let Some(info) = SCHEMES.iter().find(|s| !s.parametric && s.id == lower) else {
            let ids: Vec<&str> = SCHEMES.iter().map(|s| s.id).collect();
            return Err(format!("unknown scheme '{wanted}'; valid: {}", ids.join(", ")));
        };
        let element = match info.id {
            "nf4" => Element::Codebook(&codebook::NF4),
            "fp4_bnb" => Element::Codebook(&codebook::FP4_BNB),
            "ternary" => Element::Codebook(&codebook::TERNARY),
            "binary" => Element::Codebook(&codebook::BINARY),
            "mxint8" => Element::Int { bits: 8, step: 1.0 / 64.0 },
            _ if info.element.starts_with("int") => {
                Element::Int { bits: if info.element == "int8" { 8 } else { 4 }, step: 1.0 }
            }
            _ => Element::Format(Format::parse(info.element).map_err(|e| e.to_string())?),
        };
        Ok(Scheme { id: info.id.to_string(), info: *info, element })
    }

    /// Width of one element code in bits.
    pub fn element_bits(&self) -> u32 {
        match &self.element {
            Element::Codebook(c) => c.bits,
            Element::Format(f) => f.bits(),
            Element::Int { bits, .. } => *bits,
        }
    }

    /// Checks options against the scheme: block sizes outside the spec (MX: 32, NVFP4: 16,
    /// bnb: powers of two 32..4096), granularities the scheme lacks, a bad k or row length.
    pub fn check(&self, options: &Options) -> Result<(), String> {
        let info = &self.info;
        if let Some(block) = options.block {
            if info.allowed_blocks == BlockSizes::None {
                return Err(format!("{} has no blocks; drop --block", self.id));
            }
            if !info.allowed_blocks.allows(block) {
                let why = match info.scale_rule {
                    ScaleRule::MxShared => " (OCP MX v1.0 fixes the block at 32)",
                    ScaleRule::NvFp4 => " (NVFP4 fixes the block at 16)",
                    ScaleRule::BnbAbsmax => " (bitsandbytes' kernels)",
                    _ => "",
                };
                return Err(format!("block size {block} is not allowed for {}{why}; valid: {}", self.id, info.allowed_blocks.describe()));
            }
        }
        if let Some(g) = options.granularity {
            if !info.granularities.contains(&g) {
                let valid: Vec<&str> = info.granularities.iter().map(|g| g.name()).collect();
                return Err(format!("granularity '{}' is not available for {}; valid: {}", g.name(), self.id, valid.join(", ")));
            }
            if g != Granularity::Block && options.block.is_some() && info.granularities.len() > 1 {
                return Err(format!("--block applies to block granularity only, not '{}'", g.name()));
            }
        }
        if options.row_len == Some(0) {
            return Err("the row length must be at least 1".into());
        }
        if !(options.k.is_finite() && options.k > 0.0) {
            return Err(format!("k must be a positive number, got {}", options.k));
        }
        if !(options.outlier_threshold.is_finite() && options.outlier_threshold >= 0.0) {
            return Err(format!("the outlier threshold must be a number >= 0, got {}", options.outlier_threshold));
        }
        if options.double_quant && info.scale_rule != ScaleRule::BnbAbsmax {
            return Err(format!("double quantization applies to nf4 and fp4_bnb, not {}", self.id));
        }
        Ok(())
    }

    /// The grouping in effect for `n` elements (invalid options fall back to defaults).
    pub(crate) fn grouping(&self, n: usize, options: &Options) -> Grouping {
        let info = &self.info;
        let mut granularity = options.granularity.filter(|g| info.granularities.contains(g)).unwrap_or(info.default_granularity);
        // An explicit block size on a scheme whose default is per tensor means blocks.
        if options.granularity.is_none() && options.block.is_some() && info.granularities.contains(&Granularity::Block) {
            granularity = Granularity::Block;
        }
        let size = match granularity {
            Granularity::Tensor => n.max(1),
            Granularity::Row => options.row_len.filter(|&r| r > 0).unwrap_or(n.max(1)),
            Granularity::Block => options
                .block
                .filter(|&b| info.allowed_blocks.allows(b))
                .or(info.default_block)
                .unwrap_or(n.max(1)),
        };
        Grouping { granularity, size }
    }

    /// Exact storage for a tensor of `shape` (row-major; the last dimension is the row).
    pub fn storage(&self, shape: &[usize], options: &Options) -> Storage {
        let n: usize = shape.iter().product();
        let mut options = options.clone();
        if shape.len() >= 2 {
            options.row_len = shape.last().copied();
        }
        let grouping = self.grouping(n, &options);
        cost(self, n, grouping, &options, 0)
    }

    /// Quantizes `input` (a flattened tensor, row-major when [`Options::row_len`] is set).
    /// Never fails: options the scheme does not accept are replaced by its defaults, with a
    /// note (call [`Scheme::check`] first to refuse them instead).
    pub fn quantize(&self, input: &[f32], options: &Options) -> Quantized {
        let grouping = self.grouping(input.len(), options);
        let mut q = Quantized::empty(self, grouping.size, grouping.granularity);
        if let Err(e) = self.check(options) {
            q.notes.push(format!("{e}; used the defaults instead"));
        }
        match (self.info.scale_rule, &self.element) {
            (ScaleRule::BnbAbsmax, Element::Codebook(book)) => bnb::run(book, input, grouping.size, options, &mut q),
            (ScaleRule::MxShared, _) => mx::run_mx(self, input, options, &mut q),
            (ScaleRule::NvFp4, _) => mx::run_nvfp4(input, options, &mut q),
            (ScaleRule::Int8Rowwise, _) => int::run_rowwise(input, grouping, options, &mut q),
            (ScaleRule::AbsMean, Element::Codebook(book)) => bitnet::run(book, input, grouping, options, &mut q),
            (ScaleRule::Absmax | ScaleRule::ZeroPoint | ScaleRule::MeanStd, Element::Int { bits, .. }) => {
                int::run(self.info.scale_rule, *bits, input, grouping, options, &mut q)
            }
            (ScaleRule::None | ScaleRule::Absmax, Element::Format(format)) => {
                float::run(format, self.info.scale_rule, input, grouping, options, &mut q)
            }
            _ => q.notes.push(format!("{} cannot run: unsupported combination", self.id)),
        }
        // LLM.int8(): each outlier column keeps its values in fp16 plus a 32-bit column index.
        let rows = input.len().div_ceil(grouping.size.max(1)) as u64;
        let extra = q.outlier_columns.len() as u64 * (rows * 16 + 32);
        let storage = cost(self, input.len(), grouping, options, extra);
        q.bits_per_element = storage.bits_per_element;
        q.tensor_bits = storage.tensor_bits;
        q.storage_bytes = storage.bytes;
        if q.clipped > 0 {
            q.notes.push(format!("{} of {} inputs were clipped to the element's range", q.clipped, input.len()));
        }
        q
    }
}

/// Bits per element, per-tensor bits and the exact total for `n` elements.
fn cost(scheme: &Scheme, n: usize, grouping: Grouping, options: &Options, extra_bits: u64) -> Storage {
    let element_bits = scheme.element_bits() as f64;
    let groups = n.div_ceil(grouping.size.max(1)) as u64;
    let size = grouping.size.max(1) as f64;
    let per_tensor = grouping.granularity == Granularity::Tensor;
    // (bits per group, bits per tensor)
    let (group_bits, tensor_bits): (u64, u64) = match scheme.info.scale_rule {
        ScaleRule::None => (0, 0),
        ScaleRule::Absmax | ScaleRule::MeanStd | ScaleRule::AbsMean => (32, 0),
        ScaleRule::ZeroPoint => (64, 0),
        ScaleRule::BnbAbsmax if options.double_quant => (8, 32),
        ScaleRule::BnbAbsmax => (32, 0),
        ScaleRule::MxShared => (8, 0),
        ScaleRule::NvFp4 => (8, if options.nvfp4_tensor_scale { 32 } else { 0 }),
        ScaleRule::Int8Rowwise => (32, 0),
    };
    let (mut rate, mut tensor_bits, mut total) = if per_tensor {
        (element_bits, tensor_bits + group_bits, (n as u64) * scheme.element_bits() as u64 + group_bits + tensor_bits)
    } else {
        let rate = element_bits + group_bits as f64 / size;
        (rate, tensor_bits, (n as u64) * scheme.element_bits() as u64 + groups * group_bits + tensor_bits)
    };
    if scheme.info.scale_rule == ScaleRule::BnbAbsmax && options.double_quant {
        // One f32 absmax per 256 second-level groups.
        let second = groups.div_ceil(256);
        rate += 32.0 / (size * 256.0);
        total += second * 32;
    }
    total += extra_bits;
    if n == 0 {
        total = 0;
        tensor_bits = 0;
    }
    Storage { bits_per_element: rate, tensor_bits, total_bits: total, bytes: total.div_ceil(8) }
}

/// Looks up a registry row by id (templates by their template id).
pub fn info(id: &str) -> Option<&'static SchemeInfo> {
    SCHEMES.iter().find(|s| s.id == id)
}
