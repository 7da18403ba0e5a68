//! Everything the explorer shows, derived from (format, code) by plain functions: the bit
//! cells, the read-outs, the formula, the limits. Components only lay these strings out, so
//! all the arithmetic is here and is tested natively (`cargo test -p lowbit-app --lib`).

use lowbit_core::decimal::{exact_decimal, js_string};
use lowbit_core::format::{BitRole, Kind};
use lowbit_core::{Class, Encoder, FloatFormat, FloatSpec, Format, OverflowPolicy, RoundingMode, Specials, CATALOGUE};

use crate::export::Table;
use crate::i18n::ExplorerText;
use crate::text::{compact, shorten, shorten_quoted};

/// Exact expansions longer than this are shown shortened, with a button to expand them.
pub const EXACT_SHORT_CHARS: usize = 40;

/// CSS class of a bit role (`role-sign`, `role-exponent`, `role-mantissa`, `role-index`).
pub fn role_class(role: BitRole) -> &'static str {
    match role {
        BitRole::Sign => "role-sign",
        BitRole::Exponent => "role-exponent",
        BitRole::Mantissa => "role-mantissa",
        BitRole::Index => "role-index",
    }
}

/// Whether bit `position` of `code` is set.
pub fn bit_is_set(code: u64, position: u32) -> bool {
    position < 64 && (code >> position) & 1 == 1
}

/// `code` with bit `position` set to `on` (positions outside the format are ignored).
pub fn with_bit(format: &Format, code: u64, position: u32, on: bool) -> u64 {
    if position >= format.bits() {
        return code;
    }
    let mask = 1u64 << position;
    if on { code | mask } else { code & !mask }
}

/// `code` with every bit from `from` to `to` (either order, inclusive) set to `on`.
pub fn with_bits(format: &Format, code: u64, from: u32, to: u32, on: bool) -> u64 {
    (from.min(to)..=from.max(to)).fold(code, |c, p| with_bit(format, c, p, on))
}

/// `code` with bit `position` flipped.
pub fn toggle_bit(format: &Format, code: u64, position: u32) -> u64 {
    with_bit(format, code, position, !bit_is_set(code, position))
}

/// The bit cell a key moves the focus to from cell `position` of a `bits`-wide code: the
/// arrows to the neighbours (left/up = more significant), Home to the top bit, End to bit 0.
pub fn bit_to_focus(key: &str, position: u32, bits: u32) -> Option<u32> {
    match key {
        "ArrowLeft" | "ArrowUp" if position + 1 < bits => Some(position + 1),
        "ArrowRight" | "ArrowDown" if position > 0 => Some(position - 1),
        "Home" => bits.checked_sub(1),
        "End" => Some(0),
        _ => None,
    }
}

/// The screen-reader label of a bit cell: "bit 6, exponent: 1" (in `tr`'s language). It
/// holds the digit the cell shows, so the accessible name contains the visible text (WCAG
/// 2.5.3, label in name).
pub fn bit_label(format: &Format, code: u64, position: u32, tr: &ExplorerText) -> String {
    let digit = if bit_is_set(code, position) { 1 } else { 0 };
    (tr.bit_label)(position, field_name(format, format.bit_role(position), tr), digit)
}

/// What a field of bits of `role` is called in `format`: an integer's bits hold its value, a
/// table's an index.
fn field_name(format: &Format, role: BitRole, tr: &ExplorerText) -> &'static str {
    match role {
        BitRole::Sign => tr.field_names[0],
        BitRole::Exponent => tr.field_names[1],
        BitRole::Mantissa => tr.field_names[2],
        BitRole::Index if matches!(format.kind(), Kind::Int(_)) => tr.field_names[4],
        BitRole::Index => tr.field_names[3],
    }
}

/// A run of neighbouring bits with the same role (a field), most significant first.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The role of its bits.
    pub role: BitRole,
    /// Its bit positions, most significant first.
    pub positions: Vec<u32>,
    /// Its caption ("exponent · 4 bits").
    pub caption: String,
}

/// The fields of a format, most significant first, captioned in `tr`'s language.
pub fn fields(format: &Format, tr: &ExplorerText) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    for position in (0..format.bits()).rev() {
        let role = format.bit_role(position);
        match out.last_mut() {
            Some(field) if field.role == role => field.positions.push(position),
            _ => out.push(Field { role, positions: vec![position], caption: String::new() }),
        }
    }
    for field in &mut out {
        let name = field_name(format, field.role, tr);
        let n = field.positions.len();
        field.caption = if n == 1 { name.to_string() } else { (tr.field_caption)(name, n) };
    }
    out
}

/// The code's bits grouped by field, most significant first: `[("0", Sign), ("1111", Exponent), ("110", Mantissa)]`.
pub fn binary_fields(format: &Format, code: u64) -> Vec<(String, BitRole)> {
    let mut out: Vec<(String, BitRole)> = Vec::new();
    for position in (0..format.bits()).rev() {
        let role = format.bit_role(position);
        let bit = if bit_is_set(code, position) { '1' } else { '0' };
        match out.last_mut() {
            Some((bits, last)) if *last == role => bits.push(bit),
            _ => out.push((bit.to_string(), role)),
        }
    }
    out
}

/// The formula behind a value, with the actual numbers, ready to lay out.
#[derive(Clone, Debug, PartialEq)]
pub enum Formula {
    /// (−1)^s × 2^(e − bias) × significand = value.
    Float {
        /// The sign bit ("0"/"1"), None for unsigned formats.
        sign: Option<String>,
        /// The exponent as applied: the field ("15"), or "1" for subnormals and zero.
        exponent: String,
        /// The bias ("7").
        bias: String,
        /// The exponent applied, exponent − bias ("8").
        unbiased: String,
        /// The significand in binary ("1.110"), None when there are no mantissa bits.
        significand_bits: Option<String>,
        /// The significand in decimal ("1.75").
        significand: String,
        /// The value ("448", "-0").
        value: String,
        /// A note (zero, subnormal), put in words by [`ExplorerText::float_notes`].
        note: Option<FloatNote>,
    },
    /// Two's complement: −2^(n−1)·s + rest = value (or just the integer for unsigned).
    Int {
        /// The sign bit's weight ("8"), None for unsigned formats.
        sign_weight: Option<String>,
        /// The sign bit ("0"/"1"), None for unsigned formats.
        sign: Option<String>,
        /// The other bits as an unsigned integer ("1").
        rest: String,
        /// The value ("-7").
        value: String,
    },
    /// A lookup table: name[index] = value.
    Table {
        /// The format id ("nf4").
        name: String,
        /// The index ("9").
        index: String,
        /// The value.
        value: String,
    },
    /// A code that is not a number in the usual sense (±Inf, NaN): an explanation.
    Special {
        /// What the code is, put in words by [`ExplorerText::special_note`].
        note: SpecialNote,
    },
}

/// The note under a float formula whose exponent field is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatNote {
    /// Zero: exponent and mantissa fields all zero.
    Zero,
    /// A subnormal: the exponent field 0 counts as 1, with no implicit leading 1.
    Subnormal,
}

/// What a code that is no ordinary number is (the explorer's explanation of ±Inf, NaN and
/// unused table codes), put in words by [`ExplorerText::special_note`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecialNote {
    /// P3109, signed, extended: ±Inf at the two largest-magnitude codes (0111…1, 1111…1).
    P3109Inf {
        /// −Inf.
        negative: bool,
    },
    /// P3109, unsigned, extended: +Inf is the code just below the NaN (1111…10).
    P3109UnsignedInf,
    /// P3109, signed: 1000…0, the code of −0, is the one NaN.
    P3109Nan,
    /// P3109, unsigned: the top code 1111…1 is the one NaN.
    P3109UnsignedNan,
    /// IEEE-style: exponent all ones, mantissa zero.
    Inf {
        /// −Inf.
        negative: bool,
    },
    /// IEEE-style: exponent all ones, mantissa not zero.
    IeeeNan,
    /// A format without mantissa bits whose all-ones code is its one NaN.
    AllOnesNan,
    /// "fn" formats: exponent and mantissa all ones (no infinity).
    FnNan,
    /// "fnuz" formats: the code of −0 is the one NaN.
    FnuzNan,
    /// A NaN of a format without special codes.
    Nan,
    /// A lookup table's code that holds no value: the code, the format's id.
    Unused(u64, String),
    /// A code the core decodes without fields: its value as JavaScript prints it.
    Value(String),
}

/// Significands or values longer than this set a float formula in a smaller size.
pub const FORMULA_LONG_CHARS: usize = 24;

/// How many fraction bits one piece of a long significand holds (the formula wraps between
/// pieces on a narrow screen; [`Formula::significand_groups`]).
pub const SIGNIFICAND_GROUP: usize = 8;

impl Formula {
    /// Whether a float formula is too wide for the normal size (its significand or value has
    /// more than [`FORMULA_LONG_CHARS`] characters).
    pub fn is_long(&self) -> bool {
        match self {
            Formula::Float { significand_bits, value, .. } => {
                significand_bits.as_ref().is_some_and(|b| b.len() > FORMULA_LONG_CHARS) || value.len() > FORMULA_LONG_CHARS
            }
            _ => false,
        }
    }

    /// A float formula's binary significand in the pieces the formula may wrap between: the
    /// lead and the point with the first [`SIGNIFICAND_GROUP`] fraction bits, then the rest in
    /// groups of as many ("1.01001000", "11111010", "1101101" for FP32); one piece when the
    /// significand is short. Empty without mantissa bits.
    pub fn significand_groups(&self) -> Vec<String> {
        let Formula::Float { significand_bits: Some(bits), .. } = self else {
            return Vec::new();
        };
        let Some((lead, fraction)) = bits.split_once('.') else {
            return vec![bits.clone()];
        };
        if fraction.len() <= 2 * SIGNIFICAND_GROUP {
            return vec![bits.clone()];
        }
        let chunks: Vec<&[u8]> = fraction.as_bytes().chunks(SIGNIFICAND_GROUP).collect();
        chunks
            .iter()
            .enumerate()
            .map(|(i, chunk)| {
                let digits = String::from_utf8_lossy(chunk);
                if i == 0 {
                    format!("{lead}.{digits}")
                } else {
                    digits.into_owned()
                }
            })
            .collect()
    }

    /// The line under a float formula: the power and the significand in decimal
    /// ("2^8 × 1.75", "2^-1" without mantissa bits), then its note in the language of `t`.
    pub fn detail(&self, t: &ExplorerText) -> Option<String> {
        let Formula::Float { unbiased, significand_bits, significand, note, .. } = self else {
            return None;
        };
        let times = if significand_bits.is_some() { format!(" × {significand}") } else { String::new() };
        let note = note.map_or(String::new(), |n| format!(" — {}", t.float_notes[n as usize]));
        Some(format!("2^{unbiased}{times}{note}"))
    }
}

fn special_note(float: &FloatFormat, class: Class, negative: bool) -> SpecialNote {
    match (class, float.specials()) {
        (Class::Infinite, Specials::P3109 { .. }) if float.signed() => SpecialNote::P3109Inf { negative },
        (Class::Infinite, Specials::P3109 { .. }) => SpecialNote::P3109UnsignedInf,
        (_, Specials::P3109 { .. }) if float.signed() => SpecialNote::P3109Nan,
        (_, Specials::P3109 { .. }) => SpecialNote::P3109UnsignedNan,
        (Class::Infinite, _) => SpecialNote::Inf { negative },
        (_, Specials::Ieee) => SpecialNote::IeeeNan,
        (_, Specials::Fn) if float.mantissa_bits() == 0 => SpecialNote::AllOnesNan,
        (_, Specials::Fn) => SpecialNote::FnNan,
        (_, Specials::Fnuz) => SpecialNote::FnuzNan,
        (_, Specials::Finite) => SpecialNote::Nan,
    }
}

/// The formula for a code.
pub fn formula(format: &Format, code: u64) -> Formula {
    let decoded = format.decode(code);
    let value = js_string(decoded.value);
    match &format.kind() {
        Kind::Float(float) => {
            let Some(fields) = decoded.fields else {
                return Formula::Special { note: SpecialNote::Value(value) };
            };
            if matches!(fields.class, Class::Nan | Class::Infinite) {
                return Formula::Special { note: special_note(float, fields.class, fields.sign) };
            }
            let subnormal = float.subnormals() && fields.exponent_field == 0;
            let m = float.mantissa_bits() as usize;
            let significand_bits = (m > 0).then(|| {
                let lead = if subnormal { '0' } else { '1' };
                format!("{lead}.{:0m$b}", fields.mantissa_field)
            });
            let note = if subnormal && fields.class == Class::Zero {
                Some(FloatNote::Zero)
            } else if subnormal {
                Some(FloatNote::Subnormal)
            } else {
                None
            };
            Formula::Float {
                sign: float.signed().then(|| if fields.sign { "1".into() } else { "0".into() }),
                exponent: if subnormal { "1".into() } else { fields.exponent_field.to_string() },
                bias: float.bias().to_string(),
                unbiased: fields.unbiased_exponent.to_string(),
                significand_bits,
                significand: js_string(fields.significand),
                value,
                note,
            }
        }
        Kind::Int(int) => {
            let top = int.bits() - 1;
            let rest_mask = (1u64 << top) - 1;
            if int.signed() {
                Formula::Int {
                    sign_weight: Some((1u64 << top).to_string()),
                    sign: Some(if bit_is_set(decoded.code, top) { "1".into() } else { "0".into() }),
                    rest: (decoded.code & rest_mask).to_string(),
                    value,
                }
            } else {
                Formula::Int { sign_weight: None, sign: None, rest: decoded.code.to_string(), value }
            }
        }
        Kind::Codebook(_) => {
            if decoded.value.is_nan() {
                return Formula::Special { note: SpecialNote::Unused(decoded.code, format.id().to_string()) };
            }
            Formula::Table { name: format.id().to_string(), index: decoded.code.to_string(), value }
        }
    }
}

/// The class badge: a CSS key and a label.
pub fn class_badge(format: &Format, code: u64) -> (&'static str, String) {
    let decoded = format.decode(code);
    match decoded.class {
        Class::Zero => ("zero", if decoded.value.is_sign_negative() { "−0 (zero)".into() } else { "zero".into() }),
        Class::Subnormal => ("subnormal", "subnormal".into()),
        Class::Infinite if decoded.value < 0.0 => ("infinite", "−Inf".into()),
        Class::Infinite => ("infinite", "+Inf".into()),
        Class::Nan => ("nan", "NaN".into()),
        Class::Normal => match format.kind() {
            Kind::Float(_) => ("normal", "normal".into()),
            Kind::Int(_) => ("normal", "integer".into()),
            Kind::Codebook(_) => ("normal", "table value".into()),
        },
    }
}

/// Everything the read-out panels show for one code.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// JavaScript's `String(v)` of the value ("448", "NaN", "-0").
    pub value: String,
    /// The code in decimal ("126").
    pub code_decimal: String,
    /// The code in hex, padded ("0x7e").
    pub hex: String,
    /// The bits by field, most significant first.
    pub binary: Vec<(String, BitRole)>,
    /// CSS key of the class badge.
    pub class_key: &'static str,
    /// Text of the class badge.
    pub class_label: String,
    /// The exact decimal expansion.
    pub exact: String,
    /// A shortened expansion when the full one is long.
    pub exact_short: Option<String>,
    /// Number of significant digits of the exact expansion.
    pub exact_digits: usize,
    /// The spacing of values here ("0.125"), "—" where not defined.
    pub ulp: String,
    /// The code of the next larger value.
    pub next_up: Option<u64>,
    /// The code of the next smaller value.
    pub next_down: Option<u64>,
    /// The formula.
    pub formula: Formula,
}

/// Counts the significant digits of a decimal expansion.
fn significant_digits(text: &str) -> usize {
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() { 1 } else { trimmed.len() }
}

/// Derives the read-outs of a code.
pub fn readout(format: &Format, code: u64) -> Readout {
    let code = code & format.max_code();
    let decoded = format.decode(code);
    let exact = exact_decimal(decoded.value);
    let exact_short = (exact.chars().count() > EXACT_SHORT_CHARS + 8)
        .then(|| format!("{}…", exact.chars().take(EXACT_SHORT_CHARS).collect::<String>()));
    let ulp = if decoded.value.is_finite() {
        let u = format.ulp(decoded.value);
        if u.is_finite() { js_string(u) } else { "—".into() }
    } else {
        "—".into()
    };
    let (class_key, class_label) = class_badge(format, code);
    Readout {
        value: js_string(decoded.value),
        code_decimal: code.to_string(),
        hex: format.hex_string(code),
        binary: binary_fields(format, code),
        class_key,
        class_label,
        exact_digits: significant_digits(&exact),
        exact,
        exact_short,
        ulp,
        next_up: format.next_up(code),
        next_down: format.next_down(code),
        formula: formula(format, code),
    }
}

impl Formula {
    /// The formula as one line of plain text ("(−1)^0 × 2^(15 − 7) × 1.110₂ = 448"; for
    /// ±Inf and NaN, the explanation in the language of `t`).
    pub fn text(&self, t: &ExplorerText) -> String {
        match self {
            Formula::Float { sign, exponent, bias, significand_bits, value, .. } => {
                let sign = sign.as_ref().map_or(String::new(), |s| format!("(−1)^{s} × "));
                let significand = significand_bits.as_ref().map_or(String::new(), |b| format!(" × {b}₂"));
                format!("{sign}2^({exponent} − {bias}){significand} = {value}")
            }
            Formula::Int { sign_weight: Some(weight), sign: Some(sign), rest, value } => format!("−{weight}·{sign} + {rest} = {value}"),
            Formula::Int { rest, value, .. } => format!("{rest} = {value}"),
            Formula::Table { name, index, value } => format!("{name}[{index}] = {value}"),
            Formula::Special { note } => (t.special_note)(note),
        }
    }
}

/// A code's breakdown as plain text, for the export button: the format, the code, its bits by
/// field, the class, the value (shortest and exact), the formula and the spacing there.
///
/// In English, like its labels (a file for any reader).
pub fn breakdown(format: &Format, code: u64) -> String {
    let en = crate::i18n::Lang::En.explorer();
    let r = readout(format, code);
    let bits = r.binary.iter().map(|(b, _)| b.as_str()).collect::<Vec<_>>().join(" ");
    let roles = r.binary.iter().map(|(_, role)| role.name()).collect::<Vec<_>>().join(" | ");
    let mut lines = vec![
        format!("format:  {}", format.id()),
        format!("code:    {} ({})", r.code_decimal, r.hex),
        format!("bits:    {bits}  ({roles})"),
        format!("class:   {}", r.class_label),
        format!("value:   {}", r.value),
        format!("exact:   {}", r.exact),
        format!("formula: {}", r.formula.text(en)),
    ];
    if let Some(detail) = r.formula.detail(en) {
        lines.push(format!("         {detail}"));
    }
    lines.push(format!("ULP:     {}", r.ulp));
    lines.join("\n") + "\n"
}

/// One row of a limits card: a label, a short value and the full value (tooltip).
#[derive(Clone, Debug, PartialEq)]
pub struct LimitRow {
    /// What the row is ("largest finite").
    pub label: &'static str,
    /// Its short form.
    pub short: String,
    /// Its full form.
    pub full: String,
    /// The code of the value, where the row is a value of the format (a click opens it).
    pub code: Option<u64>,
}

fn yes_no(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}

/// The limits of a format as rows.
pub fn limit_rows(format: &Format) -> Vec<LimitRow> {
    let l = format.limits();
    let jumps = jumps(format);
    let code_of = |names: &[&str]| jumps.iter().find(|j| names.contains(&j.name)).map(|j| j.code);
    let num = |label, x: Option<f64>, names: &[&str]| match x {
        Some(x) => LimitRow { label, short: compact(x), full: js_string(x), code: code_of(names) },
        None => LimitRow { label, short: "—".into(), full: "not defined for this format".into(), code: None },
    };
    let text = |label, s: String| LimitRow { label, short: s.clone(), full: s, code: None };
    vec![
        text("bits", format.bits().to_string()),
        num("largest finite", Some(l.max), &["max"]),
        num("most negative", Some(l.min), &["min"]),
        num("smallest normal", l.min_normal, &["min-normal"]),
        num("smallest positive", l.min_positive, &["min-subnormal", "min-positive", "min-normal"]),
        num("epsilon (1⁺ − 1)", l.epsilon, &[]),
        text("NaN codes", l.nan_codes.to_string()),
        text("±Inf", yes_no(l.has_inf)),
        text("−0", yes_no(l.has_negative_zero)),
        text("bias", l.bias.map_or("—".into(), |b| b.to_string())),
        LimitRow {
            code: None,
            label: "dynamic range",
            short: l.dynamic_range_binades.map_or("—".into(), |b| format!("{b:.1} binades")),
            full: l.dynamic_range_binades.map_or("—".into(), |b| format!("log2(max / min positive) = {b}")),
        },
    ]
}

/// A value of the format the explorer can jump to: its label, its name (the button's
/// `data-testid` is `jump-{name}`) and its code, found by encoding the value exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Jump {
    /// The button's label ("max", "+Inf").
    pub label: &'static str,
    /// Short name (`max`, `min-normal`, `min-subnormal`, `inf`, `neg-inf`, `nan`, `neg-zero`, …).
    pub name: &'static str,
    /// The code.
    pub code: u64,
}

/// Whether `code` of `format` is the value `target` (NaN for NaN; ±0 and ±Inf by sign).
fn decodes_to(format: &Format, code: u64, target: f64) -> bool {
    let value = format.decode(code).value;
    if target.is_nan() { value.is_nan() } else { value.to_bits() == target.to_bits() }
}

/// The values the explorer offers to jump to, in order — largest and most negative finite,
/// smallest normal and smallest subnormal (or smallest positive), zero, −0, one, ±Inf, NaN —
/// each only where the format has it. Each code comes from encoding the value's exact
/// decimal (with the format's default rounding and overflow), checked by decoding it back.
pub fn jumps(format: &Format) -> Vec<Jump> {
    let l = format.limits();
    let subnormal = matches!((l.min_positive, l.min_normal), (Some(p), Some(n)) if p < n);
    let candidates: [(&'static str, &'static str, Option<f64>); 10] = [
        ("max", "max", Some(l.max)),
        ("most negative", "min", Some(l.min)),
        ("min normal", "min-normal", l.min_normal),
        (if subnormal { "min subnormal" } else { "smallest positive" }, if subnormal { "min-subnormal" } else { "min-positive" }, l.min_positive.filter(|p| Some(*p) != l.min_normal || subnormal)),
        ("0", "zero", Some(0.0)),
        ("−0", "neg-zero", l.has_negative_zero.then_some(-0.0)),
        ("1", "one", Some(1.0)),
        ("+Inf", "inf", l.has_inf.then_some(f64::INFINITY)),
        ("−Inf", "neg-inf", l.has_inf.then_some(f64::NEG_INFINITY)),
        ("NaN", "nan", (l.nan_codes > 0).then_some(f64::NAN)),
    ];
    let mut encoder = Encoder::with_defaults(format);
    let mut seen = Vec::new();
    candidates
        .into_iter()
        .filter_map(|(label, name, target)| {
            let target = target?;
            let text = if target.is_nan() {
                "nan".to_string()
            } else if target.is_infinite() {
                if target > 0.0 { "inf".into() } else { "-inf".into() }
            } else if target == 0.0 && target.is_sign_negative() {
                "-0".into()
            } else {
                exact_decimal(target)
            };
            let code = encoder.encode_text(&text).ok()?.code;
            // Once per code (an unsigned format's most negative value is its zero).
            if !decodes_to(format, code, target) || seen.contains(&code) {
                return None;
            }
            seen.push(code);
            Some(Jump { label, name, code })
        })
        .collect()
}

/// One row of the all-formats limits table.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitsTableRow {
    /// Canonical id.
    pub id: &'static str,
    /// Width in bits.
    pub bits: String,
    /// Layout ("E4M3", "INT", "table").
    pub layout: String,
    /// The cells, short form and full form: max, smallest normal, smallest positive, epsilon.
    pub cells: Vec<(String, String)>,
    /// Whether ±Inf exist.
    pub inf: String,
    /// Number of NaN codes.
    pub nans: String,
    /// One-line description.
    pub summary: &'static str,
}

/// The limits table of every catalogue format.
pub fn limits_table() -> Vec<LimitsTableRow> {
    CATALOGUE
        .iter()
        .map(|entry| {
            let format = entry.format();
            let l = format.limits();
            let cell = |x: Option<f64>| match x {
                Some(x) => (compact(x), js_string(x)),
                None => ("—".into(), "not defined".into()),
            };
            let layout = match &entry.kind() {
                Kind::Float(f) => format!("E{}M{}", f.exponent_bits(), f.mantissa_bits()),
                Kind::Int(i) => if i.signed() { "int".into() } else { "uint".into() },
                Kind::Codebook(_) => "table".into(),
            };
            LimitsTableRow {
                id: entry.id(),
                bits: format.bits().to_string(),
                layout,
                cells: vec![cell(Some(l.max)), cell(l.min_normal), cell(l.min_positive), cell(l.epsilon)],
                inf: yes_no(l.has_inf),
                nans: l.nan_codes.to_string(),
                summary: entry.summary(),
            }
        })
        .collect()
}

/// The limits table as a file: the full values (not the short forms the cells show), its
/// column names and words in the language of `t`.
pub fn limits_table_export(rows: &[LimitsTableRow], t: &crate::i18n::ExplorerText) -> Table {
    let word = |w: &String| (t.term)(w).map_or_else(|| w.clone(), str::to_string);
    Table {
        headers: t.table_columns.map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![r.id.to_string(), r.bits.clone(), word(&r.layout)];
                row.extend(r.cells.iter().map(|(_, full)| word(full)));
                row.extend([word(&r.inf), r.nans.clone()]);
                row
            })
            .collect(),
    }
}

/// What a typed entry turned into.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A code typed as `0x…` or `0b…`.
    Code(u64),
    /// A number, encoded.
    Number(Typed),
}

/// A typed number and how it was encoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Typed {
    /// The text as typed (trimmed).
    pub text: String,
    /// The code it became.
    pub code: u64,
    /// The input as the nearest f64 ("0.1").
    pub input: String,
    /// The encoded value ("0.1015625").
    pub value: String,
    /// Status flag names ("exact", or "inexact, overflow").
    pub status: String,
    /// Whether the encoding was exact.
    pub exact: bool,
    /// value − input ("0.0015625"), "—" where not defined.
    pub abs_error: String,
    /// |value − input| / |input|, "—" where not defined.
    pub rel_error: String,
}

/// Why the value box's text was refused, put in words by [`EntryError::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// Nothing typed.
    Empty,
    /// The core refused the number or the code (its reason, the text quoted short).
    Refused(String),
}

impl EntryError {
    /// The message in the language of `t` (the core's reason as it wrote it).
    pub fn text(&self, t: &crate::i18n::ExplorerText) -> String {
        match self {
            EntryError::Empty => t.type_a_number.to_string(),
            EntryError::Refused(why) => why.clone(),
        }
    }
}

/// Interprets the value box: `0x…`/`0b…` are codes; anything else is a number (decimal,
/// scientific, `inf`, `nan`, `-0`) encoded with the given rounding and overflow.
pub fn interpret_entry(
    format: &Format,
    text: &str,
    rounding: Option<RoundingMode>,
    overflow: OverflowPolicy,
    seed: u64,
) -> Result<Entry, EntryError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(EntryError::Empty);
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("0x") || lower.starts_with("0b") {
        return format.parse_code(text).map(Entry::Code).map_err(|e| EntryError::Refused(shorten_quoted(&e, text)));
    }
    let encoded = Encoder::new(format, rounding, overflow, seed)
        .encode_text(text)
        .map_err(|e| EntryError::Refused(shorten_quoted(&e.0, text)))?;
    let error = encoded.error();
    let relative = encoded.relative_error();
    Ok(Entry::Number(Typed {
        text: text.to_string(),
        code: encoded.code,
        input: js_string(encoded.input),
        value: js_string(encoded.value),
        status: encoded.status.names().join(", "),
        exact: encoded.status.is_exact(),
        abs_error: if error.is_nan() { "—".into() } else { js_string(error) },
        rel_error: if relative.is_nan() { "—".into() } else { compact(relative) },
    }))
}

/// The code showing, in `to`, the value that `code` has in `from` (a cast with `to`'s
/// default rounding and overflow).
pub fn convert_code(from: &Format, code: u64, to: &Format) -> u64 {
    Encoder::with_defaults(to).encode_f64(from.decode(code).value).code
}

/// The parameters of a custom `eXmY` format, as the custom-format controls show them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CustomSpec {
    /// Exponent bits (1–11).
    pub exponent_bits: u32,
    /// Mantissa bits.
    pub mantissa_bits: u32,
    /// Exponent bias.
    pub bias: i32,
    /// Special-value rule.
    pub specials: Specials,
}

/// The special-value rules the controls offer, with labels.
pub const SPECIALS: [(Specials, &str); 6] = [
    (Specials::Ieee, "ieee — ±Inf and NaNs"),
    (Specials::Fn, "fn — no Inf, NaN at S.111…1"),
    (Specials::Fnuz, "fnuz — no Inf, no −0, NaN at 0x80…"),
    (Specials::Finite, "finite — every code a number"),
    (Specials::P3109 { extended: true }, "p3109e — P3109 extended: no −0, NaN at 0x80…, ±Inf at 0x7F… / 0xFF…"),
    (Specials::P3109 { extended: false }, "p3109f — P3109 finite: no −0, NaN at 0x80…, no Inf"),
];

impl CustomSpec {
    /// The controls' starting point for a format: its own layout when it is a signed float,
    /// otherwise E4M3.
    pub fn of(format: &Format) -> CustomSpec {
        match format.as_float() {
            Some(f) if f.signed() && f.subnormals() => CustomSpec {
                exponent_bits: f.exponent_bits(),
                mantissa_bits: f.mantissa_bits(),
                bias: f.bias(),
                specials: f.specials(),
            },
            _ => CustomSpec { exponent_bits: 4, mantissa_bits: 3, bias: 7, specials: Specials::Ieee },
        }
    }

    /// The default bias for the exponent width (2^(X−1) − 1).
    pub fn default_bias(exponent_bits: u32) -> i32 {
        FloatFormat::default_bias(exponent_bits.clamp(1, 11)).unwrap_or(0)
    }

    /// The custom format id (`e5m7b10_fn`), checked by the core.
    pub fn to_format(self) -> Result<Format, String> {
        if !(1..=11).contains(&self.exponent_bits) {
            return Err(format!("exponent bits must be 1 to 11, got {}", self.exponent_bits));
        }
        let total = 1u64 + u64::from(self.exponent_bits) + u64::from(self.mantissa_bits);
        if total > 32 {
            return Err(format!(
                "at most 32 bits in all: 1 + {} + {} = {total}",
                self.exponent_bits, self.mantissa_bits
            ));
        }
        let float = FloatFormat::new(FloatSpec {
            exponent_bits: self.exponent_bits,
            mantissa_bits: self.mantissa_bits,
            bias: self.bias,
            signed: true,
            specials: self.specials,
            subnormals: true,
        })
        .map_err(|e| e.to_string())?;
        Format::from_kind(Kind::Float(float)).map_err(|e| e.to_string())
    }
}

/// One box of the custom-format controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomField {
    /// Exponent bits (a change resets the bias to the width's default).
    Exponent,
    /// Mantissa bits.
    Mantissa,
    /// Exponent bias.
    Bias,
    /// Special-value rule, by suffix (`ieee`, `fn`, `fnuz`, `finite`).
    Rule,
}

impl CustomSpec {
    /// What the box of `field` shows ("4", "-3", "fnuz").
    pub fn text(self, field: CustomField) -> String {
        match field {
            CustomField::Exponent => self.exponent_bits.to_string(),
            CustomField::Mantissa => self.mantissa_bits.to_string(),
            CustomField::Bias => self.bias.to_string(),
            CustomField::Rule => self.specials.suffix().to_string(),
        }
    }

    /// The spec with `field` set from the text typed in its box; a message when the text is
    /// not a value the box takes (whether the whole spec is a format is [`CustomSpec::to_format`]'s call).
    pub fn with_text(self, field: CustomField, text: &str) -> Result<CustomSpec, String> {
        let text = text.trim();
        let whole = |what: &str| {
            text.parse::<i64>().map_err(|_| format!("{what}: '{}' is not a whole number", shorten(text)))
        };
        match field {
            CustomField::Exponent => {
                let e = u32::try_from(whole("exponent bits")?).map_err(|_| "exponent bits must be 1 to 11".to_string())?;
                Ok(CustomSpec { exponent_bits: e, bias: CustomSpec::default_bias(e), ..self })
            }
            CustomField::Mantissa => {
                let m = u32::try_from(whole("mantissa bits")?).map_err(|_| "mantissa bits cannot be negative".to_string())?;
                Ok(CustomSpec { mantissa_bits: m, ..self })
            }
            CustomField::Bias => {
                let b = i32::try_from(whole("bias")?).map_err(|_| "bias out of range".to_string())?;
                Ok(CustomSpec { bias: b, ..self })
            }
            CustomField::Rule => parse_specials(text)
                .map(|s| CustomSpec { specials: s, ..self })
                .ok_or_else(|| format!("unknown rule '{}'", shorten(text))),
        }
    }
}

/// Parses a special-value rule suffix (`ieee`, `fn`, `fnuz`, `finite`).
pub fn parse_specials(name: &str) -> Option<Specials> {
    SPECIALS.iter().map(|(s, _)| *s).find(|s| s.suffix() == name)
}

#[cfg(test)]
mod tests {
    use crate::text::*;
    use super::*;

    #[test]
    fn the_limits_table_exports_full_values() {
        let rows = limits_table();
        let t = limits_table_export(&rows, crate::i18n::Lang::En.explorer());
        assert_eq!(t.headers[..4], ["format", "bits", "layout", "max"]);
        let ru = limits_table_export(&rows, crate::i18n::Lang::Ru.explorer());
        assert_eq!(ru.headers[..4], ["формат", "бит", "структура", "макс."]);
        let ru_e4m3 = ru.rows.iter().find(|r| r[0] == "float8_e4m3fn").unwrap();
        assert_eq!(ru_e4m3[7], "нет", "±Inf in Russian");
        let ru_int8 = ru.rows.iter().find(|r| r[0] == "int8").unwrap();
        assert_eq!((ru_int8[2].as_str(), ru_int8[4].as_str()), ("целое", "не определено"));
        assert_eq!(t.rows.len(), CATALOGUE.len());
        assert!(t.rows.iter().all(|r| r.len() == t.headers.len()));
        let f32_row = t.rows.iter().find(|r| r[0] == "float32").unwrap();
        assert_eq!(f32_row[3], js_string(f32::MAX as f64), "the full max, not the short form");
        let e4m3 = t.rows.iter().find(|r| r[0] == "float8_e4m3fn").unwrap();
        assert_eq!(e4m3[3..7], ["448", "0.015625", "0.001953125", "0.125"]);
    }

    #[test]
    fn a_breakdown_as_text_names_every_part_of_the_value() {
        let text = breakdown(&fmt("float8_e4m3fn"), 0x7e);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "format:  float8_e4m3fn");
        assert_eq!(lines[1], "code:    126 (0x7e)");
        assert_eq!(lines[2], "bits:    0 1111 110  (sign | exponent | mantissa)");
        assert_eq!(lines[4], "value:   448");
        assert_eq!(lines[6], "formula: (−1)^0 × 2^(15 − 7) × 1.110₂ = 448");
        assert_eq!(lines[7].trim(), "2^8 × 1.75");
        assert_eq!(lines[8], "ULP:     32");
        // float32's π: the exact expansion in full, not the shortened one the card shows.
        let pi = breakdown(&fmt("float32"), 0x40490fdb);
        assert!(pi.contains("exact:   3.1415927410125732421875\n"), "{pi}");
        assert!(breakdown(&fmt("int4"), 0x9).contains("formula: −8·1 + 1 = -7"));
        assert!(breakdown(&fmt("nf4"), 7).contains("formula: nf4[7] = 0"));
        assert!(breakdown(&fmt("float8_e4m3fn"), 0x7f).contains("formula: exponent and mantissa all ones: NaN"));
    }

    fn fmt(id: &str) -> Format {
        Format::parse(id).unwrap()
    }

    #[test]
    fn bits_and_labels() {
        let f = fmt("float8_e4m3fn");
        assert_eq!(toggle_bit(&f, 0x7e, 0), 0x7f);
        assert_eq!(with_bit(&f, 0x7e, 9, true), 0x7e, "outside the format");
        assert_eq!(with_bits(&f, 0x00, 4, 0, true), 0x1f);
        assert_eq!(with_bits(&f, 0xff, 2, 6, false), 0x83);
        let en = crate::i18n::Lang::En.explorer();
        assert_eq!(bit_label(&f, 0x7e, 6, en), "bit 6, exponent: 1");
        assert_eq!(bit_label(&f, 0x7e, 7, en), "bit 7, sign: 0");
        assert_eq!(bit_label(&f, 0x7e, 0, en), "bit 0, mantissa: 0");
        let ru = crate::i18n::Lang::Ru.explorer();
        assert_eq!(bit_label(&f, 0x7e, 6, ru), "бит 6, экспонента: 1");
        let captions = |f: &Format, tr| fields(f, tr).into_iter().map(|x| x.caption).collect::<Vec<_>>();
        assert_eq!(captions(&f, ru), ["знак", "экспонента · 4 бита", "мантисса · 3 бита"]);
        assert_eq!(captions(&Format::parse("float32").unwrap(), ru), ["знак", "экспонента · 8 бит", "мантисса · 23 бита"]);
        assert_eq!(captions(&Format::parse("int8").unwrap(), crate::i18n::Lang::De.explorer()), ["Vorzeichen", "Wert · 7 Bits"]);
        assert_eq!(bit_to_focus("ArrowLeft", 6, 8), Some(7));
        assert_eq!(bit_to_focus("ArrowUp", 7, 8), None, "the top bit has no left neighbour");
        assert_eq!(bit_to_focus("ArrowRight", 0, 8), None);
        assert_eq!(bit_to_focus("ArrowDown", 3, 8), Some(2));
        assert_eq!((bit_to_focus("Home", 3, 8), bit_to_focus("End", 3, 8)), (Some(7), Some(0)));
        assert_eq!(bit_to_focus("x", 3, 8), None);
        let fs = fields(&f, crate::i18n::Lang::En.explorer());
        assert_eq!(fs.len(), 3);
        assert_eq!(fs[0].positions, vec![7]);
        assert_eq!(fs[1].positions, vec![6, 5, 4, 3]);
        assert_eq!(fs[1].caption, "exponent · 4 bits");
        assert_eq!(fs[2].positions, vec![2, 1, 0]);
        assert_eq!(
            binary_fields(&f, 0x7e),
            vec![("0".into(), BitRole::Sign), ("1111".into(), BitRole::Exponent), ("110".into(), BitRole::Mantissa)]
        );
        // Every bit of every catalogue format belongs to exactly one field.
        for e in CATALOGUE {
            let f = fmt(e.id());
            let fs = fields(&f, crate::i18n::Lang::En.explorer());
            let n: usize = fs.iter().map(|x| x.positions.len()).sum();
            assert_eq!(n as u32, f.bits(), "{}", e.id());
            // The binary read-out groups the bits as the captioned fields do.
            let grouped: Vec<(usize, BitRole)> = binary_fields(&f, 0).iter().map(|(bits, role)| (bits.len(), *role)).collect();
            assert_eq!(grouped, fs.iter().map(|x| (x.positions.len(), x.role)).collect::<Vec<_>>(), "{}", e.id());
        }
    }

    #[test]
    fn readout_of_448() {
        let r = readout(&fmt("float8_e4m3fn"), 0x7e);
        assert_eq!(r.value, "448");
        assert_eq!(r.code_decimal, "126");
        assert_eq!(r.hex, "0x7e");
        assert_eq!(r.class_key, "normal");
        assert_eq!(r.exact, "448");
        assert_eq!(r.ulp, "32");
        assert_eq!(r.next_up, None, "448 is the top: NaN above it");
        assert_eq!(r.next_down, Some(0x7d));
        assert_eq!(
            r.formula,
            Formula::Float {
                sign: Some("0".into()),
                exponent: "15".into(),
                bias: "7".into(),
                unbiased: "8".into(),
                significand_bits: Some("1.110".into()),
                significand: "1.75".into(),
                value: "448".into(),
                note: None,
            }
        );
        let en = crate::i18n::Lang::En.explorer();
        assert_eq!(r.formula.detail(en).as_deref(), Some("2^8 × 1.75"));
        assert!(!r.formula.is_long());
        let nan = readout(&fmt("float8_e4m3fn"), 0x7f);
        assert_eq!(nan.value, "NaN");
        assert_eq!(nan.class_key, "nan");
        assert!(matches!(nan.formula, Formula::Special { .. }));
        let neg_zero = readout(&fmt("float16"), 0x8000);
        assert_eq!(neg_zero.value, "-0");
        assert_eq!(neg_zero.class_key, "zero");
        let inf = readout(&fmt("float16"), 0x7c00);
        assert_eq!(inf.value, "Infinity");
        assert_eq!(inf.class_label, "+Inf");
        assert_eq!(inf.ulp, "—");
    }

    #[test]
    fn subnormal_formula_and_long_exact() {
        let f = fmt("float32");
        let r = readout(&f, 1);
        assert_eq!(r.class_key, "subnormal");
        assert_eq!(r.exact_digits, 105);
        assert!(r.exact_short.as_ref().unwrap().ends_with('…'));
        match r.formula.clone() {
            Formula::Float { exponent, bias, unbiased, significand_bits, note, .. } => {
                assert_eq!(exponent, "1");
                assert_eq!(unbiased, "-126");
                assert_eq!(bias, "127");
                assert_eq!(significand_bits.unwrap(), format!("0.{}1", "0".repeat(22)));
                assert_eq!(note, Some(FloatNote::Subnormal));
            }
            other => panic!("{other:?}"),
        }
        assert!(r.formula.is_long(), "24 mantissa digits");
        let en = crate::i18n::Lang::En.explorer();
        let detail = r.formula.detail(en).unwrap();
        assert!(detail.starts_with("2^-126 × 1.1920928955078125e-7 — subnormal: "), "{detail}");
        let ru = r.formula.detail(crate::i18n::Lang::Ru.explorer()).unwrap();
        assert!(ru.starts_with("2^-126 × 1.1920928955078125e-7 — субнормальное: "), "{ru}");
        assert_eq!(readout(&fmt("float8_e8m0fnu"), 127).formula.detail(en).as_deref(), Some("2^0"));
        assert_eq!(readout(&fmt("int4"), 3).formula.detail(en), None);
    }

    #[test]
    fn long_significands_split_into_groups_the_formula_wraps_between() {
        // π in FP32: 0x40490fdb, significand 1.10010010000111111011011.
        let pi = readout(&fmt("float32"), 0x4049_0fdb).formula;
        assert_eq!(pi.significand_groups(), ["1.10010010", "00011111", "1011011"]);
        // Short significands stay whole; no mantissa bits, no pieces.
        assert_eq!(readout(&fmt("float8_e4m3fn"), 0x7e).formula.significand_groups(), ["1.110"]);
        assert_eq!(readout(&fmt("float16"), 0x3c01).formula.significand_groups(), ["1.0000000001"]);
        assert!(readout(&fmt("float8_e8m0fnu"), 127).formula.significand_groups().is_empty());
        assert!(readout(&fmt("int4"), 3).formula.significand_groups().is_empty());
        // FP64: the pieces rejoin into the significand, none longer than the first.
        let one_third = readout(&fmt("float64"), 0x3fd5_5555_5555_5555).formula;
        let groups = one_third.significand_groups();
        assert_eq!(groups.len(), 7);
        assert_eq!(groups.concat(), format!("1.{}", "01".repeat(26)));
        assert!(groups.iter().all(|g| g.len() <= groups[0].len()));
    }

    #[test]
    fn ints_and_tables() {
        let r = readout(&fmt("int4"), 0b1001);
        assert_eq!(r.value, "-7");
        assert_eq!(
            r.formula,
            Formula::Int { sign_weight: Some("8".into()), sign: Some("1".into()), rest: "1".into(), value: "-7".into() }
        );
        assert_eq!(r.class_label, "integer");
        let t = readout(&fmt("nf4"), 15);
        assert_eq!(t.value, "1");
        assert_eq!(t.formula, Formula::Table { name: "nf4".into(), index: "15".into(), value: "1".into() });
        let unused = readout(&fmt("ternary"), 3);
        assert_eq!(unused.value, "NaN");
    }

    #[test]
    fn compact_numbers_as_in_the_seed() {
        assert_eq!(compact(65504.0), "65504");
        assert_eq!(compact(6.103515625e-5), "6.1e-5");
        assert_eq!(compact(3.3895313892515355e38), "3.39e38");
        assert_eq!(compact(448.0), "448");
        assert_eq!(compact(57344.0), "57344");
        assert_eq!(compact(0.125), "0.125");
        assert_eq!(compact(1.75), "1.75");
        assert_eq!(compact(3.140625), "3.14");
        assert_eq!(compact(0.0078125), "0.00781");
        assert_eq!(compact(f64::INFINITY), "Infinity");
        assert_eq!(compact(-2.0f64.powi(-149)), "-1.4e-45");
        assert_eq!(compact(1.7976931348623157e308), "1.8e308");
        assert_eq!((trim_fraction("1.500"), trim_fraction("2.0"), trim_fraction("100"), trim_fraction("NaN")), ("1.5", "2", "100", "NaN"));
        assert_eq!((with_decimals(0.00520833, 4), with_decimals(4.0, 4), with_decimals(-0.00001, 4)), ("0.0052".into(), "4".into(), "-0".into()));
    }

    #[test]
    fn the_limits_table_shows_the_seed_numbers() {
        let rows = limits_table();
        assert_eq!(rows.len(), CATALOGUE.len());
        let shown: Vec<String> = rows.iter().flat_map(|r| r.cells.iter().map(|c| c.0.clone())).collect();
        for needed in ["65504", "6.1e-5", "3.39e38", "448", "57344"] {
            assert!(shown.iter().any(|s| s == needed), "{needed} missing");
        }
        let card = limit_rows(&fmt("float16"));
        assert_eq!(card[1].short, "65504");
        assert_eq!(card[3].short, "6.1e-5");
    }

    #[test]
    fn typed_entries() {
        let f16 = fmt("float16");
        match interpret_entry(&f16, "65520", None, OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => {
                assert_eq!(t.value, "Infinity");
                assert_eq!(t.code, 0x7c00);
                assert!(t.status.contains("overflow"), "{}", t.status);
                assert_eq!(t.abs_error, "—");
            }
            other => panic!("{other:?}"),
        }
        match interpret_entry(&f16, "65520", None, OverflowPolicy::Saturate, 0).unwrap() {
            Entry::Number(t) => assert_eq!(t.value, "65504"),
            other => panic!("{other:?}"),
        }
        match interpret_entry(&fmt("float8_e4m3fn"), "0.1", None, OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => {
                assert_eq!(t.value, "0.1015625");
                assert_eq!(t.status, "inexact");
                assert!(!t.exact);
                assert_eq!(t.abs_error, "0.0015625", "exact: 0.1015625 − 0.1");
                assert_eq!(t.rel_error, "0.0156");
            }
            other => panic!("{other:?}"),
        }
        // The error is computed from the typed decimal, exactly (not from its nearest double,
        // which would give -0.00002441406250000555).
        match interpret_entry(&f16, "0.1", None, OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => assert_eq!((t.value.as_str(), t.abs_error.as_str()), ("0.0999755859375", "-0.0000244140625")),
            other => panic!("{other:?}"),
        }
        match interpret_entry(&fmt("bfloat16"), "1.2", None, OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => assert_eq!((t.value.as_str(), t.abs_error.as_str()), ("1.203125", "0.003125")),
            other => panic!("{other:?}"),
        }
        match interpret_entry(&fmt("float8_e4m3fn"), "0.1", Some(RoundingMode::TowardZero), OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => assert_eq!(t.value, "0.09375"),
            other => panic!("{other:?}"),
        }
        assert_eq!(interpret_entry(&f16, "0x3c00", None, OverflowPolicy::Default, 0), Ok(Entry::Code(0x3c00)));
        assert_eq!(interpret_entry(&f16, "0b0_01111_0000000000", None, OverflowPolicy::Default, 0), Ok(Entry::Code(0x3c00)));
        for bad in ["", "abc", "1..2", "0x1ffff", "0xzz", "1e"] {
            assert!(interpret_entry(&f16, bad, None, OverflowPolicy::Default, 0).is_err(), "{bad}");
        }
        match interpret_entry(&f16, "-0", None, OverflowPolicy::Default, 0).unwrap() {
            Entry::Number(t) => assert_eq!((t.code, t.value.as_str()), (0x8000, "-0")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn conversions_and_custom_formats() {
        assert_eq!(convert_code(&fmt("float8_e4m3fn"), 0x7e, &fmt("float16")), 0x5f00);
        assert_eq!(convert_code(&fmt("float8_e4m3fn"), 0x7f, &fmt("float16")) & 0x7c00, 0x7c00);
        let spec = CustomSpec { exponent_bits: 5, mantissa_bits: 7, bias: 10, specials: Specials::Fn };
        assert_eq!(spec.to_format().unwrap().id(), "e5m7b10_fn");
        assert_eq!(CustomSpec::of(&spec.to_format().unwrap()), spec);
        assert_eq!(CustomSpec::of(&fmt("int8")).exponent_bits, 4);
        assert!(CustomSpec { exponent_bits: 0, ..spec }.to_format().is_err());
        assert!(CustomSpec { exponent_bits: 11, mantissa_bits: 21, ..spec }.to_format().is_err());
        assert!(CustomSpec { bias: 100000, ..spec }.to_format().is_err());
        assert!(CustomSpec { mantissa_bits: u32::MAX, ..spec }.to_format().is_err(), "no overflow");
        assert_eq!(parse_specials("fnuz"), Some(Specials::Fnuz));
    }

    /// Every note of a special code and of a float formula reads in every language; English
    /// keeps its sentences, the others have their own.
    #[test]
    fn special_and_float_notes_in_every_language() {
        use crate::i18n::Lang;
        let notes = [
            SpecialNote::P3109Inf { negative: true },
            SpecialNote::P3109UnsignedInf,
            SpecialNote::P3109Nan,
            SpecialNote::P3109UnsignedNan,
            SpecialNote::Inf { negative: false },
            SpecialNote::IeeeNan,
            SpecialNote::AllOnesNan,
            SpecialNote::FnNan,
            SpecialNote::FnuzNan,
            SpecialNote::Unused(7, "my_table".into()),
        ];
        let en = |n: &SpecialNote| (Lang::En.explorer().special_note)(n);
        assert_eq!(en(&SpecialNote::IeeeNan), "exponent all ones, mantissa not zero: NaN");
        assert_eq!(en(&SpecialNote::Unused(7, "my_table".into())), "code 7 is not used by my_table");
        assert!(en(&notes[0]).starts_with("all magnitude bits set: −Infinity"));
        for l in [Lang::Ru, Lang::De] {
            let t = l.explorer();
            for n in &notes {
                let text = (t.special_note)(n);
                assert_ne!(text, en(n), "{l:?} {n:?}");
                assert!(!crate::i18n::audit::is_english_sentence(&text, l == Lang::De), "{l:?}: {text}");
            }
            assert!((t.special_note)(&notes[9]).contains('7') && (t.special_note)(&notes[9]).contains("my_table"));
            assert!((t.special_note)(&notes[0]).contains("−Infinity"), "{l:?}: the value's name is kept");
            for i in 0..2 {
                assert_ne!(t.float_notes[i], Lang::En.explorer().float_notes[i]);
                assert_ne!(t.formula_notes[i], Lang::En.explorer().formula_notes[i]);
            }
        }
        assert_eq!((Lang::Ru.explorer().special_note)(&SpecialNote::Value("NaN".into())), "NaN");
    }

    /// P3109: one NaN at 0x80 (no −0), ±Inf at 0x7F / 0xFF in extended formats, the limits
    /// derived, custom P3109 ids from a link, and the custom rule boxes.
    #[test]
    fn p3109_formulas_specials_and_limits() {
        let se = fmt("p3109_k8p3se");
        let text = |f: &Format, code: u64| match formula(f, code) {
            Formula::Special { note } => (crate::i18n::Lang::En.explorer().special_note)(&note),
            other => panic!("not special: {other:?}"),
        };
        assert!(text(&se, 0x80).contains("one NaN") && text(&se, 0x80).contains("no −0"));
        assert!(text(&se, 0x7f).contains("+Infinity") && text(&se, 0x7f).contains("0111…1"));
        assert!(text(&se, 0xff).contains("−Infinity"));
        // The largest finite value, 0x7E, is a number: 2^15 × 1.5 = 49152.
        match formula(&se, 0x7e) {
            Formula::Float { value, bias, unbiased, .. } => assert_eq!((value.as_str(), bias.as_str(), unbiased.as_str()), ("49152", "16", "15")),
            other => panic!("{other:?}"),
        }
        let rows = |f: &Format| limit_rows(f).into_iter().map(|r| (r.label, r.full)).collect::<Vec<_>>();
        let l = rows(&se);
        assert!(l.contains(&("largest finite", "49152".into())));
        assert!(l.contains(&("smallest positive", js_string(2f64.powi(-17)))));
        assert!(l.contains(&("NaN codes", "1".into())) && l.contains(&("±Inf", "yes".into())) && l.contains(&("−0", "no".into())));
        // Finite: 0x7F is the largest value, 57344; 0x80 still the NaN.
        let sf = fmt("p3109_k8p3sf");
        assert_eq!(sf.decode(0x7f).value, 57344.0);
        assert!(rows(&sf).contains(&("±Inf", "no".into())));
        assert!(text(&sf, 0x80).contains("one NaN"));
        // Unsigned extended: NaN at 0xFF, +Inf at 0xFE.
        let ue = fmt("p3109_k8p3ue");
        assert!(text(&ue, 0xff).contains("1111…1 is the one NaN"));
        assert!(text(&ue, 0xfe).contains("+Infinity"));
        assert_eq!(ue.decode(0x80).value, 1.0);
        // A P3109 id outside the catalogue, as a link names it: 6 bits, bias 4, Inf at 0x1F.
        let k6 = fmt("p3109_k6p3se");
        assert_eq!(k6.bits(), 6);
        assert!(text(&k6, 0x1f).contains("+Infinity") && text(&k6, 0x20).contains("one NaN"));
        // The custom rule boxes offer the P3109 rules and build the same format.
        let spec = CustomSpec::of(&k6);
        assert_eq!(spec.specials, Specials::P3109 { extended: true });
        assert_eq!(parse_specials("p3109e"), Some(Specials::P3109 { extended: true }));
        assert_eq!(parse_specials("p3109f"), Some(Specials::P3109 { extended: false }));
        let built = spec.to_format().unwrap();
        assert!((0..64).all(|c| built.decode(c).value.to_bits() == k6.decode(c).value.to_bits() || (built.decode(c).value.is_nan() && k6.decode(c).value.is_nan())));
    }

    #[test]
    fn custom_boxes_take_text() {
        let spec = CustomSpec::of(&fmt("float8_e4m3fn"));
        let e5 = spec.with_text(CustomField::Exponent, " 5 ").unwrap();
        assert_eq!((e5.exponent_bits, e5.bias), (5, 15), "a new width resets the bias");
        assert_eq!(spec.with_text(CustomField::Mantissa, "10").unwrap().mantissa_bits, 10);
        assert_eq!(spec.with_text(CustomField::Bias, "-3").unwrap().bias, -3);
        assert_eq!(spec.with_text(CustomField::Rule, "fnuz").unwrap().specials, Specials::Fnuz);
        for field in [CustomField::Exponent, CustomField::Mantissa, CustomField::Bias, CustomField::Rule] {
            let odd = CustomSpec { bias: 5, ..spec };
            assert_eq!(odd.with_text(field, &odd.text(field)), Ok(if field == CustomField::Exponent { spec } else { odd }));
        }
        for (field, text) in [
            (CustomField::Exponent, "-1"),
            (CustomField::Exponent, "99999999999999999999"),
            (CustomField::Mantissa, "-2"),
            (CustomField::Mantissa, "1.5"),
            (CustomField::Bias, "3000000000"),
            (CustomField::Rule, "sideways"),
        ] {
            assert!(spec.with_text(field, text).is_err(), "{field:?} {text}");
        }
        // Huge widths are refused by to_format, not by an overflow.
        assert!(spec.with_text(CustomField::Exponent, "4294967295").unwrap().to_format().is_err());
        assert!(spec.with_text(CustomField::Mantissa, "4294967295").unwrap().to_format().is_err());
        let long = "9".repeat(10_000);
        assert!(spec.with_text(CustomField::Bias, &long).unwrap_err().chars().count() < 100);
    }

    #[test]
    fn long_entries_are_quoted_short() {
        let f16 = fmt("float16");
        for text in [format!("0x{}", "f".repeat(10_000)), format!("1{}x", "0".repeat(10_000)), "é".repeat(10_000)] {
            let e = interpret_entry(&f16, &text, None, OverflowPolicy::Default, 0).unwrap_err().text(crate::i18n::Lang::En.explorer());
            assert!(e.chars().count() < 200, "{} chars", e.chars().count());
        }
        assert_eq!(shorten(&"a".repeat(41)), format!("{}…", "a".repeat(40)));
        assert_eq!(shorten("é"), "é");
    }

    #[test]
    fn every_jump_decodes_to_the_value_it_names() {
        for entry in CATALOGUE {
            let format = entry.format();
            let l = format.limits();
            let jumps = jumps(&format);
            let code = |name: &str| jumps.iter().find(|j| j.name == name).map(|j| j.code);
            let value = |name: &str| code(name).map(|c| format.decode(c).value);
            // Each limit has a button (shared where two limits are one value: e8m0's smallest
            // normal is its most negative value; an unsigned format's most negative is 0).
            let has_value = |v: f64| jumps.iter().any(|j| format.decode(j.code).value.to_bits() == v.to_bits());
            assert_eq!(value("max"), Some(l.max), "{}", entry.id());
            for v in [Some(l.min), l.min_normal, l.min_positive].into_iter().flatten() {
                assert!(has_value(v), "{}: no button for {v}", entry.id());
            }
            assert!(value("min").is_none_or(|v| v == l.min), "{}", entry.id());
            assert!(value("min-normal").is_none_or(|v| Some(v) == l.min_normal), "{}", entry.id());
            if let Some(v) = value("min-subnormal") {
                assert!(Some(v) == l.min_positive && v < l.min_normal.unwrap_or(0.0), "{}", entry.id());
            }
            assert_eq!(code("inf").is_some(), l.has_inf, "{}", entry.id());
            assert_eq!(code("neg-zero").is_some(), l.has_negative_zero, "{}", entry.id());
            assert_eq!(code("nan").is_some(), l.nan_codes > 0, "{}", entry.id());
            if let Some(c) = code("neg-zero") {
                assert!(format.decode(c).value == 0.0 && format.decode(c).value.is_sign_negative());
            }
            assert!(value("nan").is_none_or(f64::is_nan));
            // Unsigned formats with Inf (P3109 `u…e`) have +Inf only.
            assert_eq!(value("neg-inf"), (l.has_inf && l.min < 0.0).then_some(f64::NEG_INFINITY), "{}", entry.id());
            // Every value at most once, and the limits card opens the same codes.
            let mut codes: Vec<u64> = jumps.iter().map(|j| j.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), jumps.len(), "{}: {jumps:?}", entry.id());
            let rows = limit_rows(&format);
            assert_eq!(rows.iter().find(|r| r.label == "largest finite").and_then(|r| r.code), code("max"));
        }
        // E4M3FN: 448 at 0x7e, 2^-6 and 2^-9, NaN at 0x7f, −0 at 0x80, no Inf.
        let e4m3 = Format::parse("float8_e4m3fn").unwrap();
        let named: Vec<(&str, u64)> = jumps(&e4m3).iter().map(|j| (j.name, j.code)).collect();
        assert_eq!(
            named,
            [("max", 0x7e), ("min", 0xfe), ("min-normal", 0x08), ("min-subnormal", 0x01), ("zero", 0), ("neg-zero", 0x80), ("one", 0x38), ("nan", 0x7f)]
        );
    }
}
