#!/usr/bin/env python3
"""Fixtures for Lowbit's GGUF block formats (crates/lowbit-core/src/gguf/).

Two references, each run on the same inputs:

* ggml itself: `ggml_quantize_chunk(type, src, dst, 0, nrows, n_per_row, NULL)` (what llama.cpp's
  quantizer writes without an importance matrix) and `ggml_get_type_traits(type)->to_float`, called
  through ctypes in `libggml-base.so` of llama-cpp-python 0.3.36 (ggml 0.25.3), built from source:

      python3 -m venv .venv
      .venv/bin/pip install cmake ninja scikit-build-core numpy gguf==0.19.0
      CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_BLAS=OFF" \
          .venv/bin/pip install --no-build-isolation llama-cpp-python==0.3.36

  (or point GGML_BASE_LIB at a libggml-base.so of that version).
* the `gguf` Python package 0.19.0 (gguf-py, numpy): quantizers for q8_0, q4_0, q4_1, q5_0,
  q5_1, tq1_0, tq2_0 and mxfp4, dequantizers for every type.

Writes crates/lowbit-core/tests/fixtures/gguf.json:

  {"versions": {...},
   "inputs": {NAME: {"rows": R, "n_per_row": N, "f32_hex": ...}},   # little-endian f32 bits
   "ggml": {TYPE: {NAME: {"blocks_hex": ..., "dequantized_hex": ...}}},  # f32 bits of to_float
   "gguf_py": {TYPE: {NAME: {"blocks_hex": ... (types gguf-py quantizes), "dequantized_hex": ...}}},
   "random_blocks": {TYPE: {"blocks_hex": ..., "ggml_hex": ..., "gguf_py_hex": ...}},
   "mxfp4_log2": [[k, j, e], ...]}   # ggml's E8M0 byte for amax = (2 - j * 2^-23) * 2^k

gguf-py's dequantized values are those of ggml's blocks (so the two dequantizers are compared on
the same bytes); its quantized blocks are those of its own quantizer.

Run: .venv/bin/python scripts/gen_gguf_fixtures.py
"""

import ctypes
import glob
import json
import os
import sys

import numpy as np

import gguf
from gguf import GGMLQuantizationType as Q
from gguf import quants as gq

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "lowbit-core", "tests", "fixtures", "gguf.json")

# Lowbit id -> ggml enum (ggml.h of ggml 0.25.3: enum ggml_type).
TYPES = {
    "q8_0": Q.Q8_0, "q4_0": Q.Q4_0, "q4_1": Q.Q4_1, "q5_0": Q.Q5_0, "q5_1": Q.Q5_1,
    "q2_k": Q.Q2_K, "q3_k": Q.Q3_K, "q4_k": Q.Q4_K, "q5_k": Q.Q5_K, "q6_k": Q.Q6_K,
    "iq4_nl": Q.IQ4_NL, "tq1_0": Q.TQ1_0, "tq2_0": Q.TQ2_0, "mxfp4_gguf": Q.MXFP4,
}
GGUF_PY_QUANTIZES = {"q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "tq1_0", "tq2_0", "mxfp4_gguf"}


class TypeTraits(ctypes.Structure):
    """struct ggml_type_traits (ggml.h, ggml 0.25.3)."""
    _fields_ = [
        ("type_name", ctypes.c_char_p),
        ("blck_size", ctypes.c_int64),
        ("blck_size_interleave", ctypes.c_int64),
        ("type_size", ctypes.c_size_t),
        ("is_quantized", ctypes.c_bool),
        ("to_float", ctypes.c_void_p),
        ("from_float_ref", ctypes.c_void_p),
    ]


TO_FLOAT = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64)


def find_ggml():
    if os.environ.get("GGML_BASE_LIB"):
        return os.environ["GGML_BASE_LIB"]
    import llama_cpp  # noqa: F401  (only to find its directory)
    base = os.path.dirname(llama_cpp.__file__)
    hits = sorted(glob.glob(os.path.join(base, "**", "libggml-base.so*"), recursive=True))
    if not hits:
        sys.exit("libggml-base.so not found in the llama_cpp package; set GGML_BASE_LIB")
    return hits[0]


class Ggml:
    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        self.lib.ggml_quantize_chunk.restype = ctypes.c_size_t
        self.lib.ggml_quantize_chunk.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                                                 ctypes.c_int64, ctypes.c_int64, ctypes.c_int64,
                                                 ctypes.c_void_p]
        self.lib.ggml_get_type_traits.restype = ctypes.POINTER(TypeTraits)
        self.lib.ggml_get_type_traits.argtypes = [ctypes.c_int]

    def traits(self, qtype):
        return self.lib.ggml_get_type_traits(int(qtype)).contents

    def quantize(self, qtype, x, rows):
        x = np.ascontiguousarray(x, dtype=np.float32)
        t = self.traits(qtype)
        n_per_row = x.size // rows
        out = np.zeros(x.size // t.blck_size * t.type_size, dtype=np.uint8)
        n = self.lib.ggml_quantize_chunk(int(qtype), x.ctypes.data, out.ctypes.data, 0, rows, n_per_row, None)
        assert n == out.size, (qtype, n, out.size)
        return out

    def dequantize(self, qtype, blocks):
        blocks = np.ascontiguousarray(blocks, dtype=np.uint8)
        t = self.traits(qtype)
        k = blocks.size // t.type_size * t.blck_size
        y = np.zeros(k, dtype=np.float32)
        TO_FLOAT(t.to_float)(blocks.ctypes.data, y.ctypes.data, k)
        return y


def f32_hex(x):
    return np.asarray(x, dtype="<f4").tobytes().hex()


def inputs():
    """Named inputs, each rows x n_per_row with n_per_row a multiple of 256 (every type's block)."""
    rng = np.random.default_rng(20261130)
    sets = {}
    sets["normal"] = (2, rng.standard_normal(2 * 256).astype(np.float32))
    sets["uniform"] = (2, rng.uniform(-1, 1, 2 * 256).astype(np.float32))
    out = rng.standard_normal(512).astype(np.float32) * 0.02
    out[rng.choice(512, 9, replace=False)] *= 300.0
    sets["outliers"] = (1, out)
    # Zeros: a whole super-block, whole 32-blocks and 16-sub-blocks among data, single zeros.
    z = rng.standard_normal(512).astype(np.float32)
    z[:256] = 0.0
    z[256 + 32:256 + 64] = 0.0
    z[256 + 128:256 + 144] = 0.0
    z[256 + 200] = -0.0
    sets["zeros"] = (1, z)
    # Ties: multiples of 1/4 and 1/8 hit every tie of every rounding rule (q4_0 x/d + 8.5,
    # nearest_int halves, E2M1 midpoints 0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5).
    grid = np.concatenate([np.arange(-32, 32) / 4.0, np.arange(-64, 64) / 8.0,
                           np.array([0.75, 1.75, 3.5, -0.75, -1.75, -3.5, 6.0, -6.0] * 8)])
    ties = grid.astype(np.float32)
    sets["ties"] = (1, np.resize(ties, 512).astype(np.float32))
    # Integers and half-integers per block with a chosen maximum (exact scales).
    ints = rng.integers(-16, 17, 256).astype(np.float32) / 2.0
    ints[::32] = 8.0
    sets["half_integers"] = (1, ints)
    # Tiny magnitudes: subnormal block maxima (1/d overflows), values under GROUP_MAX_EPS,
    # f16 underflow.
    tiny = np.concatenate([
        rng.standard_normal(64) * 1e-40,
        rng.standard_normal(64) * 1e-38,
        rng.standard_normal(64) * 1e-20,
        rng.standard_normal(64) * 1e-16,
        rng.standard_normal(64) * 1e-7,
        rng.standard_normal(64) * 1e-5,
        np.full(64, 1.4e-45), rng.standard_normal(64) * 3e-39,
    ]).astype(np.float32)
    sets["tiny"] = (1, tiny)
    # Huge magnitudes: f16 scale overflow (d > 65504), max - min overflowing f32.
    huge = np.concatenate([
        rng.standard_normal(64) * 1e5, rng.standard_normal(64) * 1e6,
        rng.standard_normal(64) * 1e30, rng.uniform(-3.4e38, 3.4e38, 64),
    ]).astype(np.float32)
    sets["huge"] = (1, huge)
    # One sign only, constant blocks, a ramp.
    pos = np.abs(rng.standard_normal(128)).astype(np.float32) + 0.5
    neg = (-np.abs(rng.standard_normal(128)) - 0.25).astype(np.float32)
    const = np.concatenate([np.full(32, 0.3), np.full(32, -2.0), np.full(32, 7.0), np.full(32, 1e-3)]).astype(np.float32)
    ramp = np.linspace(-1, 3, 128).astype(np.float32)
    sets["one_sign_const_ramp"] = (2, np.concatenate([pos, neg, const, ramp]))
    return sets


def random_blocks(rng, qtype, nblocks, ggml):
    """Random bytes (any scale bits, NaN and Inf included), for the dequantizers."""
    t = ggml.traits(qtype)
    b = rng.integers(0, 256, (nblocks, t.type_size), dtype=np.uint8)
    return b.reshape(-1)


def mxfp4_log2(ggml):
    """ggml's E8M0 byte for amax just below a power of two, over the whole f32 range: where
    log2f rounds up to the next integer."""
    rows = []
    xs = []
    for k in range(-149, 128):
        for j in (1, 2, 3, 4, 8, 64):
            a = np.float32(np.ldexp(np.float64(2.0 - j * 2.0 ** -23), k))
            if a == 0 or not np.isfinite(a):
                continue
            block = np.zeros(32, dtype=np.float32)
            block[0] = a
            xs.append(block)
            rows.append([k, j])
    x = np.concatenate(xs)
    b = ggml.quantize(Q.MXFP4, x, len(xs))
    for i, r in enumerate(rows):
        r.append(int(b[17 * i]))
    return rows


def main():
    ggml = Ggml(find_ggml())
    sets = inputs()
    fixture = {
        "versions": {"gguf": gguf.__version__ if hasattr(gguf, "__version__") else "0.19.0",
                     "numpy": np.__version__, "ggml": "0.25.3 (llama-cpp-python 0.3.36)"},
        "inputs": {}, "ggml": {}, "gguf_py": {}, "random_blocks": {},
    }
    for name, (rows, x) in sets.items():
        assert x.size % (rows * 256) == 0, name
        fixture["inputs"][name] = {"rows": rows, "n_per_row": x.size // rows, "f32_hex": f32_hex(x)}
    diffs = []
    with np.errstate(all="ignore"):
        for tid, qtype in TYPES.items():
            fixture["ggml"][tid] = {}
            fixture["gguf_py"][tid] = {}
            for name, (rows, x) in sets.items():
                blocks = ggml.quantize(qtype, x, rows)
                deq = ggml.dequantize(qtype, blocks)
                fixture["ggml"][tid][name] = {"blocks_hex": blocks.tobytes().hex(), "dequantized_hex": f32_hex(deq)}
                py = {}
                if tid in GGUF_PY_QUANTIZES:
                    pb = gq.quantize(x.reshape(rows, -1), qtype).reshape(-1)
                    py["blocks_hex"] = pb.tobytes().hex()
                    if not np.array_equal(pb, blocks):
                        diffs.append(f"{tid}/{name}: gguf-py quantize differs from ggml in "
                                     f"{int(np.sum(pb != blocks))} bytes")
                pd = gq.dequantize(blocks.reshape(rows, -1), qtype).reshape(-1).astype(np.float32)
                py["dequantized_hex"] = f32_hex(pd)
                same = (pd.view(np.uint32) == deq.view(np.uint32)) | (np.isnan(pd) & np.isnan(deq))
                if not same.all():
                    diffs.append(f"{tid}/{name}: gguf-py dequantize differs from ggml in "
                                 f"{int(np.sum(~same))} values ({int(np.sum(~same & (pd == deq)))} only by the sign of zero)")
                fixture["gguf_py"][tid][name] = py
            rng = np.random.default_rng(7 + int(qtype))
            rows = 2 if ggml.traits(qtype).blck_size == 256 else 16
            rb = random_blocks(rng, qtype, rows, ggml)
            pd = gq.dequantize(rb.reshape(rows, -1), qtype).reshape(-1).astype(np.float32)
            fixture["random_blocks"][tid] = {"blocks_hex": rb.tobytes().hex(),
                                             "ggml_hex": f32_hex(ggml.dequantize(qtype, rb)),
                                             "gguf_py_hex": f32_hex(pd)}
    fixture["mxfp4_log2"] = mxfp4_log2(ggml)
    fixture["reference_differences"] = diffs
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")
    for d in diffs:
        print("  note:", d)


if __name__ == "__main__":
    main()
