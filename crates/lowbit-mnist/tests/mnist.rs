//! The MNIST lab natively: the data file and its loader, the seeded split, deterministic
//! training, every quantized forward pass against its plain-f32 reference, LLM.int8()'s
//! integer arithmetic, safetensors round trips, loader errors, sizes as the seed counts them.

use std::sync::OnceLock;

use lowbit_mnist::data::{normalize_table, PIXELS};
use lowbit_mnist::model::{linear_f32, LAYERS};
use lowbit_mnist::schemes::{
    fp32_predictions, quantize_activations_bnb, reference_forward, Kernel, QuantizedLayer, MM_DEQUANT_CONST,
};
use lowbit_mnist::{
    default_split, evaluate, train, Dataset, LayerSchemes, Mlp, MnistScheme, QuantizedMlp, Split, TrainConfig,
    Trainer, ALL_SCHEMES,
};

const DATA: &[u8] = include_bytes!("../data/mnist-10k.safetensors");
const WEIGHTS: &[u8] = include_bytes!("../data/seed0-fp32.safetensors");

fn data() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| Dataset::from_safetensors(DATA).expect("the committed data file loads"))
}

fn split() -> &'static (Dataset, Dataset) {
    static S: OnceLock<(Dataset, Dataset)> = OnceLock::new();
    S.get_or_init(|| default_split(data()))
}

fn weights() -> Mlp {
    Mlp::from_safetensors(WEIGHTS).expect("the committed weights load")
}

#[test]
fn data_file_holds_the_package_digits_in_file_order() {
    let d = data();
    assert_eq!(d.len(), 10_000);
    assert_eq!(d.images.len(), 10_000 * PIXELS);
    let counts: Vec<usize> = (0..10u8).map(|c| d.labels.iter().filter(|&&l| l == c).count()).collect();
    assert_eq!(counts, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // File order: all 0s, then all 1s, ...
    assert!(d.labels.windows(2).all(|w| w[0] <= w[1]));
    // Digits are drawn in white on black: the border is background, the centre is not.
    let ink: u32 = d.images.iter().map(|&p| p as u32).sum();
    let mean = ink as f64 / d.images.len() as f64 / 255.0;
    assert!((0.10..0.16).contains(&mean), "mean pixel {mean} (MNIST's is 0.1307)");
}

#[test]
fn split_is_seeded_disjoint_and_complete() {
    let s = Split::seeded(10_000, 2_000, 0);
    assert_eq!((s.train.len(), s.test.len()), (8_000, 2_000));
    let mut all: Vec<usize> = s.train.iter().chain(&s.test).copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..10_000).collect::<Vec<_>>());
    assert_eq!(s, Split::seeded(10_000, 2_000, 0));
    assert_ne!(s, Split::seeded(10_000, 2_000, 1));
    let (train, test) = split();
    assert_eq!((train.len(), test.len()), (8_000, 2_000));
    assert_eq!(test.image(0), data().image(s.test[0]));
    // Every digit is in both halves.
    for c in 0..10u8 {
        assert!(test.labels.iter().filter(|&&l| l == c).count() > 100);
    }
}

#[test]
fn normalization_is_the_seeds() {
    let t = normalize_table();
    assert_eq!(t[0], (0.0f32 - 0.1307) / 0.3081);
    assert_eq!(t[255], (1.0f32 - 0.1307) / 0.3081);
    assert!((t[0] + 0.424_212_9).abs() < 1e-6);
}

fn view(dtype: safetensors::Dtype, shape: Vec<usize>, data: &[u8]) -> safetensors::tensor::TensorView<'_> {
    safetensors::tensor::TensorView::new(dtype, shape, data).unwrap()
}

#[test]
fn data_round_trip_and_loader_errors() {
    let small = data().subset(&[0, 5000, 9999]);
    let bytes = small.to_safetensors().unwrap();
    assert_eq!(Dataset::from_safetensors(&bytes).unwrap(), small);

    let err = |b: &[u8]| Dataset::from_safetensors(b).unwrap_err().to_string();
    // Truncated anywhere: in the length, in the header, in the data.
    assert!(err(&bytes[..5]).contains("truncated"), "{}", err(&bytes[..5]));
    for cut in [20, 100, bytes.len() - 1] {
        let e = err(&bytes[..cut]);
        assert!(e.starts_with("data file: not a valid safetensors file"), "{e}");
    }
    assert!(err(&bytes[..bytes.len() - 1]).contains("truncated"));
    assert!(err(b"hello world, not safetensors").contains("not a valid safetensors file"));

    use safetensors::Dtype::{F32, U8};
    let f32_images = vec![0u8; 3 * PIXELS * 4];
    let b = safetensors::serialize(
        [("images", view(F32, vec![3, PIXELS], &f32_images)), ("labels", view(U8, vec![3], &[1, 2, 3]))],
        None,
    )
    .unwrap();
    assert!(err(&b).contains("'images' has dtype F32, expected U8"), "{}", err(&b));
    let imgs = vec![0u8; 3 * PIXELS];
    let b = safetensors::serialize([("images", view(U8, vec![3, PIXELS], &imgs))], None).unwrap();
    assert!(err(&b).contains("missing tensor 'labels'"), "{}", err(&b));
    let b = safetensors::serialize(
        [("images", view(U8, vec![3 * 28, 28], &imgs)), ("labels", view(U8, vec![3], &[1, 2, 3]))],
        None,
    )
    .unwrap();
    assert!(err(&b).contains("'images' has shape [84, 28], expected [N, 784]"), "{}", err(&b));
    let b = safetensors::serialize(
        [("images", view(U8, vec![3, PIXELS], &imgs)), ("labels", view(U8, vec![2], &[1, 2]))],
        None,
    )
    .unwrap();
    assert!(err(&b).contains("'labels' has 2 entries but 'images' has 3 digits"), "{}", err(&b));
    let b = safetensors::serialize(
        [("images", view(U8, vec![3, PIXELS], &imgs)), ("labels", view(U8, vec![3], &[1, 12, 3]))],
        None,
    )
    .unwrap();
    assert!(err(&b).contains("label 12 at index 1"), "{}", err(&b));
}

#[test]
fn weights_round_trip_and_loader_errors() {
    let m = Mlp::init(3);
    assert_eq!(m.parameters(), 109_386);
    let bytes = m.to_safetensors().unwrap();
    assert_eq!(Mlp::from_safetensors(&bytes).unwrap(), m);

    let err = |b: &[u8]| Mlp::from_safetensors(b).unwrap_err().to_string();
    assert!(err(&bytes[..bytes.len() / 2]).contains("weights file: not a valid safetensors file"));

    // Rename one key, give another the wrong shape and a third the wrong dtype.
    let file = safetensors::SafeTensors::deserialize(&bytes).unwrap();
    let mut tensors: Vec<(String, safetensors::tensor::TensorView)> = Vec::new();
    let f16_bias = vec![0u8; 64 * 2];
    for (name, view) in file.tensors() {
        match name.as_str() {
            "model.4.weight" => tensors.push(("model.4.kernel".into(), view)),
            "model.0.bias" => tensors.push((
                name,
                safetensors::tensor::TensorView::new(safetensors::Dtype::F32, vec![2, 64], view.data()).unwrap(),
            )),
            "model.2.bias" => tensors.push((
                name,
                safetensors::tensor::TensorView::new(safetensors::Dtype::F16, vec![64], &f16_bias).unwrap(),
            )),
            _ => tensors.push((name, view)),
        }
    }
    let bad = safetensors::serialize(tensors, None).unwrap();
    let e = err(&bad);
    for part in [
        "missing key 'model.4.weight' (F32 [10, 64])",
        "'model.0.bias' has shape [2, 64], expected [128]",
        "'model.2.bias' has dtype F16, expected F32",
        "unexpected key(s) 'model.4.kernel'",
    ] {
        assert!(e.contains(part), "{e} lacks {part}");
    }
}

#[test]
fn init_is_pytorch_default_and_deterministic() {
    let m = Mlp::init(0);
    assert_eq!(m, Mlp::init(0));
    assert_ne!(m, Mlp::init(1));
    for layer in &m.layers {
        let bound = 1.0 / (layer.inputs as f32).sqrt();
        assert!(layer.weight.iter().chain(&layer.bias).all(|w| w.abs() <= bound));
        // Uniform on [-b, b]: mean |w| is b / 2.
        let mean_abs = layer.weight.iter().map(|w| w.abs() as f64).sum::<f64>() / layer.weight.len() as f64;
        assert!((mean_abs / bound as f64 - 0.5).abs() < 0.05, "{mean_abs} vs {bound}");
    }
}

fn small_config() -> TrainConfig {
    TrainConfig { epochs: 1, ..TrainConfig::default() }
}

#[test]
fn training_is_deterministic_and_learns() {
    let (train_set, test) = split();
    let sub = train_set.subset(&(0..2000).collect::<Vec<_>>());
    // One epoch on 2,000 digits (lr 0.05: the seed's 0.01 needs more steps).
    let config = TrainConfig { lr: 0.05, ..small_config() };
    let a = train(&config, None, &sub, test).unwrap();
    let b = train(&config, None, &sub, test).unwrap();
    assert_eq!(a.model, b.model);
    assert_eq!(a.epochs, b.epochs);
    let c = train(&TrainConfig { seed: 1, ..config.clone() }, None, &sub, test).unwrap();
    assert_ne!(a.model, c.model);
    assert!(a.accuracy > 60.0 && a.accuracy < 95.0, "{}", a.accuracy);
    assert!(a.epochs[0].loss < 2.3, "{:?}", a.epochs);
}

#[test]
fn trainer_steps_by_batch_and_reshuffles() {
    let (train_set, _) = split();
    let sub = train_set.subset(&(0..200).collect::<Vec<_>>());
    let mut t = Trainer::new(TrainConfig { epochs: 2, ..TrainConfig::default() }, None, &sub).unwrap();
    assert_eq!(t.batches_per_epoch(), 4); // 64 + 64 + 64 + 8
    let mut ends = 0;
    let mut steps = 0;
    while let Some((loss, end)) = t.step() {
        assert!(loss.is_finite());
        steps += 1;
        ends += end.is_some() as usize;
    }
    assert_eq!((steps, ends, t.epochs_done()), (8, 2, 2));
    assert!(t.finished());
    assert!(Trainer::new(TrainConfig { lr: -1.0, ..TrainConfig::default() }, None, &sub).is_err());
    let bad = TrainConfig { qat: Some(LayerSchemes::uniform(MnistScheme::Mxfp4)), ..TrainConfig::default() };
    assert!(bad.validate().unwrap_err().contains("--qat does not train 'mxfp4'"));
}

/// The committed default weights reproduce: the seed's recipe, seed 0, on the 8,000 digits.
#[test]
fn committed_weights_are_seed_0_and_score_about_90() {
    let (train_set, test) = split();
    let result = train(&TrainConfig::default(), None, train_set, test).unwrap();
    assert_eq!(result.model, weights(), "the committed weights are the seed-0 training run");
    assert!((88.0..93.0).contains(&result.accuracy), "{}", result.accuracy);
    assert_eq!(result.epochs.len(), 4);
    assert!(result.epochs.windows(2).all(|w| w[1].loss < w[0].loss));
}

fn test_inputs(n: usize) -> (Vec<f32>, Vec<u8>) {
    let (_, test) = split();
    let sub = test.subset(&(0..n).collect::<Vec<_>>());
    (sub.normalized(), sub.labels)
}

/// Inputs of each layer of the f32 model (after ReLU), to feed every layer realistic values.
fn layer_inputs(m: &Mlp, x: &[f32]) -> Vec<Vec<f32>> {
    let mut out = vec![x.to_vec()];
    for layer in &m.layers[..LAYERS - 1] {
        let mut y = Vec::new();
        linear_f32(out.last().unwrap(), &layer.weight, &layer.bias, layer.inputs, &mut y);
        y.iter_mut().for_each(|v| *v = v.max(0.0));
        out.push(y);
    }
    out
}

#[test]
fn every_kernel_equals_its_dequantized_f32_reference() {
    let m = weights();
    let (x, _) = test_inputs(100);
    let inputs = layer_inputs(&m, &x);
    for scheme in ALL_SCHEMES {
        for (l, layer) in m.layers.iter().enumerate() {
            let q = QuantizedLayer::new(layer, scheme);
            let (mut got, mut want) = (Vec::new(), Vec::new());
            q.forward(&inputs[l], &mut got);
            reference_forward(&q, &inputs[l], &mut want);
            assert_eq!(got.len(), want.len());
            match q.kernel {
                // The weight-only schemes ARE the reference: the same f32 product.
                Kernel::Dense => assert_eq!(got, want, "{} layer {l}", scheme.id()),
                _ => {
                    // Adds then one scale multiply (or integer sums, or f16 output rounding):
                    // the same value up to f32 / f16 rounding.
                    let tolerance = if scheme == MnistScheme::Int8Rowwise { 2e-3 } else { 2e-5 };
                    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
                        let scale = 1.0 + w.abs();
                        assert!((g - w).abs() <= tolerance * scale * 4.0, "{} layer {l} [{i}]: {g} vs {w}", scheme.id());
                    }
                }
            }
            // The dequantized weights come from lowbit-core's quantizer, untouched.
            if let Some((core, options)) = scheme.core_scheme(layer.inputs) {
                if scheme != MnistScheme::Int8Rowwise {
                    assert_eq!(q.dequantized, core.quantize(&layer.weight, &options).dequantized);
                }
            }
        }
    }
}

/// The plain f32 Linear of the textbook: one sample at a time, one output at a time, the sum
/// in order i = 0, 1, … (a multiply then an add), then the bias.
fn naive_linear(input: &[f32], weight: &[f32], bias: &[f32], inputs: usize) -> Vec<f32> {
    let mut out = Vec::new();
    for x in input.chunks_exact(inputs) {
        for (w, b) in weight.chunks_exact(inputs).zip(bias) {
            let mut acc = 0f32;
            for (wi, xi) in w.iter().zip(x) {
                acc += wi * xi;
            }
            out.push(acc + b);
        }
    }
    out
}

#[test]
fn blocked_linear_equals_the_naive_sum_bit_for_bit() {
    let m = weights();
    let (x, _) = test_inputs(27);
    let inputs = layer_inputs(&m, &x);
    for (l, layer) in m.layers.iter().enumerate() {
        // Full blocks of LANES rows, a tail, a single row, none.
        for rows in [27, 16, 9, 1, 0] {
            let batch = &inputs[l][..rows * layer.inputs];
            let mut got = Vec::new();
            linear_f32(batch, &layer.weight, &layer.bias, layer.inputs, &mut got);
            let want = naive_linear(batch, &layer.weight, &layer.bias, layer.inputs);
            let same = got.len() == want.len() && got.iter().zip(&want).all(|(g, w)| g.to_bits() == w.to_bits());
            assert!(same, "layer {l}, {rows} rows");
        }
    }
}

#[test]
fn every_kernel_gives_a_row_the_same_bits_alone_or_in_a_batch() {
    let m = weights();
    let (x, _) = test_inputs(19);
    for scheme in ALL_SCHEMES {
        let net = QuantizedMlp::new(&m, LayerSchemes::uniform(scheme));
        let batch = net.logits(&x);
        for (r, row) in x.chunks_exact(PIXELS).enumerate() {
            let alone = net.logits(row);
            let same = alone.iter().zip(&batch[r * 10..(r + 1) * 10]).all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same && alone.len() == 10, "{} row {r}", scheme.id());
        }
    }
}

/// f32 → f16 → f32 through lowbit-core's exact encoder (independent of the table path).
fn f16(x: f32) -> f32 {
    thread_local! {
        static ENCODER: std::cell::RefCell<lowbit_core::Encoder> = std::cell::RefCell::new(
            lowbit_core::Encoder::with_defaults(&lowbit_core::Format::parse("float16").unwrap()),
        );
    }
    ENCODER.with(|e| e.borrow_mut().encode_f64(f64::from(x)).value as f32)
}

#[test]
fn int8_rowwise_is_bitsandbytes_integer_arithmetic() {
    let m = weights();
    let (x, _) = test_inputs(20);
    let inputs = layer_inputs(&m, &x);
    for (l, layer) in m.layers.iter().enumerate() {
        let q = QuantizedLayer::new(layer, MnistScheme::Int8Rowwise);
        let Kernel::Int8 { codes, row_absmax } = &q.kernel else { panic!("int8 kernel") };
        let n = layer.inputs;
        // Weights: f16, then round(w · 127 / rowmax) with rowmax over the f16 row.
        for (o, row) in layer.weight.chunks_exact(n).enumerate() {
            let w16: Vec<f32> = row.iter().map(|&w| f16(w)).collect();
            let rowmax = w16.iter().fold(0f32, |m, w| m.max(w.abs()));
            assert_eq!(row_absmax[o], rowmax);
            for (i, &w) in w16.iter().enumerate() {
                assert_eq!(codes[o * n + i] as f32, (w * (127.0 / rowmax)).round_ties_even());
            }
        }
        let (a_codes, a_absmax) = quantize_activations_bnb(&inputs[l], n);
        let mut got = Vec::new();
        q.forward(&inputs[l], &mut got);
        for (r, x_row) in inputs[l].chunks_exact(n).enumerate() {
            let a16: Vec<f32> = x_row.iter().map(|&v| f16(v)).collect();
            let amax = a16.iter().fold(0f32, |m, v| m.max(v.abs()));
            assert_eq!(a_absmax[r], amax);
            for o in 0..layer.outputs {
                let mut acc: i64 = 0;
                for i in 0..n {
                    let qa = if amax == 0.0 { 0.0 } else { (a16[i] * (127.0 / amax)).round_ties_even() };
                    assert_eq!(a_codes[r * n + i] as f32, qa);
                    acc += qa as i64 * codes[o * n + i] as i64;
                }
                assert!(acc.abs() < i32::MAX as i64);
                let out16 = f16(acc as f32 * amax * row_absmax[o] * MM_DEQUANT_CONST);
                let want = f16(out16 + layer.bias[o]);
                assert_eq!(got[r * layer.outputs + o], want, "layer {l} row {r} out {o}");
            }
        }
    }
}

#[test]
fn ternary_forward_needs_no_multiplications() {
    let m = weights();
    let fp32 = QuantizedMlp::new(&m, LayerSchemes::uniform(MnistScheme::Float32)).op_counts();
    assert_eq!((fp32.multiplies, fp32.adds), (109_184, 109_184));
    let q = QuantizedMlp::new(&m, LayerSchemes::uniform(MnistScheme::Ternary));
    let counts = q.op_counts();
    let nonzero: usize = q
        .layers
        .iter()
        .map(|l| match &l.kernel {
            Kernel::Signs(s) => s.nonzero(),
            _ => panic!("ternary uses the sign kernel"),
        })
        .sum();
    assert_eq!(counts.multiplies, 128 + 64 + 10, "one scale multiply per output");
    assert_eq!(counts.adds, nonzero as u64 + 202);
    assert!(nonzero < 109_184 && nonzero > 109_184 / 3);
    // Codes are -1/0/+1 and the kernel's indices are exactly the nonzero codes.
    for l in &q.layers {
        let codes = &l.quantized.as_ref().unwrap().codes;
        assert!(codes.iter().all(|c| (-1..=1).contains(c)));
        let Kernel::Signs(s) = &l.kernel else { unreachable!() };
        assert_eq!(s.nonzero(), codes.iter().filter(|&&c| c != 0).count());
    }
}

#[test]
fn sizes_are_counted_as_the_seed_counts_them() {
    let m = weights();
    let size = |s| QuantizedMlp::new(&m, LayerSchemes::uniform(s));
    assert_eq!(size(MnistScheme::Float32).size_kb(), 427.2890625);
    assert_eq!(size(MnistScheme::Int8Rowwise).size_kb(), 107.4140625);
    for s in [MnistScheme::Fp4Bnb, MnistScheme::Nf4, MnistScheme::Mxfp4, MnistScheme::Nvfp4, MnistScheme::Int4Absmax] {
        assert_eq!(size(s).size_kb(), 54.1015625, "{}", s.id());
    }
    assert_eq!(size(MnistScheme::Float32).bits_per_parameter(), 32.0);
    // Scales cost: LLM.int8() one f32 per row (202 rows), NF4 8-bit absmax per 64 + f32s.
    let int8 = size(MnistScheme::Int8Rowwise);
    assert_eq!(int8.true_bits() - (int8.size_kb() * 8192.0) as u64, 202 * 32);
    assert!(size(MnistScheme::Nf4).true_size_kb() > 54.1015625);
    let mixed = QuantizedMlp::new(&m, LayerSchemes([MnistScheme::Nf4, MnistScheme::Int8Rowwise, MnistScheme::Float32]));
    assert_eq!(mixed.schemes.name(), "nf4,int8_rowwise,float32");
    let want = (100_352 * 4 + 8_192 * 8 + 640 * 32 + 202 * 32) as f64 / 8192.0;
    assert_eq!(mixed.size_kb(), want);
}

#[test]
fn accuracies_are_sane_in_every_scheme() {
    let m = weights();
    let (_, test) = split();
    let x = test.normalized();
    let reference = fp32_predictions(&m, &x);
    let fp32 = evaluate(&m, LayerSchemes::uniform(MnistScheme::Float32), &x, &test.labels, &reference);
    assert_eq!(fp32.agree_with_fp32, 1.0);
    assert!((88.0..93.0).contains(&fp32.accuracy));
    for scheme in ALL_SCHEMES {
        let e = evaluate(&m, LayerSchemes::uniform(scheme), &x, &test.labels, &reference);
        let floor = match scheme {
            MnistScheme::Ternary | MnistScheme::BitnetB158 | MnistScheme::Binary => 60.0,
            _ => fp32.accuracy - 2.0,
        };
        assert!(e.accuracy >= floor && e.accuracy <= 100.0, "{}: {}", e.scheme, e.accuracy);
        assert!(e.agree_with_fp32 > 0.6, "{}: {}", e.scheme, e.agree_with_fp32);
        assert!(e.true_size_kb >= e.size_kb);
    }
}

#[test]
fn qat_trains_through_the_quantizer() {
    let (train_set, test) = split();
    let sub = train_set.subset(&(0..1000).collect::<Vec<_>>());
    let test = test.subset(&(0..500).collect::<Vec<_>>());
    for scheme in [MnistScheme::Ternary, MnistScheme::BitnetB158, MnistScheme::Nf4] {
        let config = TrainConfig { qat: Some(LayerSchemes::uniform(scheme)), ..small_config() };
        // Fine-tuning the committed f32 weights keeps them accurate in the scheme.
        let r = train(&config, Some(weights()), &sub, &test).unwrap();
        assert!(r.accuracy > 75.0, "{}: {}", scheme.id(), r.accuracy);
        assert_eq!(r.eval.scheme, scheme.id());
        let again = train(&config, Some(weights()), &sub, &test).unwrap();
        assert_eq!(r.model, again.model);
    }
}
