//! The one colour palette of Lowbit's charts, shared with the web app's legends and tables.
//!
//! Series colours are the Okabe–Ito palette (Okabe & Ito, *Color Universal Design*, 2008),
//! distinguishable under the common forms of colour-vision deficiency, ordered so the first
//! colours have the most contrast on white (yellow, the weakest, is last). The original signal
//! is drawn in a neutral grey so the coloured reconstructions stand out on top of it.
//!
//! Every colour exists both as RGB (for plotters) and as a CSS hex string (for the app), and a
//! test keeps the two in step; [`css_variables`] renders them as CSS custom properties.
//!
//! Charts follow the page's theme ([`ChartTheme`]: light, dark, high-contrast): the drawing
//! functions take their colours from [`chrome`] and [`series_color`], which read the theme
//! the page set with [`set_theme`] (one per thread: a page, or a test, draws in one theme at
//! a time). The light theme is the constants above; the others are tested against WCAG 2
//! contrast ratios on their own background.

use std::cell::Cell;

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

/// A chart colour theme (the page's `theme`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChartTheme {
    /// Dark ink on white: the constants of this module.
    #[default]
    Light,
    /// Light ink on a dark background, the series lightened to keep their contrast.
    Dark,
    /// Black on white with darker series, for projectors.
    Contrast,
}

/// The colours of a chart other than its series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chrome {
    /// Text: tick labels, axis titles, legend.
    pub ink: PaletteColor,
    /// Axis lines and tick marks.
    pub axis: PaletteColor,
    /// Grid lines.
    pub grid: PaletteColor,
    /// The y = 0 line.
    pub zero: PaletteColor,
    /// The chart's background.
    pub background: PaletteColor,
    /// The original (reference) signal.
    pub original: PaletteColor,
}

const LIGHT_CHROME: Chrome = Chrome { ink: INK, axis: AXIS, grid: GRID, zero: ZERO, background: BACKGROUND, original: ORIGINAL };

const DARK_CHROME: Chrome = Chrome {
    ink: color("ink", "#E6E8EB", (0xE6, 0xE8, 0xEB)),
    axis: color("axis", "#8E949E", (0x8E, 0x94, 0x9E)),
    grid: color("grid", "#2E323A", (0x2E, 0x32, 0x3A)),
    zero: color("zero", "#5C626D", (0x5C, 0x62, 0x6D)),
    background: color("background", "#1A1D23", (0x1A, 0x1D, 0x23)),
    original: color("grey", "#9DA3AD", (0x9D, 0xA3, 0xAD)),
};

/// The Okabe–Ito hues lightened for a dark background (each ≥ 4.5:1 on it).
const DARK_SERIES: [PaletteColor; 7] = [
    color("blue", "#5EB1EF", (0x5E, 0xB1, 0xEF)),
    color("vermillion", "#FF8B4D", (0xFF, 0x8B, 0x4D)),
    color("bluish green", "#2FCB9C", (0x2F, 0xCB, 0x9C)),
    color("reddish purple", "#E59DC6", (0xE5, 0x9D, 0xC6)),
    color("orange", "#F5B53B", (0xF5, 0xB5, 0x3B)),
    color("sky blue", "#A9DBF8", (0xA9, 0xDB, 0xF8)),
    color("yellow", "#F0E442", (0xF0, 0xE4, 0x42)),
];

const CONTRAST_CHROME: Chrome = Chrome {
    ink: color("ink", "#000000", (0x00, 0x00, 0x00)),
    axis: color("axis", "#000000", (0x00, 0x00, 0x00)),
    grid: color("grid", "#C4C4C4", (0xC4, 0xC4, 0xC4)),
    zero: color("zero", "#4D4D4D", (0x4D, 0x4D, 0x4D)),
    background: BACKGROUND,
    original: color("grey", "#6B6B6B", (0x6B, 0x6B, 0x6B)),
};

/// The Okabe–Ito hues darkened for projectors (each ≥ 4.5:1 on white).
const CONTRAST_SERIES: [PaletteColor; 7] = [
    color("blue", "#005A8F", (0x00, 0x5A, 0x8F)),
    color("vermillion", "#B34B00", (0xB3, 0x4B, 0x00)),
    color("bluish green", "#00704F", (0x00, 0x70, 0x4F)),
    color("reddish purple", "#A2487C", (0xA2, 0x48, 0x7C)),
    color("orange", "#8F5F00", (0x8F, 0x5F, 0x00)),
    color("sky blue", "#1D6E9E", (0x1D, 0x6E, 0x9E)),
    color("yellow", "#6B6400", (0x6B, 0x64, 0x00)),
];

impl ChartTheme {
    /// Every theme.
    pub const ALL: [ChartTheme; 3] = [ChartTheme::Light, ChartTheme::Dark, ChartTheme::Contrast];

    /// The theme's name (`light`, `dark`, `contrast`: the page's `data-theme`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ChartTheme::Light => "light",
            ChartTheme::Dark => "dark",
            ChartTheme::Contrast => "contrast",
        }
    }

    /// The theme a name names.
    #[must_use]
    pub fn parse(name: &str) -> Option<ChartTheme> {
        ChartTheme::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The theme's colours other than the series.
    #[must_use]
    pub const fn chrome(self) -> Chrome {
        match self {
            ChartTheme::Light => LIGHT_CHROME,
            ChartTheme::Dark => DARK_CHROME,
            ChartTheme::Contrast => CONTRAST_CHROME,
        }
    }

    /// The theme's series colours, in assignment order.
    #[must_use]
    pub const fn series(self) -> &'static [PaletteColor; 7] {
        match self {
            ChartTheme::Light => &SERIES,
            ChartTheme::Dark => &DARK_SERIES,
            ChartTheme::Contrast => &CONTRAST_SERIES,
        }
    }
}

thread_local! {
    static THEME: Cell<ChartTheme> = const { Cell::new(ChartTheme::Light) };
}

/// Sets the theme charts are drawn in from now on (on this thread).
pub fn set_theme(theme: ChartTheme) {
    THEME.with(|t| t.set(theme));
}

/// The theme charts are drawn in.
#[must_use]
pub fn theme() -> ChartTheme {
    THEME.with(Cell::get)
}

/// The current theme's colours other than the series.
#[must_use]
pub fn chrome() -> Chrome {
    theme().chrome()
}

/// The colour of the `i`-th series in the current theme; cycles through the seven when there
/// are more.
#[must_use]
pub fn series_color(i: usize) -> PaletteColor {
    theme().series()[i % SERIES.len()]
}

/// The CSS colour of the `i`-th series for the page: its custom property, which the page's
/// stylesheet sets per theme (`style/themes.css`), so a legend follows a theme change
/// without being rebuilt.
#[must_use]
pub fn series_css(i: usize) -> &'static str {
    const CSS: [&str; 7] = [
        "var(--lowbit-series-0)",
        "var(--lowbit-series-1)",
        "var(--lowbit-series-2)",
        "var(--lowbit-series-3)",
        "var(--lowbit-series-4)",
        "var(--lowbit-series-5)",
        "var(--lowbit-series-6)",
    ];
    CSS[i % CSS.len()]
}

/// WCAG 2's relative luminance of an sRGB colour.
#[must_use]
pub fn relative_luminance(rgb: (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
}

/// WCAG 2's contrast ratio of two colours (1 to 21).
#[must_use]
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
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
        let mut v = Vec::new();
        for t in ChartTheme::ALL {
            let c = t.chrome();
            v.extend(t.series());
            v.extend([c.original, c.ink, c.axis, c.grid, c.zero, c.background]);
        }
        v
    }

    #[test]
    fn themes_meet_wcag_contrast_on_their_background() {
        for t in ChartTheme::ALL {
            let c = t.chrome();
            let bg = c.background.rgb;
            // Text: AA (4.5:1); in the projector theme AAA (7:1).
            let text = if t == ChartTheme::Contrast { 7.0 } else { 4.5 };
            assert!(contrast_ratio(c.ink.rgb, bg) >= text, "{t:?} ink");
            // Graphics (WCAG 1.4.11): axes and the original signal 3:1.
            for (what, color) in [("axis", c.axis), ("original", c.original)] {
                assert!(contrast_ratio(color.rgb, bg) >= 3.0, "{t:?} {what}: {:.2}", contrast_ratio(color.rgb, bg));
            }
            // Series: the dark and projector palettes 4.5:1 (the light one is Okabe–Ito as
            // published; its yellow, orange and sky blue are below 3:1 on white).
            if t != ChartTheme::Light {
                for s in t.series() {
                    assert!(contrast_ratio(s.rgb, bg) >= 4.5, "{t:?} {}: {:.2}", s.name, contrast_ratio(s.rgb, bg));
                }
            }
            // Every theme's series are distinct, and its names parse back.
            assert_eq!(ChartTheme::parse(t.name()), Some(t));
        }
        assert_eq!(ChartTheme::parse("system"), None);
        assert!((contrast_ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn the_current_theme_picks_the_colours() {
        assert_eq!(theme(), ChartTheme::Light);
        assert_eq!(series_color(0), SERIES[0]);
        set_theme(ChartTheme::Dark);
        assert_eq!((series_color(8), chrome().background), (DARK_SERIES[1], DARK_CHROME.background));
        set_theme(ChartTheme::Light);
        assert_eq!(series_css(9), "var(--lowbit-series-2)");
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
        for t in ChartTheme::ALL {
            let series = t.series();
            for (i, a) in series.iter().enumerate() {
                for b in &series[i + 1..] {
                    assert_ne!(a.rgb, b.rgb);
                }
                assert_ne!(a.rgb, t.chrome().original.rgb);
            }
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
