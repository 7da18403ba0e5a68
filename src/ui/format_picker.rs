//! The format picker: every catalogue format (of at most `max_bits` bits) by its canonical id,
//! grouped by kind, plus the current custom format when one is shown.

use leptos::prelude::*;
use lowbit_core::float::{FloatFormat, Specials};
use lowbit_core::format::Kind;
use lowbit_core::{Format, CATALOGUE};

/// Which kinds of format a group of the picker holds (its label: the same place in
/// [`crate::i18n::Chrome::picker_groups`]).
type Group = fn(&Kind) -> bool;

/// The kinds of format, as the picker groups them: floats, P3109, integers, lookup tables.
const GROUPS: [Group; 4] = [
    |k| matches!(k, Kind::Float(f) if !is_p3109(f)),
    |k| matches!(k, Kind::Float(f) if is_p3109(f)),
    |k| matches!(k, Kind::Int(_)),
    |k| matches!(k, Kind::Codebook(_)),
];

/// Whether a float follows IEEE P3109's special-value rule.
fn is_p3109(f: &FloatFormat) -> bool {
    matches!(f.specials(), Specials::P3109 { .. })
}

/// `<select>` whose option values are canonical ids (`data-testid="format-select"` unless
/// told otherwise).
#[component]
pub fn FormatPicker(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the chosen format.
    #[prop(into)]
    on_select: Callback<Format>,
    /// The test hook (default `format-select`).
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The element id (for a `<label for>`).
    #[prop(optional)]
    id: Option<&'static str>,
    /// What the picker chooses, for screen readers (default "number format", translated).
    #[prop(optional)]
    label: Option<&'static str>,
    /// Only formats of at most this many bits (default: all).
    #[prop(optional)]
    max_bits: Option<u32>,
) -> impl IntoView {
    let max_bits = max_bits.unwrap_or(u32::MAX);
    let lang = crate::ui::lang::lang_now();
    let t = lang.chrome();
    let groups = GROUPS
        .iter()
        .zip(t.picker_groups)
        .map(|(&keep, group)| {
            let options = CATALOGUE
                .iter()
                .filter(|e| keep(e.kind()) && e.format().bits() <= max_bits)
                .map(|e| {
                    let id = e.id();
                    view! {
                        <option value=id title=lang.format_summary(id).unwrap_or(e.summary()) prop:selected=move || format.with(|f| f.id() == id)>
                            {id}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=group>{options}</optgroup> }
        })
        .collect_view();
    let custom = move || {
        format.with(|f| f.entry().is_none().then(|| f.id().to_string())).map(|id| {
            view! {
                <optgroup label=t.picker_groups[4]>
                    <option value=id.clone() selected=true>{id.clone()}</option>
                </optgroup>
            }
        })
    };
    view! {
        <select
            id=id
            class="format-select"
            data-testid=testid.unwrap_or("format-select")
            aria-label=label.unwrap_or(t.number_format)
            on:change=move |ev| {
                if let Ok(f) = Format::parse(&event_target_value(&ev)) {
                    if f.bits() <= max_bits {
                        on_select.run(f);
                    }
                }
            }
        >
            {groups}
            {custom}
        </select>
    }
}
