//! The trace table's window: which rows of a long trace are in the page, and where. The
//! table scrolls inside a box of [`VISIBLE_ROWS`] rows of [`ROW_HEIGHT_PX`] each; a spacer as
//! tall as every row (at most [`MAX_CONTENT_PX`]: browsers cap an element's height, Firefox
//! near 17.9 M px, so a million rows of 28 px are scaled down) keeps the scroll bar true to
//! the whole input, and only the [`WINDOW_ROWS`] rows around what is visible exist in the DOM
//! (read by the trace-window function or job). The window moves in steps of [`WINDOW_STEP`]
//! rows, so scrolling by a few rows keeps it and asks for nothing. Pure arithmetic, tested
//! natively.

/// The height of one trace row (and of the header row), in CSS pixels (set on each row by
/// the table, `super::trace`; the stylesheet keeps cells within it).
pub const ROW_HEIGHT_PX: f64 = 28.0;

/// The rows the scroll box shows at once.
pub const VISIBLE_ROWS: usize = 20;

/// The rows in the DOM at once: what is visible, with a margin above and below.
pub const WINDOW_ROWS: usize = 64;

/// The window's first row is a multiple of this.
pub const WINDOW_STEP: usize = 16;

/// The tallest the scrolled content gets (below every browser's element height limit).
pub const MAX_CONTENT_PX: f64 = 15_000_000.0;

/// The height of everything the scroll box scrolls over: the header row and every row, or
/// [`MAX_CONTENT_PX`] for very long traces.
pub fn content_height_px(total: usize) -> f64 {
    ((total as f64 + 1.0) * ROW_HEIGHT_PX).min(MAX_CONTENT_PX)
}

/// The scroll box's height: the header and up to [`VISIBLE_ROWS`] rows.
pub fn box_height_px(total: usize) -> f64 {
    (total.min(VISIBLE_ROWS) as f64 + 1.0) * ROW_HEIGHT_PX
}

/// How far the box scrolls.
fn max_scroll_px(total: usize) -> f64 {
    content_height_px(total) - box_height_px(total)
}

/// The row at the top of the box (fractional) when it is scrolled by `scroll_top_px`: the
/// scroll range maps linearly onto rows 0 ..= `total` − [`VISIBLE_ROWS`] (one pixel, one
/// 28th of a row, unless the content is scaled down).
pub fn top_row(scroll_top_px: f64, total: usize) -> f64 {
    if total <= VISIBLE_ROWS || scroll_top_px.is_nan() || scroll_top_px <= 0.0 {
        return 0.0;
    }
    let last = (total - VISIBLE_ROWS) as f64;
    (scroll_top_px / max_scroll_px(total) * last).min(last)
}

/// The first row of the window for a box scrolled by `scroll_top_px` over a trace of `total`
/// rows: the visible rows are inside the window, with at least [`WINDOW_STEP`] rows of
/// margin above (but at the start) and below (but at the end).
pub fn window_start(scroll_top_px: f64, total: usize) -> usize {
    if total <= WINDOW_ROWS {
        return 0;
    }
    let top = top_row(scroll_top_px, total) as usize;
    let aligned = top.saturating_sub(WINDOW_STEP) / WINDOW_STEP * WINDOW_STEP;
    let last_start = (total - WINDOW_ROWS).div_ceil(WINDOW_STEP) * WINDOW_STEP;
    aligned.min(last_start)
}

/// The rows of the window starting at `start`: `start .. start + len` within `total`.
pub fn window_len(start: usize, total: usize) -> usize {
    total.saturating_sub(start).min(WINDOW_ROWS)
}

/// Where the window's table (its header row, then rows `start ..`) sits in the scrolled
/// content so that the top row shows at the top of the box under the header: `start` rows
/// down when nothing is scaled.
pub fn window_offset_px(scroll_top_px: f64, start: usize, total: usize) -> f64 {
    let scroll = if scroll_top_px.is_finite() { scroll_top_px.clamp(0.0, max_scroll_px(total).max(0.0)) } else { 0.0 };
    scroll - (top_row(scroll, total) - start as f64) * ROW_HEIGHT_PX
}

/// The scroll position that shows row `row` at the top of the box.
pub fn scroll_to_row_px(row: usize, total: usize) -> f64 {
    if total <= VISIBLE_ROWS {
        return 0.0;
    }
    let last = total - VISIBLE_ROWS;
    row.min(last) as f64 / last as f64 * max_scroll_px(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_traces_are_one_window() {
        for total in [0, 1, 4, VISIBLE_ROWS, WINDOW_ROWS] {
            assert_eq!(window_start(0.0, total), 0);
            assert_eq!(window_start(1e9, total), 0);
            assert_eq!(window_len(0, total), total);
            assert_eq!(window_offset_px(0.0, 0, total), 0.0);
        }
        assert_eq!(box_height_px(4), 5.0 * ROW_HEIGHT_PX);
        assert_eq!(box_height_px(1 << 20), 21.0 * ROW_HEIGHT_PX);
    }

    /// Row `i` of the window's table is drawn at `offset + (i − start + 1)` rows (below the
    /// header): every row whose pixels show in the box is in the window, and the table ends
    /// within the content.
    #[test]
    fn the_visible_rows_are_always_in_the_window() {
        for total in [21, 65, 100, 1000, 4097, 600_000, 1 << 20] {
            let max_scroll = content_height_px(total) - box_height_px(total);
            let steps = 3000.0;
            for k in 0..=steps as usize {
                let px = max_scroll * k as f64 / steps;
                let start = window_start(px, total);
                let len = window_len(start, total);
                assert_eq!(start % WINDOW_STEP, 0);
                assert!(start + len <= total, "{total} {px}");
                let offset = window_offset_px(px, start, total);
                let first_visible = top_row(px, total).floor() as usize;
                let last_visible = ((top_row(px, total) + VISIBLE_ROWS as f64).ceil() as usize).min(total);
                assert!(start <= first_visible && last_visible <= start + len, "{total} at {px}: window {start}+{len}, visible {first_visible}..{last_visible}");
                // The top row's own position is the top of the box, under the header.
                let y = offset + (top_row(px, total) - start as f64 + 1.0) * ROW_HEIGHT_PX;
                assert!((y - (px + ROW_HEIGHT_PX)).abs() < 1e-6 * px.max(1.0), "{total} {px}: {y}");
            }
            // The end of the trace: the window holds its last rows, and they are visible.
            let start = window_start(max_scroll, total);
            assert_eq!(start + window_len(start, total), total, "{total}");
            assert_eq!(top_row(max_scroll, total), total.saturating_sub(VISIBLE_ROWS) as f64);
        }
    }

    #[test]
    fn long_traces_are_scaled_to_what_browsers_lay_out() {
        assert_eq!(content_height_px(1000), 1001.0 * ROW_HEIGHT_PX, "not scaled");
        assert_eq!(content_height_px(1 << 20), MAX_CONTENT_PX);
        // Not scaled: the table sits `start` rows down, wherever the box is scrolled.
        let total = 100_000;
        let px = scroll_to_row_px(5000, total);
        assert_eq!(px, 5000.0 * ROW_HEIGHT_PX);
        let start = window_start(px, total);
        assert_eq!(start, 4976);
        assert_eq!(window_start(px + 3.0 * ROW_HEIGHT_PX, total), start, "a small scroll keeps the window");
        assert!((window_offset_px(px + 100.0, start, total) - 4976.0 * ROW_HEIGHT_PX).abs() < 1e-6);
        // A million rows: any row can be scrolled to.
        let total = 1 << 20;
        for row in [0, 1, 500_000, total - VISIBLE_ROWS - 1, total - VISIBLE_ROWS] {
            let px = scroll_to_row_px(row, total);
            assert!((top_row(px, total) - row as f64).abs() < 1e-6, "{row}");
            let start = window_start(px, total);
            assert!(start <= row && row + VISIBLE_ROWS <= start + window_len(start, total), "{row}");
        }
        assert_eq!(window_start(f64::NAN, total), 0);
        assert_eq!(window_start(-5.0, total), 0);
        assert_eq!(window_start(f64::MAX, total), total - WINDOW_ROWS);
    }
}

