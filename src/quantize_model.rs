//! Everything the Quantize view shows, derived by plain functions: the user's numbers
//! quantized by one scheme of `lowbit_core::quant` — codes, packed bytes (4-bit schemes, with
//! their nibbles), scales, the reconstruction, the error metrics and the step-by-step trace —
//! plus a note wherever the inputs are an example of the seed articles ([`ARTICLE_CLAIMS`]).
//!
//! The numbers are those of `lowbit quantize SCHEME --trace` for the same input, formatted the
//! same way ([`show`]). The URL parameters (`scheme`, `values`, and `block` while the view is
//! shown) are parsed and written here ([`QuantizeParams`]); the markup is written as HTML text
//! (as the tables and signal models do), which keeps the wasm small. Tested natively.

use lowbit_core::decimal::js_string;
use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{BlockSizes, NibbleOrder, Options, Quantized, Scheme, SCHEMES};

use crate::display::{shorten, trim_fraction};
use crate::signal_model::encode_scheme;
use crate::tables_model::escape;

/// The scheme shown when the URL names none: the seed article's INT4 example.
pub const DEFAULT_SCHEME: &str = "int4_absmax";

/// The numbers shown when the URL gives none (seed 002's example).
pub const DEFAULT_VALUES: [f32; 4] = [-0.5, 0.3, 1.2, -2.1];

/// The most numbers the view quantizes.
pub const MAX_VALUES: usize = 4096;

/// The URL keys of the view (`block` is shared with the signal view and routed by
/// [`crate::url_state`]).
pub const PARAMS: [&str; 2] = ["scheme", "values"];

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

/// Parses numbers separated by commas, spaces or newlines. The error names the first token
/// that is not a number.
pub fn parse_values(text: &str) -> Result<Vec<f32>, String> {
    let mut values = Vec::new();
    for token in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|t| !t.is_empty()) {
        // Rust's parser: decimal and exponent notation, inf, infinity, nan (any case); no hex.
        let v = token.parse::<f32>().map_err(|_| format!("'{}' is not a number", shorten(token)))?;
        values.push(v);
    }
    if values.len() > MAX_VALUES {
        return Err(format!("{} numbers: at most {MAX_VALUES} are quantized here (the CLI takes any count)", values.len()));
    }
    Ok(values)
}

/// The numbers as the URL and the text box write them: JavaScript's shortest f32 forms.
pub fn values_text(values: &[f32]) -> String {
    values.iter().map(|&v| f32_js(v)).collect::<Vec<_>>().join(",")
}

/// The shortest decimal that reads back as the same f32 ("2.6666667"), JS spelling of NaN/∞.
pub fn f32_js(v: f32) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else if v == 0.0 && v.is_sign_negative() {
        "-0".into()
    } else {
        format!("{v}")
    }
}

/// Canonical scheme id, or the error naming the valid ones.
pub fn canonical_scheme(id: &str) -> Result<String, String> {
    Scheme::parse(id).map(|s| s.id)
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
                self.scheme = canonical_scheme(value).map_err(|_| format!("Unknown scheme '{}'; showing {}.", shorten(value), self.scheme))?;
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

    /// Query parts: `scheme`, `values`, and `block` when set.
    pub fn query_parts(&self) -> Vec<String> {
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

// ---------------------------------------------------------------------------------------------
// Claims of the seed articles, checked against the computation.

/// One example of a seed article: its inputs, what the article prints for them and, when that
/// is wrong, why (the native tests check both against the computation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArticleClaim {
    /// The seed article ("002").
    pub seed: &'static str,
    /// The scheme.
    pub scheme: &'static str,
    /// The inputs.
    pub values: &'static [f32],
    /// What the article prints ("codes [-1, 1, 4, -7]").
    pub says: &'static str,
    /// Where it is wrong and what is right; None when Lowbit agrees.
    pub wrong: Option<&'static str>,
}

/// The known examples of the seed articles.
pub const ARTICLE_CLAIMS: &[ArticleClaim] = &[
    ArticleClaim {
        seed: "002",
        scheme: "int4_absmax",
        values: &[-0.5, 0.3, 1.2, -2.1],
        says: "codes [-1, 1, 4, -7]",
        wrong: Some("it is wrong at -0.5: -0.5 / 0.3 = -1.67, which rounds to -2, so the codes are [-2, 1, 4, -7]"),
    },
    ArticleClaim { seed: "000", scheme: "fp4_bnb", values: &[1.0, 2.0, 3.0, 4.0], says: "packed [117, 35], dequantized [1, 2, 2.6666667, 4]", wrong: None },
    ArticleClaim { seed: "000", scheme: "fp4_bnb", values: &[1.0, 2.0, 3.0, 64.0], says: "dequantized [0.3333333, 0.3333333, 0.3333333, 64]", wrong: None },
];

/// A claim about these inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimNote {
    /// Whether Lowbit agrees with the article.
    pub agrees: bool,
    /// The sentence shown.
    pub text: String,
}

/// The notes on the article claims about these inputs (none for other inputs).
pub fn claim_notes(params: &QuantizeParams) -> Vec<ClaimNote> {
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    ARTICLE_CLAIMS
        .iter()
        .filter(|c| c.scheme == params.scheme && params.block.is_none() && bits(c.values) == bits(&params.values))
        .map(|c| ClaimNote {
            agrees: c.wrong.is_none(),
            text: format!("The article (seed {}) says {} for these inputs: {}.", c.seed, c.says, c.wrong.unwrap_or("Lowbit agrees")),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The computation and its display strings.

/// Everything the view shows for one set of parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizeResult {
    /// The inputs.
    pub input: Vec<f32>,
    /// The scheme's result (with the trace).
    pub q: Quantized,
    /// The error metrics.
    pub metrics: Metrics,
    /// Whether the first element goes to the high nibble (bitsandbytes).
    pub high_first: bool,
    /// The article notes.
    pub claims: Vec<ClaimNote>,
}

/// Quantizes the parameters' numbers (an unknown scheme runs the default one, with a note).
pub fn compute(params: &QuantizeParams) -> QuantizeResult {
    // An id that does not parse (never from the URL, which canonicalises it) runs the first
    // registry scheme.
    let scheme = Scheme::parse(&params.scheme).unwrap_or_else(|_| Scheme {
        id: SCHEMES[0].id.into(),
        info: SCHEMES[0],
        element: lowbit_core::quant::Element::Codebook(&lowbit_core::codebook::NF4),
    });
    let q = scheme.quantize(&params.values, &params.options(true));
    let metrics = Metrics::compare(&params.values, &q.dequantized);
    let claims = claim_notes(params);
    QuantizeResult {
        input: params.values.clone(),
        high_first: scheme.info.packing == NibbleOrder::HighFirst,
        q,
        metrics,
        claims,
    }
}

/// A number as `lowbit quantize` prints it: the shortest form that round-trips an f32 value
/// (most numbers here are f32), else 8 significant digits; exponent notation ("1e-7") outside
/// 1e-5..1e16, JavaScript's decimal layout inside (the CLI's `show`, more compactly).
pub fn show(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = if (x as f32) as f64 == x {
        format!("{:e}", x as f32)
    } else {
        let s = format!("{x:.7e}");
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        format!("{}e{e}", trim_fraction(m))
    };
    let a = x.abs();
    if a != 0.0 && !(1e-5..1e16).contains(&a) {
        sci
    } else {
        js_string(sci.parse().unwrap_or(x))
    }
}

fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

impl QuantizeResult {
    /// The CLI's summary line ("int4_absmax: 4 elements, block scales (size 64), 4.5
    /// bits/element, 3 bytes").
    pub fn summary(&self) -> String {
        let q = &self.q;
        let tensor = if q.tensor_bits > 0 { format!(" + {} bits/tensor", q.tensor_bits) } else { String::new() };
        format!(
            "{}: {} elements, {} {} (size {}), {} bits/element{tensor}, {} bytes",
            q.scheme,
            q.codes.len(),
            q.granularity.name(),
            if q.granularity == lowbit_core::quant::Granularity::Tensor { "scale" } else { "scales" },
            q.block,
            show(q.bits_per_element),
            q.storage_bytes
        )
    }

    /// Which inputs a packed byte holds: (high nibble's element, low nibble's element).
    pub fn nibble_elements(&self, byte: usize) -> (usize, usize) {
        if self.high_first { (2 * byte, 2 * byte + 1) } else { (2 * byte + 1, 2 * byte) }
    }
}

/// The result's markup: summary, codes, scales, packed bytes, the reconstruction and the
/// metrics (`quantize-codes`, `quantize-packed`, `quantize-dequantized`, `quantize-metrics`).
pub fn results_html(r: &QuantizeResult) -> String {
    let q = &r.q;
    let mut html = format!(
        "<p data-testid=\"quantize-summary\"><code>{}</code></p>",
        escape(&r.summary())
    );
    let codes = joined(&q.codes, |c| c.to_string());
    html.push_str(&format!(
        "<dl class=\"quantize-facts\"><dt>codes</dt><dd><code data-testid=\"quantize-codes\" data-codes=\"{}\">[{}]</code></dd>",
        q.codes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(","),
        codes
    ));
    let scale_name = match q.scales.len() {
        1 => "scale",
        _ => "scales",
    };
    html.push_str(&format!(
        "<dt>{scale_name}</dt><dd><code data-testid=\"quantize-scales\">[{}]</code></dd>",
        joined(&q.scales, |s| show(*s as f64))
    ));
    if !q.scale_codes.is_empty() {
        html.push_str(&format!("<dt>scale codes</dt><dd><code>[{}]</code></dd>", joined(&q.scale_codes, |b| format!("0x{b:02x}"))));
    }
    if let Some(p) = q.tensor_scale {
        html.push_str(&format!("<dt>tensor scale</dt><dd><code>{}</code></dd>", show(p as f64)));
    }
    if !q.zero_points.is_empty() {
        html.push_str(&format!("<dt>zero points</dt><dd><code>[{}]</code></dd>", joined(&q.zero_points, |z| z.to_string())));
    }
    if !q.outlier_columns.is_empty() {
        html.push_str(&format!("<dt>outlier columns (fp16)</dt><dd><code>[{}]</code></dd>", joined(&q.outlier_columns, |c| c.to_string())));
    }
    let values: Vec<String> = q.dequantized.iter().map(|&d| js_string(d as f64)).collect();
    html.push_str(&format!(
        "<dt>dequantized</dt><dd><code data-testid=\"quantize-dequantized\" data-values=\"{}\">[{}]</code></dd></dl>",
        values.join(","),
        joined(&q.dequantized, |d| show(*d as f64))
    ));
    html.push_str(&packed_html(r));
    html.push_str(&metrics_html(r));
    if !q.notes.is_empty() {
        html.push_str("<ul class=\"quantize-notes\">");
        for n in &q.notes {
            html.push_str(&format!("<li>{}</li>", escape(n)));
        }
        html.push_str("</ul>");
    }
    html
}

/// The packed bytes of a 4-bit scheme: hex, decimal and both nibbles (`quantize-packed`,
/// `data-bytes` the decimals, `data-high-first`); empty for other schemes.
pub fn packed_html(r: &QuantizeResult) -> String {
    let q = &r.q;
    if q.packed().is_empty() {
        return String::new();
    }
    let (hi, lo) = if r.high_first { ("x[2i], first", "x[2i+1]") } else { ("x[2i+1]", "x[2i], first") };
    let rows: String = q
        .packed()
        .iter()
        .enumerate()
        .map(|(i, b)| format!("<tr><td>{i}</td><td><code>0x{b:02x}</code></td><td>{b}</td><td>{}</td><td>{}</td></tr>", b >> 4, b & 15))
        .collect();
    let decimals: Vec<String> = q.packed().iter().map(|b| b.to_string()).collect();
    format!(
        "<div data-testid=\"quantize-packed\" data-bytes=\"{}\" data-high-first=\"{}\"><h3>Packed bytes</h3>\
         <div class=\"table-scroll\"><table class=\"quantize-table\"><thead><tr><th>byte i</th><th>hex</th><th>decimal</th>\
         <th>high nibble: {hi}</th><th>low nibble: {lo}</th></tr></thead><tbody>{rows}</tbody></table></div></div>",
        decimals.join(","),
        r.high_first
    )
}

/// The metrics (`quantize-metrics`).
pub fn metrics_html(r: &QuantizeResult) -> String {
    let m = &r.metrics;
    let items = [("MSE", show(m.mse)), ("max |error|", show(m.max_abs_error)), ("SQNR dB", show(m.sqnr_db)), ("bits / element", show(r.q.bits_per_element))];
    let body: String = items.iter().map(|(k, v)| format!("<div><dt>{k}</dt><dd>{v}</dd></div>")).collect();
    format!("<dl class=\"quantize-metrics\" data-testid=\"quantize-metrics\">{body}</dl>")
}

/// The trace table's body rows (`data-index`, `data-code`; class `clipped` where clamping
/// changed the value).
pub fn trace_rows_html(r: &QuantizeResult) -> String {
    r.q.trace
        .iter()
        .map(|t| {
            format!(
                "<tr data-index=\"{}\" data-code=\"{}\"{}><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num code-col\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                t.index,
                t.code,
                if t.clipped { " class=\"clipped\"" } else { "" },
                t.index,
                t.group,
                show(t.input),
                show(t.absmax),
                show(t.scale),
                show(t.zero_point),
                show(t.scaled),
                show(t.rounded),
                show(t.clamped),
                t.code,
                show(t.dequantized),
                show(t.error)
            )
        })
        .collect()
}

/// The article notes as paragraphs (`data-agrees`).
pub fn claims_html(claims: &[ClaimNote]) -> String {
    claims
        .iter()
        .map(|c| format!("<p class=\"quantize-claim{}\" data-agrees=\"{}\">{}</p>", if c.agrees { "" } else { " wrong" }, c.agrees, escape(&c.text)))
        .collect()
}

/// Everything below the controls: the article note (`quantize-note`, when the inputs are a
/// seed example), the results card and the trace card (`quantize-trace`, when the scheme
/// provides a trace).
pub fn view_html(r: &QuantizeResult) -> String {
    let mut html = String::new();
    if !r.claims.is_empty() {
        html.push_str(&format!("<div class=\"card quantize-note\" data-testid=\"quantize-note\" role=\"note\">{}</div>", claims_html(&r.claims)));
    }
    html.push_str(&format!("<div class=\"card\"><h2>Result</h2><div class=\"quantize-results\">{}</div></div>", results_html(r)));
    if !r.q.trace.is_empty() {
        let head: String = TRACE_COLUMNS.iter().map(|name| format!("<th>{name}</th>")).collect();
        html.push_str(&format!(
            "<div class=\"card\"><h2>Step by step</h2><div class=\"table-scroll\"><table class=\"quantize-table quantize-trace\" data-testid=\"quantize-trace\">\
             <thead><tr>{head}</tr></thead><tbody>{}</tbody></table></div></div>",
            trace_rows_html(r)
        ));
    }
    html
}

/// The trace table's column headings.
pub const TRACE_COLUMNS: [&str; 12] =
    ["index", "group", "x", "absmax", "scale", "zero point", "x / scale", "rounded", "clamped", "code", "dequantized", "error"];

/// The scheme picker's options (the current scheme added when it is not offered).
pub fn scheme_options_html(selected: &str) -> String {
    let mut ids: Vec<String> = offered_schemes().into_iter().map(String::from).collect();
    if !ids.iter().any(|s| s == selected) {
        ids.push(selected.to_string());
    }
    ids.iter()
        .map(|id| {
            let mark = if id == selected { " selected" } else { "" };
            let title = Scheme::parse(id).map(|s| s.info.description).unwrap_or("");
            format!("<option value=\"{}\" title=\"{}\"{mark}>{}</option>", escape(id), escape(title), escape(id))
        })
        .collect()
}

/// The controls written once: heading, the text box (`quantize-input`) and the scheme
/// picker (`quantize-scheme`).
pub fn controls_html(params: &QuantizeParams) -> String {
    format!(
        "<h2>Your numbers</h2><label class=\"control quantize-text\"><span>numbers, separated by commas, spaces or new lines</span>\
         <textarea data-testid=\"quantize-input\" rows=\"3\" spellcheck=\"false\">{}</textarea></label>\
         <label class=\"control\"><span>scheme</span><select data-testid=\"quantize-scheme\">{}</select></label>",
        escape(&values_text(&params.values).replace(',', ", ")),
        scheme_options_html(&params.scheme)
    )
}

/// The block size box (`quantize-block`): the size in effect, disabled when the scheme fixes
/// it or has no blocks, the allowed sizes as its tooltip.
pub fn block_html(params: &QuantizeParams) -> String {
    let Ok(s) = Scheme::parse(&params.scheme) else { return String::new() };
    let value = params.block.or(s.info.default_block).map(|b| b.to_string()).unwrap_or_default();
    format!(
        "<label class=\"control\" title=\"allowed: {}\"><span>block size</span>\
         <input type=\"number\" min=\"1\" data-testid=\"quantize-block\" value=\"{value}\"{}></label>",
        escape(&s.info.allowed_blocks.describe()),
        if block_choosable(&s) { "" } else { " disabled" }
    )
}

/// The inline error (`quantize-input-error`), or nothing.
pub fn error_html(error: Option<&str>) -> String {
    error.map_or(String::new(), |e| format!("<p class=\"inline-error\" role=\"alert\" data-testid=\"quantize-input-error\">{}</p>", escape(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(scheme: &str, values: &[f32]) -> QuantizeParams {
        QuantizeParams { scheme: scheme.into(), values: values.to_vec(), block: None }
    }

    #[test]
    fn seed_002_int4_trace_and_the_article_note() {
        let r = compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1]));
        assert_eq!(r.q.codes, vec![-2, 1, 4, -7]);
        let t = &r.q.trace;
        assert_eq!(t.len(), 4);
        assert_eq!(show(t[0].absmax), "2.1");
        assert_eq!(show(t[0].scale), "0.29999998", "2.1 / 7 in f32, as the CLI prints it");
        assert_eq!(show(t[0].rounded), "-2");
        let rows = trace_rows_html(&r);
        assert_eq!(rows.matches("<tr data-index=").count(), 4);
        assert!(rows.contains("data-index=\"0\" data-code=\"-2\""), "{rows}");
        assert_eq!(r.claims.len(), 1);
        let note = &r.claims[0];
        assert!(!note.agrees);
        assert!(note.text.contains("seed 002") && note.text.contains("[-1, 1, 4, -7]") && note.text.contains("-0.5"), "{}", note.text);
        assert!(note.text.contains("-1.67") && note.text.contains("rounds to -2"), "{}", note.text);
        assert!(note.text.contains("[-2, 1, 4, -7]"), "{}", note.text);
        // The claim's numbers, checked: the article's code at -0.5 is not the computed one,
        // and -0.5 / scale is -1.67 to two decimals.
        assert_ne!(r.q.codes[0], -1);
        assert_eq!(format!("{:.2}", t[0].scaled), "-1.67");
        assert!(claims_html(&r.claims).contains("data-agrees=\"false\""));
        let page = view_html(&r);
        assert!(page.contains("data-testid=\"quantize-note\"") && page.contains("data-testid=\"quantize-trace\""));
        let html = results_html(&r);
        assert!(html.contains("data-codes=\"-2,1,4,-7\""), "{html}");
        // INT4 packs two's-complement nibbles, the first element in the LOW nibble (as the CLI: 1e 94).
        assert_eq!(r.q.packed(), vec![0x1e, 0x94]);
        assert!(html.contains("data-high-first=\"false\""));
    }

    #[test]
    fn seed_000_fp4_bnb_packed_high_nibble_first() {
        let r = compute(&params("fp4_bnb", &[1.0, 2.0, 3.0, 4.0]));
        assert_eq!(r.q.packed(), vec![117, 35]);
        assert!(r.high_first);
        assert_eq!(r.q.scales, vec![4.0]);
        assert_eq!(r.q.dequantized, vec![1.0, 2.0, 2.6666667, 4.0]);
        let html = results_html(&r);
        assert!(html.contains("data-bytes=\"117,35\""), "{html}");
        assert!(html.contains("[1, 2, 2.6666667, 4]"), "{html}");
        assert!(html.contains("data-values=\"1,2,2.6666667461395264,4\""), "{html}");
        // 0x75: high nibble 7 = code of x[0], low nibble 5 = code of x[1].
        assert!(html.contains("<td><code>0x75</code></td><td>117</td><td>7</td><td>5</td>"), "{html}");
        assert!(html.contains("high nibble: x[2i], first"), "{html}");
        assert_eq!(r.claims.len(), 1);
        assert!(r.claims[0].agrees, "{}", r.claims[0].text);

        let r = compute(&params("fp4_bnb", &[1.0, 2.0, 3.0, 64.0]));
        assert_eq!(r.q.dequantized, vec![0.33333334, 0.33333334, 0.33333334, 64.0]);
        assert!(results_html(&r).contains("[0.33333334, 0.33333334, 0.33333334, 64]"));
        assert!(r.claims[0].agrees);
        // Other inputs: no article note.
        assert!(compute(&params("fp4_bnb", &[1.0, 2.0])).claims.is_empty());
        // A 4-bit float packs the first element in the LOW nibble.
        let r = compute(&params("mxfp4", &[1.0, 2.0]));
        assert!(!r.high_first && r.nibble_elements(0) == (1, 0));
    }

    #[test]
    fn values_parse_and_name_the_bad_token() {
        assert_eq!(parse_values("1, 2\n3 4,,5").unwrap(), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(parse_values("-0.5; 1e-3 +.5").unwrap(), vec![-0.5, 1e-3, 0.5]);
        assert!(parse_values("inf -inf nan").unwrap()[2].is_nan());
        assert_eq!(parse_values("1 2 x3").unwrap_err(), "'x3' is not a number");
        assert!(parse_values("0x10").is_err());
        assert_eq!(parse_values("").unwrap(), Vec::<f32>::new());
        assert_eq!(values_text(&[-0.5, 2.6666667, f32::NAN, -0.0]), "-0.5,2.6666667,NaN,-0");
        let v = [0.1f32, -3.4e38, 1e-40, f32::INFINITY];
        let back = parse_values(&values_text(&v)).unwrap();
        assert_eq!(back.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn params_apply_settle_and_query() {
        let mut p = QuantizeParams::default();
        assert!(p.apply("scheme", "NF4").is_ok());
        assert_eq!(p.scheme, "nf4");
        assert!(p.apply("scheme", "nf5").unwrap_err().contains("nf5"));
        assert!(p.apply("values", "1,zz").unwrap_err().contains("'zz'"));
        assert_eq!(p.values, DEFAULT_VALUES.to_vec(), "kept");
        p.apply("block", "100").unwrap();
        let notes = p.settle();
        assert_eq!(notes.len(), 1, "nf4 refuses block 100");
        assert_eq!(p.block, None);
        p.apply("block", "128").unwrap();
        assert!(p.settle().is_empty());
        assert_eq!(p.query_parts().join("&"), "scheme=nf4&values=-0.5,0.3,1.2,-2.1&block=128");
        p.apply("scheme", "cast:float8_e4m3fn").unwrap();
        assert_eq!(p.query_parts()[0], "scheme=cast:float8_e4m3fn");
        assert!(p.apply("block", "-2").is_err());
        assert!(scheme_options_html("nf4").contains("<option value=\"absmax:float8_e4m3fn\""));
        assert!(controls_html(&p).contains("<option value=\"cast:float8_e4m3fn\" title=\"direct cast"));
        assert!(block_html(&p).contains(" disabled"), "casts have no blocks");
        assert!(error_html(Some("'x' is not a number")).contains("&#39;x&#39;"));
        for id in offered_schemes() {
            assert!(Scheme::parse(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn every_offered_scheme_runs_and_formats_like_the_cli() {
        for id in offered_schemes() {
            let r = compute(&params(id, &[-0.5, 0.3, 1.2, -2.1, 7.9, 0.0]));
            assert_eq!(r.q.codes.len(), 6, "{id}");
            assert!(!results_html(&r).is_empty());
            assert_eq!(trace_rows_html(&r).matches("<tr").count(), r.q.trace.len(), "{id}");
        }
        assert_eq!(show(0.30000001192092896), "0.3");
        assert_eq!(show(1e-7), "1e-7");
        assert_eq!(show(f64::INFINITY), "inf");
        // The CLI's numbers for the seed traces.
        for (x, text) in [(-2.9802322e-8f32 as f64, "-2.9802322e-8"), (-0.099999964f32 as f64, "-0.099999964"), (2.6666667f32 as f64, "2.6666667"), (-0.0, "-0"), (64.0, "64"), (27.916909428, "27.916909"), (1.5e20, "1.5e20"), (123456789.0, "123456790")] {
            assert_eq!(show(x), text);
        }
        let empty = compute(&params("nf4", &[]));
        assert!(empty.q.codes.is_empty());
        assert!(results_html(&empty).contains("nan"), "MSE of nothing");
    }
}
