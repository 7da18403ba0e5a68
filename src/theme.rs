//! The page's colour theme: the `theme` URL key (`light`, `dark`, `contrast` or `system`, the
//! default) and the theme a choice resolves to. The stylesheets hold the colours
//! (`style/themes.css`: every colour a custom property, overridden per theme on screen); the
//! charts take theirs from `lowbit_charts::palette` ([`ChartTheme`]). Pure, natively tested:
//! the tests read the stylesheets and check every text colour pair against WCAG AA in every
//! theme, and the charts' colours against the palette.

pub use lowbit_charts::ChartTheme;

/// The theme asked for: one of the [`ChartTheme`]s, or whatever the browser prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// The browser's `prefers-color-scheme` (dark or light) and `prefers-contrast: more`
    /// (the projector theme).
    #[default]
    System,
    /// One theme, whatever the browser prefers.
    Fixed(ChartTheme),
}

impl ThemeChoice {
    /// Every choice, in the switcher's order.
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Fixed(ChartTheme::Light),
        ThemeChoice::Fixed(ChartTheme::Dark),
        ThemeChoice::Fixed(ChartTheme::Contrast),
    ];

    /// The URL name: `system`, `light`, `dark`, `contrast`.
    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Fixed(t) => t.name(),
        }
    }

    /// The choice a URL name names (case and surrounding space ignored).
    pub fn parse(name: &str) -> Option<ThemeChoice> {
        let name = name.trim().to_ascii_lowercase();
        ThemeChoice::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The theme shown, given what the browser prefers (dark? more contrast?).
    pub fn resolve(self, prefers_dark: bool, prefers_more_contrast: bool) -> ChartTheme {
        match self {
            ThemeChoice::Fixed(t) => t,
            ThemeChoice::System if prefers_more_contrast => ChartTheme::Contrast,
            ThemeChoice::System if prefers_dark => ChartTheme::Dark,
            ThemeChoice::System => ChartTheme::Light,
        }
    }

    /// [`ThemeChoice::resolve`] while the page may be printing: paper is white, so a dark
    /// theme prints as the light one (the contrast theme is black on white already).
    pub fn resolve_on(self, prefers_dark: bool, prefers_more_contrast: bool, printing: bool) -> ChartTheme {
        match self.resolve(prefers_dark, prefers_more_contrast) {
            ChartTheme::Dark if printing => ChartTheme::Light,
            theme => theme,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use lowbit_charts::palette::contrast_ratio;

    use super::*;


    #[test]
    fn printing_turns_a_dark_theme_light_and_keeps_the_others() {
        for choice in ThemeChoice::ALL {
            for (dark, contrast) in [(false, false), (true, false), (false, true), (true, true)] {
                let shown = choice.resolve(dark, contrast);
                assert_eq!(choice.resolve_on(dark, contrast, false), shown);
                let printed = choice.resolve_on(dark, contrast, true);
                assert_eq!(printed, if shown == ChartTheme::Dark { ChartTheme::Light } else { shown }, "{choice:?}");
            }
        }
    }

    const MAIN: &str = include_str!("../style/main.css");
    const VIEWS: &str = include_str!("../style/views.css");
    const THEMES: &str = include_str!("../style/themes.css");

    /// Colours by custom-property name (without `--`).
    type Colours = BTreeMap<String, (u8, u8, u8)>;

    /// `css` without its comments.
    fn uncommented(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
        }
        out.push_str(rest);
        out
    }

    /// The `--name: #rrggbb;` declarations of a CSS block body.
    fn declarations(body: &str) -> Colours {
        let mut out = BTreeMap::new();
        for part in uncommented(body).split(';') {
            let Some((name, value)) = part.split_once(':') else { continue };
            let (name, value) = (name.trim(), value.trim());
            let Some(name) = name.strip_prefix("--") else { continue };
            let Some(hex) = value.strip_prefix('#').filter(|h| h.len() == 6) else { continue };
            let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            if let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4)) {
                out.insert(name.to_string(), (r, g, b));
            }
        }
        out
    }

    /// The body of the first block whose selector is `selector` in `css`.
    fn block<'a>(css: &'a str, selector: &str) -> &'a str {
        let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no {selector} block")) + selector.len() + 2;
        let end = css[start..].find('}').expect("a closed block") + start;
        &css[start..end]
    }

    /// Each theme's colours: the light ones from `:root` (main.css, views.css, themes.css),
    /// the others overriding them.
    fn themes() -> Vec<(ChartTheme, Colours)> {
        let mut light = declarations(block(MAIN, ":root"));
        light.extend(declarations(block(VIEWS, ":root")));
        light.extend(declarations(block(THEMES, ":root")));
        ChartTheme::ALL
            .into_iter()
            .map(|t| {
                let mut colours = light.clone();
                if t != ChartTheme::Light {
                    colours.extend(declarations(block(THEMES, &format!(":root[data-theme=\"{}\"]", t.name()))));
                }
                (t, colours)
            })
            .collect()
    }

    #[test]
    fn every_text_colour_pair_meets_wcag_aa_in_every_theme() {
        // Text on its background: 4.5:1 (AA).
        let text = [
            ("ink", "bg"), ("ink", "card"), ("ink-soft", "card"), ("ink-soft", "bg"), ("ink-faint", "card"),
            ("ink-soft", "line-soft"), ("ink", "control-bg"), ("ink", "code-bg"), ("ink-soft", "code-bg"),
            ("accent", "card"), ("on-accent", "accent"), ("warn-ink", "warn-bg"), ("ink-soft", "warn-bg"),
            ("error-ink", "error-bg"), ("error-ink", "card"), ("note-ink", "note-bg"), ("ink", "ok-bg"),
            ("ink", "row-hover"), ("ink", "selected-bg"), ("ink", "highlight-bg"), ("ink", "hover-bg"),
            ("sign", "sign-bg"), ("exponent", "exponent-bg"), ("mantissa", "mantissa-bg"), ("index", "index-bg"),
            ("half-min", "half-min-bg"), ("trits", "trits-bg"),
            ("cls-zero-ink", "cls-zero-bg"), ("cls-subnormal-ink", "cls-subnormal-bg"), ("cls-normal-ink", "cls-normal-bg"),
            ("cls-infinite-ink", "cls-infinite-bg"), ("cls-nan-ink", "cls-nan-bg"), ("cls-unused-ink", "cls-unused-bg"),
        ];
        // The bits' digits and their small position and role labels on the pressed colours:
        // 4.5:1, the small text's minimum (the large digits alone would need 3:1).
        let pressed = ["sign-bg-on", "exponent-bg-on", "mantissa-bg-on", "index-bg-on", "half-min-bg-on", "trits-bg-on"].map(|bg| ("on-role", bg));
        // Keyboard focus rings on what they are drawn over (the page, a card, the view tabs'
        // strip, a hovered row): 3:1, WCAG's minimum for non-text contrast.
        let focus = ["bg", "card", "line-soft", "row-hover", "code-bg"].map(|bg| ("focus-ring", bg));
        let mut failures = Vec::new();
        for (theme, colours) in themes() {
            for (pairs, minimum) in [(&text[..], 4.5), (&pressed[..], 4.5), (&focus[..], 3.0)] {
                for &(fg, bg) in pairs {
                    let (Some(&f), Some(&b)) = (colours.get(fg), colours.get(bg)) else {
                        failures.push(format!("{theme:?}: --{fg} or --{bg} is not a #rrggbb colour"));
                        continue;
                    };
                    let ratio = contrast_ratio(f, b);
                    if ratio < minimum {
                        failures.push(format!("{theme:?}: --{fg} on --{bg} is {ratio:.2}:1 < {minimum}:1"));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn the_stylesheet_has_the_charts_colours_of_each_theme() {
        for (theme, colours) in themes() {
            for (i, c) in theme.series().iter().enumerate() {
                assert_eq!(colours.get(&format!("lowbit-series-{i}")), Some(&c.rgb), "{theme:?} series {i}");
            }
            assert_eq!(colours.get("lowbit-original"), Some(&theme.chrome().original.rgb), "{theme:?}");
            assert_eq!(colours.get("lowbit-axis"), Some(&theme.chrome().axis.rgb), "{theme:?}");
        }
    }

    #[test]
    fn choices_parse_and_resolve() {
        for c in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(c.name()), Some(c));
        }
        assert_eq!(ThemeChoice::parse(" Dark "), Some(ThemeChoice::Fixed(ChartTheme::Dark)));
        assert_eq!(ThemeChoice::parse("sepia"), None);
        assert_eq!(ThemeChoice::System.resolve(true, false), ChartTheme::Dark);
        assert_eq!(ThemeChoice::System.resolve(true, true), ChartTheme::Contrast);
        assert_eq!(ThemeChoice::System.resolve(false, false), ChartTheme::Light);
        assert_eq!(ThemeChoice::Fixed(ChartTheme::Light).resolve(true, true), ChartTheme::Light);
    }
}
