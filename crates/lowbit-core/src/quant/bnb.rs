//! bitsandbytes block-wise 4-bit quantization (NF4 and FP4), bit-identical to its CUDA kernels
//! (`kQuantizeBlockwise`, `kDequantizeBlockwise` in bitsandbytes 0.50), and QLoRA's double
//! quantization of the absmax values.
//!
//! Per block of `block` elements (the last may be short): `absmax = max |x|` in f32 (NaN inputs
//! ignored, as CUDA's `fmaxf`), `inv = 1.0f / absmax`, `s = x * inv` in f32, and the code is
//! bnb's comparison tree on `s` (strict `s > t` against f32 midpoints). Because the tree is
//! monotone, its result equals the number of thresholds below `s` — the branch-free form the
//! hot loop uses ([`nf4_code`], [`fp4_code`]); the literal trees ([`nf4_code_tree`],
//! [`fp4_code_tree`]) are kept for the tests. Dequantization is `table[code] * absmax` in f32,
//! with FP4 code 8 giving −0 as CUDA's `dDequantizeFP4Tree` does. Codes are packed two per byte,
//! the FIRST element in the HIGH nibble.
//!
//! Where Lowbit departs from the kernel: an all-zero block gets the code of 0 (NF4 7, FP4 0)
//! and dequantizes to +0; the kernel computes 0 · (1/0) = NaN there, which its tree sends to
//! code 0 (NF4 −1.0 · 0 = −0). NaN inputs follow the kernel (code 0: NF4 → −absmax, FP4 → 0).

use std::ops::Range;

use super::pack::NibbleOrder;
use super::Remark;
use super::{Codes, DoubleQuant, Options, Quantized, TraceRow};
use crate::codebook::{Codebook, NF4_VALUES};

/// The two bitsandbytes 4-bit data types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bnb4 {
    /// NormalFloat4 (`quant_type="nf4"`).
    Nf4,
    /// bitsandbytes' FP4 (`quant_type="fp4"`), not OCP E2M1.
    Fp4,
}

impl Bnb4 {
    /// The scheme id (`nf4`, `fp4_bnb`).
    pub fn id(self) -> &'static str {
        match self {
            Bnb4::Nf4 => "nf4",
            Bnb4::Fp4 => "fp4_bnb",
        }
    }

    /// The code of +0.0: the first code whose value in [`Bnb4::table`] is +0 (NF4: 7, FP4: 0),
    /// found in the table when the crate is compiled ([`NF4_ZERO_CODE`], [`FP4_ZERO_CODE`]).
    pub fn zero_code(self) -> u8 {
        match self {
            Bnb4::Nf4 => NF4_ZERO_CODE,
            Bnb4::Fp4 => FP4_ZERO_CODE,
        }
    }

    /// The code of a normalized value (the hot-path form).
    #[inline(always)]
    pub fn code(self, s: f32) -> u8 {
        match self {
            Bnb4::Nf4 => nf4_code(s),
            Bnb4::Fp4 => fp4_code(s),
        }
    }

    /// The dequantization table: `value(code) × absmax` is the kernel's output.
    pub fn table(self) -> &'static [f32; 16] {
        match self {
            Bnb4::Nf4 => &NF4_VALUES,
            Bnb4::Fp4 => &FP4_DEQUANT,
        }
    }

    fn of(book: &Codebook) -> Bnb4 {
        if book.values()[0] == -1.0 { Bnb4::Nf4 } else { Bnb4::Fp4 }
    }
}

pub use crate::codebook::{FP4_BNB_THRESHOLDS as FP4_THRESHOLDS, NF4_THRESHOLDS};

/// The first code of a 16-entry dequantization table whose value is +0 (bit for bit: FP4's
/// code 8 holds −0 and is not it). A table without +0 fails to compile.
const fn plus_zero_code(table: &[f32; 16]) -> u8 {
    let mut code = 0;
    while code < table.len() {
        if table[code].to_bits() == 0 {
            return code as u8;
        }
        code += 1;
    }
    panic!("a bitsandbytes table without +0")
}

/// NF4's code of +0, from [`NF4_VALUES`].
pub const NF4_ZERO_CODE: u8 = plus_zero_code(&NF4_VALUES);

/// bitsandbytes FP4's code of +0, from [`FP4_DEQUANT`].
pub const FP4_ZERO_CODE: u8 = plus_zero_code(&FP4_DEQUANT);

/// `fp4_dequantization_lut` of the CUDA kernel, indexed by the low 3 bits.
#[allow(clippy::excessive_precision)]
pub const FP4_LUT: [f32; 8] = [0.0, 0.005_208_333_333, 0.666_666_67, 1.0, 0.333_333_33, 0.5, 0.166_666_67, 0.25];

/// The FP4 dequantization table, sign applied as `dDequantizeFP4Tree` does (code 8 → −0).
pub const FP4_DEQUANT: [f32; 16] = {
    let mut t = [0.0f32; 16];
    let mut i = 0;
    while i < 8 {
        t[i] = FP4_LUT[i];
        t[i + 8] = -FP4_LUT[i];
        i += 1;
    }
    t
};

/// NF4 code of a normalized value: the number of thresholds strictly below `s` (NaN → 0, as
/// the kernel's tree).
#[inline(always)]
pub fn nf4_code(s: f32) -> u8 {
    // Accumulate in f32 lanes (compare, and, add per threshold), convert once: integer
    // accumulators get narrowed to bytes by the vectorizer, which costs two packs per step.
    let mut code = 0f32;
    for t in NF4_THRESHOLDS {
        code += if s > t { 1.0 } else { 0.0 };
    }
    code as u8
}

/// FP4 code of a normalized value: sign bit 8 for s < 0, then the magnitude interval of |s|
/// mapped to bnb's 3-bit code (interval i → i ^ ((i & 2) << 1): 0,1,6,7,4,5,2,3).
#[inline(always)]
pub fn fp4_code(s: f32) -> u8 {
    let a = f32::from_bits(s.to_bits() & 0x7FFF_FFFF);
    let mut interval = 0u32;
    for t in FP4_THRESHOLDS {
        interval += (a > t) as u32;
    }
    let magnitude = interval ^ ((interval & 2) << 1);
    (magnitude | ((s < 0.0) as u32) << 3) as u8
}

/// `dQuantizeNF4`, transcribed branch for branch (reference for the tests).
pub fn nf4_code_tree(x: f32) -> u8 {
    let t = &NF4_THRESHOLDS;
    if x > t[7] {
        if x > t[11] {
            if x > t[13] {
                if x > t[14] { 0b1111 } else { 0b1110 }
            } else if x > t[12] {
                0b1101
            } else {
                0b1100
            }
        } else if x > t[9] {
            if x > t[10] { 0b1011 } else { 0b1010 }
        } else if x > t[8] {
            0b1001
        } else {
            0b1000
        }
    } else if x > t[3] {
        if x > t[5] {
            if x > t[6] { 0b0111 } else { 0b0110 }
        } else if x > t[4] {
            0b0101
        } else {
            0b0100
        }
    } else if x > t[1] {
        if x > t[2] { 0b0011 } else { 0b0010 }
    } else if x > t[0] {
        0b0001
    } else {
        0b0000
    }
}

/// `dQuantizeFP4`, transcribed branch for branch (reference for the tests).
pub fn fp4_code_tree(x: f32) -> u8 {
    let sign = if x < 0.0 { 0b1000 } else { 0 };
    let x = x.abs();
    let t = &FP4_THRESHOLDS;
    if x > t[3] {
        if x > t[5] {
            if x > t[6] { 0b0011 + sign } else { 0b0010 + sign }
        } else if x > t[4] {
            0b101 + sign
        } else {
            0b100 + sign
        }
    } else if x > t[1] {
        if x > t[2] { 0b0111 + sign } else { 0b0110 + sign }
    } else if x > t[0] {
        0b0001 + sign
    } else {
        sign
    }
}

/// max |x| over a block, ignoring NaN (CUDA `fmaxf`); +Inf if the block holds an infinity.
/// Also whether the block holds a NaN. The tail works on the bit patterns as i32 (|x| bits
/// order like the values).
#[inline(always)]
fn block_absmax(block: &[f32]) -> (f32, bool) {
    let (simd, mut nan, done) = super::simd::absmax_prefix(block);
    let mut m = simd.to_bits() as i32;
    for x in &block[done..] {
        let a = (x.to_bits() & 0x7FFF_FFFF) as i32;
        nan |= a > 0x7F80_0000;
        let a = if a > 0x7F80_0000 { 0 } else { a };
        m = m.max(a);
    }
    (f32::from_bits(m as u32), nan)
}

/// Codes of a chunk (≤ 64 elements), packed in pairs, high nibble first. The SIMD loop does
/// the multiples of 16; the rest goes element by element.
#[inline(always)]
fn quantize_chunk<const NF4: bool>(chunk: &[f32], out: &mut [u8], inv: f32) {
    let kind = if NF4 { Bnb4::Nf4 } else { Bnb4::Fp4 };
    let done = if NF4 { super::simd::sorted_prefix(chunk, inv, &NF4_THRESHOLDS, out) } else { super::simd::fp4_prefix(chunk, inv, &FP4_THRESHOLDS, out) };
    let (chunk, out) = (&chunk[done..], &mut out[done / 2..]);
    let mut codes = [0u8; 64];
    for (c, &x) in codes.iter_mut().zip(chunk) {
        *c = kind.code(x * inv);
    }
    if chunk.len() % 2 == 1 {
        // The kernel loads missing items as 0.0: the low nibble is the code of 0 · inv.
        codes[chunk.len()] = kind.code(0.0 * inv);
    }
    for (byte, pair) in out.iter_mut().zip(codes.chunks_exact(2)) {
        *byte = pair[0] << 4 | pair[1];
    }
}

#[inline(always)]
fn quantize_block<const NF4: bool>(block: &[f32], out: &mut [u8], absmax: f32) {
    let kind = if NF4 { Bnb4::Nf4 } else { Bnb4::Fp4 };
    if absmax == 0.0 {
        let z = kind.zero_code();
        out.fill(z << 4 | z);
        return;
    }
    let inv = 1.0f32 / absmax;
    for (chunk, bytes) in block.chunks(64).zip(out.chunks_mut(32)) {
        quantize_chunk::<NF4>(chunk, bytes, inv);
    }
}

/// Quantizes `input` in blocks of `block` (an even size, rounded down if odd, at least 2;
/// bitsandbytes accepts powers of two 32…4096):
/// fills `packed` with ⌈n/2⌉ bytes (first element in the high nibble) and `absmax` with one f32
/// per block. The hot path: branch-free, vectorizable.
pub fn quantize_4bit(kind: Bnb4, input: &[f32], block: usize, packed: &mut Vec<u8>, absmax: &mut Vec<f32>) {
    quantize_4bit_seeing_nan(kind, input, block, packed, absmax);
}

/// [`quantize_4bit`], also telling whether the input holds a NaN.
fn quantize_4bit_seeing_nan(kind: Bnb4, input: &[f32], block: usize, packed: &mut Vec<u8>, absmax: &mut Vec<f32>) -> bool {
    let block = block.max(2) & !1; // pairs never straddle blocks
    packed.clear();
    packed.resize(input.len().div_ceil(2), 0);
    absmax.clear();
    absmax.reserve(input.len().div_ceil(block));
    let (done, mut saw_nan) = match kind {
        Bnb4::Nf4 => super::simd::sorted_blocks_prefix(input, block, &NF4_THRESHOLDS, kind.zero_code(), packed, absmax),
        Bnb4::Fp4 => super::simd::fp4_blocks_prefix(input, block, &FP4_THRESHOLDS, kind.zero_code(), packed, absmax),
    };
    for (chunk, out) in input[done..].chunks(block).zip(packed[done / 2..].chunks_mut(block / 2)) {
        let (m, nan) = block_absmax(chunk);
        saw_nan |= nan;
        absmax.push(m);
        match kind {
            Bnb4::Nf4 => quantize_block::<true>(chunk, out, m),
            Bnb4::Fp4 => quantize_block::<false>(chunk, out, m),
        }
    }
    saw_nan
}

/// Dequantizes `n` elements: `table[code] × absmax[block]` in f32.
pub fn dequantize_4bit(kind: Bnb4, packed: &[u8], absmax: &[f32], block: usize, n: usize, out: &mut Vec<f32>) {
    let block = block.max(2) & !1;
    let table = kind.table();
    // One 8-byte entry per byte value: the two elements it holds.
    let mut pairs = [[0f32; 2]; 256];
    for (b, pair) in pairs.iter_mut().enumerate() {
        *pair = [table[b >> 4], table[b & 15]];
    }
    out.clear();
    out.resize(n.div_ceil(2) * 2, 0.0);
    for ((bytes, values), &m) in packed.chunks(block / 2).zip(out.chunks_mut(block)).zip(absmax) {
        for (byte, v) in bytes.iter().zip(values.chunks_exact_mut(2)) {
            let [a, b] = pairs[*byte as usize];
            v[0] = a * m;
            v[1] = b * m;
        }
    }
    out.truncate(n);
}

/// The straightforward path, element by element through the codebook's rule (used by the
/// tests to check the hot loop): returns (codes, absmax, dequantized).
pub fn quantize_4bit_reference(kind: Bnb4, input: &[f32], block: usize) -> (Vec<u8>, Vec<f32>, Vec<f32>) {
    let book = match kind {
        Bnb4::Nf4 => &crate::codebook::NF4,
        Bnb4::Fp4 => &crate::codebook::FP4_BNB,
    };
    let (mut codes, mut scales, mut values) = (Vec::new(), Vec::new(), Vec::new());
    for chunk in input.chunks(block.max(1)) {
        let m = chunk.iter().filter(|x| !x.is_nan()).fold(0f32, |m, x| m.max(x.abs()));
        scales.push(m);
        for &x in chunk {
            let c = if m == 0.0 { kind.zero_code() } else { book.encode_f32(x * (1.0 / m)) };
            codes.push(c);
            values.push(kind.table()[c as usize] * m);
        }
    }
    (codes, scales, values)
}

/// bitsandbytes' signed 8-bit dynamic map (`create_dynamic_map(signed=True)`), used for the
/// double quantization of absmax values: 127 negative values, 0 at index 127, 128 positive
/// values up to 1.0. Rebuilt from bnb's recipe in f32 (`torch.linspace` by its scalar formula);
/// torch's vectorized linspace may differ in the last bit of a few entries.
pub fn dynamic_map() -> [f32; 256] {
    let mut data: Vec<f32> = Vec::with_capacity(256);
    let max_exponent_bits = 7;
    for i in 0..max_exponent_bits {
        let steps = (1usize << i) + 1;
        let b = super::normal::linspace_f32(0.1, 1.0, steps);
        let scale = 10f64.powi(-(max_exponent_bits - 1) + i) as f32;
        for w in b.windows(2) {
            let mean = (w[0] + w[1]) / 2.0;
            data.push(scale * mean);
            data.push(-scale * mean);
        }
    }
    data.push(0.0);
    data.push(1.0);
    data.sort_by(|a, b| a.total_cmp(b));
    let mut out = [0f32; 256];
    for (o, v) in out.iter_mut().zip(data) {
        *o = v;
    }
    out
}

/// bitsandbytes' `dQuantize<0>`: binary search over a sorted 256-entry code, then the nearer of
/// the two neighbours by f32 midpoint (`x > mid` goes up, `x < mid` goes down, equal stays).
pub fn dquantize(code: &[f32; 256], x: f32) -> u8 {
    let (mut pivot, mut upper_pivot, mut lower_pivot) = (127usize, 255usize, 0usize);
    let (mut lower, mut upper) = (-1.0f32, 1.0f32);
    let mut val = code[pivot];
    let mut i = 64;
    while i > 0 {
        if x > val {
            lower_pivot = pivot;
            lower = val;
            pivot += i;
        } else {
            upper_pivot = pivot;
            upper = val;
            pivot -= i;
        }
        val = code[pivot];
        i >>= 1;
    }
    if upper_pivot == 255 {
        upper = code[upper_pivot];
    }
    if lower_pivot == 0 {
        lower = code[lower_pivot];
    }
    if x > val {
        let midpoint = (upper + val) * 0.5;
        if x > midpoint { upper_pivot as u8 } else { pivot as u8 }
    } else {
        let midpoint = (lower + val) * 0.5;
        if x < midpoint { lower_pivot as u8 } else { pivot as u8 }
    }
}

/// QLoRA double quantization: `absmax − mean` in blocks of 256 with the 8-bit dynamic map.
/// Returns the state and the absmax values as dequantized (`code[q] × absmax2 + offset`).
pub fn double_quantize(absmax: &[f32], block_bits: f64) -> (DoubleQuant, Vec<f32>) {
    let n = absmax.len();
    let mean = if n == 0 { 0.0 } else { absmax.iter().map(|&a| a as f64).sum::<f64>() / n as f64 };
    let offset = mean as f32;
    let map = dynamic_map();
    let centered: Vec<f32> = absmax.iter().map(|&a| a - offset).collect();
    let (mut codes, mut second, mut restored) = (Vec::with_capacity(n), Vec::new(), Vec::with_capacity(n));
    for chunk in centered.chunks(256) {
        let (m, _) = block_absmax(chunk);
        second.push(m);
        let inv = 1.0f32 / m;
        for &c in chunk {
            let q = if m == 0.0 { 127 } else { dquantize(&map, c * inv) };
            codes.push(q);
            restored.push(map[q as usize] * m + offset);
        }
    }
    // Saved per element: 32 bits per block become 8, plus 32 per 256 blocks.
    let saved = (32.0 - 8.0) / block_bits - 32.0 / (block_bits * 256.0);
    let state = DoubleQuant { offset, codes, absmax: second, exact_scales: absmax.to_vec(), bits_saved_per_element: saved };
    (state, restored)
}

/// Encodes `nf4` / `fp4_bnb` for [`super::Scheme::encode`]: the kernel, then the double
/// quantization of the absmax values when asked.
pub(crate) fn encode(book: &Codebook, input: &[f32], block: usize, options: &Options, q: &mut Quantized) {
    let kind = Bnb4::of(book);
    let block = block.max(2);
    let (mut packed, mut absmax) = (Vec::new(), Vec::new());
    let saw_nan = quantize_4bit_seeing_nan(kind, input, block, &mut packed, &mut absmax);
    let used_absmax = if options.double_quant {
        let (state, restored) = double_quantize(&absmax, block as f64);
        q.notes.push(Remark::DoubleQuant { offset: state.offset, saved: state.bits_saved_per_element });
        q.double_quant = Some(state);
        restored
    } else {
        absmax
    };
    let zero_blocks = used_absmax.iter().filter(|&&m| m == 0.0).count();
    if zero_blocks > 0 && !input.is_empty() {
        q.notes.push(Remark::ZeroBlocks(zero_blocks));
    }
    if saw_nan {
        q.notes.push(Remark::BnbNan);
    }
    if used_absmax.iter().any(|m| m.is_infinite()) {
        q.notes.push(Remark::BnbInfBlock);
    }
    q.codes = Codes::nibbles(packed, input.len(), NibbleOrder::HighFirst, false);
    q.scales = used_absmax;
    q.block = block;
}

/// Dequantizes `nf4` / `fp4_bnb` with the kernel.
pub(crate) fn decode(book: &Codebook, q: &Quantized, out: &mut Vec<f32>) {
    dequantize_4bit(Bnb4::of(book), q.packed(), &q.scales, q.block, q.codes.len(), out);
}

/// Trace rows of `nf4` / `fp4_bnb`: `s = x · (1/absmax)` with the absmax the kernel used
/// (before double quantization), its code by the scalar rule.
pub(crate) fn trace(book: &Codebook, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let kind = Bnb4::of(book);
    let table = kind.table();
    let block = q.block.max(1);
    let exact = q.double_quant.as_ref().map(|d| &d.exact_scales);
    rows.filter_map(|i| {
        let (x, g) = (*input.get(i)?, i / block);
        let used = q.scales.get(g).copied().unwrap_or(0.0);
        let m = exact.and_then(|e| e.get(g).copied()).unwrap_or(used);
        let s = x * (1.0 / m);
        let code = if m == 0.0 { kind.zero_code() } else { kind.code(s) };
        let level = table[code as usize] as f64;
        Some(TraceRow {
            index: i,
            group: g,
            input: x as f64,
            absmax: m as f64,
            scale: used as f64,
            zero_point: 0.0,
            scaled: if m == 0.0 { 0.0 } else { s as f64 },
            rounded: level,
            clamped: level,
            clipped: false,
            code: code as i64,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}

#[cfg(test)]
mod zero_code_tests {
    use super::*;

    #[test]
    fn the_zero_code_is_the_table_s_only_plus_zero_and_the_code_of_zero() {
        for kind in [Bnb4::Nf4, Bnb4::Fp4] {
            let z = kind.zero_code() as usize;
            let plus_zeros: Vec<usize> = (0..16).filter(|&c| kind.table()[c].to_bits() == 0).collect();
            assert_eq!(plus_zeros, [z], "{kind:?}: exactly one code holds +0, and it is the zero code");
            assert_eq!(kind.code(0.0), kind.zero_code(), "{kind:?}: the comparison tree sends 0 to it");
            assert_eq!(kind.code(-0.0), kind.zero_code(), "{kind:?}: and −0");
            let book = match kind {
                Bnb4::Nf4 => &crate::codebook::NF4,
                Bnb4::Fp4 => &crate::codebook::FP4_BNB,
            };
            assert_eq!(book.encode_f32(0.0) as usize, z, "{kind:?}: the codebook agrees");
        }
        // The kernels' documented codes (bitsandbytes: NF4's 0 is the 8th value; FP4's code 8
        // holds −0 in the dequantization table, so +0 is code 0).
        assert_eq!((NF4_ZERO_CODE, FP4_ZERO_CODE), (7, 0));
        assert_eq!(FP4_DEQUANT[8].to_bits(), (-0.0f32).to_bits());
        assert_eq!(plus_zero_code(&[1.0, -0.0, 2.0, 0.0, 0.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]), 3);
    }
}
