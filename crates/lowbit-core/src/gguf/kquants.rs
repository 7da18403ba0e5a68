//! ggml's k-quants: super-blocks of 256 elements in sub-blocks of 16 (`q2_k`, `q3_k`, `q6_k`)
//! or 32 (`q4_k`, `q5_k`) whose scales (and mins) are themselves quantized to 4, 6 or 8 bits
//! under one f16 `d` (and `dmin`). Quantization follows `quantize_row_q*_K_ref` (what
//! `ggml_quantize_chunk` runs without an importance matrix): a per-sub-block search for the
//! scale (`make_qkx2_quants`, `make_q3_quants`, `make_qx_quants`), the scales quantized, then
//! every element re-rounded against the stored scales. All arithmetic is f32 in ggml's order.
//!
//! Byte layouts (offsets in the block):
//! - `q2_k` (84): scales[16] (low nibble scale, high nibble min), qs[64], d, dmin.
//! - `q3_k` (110): hmask[32], qs[64], scales[12] (16 × 6 bits), d.
//! - `q4_k` (144): d, dmin, scales[12] (8 × 6-bit scale + 8 × 6-bit min), qs[128].
//! - `q5_k` (176): d, dmin, scales[12], qh[32], qs[128].
//! - `q6_k` (210): ql[128], qh[64], scales[16] (int8), d.

use super::half::{f16_to_f32, f32_to_f16};
use super::{nearest_int, put_f16, read_f16, GROUP_MAX_EPS, QK_K};

/// Which k-quant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum K {
    Q2,
    Q3,
    Q4,
    Q5,
    Q6,
}

/// The byte size of the 6-bit scale/min table of q3_k, q4_k and q5_k: 16 six-bit numbers.
pub(super) const K_SCALE_SIZE: usize = 16 * 6 / 8;

/// `make_qkx2_quants`: the scale and min of a sub-block with unsigned codes 0..=nmax, searching
/// `nstep + 1` candidate scales around nmax / (max − min) for the least weighted error
/// (absolute with `use_mad`, squared otherwise). Returns the scale; writes −min (≥ 0) to
/// `the_min` and the codes to `levels`.
#[allow(clippy::too_many_arguments)]
fn make_qkx2_quants(
    nmax: i32,
    x: &[f32],
    weights: &[f32],
    levels: &mut [u8],
    the_min: &mut f32,
    rmin: f32,
    rdelta: f32,
    nstep: i32,
    use_mad: bool,
) -> f32 {
    let n = x.len();
    let (mut min, mut max) = (x[0], x[0]);
    let mut sum_w = weights[0];
    let mut sum_x = sum_w * x[0];
    for i in 1..n {
        if x[i] < min {
            min = x[i];
        }
        if x[i] > max {
            max = x[i];
        }
        let w = weights[i];
        sum_w += w;
        sum_x += w * x[i];
    }
    if min > 0.0 {
        min = 0.0;
    }
    if max == min {
        levels.fill(0);
        *the_min = -min;
        return 0.0;
    }
    let nmax_f = nmax as f32;
    let mut iscale = nmax_f / (max - min);
    let mut scale = 1.0 / iscale;
    let error = |diff: f32| if use_mad { diff.abs() } else { diff * diff };
    let mut best_error = 0f32;
    for i in 0..n {
        let l = nearest_int(iscale * (x[i] - min)).clamp(0, nmax);
        levels[i] = l as u8;
        let diff = scale * levels[i] as f32 + min - x[i];
        best_error += weights[i] * error(diff);
    }
    let mut aux = [0u8; 32];
    let aux = &mut aux[..n];
    for is in 0..=nstep {
        iscale = (rmin + rdelta * is as f32 + nmax_f) / (max - min);
        let (mut sum_l, mut sum_l2, mut sum_xl) = (0f32, 0f32, 0f32);
        for i in 0..n {
            let l = nearest_int(iscale * (x[i] - min)).clamp(0, nmax);
            aux[i] = l as u8;
            let (w, lf) = (weights[i], l as f32);
            sum_l += w * lf;
            sum_l2 += w * lf * lf;
            sum_xl += w * lf * x[i];
        }
        let det = sum_w * sum_l2 - sum_l * sum_l;
        if det > 0.0 {
            let mut this_scale = (sum_w * sum_xl - sum_x * sum_l) / det;
            let mut this_min = (sum_l2 * sum_x - sum_l * sum_xl) / det;
            if this_min > 0.0 {
                this_min = 0.0;
                this_scale = sum_xl / sum_l2;
            }
            let mut cur_error = 0f32;
            for i in 0..n {
                let diff = this_scale * aux[i] as f32 + this_min - x[i];
                cur_error += weights[i] * error(diff);
            }
            if cur_error < best_error {
                levels.copy_from_slice(aux);
                best_error = cur_error;
                scale = this_scale;
                min = this_min;
            }
        }
    }
    *the_min = -min;
    scale
}

/// The signed value of largest magnitude (first one, compared with `>`) and its magnitude.
fn signed_max(x: &[f32]) -> (f32, f32) {
    let (mut max, mut amax) = (0f32, 0f32);
    for &v in x {
        let ax = v.abs();
        if ax > amax {
            amax = ax;
            max = v;
        }
    }
    (max, amax)
}

/// `make_q3_quants` with `do_rmse`: codes −nmax..nmax−1 (returned offset by nmax), refined for
/// the least error weighted by x² by moving one element at a time (at most 5 passes).
fn make_q3_quants(nmax: i32, x: &[f32], levels: &mut [i8]) -> f32 {
    let (max, amax) = signed_max(x);
    if amax < GROUP_MAX_EPS {
        levels.fill(0);
        return 0.0;
    }
    let iscale = -(nmax as f32) / max;
    let (mut sumlx, mut suml2) = (0f32, 0f32);
    for (l_out, &xi) in levels.iter_mut().zip(x) {
        let l = nearest_int(iscale * xi).clamp(-nmax, nmax - 1);
        *l_out = l as i8;
        let w = xi * xi;
        sumlx += w * xi * l as f32;
        suml2 += w * l as f32 * l as f32;
    }
    for _ in 0..5 {
        let mut changed = 0;
        for (l_io, &xi) in levels.iter_mut().zip(x) {
            let w = xi * xi;
            let li = *l_io as f32;
            let mut slx = sumlx - w * xi * li;
            if slx > 0.0 {
                let mut sl2 = suml2 - w * li * li;
                let new_l = nearest_int(xi * sl2 / slx).clamp(-nmax, nmax - 1);
                if new_l != *l_io as i32 {
                    let nl = new_l as f32;
                    slx += w * xi * nl;
                    sl2 += w * nl * nl;
                    if sl2 > 0.0 && slx * slx * suml2 > sumlx * sumlx * sl2 {
                        *l_io = new_l as i8;
                        sumlx = slx;
                        suml2 = sl2;
                        changed += 1;
                    }
                }
            }
        }
        if changed == 0 {
            break;
        }
    }
    for l in levels.iter_mut() {
        *l += nmax as i8;
    }
    if suml2 > 0.0 {
        sumlx / suml2
    } else {
        0.0
    }
}

/// `make_qx_quants` with rmse_type 1 and no importance weights (weights x²): codes
/// −nmax..nmax−1 (returned offset by nmax), the best of 19 candidate scales.
fn make_qx_quants(nmax: i32, x: &[f32], levels: &mut [i8]) -> f32 {
    let (max, amax) = signed_max(x);
    if amax < GROUP_MAX_EPS {
        levels.fill(0);
        return 0.0;
    }
    let nmax_f = nmax as f32;
    let sums = |iscale: f32| {
        let (mut sumlx, mut suml2) = (0f32, 0f32);
        for &xi in x {
            let l = nearest_int(iscale * xi).clamp(-nmax, nmax - 1) as f32;
            let w = xi * xi;
            sumlx += w * xi * l;
            suml2 += w * l * l;
        }
        (sumlx, suml2)
    };
    let assign = |iscale: f32, levels: &mut [i8]| {
        for (l_out, &xi) in levels.iter_mut().zip(x) {
            *l_out = (nmax + nearest_int(iscale * xi).clamp(-nmax, nmax - 1)) as i8;
        }
    };
    let iscale = -nmax_f / max;
    assign(iscale, levels);
    let (sumlx, suml2) = sums(iscale);
    let mut scale = if suml2 != 0.0 { sumlx / suml2 } else { 0.0 };
    let mut best = scale * sumlx;
    for is in -9..=9 {
        if is == 0 {
            continue;
        }
        let iscale = -(nmax_f + 0.1 * is as f32) / max;
        let (sumlx, suml2) = sums(iscale);
        if suml2 > 0.0 && sumlx * sumlx > best * suml2 {
            assign(iscale, levels);
            scale = sumlx / suml2;
            best = scale * sumlx;
        }
    }
    scale
}

/// The 6-bit scale and min of sub-block `j` of a q4_k / q5_k scale table.
#[inline]
pub(super) fn scale_min_k4(j: usize, q: &[u8]) -> (u8, u8) {
    if j < 4 {
        (q[j] & 63, q[j + 4] & 63)
    } else {
        ((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4), (q[j + 4] >> 4) | ((q[j] >> 6) << 4))
    }
}

/// Packs 8 six-bit scales and mins into 12 bytes (the inverse of [`scale_min_k4`]).
fn pack_scale_min_k4(ls: &[u8; 8], lm: &[u8; 8], out: &mut [u8]) {
    for j in 0..8 {
        if j < 4 {
            out[j] = ls[j];
            out[j + 4] = lm[j];
        } else {
            out[j + 4] = (ls[j] & 0xF) | ((lm[j] & 0xF) << 4);
            out[j - 4] |= (ls[j] >> 4) << 6;
            out[j] |= (lm[j] >> 4) << 6;
        }
    }
}

/// The 6-bit scale (0..=63, the stored value before the −32 offset) of sub-block `j` of q3_k.
#[inline]
pub(super) fn scale_q3(j: usize, s: &[u8]) -> u8 {
    let low = if j < 8 { s[j] & 0xF } else { s[j - 8] >> 4 };
    low | (((s[8 + j % 4] >> (2 * (j / 4))) & 3) << 4)
}

/// Packs elements 0..256 of 2-bit codes: byte 32·c + l holds elements 128·c + l + 32·s in
/// bits 2s (q2_k and the low bits of q3_k).
fn pack_2bit(levels: &[u8; QK_K], qs: &mut [u8]) {
    for (c, chunk) in levels.chunks_exact(128).enumerate() {
        for l in 0..32 {
            qs[32 * c + l] = chunk[l] | (chunk[l + 32] << 2) | (chunk[l + 64] << 4) | (chunk[l + 96] << 6);
        }
    }
}

/// Quantizes one super-block of 256.
pub(super) fn quantize(k: K, x: &[f32], out: &mut [u8]) {
    match k {
        K::Q2 => quantize_q2(x, out),
        K::Q3 => quantize_q3(x, out),
        K::Q4 | K::Q5 => quantize_q45(k, x, out),
        K::Q6 => quantize_q6(x, out),
    }
}

fn quantize_q2(x: &[f32], out: &mut [u8]) {
    const NMAX: i32 = 3;
    const SCALE_MAX: f32 = 15.0; // 4-bit sub-block scales and mins
    let mut levels = [0u8; QK_K];
    let (mut scales, mut mins) = ([0f32; 16], [0f32; 16]);
    let (mut max_scale, mut max_min) = (0f32, 0f32);
    for j in 0..16 {
        let xs = &x[16 * j..16 * j + 16];
        let mut weights = [0f32; 16];
        for (w, v) in weights.iter_mut().zip(xs) {
            *w = v.abs();
        }
        scales[j] = make_qkx2_quants(NMAX, xs, &weights, &mut levels[16 * j..16 * j + 16], &mut mins[j], -0.5, 0.1, 15, true);
        if scales[j] > max_scale {
            max_scale = scales[j];
        }
        if mins[j] > max_min {
            max_min = mins[j];
        }
    }
    let (sc, rest) = out.split_at_mut(16);
    let (qs, dd) = rest.split_at_mut(64);
    if max_scale > 0.0 {
        let iscale = SCALE_MAX / max_scale;
        for j in 0..16 {
            sc[j] = nearest_int(iscale * scales[j]) as u8;
        }
        put_f16(dd, 0, f32_to_f16(max_scale / SCALE_MAX));
    } else {
        sc.fill(0);
        put_f16(dd, 0, f32_to_f16(0.0));
    }
    if max_min > 0.0 {
        let iscale = SCALE_MAX / max_min;
        for j in 0..16 {
            sc[j] |= (nearest_int(iscale * mins[j]) << 4) as u8;
        }
        put_f16(dd, 2, f32_to_f16(max_min / SCALE_MAX));
    } else {
        put_f16(dd, 2, f32_to_f16(0.0));
    }
    let d_all = f16_to_f32(read_f16(dd, 0));
    let m_all = f16_to_f32(read_f16(dd, 2));
    for j in 0..16 {
        let d = d_all * (sc[j] & 0xF) as f32;
        if d == 0.0 {
            continue;
        }
        let dm = m_all * (sc[j] >> 4) as f32;
        for ii in 0..16 {
            levels[16 * j + ii] = nearest_int((x[16 * j + ii] + dm) / d).clamp(0, NMAX) as u8;
        }
    }
    pack_2bit(&levels, qs);
}

fn quantize_q3(x: &[f32], out: &mut [u8]) {
    const NMAX: i32 = 4;
    const SCALE_HALF: i32 = 32; // 6-bit signed sub-block scales, stored offset by 32
    let mut levels = [0i8; QK_K];
    let mut scales = [0f32; 16];
    let (mut max_scale, mut amax) = (0f32, 0f32);
    for j in 0..16 {
        scales[j] = make_q3_quants(NMAX, &x[16 * j..16 * j + 16], &mut levels[16 * j..16 * j + 16]);
        let s = scales[j].abs();
        if s > amax {
            amax = s;
            max_scale = scales[j];
        }
    }
    let (hmask, rest) = out.split_at_mut(QK_K / 8);
    let (qs, rest) = rest.split_at_mut(QK_K / 4);
    let (sc, dd) = rest.split_at_mut(K_SCALE_SIZE);
    sc.fill(0);
    if max_scale != 0.0 {
        let iscale = -(SCALE_HALF as f32) / max_scale;
        for j in 0..16 {
            let l = nearest_int(iscale * scales[j]) as i8 as i32;
            let l = (l.clamp(-SCALE_HALF, SCALE_HALF - 1) + SCALE_HALF) as u8;
            if j < 8 {
                sc[j] = l & 0xF;
            } else {
                sc[j - 8] |= (l & 0xF) << 4;
            }
            sc[j % 4 + 8] |= (l >> 4) << (2 * (j / 4));
        }
        put_f16(dd, 0, f32_to_f16(1.0 / iscale));
    } else {
        put_f16(dd, 0, f32_to_f16(0.0));
    }
    let d_all = f16_to_f32(read_f16(dd, 0));
    for j in 0..16 {
        let d = d_all * (scale_q3(j, sc) as i32 - SCALE_HALF) as f32;
        if d == 0.0 {
            continue;
        }
        for ii in 0..16 {
            levels[16 * j + ii] = (nearest_int(x[16 * j + ii] / d).clamp(-NMAX, NMAX - 1) + NMAX) as i8;
        }
    }
    hmask.fill(0);
    let mut low = [0u8; QK_K];
    for (j, (&l, lo)) in levels.iter().zip(low.iter_mut()).enumerate() {
        let mut l = l as u8;
        if l > 3 {
            hmask[j % 32] |= 1 << (j / 32);
            l -= 4;
        }
        *lo = l;
    }
    pack_2bit(&low, qs);
}

fn quantize_q45(k: K, x: &[f32], out: &mut [u8]) {
    let (nmax, rmin, nstep) = if k == K::Q4 { (15, -1.0, 20) } else { (31, -0.5, 15) };
    const SCALE_MAX: f32 = 63.0; // 6-bit scales and mins
    let mut levels = [0u8; QK_K];
    let (mut scales, mut mins) = ([0f32; 8], [0f32; 8]);
    let (mut max_scale, mut max_min) = (0f32, 0f32);
    for j in 0..8 {
        let xs = &x[32 * j..32 * j + 32];
        let mut sum_x2 = 0f32;
        for v in xs {
            sum_x2 += v * v;
        }
        let av_x = (sum_x2 / 32.0).sqrt();
        let mut weights = [0f32; 32];
        for (w, v) in weights.iter_mut().zip(xs) {
            *w = av_x + v.abs();
        }
        scales[j] = make_qkx2_quants(nmax, xs, &weights, &mut levels[32 * j..32 * j + 32], &mut mins[j], rmin, 0.1, nstep, false);
        if scales[j] > max_scale {
            max_scale = scales[j];
        }
        if mins[j] > max_min {
            max_min = mins[j];
        }
    }
    let inv_scale = if max_scale > 0.0 { SCALE_MAX / max_scale } else { 0.0 };
    let inv_min = if max_min > 0.0 { SCALE_MAX / max_min } else { 0.0 };
    let (mut ls, mut lm) = ([0u8; 8], [0u8; 8]);
    for j in 0..8 {
        ls[j] = (nearest_int(inv_scale * scales[j]) as u8).min(63);
        lm[j] = (nearest_int(inv_min * mins[j]) as u8).min(63);
    }
    put_f16(out, 0, f32_to_f16(max_scale / SCALE_MAX));
    put_f16(out, 2, f32_to_f16(max_min / SCALE_MAX));
    pack_scale_min_k4(&ls, &lm, &mut out[4..4 + K_SCALE_SIZE]);
    let d_all = f16_to_f32(read_f16(out, 0));
    let m_all = f16_to_f32(read_f16(out, 2));
    for j in 0..8 {
        let (sc, m) = scale_min_k4(j, &out[4..4 + K_SCALE_SIZE]);
        let d = d_all * sc as f32;
        if d == 0.0 {
            continue;
        }
        let dm = m_all * m as f32;
        for ii in 0..32 {
            levels[32 * j + ii] = nearest_int((x[32 * j + ii] + dm) / d).clamp(0, nmax) as u8;
        }
    }
    let body = &mut out[4 + K_SCALE_SIZE..];
    if k == K::Q4 {
        for (c, chunk) in levels.chunks_exact(64).enumerate() {
            for l in 0..32 {
                body[32 * c + l] = chunk[l] | (chunk[l + 32] << 4);
            }
        }
    } else {
        let (qh, ql) = body.split_at_mut(QK_K / 8);
        qh.fill(0);
        for (c, chunk) in levels.chunks_exact(64).enumerate() {
            let (m1, m2) = (1u8 << (2 * c), 2u8 << (2 * c));
            for j in 0..32 {
                let (mut l1, mut l2) = (chunk[j], chunk[j + 32]);
                if l1 > 15 {
                    l1 -= 16;
                    qh[j] |= m1;
                }
                if l2 > 15 {
                    l2 -= 16;
                    qh[j] |= m2;
                }
                ql[32 * c + j] = l1 | (l2 << 4);
            }
        }
    }
}

fn quantize_q6(x: &[f32], out: &mut [u8]) {
    const NMAX: i32 = 32; // 6-bit codes −32..31
    const SCALE_HALF: f32 = 128.0; // int8 sub-block scales
    let mut levels = [0i8; QK_K];
    let mut scales = [0f32; 16];
    let (mut max_scale, mut max_abs_scale) = (0f32, 0f32);
    for ib in 0..16 {
        let scale = make_qx_quants(NMAX, &x[16 * ib..16 * ib + 16], &mut levels[16 * ib..16 * ib + 16]);
        scales[ib] = scale;
        if scale.abs() > max_abs_scale {
            max_abs_scale = scale.abs();
            max_scale = scale;
        }
    }
    let (ql, rest) = out.split_at_mut(QK_K / 2);
    let (qh, rest) = rest.split_at_mut(QK_K / 4);
    let (sc, dd) = rest.split_at_mut(QK_K / 16);
    if max_abs_scale < GROUP_MAX_EPS {
        ql.fill(0);
        qh.fill(0);
        sc.fill(0);
        put_f16(dd, 0, f32_to_f16(0.0));
        return;
    }
    let iscale = -SCALE_HALF / max_scale;
    put_f16(dd, 0, f32_to_f16(1.0 / iscale));
    for ib in 0..16 {
        sc[ib] = nearest_int(iscale * scales[ib]).min(127) as u8;
    }
    let d_all = f16_to_f32(read_f16(dd, 0));
    for j in 0..16 {
        let d = d_all * sc[j] as i8 as f32;
        if d == 0.0 {
            continue;
        }
        for ii in 0..16 {
            levels[16 * j + ii] = (nearest_int(x[16 * j + ii] / d).clamp(-NMAX, NMAX - 1) + NMAX) as i8;
        }
    }
    for (c, chunk) in levels.chunks_exact(128).enumerate() {
        let (ql, qh) = (&mut ql[64 * c..64 * c + 64], &mut qh[32 * c..32 * c + 32]);
        for l in 0..32 {
            let q = [chunk[l] as u8, chunk[l + 32] as u8, chunk[l + 64] as u8, chunk[l + 96] as u8];
            ql[l] = (q[0] & 0xF) | ((q[2] & 0xF) << 4);
            ql[l + 32] = (q[1] & 0xF) | ((q[3] & 0xF) << 4);
            qh[l] = (q[0] >> 4) | ((q[1] >> 4) << 2) | ((q[2] >> 4) << 4) | ((q[3] >> 4) << 6);
        }
    }
}

/// The stored code of every element of a super-block (before any offset): q2_k 0..3, q3_k
/// 0..7 (value code − 4), q4_k 0..15, q5_k 0..31, q6_k 0..63 (value code − 32).
pub(super) fn codes(k: K, b: &[u8], codes: &mut [i32]) {
    match k {
        K::Q2 => {
            let qs = &b[16..80];
            for (e, c) in codes.iter_mut().enumerate() {
                *c = ((qs[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3) as i32;
            }
        }
        K::Q3 => {
            let (hmask, qs) = (&b[..32], &b[32..96]);
            for (e, c) in codes.iter_mut().enumerate() {
                let low = (qs[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3;
                let high = (hmask[e % 32] >> (e / 32)) & 1;
                *c = (low | (high << 2)) as i32;
            }
        }
        K::Q4 => {
            let qs = &b[4 + K_SCALE_SIZE..];
            for (e, c) in codes.iter_mut().enumerate() {
                let byte = qs[32 * (e / 64) + e % 32];
                *c = (if (e % 64) < 32 { byte & 0xF } else { byte >> 4 }) as i32;
            }
        }
        K::Q5 => {
            let (qh, ql) = (&b[16..48], &b[48..]);
            for (e, c) in codes.iter_mut().enumerate() {
                let byte = ql[32 * (e / 64) + e % 32];
                let low = if (e % 64) < 32 { byte & 0xF } else { byte >> 4 };
                let high = (qh[e % 32] >> (2 * (e / 64) + (e % 64) / 32)) & 1;
                *c = (low | (high << 4)) as i32;
            }
        }
        K::Q6 => {
            let (ql, qh) = (&b[..128], &b[128..192]);
            for (e, c) in codes.iter_mut().enumerate() {
                let (chunk, r) = (e / 128, e % 128);
                let (quarter, l) = (r / 32, r % 32);
                let byte = ql[64 * chunk + l + 32 * (quarter & 1)];
                let low = if quarter < 2 { byte & 0xF } else { byte >> 4 };
                let high = (qh[32 * chunk + l] >> (2 * quarter)) & 3;
                *c = (low | (high << 4)) as i32;
            }
        }
    }
}

/// The effective scale and min (value = scale · code + min) of each sub-block, as the
/// dequantizer computes them in f32: q2_k d·sc and −dmin·m; q3_k d·(sc − 32); q4_k/q5_k d·sc
/// and −dmin·m; q6_k d·sc.
pub(super) fn scales(k: K, b: &[u8]) -> Vec<(f32, Option<f32>)> {
    match k {
        K::Q2 => {
            let (d, dmin) = (f16_to_f32(read_f16(b, 80)), f16_to_f32(read_f16(b, 82)));
            b[..16].iter().map(|&s| (d * (s & 0xF) as f32, Some(-(dmin * (s >> 4) as f32)))).collect()
        }
        K::Q3 => {
            let d = f16_to_f32(read_f16(b, 108));
            (0..16).map(|j| (d * (scale_q3(j, &b[96..108]) as i32 - 32) as f32, None)).collect()
        }
        K::Q4 | K::Q5 => {
            let (d, dmin) = (f16_to_f32(read_f16(b, 0)), f16_to_f32(read_f16(b, 2)));
            (0..8)
                .map(|j| {
                    let (sc, m) = scale_min_k4(j, &b[4..4 + K_SCALE_SIZE]);
                    (d * sc as f32, Some(-(dmin * m as f32)))
                })
                .collect()
        }
        K::Q6 => {
            let d = f16_to_f32(read_f16(b, 208));
            b[192..208].iter().map(|&s| (d * s as i8 as f32, None)).collect()
        }
    }
}

/// Dequantizes one super-block exactly as `dequantize_row_q*_K`.
pub(super) fn dequantize(k: K, b: &[u8], y: &mut [f32]) {
    match k {
        K::Q2 => {
            let (d, min) = (f16_to_f32(read_f16(b, 80)), f16_to_f32(read_f16(b, 82)));
            let (sc, qs) = (&b[..16], &b[16..80]);
            for (e, o) in y.iter_mut().enumerate().take(QK_K) {
                let s = sc[e / 16];
                let (dl, ml) = (d * (s & 0xF) as f32, min * (s >> 4) as f32);
                let q = (qs[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3;
                *o = dl * q as f32 - ml;
            }
        }
        K::Q3 => {
            let d = f16_to_f32(read_f16(b, 108));
            let mut c = [0i32; QK_K];
            codes(K::Q3, b, &mut c);
            for (e, o) in y.iter_mut().enumerate().take(QK_K) {
                let dl = d * (scale_q3(e / 16, &b[96..108]) as i32 - 32) as f32;
                *o = dl * (c[e] - 4) as f32;
            }
        }
        K::Q4 | K::Q5 => {
            let (d, min) = (f16_to_f32(read_f16(b, 0)), f16_to_f32(read_f16(b, 2)));
            let mut c = [0i32; QK_K];
            codes(k, b, &mut c);
            for j in 0..8 {
                let (sc, m) = scale_min_k4(j, &b[4..4 + K_SCALE_SIZE]);
                let (dl, ml) = (d * sc as f32, min * m as f32);
                for (o, &q) in y[32 * j..32 * j + 32].iter_mut().zip(&c[32 * j..32 * j + 32]) {
                    *o = dl * q as f32 - ml;
                }
            }
        }
        K::Q6 => {
            let d = f16_to_f32(read_f16(b, 208));
            let mut c = [0i32; QK_K];
            codes(K::Q6, b, &mut c);
            for (e, o) in y.iter_mut().enumerate().take(QK_K) {
                *o = d * b[192 + e / 16] as i8 as f32 * (c[e] - 32) as f32;
            }
        }
    }
}

/// The q4_k dequantizer's hot loop for whole super-blocks.
pub(super) fn dequantize_q4k_fast(blocks: &[u8], y: &mut [f32]) {
    for (b, out) in blocks.chunks_exact(4 + K_SCALE_SIZE + QK_K / 2).zip(y.chunks_exact_mut(QK_K)) {
        let (d, min) = (f16_to_f32(read_f16(b, 0)), f16_to_f32(read_f16(b, 2)));
        let qs = &b[4 + K_SCALE_SIZE..];
        for c in 0..4 {
            let (s1, m1) = scale_min_k4(2 * c, &b[4..]);
            let (s2, m2) = scale_min_k4(2 * c + 1, &b[4..]);
            let (d1, m1, d2, m2) = (d * s1 as f32, min * m1 as f32, d * s2 as f32, min * m2 as f32);
            let (lo, hi) = out[64 * c..64 * c + 64].split_at_mut(32);
            for ((&q, a), h) in qs[32 * c..32 * c + 32].iter().zip(lo).zip(hi) {
                *a = d1 * (q & 0xF) as f32 - m1;
                *h = d2 * (q >> 4) as f32 - m2;
            }
        }
    }
}
