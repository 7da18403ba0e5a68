//! Codebook (lookup-table) formats: NF4, bitsandbytes' FP4, ternary, binary.
//!
//! A codebook is a list of values indexed by code and a rule that picks the code of an input.
//! The bitsandbytes rules reproduce its CUDA kernel's comparison trees bit for bit.

use crate::round::{Exact, Status};

/// How an input is mapped to a code.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rule {
    /// Values sorted ascending; the code is the number of thresholds t with `x > t`, so a
    /// value on a threshold goes to the lower code (bitsandbytes' NF4 tree).
    SortedThresholds {
        /// Ascending thresholds between neighbouring values.
        thresholds: &'static [f32],
    },
    /// bitsandbytes FP4: the sign bit `sign_bit` first (x < 0), then |x| against these
    /// thresholds (bnb's literal constants), giving the magnitude codes in `magnitude_codes`.
    SignMagnitude {
        /// Code bit that holds the sign.
        sign_bit: u8,
        /// Thresholds on |x|, ascending.
        thresholds: &'static [f32],
        /// Magnitude code for each interval (thresholds.len() + 1 entries).
        magnitude_codes: &'static [u8],
    },
    /// Nearest value, ties toward zero, then toward +1 (ternary, binary: sign(0) = +1).
    NearestTowardZero,
}

/// A lookup-table format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Codebook {
    /// Width of a code in bits.
    pub bits: u32,
    /// Value of each code; codes past the end are unused.
    pub values: &'static [f32],
    /// How inputs pick a code.
    pub rule: Rule,
}

/// NF4 (QLoRA, bitsandbytes `get_4bit_type("nf4")`), code = index; these are bnb's f32 values.
#[allow(clippy::excessive_precision)] // bnb's printed f32 values, digit for digit
pub const NF4_VALUES: [f32; 16] = [
    -1.0,
    -0.696_192_800_998_687_7,
    -0.525_073_051_452_636_7,
    -0.394_917_488_098_144_53,
    -0.284_441_381_692_886_35,
    -0.184_773_433_208_465_58,
    -0.091_050_036_251_544_95,
    0.0,
    0.079_580_299_556_255_34,
    0.160_930_201_411_247_25,
    0.246_112_301_945_686_34,
    0.337_915_241_718_292_24,
    0.440_709_829_330_444_34,
    0.562_617_003_917_694_1,
    0.722_956_836_223_602_3,
    1.0,
];

/// bitsandbytes FP4 (`get_4bit_type("fp4")`): bit 3 is the sign, the low 3 bits index
/// [0, 0.0625, 8, 12, 4, 6, 2, 3] / 12. Not OCP E2M1.
pub const FP4_BNB_VALUES: [f32; 16] = {
    let magnitudes = [0.0f32, 0.0625, 8.0, 12.0, 4.0, 6.0, 2.0, 3.0];
    let mut table = [0.0f32; 16];
    let mut i = 0;
    while i < 8 {
        table[i] = magnitudes[i] / 12.0;
        table[i + 8] = -(magnitudes[i] / 12.0);
        i += 1;
    }
    table[8] = 0.0; // bnb's stored table holds +0 at code 8
    table
};

/// The NF4 tree's thresholds, as literal in `dQuantizeNF4` (ascending; within an f32 ulp of the midpoints of
/// neighbouring NF4 values).
#[allow(clippy::excessive_precision)] // the kernel's literal text, parsed as a C compiler does
pub const NF4_THRESHOLDS: [f32; 15] = [
    -0.848_096_400_499_343_9,
    -0.610_632_926_225_662_2,
    -0.459_995_269_775_390_6,
    -0.339_679_434_895_515_44,
    -0.234_607_405_960_559_84,
    -0.137_911_739_233_136_6,
    -0.045_525_018_125_772_476,
    0.039_790_149_778_127_67,
    0.120_255_250_483_751_3,
    0.203_521_251_678_466_8,
    0.292_013_771_831_989_3,
    0.389_312_535_524_368_3,
    0.501_663_416_624_069_2,
    0.642_786_920_070_648_2,
    0.861_478_418_111_801_1,
];

/// The comparison constants of bnb's `dQuantizeFP4` kernel, on |x|, ascending.
pub const FP4_BNB_THRESHOLDS: [f32; 7] =
    [0.002_604_17, 0.085_937_5, 0.208_333_33, 0.291_666_67, 0.416_666_7, 0.583_333, 0.833_333_3];

/// The magnitude code for each interval between [`FP4_BNB_THRESHOLDS`] (0, 1/192, 1/6, 1/4,
/// 1/3, 1/2, 2/3, 1).
pub const FP4_BNB_MAGNITUDE_CODES: [u8; 8] = [0b000, 0b001, 0b110, 0b111, 0b100, 0b101, 0b010, 0b011];

/// The NF4 codebook.
pub const NF4: Codebook = Codebook { bits: 4, values: &NF4_VALUES, rule: Rule::SortedThresholds { thresholds: &NF4_THRESHOLDS } };

/// bitsandbytes' FP4 codebook.
pub const FP4_BNB: Codebook = Codebook {
    bits: 4,
    values: &FP4_BNB_VALUES,
    rule: Rule::SignMagnitude { sign_bit: 3, thresholds: &FP4_BNB_THRESHOLDS, magnitude_codes: &FP4_BNB_MAGNITUDE_CODES },
};

/// Ternary {−1, 0, +1} in 2 bits (code = value + 1; code 3 unused); log2(3) = 1.58 bits of
/// information.
pub const TERNARY: Codebook = Codebook { bits: 2, values: &[-1.0, 0.0, 1.0], rule: Rule::NearestTowardZero };

/// Binary {−1, +1} in 1 bit.
pub const BINARY: Codebook = Codebook { bits: 1, values: &[-1.0, 1.0], rule: Rule::NearestTowardZero };

impl Codebook {
    /// The value of a code (NaN for an unused code).
    pub fn value(&self, code: u64) -> f64 {
        self.values.get(code as usize).map_or(f64::NAN, |&v| v as f64)
    }

    /// The midpoints of neighbouring sorted values, computed in f32 as bitsandbytes does.
    pub fn midpoints(&self) -> Vec<f32> {
        self.values.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect()
    }

    /// The code of an f32 input (the quantizer's hot path: x already divided by absmax).
    pub fn encode_f32(&self, x: f32) -> u8 {
        match self.rule {
            Rule::SortedThresholds { thresholds } => thresholds.iter().filter(|&&t| x > t).count() as u8,
            Rule::SignMagnitude { sign_bit, thresholds, magnitude_codes } => {
                let sign = if x < 0.0 { 1u8 << sign_bit } else { 0 };
                let magnitude = x.abs();
                let interval = thresholds.iter().filter(|&&t| magnitude > t).count();
                sign | magnitude_codes[interval]
            }
            Rule::NearestTowardZero => self.nearest_toward_zero(x as f64),
        }
    }

    fn nearest_toward_zero(&self, x: f64) -> u8 {
        let mut best = 0usize;
        for (i, &v) in self.values.iter().enumerate() {
            let (d, best_d) = ((v as f64 - x).abs(), (self.values[best] as f64 - x).abs());
            let (v_abs, best_abs) = ((v as f64).abs(), (self.values[best] as f64).abs());
            if d < best_d || (d == best_d && (v_abs < best_abs || (v_abs == best_abs && v > self.values[best]))) {
                best = i;
            }
        }
        best as u8
    }

    /// Encodes an exact input: NaN → the zero code (invalid); beyond the table → the end
    /// code (overflow). Comparisons are exact (thresholds are f32 values).
    pub fn round_exact(&self, input: &Exact) -> (u64, Status) {
        let x = input.approx_f64();
        let zero_code = self.values.iter().position(|&v| v == 0.0).unwrap_or(0) as u64;
        if x.is_nan() {
            return (zero_code, Status::INVALID);
        }
        let code = match self.rule {
            // f64 comparison against f32 thresholds: exact for every input.
            Rule::SortedThresholds { thresholds } => thresholds.iter().filter(|&&t| x > t as f64).count() as u8,
            Rule::SignMagnitude { sign_bit, thresholds, magnitude_codes } => {
                let sign = if x < 0.0 { 1u8 << sign_bit } else { 0 };
                let interval = thresholds.iter().filter(|&&t| x.abs() > t as f64).count();
                sign | magnitude_codes[interval]
            }
            Rule::NearestTowardZero => self.nearest_toward_zero(x),
        } as u64;
        let value = self.value(code);
        let (lo, hi) = self.values.iter().fold((f32::MAX, f32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let mut status = if value == x && !matches!(input, Exact::Finite { sticky: true, .. }) {
            Status::EXACT
        } else {
            Status::INEXACT
        };
        if x > hi as f64 || x < lo as f64 {
            status |= Status::OVERFLOW;
        }
        (code, status)
    }
}
