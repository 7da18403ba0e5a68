//! The catalogue of formats and the uniform [`Format`] interface over floats, integers and
//! codebooks: decode, limits, neighbours, code parsing.

use crate::codebook::{self, Codebook};
use crate::float::{Class, FloatFields, FloatFormat, FormatError, FormatReason, Specials};
use crate::int::IntFormat;
use crate::round::{OverflowPolicy, RoundingMode};

/// The three kinds of format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A binary floating-point layout.
    Float(FloatFormat),
    /// A two's-complement or unsigned integer.
    Int(IntFormat),
    /// A lookup table of values.
    Codebook(&'static Codebook),
}

/// One catalogue entry: canonical id (ml_dtypes' name), aliases, description. Only the
/// catalogue makes entries, so an entry's id always names its format.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    id: &'static str,
    aliases: &'static [&'static str],
    kind: Kind,
    summary: &'static str,
}

impl Entry {
    /// Canonical id (ml_dtypes / torch dtype name where one exists).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// Other accepted names (never of the custom `eXmY` shape).
    pub fn aliases(&self) -> &'static [&'static str] {
        self.aliases
    }

    /// The format's description.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// One line on what it is and who uses it.
    pub fn summary(&self) -> &'static str {
        self.summary
    }

    /// The format, with this entry's id.
    pub fn format(&self) -> Format {
        Format { id: self.id.to_string(), kind: self.kind }
    }
}

const fn float(e: u32, m: u32, bias: i32, specials: Specials) -> Kind {
    Kind::Float(FloatFormat::catalogue(e, m, bias, true, specials, true))
}

const fn p3109(k: u32, p: u32, signed: bool, extended: bool) -> Kind {
    Kind::Float(FloatFormat::p3109_layout(k, p, signed, extended))
}

const fn int(bits: u32, signed: bool) -> Kind {
    Kind::Int(IntFormat::catalogue(bits, signed))
}

use Specials::{Finite, Fn, Fnuz, Ieee};

/// Every named format. Each float line is its whole description; limits are derived.
pub const CATALOGUE: &[Entry] = &[
    Entry { id: "float64", aliases: &["fp64", "f64", "double"], kind: float(11, 52, 1023, Ieee), summary: "IEEE 754 binary64" },
    Entry { id: "float32", aliases: &["fp32", "f32", "single"], kind: float(8, 23, 127, Ieee), summary: "IEEE 754 binary32" },
    Entry { id: "tfloat32", aliases: &["tf32"], kind: float(8, 10, 127, Ieee), summary: "NVIDIA TensorFloat-32: float32 range, float16 precision (19 bits)" },
    Entry { id: "float16", aliases: &["fp16", "f16", "half"], kind: float(5, 10, 15, Ieee), summary: "IEEE 754 binary16" },
    Entry { id: "bfloat16", aliases: &["bf16"], kind: float(8, 7, 127, Ieee), summary: "Google brain float: float32 range, 8-bit precision" },
    Entry { id: "float8_e4m3fn", aliases: &["fp8-e4m3", "e4m3fn", "fp8_e4m3"], kind: float(4, 3, 7, Fn), summary: "OCP FP8 E4M3: no Inf, NaN only at S.1111.111" },
    Entry { id: "float8_e5m2", aliases: &["fp8-e5m2", "fp8_e5m2"], kind: float(5, 2, 15, Ieee), summary: "OCP FP8 E5M2: IEEE-style, with Inf" },
    Entry { id: "float8_e4m3fnuz", aliases: &["e4m3fnuz"], kind: float(4, 3, 8, Fnuz), summary: "AMD/Graphcore FP8 E4M3: bias 8, no Inf, no -0, NaN = 0x80" },
    Entry { id: "float8_e5m2fnuz", aliases: &["e5m2fnuz"], kind: float(5, 2, 16, Fnuz), summary: "AMD/Graphcore FP8 E5M2: bias 16, no Inf, no -0, NaN = 0x80" },
    Entry { id: "float8_e4m3b11fnuz", aliases: &["e4m3b11fnuz"], kind: float(4, 3, 11, Fnuz), summary: "Graphcore FP8 E4M3 with bias 11" },
    Entry { id: "float8_e4m3", aliases: &[], kind: float(4, 3, 7, Ieee), summary: "IEEE-style E4M3 with Inf and NaNs" },
    Entry { id: "float8_e3m4", aliases: &[], kind: float(3, 4, 3, Ieee), summary: "IEEE-style E3M4" },
    Entry {
        id: "float8_e8m0fnu",
        aliases: &["e8m0fnu", "mx-scale"],
        kind: Kind::Float(FloatFormat::catalogue(8, 0, 127, false, Fn, false)),
        summary: "OCP MX scale: unsigned powers of two 2^-127..2^127, NaN = 0xFF, no zero",
    },
    Entry { id: "float6_e2m3fn", aliases: &["fp6-e2m3", "fp6_e2m3"], kind: float(2, 3, 1, Finite), summary: "OCP FP6 E2M3: all codes finite" },
    Entry { id: "float6_e3m2fn", aliases: &["fp6-e3m2", "fp6_e3m2"], kind: float(3, 2, 3, Finite), summary: "OCP FP6 E3M2: all codes finite" },
    Entry { id: "float4_e2m1fn", aliases: &["fp4", "fp4-e2m1"], kind: float(2, 1, 1, Finite), summary: "OCP FP4 E2M1 (MXFP4, NVFP4 elements): 0, 0.5, 1, 1.5, 2, 3, 4, 6" },
    Entry { id: "p3109_k8p1se", aliases: &[], kind: p3109(8, 1, true, true), summary: "IEEE P3109 binary8p1se: signed powers of two, ±Inf at 0x7F/0xFF, NaN = 0x80, no -0" },
    Entry { id: "p3109_k8p1ue", aliases: &[], kind: p3109(8, 1, false, true), summary: "IEEE P3109 binary8p1ue: unsigned powers of two and zero, +Inf = 0xFE, NaN = 0xFF" },
    Entry { id: "p3109_k8p3se", aliases: &[], kind: p3109(8, 3, true, true), summary: "IEEE P3109 binary8p3se: E5M2 layout, bias 16, ±Inf at 0x7F/0xFF, NaN = 0x80, no -0" },
    Entry { id: "p3109_k8p3sf", aliases: &[], kind: p3109(8, 3, true, false), summary: "IEEE P3109 binary8p3sf: E5M2 layout, bias 16, no Inf, NaN = 0x80, no -0" },
    Entry { id: "p3109_k8p3ue", aliases: &[], kind: p3109(8, 3, false, true), summary: "IEEE P3109 binary8p3ue: unsigned E6M2, bias 32, +Inf = 0xFE, NaN = 0xFF" },
    Entry { id: "p3109_k8p3uf", aliases: &[], kind: p3109(8, 3, false, false), summary: "IEEE P3109 binary8p3uf: unsigned E6M2, bias 32, no Inf, NaN = 0xFF" },
    Entry { id: "p3109_k8p4se", aliases: &[], kind: p3109(8, 4, true, true), summary: "IEEE P3109 binary8p4se: E4M3 layout, bias 8, ±Inf at 0x7F/0xFF, NaN = 0x80, no -0" },
    Entry { id: "p3109_k8p4sf", aliases: &[], kind: p3109(8, 4, true, false), summary: "IEEE P3109 binary8p4sf: E4M3 layout, bias 8, no Inf, NaN = 0x80, no -0" },
    Entry { id: "p3109_k8p4ue", aliases: &[], kind: p3109(8, 4, false, true), summary: "IEEE P3109 binary8p4ue: unsigned E5M3, bias 16, +Inf = 0xFE, NaN = 0xFF" },
    Entry { id: "p3109_k8p4uf", aliases: &[], kind: p3109(8, 4, false, false), summary: "IEEE P3109 binary8p4uf: unsigned E5M3, bias 16, no Inf, NaN = 0xFF" },
    Entry { id: "p3109_k8p7sf", aliases: &[], kind: p3109(8, 7, true, false), summary: "IEEE P3109 binary8p7sf: E1M6 layout, bias 1, no Inf, NaN = 0x80, no -0" },
    Entry { id: "int8", aliases: &["i8"], kind: int(8, true), summary: "8-bit two's complement integer" },
    Entry { id: "uint8", aliases: &["u8"], kind: int(8, false), summary: "8-bit unsigned integer" },
    Entry { id: "int4", aliases: &["i4"], kind: int(4, true), summary: "4-bit two's complement integer" },
    Entry { id: "uint4", aliases: &["u4"], kind: int(4, false), summary: "4-bit unsigned integer" },
    Entry { id: "int2", aliases: &["i2"], kind: int(2, true), summary: "2-bit two's complement integer" },
    Entry { id: "uint2", aliases: &["u2"], kind: int(2, false), summary: "2-bit unsigned integer" },
    Entry { id: "ternary", aliases: &["b1.58", "int1.58"], kind: Kind::Codebook(&codebook::TERNARY), summary: "BitNet b1.58 weights {-1, 0, +1}: log2(3) = 1.58 bits, stored in 2" },
    Entry { id: "binary", aliases: &["sign"], kind: Kind::Codebook(&codebook::BINARY), summary: "1-bit weights {-1, +1}" },
    Entry { id: "nf4", aliases: &["normalfloat4"], kind: Kind::Codebook(&codebook::NF4), summary: "QLoRA NormalFloat4: 16 quantiles of N(0,1), scaled to [-1, 1]" },
    Entry { id: "fp4_bnb", aliases: &["bnb_fp4"], kind: Kind::Codebook(&codebook::FP4_BNB), summary: "bitsandbytes FP4: sign bit + 3-bit table [0, 1/192, 2/3, 1, 1/3, 1/2, 1/6, 1/4], not E2M1" },
];

/// A resolved format: an id and what it is. Made only by [`Format::parse`],
/// [`Format::from_kind`] and [`Entry::format`], so the id always names the kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Format {
    id: String,
    kind: Kind,
}

/// A decoded code, for any kind of format.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decoded {
    /// The code.
    pub code: u64,
    /// Its class.
    pub class: Class,
    /// Its exact value (NaN for NaN and unused codes).
    pub value: f64,
    /// The float fields, for float formats.
    pub fields: Option<FloatFields>,
}

/// The limits of a format, all derived from its description.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Largest finite value.
    pub max: f64,
    /// Smallest finite value (most negative).
    pub min: f64,
    /// Smallest positive normal value (floats).
    pub min_normal: Option<f64>,
    /// Smallest positive value (subnormal for floats with subnormals).
    pub min_positive: Option<f64>,
    /// Gap between 1 and the next value (floats).
    pub epsilon: Option<f64>,
    /// Number of NaN codes.
    pub nan_codes: u64,
    /// Whether ±Inf exist.
    pub has_inf: bool,
    /// Whether −0 is a distinct code.
    pub has_negative_zero: bool,
    /// Exponent bias (floats).
    pub bias: Option<i32>,
    /// log2(max / min positive), the dynamic range in binades.
    pub dynamic_range_binades: Option<f64>,
}

impl Format {
    /// Resolves a canonical id, an alias or a custom `eXmY[bBIAS][_rule]` id
    /// (case-insensitive; `-` and `_` in catalogue names are interchangeable).
    pub fn parse(id: &str) -> Result<Format, FormatError> {
        let wanted = id.trim().to_ascii_lowercase();
        let same = |a: &str| a.eq_ignore_ascii_case(&wanted) || a.replace('-', "_") == wanted.replace('-', "_");
        if let Some(entry) = CATALOGUE.iter().find(|e| same(e.id) || e.aliases.iter().any(|a| same(a))) {
            return Ok(entry.format());
        }
        if wanted.starts_with("p3109_") || wanted.starts_with("binary") {
            return Format::from_kind(Kind::Float(FloatFormat::parse_p3109(&wanted)?));
        }
        if wanted.starts_with('e') && wanted[1..].starts_with(|c: char| c.is_ascii_digit()) {
            return Format::from_kind(Kind::Float(FloatFormat::parse_custom(&wanted)?));
        }
        Err(FormatError::new(FormatReason::Unknown).about(id.trim()))
    }

    /// The format of a description, with its id: the catalogue id when the catalogue holds
    /// exactly this format, else its P3109 id (`p3109_k6p3uf`) when it is a P3109 format, else
    /// the custom id `eXmY…`; an error for a format none can name (an unsigned or
    /// subnormal-free float, an integer or codebook outside the catalogue).
    pub fn from_kind(kind: Kind) -> Result<Format, FormatError> {
        if let Some(entry) = CATALOGUE.iter().find(|e| e.kind == kind) {
            return Ok(entry.format());
        }
        match kind {
            Kind::Float(f) => match f.p3109_id().or_else(|| f.custom_id()) {
                Some(id) => Ok(Format { id, kind }),
                None => Err(FormatError::new(FormatReason::Unnameable { layout: format!("{f:?}") })),
            },
            _ => Err(FormatError::new(FormatReason::NoIdForKind)),
        }
    }

    /// The canonical id (catalogue id, or the normalised custom id `eXmY…`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the format is.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// The catalogue entry of this format, if it is a named one.
    pub fn entry(&self) -> Option<&'static Entry> {
        CATALOGUE.iter().find(|e| e.id == self.id)
    }

    /// The float description, for float formats.
    pub fn as_float(&self) -> Option<&FloatFormat> {
        match &self.kind {
            Kind::Float(f) => Some(f),
            _ => None,
        }
    }

    /// Width in bits.
    pub fn bits(&self) -> u32 {
        match &self.kind {
            Kind::Float(f) => f.bits(),
            Kind::Int(i) => i.bits(),
            Kind::Codebook(c) => c.bits(),
        }
    }

    /// The largest code.
    pub fn max_code(&self) -> u64 {
        if self.bits() >= 64 { u64::MAX } else { (1u64 << self.bits()) - 1 }
    }

    /// Decodes a code (masked to the format's width).
    pub fn decode(&self, code: u64) -> Decoded {
        let code = code & self.max_code();
        match &self.kind {
            Kind::Float(f) => {
                let fields = f.decode(code);
                Decoded { code, class: fields.class, value: fields.value, fields: Some(fields) }
            }
            Kind::Int(i) => {
                let value = i.value(code) as f64;
                Decoded { code, class: if value == 0.0 { Class::Zero } else { Class::Normal }, value, fields: None }
            }
            Kind::Codebook(c) => {
                let value = c.value(code);
                let class = match value {
                    v if v.is_nan() => Class::Nan,
                    0.0 => Class::Zero,
                    _ => Class::Normal,
                };
                Decoded { code, class, value, fields: None }
            }
        }
    }

    /// The format's default rounding mode (ml_dtypes' behaviour).
    pub fn default_rounding(&self) -> RoundingMode {
        match &self.kind {
            Kind::Float(f) => f.default_rounding(),
            _ => RoundingMode::NearestEven,
        }
    }

    /// The format's default overflow behaviour (ml_dtypes' for floats; saturation otherwise).
    pub fn default_overflow(&self) -> OverflowPolicy {
        match &self.kind {
            Kind::Float(f) => f.default_overflow(),
            _ => OverflowPolicy::Saturate,
        }
    }

    /// Every finite value of a small format (≤ 16 bits), for range scans.
    fn finite_values(&self) -> impl Iterator<Item = f64> + '_ {
        let count = if self.bits() <= 16 { 1u64 << self.bits() } else { 0 };
        (0..count).map(|c| self.decode(c).value).filter(|v| v.is_finite())
    }

    /// The limits, derived from the description.
    pub fn limits(&self) -> Limits {
        match &self.kind {
            Kind::Float(f) => {
                let max = f.max_finite();
                let min_positive = f.min_positive();
                Limits {
                    max,
                    min: if f.signed() { -max } else { f.value(0) },
                    min_normal: f.min_normal(),
                    min_positive: Some(min_positive),
                    epsilon: Some(f.epsilon()),
                    nan_codes: f.nan_code_count(),
                    has_inf: f.has_inf(),
                    has_negative_zero: f.has_negative_zero(),
                    bias: Some(f.bias()),
                    dynamic_range_binades: Some(max.log2() - min_positive.log2()),
                }
            }
            _ => {
                let (mut min, mut max, mut min_positive) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY);
                for v in self.finite_values() {
                    min = min.min(v);
                    max = max.max(v);
                    if v > 0.0 {
                        min_positive = min_positive.min(v);
                    }
                }
                Limits {
                    max,
                    min,
                    min_normal: None,
                    min_positive: min_positive.is_finite().then_some(min_positive),
                    epsilon: None,
                    nan_codes: 0,
                    has_inf: false,
                    has_negative_zero: false,
                    bias: None,
                    dynamic_range_binades: min_positive.is_finite().then(|| (max / min_positive).log2()),
                }
            }
        }
    }

    /// The code of the next larger value, if any.
    pub fn next_up(&self, code: u64) -> Option<u64> {
        match &self.kind {
            Kind::Float(f) => f.next_up(code),
            _ => self.neighbour(code, true),
        }
    }

    /// The code of the next smaller value, if any.
    pub fn next_down(&self, code: u64) -> Option<u64> {
        match &self.kind {
            Kind::Float(f) => f.next_down(code),
            _ => self.neighbour(code, false),
        }
    }

    fn neighbour(&self, code: u64, up: bool) -> Option<u64> {
        let here = self.decode(code).value;
        let count = 1u64 << self.bits();
        (0..count)
            .map(|c| (c, self.decode(c).value))
            .filter(|(_, v)| if up { *v > here } else { *v < here })
            .min_by(|a, b| {
                let (da, db) = ((a.1 - here).abs(), (b.1 - here).abs());
                da.total_cmp(&db)
            })
            .map(|(c, _)| c)
    }

    /// The spacing of values at `x` (the ULP for floats, 1 for integers, the gap to the
    /// next value for codebooks).
    pub fn ulp(&self, x: f64) -> f64 {
        match &self.kind {
            Kind::Float(f) => f.ulp(x),
            Kind::Int(_) => 1.0,
            Kind::Codebook(_) => {
                let values: Vec<f64> = self.finite_values().collect();
                let above = values.iter().copied().filter(|v| *v > x).fold(f64::INFINITY, f64::min);
                let below = values.iter().copied().filter(|v| *v <= x).fold(f64::NEG_INFINITY, f64::max);
                above - below
            }
        }
    }

    /// Parses a code written as `0x7e`, `0b0_1111_110` or `126`, checking its range.
    pub fn parse_code(&self, text: &str) -> Result<u64, String> {
        let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
        let lower = cleaned.to_ascii_lowercase();
        let parsed = if let Some(hex) = lower.strip_prefix("0x") {
            u64::from_str_radix(hex, 16)
        } else if let Some(bin) = lower.strip_prefix("0b") {
            u64::from_str_radix(bin, 2)
        } else {
            lower.parse::<u64>()
        };
        let code = parsed.map_err(|_| {
            format!("'{}' is not a code: write it as 0x7e, 0b01111110 or 126", text.trim())
        })?;
        if code > self.max_code() {
            return Err(format!(
                "code {} is out of range for {} ({} bits: 0..={})",
                text.trim(),
                self.id,
                self.bits(),
                self.max_code()
            ));
        }
        Ok(code)
    }

    /// The code as a string of 0/1, most significant bit first.
    pub fn bit_string(&self, code: u64) -> String {
        let bytes: Vec<u8> = (0..self.bits()).rev().map(|i| b'0' + (code >> i & 1) as u8).collect();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The code in hex, zero-padded to the format's width (`0x7e`).
    pub fn hex_string(&self, code: u64) -> String {
        let width = self.bits().div_ceil(4) as usize;
        format!("0x{code:0width$x}")
    }

    /// The role of bit `position` (0 = least significant).
    pub fn bit_role(&self, position: u32) -> BitRole {
        match &self.kind {
            Kind::Float(f) => {
                if position < f.mantissa_bits() {
                    BitRole::Mantissa
                } else if position < f.mantissa_bits() + f.exponent_bits() {
                    BitRole::Exponent
                } else {
                    BitRole::Sign
                }
            }
            Kind::Int(i) if i.signed() && position + 1 == i.bits() => BitRole::Sign,
            Kind::Codebook(c) if c.values().iter().any(|v| *v < 0.0) && matches!(c.rule(), codebook::Rule::SignMagnitude { sign_bit, .. } if sign_bit as u32 == position) => BitRole::Sign,
            _ => BitRole::Index,
        }
    }
}

/// What a bit of a code means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitRole {
    /// The sign bit.
    Sign,
    /// An exponent bit.
    Exponent,
    /// A mantissa (fraction) bit.
    Mantissa,
    /// An integer or table-index bit.
    Index,
}

impl BitRole {
    /// Lowercase name ("sign", "exponent", "mantissa", "index").
    pub fn name(self) -> &'static str {
        match self {
            BitRole::Sign => "sign",
            BitRole::Exponent => "exponent",
            BitRole::Mantissa => "mantissa",
            BitRole::Index => "index",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::float::FloatSpec;

    /// The catalogue builds its formats without the checks (they are constants); every one of
    /// them passes the checking constructors, and no two entries hold the same format, so
    /// [`Format::from_kind`] names each by its own id.
    #[test]
    fn catalogue_formats_pass_their_constructors() {
        for entry in CATALOGUE {
            match entry.kind() {
                Kind::Float(f) => assert_eq!(FloatFormat::new(f.spec()).as_ref(), Ok(f), "{}", entry.id()),
                Kind::Int(i) => assert_eq!(IntFormat::new(i.bits(), i.signed()).as_ref(), Ok(i), "{}", entry.id()),
                Kind::Codebook(c) => {
                    assert_eq!(Codebook::new(c.bits(), c.values(), c.rule()).as_ref(), Ok(*c), "{}", entry.id())
                }
            }
            assert_eq!(Format::from_kind(*entry.kind()).map(|f| f.id().to_string()), Ok(entry.id().to_string()));
        }
        for (name, f) in [("float64", FloatFormat::FLOAT64), ("float32", FloatFormat::FLOAT32), ("float16", FloatFormat::FLOAT16)] {
            assert_eq!(FloatFormat::new(f.spec()), Ok(f));
            assert_eq!(Format::from_kind(Kind::Float(f)).map(|f| f.id().to_string()), Ok(name.to_string()));
        }
    }

    #[test]
    fn constructors_refuse_what_would_overflow() {
        assert_eq!(FloatFormat::default_bias(0), None);
        assert_eq!(FloatFormat::default_bias(12), None);
        assert_eq!(FloatFormat::default_bias(5), Some(15));
        assert!(FloatFormat::ieee(0, 3).is_err());
        assert!(FloatFormat::ieee(12, 3).is_err());
        assert!(FloatFormat::ieee(11, 53).is_err());
        assert!(FloatFormat::new(FloatSpec { bias: i32::MIN, ..FloatSpec::ieee(4, 3) }).is_err());
        assert!(FloatFormat::new(FloatSpec { bias: i32::MAX, ..FloatSpec::ieee(4, 3) }).is_err());
        assert!(FloatFormat::new(FloatSpec { signed: false, specials: Specials::Fnuz, ..FloatSpec::ieee(4, 3) }).is_err());
        for bits in [0, 1, 33, 64, u32::MAX] {
            assert!(IntFormat::new(bits, true).is_err(), "{bits}");
        }
        assert!(Codebook::new(0, &[0.0], codebook::Rule::NearestTowardZero).is_err());
        assert!(Codebook::new(1, &[0.0, 1.0, 2.0], codebook::Rule::NearestTowardZero).is_err());
        assert!(Codebook::new(2, &[0.0, f32::NAN], codebook::Rule::NearestTowardZero).is_err());
        let bad_tree = codebook::Rule::SignMagnitude { sign_bit: 3, thresholds: &[0.5], magnitude_codes: &[0] };
        assert!(Codebook::new(4, &[0.0; 16], bad_tree).is_err());
        let descending = codebook::Rule::SortedThresholds { thresholds: &[0.5, 0.25] };
        assert!(Codebook::new(2, &[0.0, 0.3, 1.0], descending).is_err());
    }

    /// An unsigned float or one without subnormals outside the catalogue has no id: refused.
    #[test]
    fn a_format_without_a_name_is_refused() {
        let unsigned = FloatFormat::new(FloatSpec { signed: false, ..FloatSpec::ieee(4, 3) }).unwrap();
        assert!(Format::from_kind(Kind::Float(unsigned)).is_err());
        let custom = FloatFormat::new(FloatSpec { bias: 10, specials: Specials::Fn, ..FloatSpec::ieee(5, 7) }).unwrap();
        assert_eq!(Format::from_kind(Kind::Float(custom)).unwrap().id(), "e5m7b10_fn");
        let int12 = IntFormat::new(12, true).unwrap();
        assert!(Format::from_kind(Kind::Int(int12)).is_err());
    }
}
