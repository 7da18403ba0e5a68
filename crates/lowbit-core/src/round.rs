//! Rounding an exact real number to a float format: one kernel for every format and mode.
//!
//! The input is an [`Exact`] value — 64 significant bits plus a sticky bit — so rounding
//! happens once, from the exact value, whatever its source (decimal text or an f64).

/// How to choose between the two neighbouring representable values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundingMode {
    /// Round to nearest, ties to even (IEEE default, ml_dtypes).
    NearestEven,
    /// Round to nearest, ties away from zero (ml_dtypes' E8M0 "ties up").
    NearestAway,
    /// Truncate toward zero.
    TowardZero,
    /// Toward +∞.
    Up,
    /// Toward −∞.
    Down,
    /// Up or down with probability proportional to the distance (seeded, reproducible); see
    /// [`Draw`] for the two ways of drawing (64 bits, or N bits as gfloat / P3109).
    Stochastic,
    /// Round to odd: an exact value stays, any other goes to the neighbour whose code is odd
    /// (P3109's ToOdd: away from zero when the code below is even). A result rounded to odd
    /// with two or more extra bits rounds again to nearest without a double-rounding error.
    Odd,
}

impl RoundingMode {
    /// Every mode, in the order the UI lists them.
    pub const ALL: [RoundingMode; 7] = [
        RoundingMode::NearestEven,
        RoundingMode::NearestAway,
        RoundingMode::TowardZero,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Stochastic,
        RoundingMode::Odd,
    ];

    /// The CLI / URL name (`nearest-even`, …).
    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::NearestEven => "nearest-even",
            RoundingMode::NearestAway => "nearest-away",
            RoundingMode::TowardZero => "toward-zero",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
            RoundingMode::Stochastic => "stochastic",
            RoundingMode::Odd => "odd",
        }
    }

    /// Parses a CLI / URL name.
    pub fn parse(name: &str) -> Result<RoundingMode, String> {
        RoundingMode::ALL.into_iter().find(|m| m.name() == name).ok_or_else(|| {
            let names: Vec<_> = RoundingMode::ALL.iter().map(|m| m.name()).collect();
            format!("unknown rounding mode '{name}'; valid: {}", names.join(", "))
        })
    }
}

/// What happens to a value beyond the largest finite number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OverflowPolicy {
    /// What ml_dtypes does for this format (Inf for IEEE, NaN for fn/fnuz, saturate for
    /// finite-only formats and integers).
    Default,
    /// Clamp to ±max finite (OCP "satfinite").
    Saturate,
    /// ±Inf (falls back to NaN, then saturation, where the format has no Inf).
    Inf,
    /// NaN (falls back to Inf, then saturation, where the format has no NaN).
    Nan,
    /// Two's-complement wrap-around (integer formats: a C cast). Floats treat it as Default.
    Wrap,
    /// IEEE P3109 SatFinite (draft §4.7.5): every value past the range, ±Inf included, is
    /// clamped to the extremal finite value; negatives into an unsigned format give its
    /// smallest value. Integers saturate.
    SatFinite,
    /// IEEE P3109 SatPropagate: finite values past the range are clamped, ±Inf stays ±Inf
    /// where the format has it (±max, or the smallest value for −Inf unsigned, otherwise).
    SatPropagate,
    /// IEEE P3109 SatNone: past the range ±Inf where the format has it, else ±max; rounding
    /// toward zero gives ±max; round to odd gives the odd code of ±max and ±Inf; a negative
    /// into an unsigned format is NaN unless it rounds to 0 (or toward zero / up: 0).
    SatNone,
}

impl OverflowPolicy {
    /// Every policy, in the order the UI lists them.
    pub const ALL: [OverflowPolicy; 8] = [
        OverflowPolicy::Default,
        OverflowPolicy::Saturate,
        OverflowPolicy::Inf,
        OverflowPolicy::Nan,
        OverflowPolicy::Wrap,
        OverflowPolicy::SatFinite,
        OverflowPolicy::SatPropagate,
        OverflowPolicy::SatNone,
    ];

    /// Whether this is one of P3109's saturation modes (`sat-finite`, `sat-propagate`,
    /// `sat-none`), which also define negatives into unsigned formats.
    pub fn is_p3109(self) -> bool {
        matches!(self, OverflowPolicy::SatFinite | OverflowPolicy::SatPropagate | OverflowPolicy::SatNone)
    }

    /// The CLI / URL name.
    pub fn name(self) -> &'static str {
        match self {
            OverflowPolicy::Default => "default",
            OverflowPolicy::Saturate => "saturate",
            OverflowPolicy::Inf => "inf",
            OverflowPolicy::Nan => "nan",
            OverflowPolicy::Wrap => "wrap",
            OverflowPolicy::SatFinite => "sat-finite",
            OverflowPolicy::SatPropagate => "sat-propagate",
            OverflowPolicy::SatNone => "sat-none",
        }
    }

    /// Parses a CLI / URL name.
    pub fn parse(name: &str) -> Result<OverflowPolicy, String> {
        OverflowPolicy::ALL.into_iter().find(|m| m.name() == name).ok_or_else(|| {
            let names: Vec<_> = OverflowPolicy::ALL.iter().map(|m| m.name()).collect();
            format!("unknown overflow policy '{name}'; valid: {}", names.join(", "))
        })
    }
}

/// Status flags of a conversion (IEEE-style). No flag set means the result is exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Status(u8);

impl Status {
    /// The result differs from the input.
    pub const INEXACT: Status = Status(1);
    /// The input was beyond the largest finite value.
    pub const OVERFLOW: Status = Status(2);
    /// The input was tiny (below the smallest normal) and the result inexact.
    pub const UNDERFLOW: Status = Status(4);
    /// The input has no meaningful result (NaN into a format without NaN, a negative into an
    /// unsigned format, …).
    pub const INVALID: Status = Status(8);
    /// No flag.
    pub const EXACT: Status = Status(0);

    /// Whether all flags of `other` are set.
    pub fn contains(self, other: Status) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no flag is set.
    pub fn is_exact(self) -> bool {
        self.0 == 0
    }

    /// Flag names, or `["exact"]` when none is set.
    pub fn names(self) -> Vec<&'static str> {
        let all = [
            (Status::INEXACT, "inexact"),
            (Status::OVERFLOW, "overflow"),
            (Status::UNDERFLOW, "underflow"),
            (Status::INVALID, "invalid"),
        ];
        let names: Vec<_> = all.iter().filter(|(f, _)| self.contains(*f)).map(|(_, n)| *n).collect();
        if names.is_empty() { vec!["exact"] } else { names }
    }
}

impl std::ops::BitOr for Status {
    type Output = Status;
    fn bitor(self, rhs: Status) -> Status {
        Status(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Status {
    fn bitor_assign(&mut self, rhs: Status) {
        self.0 |= rhs.0;
    }
}

/// An exact real input: 64 significant bits and a sticky bit, or a special value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exact {
    /// Not a number (the sign is kept).
    Nan {
        /// Sign of the NaN.
        negative: bool,
    },
    /// ±∞.
    Infinite {
        /// Sign.
        negative: bool,
    },
    /// ±0.
    Zero {
        /// Sign.
        negative: bool,
    },
    /// |v| = (significand + δ) × 2^exponent with δ = 0 when `sticky` is false and
    /// 0 < δ < 1 otherwise; `significand` has its top bit set.
    Finite {
        /// Sign.
        negative: bool,
        /// The leading 64 bits of |v|, top bit set.
        significand: u64,
        /// Power of two of the significand's last bit.
        exponent: i32,
        /// Whether |v| has nonzero bits beyond the 64 kept.
        sticky: bool,
    },
}

impl Exact {
    /// The exact value of an f64.
    pub fn from_f64(x: f64) -> Exact {
        let negative = x.is_sign_negative();
        if x.is_nan() {
            return Exact::Nan { negative };
        }
        if x.is_infinite() {
            return Exact::Infinite { negative };
        }
        if x == 0.0 {
            return Exact::Zero { negative };
        }
        let bits = x.abs().to_bits();
        let field = (bits >> 52) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        let (integer, exponent) = if field == 0 { (fraction, -1074) } else { (fraction | 1 << 52, field - 1075) };
        let shift = integer.leading_zeros() as i32;
        Exact::Finite { negative, significand: integer << shift, exponent: exponent - shift, sticky: false }
    }

    /// The same value with the significand's top bit set and the exponent within ±20000 (far
    /// beyond every format, so rounding is unchanged); a zero significand is a zero. Callers
    /// can then do exponent arithmetic without overflow whatever `Exact` they were given.
    pub fn normalized(&self) -> Exact {
        match *self {
            Exact::Finite { negative, significand, exponent, sticky } => {
                if significand == 0 {
                    return Exact::Zero { negative };
                }
                let shift = significand.leading_zeros();
                let exponent = (i64::from(exponent) - i64::from(shift)).clamp(-20_000, 20_000) as i32;
                Exact::Finite { negative, significand: significand << shift, exponent, sticky }
            }
            other => other,
        }
    }

    /// Compares two exact values (None when either is NaN; −0 equals +0).
    pub fn compare(&self, other: &Exact) -> Option<std::cmp::Ordering> {
        // (sign, magnitude class, exponent, significand, sticky) after normalisation.
        fn magnitude(x: &Exact) -> Option<(u8, i32, u64, bool)> {
            match x.normalized() {
                Exact::Nan { .. } => None,
                Exact::Zero { .. } => Some((0, 0, 0, false)),
                Exact::Finite { significand, exponent, sticky, .. } => Some((1, exponent, significand, sticky)),
                Exact::Infinite { .. } => Some((2, 0, 0, false)),
            }
        }
        let (a, b) = (magnitude(self)?, magnitude(other)?);
        let sign = |x: &Exact, m: &(u8, i32, u64, bool)| if m.0 == 0 { 0 } else if x.is_negative() { -1 } else { 1 };
        let (sa, sb) = (sign(self, &a), sign(other, &b));
        if sa != sb {
            return Some(sa.cmp(&sb));
        }
        let by_magnitude = a.cmp(&b);
        Some(if sa < 0 { by_magnitude.reverse() } else { by_magnitude })
    }

    /// Compares with an f64 exactly (None when either is NaN).
    pub fn compare_f64(&self, other: f64) -> Option<std::cmp::Ordering> {
        self.compare(&Exact::from_f64(other))
    }

    /// Whether the value is negative (including −0 and −NaN).
    pub fn is_negative(&self) -> bool {
        match *self {
            Exact::Nan { negative }
            | Exact::Infinite { negative }
            | Exact::Zero { negative }
            | Exact::Finite { negative, .. } => negative,
        }
    }

    /// The nearest f64 (round to nearest, ties to even; ±Inf beyond f64's range).
    pub fn approx_f64(&self) -> f64 {
        let sign = if self.is_negative() { -1.0 } else { 1.0 };
        let (significand, exponent, sticky) = match *self {
            Exact::Nan { .. } => return f64::NAN,
            Exact::Infinite { .. } => return sign * f64::INFINITY,
            Exact::Zero { .. } => return sign * 0.0,
            Exact::Finite { .. } => match self.normalized() {
                Exact::Finite { significand, exponent, sticky, .. } => (significand, exponent, sticky),
                _ => return sign * 0.0,
            },
        };
        // binary64: 52 stored bits, exponents -1022..=1023, subnormal quantum 2^-1074.
        let top = i64::from(exponent) + 63;
        let quantum = top.max(-1022) - 52;
        let step = round_significand(
            significand,
            exponent,
            sticky,
            quantum.clamp(i32::MIN as i64, i32::MAX as i64) as i32,
            RoundingMode::NearestEven,
            false,
            0,
        );
        let (mut magnitude, mut quantum) = (step.magnitude as u64, quantum);
        if magnitude == 1 << 53 {
            magnitude = 1 << 52;
            quantum += 1;
        }
        let bits = if magnitude < 1 << 52 {
            magnitude // subnormal (or zero): quantum is -1074
        } else if quantum + 52 > 1023 {
            f64::INFINITY.to_bits()
        } else {
            (((quantum + 52 + 1023) as u64) << 52) | (magnitude - (1 << 52))
        };
        sign * f64::from_bits(bits)
    }
}

/// A significand rounded to a multiple of 2^quantum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// |v| rounded, in units of 2^quantum.
    pub magnitude: u128,
    /// Whether rounding changed the value.
    pub inexact: bool,
    /// Whether |v| was exactly halfway between two multiples.
    pub tie: bool,
}

/// Where stochastic rounding's randomness comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Draw {
    /// 64 uniform random bits: away from zero when they are below the exact fraction ν (in
    /// units of 2^−64, the bits beyond breaking equality), so with probability ν to 2^−64.
    Uniform(u64),
    /// `count` random bits R = `value` mod 2^count (gfloat's `RoundMode.Stochastic` with
    /// `srnumbits` = count and `srbits` = R; P3109's StochasticC): the fraction ν is first
    /// rounded to `count` bits, D = round-half-even(ν · 2^count), and the value goes away from
    /// zero when D + R ≥ 2^count — with probability D / 2^count. Exact for every input whose
    /// fraction has more than `count` bits in the 64 kept or none beyond them (the encoder
    /// checks this: `count` < 63 − mantissa bits).
    Bits {
        /// N, the number of random bits (1–63).
        count: u32,
        /// The random bits (only the low `count` are used).
        value: u64,
    },
}

/// How the parity of a candidate's code is read (ties to even, round to odd).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parity {
    /// The code's last bit is the kept significand's last bit (mantissa bits ≥ 1, integers).
    Lsb,
    /// No mantissa bits: 0 is the (even) zero code; 1 is a power of two whose code, its
    /// exponent field, is `odd` or not.
    Exponent {
        /// Whether the exponent field of the value 2^quantum is odd.
        odd: bool,
    },
}

/// Rounds |v| = (significand + sticky) × 2^exponent to a multiple of 2^quantum, where
/// quantum ≥ exponent (callers guarantee at most 64 kept bits). Shared by floats and integers.
pub fn round_significand(
    significand: u64,
    exponent: i32,
    sticky: bool,
    quantum: i32,
    mode: RoundingMode,
    negative: bool,
    random: u64,
) -> Step {
    round_step(significand, exponent, sticky, quantum, mode, negative, Draw::Uniform(random), Parity::Lsb)
}

/// [`round_significand`] with the stochastic draw and the code parity spelled out.
#[allow(clippy::too_many_arguments)]
pub fn round_step(
    significand: u64,
    exponent: i32,
    sticky: bool,
    quantum: i32,
    mode: RoundingMode,
    negative: bool,
    draw: Draw,
    parity: Parity,
) -> Step {
    let shift = (quantum as i64 - exponent as i64).clamp(0, 127) as u32;
    let wide = significand as u128;
    let kept = wide >> shift;
    let remainder = wide & ((1u128 << shift) - 1);
    let half = if shift == 0 { 0 } else { 1u128 << (shift - 1) };
    let inexact = remainder != 0 || sticky;
    let tie = shift > 0 && remainder == half && !sticky;
    let above_half = if shift == 0 { false } else { remainder > half || (remainder == half && sticky) };
    let lower_odd = match parity {
        Parity::Lsb => kept & 1 == 1,
        Parity::Exponent { odd } => kept != 0 && odd,
    };
    let increment = match mode {
        RoundingMode::NearestEven => above_half || (tie && lower_odd),
        RoundingMode::Odd => inexact && !lower_odd,
        RoundingMode::NearestAway => above_half || tie,
        RoundingMode::TowardZero => false,
        RoundingMode::Up => !negative && inexact,
        RoundingMode::Down => negative && inexact,
        RoundingMode::Stochastic => match draw {
            Draw::Uniform(random) => {
                let fraction = if shift <= 64 {
                    (remainder << (64 - shift)) as u64
                } else {
                    (remainder >> (shift - 64)) as u64
                };
                random < fraction || (sticky && random == fraction && fraction != u64::MAX)
            }
            Draw::Bits { count, value } => {
                let n = count.clamp(1, 63);
                let r = u128::from(value) & ((1u128 << n) - 1);
                // D = round-half-even(ν · 2^n), ν = (remainder + sticky) / 2^shift.
                let d = if shift > n {
                    let dropped = shift - n;
                    let (high, rest, half) = (remainder >> dropped, remainder & ((1u128 << dropped) - 1), 1u128 << (dropped - 1));
                    high + u128::from(rest > half || (rest == half && (sticky || high & 1 == 1)))
                } else {
                    remainder << (n - shift)
                };
                d + r >= 1u128 << n
            }
        },
    };
    Step { magnitude: kept + increment as u128, inexact, tie }
}
