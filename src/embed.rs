//! The app-wide URL keys ([`AppParams`]: `embed`, `present`, `theme`, `lang`) and the share links built from
//! a state: the link itself and the `<iframe>` snippet that embeds it. Pure, natively tested.
//!
//! `embed=1` shows a view without header, navigation or footer, filling its frame; inside a
//! frame the app only ever replaces its history entry (pushing would hijack the host page's
//! Back button). `present=1` enlarges type for projectors.

use crate::notice::Notice;
use crate::i18n::Lang;
use crate::query::ViewParams;
use crate::text::shorten;
use crate::theme::ThemeChoice;

/// The options every view shares, as the URL stores them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AppParams {
    /// Embedded: no header, navigation or footer.
    pub embed: bool,
    /// Presentation: larger type.
    pub present: bool,
    /// The colour theme (default: the browser's).
    pub theme: ThemeChoice,
    /// The interface's language, when the URL or the user chose one (`lang=ru`); None: the
    /// browser's ([`Lang::from_browser`]), and the URL leaves `lang` out.
    pub lang: Option<Lang>,
}

/// Parses a flag: `1`, `true`, `yes` or nothing at all is on; `0`, `false`, `no` off.
fn parse_flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

impl ViewParams for AppParams {
    const KEYS: &'static [&'static str] = &["embed", "present", "theme", "lang"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = AppParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            if key == "theme" {
                match ThemeChoice::parse(value) {
                    Some(choice) => params.theme = choice,
                    None => notices.push(Notice::UnknownTheme(shorten(value))),
                }
                continue;
            }
            if key == "lang" {
                match Lang::parse(value) {
                    Some(lang) => params.lang = Some(lang),
                    None => notices.push(Notice::UnknownLanguage { value: shorten(value), valid: Lang::ALL.map(Lang::code).join(", ") }),
                }
                continue;
            }
            let flag = parse_flag(value);
            match (key, flag) {
                ("embed", Some(on)) => params.embed = on,
                ("present", Some(on)) => params.present = on,
                (_, None) => notices.push(Notice::NotAFlag { key: key.to_string(), value: shorten(value) }),
                _ => {}
            }
        }
        (params, notices)
    }

    /// `embed=1` and `present=1` when on, `theme=…` unless it is the browser's, `lang=…` when
    /// one was chosen.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if self.present {
            parts.push("present=1".to_string());
        }
        if self.theme != ThemeChoice::System {
            parts.push(format!("theme={}", self.theme.name()));
        }
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        parts
    }
}

/// `&`, `<`, `>` and `"` as HTML character references, for an attribute value.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The link to a state: the page's address without its query (`https://host/lowbit/`),
/// then `?` and the state's query (`view=…`, without `embed`).
pub fn share_link(base: &str, query: &str) -> String {
    if query.is_empty() { base.to_string() } else { format!("{base}?{query}") }
}

/// The `<iframe>` that embeds a state: its link with `embed=1`, full width, 480 px high,
/// no border, lazily loaded, titled for screen readers (`title`, in the page's language).
pub fn embed_snippet(base: &str, query: &str, title: &str) -> String {
    let query = if query.is_empty() { "embed=1".to_string() } else { format!("{query}&embed=1") };
    let src = escape_attribute(&share_link(base, &query));
    let title = escape_attribute(title);
    format!(
        r#"<iframe src="{src}" width="100%" height="480" style="border:0" loading="lazy" title="{title}"></iframe>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        let (p, n) = AppParams::from_pairs(&[("embed", "1"), ("present", "")]);
        assert_eq!((p, n.len()), (AppParams { embed: true, present: true, ..AppParams::default() }, 0));
        assert_eq!(p.query_parts(), ["embed=1", "present=1"]);
        let (p, n) = AppParams::from_pairs(&[("embed", "maybe"), ("present", "0")]);
        assert_eq!((p, n.len()), (AppParams::default(), 1));
        assert!(AppParams::default().query_parts().is_empty());
    }

    #[test]
    fn themes() {
        use crate::theme::ChartTheme;
        let (p, n) = AppParams::from_pairs(&[("theme", "dark")]);
        assert_eq!((p.theme, n.len()), (ThemeChoice::Fixed(ChartTheme::Dark), 0));
        assert_eq!(p.query_parts(), ["theme=dark"]);
        let (p, n) = AppParams::from_pairs(&[("theme", "contrast"), ("embed", "1")]);
        assert_eq!(p.query_parts(), ["embed=1", "theme=contrast"]);
        assert!(n.is_empty());
        let (p, n) = AppParams::from_pairs(&[("theme", "system")]);
        assert_eq!((p.theme, p.query_parts().len(), n.len()), (ThemeChoice::System, 0, 0));
        let (p, n) = AppParams::from_pairs(&[("theme", "<b>sepia</b>")]);
        assert_eq!(p.theme, ThemeChoice::System);
        assert_eq!(n, [Notice::UnknownTheme("<b>sepia</b>".into())]);
        assert!(n[0].english().contains("'<b>sepia</b>'") && n[0].english().contains("using system"), "{n:?}");
    }

    #[test]
    fn languages() {
        let (p, n) = AppParams::from_pairs(&[("lang", "ru")]);
        assert_eq!((p.lang, n.len()), (Some(Lang::Ru), 0));
        assert_eq!(p.query_parts(), ["lang=ru"]);
        // Normalised: case, a region, surrounding space.
        let (p, n) = AppParams::from_pairs(&[("lang", " DE-at "), ("theme", "dark")]);
        assert_eq!((p.lang, n.len()), (Some(Lang::De), 0));
        assert_eq!(p.query_parts(), ["theme=dark", "lang=de"]);
        // English chosen explicitly stays in the URL; no choice leaves `lang` out.
        assert_eq!(AppParams::from_pairs(&[("lang", "en")]).0.query_parts(), ["lang=en"]);
        assert!(AppParams::default().query_parts().is_empty());
        // An unknown language: a notice quoting it, and the browser's language.
        let (p, n) = AppParams::from_pairs(&[("lang", "<i>fr</i>")]);
        assert_eq!(p.lang, None);
        assert_eq!(n.len(), 1);
        assert!(n[0].english().contains("'<i>fr</i>'") && n[0].english().contains("en, ru, de"), "{n:?}");
        assert_eq!(n[0].text(Lang::Ru.notices()), "Язык '<i>fr</i>' не входит в en, ru, de; используется язык браузера.");
        let (p, n) = AppParams::from_pairs(&[("lang", "")]);
        assert_eq!((p.lang, n.len()), (None, 1));
    }

    #[test]
    fn snippets() {
        let base = "https://example.org/lowbit/";
        assert_eq!(share_link(base, "view=compare&value=3.14"), "https://example.org/lowbit/?view=compare&value=3.14");
        let title = Lang::En.chrome().embed_title;
        assert_eq!(
            embed_snippet(base, "view=explorer&format=float16", title),
            r#"<iframe src="https://example.org/lowbit/?view=explorer&amp;format=float16&amp;embed=1" width="100%" height="480" style="border:0" loading="lazy" title="Lowbit: machine-learning number formats"></iframe>"#
        );
        assert!(embed_snippet(base, "", title).contains(r#"src="https://example.org/lowbit/?embed=1""#));
        assert!(embed_snippet(base, "", Lang::Ru.chrome().embed_title)
            .contains(r#"title="Lowbit: форматы чисел машинного обучения""#));
        assert!(embed_snippet(base, "", r#"a "b""#).contains(r#"title="a &quot;b&quot;""#));
        assert_eq!(escape_attribute(r#"a"<b>&"#), "a&quot;&lt;b&gt;&amp;");
    }
}
