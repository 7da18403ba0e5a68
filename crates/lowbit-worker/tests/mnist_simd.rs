//! The MNIST lab's WebAssembly SIMD forward passes against the same code compiled without
//! simd128, in headless Chromium (wasm-bindgen-test). This crate builds lowbit-mnist with its
//! `simd128` feature, so `QuantizedLayer::forward` runs the simd128 kernels on full blocks of
//! `LANES` rows; `forward_portable` is the scalar path. Every scheme, every layer, bit for bit.
#![cfg(target_arch = "wasm32")]

use lowbit_mnist::model::linear_f32_portable;
use lowbit_mnist::schemes::QuantizedLayer;
use lowbit_mnist::{Mlp, ALL_SCHEMES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WEIGHTS: &[u8] = include_bytes!("../../lowbit-mnist/data/seed0-fp32.safetensors");

/// 19 rows (two full blocks and a tail) of each layer's input: the seed's model on
/// pseudo-random pixels, after ReLU like the real activations, plus exact zeros.
fn layer_inputs(m: &Mlp) -> Vec<Vec<f32>> {
    let rows = 19;
    let pixels: Vec<f32> =
        lowbit_jobs::bench::bench_data(rows * m.layers[0].inputs).into_iter().map(|x| x.max(-0.4242) * 2.0).collect();
    let mut out = vec![pixels];
    for layer in &m.layers[..2] {
        let mut y = Vec::new();
        linear_f32_portable(out.last().unwrap(), &layer.weight, &layer.bias, layer.inputs, &mut y);
        y.iter_mut().for_each(|v| *v = v.max(0.0));
        out.push(y);
    }
    out
}

#[wasm_bindgen_test]
fn mnist_simd_forward_equals_the_portable_path() {
    let m = Mlp::from_safetensors(WEIGHTS).unwrap();
    let inputs = layer_inputs(&m);
    for scheme in ALL_SCHEMES {
        for (l, layer) in m.layers.iter().enumerate() {
            let q = QuantizedLayer::new(layer, scheme);
            let (mut simd, mut portable) = (Vec::new(), Vec::new());
            q.forward(&inputs[l], &mut simd);
            q.forward_portable(&inputs[l], &mut portable);
            let same = simd.len() == portable.len() && simd.iter().zip(&portable).all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "{} layer {l}", scheme.id());
        }
    }
}
