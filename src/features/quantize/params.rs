//! The Quantize view's URL keys: `scheme` (one scheme id, default `int4_absmax`), `values`
//! (numbers separated by commas; any paste [`read_pasted`] reads) and `block` (default: the scheme's). The text box and the
//! block box apply their values through the same parsers, so the UI and the URL accept the
//! same.

use lowbit_core::quant::{BlockSizes, Options, Scheme, SCHEMES};

use crate::query::{encode_scheme, ViewParams};
use crate::text::{f32_js, shorten, shorten_quoted};

/// The scheme shown when the URL names none: the seed article's INT4 example.
pub const DEFAULT_SCHEME: &str = "int4_absmax";

/// The numbers shown when the URL gives none (seed 002's example).
pub const DEFAULT_VALUES: [f32; 4] = [-0.5, 0.3, 1.2, -2.1];

pub use super::paste::{read_pasted, Pasted, MAX_VALUES};

/// The URL keys of the view.
pub const PARAMS: [&str; 3] = ["scheme", "values", "block"];

/// The parametric schemes the picker offers besides the registry's.
pub const EXTRA_SCHEMES: [&str; 7] = [
    "cast:float8_e4m3fn",
    "cast:float8_e5m2",
    "cast:float4_e2m1fn",
    "cast:bfloat16",
    "cast:float16",
    "absmax:float8_e4m3fn",
    "absmax:float4_e2m1fn",
];

/// The view's parameters (mirrored in the URL).
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizeParams {
    /// A scheme id [`Scheme::parse`] accepts, canonical.
    pub scheme: String,
    /// The numbers to quantize.
    pub values: Vec<f32>,
    /// The block size; None = the scheme's default.
    pub block: Option<usize>,
}

impl Default for QuantizeParams {
    fn default() -> Self {
        QuantizeParams { scheme: DEFAULT_SCHEME.into(), values: DEFAULT_VALUES.to_vec(), block: None }
    }
}

/// Parses a list of numbers as people paste them ([`read_pasted`]: whitespace, commas,
/// semicolons, new lines, Python/JSON lists, printed tensors, decimal commas between `;`, tabs
/// or new lines). The error names the first token that is not a number, or says why the text is
/// ambiguous and what to write instead.
pub fn parse_values(text: &str) -> Result<Vec<f32>, String> {
    read_pasted(text).map(|p| p.values)
}

/// The numbers as the URL and the text box write them: JavaScript's shortest f32 forms.
pub fn values_text(values: &[f32]) -> String {
    values.iter().map(|&v| f32_js(v)).collect::<Vec<_>>().join(",")
}

/// The numbers as the numbers box shows them: [`values_text`] with a space after each comma
/// ("-0.5, 0.3, 1.2, -2.1"), which reads back to the same numbers without a note.
pub fn box_values_text(values: &[f32]) -> String {
    values_text(values).replace(',', ", ")
}

/// Canonical scheme id, or the error naming the valid ones.
pub fn canonical_scheme(id: &str) -> Result<String, String> {
    Scheme::parse(id).map(|s| s.id)
}

/// The notice for a scheme id the core refuses: an unknown id in a few words; a custom format
/// it cannot build with the core's reason (`cast:e12m3`: the exponent width must be 1 to 11
/// bits, got 12).
pub fn refused_scheme(error: &str, value: &str, showing: &str) -> String {
    if error.starts_with("unknown scheme") {
        return format!("Unknown scheme '{}'; showing {showing}.", shorten(value));
    }
    // The core quotes the id and, for `cast:`/`absmax:`, its format part: shorten both.
    let format_part = value.trim().split_once(':').map_or("", |(_, f)| f);
    let why = shorten_quoted(&shorten_quoted(error, value.trim()), format_part);
    format!("{}; showing {showing}.", why.split("; valid").next().unwrap_or_default())
}

/// The scheme ids the picker offers, in order (registry first, then [`EXTRA_SCHEMES`]).
pub fn offered_schemes() -> Vec<&'static str> {
    SCHEMES.iter().filter(|s| !s.parametric).map(|s| s.id).chain(EXTRA_SCHEMES).collect()
}

/// Whether the scheme takes a block size the user may choose.
pub fn block_choosable(scheme: &Scheme) -> bool {
    !matches!(scheme.info.allowed_blocks, BlockSizes::None | BlockSizes::Exactly(_))
}

impl QuantizeParams {
    /// Applies one URL parameter (`scheme`, `values` or `block`); Err is the notice and the
    /// previous value is kept.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), String> {
        match key {
            "scheme" => {
                self.scheme = canonical_scheme(value).map_err(|e| refused_scheme(&e, value, &self.scheme))?;
            }
            "values" => {
                self.values = parse_values(value).map_err(|e| format!("values: {e}; showing the example."))?;
            }
            "block" => {
                let b = value.trim().parse::<usize>().ok().filter(|b| *b >= 1);
                match b {
                    Some(b) => self.block = Some(b),
                    None if value.trim().is_empty() || value.trim() == "default" => self.block = None,
                    None => return Err(format!("block '{}' is not a positive integer; using the scheme's default.", shorten(value))),
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// After all parameters: drops a block size the scheme refuses (with the notice).
    pub fn settle(&mut self) -> Vec<String> {
        let Ok(scheme) = Scheme::parse(&self.scheme) else { return Vec::new() };
        if let Err(e) = scheme.check(&self.options(false)) {
            self.block = None;
            return vec![format!("{e}; using the scheme's default.")];
        }
        Vec::new()
    }

    /// The options of a run (`trace` on request).
    pub fn options(&self, trace: bool) -> Options {
        Options { block: self.block, trace, ..Options::default() }
    }
}

impl ViewParams for QuantizeParams {
    const KEYS: &'static [&'static str] = &PARAMS;

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<String>) {
        let mut params = QuantizeParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            notices.extend(params.apply(key, value).err());
        }
        notices.extend(params.settle());
        (params, notices)
    }

    /// Query parts: `scheme`, `values`, and `block` when set.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = vec![
            format!("scheme={}", encode_scheme(&self.scheme)),
            format!("values={}", values_text(&self.values)),
        ];
        if let Some(b) = self.block {
            parts.push(format!("block={b}"));
        }
        parts
    }
}
