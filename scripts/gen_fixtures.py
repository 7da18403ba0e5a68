#!/usr/bin/env python3
"""Generate Lowbit's conformance fixtures from ml_dtypes 0.6.0 (and numpy).

Writes crates/lowbit-core/tests/fixtures/ml_dtypes.json, which is committed so that `cargo test`
needs no Python. Run from anywhere:

    pip install ml_dtypes==0.6.0      # pulls numpy
    python3 scripts/gen_fixtures.py

The output is deterministic (no randomness, no timestamps): running it twice gives the same file.

What the fixture holds, per float format of at most 16 bits (float16 is numpy's own type, the
rest are ml_dtypes'):

* `decode`: the value of EVERY code, as float32 bit patterns in hex (8 hex digits per code,
  code order). NaN codes are written as the canonical `7fc00000` whatever their payload or sign.
  Sub-byte types (float6_*, float4_*) are decoded by viewing uint8 codes 0..2^bits-1 as the type.
* `finfo`: ml_dtypes.finfo max, min, smallest_normal, smallest_subnormal, eps, as float64 bit
  patterns in hex (`repr` alongside for humans).
* `encode_inputs` / `encode_codes`: edge cases of float32 -> format, each input a float32 bit
  pattern (8 hex digits) and the code ml_dtypes produces,
  `np.array(x, np.float32).astype(dtype).view(uint8|uint16)` (hex, 2 or 4 digits per code).
  Inputs are float32 so that ml_dtypes' internal float64 -> float32 step cannot double-round.
  Cases: every exact value, every midpoint between neighbouring values (the ties), midpoint +- 1
  float32 ulp, the overflow boundaries (max, the overflow tie max + ulp/2 and +-1 ulp / +-1 around
  it, max + ulp, 2 max, the float32 max), underflow (min subnormal / 2 +- 1 ulp, / 4, 3/4),
  float32's own tiny values, +-0, +-Inf, +-NaN, all mirrored to negative inputs. For the 16-bit
  formats the cases are sampled to keep the file small (every value and midpoint of the 4 lowest
  and 2 highest binades and of [1, 4), every 8th elsewhere; negatives every 4th of those); the
  Rust tests add the `half` crate on a strided sample of all float32 bit patterns.
* `reference_disagreements`: cases where ml_dtypes' code differs from an exact rounding computed
  here with fractions (ties to even; ties up for float8_e8m0fnu; ml_dtypes' overflow rules). NaN,
  Inf and zero inputs are not compared. The only disagreements in ml_dtypes 0.6.0: float8_e8m0fnu
  rounds every float32 subnormal in (2^-127, 2^-126) up to 2^-126, even below the midpoint
  1.5 * 2^-127, where the nearest value is 2^-127 (code 0x00).

Integer formats (`ints`): int8/uint8 (numpy's), int4/uint4/int2/uint2 (ml_dtypes'), cast from a
list of float32 values. These are C casts: truncation toward zero, then the low bits (wrap). The
byte ml_dtypes stores for a 4- or 2-bit integer holds the value's low bits; codes here are masked
to the format's width. Out of range of the C `int` used inside (|x| >= 2^31, +-Inf, NaN) the result
is whatever the CPU's conversion instruction gives (x86: INT_MIN, whose low bits are 0).

Double rounding (`double_rounding_*`, per format): float64 inputs a hair off a rounding decision point
(midpoint +- 1 float64 ulp, the overflow tie +- 1 ulp, tiny float64 values below float32's range).
ml_dtypes converts float64 to float32 first, landing exactly on the tie, and then rounds the tie;
the correct answer (rounding once, from the exact value) is computed here with Python fractions.
Three parallel hex strings: the float64 bit patterns (16 digits each), ml_dtypes' codes, the exact
codes; `double_rounding_differences` counts the cases where the two codes differ. numpy's float16 is
not affected (it converts float64 directly); its cases are kept to show that.
"""

import bisect
import json
import math
import os
import platform
import sys
import warnings
from fractions import Fraction

REQUIRED_ML_DTYPES = "0.6.0"

try:
    import ml_dtypes
    import numpy as np
except ImportError as error:  # pragma: no cover
    sys.exit(f"gen_fixtures.py needs ml_dtypes {REQUIRED_ML_DTYPES} and numpy ({error}).\n"
             f"Install them with: pip install ml_dtypes=={REQUIRED_ML_DTYPES}")

if ml_dtypes.__version__ != REQUIRED_ML_DTYPES:
    sys.exit(f"gen_fixtures.py needs ml_dtypes {REQUIRED_ML_DTYPES}, found {ml_dtypes.__version__}.\n"
             f"Install it with: pip install ml_dtypes=={REQUIRED_ML_DTYPES}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "crates", "lowbit-core", "tests", "fixtures")
OUT_FILE = os.path.join(OUT_DIR, "ml_dtypes.json")

# id, dtype, bits, mantissa bits, ties ("even" | "away")
FLOATS = [
    ("float16", np.float16, 16, 10, "even"),
    ("bfloat16", ml_dtypes.bfloat16, 16, 7, "even"),
    ("float8_e4m3fn", ml_dtypes.float8_e4m3fn, 8, 3, "even"),
    ("float8_e5m2", ml_dtypes.float8_e5m2, 8, 2, "even"),
    ("float8_e4m3fnuz", ml_dtypes.float8_e4m3fnuz, 8, 3, "even"),
    ("float8_e5m2fnuz", ml_dtypes.float8_e5m2fnuz, 8, 2, "even"),
    ("float8_e4m3b11fnuz", ml_dtypes.float8_e4m3b11fnuz, 8, 3, "even"),
    ("float8_e4m3", ml_dtypes.float8_e4m3, 8, 3, "even"),
    ("float8_e3m4", ml_dtypes.float8_e3m4, 8, 4, "even"),
    ("float8_e8m0fnu", ml_dtypes.float8_e8m0fnu, 8, 0, "away"),
    ("float6_e2m3fn", ml_dtypes.float6_e2m3fn, 6, 3, "even"),
    ("float6_e3m2fn", ml_dtypes.float6_e3m2fn, 6, 2, "even"),
    ("float4_e2m1fn", ml_dtypes.float4_e2m1fn, 4, 1, "even"),
]

INTS = [
    ("int8", np.int8, 8, True),
    ("uint8", np.uint8, 8, False),
    ("int4", ml_dtypes.int4, 4, True),
    ("uint4", ml_dtypes.uint4, 4, False),
    ("int2", ml_dtypes.int2, 2, True),
    ("uint2", ml_dtypes.uint2, 2, False),
]

NAN32 = 0x7FC00000


# ----------------------------------------------------------------------------- helpers

def f32_bits(x):
    return int(np.array([x], np.float32).view(np.uint32)[0])


def f32_from_bits(b):
    return np.array([b], np.uint32).view(np.float32)[0]


def f64_bits(x):
    return int(np.array([x], np.float64).view(np.uint64)[0])


def f32_next(x, direction):
    """The float32 neighbour of the float32 x toward +inf (direction > 0) or -inf."""
    return np.nextafter(np.float32(x), np.float32(math.inf if direction > 0 else -math.inf))


def is_f32(q):
    """Whether the Fraction q is exactly a float32 value."""
    x = np.float32(float(q)) if abs(q) < 2 ** 128 else np.float32(np.inf)
    return bool(np.isfinite(x)) and Fraction(float(x)) == q


def code_view(dtype, bits):
    return np.uint16 if bits == 16 else np.uint8


def cast_codes(values, dtype, bits, source=np.float32):
    """ml_dtypes' codes for an array of inputs (float32 by default)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = np.array(values, source).astype(dtype).view(code_view(dtype, bits))
    mask = (1 << bits) - 1
    return [int(c) & mask for c in out]


def decode_all(dtype, bits):
    codes = np.arange(1 << bits, dtype=code_view(dtype, bits))
    return codes.view(dtype).astype(np.float32)


def hex_join(values, width):
    return "".join(f"{v:0{width}x}" for v in values)


# ----------------------------------------------------------------------------- exact reference

class Reference:
    """Exact rounding into a format described by ml_dtypes' own value table.

    Positive finite values sorted; rounding picks the nearest, ties to the even code (or up for
    ties == "away"); beyond the largest value the next value of an unbounded exponent range
    (max + ulp of the top binade) decides overflow, as IEEE 754 does ("range is checked after
    rounding"). Overflow gives ml_dtypes' code for +-Inf input (Inf, NaN or saturation)."""

    def __init__(self, fid, dtype, bits, mantissa_bits, ties, table):
        self.fid, self.ties, self.bits = fid, ties, bits
        self.mantissa_bits = mantissa_bits
        self.signed = fid != "float8_e8m0fnu"
        sign = 1 << (bits - 1) if self.signed else 0
        positive = {}
        negative = {}
        self.neg_zero = None
        self.pos_zero = None
        for code, v in enumerate(table):
            v = float(v)
            if math.isnan(v) or math.isinf(v):
                continue
            if v == 0:
                if math.copysign(1, v) < 0:
                    self.neg_zero = code
                else:
                    self.pos_zero = code
                continue
            (positive if v > 0 else negative)[Fraction(v) if v > 0 else -Fraction(v)] = code
        self.values = sorted(positive)  # positive magnitudes
        self.pos_codes = [positive[v] for v in self.values]
        self.neg_codes = [negative.get(v) for v in self.values] if self.signed else None
        top = self.values[-1]
        e = math.floor(math.log2(top))
        while Fraction(2) ** e > top:
            e -= 1
        while Fraction(2) ** (e + 1) <= top:
            e += 1
        self.top_ulp = Fraction(2) ** (e - mantissa_bits)
        self.beyond = top + self.top_ulp  # the first value of an unbounded exponent range
        self.beyond_code = self.pos_codes[-1] + 1  # its parity decides a tie (mantissa LSB)
        inf_codes = cast_codes([np.inf, -np.inf], dtype, bits)
        self.overflow = {False: inf_codes[0], True: inf_codes[1]}
        self.sign = sign

    def round(self, q):
        """Code of the exact nonzero finite Fraction q."""
        negative = q < 0
        if negative and not self.signed:
            return self.overflow[True]  # ml_dtypes: NaN (checked against ml_dtypes below)
        a = -q if negative else q
        vals = self.values
        # locate lo <= a < hi among [0?] + vals + [beyond]
        i = bisect.bisect_right(vals, a)  # vals[i-1] <= a < vals[i]
        if i == 0:
            lo, lo_code = (Fraction(0), None)
        else:
            lo, lo_code = vals[i - 1], i - 1
        if i == len(vals):
            hi, hi_code = self.beyond, "beyond"
        else:
            hi, hi_code = vals[i], i
        if a == lo:
            pick = lo_code
        else:
            dlo, dhi = a - lo, hi - a
            if dlo < dhi:
                pick = lo_code
            elif dhi < dlo:
                pick = hi_code
            elif self.ties == "away":
                pick = hi_code
            else:
                def parity(c):
                    if c is None:
                        return 0  # zero is even
                    if c == "beyond":
                        return self.beyond_code & 1
                    return self.pos_codes[c] & 1
                pick = lo_code if parity(lo_code) == 0 else hi_code
        if pick == "beyond":
            return self.overflow[negative]
        if pick is None:
            if self.pos_zero is None:  # no zero (E8M0): ml_dtypes gives the smallest value
                return self.pos_codes[0]
            if negative and self.neg_zero is not None:
                return self.neg_zero
            return self.pos_zero
        return self.neg_codes[pick] if negative else self.pos_codes[pick]


# ----------------------------------------------------------------------------- edge cases

def sampled_indices(n, mantissa_bits, values, bits):
    """Indices of positive values whose upper midpoint is tested."""
    if bits <= 8:
        return list(range(n))
    per_binade = 1 << mantissa_bits
    keep = []
    for i in range(n):
        v = values[i]
        if i < 4 * per_binade or i >= n - 2 * per_binade or 1 <= v < 4 or i % 8 == 0:
            keep.append(i)
    return keep


def edge_inputs(ref, bits, mantissa_bits):
    vals = ref.values
    n = len(vals)
    keep = sampled_indices(n, mantissa_bits, vals, bits)
    keep_negative = set(keep if bits <= 8 else [i for i in keep if i % 4 == 0 or i < 16 or i >= n - 16])
    positive = []  # float32 values (numpy scalars) on the positive side, with a flag "mirror"
    def add(q, mirror=True):
        if isinstance(q, Fraction):
            assert is_f32(q), (ref.fid, q)
            x = np.float32(float(q))
        else:
            x = np.float32(q)
        positive.append((x, mirror))
    for i in keep:
        mirror = i in keep_negative
        add(vals[i], mirror)  # exact value
        lo = vals[i - 1] if i > 0 else (Fraction(0) if ref.pos_zero is not None else None)
        if i == 0 and lo is None:
            continue
        mid = (lo + vals[i]) / 2  # midpoint below vals[i]
        add(mid, mirror)
        add(f32_next(float(mid), -1), mirror)
        add(f32_next(float(mid), +1), mirror)
    top = vals[-1]
    tie = top + ref.top_ulp / 2
    for q in [top, tie, ref.beyond, 2 * top]:
        if is_f32(q):  # bfloat16's 2^128 is beyond float32
            add(q)
    add(f32_next(float(tie), -1))
    add(f32_next(float(tie), +1))
    for delta in (-1, 1):
        if is_f32(tie + delta) and tie + delta > top:
            add(tie + delta)
    add(np.finfo(np.float32).max)
    add(np.float32(1e38))
    smallest = vals[0]
    for q in [smallest / 2, smallest / 4, smallest * 3 / 4]:
        if is_f32(q):
            add(q)
    if is_f32(smallest / 2):
        add(f32_next(float(smallest / 2), -1))
        add(f32_next(float(smallest / 2), +1))
    for tiny in [2.0 ** -149, 2.0 ** -140, 2.0 ** -127, 2.0 ** -126, 1e-30]:
        add(tiny)
    # float32 subnormals between 2^-127 and 2^-126 (E8M0's two smallest values; ml_dtypes
    # rounds every one of them up, see reference_disagreements)
    for b in [0x00400001, 0x00480000, 0x00500000, 0x005FFFFF, 0x00600000, 0x00600001, 0x007FFFFF]:
        add(f32_from_bits(b))
    for x in [0.0, np.inf, np.nan, 1.0, 0.1, 1 / 3, 100.0, 1000.0]:
        add(x)
    out = []
    for x, mirror in positive:
        out.append(x)
        if mirror:
            out.append(-x)
    # dedupe by bit pattern, keep order
    seen = set()
    result = []
    for x in out:
        b = f32_bits(x)
        if b not in seen:
            seen.add(b)
            result.append(b)
    return result


def double_rounding_inputs(ref, bits):
    """float64 values one ulp beside each decision point (midpoints, the overflow tie)."""
    vals = ref.values
    n = len(vals)
    points = []
    if ref.pos_zero is not None:
        points.append(vals[0] / 2)
    stride = 1 if bits <= 8 else 97
    for i in range(1, n):
        if i % stride == 0 or i < 3 or i > n - 3:
            points.append((vals[i - 1] + vals[i]) / 2)
    points.append(vals[-1] + ref.top_ulp / 2)
    xs = []
    for p in points:
        f = float(p)
        assert Fraction(f) == p
        for x in (math.nextafter(f, -math.inf), math.nextafter(f, math.inf)):
            xs.append(x)
            if ref.signed:
                xs.append(-x)
    xs += [1e-300, 1e-50, 2.0 ** -150 + 2.0 ** -200, 1e300]
    return xs


# ----------------------------------------------------------------------------- main

def main():
    document = {
        "@generated": "@generated by scripts/gen_fixtures.py - do not edit; regenerate with "
                      "`pip install ml_dtypes==0.6.0 && python3 scripts/gen_fixtures.py`",
        "ml_dtypes_version": ml_dtypes.__version__,
        "numpy_version": np.__version__,
        # int casts of +-Inf / NaN / |x| >= 2^31 are the CPU's float->int conversion (x86-64: 0)
        "platform": platform.machine(),
        "formats": [],
        "ints": [],
    }
    surprises = []
    for fid, dtype, bits, mbits, ties in FLOATS:
        table = decode_all(dtype, bits)
        decode = [NAN32 if math.isnan(v) else f32_bits(v) for v in table]
        fi = ml_dtypes.finfo(dtype)
        finfo = {}
        for key in ["max", "min", "smallest_normal", "smallest_subnormal", "eps"]:
            v = float(getattr(fi, key))
            finfo[key] = f"{f64_bits(v):016x}"
            finfo[key + "_repr"] = repr(v)
        ref = Reference(fid, dtype, bits, mbits, ties, table)
        inputs = edge_inputs(ref, bits, mbits)
        codes = cast_codes([f32_from_bits(b) for b in inputs], dtype, bits)
        disagreements = []
        for b, c in zip(inputs, codes):
            x = float(f32_from_bits(b))
            if math.isnan(x) or math.isinf(x) or x == 0:
                continue
            want = ref.round(Fraction(x))
            if want != c:
                disagreements.append({"input": f"{b:08x}", "input_repr": repr(x), "ml_dtypes": c, "reference": want})
        if disagreements:
            surprises.append((fid, disagreements[:5], len(disagreements)))
        width = 4 if bits == 16 else 2
        document["formats"].append({
            "id": fid,
            "bits": bits,
            "finfo": finfo,
            "decode": hex_join(decode, 8),
            "encode_inputs": hex_join(inputs, 8),
            "encode_codes": hex_join(codes, width),
            "reference_disagreements": disagreements,
        })
        # double rounding through float32
        xs = double_rounding_inputs(ref, bits)
        ml = cast_codes(xs, dtype, bits, source=np.float64)
        exact = [ref.round(Fraction(x)) for x in xs]
        entry = document["formats"][-1]
        entry["double_rounding_inputs"] = hex_join([f64_bits(x) for x in xs], 16)
        entry["double_rounding_ml_dtypes"] = hex_join(ml, width)
        entry["double_rounding_exact"] = hex_join(exact, width)
        differences = sum(1 for a, b in zip(ml, exact) if a != b)
        entry["double_rounding_differences"] = differences
        examples = [(x, a, b) for x, a, b in zip(xs, ml, exact) if a != b][:3]
        entry["double_rounding_examples"] = [
            {"input": repr(x), "input_hex": x.hex(), "ml_dtypes": a, "exact": b} for x, a, b in examples]
        print(f"{fid:20s} {len(inputs):6d} encode cases, {differences:5d} double-rounding differences "
              f"of {len(xs)}")

    int_inputs = sorted({float(np.float32(v)) for v in (
        [k / 2 for k in range(-600, 601)]
        + [k + d for k in range(-300, 301, 7) for d in (0.25, 0.75, -0.25, 0.999, -0.999)]
        + [0.49, -0.49, 0.5000001, 3.7, -3.7, 9.9, -9.9, 127.9, 128.0, 128.5, -128.5, -129.0,
           255.5, 256.0, 257.0, 1e3, 1e4, 65535.0, 65536.0, 65537.0, 1e6, 1e7, 2.0 ** 24 + 2,
           2.0 ** 31 - 128, 2.0 ** 31, 2.0 ** 31 + 256, -(2.0 ** 31), -(2.0 ** 31) - 256,
           3e9, -3e9, 2.0 ** 32, 1e10, 1e20, 3e38, -3e38, 1e-30, -1e-30]
        + [-0.0]
    )}, key=lambda v: (v, math.copysign(1, v)))
    int_inputs += [math.inf, -math.inf, math.nan, -math.nan]
    int_bits = [f32_bits(np.float32(v)) for v in int_inputs]
    for iid, dtype, bits, signed in INTS:
        codes = cast_codes([f32_from_bits(b) for b in int_bits], dtype, bits)
        document["ints"].append({
            "id": iid,
            "bits": bits,
            "signed": signed,
            "inputs": hex_join(int_bits, 8),
            "codes": hex_join(codes, 2),
        })

    os.makedirs(OUT_DIR, exist_ok=True)
    text = json.dumps(document, indent=1, sort_keys=False) + "\n"
    with open(OUT_FILE, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT_FILE, ROOT)} ({len(text)} bytes)")
    for fid, sample, count in surprises:
        print(f"NOTE: ml_dtypes differs from the exact reference for {fid} in {count} f32 cases, e.g. {sample}")


if __name__ == "__main__":
    main()
