//! Test signals for the signal view: a sine wave, a sawtooth ramp and seeded Gaussian noise.
//!
//! Everything here is pure and deterministic: the same [`SignalSpec`] always gives the same
//! `Vec<f32>`. Values are computed in `f64` and rounded once to `f32`, the precision the
//! quantizers take as input.
//!
//! The default spec is the first seed article's input, `np.sin(np.arange(0, 4*pi, 4*pi/N))`
//! cast to float32 with N = 256: one sine of amplitude 1 over 4π (two periods). numpy's
//! `arange` computes its k-th value as `k * step` with `step = 4π/N` rounded to `f64` first,
//! NOT as `4π·k/N` (the two differ in the last bit for many k when N = 200); [`sine`] does the
//! same, so its output is bit-identical to numpy's for every k < N (checked in the tests against
//! the `input` arrays of the sine cases in `bnb-vectors.json`). For some N (61, 122, 197, …)
//! `np.arange` returns N + 1 values because the quotient `4π / step` rounds above N; Lowbit
//! always returns exactly N samples, the first N of numpy's.
//!
//! `sin`, `cos` and `ln` come from the platform's libm, which differ between targets by at
//! most one unit in the last place of the `f64`; after the rounding to `f32` the outputs agree
//! except where an `f64` result lies within one `f64` ulp of an `f32` rounding boundary.

use crate::rng::SplitMix64;
use std::f64::consts::PI;
use std::fmt;

/// The fewest samples a signal may have.
pub const MIN_SAMPLES: usize = 8;
/// The most samples a signal may have.
pub const MAX_SAMPLES: usize = 65_536;

/// The shape of a test signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SignalKind {
    /// `amplitude · sin(k · 2π·periods/N)`, k = 0 … N−1.
    #[default]
    Sine,
    /// A sawtooth with `periods` teeth: `amplitude · (2·frac(periods·k/N) − 1)`, rising from
    /// −amplitude at the start of each tooth (as `scipy.signal.sawtooth`).
    Ramp,
    /// Independent normal samples with mean 0 and standard deviation `amplitude`, from a seeded
    /// SplitMix64 generator and the Box–Muller transform.
    Noise,
}

impl SignalKind {
    /// Every kind, in the order a picker shows them.
    pub const ALL: [SignalKind; 3] = [SignalKind::Sine, SignalKind::Ramp, SignalKind::Noise];

    /// The id used in URLs and on the command line: `sine`, `ramp` or `noise`.
    pub fn id(self) -> &'static str {
        match self {
            SignalKind::Sine => "sine",
            SignalKind::Ramp => "ramp",
            SignalKind::Noise => "noise",
        }
    }

    /// Parses an id as given by [`SignalKind::id`] (also accepts `sawtooth` and `gaussian`).
    pub fn parse(id: &str) -> Result<SignalKind, SignalError> {
        match id.trim().to_ascii_lowercase().as_str() {
            "sine" | "sin" => Ok(SignalKind::Sine),
            "ramp" | "sawtooth" => Ok(SignalKind::Ramp),
            "noise" | "gaussian" | "normal" => Ok(SignalKind::Noise),
            _ => Err(SignalError::UnknownKind(id.to_string())),
        }
    }
}

impl fmt::Display for SignalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Why a [`SignalSpec`] was refused. The `Display` text is a complete sentence for the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum SignalError {
    /// The kind id is not one of `sine`, `ramp`, `noise`.
    UnknownKind(String),
    /// `samples` is outside [`MIN_SAMPLES`]`..=`[`MAX_SAMPLES`].
    Samples(usize),
    /// `amplitude` is not a finite number in (0, f32::MAX].
    Amplitude(f64),
    /// `periods` is not a finite number in (0, samples/2].
    Periods {
        /// The periods asked for.
        periods: f64,
        /// The sample count it was checked against.
        samples: usize,
    },
}

impl fmt::Display for SignalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignalError::UnknownKind(id) => {
                write!(f, "unknown signal '{id}': choose sine, ramp or noise")
            }
            SignalError::Samples(n) => write!(
                f,
                "samples must be between {MIN_SAMPLES} and {MAX_SAMPLES}, got {n}"
            ),
            SignalError::Amplitude(a) => write!(
                f,
                "amplitude must be a positive finite number no larger than {:e}, got {a}",
                f32::MAX
            ),
            SignalError::Periods { periods, samples } => write!(
                f,
                "periods must be greater than 0 and at most samples/2 = {} (two samples per period), got {periods}",
                *samples as f64 / 2.0
            ),
        }
    }
}

impl std::error::Error for SignalError {}

/// A complete description of a test signal; [`SignalSpec::generate`] turns it into samples.
///
/// `Default` is the seed article's sine: amplitude 1, 2 periods (4π), 256 samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignalSpec {
    /// Sine, ramp or noise.
    pub kind: SignalKind,
    /// Peak value for sine and ramp; standard deviation for noise.
    pub amplitude: f64,
    /// Number of periods (sine) or teeth (ramp) over the whole signal; ignored by noise.
    pub periods: f64,
    /// Number of samples, [`MIN_SAMPLES`]`..=`[`MAX_SAMPLES`].
    pub samples: usize,
    /// Seed of the noise generator; ignored by sine and ramp.
    pub seed: u64,
}

impl Default for SignalSpec {
    fn default() -> Self {
        SignalSpec {
            kind: SignalKind::Sine,
            amplitude: 1.0,
            periods: 2.0,
            samples: 256,
            seed: 0,
        }
    }
}

impl SignalSpec {
    /// Builds a spec and checks it with [`SignalSpec::validate`].
    pub fn new(
        kind: SignalKind,
        amplitude: f64,
        periods: f64,
        samples: usize,
        seed: u64,
    ) -> Result<SignalSpec, SignalError> {
        let spec = SignalSpec {
            kind,
            amplitude,
            periods,
            samples,
            seed,
        };
        spec.validate()?;
        Ok(spec)
    }

    /// Checks every field; the error names the first one out of range and the allowed range.
    pub fn validate(&self) -> Result<(), SignalError> {
        if !(MIN_SAMPLES..=MAX_SAMPLES).contains(&self.samples) {
            return Err(SignalError::Samples(self.samples));
        }
        if !(self.amplitude.is_finite()
            && self.amplitude > 0.0
            && self.amplitude <= f32::MAX as f64)
        {
            return Err(SignalError::Amplitude(self.amplitude));
        }
        if self.kind != SignalKind::Noise
            && !(self.periods.is_finite()
                && self.periods > 0.0
                && self.periods <= self.samples as f64 / 2.0)
        {
            return Err(SignalError::Periods {
                periods: self.periods,
                samples: self.samples,
            });
        }
        Ok(())
    }

    /// The samples. Does not validate (call [`SignalSpec::validate`] or build with
    /// [`SignalSpec::new`]) but never panics: `samples` is capped at [`MAX_SAMPLES`], and
    /// out-of-range amplitudes or periods give non-finite values rather than an error.
    #[must_use]
    pub fn generate(&self) -> Vec<f32> {
        let n = self.samples.min(MAX_SAMPLES);
        match self.kind {
            SignalKind::Sine => sine(self.amplitude, self.periods, n),
            SignalKind::Ramp => ramp(self.amplitude, self.periods, n),
            SignalKind::Noise => gaussian_noise(self.amplitude, n, self.seed),
        }
    }

    /// The x position of each sample, for plotting: the phase in radians,
    /// `k · 2π·periods/N`, for sine (so the default runs over [0, 4π)); the sample index `k`
    /// for ramp and noise.
    #[must_use]
    pub fn positions(&self) -> Vec<f64> {
        let n = self.samples.min(MAX_SAMPLES);
        match self.kind {
            SignalKind::Sine => {
                let step = sine_step(self.periods, n);
                (0..n).map(|k| k as f64 * step).collect()
            }
            SignalKind::Ramp | SignalKind::Noise => (0..n).map(|k| k as f64).collect(),
        }
    }
}

/// The phase step `2π·periods/N`, rounded to `f64` once, as numpy's `arange` step.
fn sine_step(periods: f64, samples: usize) -> f64 {
    2.0 * PI * periods / samples as f64
}

/// `samples` values of `amplitude · sin(k · step)`, `step = 2π·periods/samples`, k = 0 … N−1.
///
/// The phase `k · step` and the sine are computed in `f64`, the product with the amplitude
/// too, then rounded once to `f32`. With amplitude 1 and periods 2 this is bit-identical to
/// `np.sin(np.arange(0, 4*pi, 4*pi/N)).astype(np.float32)` (see the module docs).
#[must_use]
pub fn sine(amplitude: f64, periods: f64, samples: usize) -> Vec<f32> {
    let step = sine_step(periods, samples);
    (0..samples)
        .map(|k| (amplitude * (k as f64 * step).sin()) as f32)
        .collect()
}

/// `samples` values of a sawtooth with `periods` teeth: `amplitude · (2·frac(periods·k/N) − 1)`.
///
/// Each tooth starts at exactly −amplitude and rises linearly towards +amplitude (which it
/// does not reach, as `scipy.signal.sawtooth`).
#[must_use]
pub fn ramp(amplitude: f64, periods: f64, samples: usize) -> Vec<f32> {
    let n = samples as f64;
    (0..samples)
        .map(|k| {
            let t = periods * k as f64 / n;
            let phase = t - t.floor();
            (amplitude * (2.0 * phase - 1.0)) as f32
        })
        .collect()
}

/// `samples` independent normal values with mean 0 and standard deviation `sigma`.
///
/// A SplitMix64 generator seeded with `seed` gives 53-bit uniforms; each pair (u1, u2) gives
/// two normals by Box–Muller, `sqrt(−2 ln u1)·cos(2π u2)` and `…·sin(2π u2)`, with u1 in
/// (0, 1] so the logarithm is finite. The same seed always gives the same values.
#[must_use]
pub fn gaussian_noise(sigma: f64, samples: usize, seed: u64) -> Vec<f32> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(samples);
    while out.len() < samples {
        // u1 in (0, 1], u2 in [0, 1).
        let u1 = 1.0 - rng.next_f64();
        let u2 = rng.next_f64();
        let r = (-2.0 * u1.ln()).sqrt();
        let (s, c) = (2.0 * PI * u2).sin_cos();
        out.push((sigma * r * c) as f32);
        if out.len() < samples {
            out.push((sigma * r * s) as f32);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_seed_sine() {
        let spec = SignalSpec::default();
        assert_eq!(spec.kind, SignalKind::Sine);
        assert_eq!(
            (spec.amplitude, spec.periods, spec.samples),
            (1.0, 2.0, 256)
        );
        spec.validate().unwrap();
        let v = spec.generate();
        assert_eq!(v.len(), 256);
        assert_eq!(v[0], 0.0);
        // A quarter period in: sin(π/2) = 1 exactly in f32.
        assert_eq!(v[32], 1.0);
        let x = spec.positions();
        assert_eq!(x.len(), 256);
        assert_eq!(x[0], 0.0);
        assert!((x[255] - (4.0 * PI - 4.0 * PI / 256.0)).abs() < 1e-12);
    }

    #[test]
    fn sine_matches_numpy_float32_bit_for_bit() {
        for (bits, n) in [(&SINE200_BITS[..], 200), (&SINE256_BITS[..], 256)] {
            let got = sine(1.0, 2.0, n);
            assert_eq!(got.len(), n);
            for (k, (g, b)) in got.iter().zip(bits).enumerate() {
                assert_eq!(
                    g.to_bits(),
                    *b,
                    "N = {n}, k = {k}: {g} vs {}",
                    f32::from_bits(*b)
                );
            }
        }
    }

    /// Cross-checks against the reference file itself when the checkout sits beside it
    /// (`../shared/reference/bnb-vectors.json`); the embedded copies above make the check
    /// independent of it.
    #[test]
    fn sine_matches_reference_file_when_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/reference/bnb-vectors.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut checked = 0;
        for case in json["cases"].as_array().unwrap() {
            if !case["name"].as_str().unwrap().starts_with("sine") {
                continue;
            }
            let input: Vec<f32> = case["input"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap() as f32)
                .collect();
            let got = sine(1.0, 2.0, input.len());
            assert_eq!(got, input, "case {}", case["name"]);
            checked += 1;
        }
        assert!(checked >= 2);
    }

    #[test]
    fn phase_is_k_times_step_like_numpy_arange() {
        // 4π·k/N and k·(4π/N) differ in the last bit for some k when N = 200; numpy uses the
        // latter, and so must we.
        let step = 4.0 * PI / 200.0;
        let differs = (0..200).any(|k| {
            ((4.0 * PI * k as f64 / 200.0).sin() as f32) != ((k as f64 * step).sin() as f32)
        });
        assert!(differs, "the test no longer distinguishes the two formulas");
        let spec = SignalSpec {
            samples: 200,
            ..SignalSpec::default()
        };
        let x = spec.positions();
        for (k, xk) in x.iter().enumerate() {
            assert_eq!(*xk, k as f64 * step);
        }
    }

    #[test]
    fn amplitude_and_periods_scale_the_sine() {
        let v = sine(2.5, 1.0, 64);
        assert_eq!(v[16], 2.5);
        assert!(v[48] == -2.5);
        let w = sine(1.0, 4.0, 64);
        assert_eq!(w[4], 1.0);
    }

    #[test]
    fn ramp_is_a_sawtooth() {
        let v = ramp(1.0, 2.0, 8);
        assert_eq!(v, vec![-1.0, -0.5, 0.0, 0.5, -1.0, -0.5, 0.0, 0.5]);
        let one = ramp(3.0, 1.0, 16);
        assert_eq!(one[0], -3.0);
        assert!(one.windows(2).all(|w| w[1] > w[0]));
        assert!(one.iter().all(|x| (-3.0..3.0).contains(x)));
    }

    #[test]
    fn noise_is_deterministic_and_roughly_standard_normal() {
        let a = gaussian_noise(1.0, 65_536, 42);
        let b = gaussian_noise(1.0, 65_536, 42);
        let c = gaussian_noise(1.0, 65_536, 43);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|x| x.is_finite()));
        let n = a.len() as f64;
        let mean = a.iter().map(|&x| x as f64).sum::<f64>() / n;
        let var = a.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / n;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
        let within_1sigma = a.iter().filter(|x| x.abs() < 1.0).count() as f64 / n;
        assert!((within_1sigma - 0.6827).abs() < 0.01, "{within_1sigma}");
        // Odd lengths and sigma scaling.
        let d = gaussian_noise(2.0, 9, 42);
        assert_eq!(d.len(), 9);
        for (x, y) in d.iter().zip(&a) {
            assert_eq!(*x, ((*y as f64) * 2.0) as f32);
        }
    }

    #[test]
    fn noise_prefix_is_stable_across_lengths() {
        let long = gaussian_noise(1.0, 100, 7);
        let short = gaussian_noise(1.0, 33, 7);
        assert_eq!(&long[..33], &short[..]);
    }

    #[test]
    fn splitmix_reference_values() {
        // First outputs of SplitMix64 seeded with 1234567 (the reference C implementation).
        let mut r = SplitMix64::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn validation_messages() {
        let ok = SignalSpec::default();
        let e = SignalSpec { samples: 4, ..ok }.validate().unwrap_err();
        assert_eq!(e.to_string(), "samples must be between 8 and 65536, got 4");
        assert!(SignalSpec {
            samples: 65_537,
            ..ok
        }
        .validate()
        .is_err());
        assert!(SignalSpec { samples: 8, ..ok }.validate().is_ok());
        assert!(SignalSpec {
            samples: 65_536,
            ..ok
        }
        .validate()
        .is_ok());
        for a in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e39] {
            let e = SignalSpec { amplitude: a, ..ok }.validate().unwrap_err();
            assert!(e.to_string().starts_with("amplitude must be"), "{e}");
        }
        for p in [0.0, -2.0, f64::NAN, 129.0] {
            let e = SignalSpec { periods: p, ..ok }.validate().unwrap_err();
            assert!(e.to_string().starts_with("periods must be"), "{e}");
        }
        assert!(SignalSpec {
            periods: 128.0,
            ..ok
        }
        .validate()
        .is_ok());
        // Noise ignores periods.
        assert!(SignalSpec {
            kind: SignalKind::Noise,
            periods: 0.0,
            ..ok
        }
        .validate()
        .is_ok());
        assert_eq!(
            SignalKind::parse("square").unwrap_err().to_string(),
            "unknown signal 'square': choose sine, ramp or noise"
        );
        assert!(SignalSpec::new(SignalKind::Ramp, 1.0, 3.0, 300, 0).is_ok());
    }

    #[test]
    fn kinds_round_trip_through_ids() {
        for k in SignalKind::ALL {
            assert_eq!(SignalKind::parse(k.id()).unwrap(), k);
        }
        assert_eq!(SignalKind::parse(" Gaussian ").unwrap(), SignalKind::Noise);
    }

    #[test]
    fn generate_never_panics_or_allocates_without_bound() {
        let wild = SignalSpec {
            kind: SignalKind::Sine,
            amplitude: f64::NAN,
            periods: f64::INFINITY,
            samples: usize::MAX,
            seed: 0,
        };
        assert_eq!(wild.generate().len(), MAX_SAMPLES);
        assert_eq!(
            SignalSpec {
                samples: 0,
                ..SignalSpec::default()
            }
            .generate(),
            Vec::<f32>::new()
        );
        for kind in SignalKind::ALL {
            let s = SignalSpec {
                kind,
                samples: 1,
                ..SignalSpec::default()
            };
            assert_eq!(s.generate().len(), 1);
            assert_eq!(s.positions().len(), 1);
        }
    }

    #[test]
    fn positions_for_ramp_and_noise_are_indices() {
        let s = SignalSpec {
            kind: SignalKind::Ramp,
            samples: 10,
            ..SignalSpec::default()
        };
        assert_eq!(s.positions(), (0..10).map(|k| k as f64).collect::<Vec<_>>());
    }

    /// `input` of case `sine200_fp4_b64` in bnb-vectors.json, as f32 bit patterns.
    const SINE200_BITS: [u32; 200] = [
        0x00000000, 0x3d809851, 0x3e00575b, 0x3e3fe0e3, 0x3e7ea890, 0x3e9e377a, 0x3ebc7ad2,
        0x3ed9ffbe, 0x3ef6a86b, 0x3f092bf2, 0x3f167918, 0x3f232e38, 0x3f2f3e7b, 0x3f3a9db0,
        0x3f45405b, 0x3f4f1bbd, 0x3f5825e0, 0x3f6055a2, 0x3f67a2bf, 0x3f6e05d5, 0x3f737871,
        0x3f77f511, 0x3f7b772d, 0x3f7dfb3b, 0x3f7f7eae, 0x3f800000, 0x3f7f7eae, 0x3f7dfb3b,
        0x3f7b772d, 0x3f77f511, 0x3f737871, 0x3f6e05d5, 0x3f67a2bf, 0x3f6055a2, 0x3f5825e0,
        0x3f4f1bbd, 0x3f45405b, 0x3f3a9db0, 0x3f2f3e7b, 0x3f232e38, 0x3f167918, 0x3f092bf2,
        0x3ef6a86b, 0x3ed9ffbe, 0x3ebc7ad2, 0x3e9e377a, 0x3e7ea890, 0x3e3fe0e3, 0x3e00575b,
        0x3d809851, 0xa5b96767, 0xbd809851, 0xbe00575b, 0xbe3fe0e3, 0xbe7ea890, 0xbe9e377a,
        0xbebc7ad2, 0xbed9ffbe, 0xbef6a86b, 0xbf092bf2, 0xbf167918, 0xbf232e38, 0xbf2f3e7b,
        0xbf3a9db0, 0xbf45405b, 0xbf4f1bbd, 0xbf5825e0, 0xbf6055a2, 0xbf67a2bf, 0xbf6e05d5,
        0xbf737871, 0xbf77f511, 0xbf7b772d, 0xbf7dfb3b, 0xbf7f7eae, 0xbf800000, 0xbf7f7eae,
        0xbf7dfb3b, 0xbf7b772d, 0xbf77f511, 0xbf737871, 0xbf6e05d5, 0xbf67a2bf, 0xbf6055a2,
        0xbf5825e0, 0xbf4f1bbd, 0xbf45405b, 0xbf3a9db0, 0xbf2f3e7b, 0xbf232e38, 0xbf167918,
        0xbf092bf2, 0xbef6a86b, 0xbed9ffbe, 0xbebc7ad2, 0xbe9e377a, 0xbe7ea890, 0xbe3fe0e3,
        0xbe00575b, 0xbd809851, 0x26396767, 0x3d809851, 0x3e00575b, 0x3e3fe0e3, 0x3e7ea890,
        0x3e9e377a, 0x3ebc7ad2, 0x3ed9ffbe, 0x3ef6a86b, 0x3f092bf2, 0x3f167918, 0x3f232e38,
        0x3f2f3e7b, 0x3f3a9db0, 0x3f45405b, 0x3f4f1bbd, 0x3f5825e0, 0x3f6055a2, 0x3f67a2bf,
        0x3f6e05d5, 0x3f737871, 0x3f77f511, 0x3f7b772d, 0x3f7dfb3b, 0x3f7f7eae, 0x3f800000,
        0x3f7f7eae, 0x3f7dfb3b, 0x3f7b772d, 0x3f77f511, 0x3f737871, 0x3f6e05d5, 0x3f67a2bf,
        0x3f6055a2, 0x3f5825e0, 0x3f4f1bbd, 0x3f45405b, 0x3f3a9db0, 0x3f2f3e7b, 0x3f232e38,
        0x3f167918, 0x3f092bf2, 0x3ef6a86b, 0x3ed9ffbe, 0x3ebc7ad2, 0x3e9e377a, 0x3e7ea890,
        0x3e3fe0e3, 0x3e00575b, 0x3d809851, 0x25d3c9ca, 0xbd809851, 0xbe00575b, 0xbe3fe0e3,
        0xbe7ea890, 0xbe9e377a, 0xbebc7ad2, 0xbed9ffbe, 0xbef6a86b, 0xbf092bf2, 0xbf167918,
        0xbf232e38, 0xbf2f3e7b, 0xbf3a9db0, 0xbf45405b, 0xbf4f1bbd, 0xbf5825e0, 0xbf6055a2,
        0xbf67a2bf, 0xbf6e05d5, 0xbf737871, 0xbf77f511, 0xbf7b772d, 0xbf7dfb3b, 0xbf7f7eae,
        0xbf800000, 0xbf7f7eae, 0xbf7dfb3b, 0xbf7b772d, 0xbf77f511, 0xbf737871, 0xbf6e05d5,
        0xbf67a2bf, 0xbf6055a2, 0xbf5825e0, 0xbf4f1bbd, 0xbf45405b, 0xbf3a9db0, 0xbf2f3e7b,
        0xbf232e38, 0xbf167918, 0xbf092bf2, 0xbef6a86b, 0xbed9ffbe, 0xbebc7ad2, 0xbe9e377a,
        0xbe7ea890, 0xbe3fe0e3, 0xbe00575b, 0xbd809851,
    ];
    /// `input` of case `sine256_fp4_b64` in bnb-vectors.json, as f32 bit patterns.
    const SINE256_BITS: [u32; 256] = [
        0x00000000, 0x3d48fb30, 0x3dc8bd36, 0x3e164083, 0x3e47c5c2, 0x3e78cfcc, 0x3e94a031,
        0x3eac7cd4, 0x3ec3ef15, 0x3edae880, 0x3ef15aea, 0x3f039c3d, 0x3f0e39da, 0x3f187fc0,
        0x3f226799, 0x3f2beb4a, 0x3f3504f3, 0x3f3daef9, 0x3f45e403, 0x3f4d9f02, 0x3f54db31,
        0x3f5b941a, 0x3f61c598, 0x3f676bd8, 0x3f6c835e, 0x3f710908, 0x3f74fa0b, 0x3f7853f8,
        0x3f7b14be, 0x3f7d3aac, 0x3f7ec46d, 0x3f7fb10f, 0x3f800000, 0x3f7fb10f, 0x3f7ec46d,
        0x3f7d3aac, 0x3f7b14be, 0x3f7853f8, 0x3f74fa0b, 0x3f710908, 0x3f6c835e, 0x3f676bd8,
        0x3f61c598, 0x3f5b941a, 0x3f54db31, 0x3f4d9f02, 0x3f45e403, 0x3f3daef9, 0x3f3504f3,
        0x3f2beb4a, 0x3f226799, 0x3f187fc0, 0x3f0e39da, 0x3f039c3d, 0x3ef15aea, 0x3edae880,
        0x3ec3ef15, 0x3eac7cd4, 0x3e94a031, 0x3e78cfcc, 0x3e47c5c2, 0x3e164083, 0x3dc8bd36,
        0x3d48fb30, 0x250d3132, 0xbd48fb30, 0xbdc8bd36, 0xbe164083, 0xbe47c5c2, 0xbe78cfcc,
        0xbe94a031, 0xbeac7cd4, 0xbec3ef15, 0xbedae880, 0xbef15aea, 0xbf039c3d, 0xbf0e39da,
        0xbf187fc0, 0xbf226799, 0xbf2beb4a, 0xbf3504f3, 0xbf3daef9, 0xbf45e403, 0xbf4d9f02,
        0xbf54db31, 0xbf5b941a, 0xbf61c598, 0xbf676bd8, 0xbf6c835e, 0xbf710908, 0xbf74fa0b,
        0xbf7853f8, 0xbf7b14be, 0xbf7d3aac, 0xbf7ec46d, 0xbf7fb10f, 0xbf800000, 0xbf7fb10f,
        0xbf7ec46d, 0xbf7d3aac, 0xbf7b14be, 0xbf7853f8, 0xbf74fa0b, 0xbf710908, 0xbf6c835e,
        0xbf676bd8, 0xbf61c598, 0xbf5b941a, 0xbf54db31, 0xbf4d9f02, 0xbf45e403, 0xbf3daef9,
        0xbf3504f3, 0xbf2beb4a, 0xbf226799, 0xbf187fc0, 0xbf0e39da, 0xbf039c3d, 0xbef15aea,
        0xbedae880, 0xbec3ef15, 0xbeac7cd4, 0xbe94a031, 0xbe78cfcc, 0xbe47c5c2, 0xbe164083,
        0xbdc8bd36, 0xbd48fb30, 0xa58d3132, 0x3d48fb30, 0x3dc8bd36, 0x3e164083, 0x3e47c5c2,
        0x3e78cfcc, 0x3e94a031, 0x3eac7cd4, 0x3ec3ef15, 0x3edae880, 0x3ef15aea, 0x3f039c3d,
        0x3f0e39da, 0x3f187fc0, 0x3f226799, 0x3f2beb4a, 0x3f3504f3, 0x3f3daef9, 0x3f45e403,
        0x3f4d9f02, 0x3f54db31, 0x3f5b941a, 0x3f61c598, 0x3f676bd8, 0x3f6c835e, 0x3f710908,
        0x3f74fa0b, 0x3f7853f8, 0x3f7b14be, 0x3f7d3aac, 0x3f7ec46d, 0x3f7fb10f, 0x3f800000,
        0x3f7fb10f, 0x3f7ec46d, 0x3f7d3aac, 0x3f7b14be, 0x3f7853f8, 0x3f74fa0b, 0x3f710908,
        0x3f6c835e, 0x3f676bd8, 0x3f61c598, 0x3f5b941a, 0x3f54db31, 0x3f4d9f02, 0x3f45e403,
        0x3f3daef9, 0x3f3504f3, 0x3f2beb4a, 0x3f226799, 0x3f187fc0, 0x3f0e39da, 0x3f039c3d,
        0x3ef15aea, 0x3edae880, 0x3ec3ef15, 0x3eac7cd4, 0x3e94a031, 0x3e78cfcc, 0x3e47c5c2,
        0x3e164083, 0x3dc8bd36, 0x3d48fb30, 0x25d3c9ca, 0xbd48fb30, 0xbdc8bd36, 0xbe164083,
        0xbe47c5c2, 0xbe78cfcc, 0xbe94a031, 0xbeac7cd4, 0xbec3ef15, 0xbedae880, 0xbef15aea,
        0xbf039c3d, 0xbf0e39da, 0xbf187fc0, 0xbf226799, 0xbf2beb4a, 0xbf3504f3, 0xbf3daef9,
        0xbf45e403, 0xbf4d9f02, 0xbf54db31, 0xbf5b941a, 0xbf61c598, 0xbf676bd8, 0xbf6c835e,
        0xbf710908, 0xbf74fa0b, 0xbf7853f8, 0xbf7b14be, 0xbf7d3aac, 0xbf7ec46d, 0xbf7fb10f,
        0xbf800000, 0xbf7fb10f, 0xbf7ec46d, 0xbf7d3aac, 0xbf7b14be, 0xbf7853f8, 0xbf74fa0b,
        0xbf710908, 0xbf6c835e, 0xbf676bd8, 0xbf61c598, 0xbf5b941a, 0xbf54db31, 0xbf4d9f02,
        0xbf45e403, 0xbf3daef9, 0xbf3504f3, 0xbf2beb4a, 0xbf226799, 0xbf187fc0, 0xbf0e39da,
        0xbf039c3d, 0xbef15aea, 0xbedae880, 0xbec3ef15, 0xbeac7cd4, 0xbe94a031, 0xbe78cfcc,
        0xbe47c5c2, 0xbe164083, 0xbdc8bd36, 0xbd48fb30,
    ];
}
