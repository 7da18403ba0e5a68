//! Codebook (lookup-table) formats: NF4, bitsandbytes' FP4, ternary, binary.
//!
//! A codebook is a list of values indexed by code and a rule that picks the code of an input.
//! The bitsandbytes rules reproduce its CUDA kernel's comparison trees bit for bit.

use std::cmp::Ordering;

use crate::float::{FormatError, FormatReason};
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

/// A lookup-table format. Built by [`Codebook::new`] (or checked at compile time for the
/// catalogue's), so every code a rule yields indexes the table and every method is total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Codebook {
    bits: u32,
    values: &'static [f32],
    rule: Rule,
}

/// The first problem with a codebook description, if any (usable in constants).
const fn problem(bits: u32, values: &'static [f32], rule: &Rule) -> Option<&'static str> {
    if bits < 1 || bits > 8 {
        return Some("a codebook has 1 to 8 bits");
    }
    if values.is_empty() || values.len() > 1 << bits {
        return Some("a codebook has 1 to 2^bits values");
    }
    let mut i = 0;
    while i < values.len() {
        if !values[i].is_finite() {
            return Some("codebook values must be finite");
        }
        i += 1;
    }
    match *rule {
        Rule::SortedThresholds { thresholds } => {
            if thresholds.len() >= values.len() {
                return Some("fewer thresholds than values are needed");
            }
            let mut i = 1;
            while i < thresholds.len() {
                // Negated so that a NaN fails too (`partial_cmp` is not const).
                #[allow(clippy::neg_cmp_op_on_partial_ord)]
                if !(thresholds[i - 1] < thresholds[i]) {
                    return Some("thresholds must be ascending");
                }
                i += 1;
            }
        }
        Rule::SignMagnitude { sign_bit, thresholds, magnitude_codes } => {
            if sign_bit as u32 >= bits {
                return Some("the sign bit must lie within the code");
            }
            if magnitude_codes.len() != thresholds.len() + 1 {
                return Some("one magnitude code per interval between thresholds is needed");
            }
            let mut i = 0;
            while i < magnitude_codes.len() {
                let code = magnitude_codes[i] as usize;
                if code >= 1 << sign_bit || (code | 1 << sign_bit) >= values.len() {
                    return Some("magnitude codes must lie below the sign bit and index the table");
                }
                i += 1;
            }
            let mut i = 1;
            while i < thresholds.len() {
                // Negated so that a NaN fails too (`partial_cmp` is not const).
                #[allow(clippy::neg_cmp_op_on_partial_ord)]
                if !(thresholds[i - 1] < thresholds[i]) {
                    return Some("thresholds must be ascending");
                }
                i += 1;
            }
        }
        Rule::NearestTowardZero => {}
    }
    None
}

impl Codebook {
    /// A codebook of `bits`-bit codes (1 to 8), `values` (finite, at most 2^bits) and a rule
    /// whose every code indexes the table.
    pub fn new(bits: u32, values: &'static [f32], rule: Rule) -> Result<Codebook, FormatError> {
        match problem(bits, values, &rule) {
            Some(why) => Err(FormatError::new(FormatReason::Codebook(why))),
            None => Ok(Codebook { bits, values, rule }),
        }
    }

    /// For constants: fails the build if the description is invalid.
    const fn checked(bits: u32, values: &'static [f32], rule: Rule) -> Codebook {
        if let Some(why) = problem(bits, values, &rule) {
            panic!("{}", why);
        }
        Codebook { bits, values, rule }
    }

    /// Width of a code in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Value of each code; codes past the end are unused.
    pub fn values(&self) -> &'static [f32] {
        self.values
    }

    /// How inputs pick a code.
    pub fn rule(&self) -> Rule {
        self.rule
    }
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
pub const NF4: Codebook = Codebook::checked(4, &NF4_VALUES, Rule::SortedThresholds { thresholds: &NF4_THRESHOLDS });

/// bitsandbytes' FP4 codebook.
pub const FP4_BNB: Codebook = Codebook::checked(
    4,
    &FP4_BNB_VALUES,
    Rule::SignMagnitude { sign_bit: 3, thresholds: &FP4_BNB_THRESHOLDS, magnitude_codes: &FP4_BNB_MAGNITUDE_CODES },
);

/// Ternary {−1, 0, +1} in 2 bits (code = value + 1; code 3 unused); log2(3) = 1.58 bits of
/// information.
pub const TERNARY: Codebook = Codebook::checked(2, &[-1.0, 0.0, 1.0], Rule::NearestTowardZero);

/// Binary {−1, +1} in 1 bit.
pub const BINARY: Codebook = Codebook::checked(1, &[-1.0, 1.0], Rule::NearestTowardZero);

impl Codebook {
    /// The value of a code (NaN for an unused code).
    pub fn value(&self, code: u64) -> f64 {
        usize::try_from(code).ok().and_then(|c| self.values.get(c)).map_or(f64::NAN, |&v| v as f64)
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
                // In range: the constructor checked one code per interval.
                sign | magnitude_codes.get(interval).copied().unwrap_or(0)
            }
            Rule::NearestTowardZero => self.nearest_toward_zero(&Exact::from_f64(x as f64)),
        }
    }

    /// The nearest value, ties toward zero, then toward +1, compared exactly: the midpoint of
    /// two f32 values is an exact f64.
    fn nearest_toward_zero(&self, x: &Exact) -> u8 {
        let mut best = 0usize;
        for (i, &v) in self.values.iter().enumerate() {
            let b = self.values[best];
            if v == b {
                continue;
            }
            let midpoint = (v as f64 + b as f64) / 2.0;
            let closer = match x.compare_f64(midpoint) {
                Some(Ordering::Equal) => v.abs() < b.abs() || (v.abs() == b.abs() && v > b),
                Some(Ordering::Less) => v < b,
                Some(Ordering::Greater) => v > b,
                None => false,
            };
            if closer {
                best = i;
            }
        }
        best as u8
    }

    /// Encodes an exact input: NaN → the zero code (invalid); beyond the table → the end
    /// code (overflow). Every comparison is exact (thresholds and values are f32 values).
    pub fn round_exact(&self, input: &Exact) -> (u64, Status) {
        let zero_code = self.values.iter().position(|&v| v == 0.0).unwrap_or(0) as u64;
        if matches!(input, Exact::Nan { .. }) {
            return (zero_code, Status::INVALID);
        }
        let above = |t: f32| input.compare_f64(t as f64) == Some(Ordering::Greater);
        let code = match self.rule {
            Rule::SortedThresholds { thresholds } => thresholds.iter().filter(|&&t| above(t)).count() as u8,
            Rule::SignMagnitude { sign_bit, thresholds, magnitude_codes } => {
                let negative = input.compare_f64(0.0) == Some(Ordering::Less);
                let sign = if negative { 1u8 << sign_bit } else { 0 };
                let beyond = |t: f32| {
                    let bound = if negative { -(t as f64) } else { t as f64 };
                    input.compare_f64(bound) == Some(if negative { Ordering::Less } else { Ordering::Greater })
                };
                let interval = thresholds.iter().filter(|&&t| beyond(t)).count();
                sign | magnitude_codes.get(interval).copied().unwrap_or(0)
            }
            Rule::NearestTowardZero => self.nearest_toward_zero(input),
        } as u64;
        let value = self.value(code);
        let (lo, hi) = self.values.iter().fold((f32::MAX, f32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let mut status = if input.compare_f64(value) == Some(Ordering::Equal) { Status::EXACT } else { Status::INEXACT };
        if above(hi) || input.compare_f64(lo as f64) == Some(Ordering::Less) {
            status |= Status::OVERFLOW;
        }
        (code, status)
    }
}
