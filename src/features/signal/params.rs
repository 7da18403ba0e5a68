//! The signal view's URL keys: `schemes` (comma-separated scheme ids), `block`, `samples`,
//! `periods` (default 2), `amplitude`, `wave` (`sine`, `ramp`, `noise`) and `error` (`abs`,
//! `rel`). `?view=signal&schemes=nf4,fp4_bnb&block=64&samples=256` is the seed's example.
//! The controls apply their values through the same parser, so the UI and the URL accept
//! the same.

use lowbit_core::decimal::js_string;
use lowbit_core::quant::{Scheme, SCHEMES};
use lowbit_core::signal::{SignalKind, SignalSpec, MIN_SAMPLES};
// Up to 2^20 samples: a signal above the main thread's share is computed in the worker.
use lowbit_jobs::signal::{SignalInput, MAX_SAMPLES};

use crate::notice::{Listed, Notice};
use crate::query::{encode_scheme, percent_encode, ViewParams};
use crate::text::shorten;

/// The schemes shown when the URL names none (the seed's two bitsandbytes types).
pub const DEFAULT_SCHEMES: [&str; 2] = ["nf4", "fp4_bnb"];
/// The block size when the URL gives none (bitsandbytes' default, the seed's `blocksize=64`).
pub const DEFAULT_BLOCK: usize = 64;
/// The largest block size the control takes.
pub const MAX_BLOCK: usize = 4096;
/// The most schemes plotted at once.
pub const MAX_SCHEMES: usize = 12;

/// Everything the signal view's state holds.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalParams {
    /// Sine, ramp or noise.
    pub kind: SignalKind,
    /// Peak (sine, ramp) or standard deviation (noise).
    pub amplitude: f64,
    /// Periods (sine) or teeth (ramp) over the signal.
    pub periods: f64,
    /// Number of samples.
    pub samples: usize,
    /// Block size for the schemes that take one.
    pub block: usize,
    /// Canonical scheme ids, in the order chosen (colours follow this order).
    pub schemes: Vec<String>,
    /// Plot relative instead of absolute errors.
    pub relative: bool,
}

impl Default for SignalParams {
    fn default() -> Self {
        let spec = SignalSpec::default();
        SignalParams {
            kind: spec.kind,
            amplitude: spec.amplitude,
            periods: spec.periods,
            samples: spec.samples,
            block: DEFAULT_BLOCK,
            schemes: DEFAULT_SCHEMES.iter().map(|s| s.to_string()).collect(),
            relative: false,
        }
    }
}

/// The URL keys of the signal view.
pub const PARAMS: [&str; 7] = ["wave", "amplitude", "periods", "samples", "block", "schemes", "error"];

/// The most items a notice lists.
const LISTED: usize = 5;


/// Parses a finite number (decimal or scientific).
fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Parses a whole number (also "64.0", "1e3").
fn whole(text: &str) -> Option<usize> {
    number(text).filter(|x| *x >= 0.0 && x.fract() == 0.0 && *x <= 1e9).map(|x| x as usize)
}

/// Resolves a scheme id to its canonical form (`CAST:fp8-e4m3` → `cast:float8_e4m3fn`).
pub fn canonical_scheme(id: &str) -> Result<String, String> {
    let scheme = Scheme::parse(id)?;
    if scheme.info.parametric && scheme.element_bits() > 32 {
        return Err(format!("scheme '{}': signals are f32, a cast to a {}-bit format is exact", id.trim(), scheme.element_bits()));
    }
    Ok(scheme.id)
}

impl SignalParams {
    /// Applies one URL parameter. Returns `None` when `key` is not a signal parameter,
    /// otherwise `Some(notices)` (empty when the value was used).
    pub fn apply(&mut self, key: &str, value: &str) -> Option<Vec<Notice>> {
        let defaults = SignalParams::default();
        let mut notices = Vec::new();
        match key {
            "wave" => match SignalKind::parse(value) {
                Ok(kind) => self.kind = kind,
                Err(_) => notices.push(Notice::UnknownSignal(shorten(value))),
            },
            "amplitude" => match number(value).filter(|a| *a > 0.0 && *a <= f32::MAX as f64) {
                Some(a) => self.amplitude = a,
                None => notices.push(Notice::BadAmplitude { value: shorten(value), max: format!("{:e}", f32::MAX), using: defaults.amplitude.to_string() }),
            },
            "periods" => match number(value).filter(|p| *p > 0.0) {
                Some(p) => self.periods = p,
                None => notices.push(Notice::BadPeriods { value: shorten(value), using: defaults.periods.to_string() }),
            },
            "samples" => match whole(value).filter(|n| (MIN_SAMPLES..=MAX_SAMPLES).contains(n)) {
                Some(n) => self.samples = n,
                None => notices.push(Notice::BadSamples { value: shorten(value), min: MIN_SAMPLES, max: MAX_SAMPLES, using: defaults.samples }),
            },
            "block" => match whole(value).filter(|b| (1..=MAX_BLOCK).contains(b)) {
                Some(b) => self.block = b,
                None => notices.push(Notice::BadBlock { value: shorten(value), max: MAX_BLOCK, using: DEFAULT_BLOCK }),
            },
            "schemes" => {
                let mut schemes: Vec<String> = Vec::new();
                let (mut left_out, mut bad) = (Vec::new(), Vec::new());
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    match canonical_scheme(part) {
                        Ok(id) if schemes.contains(&id) => {}
                        Ok(id) if schemes.len() < MAX_SCHEMES => schemes.push(id),
                        Ok(id) => left_out.push(id),
                        Err(_) => bad.push(format!("'{}'", shorten(part))),
                    }
                }
                if !left_out.is_empty() {
                    notices.push(Notice::TooManySchemes { max: MAX_SCHEMES, left_out: Listed::of(&left_out, LISTED) });
                }
                if !bad.is_empty() {
                    notices.push(Notice::UnknownSchemes {
                        ids: Listed::of(&bad, LISTED),
                        count: bad.len(),
                        valid: SCHEMES.iter().filter(|s| !s.parametric).map(|s| s.id).collect::<Vec<_>>().join(", "),
                    });
                }
                if schemes.is_empty() && !bad.is_empty() {
                    notices.push(Notice::DefaultSchemes(DEFAULT_SCHEMES.join(", ")));
                    schemes = defaults.schemes;
                }
                self.schemes = schemes;
            }
            "error" => match value.trim() {
                "abs" | "absolute" => self.relative = false,
                "rel" | "relative" => self.relative = true,
                other => notices.push(Notice::UnknownErrorMode(shorten(other))),
            },
            _ => return None,
        }
        Some(notices)
    }

    /// Checks the parameters together (periods against samples) after all were applied;
    /// what does not fit falls back to its default, with a notice.
    pub fn settle(&mut self) -> Vec<Notice> {
        let mut notices = Vec::new();
        if let Err(e) = self.input().validate() {
            let defaults = SignalParams::default();
            let fallback = defaults.periods.min(self.samples as f64 / 2.0);
            notices.push(Notice::SignalRefused { why: e.to_string(), periods: fallback.to_string() });
            self.periods = fallback;
        }
        notices
    }

    /// The signal as the worker's job takes it (any size up to 2^20 samples).
    pub fn input(&self) -> SignalInput {
        SignalInput { wave: self.kind.id().to_string(), amplitude: self.amplitude, periods: self.periods, samples: self.samples, seed: 0 }
    }

    /// The signal to generate on the main thread.
    pub fn spec(&self) -> SignalSpec {
        SignalSpec { kind: self.kind, amplitude: self.amplitude, periods: self.periods, samples: self.samples, seed: 0 }
    }

    /// The parameters as query parts (`"samples=256"`), in [`PARAMS`] order. With `full`
    /// (the signal view is shown) `schemes`, `block` and `samples` are always written, so a
    /// shared link says what it shows; otherwise only what differs from the defaults.
    pub fn query_parts_with(&self, full: bool) -> Vec<String> {
        let d = SignalParams::default();
        let mut parts = Vec::new();
        if self.kind != d.kind {
            parts.push(format!("wave={}", self.kind.id()));
        }
        if self.amplitude != d.amplitude {
            parts.push(format!("amplitude={}", query_number(self.amplitude)));
        }
        if self.periods != d.periods {
            parts.push(format!("periods={}", query_number(self.periods)));
        }
        if full || self.samples != d.samples {
            parts.push(format!("samples={}", self.samples));
        }
        if full || self.block != d.block {
            parts.push(format!("block={}", self.block));
        }
        if full || self.schemes != d.schemes {
            let ids: Vec<String> = self.schemes.iter().map(|s| encode_scheme(s)).collect();
            parts.push(format!("schemes={}", ids.join(",")));
        }
        if self.relative {
            parts.push("error=rel".into());
        }
        parts
    }

    /// Adds `id` if absent (at the end, up to [`MAX_SCHEMES`]), removes it if present.
    pub fn toggle_scheme(&mut self, id: &str) {
        if let Some(i) = self.schemes.iter().position(|s| s == id) {
            self.schemes.remove(i);
        } else if self.schemes.len() < MAX_SCHEMES {
            self.schemes.push(id.to_string());
        }
    }
}

/// A number in a query: JavaScript's `String(x)`, percent-encoded (`1e+23` → `1e%2B23`), since
/// a bare `+` in a query reads as a space.
fn query_number(x: f64) -> String {
    percent_encode(&js_string(x))
}

impl ViewParams for SignalParams {
    const KEYS: &'static [&'static str] = &PARAMS;

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = SignalParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            notices.extend(params.apply(key, value).unwrap_or_default());
        }
        notices.extend(params.settle());
        (params, notices)
    }

    /// Written while the view is shown: `schemes`, `block` and `samples` always (a shared link
    /// says what it shows), the others when they differ from the defaults.
    fn query_parts(&self) -> Vec<String> {
        self.query_parts_with(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> (SignalParams, Vec<String>) {
        // The notices in English, as the tests read them.
        let mut p = SignalParams::default();
        let mut notices = Vec::new();
        for (k, v) in crate::query::query_pairs(query) {
            match p.apply(&k, &v) {
                Some(n) => notices.extend(n.iter().map(Notice::english)),
                None => notices.push(format!("not a signal parameter: {k}")),
            }
        }
        notices.extend(p.settle().iter().map(Notice::english));
        (p, notices)
    }

    #[test]
    fn the_seed_url() {
        let (p, notices) = parse("schemes=nf4,fp4_bnb&block=64&samples=256");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(p.schemes, ["nf4", "fp4_bnb"]);
        assert_eq!((p.block, p.samples, p.periods, p.amplitude), (64, 256, 2.0, 1.0));
        assert_eq!(p.kind, SignalKind::Sine);
        assert_eq!(p.query_parts_with(true), ["samples=256", "block=64", "schemes=nf4,fp4_bnb"]);
        assert!(p.query_parts_with(false).is_empty());
    }

    #[test]
    fn malformed_values_fall_back_with_notices() {
        let (p, n) = parse("samples=abc&block=0&amplitude=-1&periods=nan&wave=square&error=log&schemes=nope");
        assert_eq!(n.len(), 8, "{n:?}");
        let d = SignalParams::default();
        assert_eq!(p, d);
        let (p, n) = parse("samples=8&periods=7");
        assert_eq!(p.periods, 2.0, "{n:?}");
        assert_eq!(n.len(), 1);
        assert!(n[0].contains("periods"), "{n:?}");
        let (p, n) = parse("samples=1048577");
        assert_eq!((p.samples, n.len()), (256, 1));
        let (p, n) = parse("samples=1048576");
        assert_eq!((p.samples, n.len()), (1 << 20, 0));
        let (p, n) = parse("schemes=nf4,bogus,CAST:fp8-e4m3,nf4");
        assert_eq!(p.schemes, ["nf4", "cast:float8_e4m3fn"]);
        assert_eq!(n.len(), 1);
        assert!(n[0].contains("bogus"));
        let (p, n) = parse("schemes=");
        assert!(p.schemes.is_empty() && n.is_empty());
        let (_, n) = parse("schemes=cast:float64");
        assert_eq!(n.len(), 2, "{n:?}");
        // However many schemes a link names, one notice lists the first few.
        let many: Vec<String> = (1..=9).flat_map(|e| (0..=20).map(move |m| format!("cast:e{e}m{m}"))).collect();
        let (p, n) = parse(&format!("schemes={},{}", many.join(","), "!,".repeat(10_000)));
        assert_eq!(p.schemes.len(), MAX_SCHEMES);
        assert_eq!(n.len(), 2, "{n:?}");
        assert!(n[0].starts_with("At most 12 schemes at once; left out cast:e1m13, ") && n[0].ends_with(" more."), "{}", n[0]);
        assert!(n[1].contains("'!', '!' and 99") && n[1].len() < 1000, "{}", n[1]);
    }

    #[test]
    fn round_trip() {
        let p = SignalParams {
            kind: SignalKind::Ramp,
            amplitude: 2.5,
            periods: 3.0,
            samples: 1000,
            block: 128,
            schemes: vec!["cast:float8_e5m2".into(), "mxfp4".into()],
            relative: true,
        };
        for full in [false, true] {
            let q = p.query_parts_with(full).join("&");
            assert!(q.contains("schemes=cast:float8_e5m2,mxfp4"), "{q}");
            let (back, n) = parse(&q);
            assert!(n.is_empty(), "{n:?}");
            assert_eq!(back, p);
        }
    }

    #[test]
    fn large_numbers_survive_the_url() {
        // `String(1e23)` is "1e+23", and a bare `+` in a query reads as a space.
        let p = SignalParams { amplitude: 1e23, kind: SignalKind::Noise, periods: 1e300, ..SignalParams::default() };
        let q = p.query_parts_with(false).join("&");
        assert_eq!(q, "wave=noise&amplitude=1e%2B23&periods=1e%2B300");
        let (back, n) = parse(&q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(back, p);
    }

    #[test]
    fn toggling() {
        let mut p = SignalParams::default();
        p.toggle_scheme("mxfp4");
        assert_eq!(p.schemes, ["nf4", "fp4_bnb", "mxfp4"]);
        p.toggle_scheme("nf4");
        assert_eq!(p.schemes, ["fp4_bnb", "mxfp4"]);
    }
}
