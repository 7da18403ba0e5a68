//! Quantizers: block formats as data, one implementation each.
//!
//! Every scheme Lowbit knows is one row of [`SCHEMES`] (plus the two parametric families
//! `cast:FORMAT` and `absmax:FORMAT`): a block format — element format × block size × scale
//! rule × scale format × optional second-level scale, see [`block`] for the design and how
//! MX, NVFP4, bitsandbytes, the integer schemes, LLM.int8(), BitNet and the GGUF types are all
//! instances of it. A [`Scheme`] is a row resolved against the catalogue.
//!
//! One path per scheme, and it is the fast one: [`Scheme::encode`] (the kernels: SIMD on
//! x86_64, branch-free scalar elsewhere) gives the codes and scales, [`Scheme::dequantize`]
//! the reconstruction; [`Scheme::quantize`], which the app and `lowbit quantize` call, is
//! exactly these two, and `lowbit bench` times exactly these two. The step-by-step
//! [`TraceRow`]s (absmax, scale, x/scale, rounded, clamped, code, dequantized, error) are
//! computed on demand for the rows asked for ([`Scheme::trace`]; all of them with
//! [`Options::trace`]), from the stored scales, by the same scalar element functions the
//! kernels use; the tests check that they give the kernels' codes.
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

mod arith;
mod bitnet;
pub mod block;
pub mod bnb;
mod codes;
pub mod facts;
mod float;
mod ggml;
mod int;
pub mod mx;
pub mod normal;
pub mod pack;
mod remark;
mod simd;
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
mod simd_wasm;

use std::ops::Range;

pub use block::{info, BlockSizes, Granularity, ScaleFormat, ScaleRule, SchemeInfo, SecondLevel, SCHEMES};
pub use codes::Codes;
pub use pack::NibbleOrder;
pub use remark::Remark;

use crate::codebook::Codebook;
use crate::format::{Format, Kind};

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
    /// A GGUF (ggml) block type: its blocks are run by [`crate::gguf`].
    Gguf(crate::gguf::GgufType),
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
    /// One code per input, stored compactly (read with [`Codes::get`] / [`Codes::iter`]): the
    /// signed integer for int schemes (with the zero point added for zero-point schemes),
    /// −1/0/+1 for ternary and ±1 for binary, the codebook index for NF4 / bnb FP4, the element
    /// code for float elements (for 64-bit formats the bit pattern reinterpreted as i64).
    /// 4-bit codes are the packed bytes themselves ([`Quantized::packed`]).
    pub codes: Codes,
    /// The stored scale per group (as f32): bnb absmax, MX 2^e, NVFP4 E4M3 block scale, int absmax/qmax,
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
    /// LLM.int8(): the fp16 values of the outlier columns, row by row (rows × columns).
    pub outlier_values: Vec<f32>,
    /// The double quantization state, when requested.
    pub double_quant: Option<DoubleQuant>,
    /// The step-by-step trace (when [`Options::trace`] is set; any rows on demand with
    /// [`Scheme::trace`]).
    pub trace: Vec<TraceRow>,
    /// Remarks: clipping, NaN/Inf blocks, substituted options, conventions (typed; `Display`
    /// writes the CLI's English).
    pub notes: Vec<Remark>,
    /// The GGUF types: the blocks exactly as ggml stores them (the input zero-padded to whole
    /// blocks); empty for the other schemes.
    pub blocks: Vec<u8>,
    /// The GGUF types with an additive min (`q4_1`, `q5_1`, `q2_k`, `q4_k`, `q5_k`): the
    /// value of level 0 of each group, beside [`Quantized::scales`] (value = scale · level +
    /// min); empty otherwise.
    pub mins: Vec<f32>,
}


impl Quantized {
    /// The packed bytes of a 4-bit scheme (empty otherwise): nf4 / fp4_bnb put the FIRST
    /// element in the HIGH nibble (bitsandbytes); every other 4-bit scheme puts it in the LOW
    /// nibble (PyTorch float4_e2m1fn_x2, MX libraries, torchao). An odd count pads the last
    /// byte with the code of 0. For the GGUF types: the blocks ([`Quantized::blocks`]).
    pub fn packed(&self) -> &[u8] {
        if self.blocks.is_empty() {
            self.codes.packed()
        } else {
            &self.blocks
        }
    }

    fn empty(scheme: &Scheme, block: usize, granularity: Granularity) -> Quantized {
        Quantized {
            scheme: scheme.id.clone(),
            block,
            granularity,
            codes: Codes::default(),
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
            outlier_values: Vec::new(),
            double_quant: None,
            trace: Vec::new(),
            notes: Vec::new(),
            blocks: Vec::new(),
            mins: Vec::new(),
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
                return Ok(Scheme { id: format!("{prefix}{}", format.id()), info, element: Element::Format(format) });
            }
        }
        let Some(info) = SCHEMES.iter().find(|s| !s.parametric && s.id == lower) else {
            let ids: Vec<&str> = SCHEMES.iter().map(|s| s.id).collect();
            return Err(format!("unknown scheme '{wanted}'; valid: {}", ids.join(", ")));
        };
        if let Some(t) = info.ggml {
            return Ok(Scheme { id: info.id.to_string(), info: *info, element: Element::Gguf(t) });
        }
        let format = Format::parse(info.element).map_err(|e| e.to_string())?;
        let element = match format.kind() {
            Kind::Codebook(book) => Element::Codebook(book),
            // An MX integer element is a fixed-point number with bits − 2 fraction bits
            // (MXINT8: int8 × 2^-6, OCP MX v1.0 §5.3).
            Kind::Int(i) if info.scale_rule == ScaleRule::SharedExponent => {
                Element::Int { bits: i.bits(), step: crate::float::ldexp(1.0, 2 - i.bits() as i32) }
            }
            Kind::Int(i) => Element::Int { bits: i.bits(), step: 1.0 },
            Kind::Float(_) => Element::Format(format),
        };
        Ok(Scheme { id: info.id.to_string(), info: *info, element })
    }

    /// Width of one element code in bits.
    pub fn element_bits(&self) -> u32 {
        match &self.element {
            Element::Codebook(c) => c.bits(),
            Element::Format(f) => f.bits(),
            Element::Int { bits, .. } => *bits,
            Element::Gguf(t) => ggml::code_bits(*t),
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
                let why = match (info.scale_rule, info.second_level) {
                    _ if info.ggml.is_some() => " (ggml fixes the block)",
                    (ScaleRule::SharedExponent, _) => " (OCP MX v1.0 fixes the block at 32)",
                    (_, SecondLevel::TensorAmax) => " (NVFP4 fixes the block at 16)",
                    (_, SecondLevel::DoubleQuant) => " (bitsandbytes' kernels)",
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
        if options.double_quant && info.second_level != SecondLevel::DoubleQuant {
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

    /// Quantizes `input` (a flattened tensor, row-major when [`Options::row_len`] is set):
    /// [`Scheme::encode`], then [`Scheme::dequantize`], then the trace of every row when
    /// [`Options::trace`] is set. Never fails: options the scheme does not accept are replaced
    /// by its defaults, with a note (call [`Scheme::check`] first to refuse them instead).
    pub fn quantize(&self, input: &[f32], options: &Options) -> Quantized {
        let mut q = self.encode(input, options);
        let mut out = Vec::new();
        self.dequantize_into(&q, &mut out);
        q.dequantized = out;
        if options.trace {
            q.trace = self.trace(input, &q, options, 0..input.len());
        }
        q
    }

    /// The hot path: codes, scales, storage and notes of `input` (the `dequantized` and
    /// `trace` fields are left empty). `lowbit bench` times this as "quantize".
    pub fn encode(&self, input: &[f32], options: &Options) -> Quantized {
        let grouping = self.grouping(input.len(), options);
        let mut q = Quantized::empty(self, grouping.size, grouping.granularity);
        if let Err(e) = self.check(options) {
            q.notes.push(Remark::DefaultsUsed(e));
        }
        let info = &self.info;
        match (self.kernel(), &self.element) {
            (Kernel::Bnb, Element::Codebook(book)) => bnb::encode(book, input, grouping.size, options, &mut q),
            (Kernel::Rowwise, _) => int::encode_rowwise(input, grouping, options, &mut q),
            (Kernel::Mx, _) => mx::encode_mx(&self.element, input, options, &mut q),
            (Kernel::TwoLevel, Element::Format(f)) => mx::encode_nvfp4(f, info.scale_format, input, options, &mut q),
            (Kernel::AbsMean, Element::Codebook(book)) => bitnet::encode(book, input, grouping, &mut q),
            (Kernel::Int, Element::Int { bits, .. }) => int::encode(info.scale_rule, *bits, input, grouping, options, &mut q),
            (Kernel::Cast, Element::Format(format)) => float::encode(format, info.scale_rule, input, grouping, &mut q),
            (Kernel::Gguf, Element::Gguf(t)) => ggml::encode(*t, input, options, &mut q),
            _ => q.notes.push(Remark::Unsupported(self.id.clone())),
        }
        // LLM.int8(): each outlier column keeps its values in fp16 plus a 32-bit column index.
        let rows = input.len().div_ceil(grouping.size.max(1)) as u64;
        let extra = q.outlier_columns.len() as u64 * (rows * 16 + 32);
        let storage = cost(self, input.len(), grouping, options, extra);
        q.bits_per_element = storage.bits_per_element;
        q.tensor_bits = storage.tensor_bits;
        q.storage_bytes = storage.bytes;
        if q.clipped > 0 {
            q.notes.push(Remark::Clipped(q.clipped, input.len()));
        }
        q
    }

    /// The reconstruction of an encoded tensor, one f32 per code. `lowbit bench` times this
    /// as "dequantize".
    pub fn dequantize(&self, q: &Quantized) -> Vec<f32> {
        let mut out = Vec::new();
        self.dequantize_into(q, &mut out);
        out
    }

    /// [`Scheme::dequantize`] into a reused buffer (cleared first).
    pub fn dequantize_into(&self, q: &Quantized, out: &mut Vec<f32>) {
        out.clear();
        match (self.kernel(), &self.element) {
            (Kernel::Bnb, Element::Codebook(book)) => bnb::decode(book, q, out),
            (Kernel::Rowwise, _) => int::decode_rowwise(q, out),
            (Kernel::Mx, _) => mx::decode_mx(&self.element, q, out),
            (Kernel::TwoLevel, Element::Format(f)) => mx::decode_nvfp4(f, q, out),
            (Kernel::AbsMean | Kernel::Int, _) => int::decode(q, out),
            (Kernel::Cast, Element::Format(format)) => float::decode(format, q, out),
            (Kernel::Gguf, Element::Gguf(t)) => ggml::decode(*t, q, out),
            _ => out.resize(q.codes.len(), f32::NAN),
        }
    }

    /// The step-by-step rows `rows` (clamped to the input) of `input` quantized as `q`, which
    /// must be this scheme's [`Scheme::quantize`] of `input` with `options`. Each row is
    /// recomputed from the stored scale by the kernel's scalar element function.
    pub fn trace(&self, input: &[f32], q: &Quantized, options: &Options, rows: Range<usize>) -> Vec<TraceRow> {
        let end = rows.end.min(input.len()).min(q.codes.len()).min(q.dequantized.len());
        let rows = rows.start.min(end)..end;
        let mut out = match (self.kernel(), &self.element) {
            (Kernel::Bnb, Element::Codebook(book)) => bnb::trace(book, input, q, rows),
            (Kernel::Rowwise, _) => int::trace_rowwise(input, q, rows),
            (Kernel::Mx, _) => mx::trace_mx(&self.element, input, q, rows),
            (Kernel::TwoLevel, Element::Format(f)) => mx::trace_nvfp4(f, input, q, rows),
            (Kernel::AbsMean, Element::Codebook(book)) => bitnet::trace(book, input, q, rows),
            (Kernel::Int, Element::Int { bits, .. }) => int::trace(self.info.scale_rule, *bits, input, q, rows, options.k),
            (Kernel::Cast, Element::Format(format)) => float::trace(format, self.info.scale_rule, input, q, rows),
            (Kernel::Gguf, Element::Gguf(t)) => ggml::trace(*t, input, q, rows),
            _ => Vec::new(),
        };
        for row in &mut out {
            row.error = row.dequantized - row.input;
        }
        out
    }

    /// Which kernel family runs this block format, read from its parts.
    fn kernel(&self) -> Kernel {
        let info = &self.info;
        match (info.scale_rule, &self.element) {
            (_, Element::Gguf(_)) => Kernel::Gguf,
            (ScaleRule::AbsmaxReciprocal, Element::Codebook(_)) => Kernel::Bnb,
            (ScaleRule::AbsmaxReciprocal, _) => Kernel::Rowwise,
            (ScaleRule::SharedExponent, _) => Kernel::Mx,
            (ScaleRule::Absmax, Element::Format(_)) if info.second_level == SecondLevel::TensorAmax => Kernel::TwoLevel,
            (ScaleRule::AbsMean, _) => Kernel::AbsMean,
            (_, Element::Int { .. }) => Kernel::Int,
            (ScaleRule::None | ScaleRule::Absmax, Element::Format(_)) => Kernel::Cast,
            _ => Kernel::None,
        }
    }
}

/// The kernel families (one per scale rule, with the element kinds it accepts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kernel {
    /// Codebook × f32 absmax reciprocal (bitsandbytes).
    Bnb,
    /// Integer rows × absmax reciprocal, fp16 outliers (LLM.int8()).
    Rowwise,
    /// Shared power-of-two scale (OCP MX).
    Mx,
    /// 4-bit float × narrow-float block scale × f32 tensor scale (NVFP4).
    TwoLevel,
    /// Codebook × mean|x| (BitNet).
    AbsMean,
    /// Integer × absmax / zero point / mean-std.
    Int,
    /// Any format × no scale or absmax.
    Cast,
    /// A GGUF type (ggml's blocks, [`crate::gguf`]).
    Gguf,
    /// No kernel for this combination.
    None,
}

/// Bits per element, per-tensor bits and the exact total for `n` elements.
fn cost(scheme: &Scheme, n: usize, grouping: Grouping, options: &Options, extra_bits: u64) -> Storage {
    let info = &scheme.info;
    if let Element::Gguf(t) = scheme.element {
        // ggml's blocks: whole blocks (the input zero-padded), nothing per tensor.
        let total = (n.div_ceil(t.block_elements()) * t.block_bytes() * 8) as u64;
        return Storage { bits_per_element: t.bits_per_element(), tensor_bits: 0, total_bits: total, bytes: total / 8 };
    }
    let element_bits = scheme.element_bits() as f64;
    let groups = n.div_ceil(grouping.size.max(1)) as u64;
    let size = grouping.size.max(1) as f64;
    let per_tensor = grouping.granularity == Granularity::Tensor;
    let double_quant = info.second_level == SecondLevel::DoubleQuant && options.double_quant;
    let scale_bits = info.scale_format.bits() as u64;
    // (bits per group, bits per tensor)
    let (group_bits, tensor_bits): (u64, u64) = match (info.scale_rule, info.second_level) {
        (ScaleRule::None, _) => (0, 0),
        // The zero point is stored as a 32-bit integer beside the scale.
        (ScaleRule::ZeroPoint, _) => (scale_bits + 32, 0),
        // 8-bit codes of the scales plus the f32 mean subtracted from them.
        _ if double_quant => (8, 32),
        (_, SecondLevel::TensorAmax) => (scale_bits, if options.nvfp4_tensor_scale { 32 } else { 0 }),
        _ => (scale_bits, 0),
    };
    let (mut rate, mut tensor_bits, mut total) = if per_tensor {
        (element_bits, tensor_bits + group_bits, (n as u64) * scheme.element_bits() as u64 + group_bits + tensor_bits)
    } else {
        let rate = element_bits + group_bits as f64 / size;
        (rate, tensor_bits, (n as u64) * scheme.element_bits() as u64 + groups * group_bits + tensor_bits)
    };
    if double_quant {
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
