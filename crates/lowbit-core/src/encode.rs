//! Encoding real numbers (decimal text or f64) into any format, with a rounding mode and an
//! overflow policy, returning the code, its value and IEEE-style status flags.

use crate::decimal::{decimal_equals_f64, parse_decimal, Decimal, ParseError};
use crate::format::{Format, Kind};
use crate::float::{round_float, round_float_draw};
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
}

impl Encoded {
    /// value − input (NaN when either is not finite).
    pub fn error(&self) -> f64 {
        if self.value.is_finite() && self.input.is_finite() { self.value - self.input } else { f64::NAN }
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
    state: u64,
    sr_bits: Option<u32>,
}

/// The most random bits stochastic rounding can draw per value (`--sr-bits`).
pub const MAX_SR_BITS: u32 = 32;

impl Encoder {
    /// An encoder with an explicit mode (None = the format's default) and overflow policy.
    pub fn new(format: &Format, mode: Option<RoundingMode>, overflow: OverflowPolicy, seed: u64) -> Encoder {
        let mode = mode.unwrap_or_else(|| format.default_rounding());
        Encoder { format: format.clone(), mode, overflow, state: seed ^ 0x9E37_79B9_7F4A_7C15, sr_bits: None }
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

    /// SplitMix64: small, fast and reproducible.
    fn next_random(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Encodes an exact value.
    pub fn encode_exact(&mut self, input: &Exact) -> Encoded {
        let random = if self.mode == RoundingMode::Stochastic { self.next_random() } else { 0 };
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
        Encoded { code, value, input: input.approx_f64(), status }
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

    /// Encodes a parsed decimal (`text` is its source, for the fast f64 parse).
    pub fn encode_decimal(&mut self, decimal: &Decimal, text: &str) -> Encoded {
        let Decimal::Finite { .. } = decimal else {
            return self.encode_exact(&decimal.to_exact());
        };
        let Kind::Float(f) = &self.format.kind() else {
            return self.encode_exact(&decimal.to_exact());
        };
        let Ok(x) = text.trim().parse::<f64>() else {
            return self.encode_exact(&decimal.to_exact());
        };
        if f.mantissa_bits() >= 52 && self.mode == RoundingMode::NearestEven && x.is_finite() {
            // Rust's parse is correctly rounded to nearest-even: only the flags remain.
            let exact = decimal_equals_f64(decimal, x);
            let mut status = if exact { Status::EXACT } else { Status::INEXACT };
            if !exact && x.abs() < f64::MIN_POSITIVE {
                status |= Status::UNDERFLOW;
            }
            return Encoded { code: x.to_bits(), value: x, input: x, status };
        }
        if self.mode == RoundingMode::Stochastic || !x.is_finite() || f.mantissa_bits() >= 52 {
            return self.encode_exact(&decimal.to_exact());
        }
        let via_f64 = round_float(f, &Exact::from_f64(x), self.mode, self.overflow, 0);
        let nearest = matches!(self.mode, RoundingMode::NearestEven | RoundingMode::NearestAway);
        let on_boundary = via_f64.tie || (!via_f64.status.contains(Status::INEXACT) && !nearest);
        if !on_boundary && via_f64.status.contains(Status::INEXACT) {
            // x lies strictly between two decision points of the target, so does the exact value.
            let value = self.format.decode(via_f64.code).value;
            return Encoded { code: via_f64.code, value, input: x, status: via_f64.status };
        }
        if decimal_equals_f64(decimal, x) {
            let value = self.format.decode(via_f64.code).value;
            return Encoded { code: via_f64.code, value, input: x, status: via_f64.status };
        }
        if !on_boundary && nearest {
            // x is representable and the exact value is within half an f64 ulp of it.
            let value = self.format.decode(via_f64.code).value;
            let mut status = via_f64.status | Status::INEXACT;
            let tiny = f.min_normal().is_none_or(|n| x.abs() < n);
            if tiny {
                status |= Status::UNDERFLOW;
            }
            return Encoded { code: via_f64.code, value, input: x, status };
        }
        self.encode_exact(&decimal.to_exact())
    }
}
