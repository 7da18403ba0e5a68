//! What a URL asked for that the page could not use, and what it shows instead: the notices
//! of [`crate::url::parse_query`] and of the views' parameter parsers, as typed values that
//! carry only their data (names, values, numbers). The page puts one in words in its language
//! with [`Notice::text`] (the table [`crate::i18n::NoticeText`]). Pure, natively tested.
//!
//! A `why` is a reason the core or a parser gave: a format's is typed
//! ([`lowbit_core::FormatError`], put in words by [`NoticeText::format_reason`]); other
//! reasons are the parsers' English words (`'1.5' is not a whole number`), shown as they are
//! inside the translated sentence.

use crate::i18n::{Lang, NoticeText};

/// Items of a notice's list: the first few, joined by ", ", and how many more there were.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The first items, joined by ", ".
    pub first: String,
    /// How many were left unlisted.
    pub more: usize,
}

impl Listed {
    /// The first `shown` of `items`, and the count of the rest.
    pub fn of(items: &[String], shown: usize) -> Listed {
        Listed { first: items[..items.len().min(shown)].join(", "), more: items.len().saturating_sub(shown) }
    }
}

/// One notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `view=` named no view (the value, the valid ids); the bit explorer is shown.
    UnknownView {
        /// The value (shortened).
        value: String,
        /// The valid ids, joined.
        valid: String,
    },
    /// A key no view reads (the key, shortened).
    UnknownParameter(String),
    /// `theme=` is not a theme (the value); the system's theme is used.
    UnknownTheme(String),
    /// `lang=` is not a language of the interface; the browser's is used.
    UnknownLanguage {
        /// The value (shortened).
        value: String,
        /// The valid codes, joined.
        valid: String,
    },
    /// A flag (`embed`, `present`) that is not 1 or 0; ignored.
    NotAFlag {
        /// The key.
        key: String,
        /// The value (shortened).
        value: String,
    },
    /// An unknown format id; `showing` is shown.
    UnknownFormat {
        /// The value (shortened).
        value: String,
        /// What is shown instead.
        showing: String,
    },
    /// A format id the core refused, and why; `showing` is shown.
    RefusedFormat {
        /// The core's typed reason, naming the id (shortened).
        why: lowbit_core::FormatError,
        /// What is shown instead.
        showing: String,
    },
    /// A value refused (the reason names it); `showing` is shown.
    Refused {
        /// The reason, naming the value.
        why: String,
        /// What is shown instead.
        showing: String,
    },
    /// A rounding or overflow choice refused (the reason names it); the format's default is used.
    RefusedChoice(String),
    /// A code the format refused (the reason); `showing` is shown instead.
    RefusedCode {
        /// The reason, naming the code.
        why: String,
        /// What is shown instead.
        showing: String,
    },
    /// An unknown signal (the value); a sine is shown.
    UnknownSignal(String),
    /// An amplitude that is not a positive number up to `max`; `using` is used.
    BadAmplitude {
        /// The value (shortened).
        value: String,
        /// The largest amplitude (f32's largest, as `3.4028235e38`).
        max: String,
        /// The amplitude used.
        using: String,
    },
    /// Periods that are not a positive number; `using` is used.
    BadPeriods {
        /// The value (shortened).
        value: String,
        /// The periods used.
        using: String,
    },
    /// Samples that are not a whole number from `min` to `max`; `using` is used.
    BadSamples {
        /// The value (shortened).
        value: String,
        /// The fewest samples.
        min: usize,
        /// The most samples.
        max: usize,
        /// The samples used.
        using: usize,
    },
    /// A block size that is not a whole number from 1 to `max`; `using` is used.
    BadBlock {
        /// The value (shortened).
        value: String,
        /// The largest block.
        max: usize,
        /// The block used.
        using: usize,
    },
    /// More schemes than shown at once (`max`); the ones left out.
    TooManySchemes {
        /// The most schemes at once.
        max: usize,
        /// The schemes left out.
        left_out: Listed,
    },
    /// Unknown scheme ids (quoted), and the valid ones.
    UnknownSchemes {
        /// The ids, quoted.
        ids: Listed,
        /// How many ids in all.
        count: usize,
        /// The valid ids, joined.
        valid: String,
    },
    /// No scheme usable: the default schemes (joined) are shown.
    DefaultSchemes(String),
    /// An unknown error mode (the value); absolute errors are shown.
    UnknownErrorMode(String),
    /// A signal that does not fit its samples (why); `periods` periods are used.
    SignalRefused {
        /// The reason.
        why: String,
        /// The periods used.
        periods: String,
    },
    /// An unknown scheme id (the value); `showing` is shown.
    UnknownScheme {
        /// The value (shortened).
        value: String,
        /// What is shown instead.
        showing: String,
    },
    /// An unknown scheme for the histogram's overlay; `showing` is shown.
    UnknownOverlay {
        /// The value (shortened).
        value: String,
        /// What is shown instead.
        showing: String,
    },
    /// Values that could not be read (why); the example is shown.
    BadValues(String),
    /// `count=` that is not a number of values a URL leaves out (the value); ignored.
    BadCount(String),
    /// `block=` that is not a positive integer (the value); the scheme's default is used.
    BadSchemeBlock(String),
    /// A block size the scheme refuses (why); the scheme's default is used.
    BlockRefused(String),
    /// The values are not in the page's URL (too many: their count, formatted, and the most).
    ValuesNotInUrl {
        /// The values' count, formatted (`1,048,576`).
        count: String,
        /// The most values a URL holds.
        max: usize,
    },
    /// The link's values were left out of its URL (their count, formatted); the example's are shown.
    ValuesLeftOut {
        /// The values' count, formatted.
        count: String,
        /// The most values a URL holds.
        max: usize,
    },
    /// More formats than compared at once (`max`); `first` and later ones left out.
    TooManyFormats {
        /// The most formats compared.
        max: usize,
        /// The first id left out.
        first: String,
    },
    /// A format id refused (the core's typed reason, naming it, shortened).
    RefusedFormatId(lowbit_core::FormatError),
    /// No known format in the value; the defaults (joined) are compared.
    NoKnownFormat {
        /// The value (shortened).
        value: String,
        /// The formats compared instead, joined.
        showing: String,
    },
    /// An unknown scale (the value); linear is shown.
    UnknownScale(String),
    /// A range that is not two finite numbers lo < hi (the value); the whole range is shown.
    BadRange(String),
    /// A number to compare that was refused (why; None when empty); `showing` is shown.
    BadValue {
        /// The reason (None: nothing typed).
        why: Option<String>,
        /// What is shown instead.
        showing: String,
    },
    /// A log scale with a range that is not positive; the whole range is shown.
    LogNeedsPositive,
    /// Hex that is not a block of the type (why); the type's example block is shown.
    BadHex {
        /// The reason.
        why: String,
        /// The type.
        showing: String,
    },
    /// An unknown MNIST scheme (the value, the valid ids); `showing` is shown.
    UnknownMnistScheme {
        /// The value (shortened).
        value: String,
        /// The valid ids, joined.
        valid: String,
        /// What is shown instead.
        showing: String,
    },
    /// A sample that is not a test digit from 0 to `max`; test digit `showing` is shown.
    BadSample {
        /// The value (shortened).
        value: String,
        /// The last test digit.
        max: usize,
        /// The test digit shown.
        showing: usize,
    },
    /// `n=` that is not a whole number from 1 to `max`; `using` is used.
    BadElements {
        /// The value (shortened).
        value: String,
        /// The most elements.
        max: usize,
        /// The elements used.
        using: usize,
    },
}

impl Notice {
    /// The notice in the language of `t`.
    pub fn text(&self, t: &NoticeText) -> String {
        use Notice::*;
        match self {
            UnknownView { value, valid } => (t.unknown_view)(value, valid),
            UnknownParameter(key) => (t.unknown_parameter)(key),
            UnknownTheme(value) => (t.unknown_theme)(value),
            UnknownLanguage { value, valid } => (t.unknown_language)(value, valid),
            NotAFlag { key, value } => (t.not_a_flag)(key, value),
            UnknownFormat { value, showing } => (t.unknown_format)(value, showing),
            RefusedFormat { why, showing } => (t.refused_format)(&(t.format_reason)(why), showing),
            Refused { why, showing } => (t.refused)(why, showing),
            RefusedChoice(why) => (t.refused_choice)(why),
            RefusedCode { why, showing } => (t.refused_code)(why, showing),
            UnknownSignal(value) => (t.unknown_signal)(value),
            BadAmplitude { value, max, using } => (t.bad_amplitude)(value, max, using),
            BadPeriods { value, using } => (t.bad_periods)(value, using),
            BadSamples { value, min, max, using } => (t.bad_samples)(value, *min, *max, *using),
            BadBlock { value, max, using } => (t.bad_block)(value, *max, *using),
            TooManySchemes { max, left_out } => (t.too_many_schemes)(*max, &(t.listed)(left_out)),
            UnknownSchemes { ids, count, valid } => (t.unknown_schemes)(*count, &(t.listed)(ids), valid),
            DefaultSchemes(list) => (t.default_schemes)(list),
            UnknownErrorMode(value) => (t.unknown_error_mode)(value),
            SignalRefused { why, periods } => (t.signal_refused)(why, periods),
            UnknownScheme { value, showing } => (t.unknown_scheme)(value, showing),
            UnknownOverlay { value, showing } => (t.unknown_overlay)(value, showing),
            BadValues(why) => (t.bad_values)(why),
            BadCount(value) => (t.bad_count)(value),
            BadSchemeBlock(value) => (t.bad_scheme_block)(value),
            BlockRefused(why) => (t.block_refused)(why),
            ValuesNotInUrl { count, max } => (t.values_not_in_url)(count, *max),
            ValuesLeftOut { count, max } => (t.values_left_out)(count, *max),
            TooManyFormats { max, first } => (t.too_many_formats)(*max, first),
            RefusedFormatId(why) => (t.refused_format_id)(&(t.format_reason)(why)),
            NoKnownFormat { value, showing } => (t.no_known_format)(value, showing),
            UnknownScale(value) => (t.unknown_scale)(value),
            BadRange(value) => (t.bad_range)(value),
            BadValue { why, showing } => (t.bad_value)(why.as_deref(), showing),
            LogNeedsPositive => t.log_needs_positive.to_string(),
            BadHex { why, showing } => (t.bad_hex)(why, showing),
            UnknownMnistScheme { value, valid, showing } => (t.unknown_mnist_scheme)(value, valid, showing),
            BadSample { value, max, showing } => (t.bad_sample)(value, *max, *showing),
            BadElements { value, max, using } => (t.bad_elements)(value, *max, *using),
        }
    }

    /// The notice in English (tests, logs).
    pub fn english(&self) -> String {
        self.text(Lang::En.notices())
    }
}
