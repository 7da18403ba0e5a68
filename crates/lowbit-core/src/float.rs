//! Binary floating-point formats described as data.
//!
//! One [`FloatFormat`] value (exponent bits, mantissa bits, bias, sign, special-value rule,
//! subnormals) drives decoding, encoding, limits and names for every minifloat from FP4 to
//! FP64. Nothing about a particular format is typed by hand: every limit is derived here.

use crate::round::{round_step, Draw, Exact, OverflowPolicy, Parity, RoundingMode, Status};

/// How a format spends its codes on infinities, NaNs and negative zero.
///
/// The names follow ml_dtypes' suffixes (`fn`, `fnuz`) and the OCP specifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Specials {
    /// IEEE 754: the all-ones exponent holds ±Inf (mantissa 0) and NaNs (mantissa ≠ 0).
    Ieee,
    /// "Finite, NaN": no infinities; NaN only at `S.111…1` (both signs), as OCP E4M3.
    Fn,
    /// "Finite, NaN, unsigned zero": no infinities, no −0; the −0 code `1.000…0` is the one NaN.
    Fnuz,
    /// Every code is a finite number (OCP FP6/FP4).
    Finite,
    /// IEEE P3109: no −0. Signed: the −0 code `1000…0` is the one NaN and, when `extended`,
    /// the all-ones magnitudes `0111…1` / `1111…1` are ±Inf. Unsigned: the top code `1111…1`
    /// is the NaN and, when `extended`, `1111…10` is +Inf. Every other code is a number.
    P3109 {
        /// Whether the format has infinities (P3109's Extended domain; Finite otherwise).
        extended: bool,
    },
}

impl Specials {
    /// The suffix used in custom ids (`ieee`, `fn`, `fnuz`, `finite`).
    pub fn suffix(self) -> &'static str {
        match self {
            Specials::Ieee => "ieee",
            Specials::Fn => "fn",
            Specials::Fnuz => "fnuz",
            Specials::Finite => "finite",
            Specials::P3109 { extended: true } => "p3109e",
            Specials::P3109 { extended: false } => "p3109f",
        }
    }
}

/// The class of a decoded value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// ±0.
    Zero,
    /// A nonzero value below the smallest normal number (exponent field 0).
    Subnormal,
    /// A normal number.
    Normal,
    /// ±Inf.
    Infinite,
    /// Not a number.
    Nan,
}

impl Class {
    /// The lowercase name used by the CLI's JSON and the UI ("zero", "subnormal", …).
    pub fn name(self) -> &'static str {
        match self {
            Class::Zero => "zero",
            Class::Subnormal => "subnormal",
            Class::Normal => "normal",
            Class::Infinite => "infinite",
            Class::Nan => "nan",
        }
    }
}

/// The description of a binary floating-point layout, as plain data: what a caller fills in
/// to ask for a format. [`FloatFormat::new`] checks it; only a checked description becomes a
/// [`FloatFormat`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FloatSpec {
    /// Width of the exponent field (1–11).
    pub exponent_bits: u32,
    /// Width of the stored mantissa (fraction) field (0–52).
    pub mantissa_bits: u32,
    /// Exponent bias: value = 2^(E − bias) × 1.m for a normal code.
    pub bias: i32,
    /// Whether the top bit is a sign bit (false only for unsigned formats such as E8M0).
    pub signed: bool,
    /// Which codes are Inf / NaN and whether −0 exists.
    pub specials: Specials,
    /// Whether exponent field 0 holds subnormals and zero. When false (E8M0) field 0 is one
    /// more normal binade and the format has no zero.
    pub subnormals: bool,
}

impl FloatSpec {
    /// A signed IEEE-style description with subnormals and the default bias 2^(e−1) − 1
    /// (bias 0 when `exponent_bits` is outside 1..=11; [`FloatFormat::new`] refuses it).
    pub fn ieee(exponent_bits: u32, mantissa_bits: u32) -> FloatSpec {
        FloatSpec {
            exponent_bits,
            mantissa_bits,
            bias: FloatFormat::default_bias(exponent_bits).unwrap_or(0),
            signed: true,
            specials: Specials::Ieee,
            subnormals: true,
        }
    }
}

/// A binary floating-point format: sign? + exponent + mantissa bits. Only built from a checked
/// [`FloatSpec`], so every method is total: no shift overflows, every value fits an f64.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FloatFormat {
    exponent_bits: u32,
    mantissa_bits: u32,
    bias: i32,
    signed: bool,
    specials: Specials,
    subnormals: bool,
}

/// Why a format description or id is not usable: a typed reason, so that a front end can
/// put it in its own words and language, that writes itself ([`std::fmt::Display`]) in the
/// CLI's English: `'e12m3': the exponent width must be 1 to 11 bits, got 12`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The id the reason is about, when it came from one (`e12m3`).
    pub id: Option<String>,
    /// Why.
    pub reason: FormatReason,
}

/// Why a format is refused ([`FormatError::reason`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatReason {
    /// A float layout with an exponent width outside 1..=11.
    ExponentBits {
        /// The width asked for.
        got: u32,
    },
    /// More than 52 mantissa bits or 64 bits in all.
    TooManyBits {
        /// Exponent bits.
        exponent_bits: u32,
        /// Mantissa bits.
        mantissa_bits: u32,
    },
    /// The `fnuz` rule without a sign bit (its NaN is the −0 code).
    FnuzNeedsSign,
    /// A layout whose rule leaves no positive finite number.
    NoFiniteNumber {
        /// Exponent bits.
        exponent_bits: u32,
        /// Mantissa bits.
        mantissa_bits: u32,
        /// The special-value rule's suffix (`fn`, `finite`, …).
        rule: &'static str,
    },
    /// A bias that puts values outside f64's range.
    OutsideF64 {
        /// The bias.
        bias: i32,
        /// Exponent bits.
        exponent_bits: u32,
        /// Mantissa bits.
        mantissa_bits: u32,
        /// The lowest power of two of the format.
        lowest: i64,
        /// The highest.
        highest: i64,
    },
    /// P3109 parameters out of range.
    P3109Size {
        /// The width K.
        k: u32,
        /// The precision P.
        p: u32,
    },
    /// Text that is not a P3109 id.
    NotP3109Id,
    /// Text that is not a custom id `eXmY…`.
    NotCustomId,
    /// A custom id with an exponent width outside 1..=11.
    CustomExponentWidth {
        /// The width asked for.
        got: u32,
    },
    /// A custom id of more than 32 bits.
    CustomTooWide {
        /// Its bits (sign + exponent + mantissa).
        bits: u32,
    },
    /// An id that names no format.
    Unknown,
    /// A float layout none of the ids can name (unsigned, or without subnormals).
    Unnameable {
        /// The layout, as Rust's `Debug` writes it.
        layout: String,
    },
    /// An integer or codebook outside the catalogue (they have no ids).
    NoIdForKind,
    /// An integer width outside 2..=32.
    IntWidth {
        /// The width asked for.
        got: u32,
    },
    /// A codebook that its description does not allow (the reason in English).
    Codebook(&'static str),
}

impl FormatError {
    /// A reason not about an id.
    pub fn new(reason: FormatReason) -> FormatError {
        FormatError { id: None, reason }
    }

    /// The same reason, about `id`.
    pub fn about(self, id: &str) -> FormatError {
        FormatError { id: Some(id.to_string()), ..self }
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use FormatReason as R;
        let id = self.id.as_deref().unwrap_or_default();
        match &self.reason {
            R::NotP3109Id => {
                return write!(
                    f,
                    "'{id}' is not a P3109 id: expected p3109_k{{K}}p{{P}}{{s|u}}{{e|f}} with K = {P3109_MIN_BITS}..{P3109_MAX_BITS}, 1 <= P <= K - 1, e.g. p3109_k8p3se"
                )
            }
            R::NotCustomId => {
                return write!(f, "'{id}' is not a custom format id: expected eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f], e.g. e4m3, e5m7b10_fn")
            }
            R::Unknown => {
                let ids: Vec<&str> = crate::CATALOGUE.iter().map(|e| e.id()).collect();
                return write!(
                    f,
                    "unknown format '{id}'; valid: {}, a P3109 p3109_k{{3..8}}p{{1..K-1}}{{s|u}}{{e|f}}, or a custom eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f]",
                    ids.join(", ")
                );
            }
            _ => {}
        }
        if self.id.is_some() {
            write!(f, "'{id}': ")?;
        }
        match &self.reason {
            R::ExponentBits { got } => write!(f, "exponent bits must be 1..=11, got {got}"),
            R::TooManyBits { exponent_bits: e, mantissa_bits: m } => write!(f, "at most 52 mantissa bits and 64 bits in all, got e{e}m{m}"),
            R::FnuzNeedsSign => f.write_str("the fnuz rule needs a sign bit (its NaN is the -0 code)"),
            R::NoFiniteNumber { exponent_bits: e, mantissa_bits: m, rule } => write!(f, "e{e}m{m} with the {rule} rule has no positive finite number"),
            R::OutsideF64 { bias, exponent_bits: e, mantissa_bits: m, lowest, highest } => write!(
                f,
                "bias {bias} puts e{e}m{m} outside the range of f64 (exponents {lowest}..{highest}; they must stay within -1074..1023)"
            ),
            R::P3109Size { k, p } => write!(
                f,
                "P3109 formats have K = {P3109_MIN_BITS} to {P3109_MAX_BITS} bits and precision 1 <= P <= K - 1; got K = {k}, P = {p}"
            ),
            R::CustomExponentWidth { got } => write!(f, "the exponent width must be 1 to 11 bits, got {got}"),
            R::CustomTooWide { bits } => write!(f, "a custom format has at most 32 bits (sign + exponent + mantissa), this one has {bits}"),
            R::Unnameable { layout } => write!(f, "{layout} is neither in the catalogue nor a custom eXmY format"),
            R::NoIdForKind => f.write_str("only the catalogue's integer and codebook formats have ids"),
            R::IntWidth { got } => write!(
                f,
                "an integer format has {} to {} bits, got {got}",
                crate::int::IntFormat::WIDTHS.start(),
                crate::int::IntFormat::WIDTHS.end()
            ),
            R::Codebook(why) => f.write_str(why),
            R::NotP3109Id | R::NotCustomId | R::Unknown => Ok(()),
        }
    }
}

/// The fields of one code, and what they mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloatFields {
    /// The sign bit (false for unsigned formats).
    pub sign: bool,
    /// The raw exponent field.
    pub exponent_field: u64,
    /// The raw mantissa (fraction) field.
    pub mantissa_field: u64,
    /// The exponent actually applied: field − bias, or 1 − bias for subnormals.
    pub unbiased_exponent: i32,
    /// The significand 1.m (normal) or 0.m (subnormal), as an exact f64.
    pub significand: f64,
    /// The class of the code.
    pub class: Class,
    /// The value, exactly (every supported format fits in an f64).
    pub value: f64,
}

impl FloatFormat {
    /// IEEE 754 binary64.
    pub const FLOAT64: FloatFormat = FloatFormat::catalogue(11, 52, 1023, true, Specials::Ieee, true);
    /// IEEE 754 binary32.
    pub const FLOAT32: FloatFormat = FloatFormat::catalogue(8, 23, 127, true, Specials::Ieee, true);
    /// IEEE 754 binary16.
    pub const FLOAT16: FloatFormat = FloatFormat::catalogue(5, 10, 15, true, Specials::Ieee, true);

    /// A description known to be valid (the catalogue's; `tests` check every one of them).
    pub(crate) const fn catalogue(
        exponent_bits: u32,
        mantissa_bits: u32,
        bias: i32,
        signed: bool,
        specials: Specials,
        subnormals: bool,
    ) -> FloatFormat {
        FloatFormat { exponent_bits, mantissa_bits, bias, signed, specials, subnormals }
    }

    /// Checks a description: 1–11 exponent bits, at most 52 mantissa bits and 64 bits in all,
    /// at least one positive finite number, every value within f64's range, and a special-value
    /// rule that the layout can hold (`fnuz` needs a sign bit: its NaN is the −0 code).
    pub fn new(spec: FloatSpec) -> Result<FloatFormat, FormatError> {
        let FloatSpec { exponent_bits: e, mantissa_bits: m, bias, signed, specials, subnormals } = spec;
        if !(1..=11).contains(&e) {
            return Err(FormatError::new(FormatReason::ExponentBits { got: e }));
        }
        if m > 52 || e + m + signed as u32 > 64 {
            return Err(FormatError::new(FormatReason::TooManyBits { exponent_bits: e, mantissa_bits: m }));
        }
        if specials == Specials::Fnuz && !signed {
            return Err(FormatError::new(FormatReason::FnuzNeedsSign));
        }
        let format = FloatFormat { exponent_bits: e, mantissa_bits: m, bias, signed, specials, subnormals };
        let Some(max_code) = format.max_finite_magnitude_code() else {
            return Err(FormatError::new(FormatReason::NoFiniteNumber { exponent_bits: e, mantissa_bits: m, rule: specials.suffix() }));
        };
        let lowest = format.min_exponent_wide() - i64::from(m);
        let highest = format.split(max_code).1 as i64 - i64::from(bias);
        if lowest < -1074 || highest > 1023 {
            return Err(FormatError::new(FormatReason::OutsideF64 { bias, exponent_bits: e, mantissa_bits: m, lowest, highest }));
        }
        Ok(format)
    }

    /// The IEEE-style format with the default bias 2^(e−1) − 1.
    pub fn ieee(exponent_bits: u32, mantissa_bits: u32) -> Result<FloatFormat, FormatError> {
        FloatFormat::new(FloatSpec::ieee(exponent_bits, mantissa_bits))
    }

    /// The description this format was built from.
    pub fn spec(&self) -> FloatSpec {
        let FloatFormat { exponent_bits, mantissa_bits, bias, signed, specials, subnormals } = *self;
        FloatSpec { exponent_bits, mantissa_bits, bias, signed, specials, subnormals }
    }

    /// Same format with another bias (checked again).
    pub fn with_bias(&self, bias: i32) -> Result<FloatFormat, FormatError> {
        FloatFormat::new(FloatSpec { bias, ..self.spec() })
    }

    /// Same format with another special-value rule (checked again).
    pub fn with_specials(&self, specials: Specials) -> Result<FloatFormat, FormatError> {
        FloatFormat::new(FloatSpec { specials, ..self.spec() })
    }

    /// Width of the exponent field (1–11).
    pub const fn exponent_bits(&self) -> u32 {
        self.exponent_bits
    }

    /// Width of the stored mantissa (fraction) field (0–52).
    pub const fn mantissa_bits(&self) -> u32 {
        self.mantissa_bits
    }

    /// Exponent bias: value = 2^(E − bias) × 1.m for a normal code.
    pub const fn bias(&self) -> i32 {
        self.bias
    }

    /// Whether the top bit is a sign bit.
    pub const fn signed(&self) -> bool {
        self.signed
    }

    /// The special-value rule.
    pub const fn specials(&self) -> Specials {
        self.specials
    }

    /// Whether exponent field 0 holds subnormals and zero.
    pub const fn subnormals(&self) -> bool {
        self.subnormals
    }

    /// The default bias 2^(e−1) − 1 for an exponent width of 1 to 11 bits (None otherwise).
    pub fn default_bias(exponent_bits: u32) -> Option<i32> {
        (1..=11).contains(&exponent_bits).then(|| (1i32 << (exponent_bits - 1)) - 1)
    }

    /// Total width in bits.
    pub fn bits(&self) -> u32 {
        self.signed as u32 + self.exponent_bits + self.mantissa_bits
    }

    /// Number of codes (2^bits).
    pub fn code_count(&self) -> u128 {
        1u128 << self.bits()
    }

    /// Mask of all valid code bits.
    pub fn code_mask(&self) -> u64 {
        if self.bits() == 64 { u64::MAX } else { (1u64 << self.bits()) - 1 }
    }

    /// The sign bit mask (0 for unsigned formats).
    pub fn sign_mask(&self) -> u64 {
        if self.signed { 1u64 << (self.bits() - 1) } else { 0 }
    }

    fn mantissa_mask(&self) -> u64 {
        (1u64 << self.mantissa_bits) - 1
    }

    fn max_exponent_field(&self) -> u64 {
        (1u64 << self.exponent_bits) - 1
    }

    /// The exponent of the smallest normal binade (1 − bias; −bias without subnormals).
    pub fn min_exponent(&self) -> i32 {
        if self.subnormals { 1 - self.bias } else { -self.bias }
    }

    /// [`FloatFormat::min_exponent`] without overflow for any bias (used while checking one).
    fn min_exponent_wide(&self) -> i64 {
        if self.subnormals { 1 - i64::from(self.bias) } else { -i64::from(self.bias) }
    }

    /// Whether the format has ±Inf.
    pub fn has_inf(&self) -> bool {
        matches!(self.specials, Specials::Ieee | Specials::P3109 { extended: true })
    }

    /// Whether the format has a zero at all.
    pub fn has_zero(&self) -> bool {
        self.subnormals
    }

    /// Whether −0 is a distinct code.
    pub fn has_negative_zero(&self) -> bool {
        self.signed && self.has_zero() && matches!(self.specials, Specials::Ieee | Specials::Fn | Specials::Finite)
    }

    /// Number of codes that decode to NaN.
    pub fn nan_code_count(&self) -> u64 {
        let signs = if self.signed { 2 } else { 1 };
        match self.specials {
            Specials::Ieee => signs * self.mantissa_mask(),
            Specials::Fn => signs,
            Specials::Fnuz | Specials::P3109 { .. } => 1,
            Specials::Finite => 0,
        }
    }

    /// Whether the format has NaN.
    pub fn has_nan(&self) -> bool {
        self.nan_code_count() > 0
    }

    /// Splits a code into (sign, exponent field, mantissa field).
    pub fn split(&self, code: u64) -> (bool, u64, u64) {
        let code = code & self.code_mask();
        let sign = code & self.sign_mask() != 0;
        let exponent = (code >> self.mantissa_bits) & self.max_exponent_field();
        (sign, exponent, code & self.mantissa_mask())
    }

    /// Joins (sign, exponent field, mantissa field) into a code.
    pub fn join(&self, sign: bool, exponent: u64, mantissa: u64) -> u64 {
        let s = if sign { self.sign_mask() } else { 0 };
        s | (exponent << self.mantissa_bits) | mantissa
    }

    /// Whether a code is NaN.
    pub fn is_nan(&self, code: u64) -> bool {
        let code = code & self.code_mask();
        let magnitude = code & !self.sign_mask();
        let all_ones = (self.max_exponent_field() << self.mantissa_bits) | self.mantissa_mask();
        match self.specials {
            Specials::Ieee => {
                let (_, e, m) = self.split(code);
                e == self.max_exponent_field() && m != 0
            }
            Specials::Fn => magnitude == all_ones,
            Specials::Fnuz => self.signed && code == self.sign_mask(),
            Specials::Finite => false,
            Specials::P3109 { .. } => code == self.p3109_nan_code(),
        }
    }

    /// The one NaN code of the P3109 rule: the −0 code when signed, the top code otherwise.
    fn p3109_nan_code(&self) -> u64 {
        if self.signed { self.sign_mask() } else { self.code_mask() }
    }

    /// The code of +Inf under the P3109 rule (extended or not): the largest positive magnitude
    /// when signed, the code below the NaN otherwise.
    fn p3109_inf_magnitude(&self) -> u64 {
        let top = self.code_mask() & !self.sign_mask();
        if self.signed { top } else { top - 1 }
    }

    /// Whether a code is ±Inf.
    pub fn is_inf(&self, code: u64) -> bool {
        let (_, e, m) = self.split(code);
        match self.specials {
            Specials::Ieee => e == self.max_exponent_field() && m == 0,
            Specials::P3109 { extended: true } => code & self.code_mask() & !self.sign_mask() == self.p3109_inf_magnitude(),
            _ => false,
        }
    }

    /// The largest finite magnitude as a code with sign bit clear, if there is one.
    pub fn max_finite_magnitude_code(&self) -> Option<u64> {
        let top = self.max_exponent_field();
        let all_mant = self.mantissa_mask();
        let code = match self.specials {
            Specials::Ieee => self.join(false, top.checked_sub(1)?, all_mant),
            Specials::Fn if self.mantissa_bits == 0 => self.join(false, top.checked_sub(1)?, 0),
            Specials::Fn => self.join(false, top, all_mant - 1),
            Specials::Fnuz | Specials::Finite => self.join(false, top, all_mant),
            // Below +Inf (extended) or the largest magnitude that is not the NaN (finite).
            Specials::P3109 { extended } => self.p3109_inf_magnitude().checked_sub(extended as u64)?,
        };
        let (_, e, m) = self.split(code);
        let smallest_nonzero = if self.subnormals { 1 } else { 0 };
        (code >= smallest_nonzero && (e > 0 || m > 0 || !self.subnormals)).then_some(code)
    }

    /// The code of the smallest value (most negative for signed formats: −max; 0 or the
    /// smallest positive value for unsigned ones). P3109's M lo.
    pub fn lowest_code(&self) -> u64 {
        if self.signed {
            self.max_finite_magnitude_code().map_or(0, |max| self.sign_mask() | max)
        } else {
            0
        }
    }

    /// The code of the smallest positive value.
    pub fn min_positive_code(&self) -> u64 {
        if self.subnormals { 1 } else { 0 }
    }

    /// The code of the smallest positive normal value (None when there are no normals).
    pub fn min_normal_code(&self) -> Option<u64> {
        let code = if self.subnormals { self.join(false, 1, 0) } else { 0 };
        (code <= self.max_finite_magnitude_code()?).then_some(code)
    }

    /// The positive NaN code a conversion produces (ml_dtypes' canonical NaN), if any.
    pub fn canonical_nan(&self, negative: bool) -> Option<u64> {
        let sign = negative && self.signed;
        match self.specials {
            Specials::Ieee if self.mantissa_bits > 0 => Some(self.join(
                sign,
                self.max_exponent_field(),
                1u64 << (self.mantissa_bits - 1),
            )),
            Specials::Fn => Some(self.join(sign, self.max_exponent_field(), self.mantissa_mask())),
            Specials::Fnuz if self.signed => Some(self.sign_mask()),
            Specials::P3109 { .. } => Some(self.p3109_nan_code()),
            _ => None,
        }
    }

    /// The code of ±Inf, if the format has infinities.
    pub fn inf_code(&self, negative: bool) -> Option<u64> {
        let sign = if negative && self.signed { self.sign_mask() } else { 0 };
        match self.specials {
            Specials::Ieee => Some(sign | self.join(false, self.max_exponent_field(), 0)),
            Specials::P3109 { extended: true } => Some(sign | self.p3109_inf_magnitude()),
            _ => None,
        }
    }

    /// The code of zero with the given sign (+0 where −0 does not exist), if there is a zero.
    pub fn zero_code(&self, negative: bool) -> Option<u64> {
        self.has_zero().then(|| if negative && self.has_negative_zero() { self.sign_mask() } else { 0 })
    }

    /// Decodes any code into its fields, class and exact value.
    pub fn decode(&self, code: u64) -> FloatFields {
        let (sign, exponent_field, mantissa_field) = self.split(code);
        let sign_factor = if sign { -1.0 } else { 1.0 };
        let m = self.mantissa_bits as i32;
        let special = |class: Class, value: f64| FloatFields {
            sign,
            exponent_field,
            mantissa_field,
            unbiased_exponent: exponent_field as i32 - self.bias,
            significand: f64::NAN,
            class,
            value,
        };
        if self.is_nan(code) {
            return special(Class::Nan, f64::NAN);
        }
        if self.is_inf(code) {
            return special(Class::Infinite, sign_factor * f64::INFINITY);
        }
        let subnormal = self.subnormals && exponent_field == 0;
        let (unbiased_exponent, integer_significand) = if subnormal {
            (1 - self.bias, mantissa_field)
        } else {
            (exponent_field as i32 - self.bias, mantissa_field | (1u64 << m))
        };
        let significand = ldexp(integer_significand as f64, -m);
        let value = sign_factor * ldexp(integer_significand as f64, unbiased_exponent - m);
        let class = match (subnormal, mantissa_field) {
            (true, 0) => Class::Zero,
            (true, _) => Class::Subnormal,
            _ => Class::Normal,
        };
        FloatFields { sign, exponent_field, mantissa_field, unbiased_exponent, significand, class, value }
    }

    /// The value of a code (NaN for NaN codes).
    pub fn value(&self, code: u64) -> f64 {
        self.decode(code).value
    }

    /// The largest finite value.
    pub fn max_finite(&self) -> f64 {
        self.max_finite_magnitude_code().map_or(f64::NAN, |c| self.value(c))
    }

    /// The smallest positive value (subnormal when the format has subnormals).
    pub fn min_positive(&self) -> f64 {
        self.value(self.min_positive_code())
    }

    /// The smallest positive normal value.
    pub fn min_normal(&self) -> Option<f64> {
        self.min_normal_code().map(|c| self.value(c))
    }

    /// The gap between 1 and the next larger value: 2^−m.
    pub fn epsilon(&self) -> f64 {
        ldexp(1.0, -(self.mantissa_bits as i32))
    }

    /// The spacing of representable values around `x` (the ULP of the binade of |x|).
    pub fn ulp(&self, x: f64) -> f64 {
        let exponent = if x == 0.0 || !x.is_finite() {
            self.min_exponent()
        } else {
            exponent_of(x.abs()).max(self.min_exponent())
        };
        ldexp(1.0, exponent - self.mantissa_bits as i32)
    }

    /// The default rounding mode of ml_dtypes for this format: nearest-even, except E8M0
    /// which rounds ties up (away from zero; its values are all positive).
    pub fn default_rounding(&self) -> RoundingMode {
        if !self.signed && self.mantissa_bits == 0 && !self.subnormals {
            RoundingMode::NearestAway
        } else {
            RoundingMode::NearestEven
        }
    }

    /// ml_dtypes' overflow behaviour: IEEE formats overflow to Inf, 8-bit `fn`/`fnuz` to NaN,
    /// finite-only formats (FP6, FP4) saturate.
    pub fn default_overflow(&self) -> OverflowPolicy {
        match self.specials {
            Specials::Ieee => OverflowPolicy::Inf,
            Specials::Fn | Specials::Fnuz => OverflowPolicy::Nan,
            Specials::Finite => OverflowPolicy::Saturate,
            // Non-saturating, as gfloat's `sat=False`: ±Inf when extended, else NaN.
            Specials::P3109 { .. } => OverflowPolicy::Inf,
        }
    }

    /// The IEEE P3109 format binaryKpP: `k` bits (3–8), precision `p` bits including the
    /// implicit one (1 ≤ p ≤ k − 1), signed or unsigned, extended (±Inf) or finite. The layout
    /// follows: p − 1 mantissa bits, k − p exponent bits when signed (k − p + 1 unsigned), bias
    /// 2^(k−p−1) when signed (2^(k−p) unsigned), subnormals, the [`Specials::P3109`] rule.
    pub fn p3109(k: u32, p: u32, signed: bool, extended: bool) -> Result<FloatFormat, FormatError> {
        if !(P3109_MIN_BITS..=P3109_MAX_BITS).contains(&k) || p == 0 || p >= k {
            return Err(FormatError::new(FormatReason::P3109Size { k, p }));
        }
        FloatFormat::new(FloatFormat::p3109_layout(k, p, signed, extended).spec())
    }

    /// The layout of binaryKpP, unchecked (for the catalogue's constants; [`FloatFormat::p3109`]
    /// checks the parameters).
    pub(crate) const fn p3109_layout(k: u32, p: u32, signed: bool, extended: bool) -> FloatFormat {
        let exponent_bits = k - p + !signed as u32;
        FloatFormat {
            exponent_bits,
            mantissa_bits: p - 1,
            // 2^(K−P−1) signed, 2^(K−P) unsigned: 2^(exponent bits − 1) either way.
            bias: 1 << (exponent_bits - 1),
            signed,
            specials: Specials::P3109 { extended },
            subnormals: true,
        }
    }

    /// When this format is exactly a P3109 binaryKpP of 3 to 8 bits: (K, P, signed, extended).
    pub fn p3109_parameters(&self) -> Option<(u32, u32, bool, bool)> {
        let Specials::P3109 { extended } = self.specials else { return None };
        let (k, p) = (self.bits(), self.mantissa_bits + 1);
        FloatFormat::p3109(k, p, self.signed, extended).ok().filter(|f| f == self).map(|_| (k, p, self.signed, extended))
    }

    /// gfloat's name of a P3109 format, `p3109_k{K}p{P}{s|u}{e|f}` (None for other formats).
    pub fn p3109_id(&self) -> Option<String> {
        let (k, p, signed, extended) = self.p3109_parameters()?;
        Some(format!("p3109_k{k}p{p}{}{}", if signed { 's' } else { 'u' }, if extended { 'e' } else { 'f' }))
    }

    /// Parses gfloat's `p3109_k{K}p{P}{s|u}{e|f}` or P3109's own `binary{K}p{P}{s|u}{e|f}`
    /// (case-insensitive).
    pub fn parse_p3109(id: &str) -> Result<FloatFormat, FormatError> {
        let bad = || FormatError::new(FormatReason::NotP3109Id).about(id);
        let lower = id.trim().to_ascii_lowercase();
        let rest = lower.strip_prefix("p3109_k").or_else(|| lower.strip_prefix("binary")).ok_or_else(bad)?;
        let (k_text, rest) = rest.split_once('p').ok_or_else(bad)?;
        let digits = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit());
        let split = rest.len().checked_sub(2).ok_or_else(bad)?;
        let (p_text, flags) = rest.split_at(split);
        if !digits(k_text) || !digits(p_text) {
            return Err(bad());
        }
        let signed = match flags.as_bytes()[0] {
            b's' => true,
            b'u' => false,
            _ => return Err(bad()),
        };
        let extended = match flags.as_bytes()[1] {
            b'e' => true,
            b'f' => false,
            _ => return Err(bad()),
        };
        let (k, p) = (k_text.parse().map_err(|_| bad())?, p_text.parse().map_err(|_| bad())?);
        FloatFormat::p3109(k, p, signed, extended).map_err(|e| e.about(id))
    }

    /// The custom id `eXmY[bBIAS][_rule]` of this layout, when the custom grammar can name it
    /// (signed, with subnormals, at most 32 bits); None otherwise (E8M0, float64).
    pub fn custom_id(&self) -> Option<String> {
        if !self.signed || !self.subnormals || self.bits() > 32 {
            return None;
        }
        let mut id = format!("e{}m{}", self.exponent_bits, self.mantissa_bits);
        if Some(self.bias) != Self::default_bias(self.exponent_bits) {
            id.push_str(&format!("b{}", self.bias));
        }
        if self.specials != Specials::Ieee {
            id.push('_');
            id.push_str(self.specials.suffix());
        }
        Some(id)
    }

    /// Parses a custom id `eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f]`, 1 ≤ X ≤ 11,
    /// at most 32 bits (signed).
    pub fn parse_custom(id: &str) -> Result<FloatFormat, FormatError> {
        let bad = || FormatError::new(FormatReason::NotCustomId).about(id);
        let lower = id.to_ascii_lowercase();
        let (layout, rule) = match lower.split_once('_') {
            Some((layout, rule)) => (layout, Some(rule)),
            None => (lower.as_str(), None),
        };
        let specials = match rule {
            None | Some("ieee") => Specials::Ieee,
            Some("fn") => Specials::Fn,
            Some("fnuz") => Specials::Fnuz,
            Some("finite") => Specials::Finite,
            Some("p3109e") => Specials::P3109 { extended: true },
            Some("p3109f") => Specials::P3109 { extended: false },
            Some(_) => return Err(bad()),
        };
        let rest = layout.strip_prefix('e').ok_or_else(bad)?;
        let (e_text, rest) = rest.split_once('m').ok_or_else(bad)?;
        let (m_text, bias_text) = match rest.split_once('b') {
            Some((m, b)) => (m, Some(b)),
            None => (rest, None),
        };
        let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(e_text) || !digits(m_text) {
            return Err(bad());
        }
        let exponent_bits: u32 = e_text.parse().map_err(|_| bad())?;
        let mantissa_bits: u32 = m_text.parse().map_err(|_| bad())?;
        if !(1..=11).contains(&exponent_bits) {
            return Err(FormatError::new(FormatReason::CustomExponentWidth { got: exponent_bits }).about(id));
        }
        if 1 + exponent_bits + mantissa_bits > 32 {
            return Err(FormatError::new(FormatReason::CustomTooWide { bits: 1 + exponent_bits + mantissa_bits }).about(id));
        }
        let bias = match bias_text {
            None => Self::default_bias(exponent_bits).unwrap_or(0),
            Some(b) => {
                let negative = b.starts_with('-');
                let body = if negative { &b[1..] } else { b };
                if !digits(body) {
                    return Err(bad());
                }
                let v: i32 = body.parse().map_err(|_| bad())?;
                if negative { -v } else { v }
            }
        };
        FloatFormat::new(FloatSpec { exponent_bits, mantissa_bits, bias, signed: true, specials, subnormals: true })
            .map_err(|e| e.about(id))
    }

    /// The code of the next larger value (toward +Inf), or None at the top / for NaN.
    pub fn next_up(&self, code: u64) -> Option<u64> {
        let code = code & self.code_mask();
        if self.is_nan(code) {
            return None;
        }
        let max = self.max_finite_magnitude_code()?;
        let (negative, magnitude) = (code & self.sign_mask() != 0, code & !self.sign_mask());
        if !negative {
            if self.is_inf(code) {
                return None;
            }
            if magnitude == max {
                return self.inf_code(false);
            }
            return Some(magnitude + 1);
        }
        if magnitude == 0 {
            return Some(self.min_positive_code());
        }
        if magnitude == self.min_positive_code() && self.has_zero() {
            return self.zero_code(true);
        }
        Some(code - 1)
    }

    /// The code of the next smaller value (toward −Inf), or None at the bottom / for NaN.
    pub fn next_down(&self, code: u64) -> Option<u64> {
        let code = code & self.code_mask();
        if self.is_nan(code) {
            return None;
        }
        if !self.signed {
            let positive_min = self.min_positive_code();
            return (code > positive_min.min(if self.has_zero() { 0 } else { positive_min }))
                .then(|| code - 1);
        }
        let max = self.max_finite_magnitude_code()?;
        let (negative, magnitude) = (code & self.sign_mask() != 0, code & !self.sign_mask());
        if negative {
            if self.is_inf(code) {
                return None;
            }
            if magnitude == max {
                return self.inf_code(true);
            }
            return Some(code + 1);
        }
        if magnitude == 0 {
            return Some(self.sign_mask() | self.min_positive_code());
        }
        if magnitude == self.min_positive_code() && self.has_zero() {
            return Some(0);
        }
        Some(code - 1)
    }

    /// Rounds an exact value to this format.
    pub fn round_exact(
        &self,
        input: &Exact,
        mode: RoundingMode,
        overflow: OverflowPolicy,
        random: u64,
    ) -> Rounded {
        round_float(self, input, mode, overflow, random)
    }
}

/// The result of rounding: the code, the status flags, and whether the input was exactly
/// halfway between two representable values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounded {
    /// The code of the result.
    pub code: u64,
    /// Conversion flags.
    pub status: Status,
    /// The input was exactly a midpoint (a tie).
    pub tie: bool,
}

/// Rounds an exact value into `format` with `mode` and `overflow`; `random` feeds
/// stochastic rounding (any 64-bit value; ignored by the other modes). Never panics.
pub fn round_float(
    format: &FloatFormat,
    input: &Exact,
    mode: RoundingMode,
    overflow: OverflowPolicy,
    random: u64,
) -> Rounded {
    round_float_draw(format, input, mode, overflow, Draw::Uniform(random))
}

/// [`round_float`] with the stochastic draw spelled out (`Draw::Bits` for N random bits).
pub fn round_float_draw(
    format: &FloatFormat,
    input: &Exact,
    mode: RoundingMode,
    overflow: OverflowPolicy,
    draw: Draw,
) -> Rounded {
    // Any `Exact` a caller built (top bit clear, extreme exponents) rounds as its value does.
    let input = &input.normalized();
    let done = |code: u64, status: Status| Rounded { code, status, tie: false };
    let negative = input.is_negative();
    let nan_or = |fallback: u64| format.canonical_nan(negative).unwrap_or(fallback);
    match *input {
        Exact::Nan { .. } => {
            // ml_dtypes returns `sign ? -quiet_NaN() : quiet_NaN()` and FP6/FP4's quiet_NaN()
            // is −0: +NaN → −0, −NaN → +0.
            return match format.canonical_nan(negative) {
                Some(code) => done(code, Status::EXACT),
                None => done(format.zero_code(!negative).unwrap_or(0), Status::INVALID),
            };
        }
        Exact::Infinite { .. } => {
            if negative && !format.signed {
                return match overflow {
                    OverflowPolicy::SatFinite | OverflowPolicy::SatPropagate => {
                        done(format.lowest_code(), Status::OVERFLOW | Status::INEXACT)
                    }
                    _ => done(nan_or(0), Status::INVALID),
                };
            }
            if overflow == OverflowPolicy::SatPropagate || overflow == OverflowPolicy::SatNone {
                let code = format.inf_code(negative).unwrap_or_else(|| overflow_code(format, negative, Outcome::Saturate));
                let status = if format.has_inf() { Status::EXACT } else { Status::OVERFLOW | Status::INEXACT };
                return done(code, status);
            }
            // A saturating conversion clamps ±Inf to ±max too (OCP satfinite, gfloat sat=True).
            if overflow == OverflowPolicy::Saturate || overflow == OverflowPolicy::SatFinite {
                return done(overflow_code(format, negative, Outcome::Saturate), Status::OVERFLOW | Status::INEXACT);
            }
            if let Some(code) = format.inf_code(negative) {
                return done(code, Status::EXACT);
            }
            // An infinity is not a finite value that overflowed: no rounding mode makes it ±max.
            return done(overflow_code(format, negative, resolve(format, overflow, None, negative)), Status::OVERFLOW);
        }
        Exact::Zero { .. } => {
            return match format.zero_code(negative) {
                Some(code) => done(code, Status::EXACT),
                // E8M0 has no zero: ml_dtypes gives NaN.
                None => done(nan_or(0), Status::INVALID),
            };
        }
        Exact::Finite { .. } => {}
    }
    let Exact::Finite { significand, exponent, sticky, .. } = *input else { unreachable!() };
    let m = format.mantissa_bits as i32;
    let top = exponent + 63; // floor(log2 |v|)
    let emin = format.min_exponent();
    let quantum = top.max(emin) - m; // exponent of the last kept bit
    // The parity of a candidate's code is its last mantissa bit, or, without mantissa bits, the
    // last bit of its exponent field (quantum + bias: the code of the value 2^quantum).
    let parity = if m == 0 { Parity::Exponent { odd: (quantum + format.bias) & 1 == 1 } } else { Parity::Lsb };
    let step = round_step(significand, exponent, sticky, quantum, mode, negative, draw, parity);
    if negative && !format.signed {
        if !overflow.is_p3109() {
            return done(nan_or(0), Status::INVALID);
        }
        // P3109: the rounded value is compared with the smallest value M lo (0 when there is a
        // zero): a negative that rounds to zero is 0; one below M lo is M lo, except under
        // SatNone where only rounding toward zero or up gives M lo and the rest is NaN.
        let status = Status::INEXACT | if top < emin { Status::UNDERFLOW } else { Status::EXACT };
        if step.magnitude == 0 && format.has_zero() {
            return Rounded { code: 0, status, tie: step.tie };
        }
        let clamp = overflow != OverflowPolicy::SatNone || matches!(mode, RoundingMode::TowardZero | RoundingMode::Up);
        return if clamp { done(format.lowest_code(), status) } else { done(nan_or(0), Status::INVALID) };
    }

    let (kept, inexact, tie) = (step.magnitude, step.inexact, step.tie);
    let mut status = if inexact { Status::INEXACT } else { Status::EXACT };
    if inexact && top < emin {
        status |= Status::UNDERFLOW;
    }
    let mut magnitude = kept;
    let mut quantum = quantum;
    if magnitude == 0 {
        let code = match format.zero_code(negative) {
            Some(code) => code,
            None => format.min_positive_code(), // no zero (E8M0): the smallest value
        };
        return Rounded { code, status, tie };
    }
    let hidden = 1u128 << m;
    if magnitude == hidden << 1 {
        magnitude = hidden;
        quantum += 1;
    }
    let (field, mantissa) = if magnitude < hidden {
        (0i64, magnitude as u64)
    } else {
        ((quantum + m + format.bias) as i64, (magnitude - hidden) as u64)
    };
    let max = format.max_finite_magnitude_code().unwrap_or(0);
    let max_field = format.split(max).1 as i64;
    let fits = field < max_field || (field == max_field && format.join(false, field as u64, mantissa) <= max);
    if !fits {
        let policy = resolve(format, overflow, Some(mode), negative);
        return Rounded { code: overflow_code(format, negative, policy), status: status | Status::OVERFLOW | Status::INEXACT, tie };
    }
    Rounded { code: format.join(negative, field as u64, mantissa), status, tie }
}

/// The concrete overflow outcome for a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Saturate,
    Inf,
    Nan,
}

/// Picks the overflow outcome: the policy, falling back where the format lacks the special
/// value; IEEE's rule that a rounding mode toward zero never overflows to a special value (for
/// a finite input: `mode` is None for an infinite one). Round to odd picks, of ±Inf and ±max,
/// the one with the odd code (P3109: +Inf for signed extended formats, whose Inf is 0x7F;
/// max for unsigned ones, whose Inf 0xFE is even; always max for IEEE formats).
fn resolve(format: &FloatFormat, policy: OverflowPolicy, mode: Option<RoundingMode>, negative: bool) -> Outcome {
    let policy = match policy {
        OverflowPolicy::Default | OverflowPolicy::Wrap => format.default_overflow(),
        other => other,
    };
    let toward_zero = matches!(
        (mode, negative),
        (Some(RoundingMode::TowardZero), _) | (Some(RoundingMode::Up), true) | (Some(RoundingMode::Down), false)
    );
    let wanted = match policy {
        OverflowPolicy::Saturate | OverflowPolicy::SatFinite | OverflowPolicy::SatPropagate => Outcome::Saturate,
        _ if toward_zero => Outcome::Saturate,
        OverflowPolicy::SatNone if !format.has_inf() => Outcome::Saturate,
        OverflowPolicy::Nan => Outcome::Nan,
        _ => Outcome::Inf,
    };
    let even_inf = format.inf_code(negative).is_some_and(|code| code & 1 == 0);
    match wanted {
        Outcome::Inf if mode == Some(RoundingMode::Odd) && even_inf => Outcome::Saturate,
        Outcome::Inf if format.has_inf() => Outcome::Inf,
        Outcome::Inf if format.has_nan() => Outcome::Nan,
        Outcome::Nan if format.has_nan() => Outcome::Nan,
        Outcome::Nan if format.has_inf() => Outcome::Inf,
        _ => Outcome::Saturate,
    }
}

fn overflow_code(format: &FloatFormat, negative: bool, outcome: Outcome) -> u64 {
    let max = format.max_finite_magnitude_code().unwrap_or(0);
    let saturated = if negative { format.sign_mask() | max } else { max };
    match outcome {
        Outcome::Saturate => saturated,
        Outcome::Inf => format.inf_code(negative).unwrap_or(saturated),
        Outcome::Nan => format.canonical_nan(negative).unwrap_or(saturated),
    }
}


/// The narrowest P3109 format Lowbit names (binary3pP).
pub const P3109_MIN_BITS: u32 = 3;
/// The widest P3109 format Lowbit names (binary8pP).
pub const P3109_MAX_BITS: u32 = 8;

/// x × 2^k, exact whenever the result is representable (x an integer below 2^53).
pub fn ldexp(x: f64, k: i32) -> f64 {
    let pow2 = |e: i32| f64::from_bits(((e + 1023) as u64) << 52);
    // Beyond ±2200 every finite nonzero x over- or underflows alike: no need to loop further.
    let (mut x, mut k) = (x, k.clamp(-2200, 2200));
    while k > 1000 {
        x *= pow2(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= pow2(-1000);
        k += 1000;
    }
    if k >= -1022 {
        x * pow2(k)
    } else {
        x * pow2(-1022) * pow2(k + 1022)
    }
}

/// floor(log2 |x|) for finite nonzero x.
pub fn exponent_of(x: f64) -> i32 {
    let bits = x.abs().to_bits();
    let field = (bits >> 52) as i32;
    if field == 0 {
        let mantissa = bits & ((1u64 << 52) - 1);
        (63 - mantissa.leading_zeros() as i32) - 1074
    } else {
        field - 1023
    }
}
