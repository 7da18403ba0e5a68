//! Measures the MNIST lab (release, single thread): `cargo run --release -p lowbit-mnist
//! --example measure [-- [--seed N] [--save] [--qat SCHEME [--lr LR] [--epochs N] [--finetune]]]`.
//! Prints wall and CPU times (the CPU time of this process: the machine may be shared) and the
//! accuracies; `--save` writes the trained f32 weights to data/seed0-fp32.safetensors.

use std::time::Instant;

use lowbit_mnist::{default_split, evaluate, train, Dataset, LayerSchemes, MnistScheme, TrainConfig, ALL_SCHEMES};
use lowbit_mnist::schemes::{fp32_predictions, QuantizedMlp};

/// CPU time of this process in seconds (from /proc/self/schedstat; the machine is shared).
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/self/schedstat").ok().and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let seed: u64 = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(0);
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/mnist-10k.safetensors")).expect("data file");
    let data = Dataset::from_safetensors(&bytes).expect("valid data");
    let (tr, te) = default_split(&data);
    let config = TrainConfig { seed, ..TrainConfig::default() };
    let t = Instant::now(); let c = cpu();
    let result = train(&config, None, &tr, &te).expect("trains");
    println!("train fp32 seed {seed}: {:.2} s wall {:.2} s cpu, epochs {:?}", t.elapsed().as_secs_f64(), cpu() - c, result.epochs);
    if args.iter().any(|a| a == "--save") {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed0-fp32.safetensors");
        std::fs::write(path, result.model.to_safetensors().expect("serializes")).expect("writes");
        println!("wrote {path}");
    }
    let inputs = te.normalized();
    let t = Instant::now(); let c = cpu();
    let reference = fp32_predictions(&result.model, &inputs);
    let evals: Vec<_> = ALL_SCHEMES.iter().map(|&s| { let t = Instant::now(); let c = cpu(); let e = evaluate(&result.model, LayerSchemes::uniform(s), &inputs, &te.labels, &reference); println!("  {} {:.3} s wall {:.3} s cpu", s.id(), t.elapsed().as_secs_f64(), cpu() - c); e }).collect();
    println!("eval all schemes: {:.3} s wall, {:.3} s cpu", t.elapsed().as_secs_f64(), cpu() - c);
    for e in &evals {
        println!("{:14} {:6.2}% agree {:.4} size {:9.4} KB true {:9.4} KB {:.3} bpp", e.scheme, e.accuracy, e.agree_with_fp32, e.size_kb, e.true_size_kb, e.bits_per_parameter);
    }
    for s in [MnistScheme::Float32, MnistScheme::Ternary] {
        let q = QuantizedMlp::new(&result.model, LayerSchemes::uniform(s));
        println!("{}: {:?}", s.id(), q.op_counts());
    }
    if let Some(q) = value("--qat") {
        let scheme = MnistScheme::parse(&q).expect("scheme");
        let lr: f32 = value("--lr").and_then(|s| s.parse().ok()).unwrap_or(0.01);
        let epochs: usize = value("--epochs").and_then(|s| s.parse().ok()).unwrap_or(4);
        let finetune = args.iter().any(|a| a == "--finetune");
        let config = TrainConfig { seed, lr, epochs, qat: Some(LayerSchemes::uniform(scheme)), ..TrainConfig::default() };
        let c = cpu();
        let init = finetune.then(|| result.model.clone());
        let r = train(&config, init, &tr, &te).expect("qat");
        println!("QAT {q} lr {lr} epochs {epochs} finetune {finetune}: {:.2}% in {:.2} s cpu", r.accuracy, cpu() - c);
    }
}
