//! A hand-drawn digit made to look like an MNIST digit.
//!
//! MNIST's digits were "size normalized to fit in a 20×20 pixel box while preserving their
//! aspect ratio" (with anti-aliasing, hence grey levels) and then "centered in a 28×28 image by
//! computing the center of mass of the pixels, and translating the image so as to position
//! this point at the center of the 28×28 field" (LeCun et al.). [`mnist_style`] does the same
//! to a drawing of any size:
//!
//! 1. the bounding box of the ink (pixels > 0);
//! 2. scaled by `20 / max(box width, box height)` into a box of at most 20×20, each target
//!    pixel the area-weighted mean of the source pixels it covers (a box filter, exact
//!    fractional coverage: the anti-aliasing);
//! 3. placed in the 28×28 field, then moved by whole pixels so that its centre of mass
//!    (pixel centres at i + ½) lands as near as possible to the field's centre (14, 14);
//!    ink moved past the border is dropped.
//!
//! Pixels are 0 (background) to 255 (ink), as in the data file.

use crate::data::PIXELS;

/// Side of an MNIST digit.
pub const SIDE: usize = 28;
/// Side of the box the ink is scaled into.
pub const BOX: usize = 20;

/// The drawing `ink` (`width × height`, row-major, 0–255) as an MNIST digit (784 pixels,
/// row-major), or None when there is no ink (or `ink` is not `width × height` long).
pub fn mnist_style(ink: &[u8], width: usize, height: usize) -> Option<Vec<u8>> {
    if width == 0 || height == 0 || ink.len() != width.checked_mul(height)? {
        return None;
    }
    // 1. Bounding box of the ink.
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for (i, &p) in ink.iter().enumerate() {
        if p > 0 {
            let (x, y) = (i % width, i / width);
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x + 1);
            y1 = y1.max(y + 1);
        }
    }
    if x0 == usize::MAX {
        return None;
    }
    let (bw, bh) = (x1 - x0, y1 - y0);
    // 2. Scale into the 20×20 box (aspect ratio kept), box filter.
    let scale = BOX as f64 / bw.max(bh) as f64;
    let tw = ((bw as f64 * scale).round() as usize).clamp(1, BOX);
    let th = ((bh as f64 * scale).round() as usize).clamp(1, BOX);
    // Source extent of one target pixel along each axis (exactly bw / tw, bh / th).
    let sx = bw as f64 / tw as f64;
    let sy = bh as f64 / th as f64;
    let mut patch = vec![0f64; tw * th];
    for ty in 0..th {
        let (fy0, fy1) = (ty as f64 * sy, (ty + 1) as f64 * sy);
        for tx in 0..tw {
            let (fx0, fx1) = (tx as f64 * sx, (tx + 1) as f64 * sx);
            let mut sum = 0.0;
            let mut y = fy0.floor() as usize;
            while (y as f64) < fy1 && y < bh {
                let cover_y = (fy1.min(y as f64 + 1.0) - fy0.max(y as f64)).max(0.0);
                let mut x = fx0.floor() as usize;
                while (x as f64) < fx1 && x < bw {
                    let cover_x = (fx1.min(x as f64 + 1.0) - fx0.max(x as f64)).max(0.0);
                    sum += cover_x * cover_y * ink[(y0 + y) * width + x0 + x] as f64;
                    x += 1;
                }
                y += 1;
            }
            patch[ty * tw + tx] = sum / (sx * sy);
        }
    }
    // 3. Centre of mass of the patch (pixel centres at i + 0.5), moved onto (14, 14).
    let total: f64 = patch.iter().sum();
    let (mut mx, mut my) = (0.0, 0.0);
    for (i, &v) in patch.iter().enumerate() {
        mx += v * ((i % tw) as f64 + 0.5);
        my += v * ((i / tw) as f64 + 0.5);
    }
    let (cx, cy) = if total > 0.0 { (mx / total, my / total) } else { (tw as f64 / 2.0, th as f64 / 2.0) };
    let ox = (SIDE as f64 / 2.0 - cx).round() as i64;
    let oy = (SIDE as f64 / 2.0 - cy).round() as i64;
    let mut out = vec![0u8; PIXELS];
    for (i, &v) in patch.iter().enumerate() {
        let x = (i % tw) as i64 + ox;
        let y = (i / tw) as i64 + oy;
        if (0..SIDE as i64).contains(&x) && (0..SIDE as i64).contains(&y) {
            out[y as usize * SIDE + x as usize] = v.round().clamp(0.0, 255.0) as u8;
        }
    }
    Some(out)
}

/// Centre of mass of a 28×28 digit (pixel centres at i + ½), None when it is blank.
pub fn centre_of_mass(digit: &[u8]) -> Option<(f64, f64)> {
    let (mut total, mut mx, mut my) = (0.0, 0.0, 0.0);
    for (i, &p) in digit.iter().enumerate().take(PIXELS) {
        let v = p as f64;
        total += v;
        mx += v * ((i % SIDE) as f64 + 0.5);
        my += v * ((i / SIDE) as f64 + 0.5);
    }
    (total > 0.0).then(|| (mx / total, my / total))
}

/// Bounding box of the ink of a 28×28 digit: (x0, y0, x1, y1), end exclusive.
pub fn ink_box(digit: &[u8]) -> Option<(usize, usize, usize, usize)> {
    let mut b: Option<(usize, usize, usize, usize)> = None;
    for (i, &p) in digit.iter().enumerate().take(PIXELS) {
        if p > 0 {
            let (x, y) = (i % SIDE, i / SIDE);
            b = Some(match b {
                None => (x, y, x + 1, y + 1),
                Some((a, c, d, e)) => (a.min(x), c.min(y), d.max(x + 1), e.max(y + 1)),
            });
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canvas(w: usize, h: usize, fill: impl Fn(usize, usize) -> u8) -> Vec<u8> {
        (0..w * h).map(|i| fill(i % w, i / w)).collect()
    }

    #[test]
    fn blank_or_malformed_drawings_give_nothing() {
        assert_eq!(mnist_style(&[0; 100], 10, 10), None);
        assert_eq!(mnist_style(&[1; 99], 10, 10), None);
        assert_eq!(mnist_style(&[], 0, 0), None);
    }

    #[test]
    fn a_square_anywhere_becomes_a_centred_20_by_20_square() {
        for (x0, y0, side) in [(3, 5, 40), (70, 2, 17), (0, 0, 112), (50, 60, 7)] {
            let ink = canvas(112, 112, |x, y| if (x0..x0 + side).contains(&x) && (y0..y0 + side).contains(&y) { 255 } else { 0 });
            let d = mnist_style(&ink, 112, 112).unwrap();
            assert_eq!(ink_box(&d), Some((4, 4, 24, 24)), "{x0},{y0},{side}");
            assert!(d.iter().all(|&p| p == 0 || p == 255), "a full square stays full");
            let (cx, cy) = centre_of_mass(&d).unwrap();
            assert!((cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5, "{cx},{cy}");
        }
    }

    #[test]
    fn the_aspect_ratio_is_kept() {
        // A bar 10 wide and 100 tall → 2 × 20.
        let ink = canvas(112, 112, |x, y| if (30..40).contains(&x) && (5..105).contains(&y) { 200 } else { 0 });
        let d = mnist_style(&ink, 112, 112).unwrap();
        let (x0, y0, x1, y1) = ink_box(&d).unwrap();
        assert_eq!((x1 - x0, y1 - y0), (2, 20));
        assert!(d.iter().all(|&p| p == 0 || p == 200));
    }

    #[test]
    fn downscaling_averages_partial_coverage() {
        // A 40×40 box whose left half is ink: each target pixel covers 2×2 source pixels,
        // so the result is 10 full columns of 255 beside 10 of 0 — a 10×20 bar after cropping?
        // No: the bounding box is only the ink (20×40) → scaled by ½ into 10×20, all 255.
        let ink = canvas(40, 40, |x, _| if x < 20 { 255 } else { 0 });
        let d = mnist_style(&ink, 40, 40).unwrap();
        let (x0, y0, x1, y1) = ink_box(&d).unwrap();
        assert_eq!((x1 - x0, y1 - y0), (10, 20));
        // A checkerboard of single pixels averages to half grey.
        let ink = canvas(40, 40, |x, y| if (x + y) % 2 == 0 { 254 } else { 0 });
        let d = mnist_style(&ink, 40, 40).unwrap();
        let inked: Vec<u8> = d.iter().copied().filter(|&p| p > 0).collect();
        assert_eq!(inked.len(), 400);
        assert!(inked.iter().all(|&p| p == 127), "{inked:?}");
    }

    #[test]
    fn the_centre_of_mass_not_the_box_is_centred() {
        // An L: heavy bottom bar, thin stem; the box is 20×20 but the mass sits low.
        let ink = canvas(100, 100, |x, y| if (10..90).contains(&x) && (70..90).contains(&y) || (10..15).contains(&x) && (10..90).contains(&y) { 255 } else { 0 });
        let d = mnist_style(&ink, 100, 100).unwrap();
        let (cx, cy) = centre_of_mass(&d).unwrap();
        assert!((cx - 14.0).abs() <= 0.5 && (cy - 14.0).abs() <= 0.5, "{cx},{cy}");
        // Moved up so far that the stem's top leaves the field (dropped, as documented).
        let (_, y0, _, y1) = ink_box(&d).unwrap();
        assert_eq!((y0, y1), (0, 18));
    }

    #[test]
    fn an_mnist_digit_is_nearly_a_fixed_point() {
        // Lowbit's test digits already are MNIST-style: redoing it moves the box by at most a
        // pixel (MNIST centred from its own unrounded mass).
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/mnist-10k.safetensors")).unwrap();
        let data = crate::Dataset::from_safetensors(&bytes).unwrap();
        for i in 0..50 {
            let digit = data.image(i);
            let again = mnist_style(digit, SIDE, SIDE).unwrap();
            let (a, b) = (ink_box(digit).unwrap(), ink_box(&again).unwrap());
            assert!((a.2 - a.0).max(a.3 - a.1) == 20 || (b.2 - b.0).max(b.3 - b.1) == 20, "{i}");
            let (c1, c2) = (centre_of_mass(digit).unwrap(), centre_of_mass(&again).unwrap());
            assert!((c2.0 - 14.0).abs() <= 0.5 && (c2.1 - 14.0).abs() <= 0.5, "{i}: {c1:?} → {c2:?}");
        }
    }
}
