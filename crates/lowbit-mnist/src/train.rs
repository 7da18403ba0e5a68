//! Training: the seed's recipe (SGD lr 0.01, momentum 0.5, batch 64, log-softmax + NLL, 4
//! epochs, shuffled batches) and quantization-aware training with a straight-through
//! estimator.
//!
//! Determinism: one SplitMix64 stream seeded with `seed` draws the initial weights (when no
//! starting weights are given) and then, before every epoch, a Fisher–Yates shuffle of the
//! training digits (`DataLoader(shuffle=True)`); the last batch of an epoch may be short. All
//! arithmetic is f32 in a fixed order, so a seed gives the same weights on every run.
//!
//! SGD is PyTorch's (`dampening=0`, `nesterov=False`, no weight decay): `v ← momentum · v + g`
//! (v = g on the first step), `p ← p − lr · v`.
//!
//! QAT keeps latent f32 weights. Each step the forward pass uses the scheme's quantized weights
//! (lowbit-core's quantizer, dequantized), and for `bitnet_b158` also 8-bit absmax activations
//! per sample; the backward pass treats both quantizers as the identity (straight-through
//! estimator) and updates the latent weights.

use lowbit_core::rng::SplitMix64;

use crate::data::{Dataset, CLASSES, PIXELS};
use crate::model::{axpy, linear_f32, log_softmax, relu, Mlp, LAYERS};
use crate::schemes::{evaluate, fp32_predictions, quantize_activations_int8, EvalResult, LayerSchemes, MnistScheme, QAT_SCHEMES};

/// The training settings (the seed's by default).
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    /// Seed of the initial weights and the shuffles.
    pub seed: u64,
    /// Passes over the training digits.
    pub epochs: usize,
    /// Learning rate.
    pub lr: f32,
    /// SGD momentum.
    pub momentum: f32,
    /// Batch size.
    pub batch: usize,
    /// Quantization-aware training: the scheme of each layer (`float32` leaves a layer plain).
    pub qat: Option<LayerSchemes>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { seed: 0, epochs: 4, lr: 0.01, momentum: 0.5, batch: 64, qat: None }
    }
}

impl TrainConfig {
    /// Refuses settings that cannot train: no epochs, a batch of 0, a learning rate or
    /// momentum that is not a finite number ≥ 0 (> 0 for lr), QAT schemes outside
    /// [`QAT_SCHEMES`] (`float32` allowed for a layer).
    pub fn validate(&self) -> Result<(), String> {
        if self.epochs == 0 || self.epochs > 1000 {
            return Err(format!("epochs must be between 1 and 1000, got {}", self.epochs));
        }
        if self.batch == 0 {
            return Err("the batch size must be at least 1".into());
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(format!("the learning rate must be a positive number, got {}", self.lr));
        }
        if !(self.momentum.is_finite() && (0.0..1.0).contains(&self.momentum)) {
            return Err(format!("the momentum must be in [0, 1), got {}", self.momentum));
        }
        if let Some(q) = &self.qat {
            for s in q.0 {
                if s != MnistScheme::Float32 && !QAT_SCHEMES.contains(&s) {
                    let ids: Vec<&str> = QAT_SCHEMES.iter().map(|s| s.id()).collect();
                    return Err(format!("--qat does not train '{}'; valid: {}", s.id(), ids.join(", ")));
                }
            }
        }
        Ok(())
    }

    /// The schemes the trained model is scored in (float32 without QAT).
    pub fn eval_schemes(&self) -> LayerSchemes {
        self.qat.unwrap_or(LayerSchemes::uniform(MnistScheme::Float32))
    }
}

/// One epoch's line of the report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Mean training loss over the epoch's batches.
    pub loss: f64,
    /// Test accuracy after the epoch, in percent (in the QAT scheme when training QAT).
    pub accuracy: f64,
}

/// A training run, one batch at a time (so a caller can report progress and cancel).
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The (latent) f32 model.
    pub model: Mlp,
    /// The settings.
    pub config: TrainConfig,
    inputs: Vec<f32>,
    labels: Vec<u8>,
    rng: SplitMix64,
    order: Vec<usize>,
    position: usize,
    epoch: usize,
    loss_sum: f64,
    batches: usize,
    velocity: Vec<(Vec<f32>, Vec<f32>)>,
}

impl Trainer {
    /// Starts a run on `train`, from `init` or from PyTorch's default init with the seed.
    pub fn new(config: TrainConfig, init: Option<Mlp>, train: &Dataset) -> Result<Trainer, String> {
        config.validate()?;
        if train.is_empty() {
            return Err("no training digits".into());
        }
        let mut rng = SplitMix64::new(config.seed);
        let model = match init {
            Some(m) => m,
            None => Mlp::init_with(&mut rng),
        };
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        Ok(Trainer {
            model,
            config,
            inputs: train.normalized(),
            labels: train.labels.clone(),
            rng,
            order,
            position: 0,
            epoch: 0,
            loss_sum: 0.0,
            batches: 0,
            velocity: Vec::new(),
        })
    }

    /// Completed epochs.
    pub fn epochs_done(&self) -> usize {
        self.epoch
    }

    /// Batches per epoch.
    pub fn batches_per_epoch(&self) -> usize {
        self.labels.len().div_ceil(self.config.batch)
    }

    /// Batches done in the current epoch.
    pub fn batch_in_epoch(&self) -> usize {
        self.batches
    }

    /// True when every epoch has run.
    pub fn finished(&self) -> bool {
        self.epoch >= self.config.epochs
    }

    /// Trains one batch; returns its loss, and `Some(mean loss)` as the second value when
    /// the batch ended an epoch (the next epoch's order is then drawn). None once finished.
    pub fn step(&mut self) -> Option<(f32, Option<f64>)> {
        if self.finished() {
            return None;
        }
        let end = (self.position + self.config.batch).min(self.order.len());
        let batch: Vec<usize> = self.order[self.position..end].to_vec();
        let loss = self.train_batch(&batch);
        self.position = end;
        self.loss_sum += loss as f64;
        self.batches += 1;
        let mut epoch_loss = None;
        if self.position >= self.order.len() {
            epoch_loss = Some(self.loss_sum / self.batches.max(1) as f64);
            self.epoch += 1;
            self.position = 0;
            self.loss_sum = 0.0;
            self.batches = 0;
            if !self.finished() {
                self.rng.shuffle(&mut self.order);
            }
        }
        Some((loss, epoch_loss))
    }

    /// Runs the rest of the current epoch; returns its mean loss (None if finished).
    pub fn run_epoch(&mut self) -> Option<f64> {
        loop {
            let (_, done) = self.step()?;
            if let Some(loss) = done {
                return Some(loss);
            }
        }
    }

    /// The weights the forward pass uses: quantized (and dequantized) for QAT layers.
    fn effective_weights(&self) -> Vec<Vec<f32>> {
        let schemes = self.config.eval_schemes();
        self.model
            .layers
            .iter()
            .zip(schemes.0)
            .map(|(layer, scheme)| match scheme.core_scheme(layer.inputs) {
                Some((core, options)) if scheme != MnistScheme::Float32 => core.quantize(&layer.weight, &options).dequantized,
                _ => layer.weight.clone(),
            })
            .collect()
    }

    /// Forward, NLL loss, backward and one SGD step on the digits `batch`; returns the loss.
    fn train_batch(&mut self, batch: &[usize]) -> f32 {
        let rows = batch.len();
        let schemes = self.config.eval_schemes();
        let weights = self.effective_weights();
        let mut x = Vec::with_capacity(rows * PIXELS);
        for &i in batch {
            x.extend_from_slice(&self.inputs[i * PIXELS..(i + 1) * PIXELS]);
        }
        // Forward. `used[l]` is the input layer l multiplies (8-bit for BitNet layers);
        // `outs[l]` its output after ReLU (logits for the last layer).
        let mut used: Vec<Vec<f32>> = Vec::with_capacity(LAYERS);
        let mut outs: Vec<Vec<f32>> = Vec::with_capacity(LAYERS);
        let mut current = x;
        for (l, layer) in self.model.layers.iter().enumerate() {
            let input = if schemes.0[l] == MnistScheme::BitnetB158 {
                let (codes, scales) = quantize_activations_int8(&current, layer.inputs);
                codes
                    .chunks_exact(layer.inputs)
                    .zip(&scales)
                    .flat_map(|(q, &s)| q.iter().map(move |&c| c as f32 * s))
                    .collect()
            } else {
                current
            };
            let mut y = Vec::new();
            linear_f32(&input, &weights[l], &layer.bias, layer.inputs, &mut y);
            if l + 1 < LAYERS {
                relu(&mut y);
            }
            used.push(input);
            current = y.clone();
            outs.push(y);
        }
        // Loss and its gradient: mean over the batch of −log_softmax(z)[label].
        let mut grad = outs[LAYERS - 1].clone();
        let mut loss = 0f32;
        let inv_rows = 1.0 / rows as f32;
        for (row, &i) in grad.chunks_exact_mut(CLASSES).zip(batch) {
            log_softmax(row);
            let label = self.labels[i] as usize;
            loss -= row[label];
            for (c, g) in row.iter_mut().enumerate() {
                let p = g.exp();
                *g = (p - if c == label { 1.0 } else { 0.0 }) * inv_rows;
            }
        }
        loss *= inv_rows;
        // Backward.
        let mut grads: Vec<(Vec<f32>, Vec<f32>)> = Vec::with_capacity(LAYERS);
        for l in (0..LAYERS).rev() {
            let layer = &self.model.layers[l];
            let (n, o) = (layer.inputs, layer.outputs);
            let mut dw = vec![0f32; n * o];
            let mut db = vec![0f32; o];
            for (g_row, x_row) in grad.chunks_exact(o).zip(used[l].chunks_exact(n)) {
                for ((&g, dw_row), dbo) in g_row.iter().zip(dw.chunks_exact_mut(n)).zip(db.iter_mut()) {
                    if g != 0.0 {
                        axpy(dw_row, g, x_row);
                    }
                    *dbo += g;
                }
            }
            if l > 0 {
                let mut dx = vec![0f32; rows * n];
                for (g_row, dx_row) in grad.chunks_exact(o).zip(dx.chunks_exact_mut(n)) {
                    for (&g, w_row) in g_row.iter().zip(weights[l].chunks_exact(n)) {
                        if g != 0.0 {
                            axpy(dx_row, g, w_row);
                        }
                    }
                }
                // ReLU: the gradient flows where the layer's output was positive.
                for (d, &a) in dx.iter_mut().zip(&outs[l - 1]) {
                    if a <= 0.0 {
                        *d = 0.0;
                    }
                }
                grad = dx;
            }
            grads.push((dw, db));
        }
        grads.reverse();
        self.sgd(grads);
        loss
    }

    fn sgd(&mut self, grads: Vec<(Vec<f32>, Vec<f32>)>) {
        let (lr, momentum) = (self.config.lr, self.config.momentum);
        if self.velocity.is_empty() {
            self.velocity = grads;
        } else {
            for ((vw, vb), (gw, gb)) in self.velocity.iter_mut().zip(grads) {
                for (v, g) in vw.iter_mut().zip(gw).chain(vb.iter_mut().zip(gb)) {
                    *v = momentum * *v + g;
                }
            }
        }
        for (layer, (vw, vb)) in self.model.layers.iter_mut().zip(&self.velocity) {
            for (p, v) in layer.weight.iter_mut().zip(vw).chain(layer.bias.iter_mut().zip(vb)) {
                *p -= lr * v;
            }
        }
    }
}

/// The outcome of [`train`].
#[derive(Clone, Debug, PartialEq)]
pub struct TrainResult {
    /// The trained (latent) f32 model.
    pub model: Mlp,
    /// One line per epoch.
    pub epochs: Vec<EpochReport>,
    /// Final test accuracy in percent (in the QAT scheme when training QAT).
    pub accuracy: f64,
    /// The final model scored in its scheme.
    pub eval: EvalResult,
}

/// Trains on `train`, scoring on `test` after every epoch.
pub fn train(config: &TrainConfig, init: Option<Mlp>, train: &Dataset, test: &Dataset) -> Result<TrainResult, String> {
    let mut trainer = Trainer::new(config.clone(), init, train)?;
    let test_inputs = test.normalized();
    let schemes = config.eval_schemes();
    let mut epochs = Vec::new();
    let mut last = None;
    while let Some(loss) = trainer.run_epoch() {
        let reference = fp32_predictions(&trainer.model, &test_inputs);
        let eval = evaluate(&trainer.model, schemes, &test_inputs, &test.labels, &reference);
        epochs.push(EpochReport { epoch: trainer.epochs_done(), loss, accuracy: eval.accuracy });
        last = Some(eval);
    }
    let eval = last.ok_or("no epoch ran")?;
    Ok(TrainResult { model: trainer.model, epochs, accuracy: eval.accuracy, eval })
}
