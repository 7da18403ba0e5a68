//! The worker's WebAssembly SIMD kernels against the scalar paths, in headless Chromium
//! (wasm-bindgen-test). This crate builds lowbit-core with its `simd128` feature, so the
//! quantizers' hot loops here run `quant/simd_wasm.rs` and the 8-bit table encoder its SIMD
//! index; the references are element-by-element paths (bitsandbytes' reference quantizer,
//! MXFP4 written out from its definition, the table encoder's per-element `encode`).
#![cfg(target_arch = "wasm32")]

use lowbit_core::quant::bnb::{self, Bnb4, FP4_THRESHOLDS, NF4_THRESHOLDS};
use lowbit_core::quant::facts::E2M1;
use lowbit_core::quant::pack::{pack_nibbles, NibbleOrder};
use lowbit_core::quant::{mx, MxScaleRule, Options, Scheme};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Random values, every decision point of NF4, bnb FP4 and E2M1 and its two f32 neighbours
/// (both signs), and the special values, in blocks of various scales.
fn samples() -> Vec<f32> {
    let mut v: Vec<f32> = lowbit_jobs::bench::bench_data(6000).into_iter().map(|x| x * 2.0).collect();
    let decisions = NF4_THRESHOLDS.iter().chain(&FP4_THRESHOLDS).copied();
    for t in decisions.chain([0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5.0, 6.0, 7.0]) {
        for x in [t, -t] {
            v.extend([x, f32::from_bits(x.to_bits() + 1), f32::from_bits(x.to_bits() - 1)]);
        }
    }
    v.extend([0.0, -0.0, f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40, -1e-40, 1.0, 6.0]);
    v
}

#[wasm_bindgen_test]
fn bnb_simd_equals_the_reference() {
    let input = samples();
    // All-zero blocks (both zeros) take the zero code.
    let mut zeros = input[..6000].to_vec();
    zeros[128..256].fill(0.0);
    zeros[256..384].fill(-0.0);
    // NaN and Inf inside whole blocks (the samples' own specials sit near the end).
    zeros[1000] = f32::NAN;
    zeros[2000] = f32::INFINITY;
    // Longer than one call of the fused kernel (the dispatcher calls it per ~16K elements):
    // a NaN, an all-zero block and an Inf in later calls, and a tail.
    let mut long: Vec<f32> = input[..6000].iter().cycle().take(50_007).copied().collect();
    long[40_000] = f32::NAN;
    long[45_056..45_056 + 4096].fill(0.0);
    long[33_000] = f32::INFINITY;
    for kind in [Bnb4::Nf4, Bnb4::Fp4] {
        // Multiples of 16 run the fused whole-block kernel; 66 and the last short blocks the
        // per-chunk kernels and the scalar tail.
        for block in [16, 32, 48, 64, 66, 4096] {
            // A NaN or Inf in a block makes the whole block special; test both clean and not.
            for data in [&input[..], &input[..6000], &zeros[..], &long[..], &long[..40_000]] {
                let (mut packed, mut absmax) = (Vec::new(), Vec::new());
                bnb::quantize_4bit(kind, data, block, &mut packed, &mut absmax);
                let (codes, want_absmax, _) = bnb::quantize_4bit_reference(kind, data, block);
                let pad = kind.zero_code();
                assert_eq!(packed, pack_nibbles(&codes, NibbleOrder::HighFirst, pad), "{} block {block}", kind.id());
                let same = absmax.iter().zip(&want_absmax).all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()));
                assert!(same && absmax.len() == want_absmax.len(), "{} absmax", kind.id());
                // The kernel's NaN flag becomes the scheme's note.
                let scheme = Scheme::parse(kind.id()).unwrap();
                let options = Options { block: Some(block), ..Options::default() };
                let noted = scheme.encode(data, &options).notes.contains(&lowbit_core::quant::Remark::BnbNan);
                assert_eq!(noted, data.iter().any(|x| x.is_nan()), "{} block {block}: NaN note", kind.id());
            }
        }
    }
}

/// MXFP4 written out element by element from its definition: per block of 32, the shared
/// exponent of max |x| (0xFF for a block holding NaN or Inf, its codes 0), then the E2M1 scalar
/// rule of `x · 2^-e`, packed low nibble first; and how many `|x · 2^-e|` exceed the element's max.
fn mxfp4_reference(data: &[f32], rule: MxScaleRule) -> (Vec<u8>, Vec<u8>, usize) {
    let emax = ((E2M1.max.to_bits() >> 23) as i32) - 127;
    let (mut codes, mut scales, mut clipped) = (Vec::new(), Vec::new(), 0);
    for block in data.chunks(32) {
        if block.iter().any(|x| !x.is_finite()) {
            scales.push(0xFF);
            codes.extend(block.iter().map(|_| 0u8));
            continue;
        }
        let amax = block.iter().fold(0f32, |m, x| m.max(x.abs()));
        let e = mx::shared_exponent(amax, emax, E2M1.max as f64, rule);
        scales.push((e + 127) as u8);
        let inv = mx::pow2_f32(-e);
        codes.extend(block.iter().map(|&x| E2M1.code(x * inv)));
        clipped += block.iter().filter(|&&x| (x * inv).abs() > E2M1.max).count();
    }
    (pack_nibbles(&codes, NibbleOrder::LowFirst, 0), scales, clipped)
}

#[wasm_bindgen_test]
fn mxfp4_simd_equals_the_definition() {
    let input: Vec<f32> = samples();
    // Large values clip under the floor rule.
    let loud: Vec<f32> = input[..6000].iter().map(|x| x * 7.0).collect();
    // NaN and Inf inside whole blocks (the samples' own specials sit in the short last block).
    let mut specials = input[..6000].to_vec();
    specials[100] = f32::NAN;
    specials[200] = f32::NEG_INFINITY;
    // Longer than one call of the fused kernel, with a NaN block in a later call and a tail.
    let mut long: Vec<f32> = loud.iter().cycle().take(50_007).copied().collect();
    long[40_000] = f32::NAN;
    for rule in [MxScaleRule::Floor, MxScaleRule::Ceil] {
        // Whole blocks run the fused kernel; 6000 and 6001 leave a short last block.
        for data in [&input[..], &input[..6000], &input[..6001], &loud[..], &specials[..], &long[..]] {
            let (mut packed, mut scales) = (Vec::new(), Vec::new());
            mx::quantize_mxfp4(data, rule, &mut packed, &mut scales);
            let (want_packed, want_scales, want_clipped) = mxfp4_reference(data, rule);
            assert!(want_clipped > 0 || data != &loud[..] || rule == MxScaleRule::Ceil, "the loud input clips under the floor rule");
            assert_eq!(scales, want_scales, "{rule:?}: scales");
            assert!(packed == want_packed, "{rule:?}: codes");
            let options = Options { mx_scale: rule, ..Options::default() };
            assert_eq!(Scheme::parse("mxfp4").unwrap().encode(data, &options).clipped, want_clipped, "{rule:?}: clipped");
        }
    }
}

#[wasm_bindgen_test]
fn table_encoder_simd_equals_the_per_element_encoder() {
    use lowbit_core::fast::FastEncoder;
    use lowbit_core::{Format, Kind, OverflowPolicy, CATALOGUE};
    // A strided sweep of every f32 bit pattern, and each pattern around the table's "rest" flag.
    let mut input: Vec<f32> = (0..u32::MAX / 65_537).map(|i| f32::from_bits(i.wrapping_mul(65_537))).collect();
    input.extend((0..1u32 << 12).flat_map(|i| [i << 20, i << 20 | 1, i << 20 | 0xFFFF, i << 20 | 0x1_0000]).map(f32::from_bits));
    let mut tested = 0;
    for entry in CATALOGUE.iter().filter(|e| matches!(e.kind(), Kind::Float(f) if f.bits() <= 8)) {
        let format = Format::parse(entry.id()).unwrap();
        let Some(encoder) = FastEncoder::new(&format, format.default_rounding(), OverflowPolicy::Default) else { continue };
        // Lengths that leave a tail for the element-by-element loop.
        for len in [input.len(), input.len() - 3] {
            let mut codes = vec![0u8; len];
            encoder.encode_into_u8(&input[..len], &mut codes);
            let want: Vec<u8> = input[..len].iter().map(|&x| encoder.encode(x) as u8).collect();
            assert!(codes == want, "{}: the table encoder's codes differ", entry.id());
        }
        tested += 1;
    }
    assert!(tested >= 10, "only {tested} formats had a table encoder");
}
