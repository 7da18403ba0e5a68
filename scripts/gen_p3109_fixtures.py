#!/usr/bin/env python3
"""Generate Lowbit's IEEE P3109 conformance fixtures from gfloat 0.5.2.

Writes crates/lowbit-core/tests/fixtures/p3109.json, which is committed so that `cargo test`
needs no Python. gfloat is pinned; install it in a virtual environment (git-ignored), e.g.

    python3 -m venv .venv-p3109 && .venv-p3109/bin/pip install gfloat==0.5.2
    .venv-p3109/bin/python scripts/gen_p3109_fixtures.py

The output is deterministic (no randomness, no timestamps): running it twice gives the same file.

Formats: every P3109 binaryKpP format with 3 <= K <= 8 and 1 <= P <= K - 1, signed and unsigned,
extended (with Inf) and finite -- 108 formats, named as gfloat names them (`p3109_k8p3se`), built
with `gfloat.formats.format_info_p3109(k, p, signedness, domain)`.

What the fixture holds, per format:

* `decode`: gfloat's `decode_float(fi, code).fval` of EVERY code, as float32 bit patterns in hex
  (8 hex digits per code, code order; every P3109 value up to 8 bits is exactly a float32). NaN
  is written as `7fc00000`. `classes`: one letter per code, gfloat's FloatClass: z(ero),
  s(ubnormal), n(ormal), i(nfinite), N(aN).
* `limits`: gfloat's derived values (max, min, smallest_normal, smallest_subnormal, eps as float64
  hex) and code points (code_of_nan, code_of_posinf, code_of_neginf, code_of_max, code_of_min,
  num_nans; null where the format has none).
* `inputs` and `codes`: float64 inputs (16 hex digits each) and, for each of gfloat's five
  deterministic rounding modes (the keys of `modes`, in column order), the code of
  `encode_float(fi, round_float(fi, x, mode, sat=False))` -- gfloat's non-saturating behaviour
  (Lowbit's `--overflow default`). Inputs: every midpoint between neighbouring values (the
  ties, including 0 .. smallest and max .. the first value past max with an unbounded exponent,
  which is the overflow boundary) and the midpoint +- 1 float64 ulp, every value (K <= 5; the
  Rust tests check every value of every format from the decode table), then 2 * max, the
  float32 max, +-Inf, +-0, NaN, and tiny values; mirrored to negatives for signed formats
  (unsigned formats get no negative input: gfloat does not define them). For K >= 6 the
  intervals are sampled (all of the two lowest and two highest binades and of [1, 2), every 8th
  elsewhere; negatives every other one of those) to keep the file small.
* `sat_inputs` / `sat_codes`: the inputs of the overflow region (|x| >= max, and +-Inf), with
  `sat=True` (Lowbit's `--overflow saturate`), five mode columns.
* `stochastic`: gfloat's `RoundMode.Stochastic` (P3109's StochasticC: the fraction is rounded to
  `srnumbits` bits, ties to even, then the result rounds away from zero when that plus `srbits`
  reaches 2^srnumbits) for srnumbits N in 1, 2, 3 (every srbits 0 .. 2^N - 1) and 8 (srbits 0,
  1, 127, 128, 254, 255), sat=False, on points lo + k/16 (hi - lo) for k in 1, 3, 5, 11 and the
  midpoint +- 1 float64 ulp of four intervals (0 .. smallest, the one starting at 1, the top one
  and max .. the first value past max); mirrored to negatives for signed formats. `codes` holds, per input, the codes for each (N, srbits) pair in
  the order of `draws`.

* `reference_disagreements`: the cases where gfloat's code differs from an exact rounding
  computed here with fractions from the value table (the neighbours of |x| among 0, the values
  and the first value past max; the mode's choice, ties to the even code; gfloat's overflow
  rules). In gfloat 0.5.2 these are all TiesToAway one float64 ulp below half the smallest
  value: gfloat tests `delta + 0.5 >= 1.0` in float64; below the smallest value the integer part
  is 0, so delta keeps all 53 bits, the sum rounds up to 1.0 and gfloat returns the smallest
  value where the exact answer is 0. Lowbit rounds the exact value; the tests expect the
  reference there.

Round to odd is not in gfloat 0.5.2: Lowbit's tests derive it from its definition.
"""

import json
import math
import os
import sys
from fractions import Fraction

REQUIRED_GFLOAT = "0.5.2"

try:
    import numpy as np
    import gfloat
    from gfloat import RoundMode, Domain, Signedness, FloatClass, decode_float, encode_float, round_float
    from gfloat.formats import format_info_p3109
except ImportError:
    sys.exit(f"gfloat {REQUIRED_GFLOAT} is required: pip install gfloat=={REQUIRED_GFLOAT}")

from importlib.metadata import version as package_version

if package_version("gfloat") != REQUIRED_GFLOAT:
    sys.exit(f"gfloat {package_version('gfloat')} found; install it with: pip install gfloat=={REQUIRED_GFLOAT}")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_FILE = os.path.join(ROOT, "crates", "lowbit-core", "tests", "fixtures", "p3109.json")

MODES = [
    ("nearest-even", RoundMode.TiesToEven),
    ("nearest-away", RoundMode.TiesToAway),
    ("toward-zero", RoundMode.TowardZero),
    ("up", RoundMode.TowardPositive),
    ("down", RoundMode.TowardNegative),
]

DRAWS = [(n, r) for n in (1, 2, 3) for r in range(1 << n)] + [(8, r) for r in (0, 1, 127, 128, 254, 255)]

CLASS_LETTER = {
    FloatClass.ZERO: "z",
    FloatClass.SUBNORMAL: "s",
    FloatClass.NORMAL: "n",
    FloatClass.INFINITE: "i",
    FloatClass.NAN: "N",
}

NAN32 = 0x7FC00000


def f32_bits(x):
    return int(np.array([x], np.float32).view(np.uint32)[0])


def f64_bits(x):
    return int(np.array([x], np.float64).view(np.uint64)[0])


def f64_hex(x):
    return f"{f64_bits(x):016x}"


def formats():
    for k in range(3, 9):
        for p in range(1, k):
            for signedness in (Signedness.Signed, Signedness.Unsigned):
                for domain in (Domain.Extended, Domain.Finite):
                    yield k, p, format_info_p3109(k, p, signedness, domain)


def code_of(fi, x, mode, sat, srbits=-1, srnumbits=0):
    r = round_float(fi, x, mode, sat, srbits, srnumbits)
    return encode_float(fi, r)


def binade(q):
    """floor(log2 q) of a positive Fraction."""
    e = q.numerator.bit_length() - q.denominator.bit_length()
    if Fraction(2) ** e > q:
        e -= 1
    return e


def intervals(fi, values):
    """(lo, hi) pairs of neighbouring positive values: 0 .. smallest, ..., max .. beyond."""
    top = values[-1]
    ulp = Fraction(2) ** (max(binade(top), 1 - fi.bias) - (fi.precision - 1))
    beyond = top + ulp  # the first value past max with an unbounded exponent
    points = [Fraction(0)] + values + [beyond]
    return list(zip(points, points[1:]))


def keep_interval(fi, i, lo, hi, count):
    if fi.k <= 5:
        return True
    lowest = Fraction(2) ** (2 - fi.bias)  # the two lowest binades (subnormal and first normal)
    return hi <= lowest or i >= count - 2 * (1 << (fi.precision - 1)) - 1 or (1 <= lo < 2) or i % 8 == 0


class Reference:
    """Exact rounding of a float64 into the format, from the value table, with Fractions: the
    neighbours lo <= |x| < hi among 0, the positive values and the first value past max (an
    unbounded exponent), the mode's choice between them (ties to the even code), and gfloat's
    overflow rules (past max: +-max when saturating or rounding toward zero, else Inf, else NaN)."""

    def __init__(self, fi, values):
        self.fi = fi
        self.pairs = intervals(fi, values)
        self.codes = {Fraction(0): 0}
        for code in range(1 << (fi.k - (1 if fi.is_signed else 0))):
            v = decode_float(fi, code).fval
            if not math.isnan(v) and not math.isinf(v):
                self.codes[Fraction(v)] = code
        self.top = values[-1]

    def code(self, x, mode, sat):
        fi = self.fi
        if math.isnan(x):
            return fi.code_of_nan
        negative = fi.is_signed and math.copysign(1, x) < 0
        a = abs(x)
        sign = (1 << (fi.k - 1)) if negative else 0
        toward_zero = mode == RoundMode.TowardZero or (mode == RoundMode.TowardPositive and negative) or (
            mode == RoundMode.TowardNegative and not negative)

        def overflow(finite):
            if sat or (toward_zero and finite):
                return sign | fi.code_of_max
            if fi.domain == Domain.Extended:
                return fi.code_of_neginf if negative else fi.code_of_posinf
            return fi.code_of_nan

        if math.isinf(a):
            return overflow(False)
        q = Fraction(a)
        if q in self.codes:
            return sign | self.codes[q] if q != 0 else 0
        lo, hi = next((lo, hi) for lo, hi in self.pairs if lo < q < hi) if q < self.pairs[-1][1] else (None, None)
        if lo is None:
            return overflow(True)
        lo_code = self.codes[lo]
        up = {
            RoundMode.TowardZero: False,
            RoundMode.TowardPositive: not negative,
            RoundMode.TowardNegative: negative,
            RoundMode.TiesToAway: q - lo >= hi - q,
            RoundMode.TiesToEven: q - lo > hi - q or (q - lo == hi - q and lo_code & 1 == 1),
        }[mode]
        if not up:
            return sign | lo_code if lo_code != 0 else 0
        if hi > self.top:
            return overflow(True)
        return sign | self.codes[hi]


def exact_f64(q):
    x = float(q)
    assert Fraction(x) == q, q
    return x


def main():
    document = {
        "@generated": "@generated by scripts/gen_p3109_fixtures.py - do not edit; regenerate with "
                      "`pip install gfloat==0.5.2 && python3 scripts/gen_p3109_fixtures.py`",
        "gfloat_version": package_version("gfloat"),
        "numpy_version": np.__version__,
        "modes": [name for name, _ in MODES],
        "draws": [[n, r] for n, r in DRAWS],
        "formats": [],
    }
    total_inputs = 0
    total_disagreements = 0
    for k, p, fi in formats():
        values = []
        decode = []
        classes = []
        for code in range(1 << k):
            fv = decode_float(fi, code)
            v = fv.fval
            decode.append(NAN32 if math.isnan(v) else f32_bits(v))
            assert math.isnan(v) or math.isinf(v) or float(np.float32(v)) == v, (fi.name, code, v)
            classes.append(CLASS_LETTER[fv.fclass])
            if not math.isnan(v) and not math.isinf(v) and v > 0:
                values.append(Fraction(v))
        values.sort()

        def limit_code(name):
            try:
                return getattr(fi, name)
            except ValueError:
                return None

        limits = {
            "max": f64_hex(float(fi.max)),
            "min": f64_hex(float(fi.min)),
            "smallest_normal": f64_hex(float(fi.smallest_normal)),
            "smallest_subnormal": f64_hex(float(fi.smallest_subnormal)),
            "eps": f64_hex(float(fi.eps)),
            "code_of_nan": limit_code("code_of_nan"),
            "code_of_posinf": limit_code("code_of_posinf"),
            "code_of_neginf": limit_code("code_of_neginf"),
            "code_of_max": fi.code_of_max,
            "code_of_min": fi.code_of_min,
            "num_nans": fi.num_nans,
        }

        pairs = intervals(fi, values)
        positive = []  # (x, mirror)
        for i, (lo, hi) in enumerate(pairs):
            if not keep_interval(fi, i, lo, hi, len(pairs)):
                continue
            mirror = fi.k <= 5 or i % 2 == 0 or i >= len(pairs) - 2
            if lo > 0 and fi.k <= 5:
                positive.append((exact_f64(lo), mirror))
            mid = exact_f64((lo + hi) / 2)
            positive.append((mid, mirror))
            positive.append((math.nextafter(mid, -math.inf), mirror))
            positive.append((math.nextafter(mid, math.inf), mirror))
        top = values[-1]
        for x in [float(2 * top), float(np.finfo(np.float32).max), math.inf, 0.0,
                  float(values[0] / 4), 2.0 ** -149, 1.0, 0.1, 1 / 3]:
            positive.append((x, True))
        inputs = []
        for x, mirror in positive:
            inputs.append(x)
            if mirror and fi.is_signed:
                inputs.append(-x)
        inputs.append(-0.0)
        inputs.append(math.nan)
        seen = set()
        unique = []
        for x in inputs:
            b = f64_bits(x)
            if b not in seen:
                seen.add(b)
                unique.append(x)
        inputs = unique
        total_inputs += len(inputs)
        width = 2
        columns = []
        reference = Reference(fi, values)
        disagreements = []
        for name, mode in MODES:
            column = [code_of(fi, x, mode, False) for x in inputs]
            columns.append(column)
            for x, c in zip(inputs, column):
                want = reference.code(x, mode, False)
                if want != c:
                    disagreements.append({"mode": name, "input": f64_hex(x), "input_repr": repr(x),
                                          "gfloat": c, "reference": want})
        codes = "".join("".join(f"{col[j]:02x}" for col in columns) for j in range(len(inputs)))

        sat_inputs = [x for x in inputs if not math.isnan(x) and abs(x) >= fi.max]
        sat_columns = [[code_of(fi, x, mode, True) for x in sat_inputs] for _, mode in MODES]
        for (name, mode), column in zip(MODES, sat_columns):
            for x, c in zip(sat_inputs, column):
                want = reference.code(x, mode, True)
                if want != c:
                    disagreements.append({"mode": name, "sat": True, "input": f64_hex(x), "input_repr": repr(x),
                                          "gfloat": c, "reference": want})
        total_disagreements += len(disagreements)
        sat_codes = "".join("".join(f"{col[j]:02x}" for col in sat_columns) for j in range(len(sat_inputs)))

        # stochastic rounding
        chosen = [0, len(pairs) - 2, len(pairs) - 1]
        chosen += [i for i, (lo, hi) in enumerate(pairs) if lo == 1]
        sr_inputs = []
        for i in sorted(set(c for c in chosen if 0 <= c < len(pairs))):
            lo, hi = pairs[i]
            for num in (1, 3, 5, 11):
                sr_inputs.append(exact_f64(lo + (hi - lo) * num / 16))
            mid = exact_f64((lo + hi) / 2)
            sr_inputs += [math.nextafter(mid, -math.inf), math.nextafter(mid, math.inf)]
        if fi.is_signed:
            sr_inputs = [s * x for x in sr_inputs for s in (1, -1)]
        sr_codes = "".join(
            "".join(f"{code_of(fi, x, RoundMode.Stochastic, False, r, n):02x}" for n, r in DRAWS)
            for x in sr_inputs)
        total_inputs += len(sr_inputs)

        document["formats"].append({
            "id": fi.name,
            "k": k,
            "p": p,
            "signed": fi.is_signed,
            "extended": fi.domain == Domain.Extended,
            "bias": fi.bias,
            "decode": "".join(f"{d:08x}" for d in decode),
            "classes": "".join(classes),
            "limits": limits,
            "inputs": "".join(f64_hex(x) for x in inputs),
            "codes": codes,
            "sat_inputs": "".join(f64_hex(x) for x in sat_inputs),
            "sat_codes": sat_codes,
            "stochastic": {"inputs": "".join(f64_hex(x) for x in sr_inputs), "codes": sr_codes},
            "reference_disagreements": disagreements,
        })
        assert width == 2
    text = json.dumps(document, indent=1) + "\n"
    with open(OUT_FILE, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT_FILE, ROOT)}: {len(document['formats'])} formats, "
          f"{total_inputs} encode inputs, {len(text)} bytes; {total_disagreements} cases where gfloat "
          f"differs from the exact reference")


if __name__ == "__main__":
    main()
