//! The theme on the page: the switcher in the header ([`ThemeSwitcher`]), the document's
//! `data-theme` kept to the resolved theme ([`apply_theme`]), and, for charts in any module,
//! the theme the document shows ([`document_theme`]) as a signal that follows it.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::theme::{ChartTheme, ThemeChoice};
use crate::ui::lang::use_lang;
use crate::ui::root_attribute::{root_attribute, use_root_attribute};

/// The switcher's label of a theme choice, in `lang`.
fn theme_label(lang: Lang, choice: ThemeChoice) -> &'static str {
    let t = lang.chrome();
    match choice {
        ThemeChoice::System => t.theme_system,
        ThemeChoice::Fixed(ChartTheme::Light) => t.theme_light,
        ThemeChoice::Fixed(ChartTheme::Dark) => t.theme_dark,
        ThemeChoice::Fixed(ChartTheme::Contrast) => t.theme_contrast,
    }
}

/// The theme the document shows (its `<html data-theme>`; light when unset or natively).
pub fn document_theme() -> ChartTheme {
    root_attribute("data-theme").and_then(|t| ChartTheme::parse(&t)).unwrap_or(ChartTheme::Light)
}

/// The document's theme as a signal, updated when `<html data-theme>` changes (a chart
/// redraws in the new colours). Each call observes the document until its owner is cleaned
/// up; it works in any of the app's modules, as they share the document.
pub fn use_document_theme() -> ReadSignal<ChartTheme> {
    use_root_attribute("data-theme", document_theme)
}

/// The media queries the shown theme depends on: the browser's preferences (a dark scheme,
/// more contrast) and printing.
#[cfg(target_arch = "wasm32")]
const THEME_QUERIES: [&str; 3] = ["(prefers-color-scheme: dark)", "(prefers-contrast: more)", "print"];

/// Whether each of [`THEME_QUERIES`] matches now.
#[cfg(target_arch = "wasm32")]
fn preferences() -> [bool; 3] {
    THEME_QUERIES.map(|query| web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches()))
}

/// Keeps `<html data-theme>` to the theme `choice` resolves to — following the browser's
/// preferences while the choice is `system`, and light on paper while printing — and the
/// charts' palette with it.
pub fn apply_theme(choice: Signal<ThemeChoice>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let set = move |choice: ThemeChoice| {
            let [dark, contrast, printing] = preferences();
            let theme = choice.resolve_on(dark, contrast, printing);
            lowbit_charts::palette::set_theme(theme);
            if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                if root.get_attribute("data-theme").as_deref() != Some(theme.name()) {
                    let _ = root.set_attribute("data-theme", theme.name());
                }
            }
        };
        Effect::new(move |_| set(choice.get()));
        // The browser's preference changes (the OS switches to dark at night), or the page is
        // printed (charts redraw light for paper, and back after).
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if let Some(c) = choice.try_get_untracked() {
                set(c);
            }
        });
        let window = web_sys::window();
        let lists: Vec<web_sys::MediaQueryList> = THEME_QUERIES
            .iter()
            .filter_map(|q| window.as_ref().and_then(|w| w.match_media(q).ok().flatten()))
            .collect();
        for list in &lists {
            let _ = list.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        }
        let kept = StoredValue::new_local(Some((lists, on_change)));
        on_cleanup(move || {
            if let Some(Some((lists, on_change))) = kept.try_update_value(Option::take) {
                for list in lists {
                    let _ = list.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                }
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = choice;
}

/// The theme switcher (`data-testid="theme"`, a `<select>` of system, light, dark, high
/// contrast).
#[component]
pub fn ThemeSwitcher(
    /// The choice shown.
    #[prop(into)]
    choice: Signal<ThemeChoice>,
    /// Called with the chosen theme.
    #[prop(into)]
    on_choose: Callback<ThemeChoice>,
) -> impl IntoView {
    let lang = use_lang();
    let use_lang_label = move || lang.get().chrome().theme_label;
    view! {
        <select
                class="theme-switcher"
                data-testid="theme"
                aria-label=use_lang_label
                prop:value=move || choice.get().name()
                on:change=move |ev| {
                    if let Some(c) = ThemeChoice::parse(&event_target_value(&ev)) {
                        on_choose.run(c);
                    }
                }
            >
                {ThemeChoice::ALL
                    .into_iter()
                    .map(|c| view! { <option value=c.name() selected=move || choice.get() == c>{move || theme_label(lang.get(), c)}</option> })
                    .collect_view()}
        </select>
    }
}
