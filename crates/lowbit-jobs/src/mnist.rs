//! The MNIST lab's jobs (the app's `?view=mnist`): lowbit-mnist run by the compute worker on
//! bytes the page fetched or the visitor dropped.
//!
//! The worker keeps one [`MnistLab`]: the weights, the digits split as lowbit-mnist splits
//! them, and the quantized networks of every scheme. Jobs:
//!
//! - [`MnistLoadJob`] (answered at once): new weights and/or a new data file; a file that is
//!   refused leaves the lab as it was and the message names what is wrong.
//! - [`MnistEvalJob`] (heavy, one step per scheme): the accuracy/size table on the test digits.
//! - [`MnistDigitJob`] (answered at once): one test digit, or a drawing made MNIST-style
//!   ([`lowbit_mnist::mnist_style`]), through every scheme: logits and predictions.
//! - [`MnistHistogramJob`] (answered at once): each layer's weights as a histogram and the
//!   values one scheme stores.
//! - [`MnistTrainJob`] (heavy, one step per batch and per epoch's scoring): the seed's recipe,
//!   PTQ or QAT, progress with each epoch's loss and accuracy; the trained weights replace
//!   the lab's.

use lowbit_mnist::data::{PIXELS, TEST_DIGITS};
use lowbit_mnist::model::LAYER_KEYS;
use lowbit_mnist::schemes::{fp32_predictions, QuantizedMlp};
use lowbit_mnist::{default_split, mnist_style, Dataset, LayerSchemes, Mlp, MnistScheme, TrainConfig, Trainer, ALL_SCHEMES};
use serde::{Deserialize, Serialize};

use crate::protocol::Outcome;
use crate::task::{Clock, Step, Task};

/// New weights and/or digits for the lab (safetensors bytes, as fetched or dropped).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistLoadJob {
    /// The seed's state_dict (`model.{0,2,4}.{weight,bias}`, F32).
    pub weights: Option<Vec<u8>>,
    /// A data file (`images` U8 [N, 784], `labels` U8 [N]).
    pub data: Option<Vec<u8>>,
    /// Where the weights come from, shown with the table ("seed 0 (committed)", a file name).
    pub weights_name: String,
    /// Where the digits come from.
    pub data_name: String,
}

/// What the lab holds after a load.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistLoaded {
    /// Where the weights come from.
    pub weights_name: String,
    /// Where the digits come from.
    pub data_name: String,
    /// Training digits of the split.
    pub train_digits: usize,
    /// Test digits of the split.
    pub test_digits: usize,
}

/// The accuracy/size table: every scheme, plus optional mixed-precision rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistEvalJob {
    /// Extra rows with one scheme id per layer (`[ID, ID, ID]`).
    pub mixed: Vec<[String; 3]>,
}

/// One row of the table (the JSON of `lowbit mnist eval`, plus the arithmetic per digit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistRow {
    /// The scheme id (`ID,ID,ID` for mixed precision).
    pub scheme: String,
    /// Test accuracy, percent.
    pub accuracy: f64,
    /// Fraction of digits predicted as fp32 predicts them.
    pub agree_with_fp32: f64,
    /// Size as the seed counts it (KB): weights + f32 biases, scales left out.
    pub size_kb: f64,
    /// Size with every scale (KB).
    pub true_size_kb: f64,
    /// True bits per parameter.
    pub bits_per_parameter: f64,
    /// Float multiplies per digit.
    pub multiplies: u64,
    /// Float adds per digit.
    pub adds: u64,
    /// Integer adds per digit.
    pub integer_adds: u64,
}

/// The table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistTable {
    /// One row per scheme, in [`ALL_SCHEMES`] order, then the mixed rows.
    pub rows: Vec<MnistRow>,
    /// Test digits scored.
    pub digits: usize,
    /// Where the weights come from.
    pub weights_name: String,
    /// Seconds the scoring took (the worker's clock).
    pub seconds: f64,
}

/// Which digit to run through every scheme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DigitSource {
    /// Test digit `i` of the split (0-based).
    Test(usize),
    /// A drawing (`width × height`, 0–255), made MNIST-style first.
    Drawing {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
        /// The ink, row-major.
        ink: Vec<u8>,
    },
}

/// One digit through every scheme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistDigitJob {
    /// The digit.
    pub source: DigitSource,
}

/// One scheme's answer for a digit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchemeLogits {
    /// The scheme id.
    pub scheme: String,
    /// The ten logits (before log-softmax).
    pub logits: Vec<f32>,
    /// The predicted digit.
    pub digit: u8,
}

/// A digit and every scheme's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistDigit {
    /// The 28×28 pixels the network saw (0–255; empty for a blank drawing).
    pub image: Vec<u8>,
    /// The label (test digits).
    pub label: Option<u8>,
    /// Which test digit (test digits).
    pub index: Option<usize>,
    /// One entry per scheme (empty for a blank drawing).
    pub schemes: Vec<SchemeLogits>,
}

/// Histograms of the weights and the values a scheme stores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistHistogramJob {
    /// The scheme id whose stored values are overlaid.
    pub scheme: String,
    /// Bins per histogram.
    pub bins: usize,
}

/// One layer's histogram.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerHistogram {
    /// The state_dict key (`model.0.weight`).
    pub name: String,
    /// Lower edge of the first bin.
    pub lo: f32,
    /// Upper edge of the last bin.
    pub hi: f32,
    /// Weights per bin.
    pub counts: Vec<u32>,
    /// The distinct values the scheme stores in this layer (dequantized), when there are at
    /// most [`MAX_LEVELS`]; else empty and `level_counts` holds their histogram.
    pub levels: Vec<f32>,
    /// Dequantized weights per bin (same bins).
    pub level_counts: Vec<u32>,
    /// Number of distinct stored values.
    pub distinct: usize,
}

/// The most distinct values drawn as lines.
pub const MAX_LEVELS: usize = 64;

/// Every layer's histogram.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistHistograms {
    /// The scheme overlaid.
    pub scheme: String,
    /// One per layer.
    pub layers: Vec<LayerHistogram>,
}

/// How training starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrainStart {
    /// From the lab's current weights (fine-tuning; the app's default for QAT).
    Current,
    /// From PyTorch's default init with the seed.
    Scratch,
}

/// A training run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistTrainJob {
    /// Seed of the init and the shuffles.
    pub seed: u64,
    /// Epochs.
    pub epochs: usize,
    /// Learning rate.
    pub lr: f32,
    /// SGD momentum.
    pub momentum: f32,
    /// Batch size.
    pub batch: usize,
    /// QAT: one scheme id per layer (`float32` keeps a layer plain); None trains fp32.
    pub qat: Option<[String; 3]>,
    /// Where the weights start.
    pub start: TrainStart,
}

/// One epoch of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochLine {
    /// 1-based.
    pub epoch: usize,
    /// Mean training loss.
    pub loss: f64,
    /// Test accuracy after it, percent (in the QAT schemes when training QAT).
    pub accuracy: f64,
}

/// A finished run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistTrained {
    /// Every epoch.
    pub epochs: Vec<EpochLine>,
    /// The schemes the accuracy is in (`float32`, or the QAT schemes).
    pub scheme: String,
    /// The trained (latent f32) weights as safetensors, the seed's keys.
    pub weights: Vec<u8>,
    /// Seconds of training (the worker's clock).
    pub seconds: f64,
}

/// The lab the worker holds.
#[derive(Clone, Debug)]
pub struct MnistLab {
    /// The weights.
    pub model: Mlp,
    /// Training digits.
    pub train: Dataset,
    /// Test digits.
    pub test: Dataset,
    /// Normalized test inputs.
    pub test_inputs: Vec<f32>,
    /// Every scheme's network, in [`ALL_SCHEMES`] order.
    pub networks: Vec<QuantizedMlp>,
    /// Where the weights come from.
    pub weights_name: String,
    /// Where the digits come from.
    pub data_name: String,
}

impl MnistLab {
    fn new(model: Mlp, data: &Dataset, weights_name: String, data_name: String) -> MnistLab {
        let (train, test) = default_split(data);
        let test_inputs = test.normalized();
        let networks = quantize_all(&model);
        MnistLab { model, train, test, test_inputs, networks, weights_name, data_name }
    }

    pub(crate) fn set_model(&mut self, model: Mlp, name: String) {
        self.networks = quantize_all(&model);
        self.model = model;
        self.weights_name = name;
    }

    /// Takes a load job: the lab after it, or the message (the old lab is kept).
    pub fn load(lab: Option<&mut Option<MnistLab>>, job: MnistLoadJob) -> Result<MnistLoaded, String> {
        let Some(slot) = lab else { return Err("no lab".into()) };
        let model = match &job.weights {
            Some(bytes) => Some(Mlp::from_safetensors(bytes).map_err(|e| format!("{}: {e}", job.weights_name))?),
            None => None,
        };
        let data = match &job.data {
            Some(bytes) => Some(Dataset::from_safetensors(bytes).map_err(|e| format!("{}: {e}", job.data_name))?),
            None => None,
        };
        match (slot.as_mut(), model, data) {
            (_, Some(model), Some(data)) => *slot = Some(MnistLab::new(model, &data, job.weights_name, job.data_name)),
            (Some(lab), Some(model), None) => lab.set_model(model, job.weights_name),
            (Some(lab), None, Some(data)) => {
                let model = lab.model.clone();
                let name = lab.weights_name.clone();
                *lab = MnistLab::new(model, &data, name, job.data_name);
            }
            (None, _, _) => return Err("the lab needs both weights and digits first".into()),
            (Some(_), None, None) => {}
        }
        let lab = slot.as_ref().ok_or("the lab is empty")?;
        Ok(MnistLoaded {
            weights_name: lab.weights_name.clone(),
            data_name: lab.data_name.clone(),
            train_digits: lab.train.len(),
            test_digits: lab.test.len(),
        })
    }

    /// One digit through every scheme.
    pub fn digit(&self, job: &MnistDigitJob) -> Result<MnistDigit, String> {
        let (image, label, index) = match &job.source {
            DigitSource::Test(i) => {
                if *i >= self.test.len() {
                    return Err(format!("sample {i} is past the last test digit ({})", self.test.len().saturating_sub(1)));
                }
                (self.test.image(*i).to_vec(), Some(self.test.labels[*i]), Some(*i))
            }
            DigitSource::Drawing { width, height, ink } => match mnist_style(ink, *width, *height) {
                Some(image) => (image, None, None),
                None if ink.len() == width * height => (Vec::new(), None, None),
                None => return Err(format!("a drawing of {width}×{height} needs {} pixels, got {}", width * height, ink.len())),
            },
        };
        let mut schemes = Vec::new();
        if image.len() == PIXELS {
            let table = lowbit_mnist::data::normalize_table();
            let input: Vec<f32> = image.iter().map(|&p| table[p as usize]).collect();
            for net in &self.networks {
                let logits = net.logits(&input);
                let digit = lowbit_mnist::model::argmax(&logits) as u8;
                schemes.push(SchemeLogits { scheme: net.schemes.name(), logits, digit });
            }
        }
        Ok(MnistDigit { image, label, index, schemes })
    }

    /// The histograms of every layer with `job.scheme`'s stored values.
    pub fn histograms(&self, job: &MnistHistogramJob) -> Result<MnistHistograms, String> {
        let scheme = MnistScheme::parse(&job.scheme)?;
        let bins = job.bins.clamp(8, 512);
        let net = self.networks.iter().find(|n| n.schemes == LayerSchemes::uniform(scheme)).ok_or("no such network")?;
        let layers = self
            .model
            .layers
            .iter()
            .zip(&net.layers)
            .zip(LAYER_KEYS)
            .map(|((layer, q), key)| {
                let (lo, hi) = layer
                    .weight
                    .iter()
                    .chain(&q.dequantized)
                    .fold((f32::INFINITY, f32::NEG_INFINITY), |(a, b), &w| (a.min(w), b.max(w)));
                let (lo, hi) = if lo < hi { (lo, hi) } else { (lo - 1.0, lo + 1.0) };
                let count = |values: &[f32]| {
                    let mut c = vec![0u32; bins];
                    let width = (hi - lo) as f64 / bins as f64;
                    for &w in values {
                        let b = (((w - lo) as f64 / width) as usize).min(bins - 1);
                        c[b] += 1;
                    }
                    c
                };
                let mut distinct: Vec<f32> = q.dequantized.clone();
                distinct.sort_by(f32::total_cmp);
                distinct.dedup();
                LayerHistogram {
                    name: format!("{key}.weight"),
                    lo,
                    hi,
                    counts: count(&layer.weight),
                    level_counts: count(&q.dequantized),
                    distinct: distinct.len(),
                    levels: if distinct.len() <= MAX_LEVELS { distinct } else { Vec::new() },
                }
            })
            .collect();
        Ok(MnistHistograms { scheme: scheme.id().to_string(), layers })
    }
}

fn quantize_all(model: &Mlp) -> Vec<QuantizedMlp> {
    ALL_SCHEMES.iter().map(|&s| QuantizedMlp::new(model, LayerSchemes::uniform(s))).collect()
}

fn parse_layers(ids: &[String; 3]) -> Result<LayerSchemes, String> {
    let mut out = [MnistScheme::Float32; 3];
    for (o, id) in out.iter_mut().zip(ids) {
        *o = MnistScheme::parse(id)?;
    }
    Ok(LayerSchemes(out))
}

/// Scores `net` on the test digits (the float32 network's predictions are the reference
/// itself, not computed twice).
fn score(net: &QuantizedMlp, inputs: &[f32], labels: &[u8], reference: &[u8]) -> MnistRow {
    let predicted =
        if net.schemes == LayerSchemes::uniform(MnistScheme::Float32) { reference.to_vec() } else { net.predict(inputs) };
    let n = labels.len().max(1) as f64;
    let correct = predicted.iter().zip(labels).filter(|(p, l)| p == l).count();
    let agree = predicted.iter().zip(reference).filter(|(p, r)| p == r).count();
    let ops = net.op_counts();
    MnistRow {
        scheme: net.schemes.name(),
        accuracy: 100.0 * correct as f64 / n,
        agree_with_fp32: agree as f64 / n,
        size_kb: net.size_kb(),
        true_size_kb: net.true_size_kb(),
        bits_per_parameter: net.bits_per_parameter(),
        multiplies: ops.multiplies,
        adds: ops.adds,
        integer_adds: ops.integer_adds,
    }
}

/// The table, one scheme a step.
#[derive(Debug)]
pub struct MnistEvalTask {
    networks: Vec<QuantizedMlp>,
    mixed: Vec<[String; 3]>,
    model: Option<Mlp>,
    inputs: Vec<f32>,
    labels: Vec<u8>,
    reference: Vec<u8>,
    rows: Vec<MnistRow>,
    weights_name: String,
    started: Option<f64>,
    error: Option<String>,
}

impl MnistEvalTask {
    /// A table of the lab's weights (the lab is copied: a later load does not disturb it).
    pub fn new(lab: Option<&MnistLab>, job: MnistEvalJob) -> MnistEvalTask {
        let mut task = MnistEvalTask {
            networks: Vec::new(),
            mixed: job.mixed,
            model: None,
            inputs: Vec::new(),
            labels: Vec::new(),
            reference: Vec::new(),
            rows: Vec::new(),
            weights_name: String::new(),
            started: None,
            error: None,
        };
        match lab {
            None => task.error = Some("the MNIST lab has no weights and digits yet (load them first)".into()),
            Some(lab) => {
                task.networks = lab.networks.clone();
                task.model = Some(lab.model.clone());
                task.inputs = lab.test_inputs.clone();
                task.labels = lab.test.labels.clone();
                task.weights_name = lab.weights_name.clone();
            }
        }
        task
    }

    fn total(&self) -> usize {
        self.networks.len() + self.mixed.len()
    }
}

impl Task for MnistEvalTask {
    fn total_steps(&self) -> u32 {
        self.total().max(1) as u32
    }

    fn done_steps(&self) -> u32 {
        self.rows.len() as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        match self.networks.get(self.rows.len()) {
            Some(n) => Stage::Scoring(n.schemes.name()),
            None => match self.mixed.get(self.rows.len() - self.networks.len()) {
                Some(m) => Stage::Scoring(m.join(",")),
                None => Stage::Done,
            },
        }
    }

    fn step(&mut self, clock: &mut dyn Clock) -> Result<Step, String> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let started = *self.started.get_or_insert_with(|| clock.now());
        if self.reference.is_empty() {
            let float32 = self.networks.iter().find(|n| n.schemes == LayerSchemes::uniform(MnistScheme::Float32));
            if let Some(net) = float32 {
                self.reference = net.predict(&self.inputs);
            } else if let Some(model) = &self.model {
                self.reference = fp32_predictions(model, &self.inputs);
            }
        }
        let i = self.rows.len();
        if let Some(net) = self.networks.get(i) {
            self.rows.push(score(net, &self.inputs, &self.labels, &self.reference));
        } else if let Some(ids) = self.mixed.get(i - self.networks.len()) {
            let schemes = parse_layers(ids)?;
            let model = self.model.as_ref().ok_or("no weights")?;
            let net = QuantizedMlp::new(model, schemes);
            self.rows.push(score(&net, &self.inputs, &self.labels, &self.reference));
        }
        if self.rows.len() < self.total() {
            return Ok(Step::Continue);
        }
        Ok(Step::Done(Outcome::MnistTable(MnistTable {
            rows: std::mem::take(&mut self.rows),
            digits: self.labels.len(),
            weights_name: self.weights_name.clone(),
            seconds: clock.now() - started,
        })))
    }
}

/// A training run, one batch a step (and one step to score each epoch).
#[derive(Debug)]
pub struct MnistTrainTask {
    trainer: Option<Trainer>,
    schemes: LayerSchemes,
    test: Dataset,
    test_inputs: Vec<f32>,
    epochs: Vec<EpochLine>,
    pending_epoch: Option<f64>,
    started: Option<f64>,
    error: Option<String>,
    batches_per_epoch: usize,
    total_epochs: usize,
    finished_model: Option<Mlp>,
}

impl MnistTrainTask {
    /// A run on the lab's training digits.
    pub fn new(lab: Option<&MnistLab>, job: MnistTrainJob) -> MnistTrainTask {
        let mut task = MnistTrainTask {
            trainer: None,
            schemes: LayerSchemes::uniform(MnistScheme::Float32),
            test: Dataset { images: Vec::new(), labels: Vec::new() },
            test_inputs: Vec::new(),
            epochs: Vec::new(),
            pending_epoch: None,
            started: None,
            error: None,
            batches_per_epoch: 1,
            total_epochs: job.epochs.max(1),
            finished_model: None,
        };
        let Some(lab) = lab else {
            task.error = Some("the MNIST lab has no digits yet (load them first)".into());
            return task;
        };
        let qat = match job.qat.as_ref().map(parse_layers).transpose() {
            Ok(q) => q,
            Err(e) => {
                task.error = Some(e);
                return task;
            }
        };
        let config = TrainConfig { seed: job.seed, epochs: job.epochs, lr: job.lr, momentum: job.momentum, batch: job.batch, qat };
        let init = match job.start {
            TrainStart::Current => Some(lab.model.clone()),
            TrainStart::Scratch => None,
        };
        task.schemes = config.eval_schemes();
        match Trainer::new(config, init, &lab.train) {
            Ok(t) => {
                task.batches_per_epoch = t.batches_per_epoch();
                task.trainer = Some(t);
                task.test = lab.test.clone();
                task.test_inputs = lab.test_inputs.clone();
            }
            Err(e) => task.error = Some(e),
        }
        task
    }

    /// The trained weights, once the task is done.
    pub fn take_model(&mut self) -> Option<Mlp> {
        self.finished_model.take()
    }

    /// The schemes the run trains in (`float32`, or the QAT schemes).
    pub fn scheme_name(&self) -> String {
        self.schemes.name()
    }

    /// The epochs so far.
    pub fn epochs(&self) -> &[EpochLine] {
        &self.epochs
    }
}

impl Task for MnistTrainTask {
    fn total_steps(&self) -> u32 {
        (self.total_epochs * (self.batches_per_epoch + 1)).max(1) as u32
    }

    fn done_steps(&self) -> u32 {
        let Some(t) = &self.trainer else { return 0 };
        let scored = self.epochs.len();
        let in_epoch = if self.pending_epoch.is_some() { self.batches_per_epoch } else { t.batch_in_epoch() };
        (scored * (self.batches_per_epoch + 1) + in_epoch) as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        let Some(t) = &self.trainer else { return Stage::Starting };
        if self.pending_epoch.is_some() {
            Stage::ScoringEpoch { epoch: self.epochs.len() + 1, digits: self.test.len() }
        } else {
            Stage::Training { epoch: t.epochs_done() + 1, epochs: self.total_epochs, batch: t.batch_in_epoch() + 1, batches: self.batches_per_epoch }
        }
    }

    fn partial(&self) -> Option<crate::protocol::Partial> {
        Some(crate::protocol::Partial::MnistEpochs(self.epochs.clone()))
    }

    fn step(&mut self, clock: &mut dyn Clock) -> Result<Step, String> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let started = *self.started.get_or_insert_with(|| clock.now());
        let trainer = self.trainer.as_mut().ok_or("no trainer")?;
        if let Some(loss) = self.pending_epoch.take() {
            let net = QuantizedMlp::new(&trainer.model, self.schemes);
            let predicted = net.predict(&self.test_inputs);
            let correct = predicted.iter().zip(&self.test.labels).filter(|(p, l)| p == l).count();
            let accuracy = 100.0 * correct as f64 / self.test.len().max(1) as f64;
            self.epochs.push(EpochLine { epoch: self.epochs.len() + 1, loss, accuracy });
            if trainer.finished() {
                let model = trainer.model.clone();
                let weights = model.to_safetensors().map_err(|e| e.to_string())?;
                self.finished_model = Some(model);
                return Ok(Step::Done(Outcome::MnistTrained(MnistTrained {
                    epochs: self.epochs.clone(),
                    scheme: self.schemes.name(),
                    weights,
                    seconds: clock.now() - started,
                })));
            }
            return Ok(Step::Continue);
        }
        match trainer.step() {
            Some((_, Some(epoch_loss))) => self.pending_epoch = Some(epoch_loss),
            Some((_, None)) => {}
            None => return Err("the run has no batches left".into()),
        }
        Ok(Step::Continue)
    }
}

/// Test digits of Lowbit's split (for the URL's `sample=`).
pub const SAMPLES: usize = TEST_DIGITS;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{no_clock, run_to_end};

    fn files() -> (Vec<u8>, Vec<u8>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../lowbit-mnist/data/");
        (std::fs::read(format!("{dir}seed0-fp32.safetensors")).unwrap(), std::fs::read(format!("{dir}mnist-10k.safetensors")).unwrap())
    }

    fn lab() -> Option<MnistLab> {
        let (w, d) = files();
        let mut slot = None;
        let job = MnistLoadJob { weights: Some(w), data: Some(d), weights_name: "seed 0".into(), data_name: "mnist".into() };
        let loaded = MnistLab::load(Some(&mut slot), job).unwrap();
        assert_eq!((loaded.train_digits, loaded.test_digits), (8000, 2000));
        slot
    }

    #[test]
    fn the_table_equals_lowbit_mnist_evaluate() {
        let lab = lab();
        let lab = lab.as_ref().unwrap();
        let job = MnistEvalJob { mixed: vec![["int8_rowwise".into(), "nf4".into(), "float32".into()]] };
        let mut task = MnistEvalTask::new(Some(lab), job);
        let Outcome::MnistTable(t) = run_to_end(&mut task, &mut no_clock(), &mut |_| true).unwrap() else { panic!() };
        assert_eq!(t.rows.len(), ALL_SCHEMES.len() + 1);
        let reference = fp32_predictions(&lab.model, &lab.test_inputs);
        for (row, &s) in t.rows.iter().zip(&ALL_SCHEMES) {
            let e = lowbit_mnist::evaluate(&lab.model, LayerSchemes::uniform(s), &lab.test_inputs, &lab.test.labels, &reference);
            assert_eq!((row.scheme.as_str(), row.accuracy, row.size_kb, row.bits_per_parameter), (e.scheme.as_str(), e.accuracy, e.size_kb, e.bits_per_parameter));
        }
        assert_eq!(t.rows[0].size_kb, 427.2890625);
        assert_eq!(t.rows.last().unwrap().scheme, "int8_rowwise,nf4,float32");
    }

    #[test]
    fn refused_files_keep_the_lab_and_name_the_problem() {
        let mut slot = lab();
        let bad = MnistLoadJob { weights: Some(vec![1, 2, 3]), data: None, weights_name: "x.safetensors".into(), data_name: String::new() };
        let e = MnistLab::load(Some(&mut slot), bad).unwrap_err();
        assert!(e.contains("x.safetensors") && e.contains("truncated"), "{e}");
        assert_eq!(slot.as_ref().unwrap().weights_name, "seed 0");
        // Data as weights: the keys are named.
        let (_, d) = files();
        let bad = MnistLoadJob { weights: Some(d), data: None, weights_name: "d".into(), data_name: String::new() };
        let e = MnistLab::load(Some(&mut slot), bad).unwrap_err();
        assert!(e.contains("missing key 'model.0.weight'") && e.contains("unexpected key"), "{e}");
        let mut empty = None;
        let (w, _) = files();
        let only = MnistLoadJob { weights: Some(w), data: None, weights_name: "w".into(), data_name: String::new() };
        assert!(MnistLab::load(Some(&mut empty), only).is_err());
    }

    #[test]
    fn digits_and_drawings_through_every_scheme() {
        let lab = lab().unwrap();
        let d = lab.digit(&MnistDigitJob { source: DigitSource::Test(4) }).unwrap();
        assert_eq!((d.image.len(), d.schemes.len(), d.index), (784, ALL_SCHEMES.len(), Some(4)));
        assert_eq!(d.label, Some(lab.test.labels[4]));
        let input: Vec<f32> = Dataset { images: d.image.clone(), labels: vec![0] }.normalized();
        assert_eq!(d.schemes[0].logits, lab.networks[0].logits(&input));
        assert!(lab.digit(&MnistDigitJob { source: DigitSource::Test(2000) }).is_err());
        // A test digit drawn 4× larger is recognised after preprocessing.
        let big: Vec<u8> = (0..112 * 112).map(|i| lab.test.image(4)[(i / 112 / 4) * 28 + (i % 112) / 4]).collect();
        let drawn = lab.digit(&MnistDigitJob { source: DigitSource::Drawing { width: 112, height: 112, ink: big } }).unwrap();
        assert_eq!(drawn.schemes[0].digit, d.schemes[0].digit);
        let blank = lab.digit(&MnistDigitJob { source: DigitSource::Drawing { width: 4, height: 4, ink: vec![0; 16] } }).unwrap();
        assert!(blank.image.is_empty() && blank.schemes.is_empty());
    }

    #[test]
    fn histograms_overlay_the_stored_values() {
        let lab = lab().unwrap();
        let h = lab.histograms(&MnistHistogramJob { scheme: "ternary".into(), bins: 64 }).unwrap();
        assert_eq!(h.layers.len(), 3);
        for l in &h.layers {
            assert_eq!(l.counts.iter().sum::<u32>() as usize, l.level_counts.iter().sum::<u32>() as usize);
            assert!(l.distinct <= 3 && l.levels.len() == l.distinct, "{l:?}");
        }
        assert_eq!(h.layers[0].counts.iter().sum::<u32>(), 128 * 784);
        assert!(lab.histograms(&MnistHistogramJob { scheme: "nope".into(), bins: 64 }).is_err());
    }

    #[test]
    fn training_reports_each_epoch_and_equals_lowbit_mnist_train() {
        let lab = lab().unwrap();
        let job = MnistTrainJob { seed: 3, epochs: 1, lr: 0.01, momentum: 0.5, batch: 64, qat: Some(["ternary".into(), "ternary".into(), "float32".into()]), start: TrainStart::Current };
        let mut task = MnistTrainTask::new(Some(&lab), job);
        let mut partials = 0;
        let outcome = run_to_end(&mut task, &mut no_clock(), &mut |p| {
            partials += matches!(&p.partial, Some(crate::protocol::Partial::MnistEpochs(_))) as usize;
            true
        })
        .unwrap();
        let Outcome::MnistTrained(t) = outcome else { panic!() };
        assert!(partials > 100);
        let config = TrainConfig { seed: 3, epochs: 1, qat: Some(LayerSchemes::parse("ternary,ternary,float32").unwrap()), ..TrainConfig::default() };
        let reference = lowbit_mnist::train(&config, Some(lab.model.clone()), &lab.train, &lab.test).unwrap();
        assert_eq!(t.epochs.len(), 1);
        assert_eq!(t.epochs[0].accuracy, reference.epochs[0].accuracy);
        assert_eq!(t.epochs[0].loss, reference.epochs[0].loss);
        assert_eq!(Mlp::from_safetensors(&t.weights).unwrap(), reference.model);
        assert_eq!(t.scheme, "ternary,ternary,float32");
        // Bad settings are refused with a message.
        let bad = MnistTrainJob { seed: 0, epochs: 0, lr: 0.01, momentum: 0.5, batch: 64, qat: None, start: TrainStart::Scratch };
        let mut task = MnistTrainTask::new(Some(&lab), bad);
        assert!(matches!(run_to_end(&mut task, &mut no_clock(), &mut |_| true), Err(crate::task::Stopped::Failed(m)) if m.contains("epochs")));
    }
}
