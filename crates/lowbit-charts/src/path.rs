//! Turning samples into pixel polylines: steps, gaps at non-finite values, clamping to the
//! data rectangle, and lossless per-column decimation for long signals.

use crate::mapping::PlotMapping;

/// Pixel polylines for one series over the mapping's samples.
///
/// * A non-finite value (NaN, ±Inf) ends the current polyline; drawing resumes at the next
///   finite value. No coordinate is ever made up for it.
/// * With `step`, sample `i` is a horizontal run from `x_i` to `x_{i+1}` (to `x_end` for the
///   last sample) joined to its neighbours by vertical risers; otherwise samples are joined
///   by straight lines.
/// * Points are rounded to whole pixels and clamped into the data rectangle.
/// * Where several points fall in one pixel column only the first, the lowest, the highest and
///   the last are kept (in their original order), which draws the same pixels: the output
///   has at most about four points per column, whatever the sample count.
pub(crate) fn polylines(
    m: &PlotMapping,
    values: &[f32],
    step: bool,
    x_end: f64,
) -> Vec<Vec<(i32, i32)>> {
    let xs = m.xs();
    let n = xs.len().min(values.len());
    let r = m.plot;
    let px = |x: f64| -> i32 {
        let p = m.x_to_px(x);
        let p = if p.is_nan() { r.x0 as f64 } else { p };
        p.clamp(r.x0 as f64, r.x1 as f64).round() as i32
    };
    let py = |y: f64| -> i32 { m.y_to_px(y).clamp(r.y0 as f64, r.y1 as f64).round() as i32 };

    let mut out = Vec::new();
    let mut cur: Vec<(i32, i32)> = Vec::new();
    for i in 0..n {
        let v = values[i] as f64;
        if !v.is_finite() {
            flush(&mut cur, &mut out, r.x1);
            continue;
        }
        let y = py(v);
        let x = px(xs[i]);
        if step {
            let next = if i + 1 < n { xs[i + 1] } else { x_end };
            cur.push((x, y));
            cur.push((px(next), y));
        } else {
            cur.push((x, y));
        }
    }
    flush(&mut cur, &mut out, r.x1);
    out
}

fn flush(cur: &mut Vec<(i32, i32)>, out: &mut Vec<Vec<(i32, i32)>>, x_max: i32) {
    if cur.is_empty() {
        return;
    }
    let mut pts = decimate(cur);
    if pts.len() == 1 {
        // A lone finite sample between gaps: draw it as a 1-pixel dash so it stays visible.
        let (x, y) = pts[0];
        if x < x_max {
            pts.push((x + 1, y));
        } else {
            pts.insert(0, (x - 1, y));
        }
    }
    out.push(pts);
    cur.clear();
}

/// Keeps first, min-y, max-y and last of each run of points sharing a pixel column, and drops
/// consecutive duplicates.
pub(crate) fn decimate(pts: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(pts.len().min(4096));
    let push = |p: (i32, i32), out: &mut Vec<(i32, i32)>| {
        if out.last() != Some(&p) {
            out.push(p);
        }
    };
    let mut start = 0;
    while start < pts.len() {
        let col = pts[start].0;
        let mut end = start + 1;
        while end < pts.len() && pts[end].0 == col {
            end += 1;
        }
        let run = &pts[start..end];
        if run.len() <= 4 {
            for &p in run {
                push(p, &mut out);
            }
        } else {
            let (mut imin, mut imax) = (0, 0);
            for (k, p) in run.iter().enumerate() {
                if p.1 < run[imin].1 {
                    imin = k;
                }
                if p.1 > run[imax].1 {
                    imax = k;
                }
            }
            let (a, b) = if imin <= imax {
                (imin, imax)
            } else {
                (imax, imin)
            };
            for k in [0, a, b, run.len() - 1] {
                push(run[k], &mut out);
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mapping::PixelRect;

    fn mapping(xs: Vec<f64>, x_range: (f64, f64), step: bool) -> PlotMapping {
        let rect = PixelRect {
            x0: 0,
            y0: 0,
            x1: 100,
            y1: 100,
        };
        PlotMapping::new(rect, x_range, (-1.0, 1.0), xs, step)
    }

    #[test]
    fn lines_and_steps() {
        let m = mapping(vec![0.0, 1.0, 2.0, 3.0], (0.0, 4.0), true);
        let v = [1.0f32, 0.0, -1.0, 0.5];
        let lines = polylines(&m, &v, false, 4.0);
        assert_eq!(lines, vec![vec![(0, 0), (25, 50), (50, 100), (75, 25)]]);
        let steps = polylines(&m, &v, true, 4.0);
        assert_eq!(
            steps,
            vec![vec![
                (0, 0),
                (25, 0),
                (25, 50),
                (50, 50),
                (50, 100),
                (75, 100),
                (75, 25),
                (100, 25)
            ]]
        );
    }

    #[test]
    fn non_finite_values_break_the_line_and_never_become_coordinates() {
        let m = mapping(vec![0.0, 1.0, 2.0, 3.0, 4.0], (0.0, 4.0), false);
        let v = [0.0f32, f32::NAN, 0.5, f32::INFINITY, -0.5];
        let lines = polylines(&m, &v, false, 5.0);
        assert_eq!(
            lines,
            vec![
                vec![(0, 50), (1, 50)],
                vec![(50, 25), (51, 25)],
                vec![(99, 75), (100, 75)]
            ]
        );
        assert!(polylines(&m, &[f32::NAN; 5], true, 5.0).is_empty());
    }

    #[test]
    fn values_outside_the_range_are_clamped() {
        let m = mapping(vec![0.0, 1.0], (0.0, 1.0), false);
        let lines = polylines(&m, &[1e30, -3.0], false, 2.0);
        assert_eq!(lines, vec![vec![(0, 0), (100, 100)]]);
    }

    #[test]
    fn decimation_keeps_the_envelope_of_each_column() {
        let pts = vec![
            (0, 5),
            (0, 9),
            (0, 1),
            (0, 7),
            (0, 3),
            (1, 4),
            (1, 4),
            (2, 8),
        ];
        assert_eq!(
            decimate(&pts),
            vec![(0, 5), (0, 9), (0, 1), (0, 3), (1, 4), (2, 8)]
        );
        // 65536 samples of a sine into 100 columns: at most 4 points per column.
        let n = 65_536;
        let xs: Vec<f64> = (0..n).map(|k| k as f64).collect();
        let v: Vec<f32> = (0..n).map(|k| ((k as f64) * 0.01).sin() as f32).collect();
        let m = mapping(xs, (0.0, n as f64), false);
        let lines = polylines(&m, &v, false, n as f64);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].len() <= 4 * 101, "{}", lines[0].len());
        let ys: Vec<i32> = lines[0].iter().map(|p| p.1).collect();
        assert_eq!(*ys.iter().min().unwrap(), 0);
        assert_eq!(*ys.iter().max().unwrap(), 100);
    }
}
