//! The Quantize view's URL keys: `scheme` (one scheme id, default `int4_absmax`), `values`
//! (numbers separated by commas; any paste [`read_pasted`] reads) and `block` (default: the scheme's). The text box and the
//! block box apply their values through the same parsers, so the UI and the URL accept the
//! same.
//!
//! A URL cannot hold a million numbers: above [`URL_MAX_VALUES`] values the `values` key is
//! left out of the URL and `count` says how many there were ([`QuantizeParams::query_parts`]);
//! the view says so ([`url_note`]). Such a link opens the example, with a notice.

use lowbit_core::quant::{BlockSizes, Options, Scheme, SCHEMES};

use crate::notice::Notice;
use crate::query::{encode_scheme, ViewParams};
use crate::text::{f32_js, shorten, shorten_quoted};

/// The scheme shown when the URL names none: the seed article's INT4 example.
pub const DEFAULT_SCHEME: &str = "int4_absmax";

/// The numbers shown when the URL gives none (seed 002's example).
pub const DEFAULT_VALUES: [f32; 4] = [-0.5, 0.3, 1.2, -2.1];

pub use lowbit_jobs::paste::{read_pasted, Pasted, MAX_VALUES};

/// The URL keys of the view (`count`: how many values a URL left out).
pub const PARAMS: [&str; 4] = ["scheme", "values", "block", "count"];

/// The most values the URL holds (4,096 numbers are up to ~60 KB of URL); a larger input's
/// `values` are left out of the URL.
pub const URL_MAX_VALUES: usize = 4096;

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
    /// Read from a URL that left its values out (`count`): how many there were. The values
    /// are then the example's (or, in a view that still holds that many, the view's own).
    pub left_out: Option<usize>,
    /// The numbers are a long paste the compute worker read and keeps (`values` is then
    /// empty): the page never holds them.
    pub in_worker: Option<WorkerValues>,
}

/// Numbers the compute worker keeps for the view: a long paste it read, of more than
/// `lowbit_jobs::placement::MAIN_THREAD_MAX_WORK` numbers (so never quantized on the page).
/// Holding a million numbers on the page cost its main thread their decoding, and their copy
/// and encoding at every quantize job; the job names the paste instead
/// (`lowbit_jobs::quantize::QuantizePastedJob`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkerValues {
    /// The id of the worker's job that read them.
    pub paste: u64,
    /// How many numbers.
    pub count: usize,
}

impl Default for QuantizeParams {
    fn default() -> Self {
        QuantizeParams { scheme: DEFAULT_SCHEME.into(), values: DEFAULT_VALUES.to_vec(), block: None, left_out: None, in_worker: None }
    }
}

impl QuantizeParams {
    /// How many numbers are quantized (held here or kept by the worker).
    pub fn count(&self) -> usize {
        self.in_worker.map_or(self.values.len(), |w| w.count)
    }
}

/// Whether the URL holds these values (at most [`URL_MAX_VALUES`] of them).
pub fn values_in_url(values: &[f32]) -> bool {
    values.len() <= URL_MAX_VALUES
}

/// The notice shown while the URL does not hold the values: the view's own values are too
/// many, or the URL the view was opened with left them out. None when the URL holds them.
pub fn url_note(params: &QuantizeParams) -> Option<Notice> {
    if params.count() > URL_MAX_VALUES {
        return Some(Notice::ValuesNotInUrl { count: thousands(params.count()), max: URL_MAX_VALUES });
    }
    params.left_out.map(|n| Notice::ValuesLeftOut { count: thousands(n), max: URL_MAX_VALUES })
}

pub use lowbit_jobs::text::thousands;

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
pub fn refused_scheme(error: &str, value: &str, showing: &str) -> Notice {
    if error.starts_with("unknown scheme") {
        return Notice::UnknownScheme { value: shorten(value), showing: showing.into() };
    }
    // The core quotes the id and, for `cast:`/`absmax:`, its format part: shorten both.
    let format_part = value.trim().split_once(':').map_or("", |(_, f)| f);
    let why = shorten_quoted(&shorten_quoted(error, value.trim()), format_part);
    Notice::Refused { why: why.split("; valid").next().unwrap_or_default().to_string(), showing: showing.into() }
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
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), Notice> {
        match key {
            "scheme" => {
                self.scheme = canonical_scheme(value).map_err(|e| refused_scheme(&e, value, &self.scheme))?;
            }
            "values" => {
                self.values = parse_values(value).map_err(Notice::BadValues)?;
                self.left_out = None;
                self.in_worker = None;
            }
            "count" => {
                let n = value.trim().parse::<usize>().ok().filter(|n| *n > URL_MAX_VALUES && *n <= MAX_VALUES);
                match n {
                    Some(n) => self.left_out = Some(n),
                    None => return Err(Notice::BadCount(shorten(value))),
                }
            }
            "block" => {
                let b = value.trim().parse::<usize>().ok().filter(|b| *b >= 1);
                match b {
                    Some(b) => self.block = Some(b),
                    None if value.trim().is_empty() || value.trim() == "default" => self.block = None,
                    None => return Err(Notice::BadSchemeBlock(shorten(value))),
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// After all parameters: drops a block size the scheme refuses (with the notice).
    pub fn settle(&mut self) -> Vec<Notice> {
        let Ok(scheme) = Scheme::parse(&self.scheme) else { return Vec::new() };
        if let Err(e) = scheme.check(&self.options(false)) {
            self.block = None;
            return vec![Notice::BlockRefused(e.to_string())];
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

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = QuantizeParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            notices.extend(params.apply(key, value).err());
        }
        // Values given in the URL are the values, whatever `count` says.
        if pairs.iter().any(|(key, _)| *key == "values") {
            params.left_out = None;
        }
        notices.extend(params.settle());
        (params, notices)
    }

    /// Query parts: `scheme`, `values` (or, for more than [`URL_MAX_VALUES`] values or
    /// values a URL left out, `count`: how many), and `block` when set.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = vec![format!("scheme={}", encode_scheme(&self.scheme))];
        match self.left_out {
            Some(n) => parts.push(format!("count={n}")),
            None if self.count() > URL_MAX_VALUES => parts.push(format!("count={}", self.count())),
            None => parts.push(format!("values={}", values_text(&self.values))),
        }
        if let Some(b) = self.block {
            parts.push(format!("block={b}"));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::{parse_query, to_query, Page};

    fn params_with(n: usize) -> QuantizeParams {
        QuantizeParams { values: (0..n).map(|i| i as f32 / 8.0).collect(), ..QuantizeParams::default() }
    }

    #[test]
    fn up_to_4096_values_are_in_the_url_more_are_left_out_with_their_count() {
        let at_limit = params_with(URL_MAX_VALUES);
        assert!(values_in_url(&at_limit.values));
        let parts = at_limit.query_parts();
        assert!(parts[1].starts_with("values=0,0.125,0.25,") && parts[1].split(',').count() == URL_MAX_VALUES, "all 4,096 numbers");
        assert_eq!(url_note(&at_limit), None);

        let over = params_with(URL_MAX_VALUES + 1);
        assert!(!values_in_url(&over.values));
        assert_eq!(over.query_parts(), ["scheme=int4_absmax", "count=4097"]);
        let note = url_note(&over).unwrap().english();
        assert!(note.contains("4,097 values are not in the page's URL") && note.contains("at most 4096"), "{note}");

        let million = QuantizeParams { block: Some(128), ..params_with(1 << 20) };
        let query = to_query(&Page::Quantize(million.clone()));
        assert_eq!(query, "view=quantize&scheme=int4_absmax&count=1048576&block=128");
        assert!(query.len() < 100, "a URL, not megabytes");
        // Numbers the compute worker keeps: the same URL and notice.
        let kept = QuantizeParams { values: Vec::new(), in_worker: Some(WorkerValues { paste: 7, count: 1 << 20 }), ..million.clone() };
        assert_eq!((kept.count(), to_query(&Page::Quantize(kept.clone()))), (1 << 20, query));
        assert_eq!(url_note(&kept), url_note(&million));
    }

    #[test]
    fn a_url_that_left_its_values_out_opens_the_example_and_says_so() {
        let parsed = parse_query("?view=quantize&scheme=nf4&count=1048576");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        let Page::Quantize(p) = parsed.page else { panic!() };
        assert_eq!((p.values.as_slice(), p.left_out, p.scheme.as_str()), (&DEFAULT_VALUES[..], Some(1 << 20), "nf4"));
        let note = url_note(&p).unwrap().english();
        assert!(note.contains("1,048,576 values were left out") && note.contains("example"), "{note}");
        // Written back the same (the lazily loaded view and the page agree on the query).
        assert_eq!(to_query(&Page::Quantize(p)), "view=quantize&scheme=nf4&count=1048576");
        // Values in the URL are the values.
        let Page::Quantize(p) = parse_query("?view=quantize&count=5000&values=1,2").page else { panic!() };
        assert_eq!((p.values, p.left_out), (vec![1.0, 2.0], None));
        let Page::Quantize(p) = parse_query("?view=quantize&values=1,2&count=5000").page else { panic!() };
        assert_eq!((p.values, p.left_out), (vec![1.0, 2.0], None));
        // A count no URL leaves out: a notice, ignored.
        for bad in ["12", "x", "2000000"] {
            let parsed = parse_query(&format!("?view=quantize&count={bad}"));
            assert_eq!(parsed.notices.len(), 1, "{bad}");
            let Page::Quantize(p) = parsed.page else { panic!() };
            assert_eq!(p.left_out, None);
        }
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(4096), "4,096");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }
}
