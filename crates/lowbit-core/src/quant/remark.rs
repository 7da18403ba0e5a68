//! The quantizers' remarks on a result ([`super::Quantized::notes`]): typed, with the numbers
//! and ids they mention, so an interface can put each in its own words. `Display` writes the
//! English sentence the CLI prints (`lowbit quantize`'s `note:` lines and its JSON `notes`).

use std::fmt;

/// One remark of a quantizer: a convention it follows, an option it replaced, what it did to
/// special or out-of-range inputs. The fields are the facts the sentence quotes.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Remark {
    /// The options were refused (the reason, as [`super::Scheme::check`] wrote it); the
    /// scheme's defaults were used.
    DefaultsUsed(String),
    /// The scheme's kernel does not run its element (its id).
    Unsupported(String),
    /// Inputs clipped to the element's range: (clipped, inputs).
    Clipped(usize, usize),
    /// BitNet b1.58: ternary codes in 2 bits, gamma = mean|W|.
    TernaryCodes,
    /// Binary codes in 1 bit, scale = mean|W|.
    BinaryCodes,
    /// NaN/Inf inputs are skipped in mean|W|.
    AbsMeanNonFinite,
    /// bitsandbytes' double quantization: the offset subtracted and the bits saved per element.
    DoubleQuant {
        /// The mean of the absmax values, subtracted before their 8-bit quantization.
        offset: f32,
        /// Bits saved per element.
        saved: f64,
    },
    /// bitsandbytes: blocks whose absmax is 0, by their count.
    ZeroBlocks(usize),
    /// bitsandbytes: NaN inputs take code 0.
    BnbNan,
    /// bitsandbytes: a block holds an infinity.
    BnbInfBlock,
    /// A float cast scaled by the absmax: the element's largest value and its id.
    ScaledCast {
        /// The element's largest finite value.
        max: f64,
        /// The element format's id.
        format: String,
    },
    /// A direct cast with the format's default rounding and overflow (their names).
    DirectCast {
        /// The rounding's name (`nearest-even`).
        rounding: String,
        /// The overflow policy's name.
        overflow: String,
    },
    /// GGUF: rows that do not hold whole blocks are quantized as one row: (type id, the row
    /// length, the elements, the block's elements).
    GgufOneRow(String, usize, usize, usize),
    /// GGUF: the input padded to whole blocks: (inputs, zeros added, the block's elements).
    GgufPadded(usize, usize, usize),
    /// Integer schemes: NaN/Inf inputs of a group skipped in its statistics: (group, how many).
    GroupNonFinite(usize, usize),
    /// Mean/std clipping: the threshold's k.
    MeanStdThreshold(f64),
    /// The zero point is stored as a 32-bit integer.
    ZeroPointInt32,
    /// LLM.int8(): the outlier threshold and the columns kept in fp16.
    Outliers {
        /// The threshold.
        threshold: f64,
        /// The outlier columns.
        columns: Vec<usize>,
    },
    /// LLM.int8(): the rows and their length; the scales are the rows' absmax.
    RowScales(usize, usize),
    /// An MX element without a kernel.
    NoMxKernel,
    /// MX: the E8M0 scale's rule: (ceil rule?, the element's emax, its largest value).
    MxScale {
        /// The ceil rule (else the spec's floor rule).
        ceil: bool,
        /// The element's largest exponent.
        emax: i32,
        /// The element's largest value.
        max: f32,
    },
    /// MX, floor rule: values clipped, by their count.
    MxClipped(usize),
    /// MX: blocks holding NaN or Inf, by their count.
    MxNanBlocks(usize),
    /// NVFP4 without a 4-bit float element and a narrow float scale.
    Nvfp4Needs,
    /// NVFP4's two levels: the tensor scale's divisor and value, the element's largest value,
    /// the block scale's smallest normal and largest value.
    TwoLevel {
        /// amax is divided by this.
        divisor: f32,
        /// The tensor scale p.
        p: f32,
        /// The element's largest value.
        max: f32,
        /// The block scale's smallest normal value.
        eps: f32,
        /// The block scale's largest value.
        top: f32,
    },
    /// NVFP4 with one level (p = 1): the element's largest value, the block scale's range.
    SingleLevel {
        /// The element's largest value.
        max: f32,
        /// The block scale's smallest normal value.
        eps: f32,
        /// The block scale's largest value.
        top: f32,
    },
    /// NVFP4: NaN and Inf inputs (Inf saturates to ±max).
    Nvfp4Special(f32),
}

impl fmt::Display for Remark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remark::DefaultsUsed(why) => write!(f, "{why}; used the defaults instead"),
            Remark::Unsupported(id) => write!(f, "{id} cannot run: unsupported combination"),
            Remark::Clipped(clipped, inputs) => write!(f, "{clipped} of {inputs} inputs were clipped to the element's range"),
            Remark::TernaryCodes => f.write_str("ternary codes -1/0/+1 stored in 2 bits (log2(3) = 1.58 bits of information); gamma = mean|W| clamped >= 1e-5"),
            Remark::BinaryCodes => f.write_str("binary codes -1/+1 in 1 bit; sign(0) = +1; scale = mean|W|"),
            Remark::AbsMeanNonFinite => f.write_str("NaN/Inf inputs are skipped in mean|W|; NaN takes code 0 (ternary) or +1 (binary)"),
            Remark::DoubleQuant { offset, saved } => write!(f, "double quantization: absmax - {offset} in 8-bit blocks of 256 saves {saved:.4} bits per element"),
            Remark::ZeroBlocks(n) => write!(f, "{n} all-zero block(s): codes of 0, dequantized to 0 (bnb's kernel computes 0 * inf there)"),
            Remark::BnbNan => f.write_str("NaN inputs take code 0 as in bnb's CUDA tree (NF4: -absmax, FP4: 0); absmax ignores them"),
            Remark::BnbInfBlock => f.write_str("a block holds an infinity: its absmax is inf, so every element of it dequantizes to NaN or inf"),
            Remark::ScaledCast { max, format } => write!(f, "scale = absmax / {max} (the largest {format} value); saturating round-to-nearest-even cast"),
            Remark::DirectCast { rounding, overflow } => write!(f, "direct cast with ml_dtypes' behaviour: {rounding} rounding, overflow {overflow}"),
            Remark::GgufOneRow(id, r, n, be) => write!(f, "{id}: rows of {r} are quantized as one row of {n} (only whole rows of {be} keep their blocks apart)"),
            Remark::GgufPadded(n, added, be) => write!(f, "{n} input(s) padded with {added} zero(s) to whole blocks of {be} (ggml refuses a partial block)"),
            Remark::GroupNonFinite(g, n) => write!(f, "group {g}: {n} NaN/Inf input(s) skipped in the statistics (Inf saturates, NaN takes the zero code)"),
            Remark::MeanStdThreshold(k) => write!(f, "clipping threshold min(absmax, |mean| + {k} std) per group"),
            Remark::ZeroPointInt32 => f.write_str("zero point stored as a 32-bit integer (it may lie outside the element's range)"),
            Remark::Outliers { threshold, columns } => {
                let listed = if columns.is_empty() { String::new() } else { format!(" ({columns:?})") };
                write!(f, "outlier threshold {threshold}: {} outlier column(s) kept in fp16{listed}", columns.len())
            }
            Remark::RowScales(rows, cols) => write!(f, "{rows} row(s) of {cols}; scales are the row absmax values (bnb's row_stats), dequantized = q * rowmax / 127"),
            Remark::NoMxKernel => f.write_str("this element has no MX kernel"),
            Remark::MxScale { ceil, emax, max } => {
                let rule = if *ceil { "the smallest power of two with amax / 2^e <= max: ceil(log2(amax / max)) + emax" } else { "floor(log2 amax)" };
                write!(f, "E8M0 scale 2^e, e = {rule} - {emax} (element max {max}), clamped to [-127, 127]")
            }
            Remark::MxClipped(n) => write!(f, "{n} value(s) clipped: the spec's floor rule clips values above max * 2^e; the ceil scale rule avoids it"),
            Remark::MxNanBlocks(n) => write!(f, "{n} block(s) hold NaN or Inf: NaN scale (0xFF), dequantized to NaN"),
            Remark::Nvfp4Needs => f.write_str("NVFP4 needs a 4-bit float element and a narrow float scale"),
            Remark::TwoLevel { divisor, p, max, eps, top } => write!(
                f,
                "two-level: tensor scale p = amax / {divisor} = {p}; block scale s = e4m3(clamp(amax_block / {max} / p, {eps}, {top})); value = e2m1 * (p * s)"
            ),
            Remark::SingleLevel { max, eps, top } => write!(f, "single level (p = 1): block scale s = e4m3(clamp(amax_block / {max}, {eps}, {top}))"),
            Remark::Nvfp4Special(max) => write!(f, "NaN inputs take code 0; Inf inputs saturate to +-{max} (amax skips them)"),
        }
    }
}

impl Remark {
    /// Whether the English sentence contains `text` (tests and callers that look for a word).
    pub fn contains(&self, text: &str) -> bool {
        self.to_string().contains(text)
    }
}
