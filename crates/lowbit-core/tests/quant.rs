//! Quantizers: bitsandbytes CUDA vectors, the seeds' worked examples, hand-computed cases for
//! every scheme, storage costs, and degenerate inputs.

use lowbit_core::metrics::Metrics;
use lowbit_core::quant::bnb::{self, Bnb4};
use lowbit_core::quant::mx;
use lowbit_core::quant::normal::{inverse_normal_cdf, nf4_from_quantiles, NF4_OFFSET};
use lowbit_core::quant::pack::{pack_nibbles, unpack_nibbles, NibbleOrder};
use lowbit_core::quant::{Granularity, MxScaleRule, Options, Scheme, SCHEMES};
use serde_json::Value;

fn scheme(id: &str) -> Scheme {
    Scheme::parse(id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn run(id: &str, input: &[f32], options: &Options) -> lowbit_core::quant::Quantized {
    scheme(id).quantize(input, options)
}

fn opts() -> Options {
    Options::default()
}

fn f32s(v: &Value) -> Vec<f32> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect()
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect()
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

#[test]
fn every_bitsandbytes_cuda_vector_is_bit_identical() {
    let text = include_str!("fixtures/bnb-vectors.json");
    let root: Value = serde_json::from_str(text).unwrap();
    let cases = root["cases"].as_array().unwrap();
    assert!(cases.len() >= 7);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let kind = match case["quant_type"].as_str().unwrap() {
            "nf4" => Bnb4::Nf4,
            "fp4" => Bnb4::Fp4,
            other => panic!("unknown quant_type {other}"),
        };
        let block = case["blocksize"].as_u64().unwrap() as usize;
        let input = f32s(&case["input"]);
        let packed: Vec<u8> = ints(&case["packed"]).into_iter().map(|b| b as u8).collect();
        let codes = ints(&case["codes_high_nibble_first"]);
        let absmax = f32s(&case["absmax"]);
        let dequantized = f32s(&case["dequantized"]);
        // The table bnb used (FP4 code 8 is stored as +0; its dequantization gives -0).
        let table = f32s(&case["code"]);
        for (c, (&ours, &theirs)) in kind.table().iter().zip(&table).enumerate() {
            assert!(ours == theirs, "{name}: table[{c}] {ours} vs {theirs}");
        }

        // Through the scheme API.
        let mut options = opts();
        options.block = Some(block);
        let q = run(kind.id(), &input, &options);
        assert_eq!(q.packed(), packed, "{name}: packed");
        assert_eq!(q.codes, codes, "{name}: codes");
        assert_eq!(bits(&q.scales), bits(&absmax), "{name}: absmax");
        assert_eq!(bits(&q.dequantized), bits(&dequantized), "{name}: dequantized (bitwise, -0 included)");

        // Through the hot kernels.
        let (mut p, mut a, mut d) = (Vec::new(), Vec::new(), Vec::new());
        bnb::quantize_4bit(kind, &input, block, &mut p, &mut a);
        bnb::dequantize_4bit(kind, &p, &a, block, input.len(), &mut d);
        assert_eq!(p, packed, "{name}: kernel packed");
        assert_eq!(bits(&d), bits(&dequantized), "{name}: kernel dequantized");

        // And the straightforward path.
        let (rc, ra, rd) = bnb::quantize_4bit_reference(kind, &input, block);
        assert_eq!(rc.iter().map(|&c| c as i64).collect::<Vec<_>>(), codes, "{name}: reference codes");
        assert_eq!(bits(&ra), bits(&absmax));
        assert_eq!(bits(&rd), bits(&dequantized));
    }
}

#[test]
fn seed_quantize_fp4_examples() {
    let q = run("fp4_bnb", &[1.0, 2.0, 3.0, 4.0], &opts());
    assert_eq!(q.packed(), vec![117, 35]);
    assert_eq!(q.codes, vec![0b0111, 0b0101, 0b0010, 0b0011]);
    assert_eq!(q.scales, vec![4.0]);
    assert_eq!(q.dequantized, vec![1.0, 2.0, 2.666_666_7, 4.0]);
    assert_eq!(q.block, 64);
    let q = run("fp4_bnb", &[1.0, 2.0, 3.0, 64.0], &opts());
    assert_eq!(q.dequantized, vec![0.333_333_34, 0.333_333_34, 0.333_333_34, 64.0]);
    assert_eq!(q.scales, vec![64.0]);
}

#[test]
fn bnb_trees_equal_the_branch_free_counts() {
    // Every threshold, its f32 neighbours, and a sweep of [-1.5, 1.5].
    let mut xs: Vec<f32> = Vec::new();
    for t in bnb::NF4_THRESHOLDS.iter().chain(&bnb::FP4_THRESHOLDS) {
        for s in [*t, -*t] {
            xs.extend([s, f32::from_bits(s.to_bits() + 1), f32::from_bits(s.to_bits() - 1)]);
        }
    }
    xs.extend((0..=300_000).map(|i| -1.5 + 3.0 * i as f32 / 300_000.0));
    xs.extend([0.0, -0.0, 1.0, -1.0, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MIN_POSITIVE]);
    // The kernel's NF4 literals, parsed to f32 from their decimal text (as a C compiler
    // does), are the f32 midpoints of the table except at 4 places where the decimal lies a
    // hair beyond an exact f32 tie and rounds to the next f32.
    let mid = lowbit_core::codebook::NF4.midpoints();
    let differ: Vec<usize> = (0..15).filter(|&i| mid[i] != bnb::NF4_THRESHOLDS[i]).collect();
    assert_eq!(differ, vec![0, 8, 12, 14]);
    for &i in &differ {
        assert_eq!(mid[i].to_bits().abs_diff(bnb::NF4_THRESHOLDS[i].to_bits()), 1);
    }
    for &x in &xs {
        assert_eq!(bnb::nf4_code(x), bnb::nf4_code_tree(x), "nf4 {x:e}");
        assert_eq!(bnb::fp4_code(x), bnb::fp4_code_tree(x), "fp4 {x:e}");
        if !x.is_nan() && !mid.contains(&x) && !bnb::NF4_THRESHOLDS.contains(&x) {
            assert_eq!(bnb::nf4_code(x), lowbit_core::codebook::NF4.encode_f32(x), "nf4 codebook {x:e}");
        }
        if !x.is_nan() {
            assert_eq!(bnb::fp4_code(x), lowbit_core::codebook::FP4_BNB.encode_f32(x), "fp4 codebook {x:e}");
        }
    }
    // The tie rule: exactly at a threshold, the lower code; at the exact f32 midpoints 0, 12
    // and 14 (which lie one ulp above the kernel's threshold), the upper code.
    assert_eq!(bnb::nf4_code(bnb::NF4_THRESHOLDS[7]), 7);
    assert_eq!(bnb::fp4_code(bnb::FP4_THRESHOLDS[4]), 0b100);
    assert_eq!(bnb::nf4_code(mid[0]), 1);
    assert_eq!(bnb::nf4_code(mid[8]), 8);
    assert_eq!(bnb::nf4_code(mid[12]), 13);
    assert_eq!(bnb::nf4_code(mid[14]), 15);
}

fn lcg(seed: u64) -> impl FnMut() -> f32 {
    let mut s = seed;
    move || {
        s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 8.0
    }
}

#[test]
fn bnb_hot_kernels_match_the_reference_path() {
    let mut next = lcg(7);
    for &block in &[32usize, 64, 128, 256, 4096] {
        for &n in &[0usize, 1, 2, 3, 31, 33, 64, 65, 1000, 5001] {
            let mut input: Vec<f32> = (0..n).map(|_| next()).collect();
            if n > 40 {
                input[5] = f32::NAN;
                input[7] = -0.0;
                for x in input.iter_mut().skip(block.min(n)).take(block) {
                    *x = 0.0; // an all-zero block
                }
            }
            for kind in [Bnb4::Nf4, Bnb4::Fp4] {
                let (mut p, mut a, mut d) = (Vec::new(), Vec::new(), Vec::new());
                bnb::quantize_4bit(kind, &input, block, &mut p, &mut a);
                bnb::dequantize_4bit(kind, &p, &a, block, n, &mut d);
                let (rc, ra, rd) = bnb::quantize_4bit_reference(kind, &input, block);
                let mut pad = 0;
                if n % 2 == 1 {
                    pad = kind.zero_code();
                }
                assert_eq!(p, pack_nibbles(&rc, NibbleOrder::HighFirst, pad), "{kind:?} b{block} n{n}");
                assert_eq!(bits(&a), bits(&ra));
                assert_eq!(bits(&d), bits(&rd));
            }
        }
    }
}

#[test]
fn all_zero_block_gives_zeros_not_nan() {
    for id in ["nf4", "fp4_bnb"] {
        let q = run(id, &[0.0; 70], &opts());
        assert!(q.dequantized.iter().all(|&v| v == 0.0 && !v.is_nan()), "{id}");
        assert_eq!(q.scales, vec![0.0, 0.0]);
        let zero = if id == "nf4" { 7 } else { 0 };
        assert!(q.codes.iter().all(|&c| c == zero));
    }
}

#[test]
fn seed_002_int4_absmax_example_is_corrected() {
    let mut options = opts();
    options.trace = true;
    let q = run("int4_absmax", &[-0.5, 0.3, 1.2, -2.1], &options);
    assert_eq!(q.codes, vec![-2, 1, 4, -7], "the article's -1 at -0.5 is wrong: -0.5 / 0.3 = -1.67 rounds to -2");
    assert_eq!(q.scales, vec![2.1f32 / 7.0]);
    let t = &q.trace[0];
    assert_eq!(t.absmax, 2.1f32 as f64);
    assert!((t.scaled - -5.0 / 3.0).abs() < 1e-6);
    assert_eq!((t.rounded, t.clamped, t.code), (-2.0, -2.0, -2));
    assert!((t.dequantized - -0.6).abs() < 1e-6);
    assert!((t.error - -0.1).abs() < 1e-6);
    assert_eq!(q.trace.len(), 4);
    // INT8 per tensor: scale = 2.1/127.
    let q = run("int8_absmax", &[-0.5, 0.3, 1.2, -2.1], &opts());
    assert_eq!(q.codes, vec![-30, 18, 73, -127]);
    // Packed low nibble first, two's complement: -2 = 0xE, 1 = 0x1, 4 = 0x4, -7 = 0x9.
    let q = run("int4_absmax", &[-0.5, 0.3, 1.2, -2.1], &opts());
    assert_eq!(q.packed(), vec![0x1E, 0x94]);
}

#[test]
fn int_granularities() {
    let input = [1.0f32, -2.0, 4.0, 0.5, 8.0, -1.0];
    let mut options = opts();
    options.granularity = Some(Granularity::Tensor);
    let q = run("int8_absmax", &input, &options);
    assert_eq!(q.scales.len(), 1);
    assert_eq!(q.block, 6);
    options.granularity = Some(Granularity::Row);
    options.row_len = Some(3);
    let q = run("int8_absmax", &input, &options);
    assert_eq!(q.scales, vec![4.0 / 127.0, 8.0 / 127.0]);
    assert_eq!(q.codes, vec![32, -64, 127, 8, 127, -16]);
    options.granularity = Some(Granularity::Block);
    options.row_len = None;
    options.block = Some(2);
    let q = run("int8_absmax", &input, &options);
    assert_eq!(q.scales.len(), 3);
    // An explicit --block without --granularity means blocks.
    let mut o = opts();
    o.block = Some(4);
    assert_eq!(run("int4_absmax", &input, &o).scales.len(), 2);
}

#[test]
fn zero_point_and_mean_std() {
    let q = run("int8_zeropoint", &[0.0, 1.0, 2.0, 3.0], &opts());
    assert_eq!(q.zero_points, vec![-128]);
    assert_eq!(q.codes, vec![-128, -43, 42, 127]);
    assert_eq!(q.scales, vec![3.0f32 / 255.0]);
    for (x, d) in [0.0f32, 1.0, 2.0, 3.0].iter().zip(&q.dequantized) {
        assert!((x - d).abs() <= 3.0 / 255.0 / 2.0 + 1e-6);
    }
    // Asymmetric range: min -1, max 3 on int4 → scale 4/15, zp = round(-8 + 3.75) = -4.
    let q = run("int4_zeropoint", &[-1.0, 0.0, 3.0], &opts());
    assert_eq!(q.zero_points, vec![-4]);
    assert_eq!(q.codes, vec![-8, -4, 7]);
    assert_eq!(q.dequantized[1], 0.0, "zero is exact under a zero point");
    // A constant group.
    let q = run("int8_zeropoint", &[2.5, 2.5], &opts());
    assert_eq!(q.dequantized, vec![2.5, 2.5]);

    // Mean-std: one outlier; k = 1 clips it.
    let mut input = vec![0.1f32; 63];
    input.push(10.0);
    let mut options = opts();
    options.k = 1.0;
    let q = run("int8_meanstd", &input, &options);
    let mean = input.iter().map(|&x| x as f64).sum::<f64>() / 64.0;
    let std = (input.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / 64.0).sqrt();
    let threshold = (mean.abs() + std) as f32;
    assert_eq!(q.scales, vec![threshold / 127.0]);
    assert_eq!(q.codes[63], 127);
    assert_eq!(q.clipped, 1);
    // Default k = 3 reaches past the absmax here → capped at absmax (no clipping).
    let q = run("int8_meanstd", &[1.0, -1.0, 0.5, -0.5], &opts());
    assert_eq!(q.scales, vec![1.0 / 127.0]);
    assert_eq!(q.clipped, 0);
}

#[test]
fn mx_floor_rule_clips_and_ceil_does_not() {
    let mut input = vec![0.0f32; 32];
    input[0] = 7.9;
    input[1] = 1.0;
    input[2] = -0.3;
    let q = run("mxfp4", &input, &opts());
    assert_eq!(q.scales, vec![1.0]);
    assert_eq!(q.scale_codes, vec![127]);
    assert_eq!(q.dequantized[0], 6.0, "7.9 clips to 6 under the floor rule");
    assert_eq!(q.codes[0], 7);
    assert_eq!(q.dequantized[2], -0.5);
    assert_eq!(q.clipped, 1);
    assert!(q.notes.iter().any(|n| n.contains("clips")));
    assert_eq!(q.packed()[0], 0x27); // 7 (low, first) | 2 (high, second)

    let mut options = opts();
    options.mx_scale = MxScaleRule::Ceil;
    let q = run("mxfp4", &input, &options);
    assert_eq!(q.scales, vec![2.0]);
    assert_eq!(q.dequantized[0], 8.0, "7.9 / 2 = 3.95 -> 4 -> 8");
    assert_eq!(q.clipped, 0);

    // The fast kernel agrees.
    let (mut p, mut s, mut d) = (Vec::new(), Vec::new(), Vec::new());
    mx::quantize_mxfp4(&input, MxScaleRule::Floor, &mut p, &mut s);
    mx::dequantize_mxfp4(&p, &s, input.len(), &mut d);
    assert_eq!(s, vec![127]);
    assert_eq!(d[0], 6.0);

    // MXFP8 E4M3: amax 500 → e = 8 - 8 = 0 → 500 saturates to 448; emax derived.
    let mut input = vec![1.0f32; 32];
    input[3] = 500.0;
    let q = run("mxfp8_e4m3", &input, &opts());
    assert_eq!(q.scales, vec![1.0]);
    assert_eq!(q.dequantized[3], 448.0);
    // MXINT8: amax 1.0 → e = 0; 1/3 → round(21.33) / 64 = 21/64.
    let mut input = vec![0.0f32; 32];
    input[0] = 1.0;
    input[1] = 1.0 / 3.0;
    let q = run("mxint8", &input, &opts());
    assert_eq!(q.scales, vec![1.0]);
    assert_eq!(q.codes[1], 21);
    assert_eq!(q.dequantized[1], 21.0 / 64.0);
    // MXFP6 E3M2 (emax 4): amax 100 → e = 6 - 4 = 2, 100 / 4 = 25 → 24 → 96.
    let mut input = vec![0.0f32; 32];
    input[0] = 100.0;
    let q = run("mxfp6_e3m2", &input, &opts());
    assert_eq!(q.scales, vec![4.0]);
    assert_eq!(q.dequantized[0], 96.0);
}

#[test]
fn mx_nan_blocks_and_zero_blocks() {
    let mut input = vec![1.0f32; 64];
    input[40] = f32::NAN;
    let q = run("mxfp8_e5m2", &input, &opts());
    assert_eq!(q.scale_codes[1], 0xFF);
    assert!(q.dequantized[32..].iter().all(|v| v.is_nan()));
    assert!(q.dequantized[..32].iter().all(|&v| v == 1.0));
    let q = run("mxfp4", &[0.0; 40], &opts());
    assert!(q.dequantized.iter().all(|&v| v == 0.0));
    assert_eq!(q.scale_codes, vec![0, 0]);
}

#[test]
fn nvfp4_two_level_scales() {
    // Block 0: amax 12 (the tensor amax); block 1: amax 1.5; block 2: amax 1.0.
    let mut input = vec![0.0f32; 48];
    input[0] = 12.0;
    input[1] = -3.0;
    input[16] = 1.5;
    input[17] = 0.3;
    input[32] = 1.0;
    input[33] = 0.5;
    let q = run("nvfp4", &input, &opts());
    let p = 12.0f32 / 2688.0;
    assert_eq!(q.tensor_scale, Some(p));
    // Block scales: 2 / p = 448 (0x7E); 0.25 / p = 56 (0x66); (1/6) / p = 37.33 -> 36 (0x61).
    assert_eq!(q.scales, vec![448.0, 56.0, 36.0]);
    assert_eq!(q.scale_codes, vec![0x7E, 0x66, 0x61]);
    assert_eq!(q.codes[0], 7); // 12 -> 6
    assert_eq!(q.codes[1], 8 | 3); // -3 * (1/p)/448 = -1.5 -> E2M1 code 0xB
    assert!((q.dequantized[0] - 12.0).abs() < 1e-5);
    assert!((q.dequantized[16] - 1.5).abs() < 1e-6);
    // 0.3 in block 1: 0.3 * 4 = 1.2 -> 1.0 -> 0.25.
    assert!((q.dequantized[17] - 0.25).abs() < 1e-6);
    // Block 2: the E4M3 rounding of the block scale (37.33 -> 36) makes 1.0 scale to 6.22,
    // which clamps to 6: dequantized 6 * 36 * p = 0.964.
    assert!((q.dequantized[32] - 6.0 * 36.0 * p).abs() < 1e-7);
    assert_eq!(q.clipped, 1);
    assert_eq!(q.bits_per_element, 4.5);
    assert_eq!(q.tensor_bits, 32);
    // Single level (p = 1): block 0 scale e4m3(2) = 2.
    let mut options = opts();
    options.nvfp4_tensor_scale = false;
    let q = run("nvfp4", &input, &options);
    assert_eq!(q.tensor_scale, None);
    assert_eq!(q.scales[0], 2.0);
    assert_eq!(q.dequantized[0], 12.0);
}

#[test]
fn llm_int8_rowwise_with_outlier_column() {
    let input = [1.0f32, 2.0, 8.0, 0.5, -1.0, 3.0];
    let mut options = opts();
    options.row_len = Some(3);
    let q = run("int8_rowwise", &input, &options);
    assert_eq!(q.outlier_columns, vec![2]);
    // The row absmax skips values >= 6 only (the kernel), not whole outlier columns.
    assert_eq!(q.scales, vec![2.0, 3.0]);
    assert_eq!(q.codes, vec![64, 127, 0, 21, -42, 0]);
    assert_eq!(q.dequantized[2], 8.0);
    assert_eq!(q.dequantized[5], 3.0);
    assert!(q.notes.iter().any(|n| n.contains("threshold 6")));
    // Without the decomposition the outlier sets the scale.
    options.outlier_threshold = 0.0;
    let q = run("int8_rowwise", &input, &options);
    assert!(q.outlier_columns.is_empty());
    assert_eq!(q.codes[2], 127);
    assert_eq!(q.bits_per_element, 8.0 + 32.0 / 3.0);
}

#[test]
fn bitnet_ternary_and_binary() {
    let w = [0.5f32, -1.2, 0.05, 2.0];
    let q = run("ternary", &w, &opts());
    let gamma = 0.9375f32;
    assert_eq!(q.scales, vec![gamma]);
    assert_eq!(q.codes, vec![1, -1, 0, 1]);
    assert_eq!(q.dequantized, vec![gamma, -gamma, 0.0, gamma]);
    let q = run("binary", &[0.5, -1.2, 0.0, 2.0], &opts());
    assert_eq!(q.codes, vec![1, -1, 1, 1]);
    assert_eq!(q.dequantized, vec![0.925, -0.925, 0.925, 0.925]);
    assert_eq!(q.bits_per_element, 1.0);
    let q = run("ternary", &[0.0; 8], &opts());
    assert_eq!(q.dequantized, vec![0.0; 8]);
}

#[test]
fn casts_and_absmax_casts() {
    let q = run("cast:float8_e4m3fn", &[465.0, 464.0, 1e-9, -0.0, 7.75], &opts());
    assert!(q.dequantized[0].is_nan(), "e4m3fn does not saturate: 465 -> NaN");
    assert_eq!(&q.dequantized[1..], &[448.0, 0.0, -0.0, 8.0]);
    assert_eq!(q.codes[1], 0x7E);
    assert_eq!(q.clipped, 1);
    let q = run("cast:int4", &[9.0, -3.5, 2.5], &opts());
    assert_eq!(q.codes, vec![7, -4, 2]);
    let q = run("cast:fp4", &[0.25, 0.75, 5.0, 100.0], &opts());
    assert_eq!(q.dequantized, vec![0.0, 1.0, 4.0, 6.0]);
    assert_eq!(q.packed(), vec![0x20, 0x76]);
    // absmax maps the absmax onto 448.
    let q = run("absmax:float8_e4m3fn", &[1.0, -2.0, 0.5], &opts());
    assert_eq!(q.scales, vec![2.0 / 448.0]);
    assert_eq!(q.codes[1], 0xFE);
    assert_eq!(q.dequantized, vec![1.0, -2.0, 0.5]);
    assert_eq!(q.bits_per_element, 8.0);
    assert_eq!(q.tensor_bits, 32);
    assert_eq!(scheme("absmax:bf16").id, "absmax:bfloat16");
}

#[test]
fn storage_costs() {
    let o = opts();
    let rate = |id: &str, o: &Options| scheme(id).storage(&[4096, 4096], o).bits_per_element;
    assert_eq!(rate("nf4", &o), 4.5);
    assert_eq!(rate("fp4_bnb", &o), 4.5);
    let mut dq = opts();
    dq.double_quant = true;
    let r = rate("nf4", &dq);
    assert_eq!(r, 4.0 + 8.0 / 64.0 + 32.0 / (64.0 * 256.0));
    assert!((r - 4.127).abs() < 5e-4);
    assert_eq!(rate("mxfp4", &o), 4.25);
    assert_eq!(rate("mxfp6_e2m3", &o), 6.25);
    assert_eq!(rate("mxfp8_e4m3", &o), 8.25);
    assert_eq!(rate("mxint8", &o), 8.25);
    assert_eq!(rate("nvfp4", &o), 4.5);
    assert_eq!(rate("int8_absmax", &o), 8.5);
    assert_eq!(rate("int4_zeropoint", &o), 5.0);
    let s = scheme("nvfp4").storage(&[4096, 4096], &o);
    assert_eq!(s.tensor_bits, 32);
    assert_eq!(s.bytes, 4096 * 4096 * 9 / 16 + 4);
    let s = scheme("nf4").storage(&[100], &o);
    assert_eq!(s.total_bits, 100 * 4 + 2 * 32);
    assert_eq!(s.bytes, 58);
    let s = scheme("nf4").storage(&[4096, 4096], &dq);
    let blocks = 4096u64 * 4096 / 64;
    assert_eq!(s.total_bits, 4096 * 4096 * 4 + blocks * 8 + blocks.div_ceil(256) * 32 + 32);
    // Through quantize, the record carries the same rate.
    assert_eq!(run("nf4", &[1.0; 10], &dq).bits_per_element, r);
    let q = run("nf4", &[1.0; 10], &dq);
    let state = q.double_quant.unwrap();
    assert!((state.bits_saved_per_element - (0.5 - 8.0 / 64.0 - 32.0 / (64.0 * 256.0))).abs() < 1e-12);
}

#[test]
fn double_quantization_restores_absmax_closely() {
    let mut next = lcg(3);
    let input: Vec<f32> = (0..64 * 600).map(|_| next()).collect();
    let mut o = opts();
    o.double_quant = true;
    let q = run("nf4", &input, &o);
    let state = q.double_quant.as_ref().unwrap();
    assert_eq!(state.codes.len(), 600);
    assert_eq!(state.absmax.len(), 3);
    for (restored, exact) in q.scales.iter().zip(&state.exact_scales) {
        assert!((restored - exact).abs() <= 0.02 * exact, "{restored} vs {exact}");
    }
    // Codes are the same as without double quantization; only the scales differ.
    let plain = run("nf4", &input, &opts());
    assert_eq!(plain.codes, q.codes);
    // One block: absmax - mean = 0 restores exactly.
    let q = run("fp4_bnb", &[1.0, 2.0, 3.0, 4.0], &o);
    assert_eq!(q.scales, vec![4.0]);
    assert_eq!(q.dequantized, vec![1.0, 2.0, 2.666_666_7, 4.0]);
    let map = bnb::dynamic_map();
    assert_eq!(map[127], 0.0);
    assert_eq!(map[255], 1.0);
    assert!(map.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(bnb::dquantize(&map, 0.0), 127);
    assert_eq!(bnb::dquantize(&map, 1.0), 255);
    assert_eq!(bnb::dquantize(&map, -1.0), 0);
}

#[test]
fn nf4_table_rebuilt_from_normal_quantiles() {
    let rebuilt = nf4_from_quantiles(NF4_OFFSET);
    for (i, (a, b)) in rebuilt.iter().zip(lowbit_core::codebook::NF4_VALUES.iter()).enumerate() {
        assert!((a - b).abs() <= 1e-6, "NF4[{i}]: {a} vs {b}");
        // In fact bit for bit: same f32 linspace, ppf rounded to f32, f32 division by the max.
        assert_eq!(a.to_bits(), b.to_bits(), "NF4[{i}]");
    }
    // Φ⁻¹ against Python's statistics.NormalDist().inv_cdf (Wichura AS241).
    for (p, x) in [(0.975, 1.959_963_984_540_053_6), (1e-10, -6.361_340_902_404_056), (0.967_708_3, 1.848_130_959_757_373), (0.5, 0.0)] {
        assert!((inverse_normal_cdf(p) - x).abs() <= 1e-13 * x.abs().max(1.0), "ppf({p})");
    }
    assert!(inverse_normal_cdf(0.0).is_infinite() && inverse_normal_cdf(f64::NAN).is_nan());
}

#[test]
fn registry_and_option_checks() {
    for info in SCHEMES.iter().filter(|s| !s.parametric) {
        let s = scheme(info.id);
        assert_eq!(s.id, info.id);
        assert!(s.check(&opts()).is_ok(), "{}", info.id);
        if let Some(b) = info.default_block {
            assert!(info.allowed_blocks.allows(b), "{}", info.id);
        }
    }
    let err = Scheme::parse("nf5").unwrap_err();
    assert!(err.contains("valid:") && err.contains("mxfp4"));
    let err = Scheme::parse("cast:float9").unwrap_err();
    assert!(err.contains("unknown format"));
    let mut o = opts();
    o.block = Some(64);
    let err = scheme("mxfp4").check(&o).unwrap_err();
    assert!(err.contains("32"), "{err}");
    let err = scheme("nvfp4").check(&o).unwrap_err();
    assert!(err.contains("16"), "{err}");
    o.block = Some(100);
    assert!(scheme("nf4").check(&o).is_err());
    o.block = Some(32);
    assert!(scheme("nf4").check(&o).is_ok());
    let mut o = opts();
    o.granularity = Some(Granularity::Row);
    assert!(scheme("nf4").check(&o).is_err());
    // quantize never fails: a refused block falls back to the default with a note.
    let mut o = opts();
    o.block = Some(64);
    let q = run("mxfp4", &[1.0; 40], &o);
    assert_eq!(q.block, 32);
    assert!(q.notes.iter().any(|n| n.contains("defaults")));
}

#[test]
fn degenerate_inputs_never_panic() {
    let nasty: Vec<Vec<f32>> = vec![
        vec![],
        vec![0.0],
        vec![-0.0; 5],
        vec![f32::NAN; 3],
        vec![f32::INFINITY, 1.0, f32::NEG_INFINITY],
        vec![f32::MAX, -f32::MAX, f32::MIN_POSITIVE],
        vec![1e-45, -1e-45, 0.0],
        vec![f32::NAN, 0.5, -0.25, f32::INFINITY, 0.0],
    ];
    let mut ids: Vec<String> = SCHEMES.iter().filter(|s| !s.parametric).map(|s| s.id.to_string()).collect();
    ids.extend(["cast:float8_e4m3fn", "cast:nf4", "cast:int8", "cast:float8_e8m0fnu", "absmax:float4_e2m1fn", "absmax:int4", "absmax:e5m7b10_fn", "cast:float64"].map(String::from));
    for id in &ids {
        for input in &nasty {
            for trace in [false, true] {
                let mut o = opts();
                o.trace = trace;
                o.double_quant = id == "nf4";
                let q = run(id, input, &o);
                assert_eq!(q.codes.len(), input.len(), "{id} {input:?}");
                assert_eq!(q.dequantized.len(), input.len(), "{id} {input:?}");
                if trace {
                    assert_eq!(q.trace.len(), input.len(), "{id}");
                }
                let _ = Metrics::compare(input, &q.dequantized);
                if input.iter().all(|&x| x == 0.0) && !input.is_empty() && id != "cast:float8_e8m0fnu" {
                    assert!(q.dequantized.iter().all(|&v| v == 0.0), "{id}: zeros must stay zeros, got {:?}", q.dequantized);
                }
            }
        }
        let q = run(id, &[], &opts());
        assert_eq!(q.storage_bytes, 0, "{id}");
    }
}

#[test]
fn nibble_orders() {
    let codes = [1u8, 2, 3, 4, 5];
    assert_eq!(pack_nibbles(&codes, NibbleOrder::HighFirst, 0), vec![0x12, 0x34, 0x50]);
    assert_eq!(pack_nibbles(&codes, NibbleOrder::LowFirst, 0), vec![0x21, 0x43, 0x05]);
    for order in [NibbleOrder::HighFirst, NibbleOrder::LowFirst] {
        assert_eq!(unpack_nibbles(&pack_nibbles(&codes, order, 0), 5, order), codes);
    }
}

#[test]
fn sine_wave_metrics_rank_the_schemes() {
    let sine: Vec<f32> = (0..256).map(|k| ((k as f64) * 4.0 * std::f64::consts::PI / 256.0).sin() as f32).collect();
    let sqnr = |id: &str| Metrics::compare(&sine, &run(id, &sine, &opts()).dequantized).sqnr_db;
    assert!(sqnr("int8_absmax") > sqnr("mxfp8_e4m3") - 20.0);
    assert!(sqnr("int8_absmax") > sqnr("nf4"));
    assert!(sqnr("nf4") > sqnr("ternary"));
    assert!(sqnr("cast:bfloat16") > 40.0);
}
