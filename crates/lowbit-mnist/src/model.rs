//! The seed's network: `nn.Sequential(Linear(784, 128), ReLU, Linear(128, 64), ReLU,
//! Linear(64, 10))` then log-softmax, its PyTorch default initialization, its state_dict as
//! safetensors, and the f32 kernels every scheme shares.

use lowbit_core::rng::SplitMix64;
use safetensors::Dtype;

use crate::data::{dtype_name, parse_safetensors, LoadError, CLASSES, PIXELS};

/// Layer widths: 784 → 128 → 64 → 10.
pub const WIDTHS: [usize; 4] = [PIXELS, 128, 64, CLASSES];
/// Number of Linear layers.
pub const LAYERS: usize = WIDTHS.len() - 1;
/// The state_dict prefix of each Linear layer (`nn.Sequential` indices 0, 2, 4; the ReLUs
/// are 1 and 3).
pub const LAYER_KEYS: [&str; LAYERS] = ["model.0", "model.2", "model.4"];

/// One `nn.Linear(inputs, outputs)`: weight [outputs, inputs] row-major, bias [outputs].
#[derive(Clone, Debug, PartialEq)]
pub struct Linear {
    /// Input features.
    pub inputs: usize,
    /// Output features.
    pub outputs: usize,
    /// Row-major [outputs, inputs], as PyTorch stores it.
    pub weight: Vec<f32>,
    /// [outputs].
    pub bias: Vec<f32>,
}

impl Linear {
    /// PyTorch's default init (`reset_parameters`): `kaiming_uniform_(a=√5)` gives
    /// U(−1/√fan_in, 1/√fan_in) for the weight (gain √(2/(1+5)), bound √3·gain/√fan_in), and the
    /// bias is U(−1/√fan_in, 1/√fan_in). Each uniform is `(2u − 1) · bound` with u the next
    /// [`SplitMix64::next_f32`]; the weight is drawn first, row by row, then the bias.
    pub fn init(inputs: usize, outputs: usize, rng: &mut SplitMix64) -> Linear {
        let bound = 1.0 / (inputs as f32).sqrt();
        let mut draw = || (2.0 * rng.next_f32() - 1.0) * bound;
        let weight = (0..inputs * outputs).map(|_| draw()).collect();
        let bias = (0..outputs).map(|_| draw()).collect();
        Linear { inputs, outputs, weight, bias }
    }

    /// Number of parameters (weight and bias).
    pub fn parameters(&self) -> usize {
        self.weight.len() + self.bias.len()
    }
}

/// The seed's MLP.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    /// The three Linear layers.
    pub layers: [Linear; LAYERS],
}

impl Mlp {
    /// A freshly initialized network, deterministic for `seed` (layers in order, each weight
    /// then bias, from one SplitMix64 stream — see [`Linear::init`]).
    pub fn init(seed: u64) -> Mlp {
        let mut rng = SplitMix64::new(seed);
        Mlp::init_with(&mut rng)
    }

    /// A freshly initialized network drawing from `rng`.
    pub fn init_with(rng: &mut SplitMix64) -> Mlp {
        let l0 = Linear::init(WIDTHS[0], WIDTHS[1], rng);
        let l1 = Linear::init(WIDTHS[1], WIDTHS[2], rng);
        let l2 = Linear::init(WIDTHS[2], WIDTHS[3], rng);
        Mlp { layers: [l0, l1, l2] }
    }

    /// Number of parameters: 109,386.
    pub fn parameters(&self) -> usize {
        self.layers.iter().map(Linear::parameters).sum()
    }

    /// The state_dict as safetensors bytes: `model.{0,2,4}.{weight,bias}`, F32, PyTorch's
    /// shapes, readable by `safetensors.torch.load_file`.
    pub fn to_safetensors(&self) -> Result<Vec<u8>, LoadError> {
        let mut names = Vec::new();
        let mut blobs: Vec<(Vec<usize>, Vec<u8>)> = Vec::new();
        for (key, layer) in LAYER_KEYS.iter().zip(&self.layers) {
            names.push(format!("{key}.weight"));
            blobs.push((vec![layer.outputs, layer.inputs], f32_bytes(&layer.weight)));
            names.push(format!("{key}.bias"));
            blobs.push((vec![layer.outputs], f32_bytes(&layer.bias)));
        }
        let mut views = Vec::new();
        for (name, (shape, bytes)) in names.iter().zip(&blobs) {
            let view = safetensors::tensor::TensorView::new(Dtype::F32, shape.clone(), bytes)
                .map_err(|e| LoadError(format!("{name}: {e}")))?;
            views.push((name.as_str(), view));
        }
        safetensors::serialize(views, None).map_err(|e| LoadError(e.to_string()))
    }

    /// Reads the seed's state_dict from safetensors bytes (`safetensors.torch.save_file(
    /// model.state_dict(), …)`): exactly the six keys `model.{0,2,4}.{weight,bias}`, F32, with
    /// PyTorch's shapes. The error lists every missing or unexpected key, wrong shape and wrong
    /// dtype.
    pub fn from_safetensors(bytes: &[u8]) -> Result<Mlp, LoadError> {
        let file = parse_safetensors(bytes, "weights file")?;
        let mut problems = Vec::new();
        let mut expected = Vec::new();
        for (key, w) in LAYER_KEYS.iter().zip(WIDTHS.windows(2)) {
            expected.push((format!("{key}.weight"), vec![w[1], w[0]]));
            expected.push((format!("{key}.bias"), vec![w[1]]));
        }
        let mut tensors = Vec::new();
        for (name, shape) in &expected {
            match file.tensor(name) {
                Err(_) => problems.push(format!("missing key '{name}' (F32 {shape:?})")),
                Ok(t) => {
                    if t.dtype() != Dtype::F32 {
                        problems.push(format!("'{name}' has dtype {}, expected F32", dtype_name(t.dtype())));
                    }
                    if t.shape() != shape.as_slice() {
                        problems.push(format!("'{name}' has shape {:?}, expected {shape:?}", t.shape()));
                    }
                    tensors.push(t);
                }
            }
        }
        let mut unexpected: Vec<&str> =
            file.names().into_iter().filter(|n| !expected.iter().any(|(e, _)| e == n)).collect();
        unexpected.sort_unstable();
        if !unexpected.is_empty() {
            problems.push(format!(
                "unexpected key(s) {} (the seed's model has model.0, model.2, model.4 weight and bias)",
                unexpected.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ")
            ));
        }
        if !problems.is_empty() {
            return Err(LoadError(format!("weights file: {}", problems.join("; "))));
        }
        let values: Vec<Vec<f32>> = tensors.iter().map(|t| f32_from_bytes(t.data())).collect();
        if let Some(i) = values.iter().position(|v| v.iter().any(|x| !x.is_finite())) {
            return Err(LoadError(format!("weights file: '{}' holds NaN or infinite values", expected[i].0)));
        }
        let mut it = values.into_iter();
        let mut layer = |inputs: usize, outputs: usize| Linear {
            inputs,
            outputs,
            weight: it.next().unwrap_or_default(),
            bias: it.next().unwrap_or_default(),
        };
        let l0 = layer(WIDTHS[0], WIDTHS[1]);
        let l1 = layer(WIDTHS[1], WIDTHS[2]);
        let l2 = layer(WIDTHS[2], WIDTHS[3]);
        Ok(Mlp { layers: [l0, l1, l2] })
    }
}

fn f32_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn f32_from_bytes(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Samples computed together by the batched kernels (one vector of lanes per input feature).
pub const LANES: usize = 8;

/// Copies rows `start..start + L` of `input` [rows, inputs] into `block` transposed,
/// `block[i][r] = input[(start + r) * inputs + i]`, zero-filling missing rows; returns how
/// many rows were real. The kernels take blocks of [`LANES`] rows, and the last rows of a
/// batch (or a single digit) one at a time (`L` = 1), so no work is spent on padding.
#[inline]
pub fn transpose_block<T: Copy + Default, const L: usize>(
    input: &[T],
    inputs: usize,
    start: usize,
    block: &mut Vec<[T; L]>,
) -> usize {
    let rows = input.len().checked_div(inputs).unwrap_or(0);
    let real = rows.saturating_sub(start).min(L);
    block.clear();
    block.resize(inputs, [T::default(); L]);
    for r in 0..real {
        let row = &input[(start + r) * inputs..(start + r + 1) * inputs];
        for (lanes, &v) in block.iter_mut().zip(row) {
            lanes[r] = v;
        }
    }
    real
}

/// The number of rows of a batch the kernels take in blocks of [`LANES`]; the rest go one
/// at a time.
#[inline]
pub fn full_blocks(rows: usize) -> usize {
    rows - rows % LANES
}

/// `y += a · x` over equal-length slices.
#[inline]
pub fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += a * xi;
    }
}

/// One block of `L` samples (transposed, `block[i][r]`) through a plain f32 Linear:
/// `out[r * outputs + o] = (Σ_i weight[o, i] · block[i][r]) + bias[o]` for the `real` rows,
/// each sum in order i = 0, 1, … (a multiply, then an add: no fused multiply-add). Every
/// lane keeps its own accumulator, so vectorizing across the lanes changes no bit.
#[inline(always)]
fn dense_block<const L: usize>(block: &[[f32; L]], weight: &[f32], bias: &[f32], inputs: usize, real: usize, out: &mut [f32]) {
    let outputs = bias.len();
    for (o, (w, b)) in weight.chunks_exact(inputs).zip(bias).enumerate() {
        let mut acc = [0f32; L];
        for (&wi, x) in w.iter().zip(block) {
            for r in 0..L {
                acc[r] += wi * x[r];
            }
        }
        for (r, a) in acc.iter().enumerate().take(real) {
            out[r * outputs + o] = a + b;
        }
    }
}

/// [`dense_block`] compiled with WebAssembly SIMD: the same code, whose lanes LLVM packs into
/// f32x4 multiplies and adds (lane-wise, so every sum keeps its order and rounding).
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
#[target_feature(enable = "simd128")]
fn dense_block_simd128(block: &[[f32; LANES]], weight: &[f32], bias: &[f32], inputs: usize, real: usize, out: &mut [f32]) {
    dense_block(block, weight, bias, inputs, real, out)
}

/// A full block of [`LANES`] samples: [`dense_block`] with WebAssembly SIMD when the crate's
/// `simd128` feature is on on wasm32 (the compute worker), else as compiled for the target.
#[inline]
fn dense_lanes(block: &[[f32; LANES]], weight: &[f32], bias: &[f32], inputs: usize, real: usize, out: &mut [f32], portable: bool) {
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    if !portable {
        // Safe on wasm: an engine without SIMD refuses the whole module, it never misruns it.
        return dense_block_simd128(block, weight, bias, inputs, real, out);
    }
    let _ = portable;
    dense_block(block, weight, bias, inputs, real, out)
}

/// `out[b, o] = (Σ_i weight[o, i] · input[b, i]) + bias[o]` for a batch of rows, the sum taken
/// in order i = 0, 1, … in f32 (no fused multiply-add): the plain f32 Linear every
/// weight-only scheme runs on its dequantized weights, and the reference of the other
/// kernels. [`LANES`] samples are computed side by side (vectorized; WebAssembly SIMD in the
/// compute worker), each in that order; the rows after the last full block one at a time.
pub fn linear_f32(input: &[f32], weight: &[f32], bias: &[f32], inputs: usize, out: &mut Vec<f32>) {
    linear_f32_with(input, weight, bias, inputs, out, false)
}

/// [`linear_f32`] without the WebAssembly SIMD kernel (the same code compiled without
/// simd128): the worker's wasm-bindgen tests compare the two bit for bit. Natively it is
/// [`linear_f32`].
pub fn linear_f32_portable(input: &[f32], weight: &[f32], bias: &[f32], inputs: usize, out: &mut Vec<f32>) {
    linear_f32_with(input, weight, bias, inputs, out, true)
}

fn linear_f32_with(input: &[f32], weight: &[f32], bias: &[f32], inputs: usize, out: &mut Vec<f32>, portable: bool) {
    let outputs = bias.len();
    let inputs = inputs.max(1);
    let rows = input.len() / inputs;
    out.clear();
    out.resize(rows * outputs, 0.0);
    let weight = &weight[..(outputs * inputs).min(weight.len())];
    if weight.len() < outputs * inputs {
        return;
    }
    let full = full_blocks(rows);
    let mut block = Vec::new();
    for start in (0..full).step_by(LANES) {
        let real = transpose_block::<f32, LANES>(input, inputs, start, &mut block);
        dense_lanes(&block, weight, bias, inputs, real, &mut out[start * outputs..], portable);
    }
    let mut single = Vec::new();
    for start in full..rows {
        let real = transpose_block::<f32, 1>(input, inputs, start, &mut single);
        dense_block(&single, weight, bias, inputs, real, &mut out[start * outputs..]);
    }
}

/// ReLU in place.
pub fn relu(values: &mut [f32]) {
    for v in values {
        *v = v.max(0.0);
    }
}

/// log-softmax of one row of logits, in place (max subtracted first, as PyTorch does).
pub fn log_softmax(row: &mut [f32]) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = row.iter().map(|&z| (z - max).exp()).sum();
    let log_sum = sum.ln();
    for z in row {
        *z = *z - max - log_sum;
    }
}

/// Index of the largest value (the first one on ties, as `argmax`); 0 for an empty row.
pub fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in row.iter().enumerate() {
        if v > row[best] {
            best = i;
        }
    }
    best
}
