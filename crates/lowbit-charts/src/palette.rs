//! The one colour palette of Lowbit's charts, shared with the web app's legends and tables.
//!
//! Series colours are the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008),
//! distinguishable under the common forms of colour-vision deficiency, ordered so the first
//! colours have the most contrast on white (yellow, the weakest, is last). The original signal
//! is drawn in a neutral grey so the coloured reconstructions stand out on top of it.
//!
//! Every colour exists both as RGB (for plotters) and as a CSS hex string (for the app), and a
//! test keeps the two in step; [`css_variables`] renders them as CSS custom properties.

use plotters::style::RGBColor;

/// A named palette colour, as RGB and as a CSS hex string (`#RRGGBB`, upper case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PaletteColor {
    /// A human name (`"blue"`, `"vermillion"`, …).
    pub name: &'static str,
    /// The CSS hex string, `#RRGGBB`.
    pub hex: &'static str,
    /// The same colour as 8-bit red, green, blue.
    pub rgb: (u8, u8, u8),
}

impl PaletteColor {
    /// The colour as plotters' [`RGBColor`].
    #[must_use]
    pub const fn rgb_color(self) -> RGBColor {
        RGBColor(self.rgb.0, self.rgb.1, self.rgb.2)
    }
}

impl From<PaletteColor> for RGBColor {
    fn from(c: PaletteColor) -> RGBColor {
        c.rgb_color()
    }
}

const fn color(name: &'static str, hex: &'static str, rgb: (u8, u8, u8)) -> PaletteColor {
    PaletteColor { name, hex, rgb }
}

/// Reconstruction / error series colours (Okabe–Ito without black), in assignment order.
pub const SERIES: [PaletteColor; 7] = [
    color("blue", "#0072B2", (0x00, 0x72, 0xB2)),
    color("vermillion", "#D55E00", (0xD5, 0x5E, 0x00)),
    color("bluish green", "#009E73", (0x00, 0x9E, 0x73)),
    color("reddish purple", "#CC79A7", (0xCC, 0x79, 0xA7)),
    color("orange", "#E69F00", (0xE6, 0x9F, 0x00)),
    color("sky blue", "#56B4E9", (0x56, 0xB4, 0xE9)),
    color("yellow", "#F0E442", (0xF0, 0xE4, 0x42)),
];

/// The original (reference) signal.
pub const ORIGINAL: PaletteColor = color("grey", "#8C8C8C", (0x8C, 0x8C, 0x8C));
/// Text: tick labels, axis titles, legend.
pub const INK: PaletteColor = color("ink", "#333333", (0x33, 0x33, 0x33));
/// Axis lines and tick marks.
pub const AXIS: PaletteColor = color("axis", "#8A8A8A", (0x8A, 0x8A, 0x8A));
/// Grid lines.
pub const GRID: PaletteColor = color("grid", "#E8E8E8", (0xE8, 0xE8, 0xE8));
/// The y = 0 line.
pub const ZERO: PaletteColor = color("zero", "#B0B0B0", (0xB0, 0xB0, 0xB0));
/// Chart background.
pub const BACKGROUND: PaletteColor = color("background", "#FFFFFF", (0xFF, 0xFF, 0xFF));

/// The colour of the `i`-th series; cycles through [`SERIES`] when there are more than seven.
#[must_use]
pub fn series_color(i: usize) -> PaletteColor {
    SERIES[i % SERIES.len()]
}

/// The palette as CSS custom properties, for a `<style>` element or a stylesheet:
/// `--lowbit-series-0` … `--lowbit-series-6`, `--lowbit-original`, `--lowbit-ink`,
/// `--lowbit-axis`, `--lowbit-grid`, `--lowbit-zero`, `--lowbit-background`.
#[must_use]
pub fn css_variables() -> String {
    let mut s = String::from(":root {\n");
    for (i, c) in SERIES.iter().enumerate() {
        s.push_str(&format!("  --lowbit-series-{i}: {};\n", c.hex));
    }
    for (name, c) in [
        ("original", ORIGINAL),
        ("ink", INK),
        ("axis", AXIS),
        ("grid", GRID),
        ("zero", ZERO),
        ("background", BACKGROUND),
    ] {
        s.push_str(&format!("  --lowbit-{name}: {};\n", c.hex));
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<PaletteColor> {
        let mut v = SERIES.to_vec();
        v.extend([ORIGINAL, INK, AXIS, GRID, ZERO, BACKGROUND]);
        v
    }

    #[test]
    fn hex_and_rgb_agree() {
        for c in all() {
            assert_eq!(c.hex.len(), 7, "{}", c.name);
            assert!(c.hex.starts_with('#'));
            let p = |i: usize| u8::from_str_radix(&c.hex[i..i + 2], 16).unwrap();
            assert_eq!((p(1), p(3), p(5)), c.rgb, "{}", c.name);
            assert_eq!(c.hex, c.hex.to_ascii_uppercase());
            let RGBColor(r, g, b) = c.rgb_color();
            assert_eq!((r, g, b), c.rgb);
        }
    }

    #[test]
    fn series_colours_are_distinct_and_cycle() {
        for (i, a) in SERIES.iter().enumerate() {
            for b in &SERIES[i + 1..] {
                assert_ne!(a.rgb, b.rgb);
            }
            assert_ne!(a.rgb, ORIGINAL.rgb);
        }
        assert_eq!(series_color(0), SERIES[0]);
        assert_eq!(series_color(7), SERIES[0]);
        assert_eq!(series_color(9), SERIES[2]);
    }

    #[test]
    fn css_variables_list_every_colour() {
        let css = css_variables();
        assert!(css.contains("--lowbit-series-0: #0072B2;"));
        assert!(css.contains("--lowbit-series-6: #F0E442;"));
        assert!(css.contains("--lowbit-original: #8C8C8C;"));
        assert_eq!(css.matches("--lowbit-").count(), 13);
    }
}
