//! Encoding real numbers (decimal text or f64) into any format, with a rounding mode and an
//! overflow policy, returning the code, its value and IEEE-style status flags.

use crate::decimal::{decimal_equals_f64, exact_difference, parse_decimal, Decimal, ParseError};
use crate::float::FloatFormat;
use crate::format::{Format, Kind};
use crate::float::{round_float, round_float_draw};
use crate::rng::SplitMix64;
use crate::round::{Draw, Exact, OverflowPolicy, RoundingMode, Status};

/// The result of encoding one input.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Encoded {
    /// The code.
    pub code: u64,
    /// The value of the code.
    pub value: f64,
    /// The input, rounded to the nearest f64 (for display and the error).
    pub input: f64,
    /// Conversion flags (empty = exact).
    pub status: Status,
    /// value − the exact input, rounded once to the nearest double (NaN when either is not
    /// finite). Only the encoder computes it: from decimal text it is exact, not value − input.
    error: f64,
}

impl Encoded {
    /// The result of encoding `input` (an f64) as `code` of value `value`: the error is
    /// value − input, one correctly rounded subtraction.
    fn of_f64(code: u64, value: f64, input: f64, status: Status) -> Encoded {
        let error = if value.is_finite() && input.is_finite() { value - input } else { f64::NAN };
        Encoded { code, value, input, status, error }
    }

    /// value − input: the double nearest to the exact rounding error, computed from the
    /// exact input (the decimal text when encoded from text: float16 "0.1" gives
    /// −0.0000244140625). NaN when either is not finite.
    pub fn error(&self) -> f64 {
        self.error
    }

    /// |value − input| / |input| (NaN at 0 or when not finite).
    pub fn relative_error(&self) -> f64 {
        if self.input != 0.0 { (self.error() / self.input).abs() } else { f64::NAN }
    }
}

/// Encodes a sequence of inputs into one format. Holds the stochastic-rounding generator,
/// so a seed gives a reproducible sequence.
#[derive(Clone, Debug)]
pub struct Encoder {
    format: Format,
    mode: RoundingMode,
    overflow: OverflowPolicy,
    random: SplitMix64,
    sr_bits: Option<u32>,
}

/// The most random bits stochastic rounding can draw per value (`--sr-bits`).
pub const MAX_SR_BITS: u32 = 32;

impl Encoder {
    /// An encoder with an explicit mode (None = the format's default) and overflow policy.
    pub fn new(format: &Format, mode: Option<RoundingMode>, overflow: OverflowPolicy, seed: u64) -> Encoder {
        let mode = mode.unwrap_or_else(|| format.default_rounding());
        Encoder { format: format.clone(), mode, overflow, random: SplitMix64::new(seed ^ 0x9E37_79B9_7F4A_7C15), sr_bits: None }
    }

    /// Stochastic rounding with N random bits per value (`Some(N)`, gfloat's
    /// `RoundMode.Stochastic` with `srnumbits` = N: see [`Draw::Bits`]) or with 64 bits and the
    /// exact fraction (`None`, the default). N is 1 to [`MAX_SR_BITS`], for float formats only,
    /// and below 63 − mantissa bits so that the N-bit fraction is exact for every input
    /// (float64: at most 10).
    pub fn with_sr_bits(mut self, bits: Option<u32>) -> Result<Encoder, String> {
        if let Some(n) = bits {
            let Kind::Float(f) = self.format.kind() else {
                return Err(format!("--sr-bits applies to float formats; {} is not one", self.format.id()));
            };
            let limit = MAX_SR_BITS.min(62 - f.mantissa_bits().min(52));
            if !(1..=limit).contains(&n) {
                return Err(format!("--sr-bits must be 1 to {limit} for {}, got {n}", self.format.id()));
            }
        }
        self.sr_bits = bits;
        Ok(self)
    }

    /// The number of random bits of stochastic rounding (None: 64 bits, exact fraction).
    pub fn sr_bits(&self) -> Option<u32> {
        self.sr_bits
    }

    /// The format's default behaviour (ml_dtypes' rounding and overflow).
    pub fn with_defaults(format: &Format) -> Encoder {
        Encoder::new(format, None, OverflowPolicy::Default, 0)
    }

    /// The rounding mode in use.
    pub fn mode(&self) -> RoundingMode {
        self.mode
    }

    /// Encodes an exact value.
    pub fn encode_exact(&mut self, input: &Exact) -> Encoded {
        let random = if self.mode == RoundingMode::Stochastic { self.random.next_u64() } else { 0 };
        let (code, status) = match &self.format.kind() {
            Kind::Float(f) => {
                let draw = match self.sr_bits {
                    // The top N bits of the generator's output.
                    Some(n) => Draw::Bits { count: n, value: random >> (64 - n) },
                    None => Draw::Uniform(random),
                };
                let r = round_float_draw(f, input, self.mode, self.overflow, draw);
                (r.code, r.status)
            }
            Kind::Int(i) => i.round_exact(input, self.mode, self.overflow, random),
            Kind::Codebook(c) => c.round_exact(input),
        };
        let value = self.format.decode(code).value;
        Encoded::of_f64(code, value, input.approx_f64(), status)
    }

    /// Encodes an f64 exactly (no detour through f32).
    pub fn encode_f64(&mut self, x: f64) -> Encoded {
        self.encode_exact(&Exact::from_f64(x))
    }

    /// Encodes decimal text of any length, rounding once from its exact value. A fast path
    /// goes through the correctly rounded f64 and falls back to exact arithmetic whenever
    /// that f64 sits on a rounding boundary of the target (a tie, or a representable value).
    pub fn encode_text(&mut self, text: &str) -> Result<Encoded, ParseError> {
        let decimal = parse_decimal(text)?;
        Ok(self.encode_decimal(&decimal, text))
    }

    /// Encodes a parsed decimal (`text` is its source, for the fast f64 parse); the error is
    /// computed from the exact decimal value.
    pub fn encode_decimal(&mut self, decimal: &Decimal, text: &str) -> Encoded {
        let mut encoded = self.encode_decimal_code(decimal, text);
        if encoded.error.is_finite() && !decimal_equals_f64(decimal, encoded.input) {
            encoded.error = exact_difference(encoded.value, decimal);
        }
        encoded
    }

    /// Whether the f64 fast path of [`Encoder::encode_decimal`] is exact-equivalent for this
    /// float format: every decision point (representable value and midpoint) of the format is
    /// an f64, so an input strictly between two of them lies where its nearest normal f64 lies.
    fn decision_points_are_f64(f: &FloatFormat) -> bool {
        // Midpoints take one more bit than the format's mantissa; the lowest is half the
        // smallest positive value, 2^(min_exponent − m − 1), the highest max + ½ ulp (< 2^1024).
        let lowest = i64::from(f.min_exponent()) - i64::from(f.mantissa_bits()) - 1;
        f.mantissa_bits() < 52 && lowest >= -1074
    }

    fn encode_decimal_code(&mut self, decimal: &Decimal, text: &str) -> Encoded {
        let Decimal::Finite { .. } = decimal else {
            return self.encode_exact(&decimal.to_exact());
        };
        let Kind::Float(f) = &self.format.kind() else {
            return self.encode_exact(&decimal.to_exact());
        };
        let Ok(x) = text.trim().parse::<f64>() else {
            return self.encode_exact(&decimal.to_exact());
        };
        if *f == FloatFormat::FLOAT64 && self.mode == RoundingMode::NearestEven && x.is_finite() {
            // Rust's parse is correctly rounded to nearest-even: only the flags remain.
            let exact = decimal_equals_f64(decimal, x);
            let mut status = if exact { Status::EXACT } else { Status::INEXACT };
            if !exact && x.abs() < f64::MIN_POSITIVE {
                status |= Status::UNDERFLOW;
            }
            return Encoded::of_f64(x.to_bits(), x, x, status);
        }
        // Only a normal f64 (zero and subnormals may have lost the value: 1e-330 parses to 0)
        // into a format whose decision points are all f64s takes the fast path.
        if self.mode == RoundingMode::Stochastic || !x.is_normal() || !Self::decision_points_are_f64(f) {
            return self.encode_exact(&decimal.to_exact());
        }
        let via_f64 = round_float(f, &Exact::from_f64(x), self.mode, self.overflow, 0);
        let nearest = matches!(self.mode, RoundingMode::NearestEven | RoundingMode::NearestAway);
        let on_boundary = via_f64.tie || (!via_f64.status.contains(Status::INEXACT) && !nearest);
        if !on_boundary && via_f64.status.contains(Status::INEXACT) {
            // x lies strictly between two decision points of the target, so does the exact value.
            let value = self.format.decode(via_f64.code).value;
            return Encoded::of_f64(via_f64.code, value, x, via_f64.status);
        }
        if decimal_equals_f64(decimal, x) {
            let value = self.format.decode(via_f64.code).value;
            return Encoded::of_f64(via_f64.code, value, x, via_f64.status);
        }
        if !on_boundary && nearest {
            // x is representable and the exact value is within half an f64 ulp of it.
            let value = self.format.decode(via_f64.code).value;
            let mut status = via_f64.status | Status::INEXACT;
            let tiny = f.min_normal().is_none_or(|n| x.abs() < n);
            if tiny {
                status |= Status::UNDERFLOW;
            }
            return Encoded::of_f64(via_f64.code, value, x, status);
        }
        self.encode_exact(&decimal.to_exact())
    }
}
