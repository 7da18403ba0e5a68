//! Binary floating-point formats described as data.
//!
//! One [`FloatFormat`] value (exponent bits, mantissa bits, bias, sign, special-value rule,
//! subnormals) drives decoding, encoding, limits and names for every minifloat from FP4 to
//! FP64. Nothing about a particular format is typed by hand: every limit is derived here.

use crate::round::{self, Exact, OverflowPolicy, RoundingMode};

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

/// A binary floating-point format: sign? + exponent + mantissa bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FloatFormat {
    /// Width of the exponent field (1–11).
    pub exponent_bits: u32,
    /// Width of the stored mantissa (fraction) field.
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

/// Why a float format description is not usable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
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
    /// The IEEE-style description with the default bias 2^(e−1) − 1.
    pub const fn ieee(exponent_bits: u32, mantissa_bits: u32) -> Self {
        FloatFormat {
            exponent_bits,
            mantissa_bits,
            bias: (1 << (exponent_bits - 1)) - 1,
            signed: true,
            specials: Specials::Ieee,
            subnormals: true,
        }
    }

    /// Same format with another bias.
    pub const fn with_bias(mut self, bias: i32) -> Self {
        self.bias = bias;
        self
    }

    /// Same format with another special-value rule.
    pub const fn with_specials(mut self, specials: Specials) -> Self {
        self.specials = specials;
        self
    }

    /// The default bias 2^(e−1) − 1 for this exponent width.
    pub fn default_bias(exponent_bits: u32) -> i32 {
        (1i32 << (exponent_bits - 1)) - 1
    }

    /// Checks that the description makes sense and that every value fits exactly in an f64.
    pub fn validate(&self) -> Result<(), FormatError> {
        let (e, m) = (self.exponent_bits, self.mantissa_bits);
        if !(1..=11).contains(&e) {
            return Err(FormatError(format!("exponent bits must be 1..=11, got {e}")));
        }
        if self.bits() > 64 || m > 52 {
            return Err(FormatError(format!(
                "at most 52 mantissa bits and 64 bits in all, got e{e}m{m}"
            )));
        }
        let Some(max_code) = self.max_finite_magnitude_code() else {
            return Err(FormatError(format!(
                "e{e}m{m} with the {} rule has no positive finite number",
                self.specials.suffix()
            )));
        };
        let lowest = self.min_exponent() - m as i32;
        let highest = self.split(max_code).1 as i32 - self.bias;
        if lowest < -1074 || highest > 1023 {
            return Err(FormatError(format!(
                "bias {} puts e{e}m{m} outside the range of f64 (exponents {lowest}..{highest}; they must stay within -1074..1023)",
                self.bias
            )));
        }
        Ok(())
    }

    /// Width of the stored mantissa (fraction) field.
    pub fn mantissa_bits(&self) -> u32 {
        self.mantissa_bits
    }

    /// Whether the top bit is a sign bit.
    pub fn signed(&self) -> bool {
        self.signed
    }

    /// Exponent bias.
    pub fn bias(&self) -> i32 {
        self.bias
    }

    /// The special-value rule.
    pub fn specials(&self) -> Specials {
        self.specials
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
            return Err(FormatError(format!(
                "P3109 formats have K = {P3109_MIN_BITS} to {P3109_MAX_BITS} bits and precision 1 <= P <= K - 1; got K = {k}, P = {p}"
            )));
        }
        let format = FloatFormat::p3109_layout(k, p, signed, extended);
        format.validate()?;
        Ok(format)
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
        let bad = || {
            FormatError(format!(
                "'{id}' is not a P3109 id: expected p3109_k{{K}}p{{P}}{{s|u}}{{e|f}} with K = {P3109_MIN_BITS}..{P3109_MAX_BITS}, 1 <= P <= K - 1, e.g. p3109_k8p3se"
            ))
        };
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
        FloatFormat::p3109(k, p, signed, extended).map_err(|e| FormatError(format!("'{id}': {e}")))
    }

    /// The custom id `eXmY[bBIAS][_rule]` of this layout (signed formats only).
    pub fn custom_id(&self) -> String {
        let mut id = format!("e{}m{}", self.exponent_bits, self.mantissa_bits);
        if self.bias != Self::default_bias(self.exponent_bits) {
            id.push_str(&format!("b{}", self.bias));
        }
        if self.specials != Specials::Ieee {
            id.push('_');
            id.push_str(self.specials.suffix());
        }
        id
    }

    /// Parses a custom id `eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f]`, 1 ≤ X ≤ 11,
    /// at most 32 bits (signed).
    pub fn parse_custom(id: &str) -> Result<FloatFormat, FormatError> {
        let bad = || {
            FormatError(format!(
                "'{id}' is not a custom format id: expected eXmY[bBIAS][_ieee|_fn|_fnuz|_finite|_p3109e|_p3109f], e.g. e4m3, e5m7b10_fn"
            ))
        };
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
            return Err(FormatError(format!(
                "'{id}': the exponent width must be 1 to 11 bits, got {exponent_bits}"
            )));
        }
        if 1 + exponent_bits + mantissa_bits > 32 {
            return Err(FormatError(format!(
                "'{id}': a custom format has at most 32 bits (sign + exponent + mantissa), this one has {}",
                1 + exponent_bits + mantissa_bits
            )));
        }
        let bias = match bias_text {
            None => Self::default_bias(exponent_bits),
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
        let format = FloatFormat { exponent_bits, mantissa_bits, bias, signed: true, specials, subnormals: true };
        format.validate().map_err(|e| FormatError(format!("'{id}': {e}")))?;
        Ok(format)
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
    ) -> round::Rounded {
        round::round_float(self, input, mode, overflow, random)
    }
}

/// The narrowest P3109 format Lowbit names (binary3pP).
pub const P3109_MIN_BITS: u32 = 3;
/// The widest P3109 format Lowbit names (binary8pP).
pub const P3109_MAX_BITS: u32 = 8;

/// x × 2^k, exact whenever the result is representable (x an integer below 2^53).
pub fn ldexp(x: f64, k: i32) -> f64 {
    let pow2 = |e: i32| f64::from_bits(((e + 1023) as u64) << 52);
    let (mut x, mut k) = (x, k);
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
