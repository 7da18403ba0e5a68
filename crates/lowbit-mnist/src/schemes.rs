//! The evaluation schemes of the MNIST lab and the quantized network that runs them.
//!
//! Every scheme quantizes the weights through lowbit-core's quantizers (one implementation
//! per scheme: [`lowbit_core::quant::Scheme`]); biases stay f32, as in bitsandbytes. How each
//! one then computes a Linear layer:
//!
//! - weight-only schemes (`bfloat16`, `float16`, `float8_*`, `int4_absmax`, `mxfp4`, `nvfp4`,
//!   `fp4_bnb`, `nf4`): the dequantized weights in a plain f32 product — what bitsandbytes'
//!   `LinearFP4` / `LinearNF4` do for a batch (`compute_dtype` = the input's dtype, f32 here);
//! - `ternary`, `binary`: adds and subtracts of the activations where a weight code is +1 / −1
//!   (nothing where it is 0), then ONE multiply by the scale γ per output;
//! - `bitnet_b158`: the same ternary weights, and the layer input quantized per sample to 8 bits
//!   (absmax, `int8_absmax` per row): integer adds and subtracts of the codes, then one multiply
//!   by γ · s_x per output (BitNet b1.58's BitLinear, without its RMSNorm: the seed's model has
//!   none);
//! - `int8_rowwise`: bitsandbytes' `Linear8bitLt(has_fp16_weights=False)` with its default
//!   threshold 0.0 (no outlier decomposition; lowbit-core's `int8_rowwise` defaults to 6.0):
//!   weights cast to f16 then int8 per output row (absmax), the input cast to f16 and int8 per
//!   sample, an i32 product, then `f16(acc · rowstat_x · rowstat_w · 6.200012e-05)` (the kernel's
//!   constant for 1/127²), the f32 bias added and rounded to f16 again, back to f32.

use std::sync::OnceLock;

use lowbit_core::fast::{FastDecoder, FastEncoder};
use lowbit_core::format::Format;
use lowbit_core::quant::{Granularity, Options, Quantized, Scheme};
use lowbit_core::round::{OverflowPolicy, RoundingMode};

use crate::data::LoadError;
use crate::model::{
    argmax, full_blocks, linear_f32, linear_f32_portable, relu, transpose_block, Linear, Mlp, LANES, LAYERS,
};

/// One evaluation scheme of the MNIST lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MnistScheme {
    /// The f32 weights as trained.
    Float32,
    /// Weights cast to bfloat16.
    Bfloat16,
    /// Weights cast to float16.
    Float16,
    /// Per-tensor absmax scale onto float8_e4m3fn (absmax → 448).
    Float8E4m3fn,
    /// Per-tensor absmax scale onto float8_e5m2 (absmax → 57344).
    Float8E5m2,
    /// bitsandbytes `Linear8bitLt(has_fp16_weights=False)`, threshold 0.
    Int8Rowwise,
    /// Symmetric INT4 per output row (absmax / 7).
    Int4Absmax,
    /// bitsandbytes `LinearFP4`: blocks of 64, double-quantized absmax.
    Fp4Bnb,
    /// bitsandbytes `LinearNF4`: blocks of 64, double-quantized absmax.
    Nf4,
    /// OCP MXFP4 (blocks of 32, E8M0 scale).
    Mxfp4,
    /// NVFP4 (blocks of 16, E4M3 scale, f32 tensor scale).
    Nvfp4,
    /// Ternary weights (absmean γ), f32 activations: adds and subtracts only.
    Ternary,
    /// sign(W) · mean|W|: adds and subtracts only.
    Binary,
    /// BitNet b1.58: ternary weights and 8-bit absmax activations per sample.
    BitnetB158,
}

/// Every scheme, in the order of the table.
pub const ALL_SCHEMES: [MnistScheme; 14] = [
    MnistScheme::Float32,
    MnistScheme::Bfloat16,
    MnistScheme::Float16,
    MnistScheme::Float8E4m3fn,
    MnistScheme::Float8E5m2,
    MnistScheme::Int8Rowwise,
    MnistScheme::Int4Absmax,
    MnistScheme::Fp4Bnb,
    MnistScheme::Nf4,
    MnistScheme::Mxfp4,
    MnistScheme::Nvfp4,
    MnistScheme::Ternary,
    MnistScheme::Binary,
    MnistScheme::BitnetB158,
];

/// The schemes quantization-aware training accepts.
pub const QAT_SCHEMES: [MnistScheme; 6] = [
    MnistScheme::Ternary,
    MnistScheme::BitnetB158,
    MnistScheme::Binary,
    MnistScheme::Int4Absmax,
    MnistScheme::Fp4Bnb,
    MnistScheme::Nf4,
];

impl MnistScheme {
    /// The id the CLI, the URL and the JSON use.
    pub fn id(self) -> &'static str {
        match self {
            MnistScheme::Float32 => "float32",
            MnistScheme::Bfloat16 => "bfloat16",
            MnistScheme::Float16 => "float16",
            MnistScheme::Float8E4m3fn => "float8_e4m3fn",
            MnistScheme::Float8E5m2 => "float8_e5m2",
            MnistScheme::Int8Rowwise => "int8_rowwise",
            MnistScheme::Int4Absmax => "int4_absmax",
            MnistScheme::Fp4Bnb => "fp4_bnb",
            MnistScheme::Nf4 => "nf4",
            MnistScheme::Mxfp4 => "mxfp4",
            MnistScheme::Nvfp4 => "nvfp4",
            MnistScheme::Ternary => "ternary",
            MnistScheme::Binary => "binary",
            MnistScheme::BitnetB158 => "bitnet_b158",
        }
    }

    /// One line for `--help` and the UI.
    pub fn description(self) -> &'static str {
        match self {
            MnistScheme::Float32 => "the f32 weights as trained (427.29 KB)",
            MnistScheme::Bfloat16 => "weights cast to bfloat16 (round to nearest even), f32 product",
            MnistScheme::Float16 => "weights cast to float16 (round to nearest even), f32 product",
            MnistScheme::Float8E4m3fn => "per-tensor absmax scale onto float8_e4m3fn (absmax -> 448), saturating",
            MnistScheme::Float8E5m2 => "per-tensor absmax scale onto float8_e5m2 (absmax -> 57344), saturating",
            MnistScheme::Int8Rowwise => {
                "bitsandbytes Linear8bitLt(has_fp16_weights=False) as the seed runs it: threshold 0.0 (core's \
                 int8_rowwise default is 6.0), f16 weights and inputs to int8 per row, int32 accumulate"
            }
            MnistScheme::Int4Absmax => "symmetric INT4 per output row: scale = row absmax / 7",
            MnistScheme::Fp4Bnb => {
                "bitsandbytes LinearFP4 as the seed runs it: blocks of 64, absmax double-quantized (8-bit, blocks of 256)"
            }
            MnistScheme::Nf4 => {
                "bitsandbytes LinearNF4 as the seed runs it: blocks of 64, absmax double-quantized (8-bit, blocks of 256)"
            }
            MnistScheme::Mxfp4 => "OCP MXFP4: 32 x E2M1 + one E8M0 scale per block",
            MnistScheme::Nvfp4 => "NVFP4: 16 x E2M1 + one E4M3 block scale, one f32 tensor scale",
            MnistScheme::Ternary => {
                "ternary weights {-1,0,1} x gamma (absmean per tensor), f32 activations: adds and subtracts, one multiply per output"
            }
            MnistScheme::Binary => "binary weights sign(W) x mean|W| per tensor: adds and subtracts, one multiply per output",
            MnistScheme::BitnetB158 => {
                "BitNet b1.58: ternary weights + 8-bit absmax activations per sample; integer adds, one multiply per output"
            }
        }
    }

    /// Parses an id of [`MnistScheme::id`]; the error lists the valid ids.
    pub fn parse(id: &str) -> Result<MnistScheme, String> {
        let wanted = id.trim();
        ALL_SCHEMES.into_iter().find(|s| s.id() == wanted).ok_or_else(|| {
            let ids: Vec<&str> = ALL_SCHEMES.iter().map(|s| s.id()).collect();
            format!("unknown scheme '{wanted}'; valid: {}", ids.join(", "))
        })
    }

    /// The lowbit-core scheme and options that quantize this scheme's weights of a layer with
    /// `inputs` columns (None for float32).
    pub fn core_scheme(self, inputs: usize) -> Option<(Scheme, Options)> {
        let mut options = Options { row_len: Some(inputs), ..Options::default() };
        let id = match self {
            MnistScheme::Float32 => return None,
            MnistScheme::Bfloat16 => "cast:bfloat16",
            MnistScheme::Float16 => "cast:float16",
            MnistScheme::Float8E4m3fn | MnistScheme::Float8E5m2 => {
                options.granularity = Some(Granularity::Tensor);
                if self == MnistScheme::Float8E4m3fn { "absmax:float8_e4m3fn" } else { "absmax:float8_e5m2" }
            }
            MnistScheme::Int8Rowwise => {
                options.outlier_threshold = 0.0;
                "int8_rowwise"
            }
            MnistScheme::Int4Absmax => {
                options.granularity = Some(Granularity::Row);
                "int4_absmax"
            }
            MnistScheme::Fp4Bnb | MnistScheme::Nf4 => {
                options.block = Some(64);
                options.double_quant = true;
                if self == MnistScheme::Nf4 { "nf4" } else { "fp4_bnb" }
            }
            MnistScheme::Mxfp4 => "mxfp4",
            MnistScheme::Nvfp4 => "nvfp4",
            MnistScheme::Ternary | MnistScheme::BitnetB158 => {
                options.granularity = Some(Granularity::Tensor);
                "ternary"
            }
            MnistScheme::Binary => {
                options.granularity = Some(Granularity::Tensor);
                "binary"
            }
        };
        Scheme::parse(id).ok().map(|s| (s, options))
    }

    /// Bits of one stored weight (32 for float32; 2 for ternary codes, 1 for binary).
    pub fn weight_bits(self) -> u32 {
        self.core_scheme(1).map_or(32, |(s, _)| s.element_bits())
    }
}

/// One scheme per layer (`--layers ID,ID,ID`), or the same scheme for all three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayerSchemes(pub [MnistScheme; LAYERS]);

impl LayerSchemes {
    /// The same scheme in every layer.
    pub fn uniform(scheme: MnistScheme) -> LayerSchemes {
        LayerSchemes([scheme; LAYERS])
    }

    /// Parses `ID,ID,ID` (exactly one id per layer).
    pub fn parse(text: &str) -> Result<LayerSchemes, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        if parts.len() != LAYERS {
            return Err(format!(
                "--layers takes {LAYERS} comma-separated scheme ids (one per Linear layer), got {} in '{text}'",
                parts.len()
            ));
        }
        let mut out = [MnistScheme::Float32; LAYERS];
        for (slot, part) in out.iter_mut().zip(parts) {
            *slot = MnistScheme::parse(part)?;
        }
        Ok(LayerSchemes(out))
    }

    /// The name in the JSON: the id when all layers agree, else `ID,ID,ID`.
    pub fn name(&self) -> String {
        if self.0.iter().all(|&s| s == self.0[0]) {
            self.0[0].id().to_string()
        } else {
            self.0.iter().map(|s| s.id()).collect::<Vec<_>>().join(",")
        }
    }
}

/// f32 → float16 → f32 through lowbit-core's table-driven encoder (tested against the exact
/// kernel), built once.
pub(crate) fn to_f16(values: &mut [f32]) {
    static F16: OnceLock<Option<(FastEncoder, FastDecoder)>> = OnceLock::new();
    let codec = F16.get_or_init(|| {
        let f16 = Format::parse("float16").ok()?;
        let enc = FastEncoder::new(&f16, RoundingMode::NearestEven, OverflowPolicy::Inf)?;
        let dec = FastDecoder::new(&f16)?;
        Some((enc, dec))
    });
    match codec {
        Some((enc, dec)) => {
            for v in values.iter_mut() {
                *v = dec.decode(enc.encode(*v));
            }
        }
        None => {
            if let Ok(s) = Scheme::parse("cast:float16") {
                let q = s.quantize(values, &Options::default());
                values.copy_from_slice(&q.dequantized);
            }
        }
    }
}

/// bitsandbytes' `MM_DEQUANT_CONST` (its f32 stand-in for 1/127²).
#[allow(clippy::excessive_precision)]
pub const MM_DEQUANT_CONST: f32 = 6.200012e-05;

/// Weight codes of ±1 (and 0) in compressed rows: for output o, the input indices whose code
/// is +1 are `plus[plus_start[o]..plus_start[o + 1]]`, likewise `minus`.
#[derive(Clone, Debug, PartialEq)]
pub struct SignRows {
    /// Start of each output's +1 indices (outputs + 1 entries).
    pub plus_start: Vec<u32>,
    /// Input indices with code +1.
    pub plus: Vec<u16>,
    /// Start of each output's −1 indices (outputs + 1 entries).
    pub minus_start: Vec<u32>,
    /// Input indices with code −1.
    pub minus: Vec<u16>,
    /// The scale γ.
    pub scale: f32,
}

impl SignRows {
    fn new(codes: &[i64], inputs: usize, outputs: usize, scale: f32) -> SignRows {
        let (mut plus, mut minus) = (Vec::new(), Vec::new());
        let (mut plus_start, mut minus_start) = (vec![0u32], vec![0u32]);
        for row in codes.chunks(inputs.max(1)).take(outputs) {
            for (i, &c) in row.iter().enumerate() {
                if c > 0 {
                    plus.push(i as u16);
                } else if c < 0 {
                    minus.push(i as u16);
                }
            }
            plus_start.push(plus.len() as u32);
            minus_start.push(minus.len() as u32);
        }
        SignRows { plus_start, plus, minus_start, minus, scale }
    }

    fn row(&self, o: usize) -> (&[u16], &[u16]) {
        let p = self.plus.get(self.plus_start[o] as usize..self.plus_start[o + 1] as usize).unwrap_or(&[]);
        let m = self.minus.get(self.minus_start[o] as usize..self.minus_start[o + 1] as usize).unwrap_or(&[]);
        (p, m)
    }

    /// Nonzero weights (each costs one add or subtract per inference).
    pub fn nonzero(&self) -> usize {
        self.plus.len() + self.minus.len()
    }
}

/// How a quantized layer computes.
#[derive(Clone, Debug, PartialEq)]
pub enum Kernel {
    /// Dequantized weights, plain f32 product.
    Dense,
    /// Ternary / binary codes: adds and subtracts, one multiply per output.
    Signs(SignRows),
    /// BitNet b1.58: ternary codes, 8-bit activations, integer adds.
    BitNet(SignRows),
    /// LLM.int8(): int8 weights per row with their f16 row absmax.
    Int8 {
        /// Weight codes, row-major [outputs, inputs].
        codes: Vec<i8>,
        /// Row absmax of the f16 weights (bnb's SCB).
        row_absmax: Vec<f32>,
    },
}

/// One Linear layer in one scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizedLayer {
    /// The scheme.
    pub scheme: MnistScheme,
    /// Input features.
    pub inputs: usize,
    /// Output features.
    pub outputs: usize,
    /// The dequantized weights [outputs, inputs] (the f32 reference of every kernel).
    pub dequantized: Vec<f32>,
    /// f32 bias.
    pub bias: Vec<f32>,
    /// How the product is computed.
    pub kernel: Kernel,
    /// The core quantizer's record (None for float32).
    pub quantized: Option<Quantized>,
    /// Bits as the seed counts them: weights × element bits + biases × 32.
    pub seed_bits: u64,
    /// Bits with every scale and tensor constant: lowbit-core's exact storage + biases × 32.
    pub true_bits: u64,
}

impl QuantizedLayer {
    /// Quantizes one f32 layer.
    pub fn new(layer: &Linear, scheme: MnistScheme) -> QuantizedLayer {
        let bias_bits = layer.bias.len() as u64 * 32;
        let seed_bits = layer.weight.len() as u64 * scheme.weight_bits() as u64 + bias_bits;
        let Some((core, options)) = scheme.core_scheme(layer.inputs) else {
            return QuantizedLayer {
                scheme,
                inputs: layer.inputs,
                outputs: layer.outputs,
                dequantized: layer.weight.clone(),
                bias: layer.bias.clone(),
                kernel: Kernel::Dense,
                quantized: None,
                seed_bits,
                true_bits: seed_bits,
            };
        };
        let mut source = layer.weight.clone();
        if scheme == MnistScheme::Int8Rowwise {
            // Int8Params: `self.data.contiguous().to(torch.float16)` before quantizing.
            to_f16(&mut source);
        }
        let q = core.quantize(&source, &options);
        let storage = core.storage(&[layer.outputs, layer.inputs], &options);
        let kernel = match scheme {
            MnistScheme::Ternary | MnistScheme::Binary => {
                Kernel::Signs(SignRows::new(&q.codes, layer.inputs, layer.outputs, q.scales.first().copied().unwrap_or(0.0)))
            }
            MnistScheme::BitnetB158 => {
                Kernel::BitNet(SignRows::new(&q.codes, layer.inputs, layer.outputs, q.scales.first().copied().unwrap_or(0.0)))
            }
            MnistScheme::Int8Rowwise => Kernel::Int8 {
                codes: q.codes.iter().map(|&c| c.clamp(-127, 127) as i8).collect(),
                row_absmax: q.scales.clone(),
            },
            _ => Kernel::Dense,
        };
        QuantizedLayer {
            scheme,
            inputs: layer.inputs,
            outputs: layer.outputs,
            dequantized: q.dequantized.clone(),
            bias: layer.bias.clone(),
            kernel,
            quantized: Some(q),
            seed_bits,
            true_bits: storage.total_bits + bias_bits,
        }
    }

    /// Runs the layer on a batch of rows [rows, inputs] into `out` [rows, outputs] (no ReLU).
    /// Rows go in blocks of [`LANES`] (WebAssembly SIMD in the compute worker), the rows after
    /// the last full block one at a time; every sample's sums are the same either way.
    pub fn forward(&self, input: &[f32], out: &mut Vec<f32>) {
        self.forward_with(input, out, false)
    }

    /// [`QuantizedLayer::forward`] without the WebAssembly SIMD kernels (the same code
    /// compiled without simd128): the worker's wasm-bindgen tests compare the two bit for bit.
    /// Natively it is [`QuantizedLayer::forward`].
    pub fn forward_portable(&self, input: &[f32], out: &mut Vec<f32>) {
        self.forward_with(input, out, true)
    }

    fn forward_with(&self, input: &[f32], out: &mut Vec<f32>, portable: bool) {
        let (inputs, outputs) = (self.inputs.max(1), self.outputs);
        let rows = input.len() / inputs;
        let full = full_blocks(rows);
        match &self.kernel {
            Kernel::Dense if portable => linear_f32_portable(input, &self.dequantized, &self.bias, inputs, out),
            Kernel::Dense => linear_f32(input, &self.dequantized, &self.bias, inputs, out),
            Kernel::Signs(signs) => {
                out.clear();
                out.resize(rows * outputs, 0.0);
                let mut block = Vec::new();
                for start in (0..full).step_by(LANES) {
                    let real = transpose_block::<f32, LANES>(input, inputs, start, &mut block);
                    let y = &mut out[start * outputs..];
                    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
                    if !portable {
                        // Safe on wasm: an engine without SIMD refuses the whole module.
                        signs_block_simd128(&block, signs, &self.bias, real, y);
                        continue;
                    }
                    signs_block(&block, signs, &self.bias, real, y);
                }
                let mut single = Vec::new();
                for start in full..rows {
                    let real = transpose_block::<f32, 1>(input, inputs, start, &mut single);
                    signs_block(&single, signs, &self.bias, real, &mut out[start * outputs..]);
                }
            }
            Kernel::BitNet(signs) => {
                let (codes, scales) = quantize_activations_int8(input, inputs);
                let codes: Vec<i32> = codes.into_iter().map(i32::from).collect();
                out.clear();
                out.resize(rows * outputs, 0.0);
                let mut block = Vec::new();
                for start in (0..full).step_by(LANES) {
                    let real = transpose_block::<i32, LANES>(&codes, inputs, start, &mut block);
                    let (y, s) = (&mut out[start * outputs..], &scales[start..]);
                    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
                    if !portable {
                        // Safe on wasm: an engine without SIMD refuses the whole module.
                        bitnet_block_simd128(&block, signs, s, &self.bias, real, y);
                        continue;
                    }
                    bitnet_block(&block, signs, s, &self.bias, real, y);
                }
                let mut single = Vec::new();
                for start in full..rows {
                    let real = transpose_block::<i32, 1>(&codes, inputs, start, &mut single);
                    bitnet_block(&single, signs, &scales[start..], &self.bias, real, &mut out[start * outputs..]);
                }
            }
            Kernel::Int8 { codes, row_absmax } => {
                let (a_codes, a_absmax) = quantize_activations_bnb(input, inputs);
                let a_codes: Vec<i32> = a_codes.into_iter().map(i32::from).collect();
                out.clear();
                out.resize(rows * outputs, 0.0);
                let int8 = Int8Weights { codes, row_absmax, inputs };
                let mut block = Vec::new();
                for start in (0..full).step_by(LANES) {
                    let real = transpose_block::<i32, LANES>(&a_codes, inputs, start, &mut block);
                    let (y, s) = (&mut out[start * outputs..], &a_absmax[start..]);
                    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
                    if !portable {
                        // Safe on wasm: an engine without SIMD refuses the whole module.
                        int8_block_simd128(&block, &int8, s, real, y);
                        continue;
                    }
                    int8_block(&block, &int8, s, real, y);
                }
                let mut single = Vec::new();
                for start in full..rows {
                    let real = transpose_block::<i32, 1>(&a_codes, inputs, start, &mut single);
                    int8_block(&single, &int8, &a_absmax[start..], real, &mut out[start * outputs..]);
                }
                // int8_mm_dequant writes f16, then `out.add_(bias)` (an f32 bias) rounds to f16 again.
                to_f16(out);
                for y in out.chunks_exact_mut(outputs.max(1)) {
                    for (yo, b) in y.iter_mut().zip(&self.bias) {
                        *yo += b;
                    }
                }
                to_f16(out);
            }
        }
        let _ = portable;
    }
}

/// Ternary / binary codes on a block of `L` samples (transposed, `block[i][r]`): per output,
/// the activations under +1 codes added, those under −1 subtracted, in index order, then one
/// multiply by γ and the bias; `out[r * outputs + o]` for the `real` rows.
#[inline(always)]
fn signs_block<const L: usize>(block: &[[f32; L]], signs: &SignRows, bias: &[f32], real: usize, out: &mut [f32]) {
    let outputs = bias.len();
    for (o, b) in bias.iter().enumerate() {
        let (plus, minus) = signs.row(o);
        let mut acc = [0f32; L];
        for &i in plus {
            let Some(x) = block.get(i as usize) else { continue };
            for r in 0..L {
                acc[r] += x[r];
            }
        }
        for &i in minus {
            let Some(x) = block.get(i as usize) else { continue };
            for r in 0..L {
                acc[r] -= x[r];
            }
        }
        for (r, a) in acc.iter().enumerate().take(real) {
            out[r * outputs + o] = a * signs.scale + b;
        }
    }
}

/// BitNet b1.58 on a block of `L` samples' int8 activation codes (as i32): integer adds and
/// subtracts, then one multiply by γ · s_x (`scales[r]`) and the bias.
#[inline(always)]
fn bitnet_block<const L: usize>(block: &[[i32; L]], signs: &SignRows, scales: &[f32], bias: &[f32], real: usize, out: &mut [f32]) {
    let outputs = bias.len();
    for (o, b) in bias.iter().enumerate() {
        let (plus, minus) = signs.row(o);
        let mut acc = [0i32; L];
        for &i in plus {
            let Some(x) = block.get(i as usize) else { continue };
            for r in 0..L {
                acc[r] += x[r];
            }
        }
        for &i in minus {
            let Some(x) = block.get(i as usize) else { continue };
            for r in 0..L {
                acc[r] -= x[r];
            }
        }
        for (r, a) in acc.iter().enumerate().take(real) {
            out[r * outputs + o] = *a as f32 * (signs.scale * scales[r]) + b;
        }
    }
}

/// LLM.int8()'s weights as [`int8_block`] reads them.
struct Int8Weights<'a> {
    codes: &'a [i8],
    row_absmax: &'a [f32],
    inputs: usize,
}

/// LLM.int8() on a block of `L` samples' int8 activation codes (as i32): the i32 product
/// with each weight row, then `acc · rowstat_x · rowstat_w · MM_DEQUANT_CONST` (before the
/// f16 roundings and the bias, which the caller applies to the whole batch).
#[inline(always)]
fn int8_block<const L: usize>(block: &[[i32; L]], weights: &Int8Weights, a_absmax: &[f32], real: usize, out: &mut [f32]) {
    let outputs = weights.row_absmax.len();
    for (o, (w, &sw)) in weights.codes.chunks_exact(weights.inputs).zip(weights.row_absmax).enumerate() {
        let mut acc = [0i32; L];
        for (&wi, x) in w.iter().zip(block) {
            let wi = wi as i32;
            for r in 0..L {
                acc[r] += wi * x[r];
            }
        }
        for (r, a) in acc.iter().enumerate().take(real) {
            out[r * outputs + o] = *a as f32 * a_absmax[r] * sw * MM_DEQUANT_CONST;
        }
    }
}

/// [`signs_block`] compiled with WebAssembly SIMD (lane-wise: the same sums).
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
#[target_feature(enable = "simd128")]
fn signs_block_simd128(block: &[[f32; LANES]], signs: &SignRows, bias: &[f32], real: usize, out: &mut [f32]) {
    signs_block(block, signs, bias, real, out)
}

/// [`bitnet_block`] compiled with WebAssembly SIMD.
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
#[target_feature(enable = "simd128")]
fn bitnet_block_simd128(block: &[[i32; LANES]], signs: &SignRows, scales: &[f32], bias: &[f32], real: usize, out: &mut [f32]) {
    bitnet_block(block, signs, scales, bias, real, out)
}

/// [`int8_block`] compiled with WebAssembly SIMD.
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
#[target_feature(enable = "simd128")]
fn int8_block_simd128(block: &[[i32; LANES]], weights: &Int8Weights, a_absmax: &[f32], real: usize, out: &mut [f32]) {
    int8_block(block, weights, a_absmax, real, out)
}

/// BitNet's activation quantization: each row (sample) of `input` to int8 by lowbit-core's
/// `int8_absmax` per row (scale = row absmax / 127, q = round(x / scale)): (codes, scales).
pub fn quantize_activations_int8(input: &[f32], inputs: usize) -> (Vec<i8>, Vec<f32>) {
    let Ok(scheme) = Scheme::parse("int8_absmax") else { return (Vec::new(), Vec::new()) };
    let options = Options { granularity: Some(Granularity::Row), row_len: Some(inputs.max(1)), ..Options::default() };
    let q = scheme.quantize(input, &options);
    (q.codes.iter().map(|&c| c.clamp(-128, 127) as i8).collect(), q.scales)
}

/// bitsandbytes' `int8_vectorwise_quant(A.to(float16))` with threshold 0: each row cast to
/// f16, then lowbit-core's `int8_rowwise` (q = round(x · 127 / row absmax)): (codes, row absmax).
pub fn quantize_activations_bnb(input: &[f32], inputs: usize) -> (Vec<i8>, Vec<f32>) {
    let mut a16 = input.to_vec();
    to_f16(&mut a16);
    let Some((scheme, options)) = MnistScheme::Int8Rowwise.core_scheme(inputs) else { return (Vec::new(), Vec::new()) };
    let q = scheme.quantize(&a16, &options);
    (q.codes.iter().map(|&c| c.clamp(-127, 127) as i8).collect(), q.scales)
}

/// The network with one scheme per layer.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizedMlp {
    /// The schemes.
    pub schemes: LayerSchemes,
    /// The quantized layers.
    pub layers: Vec<QuantizedLayer>,
}

impl QuantizedMlp {
    /// Quantizes every layer of `mlp`.
    pub fn new(mlp: &Mlp, schemes: LayerSchemes) -> QuantizedMlp {
        let layers = mlp.layers.iter().zip(schemes.0).map(|(l, s)| QuantizedLayer::new(l, s)).collect();
        QuantizedMlp { schemes, layers }
    }

    /// Logits [rows, 10] of normalized inputs [rows, 784] (before log-softmax, which does not
    /// change the prediction).
    pub fn logits(&self, input: &[f32]) -> Vec<f32> {
        let mut x = input.to_vec();
        let mut y = Vec::new();
        for (i, layer) in self.layers.iter().enumerate() {
            layer.forward(&x, &mut y);
            if i + 1 < self.layers.len() {
                relu(&mut y);
            }
            core::mem::swap(&mut x, &mut y);
        }
        x
    }

    /// The predicted digit of each row.
    pub fn predict(&self, input: &[f32]) -> Vec<u8> {
        let logits = self.logits(input);
        logits.chunks_exact(crate::data::CLASSES).map(|row| argmax(row) as u8).collect()
    }

    /// Size in KB as the seed's `get_size_kb` counts it: stored weights + f32 biases, scales
    /// left out, / (8 · 1024).
    pub fn size_kb(&self) -> f64 {
        self.layers.iter().map(|l| l.seed_bits).sum::<u64>() as f64 / 8192.0
    }

    /// Size in KB with every scale and tensor constant.
    pub fn true_size_kb(&self) -> f64 {
        self.true_bits() as f64 / 8192.0
    }

    /// Total stored bits with scales.
    pub fn true_bits(&self) -> u64 {
        self.layers.iter().map(|l| l.true_bits).sum()
    }

    /// True bits divided by the number of parameters (weights and biases).
    pub fn bits_per_parameter(&self) -> f64 {
        let params: usize = self.layers.iter().map(|l| l.dequantized.len() + l.bias.len()).sum();
        self.true_bits() as f64 / params.max(1) as f64
    }

    /// Multiplies and adds per inference in the Linear layers (ReLU, normalization and the
    /// final log-softmax left out; activation quantization counted for BitNet and LLM.int8()).
    pub fn op_counts(&self) -> OpCounts {
        let mut c = OpCounts::default();
        for l in &self.layers {
            let (n, o) = (l.inputs as u64, l.outputs as u64);
            match &l.kernel {
                Kernel::Dense => {
                    c.multiplies += n * o;
                    c.adds += n * o;
                }
                Kernel::Signs(s) => {
                    c.multiplies += o;
                    c.adds += s.nonzero() as u64 + o;
                }
                Kernel::BitNet(s) => {
                    // x / scale per input, one γ · s_x, one scale per output.
                    c.multiplies += o + 1 + n;
                    c.integer_adds += s.nonzero() as u64;
                    c.adds += o;
                }
                Kernel::Int8 { .. } => {
                    c.integer_multiplies += n * o;
                    c.integer_adds += n * o;
                    c.multiplies += n + 3 * o;
                    c.adds += o;
                }
            }
        }
        c
    }
}

/// Arithmetic per inference (one digit).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpCounts {
    /// Floating-point multiplies.
    pub multiplies: u64,
    /// Floating-point adds and subtracts.
    pub adds: u64,
    /// Integer multiplies.
    pub integer_multiplies: u64,
    /// Integer adds and subtracts.
    pub integer_adds: u64,
}

/// The result of one scheme on a test set (the JSON of `lowbit mnist eval`).
#[derive(Clone, Debug, PartialEq)]
pub struct EvalResult {
    /// The scheme name (`nf4`, or `ID,ID,ID` for mixed precision).
    pub scheme: String,
    /// Test accuracy in percent.
    pub accuracy: f64,
    /// Fraction of digits predicted as the f32 model predicts them.
    pub agree_with_fp32: f64,
    /// Size as the seed counts it (KB).
    pub size_kb: f64,
    /// Size with scales (KB).
    pub true_size_kb: f64,
    /// True bits per parameter.
    pub bits_per_parameter: f64,
}

/// Predictions of the f32 model, for [`evaluate`]'s agreement.
pub fn fp32_predictions(mlp: &Mlp, inputs: &[f32]) -> Vec<u8> {
    QuantizedMlp::new(mlp, LayerSchemes::uniform(MnistScheme::Float32)).predict(inputs)
}

/// Scores `mlp` in `schemes` on normalized inputs with labels; `reference` is the f32
/// model's predictions ([`fp32_predictions`]).
pub fn evaluate(mlp: &Mlp, schemes: LayerSchemes, inputs: &[f32], labels: &[u8], reference: &[u8]) -> EvalResult {
    let q = QuantizedMlp::new(mlp, schemes);
    let predicted = q.predict(inputs);
    let n = labels.len().max(1) as f64;
    let correct = predicted.iter().zip(labels).filter(|(p, l)| p == l).count();
    let agree = predicted.iter().zip(reference).filter(|(p, r)| p == r).count();
    EvalResult {
        scheme: schemes.name(),
        accuracy: 100.0 * correct as f64 / n,
        agree_with_fp32: agree as f64 / n,
        size_kb: q.size_kb(),
        true_size_kb: q.true_size_kb(),
        bits_per_parameter: q.bits_per_parameter(),
    }
}

/// Checks a weights file and returns the model, or the loader's message.
pub fn load_weights(bytes: &[u8]) -> Result<Mlp, LoadError> {
    Mlp::from_safetensors(bytes)
}

/// The plain f32 reference of a layer: its dequantized weights (and, for `bitnet_b158` and
/// `int8_rowwise`, its dequantized activations) in [`linear_f32`]. The tests compare every
/// kernel with it.
pub fn reference_forward(layer: &QuantizedLayer, input: &[f32], out: &mut Vec<f32>) {
    let inputs = layer.inputs.max(1);
    match layer.kernel {
        Kernel::BitNet(_) => {
            let (codes, scales) = quantize_activations_int8(input, inputs);
            let x: Vec<f32> =
                codes.chunks_exact(inputs).zip(&scales).flat_map(|(q, &s)| q.iter().map(move |&c| c as f32 * s)).collect();
            linear_f32(&x, &layer.dequantized, &layer.bias, inputs, out);
        }
        Kernel::Int8 { .. } => {
            let (codes, absmax) = quantize_activations_bnb(input, inputs);
            let x: Vec<f32> = codes
                .chunks_exact(inputs)
                .zip(&absmax)
                .flat_map(|(q, &m)| q.iter().map(move |&c| c as f32 * (m / 127.0)))
                .collect();
            linear_f32(&x, &layer.dequantized, &layer.bias, inputs, out);
        }
        _ => linear_f32(input, &layer.dequantized, &layer.bias, inputs, out),
    }
}
