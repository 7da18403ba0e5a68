//! A long paste kept out of the Quantize view's text box.
//!
//! A million numbers are ~10 MB of text: a `<textarea>` holding that takes seconds to lay
//! out, and reading it on the page takes seconds more. So a paste longer than
//! [`MAIN_THREAD_MAX_TEXT_BYTES`] never enters the box: the view keeps the text as the
//! browser's string, shows a one-line summary in the box's place ([`summary`]: "1,048,576
//! numbers pasted (10.5 MB of text)", with Edit and Clear), and the compute worker reads it
//! with the same parser as the page (`lowbit_jobs::paste`). Pure and natively tested.

use lowbit_jobs::placement::MAIN_THREAD_MAX_TEXT_BYTES;

use super::params::thousands;
use crate::i18n::QuantizeText;

/// Whether a text of this length (bytes; or UTF-16 units, as the browser counts a string:
/// the same for the ASCII of pasted numbers) is too long to read on the main thread, and,
/// pasted, to enter the box.
pub fn is_long(length: usize) -> bool {
    length > MAIN_THREAD_MAX_TEXT_BYTES
}

/// A size in bytes for reading: "980 B", "64.0 KB", "10.5 MB" (powers of 1,000; the unit
/// symbols are the same in every language).
pub fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The line shown in the box's place for a held paste, before it is put in words
/// ([`HeldLine::text`], in the page's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeldLine {
    /// The paste read as `count` numbers; `size` is its text's size ([`size`]).
    Pasted {
        /// How many numbers.
        count: usize,
        /// The text's size.
        size: String,
    },
    /// The numbers are being read.
    Reading {
        /// The text's size.
        size: String,
    },
    /// The text was refused (the message is under it).
    Refused {
        /// The text's size.
        size: String,
    },
}

impl HeldLine {
    /// The line in the language of `t` (counts formatted as everywhere: `1,048,576`).
    pub fn text(&self, t: &QuantizeText) -> String {
        match self {
            HeldLine::Pasted { count, size } => (t.held_pasted)(*count, &thousands(*count), size),
            HeldLine::Reading { size } => (t.held_reading)(size),
            HeldLine::Refused { size } => (t.held_refused)(size),
        }
    }
}

/// The line shown in the box's place for a held paste of `bytes` bytes: how many numbers it
/// read as (`count`), or that they are being read, or that the text was refused (the message
/// is under it).
pub fn summary(bytes: usize, count: Option<usize>, reading: bool) -> HeldLine {
    let size = size(bytes);
    match count {
        Some(count) => HeldLine::Pasted { count, size },
        None if reading => HeldLine::Reading { size },
        None => HeldLine::Refused { size },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn long_texts_are_the_worker_s() {
        assert!(!is_long(MAIN_THREAD_MAX_TEXT_BYTES));
        assert!(is_long(MAIN_THREAD_MAX_TEXT_BYTES + 1));
    }

    #[test]
    fn the_summary_says_how_many_and_how_large() {
        let bytes = 10_500_000;
        let en = Lang::En.quantize();
        assert_eq!(summary(bytes, None, true), HeldLine::Reading { size: "10.5 MB".into() });
        assert_eq!(summary(bytes, None, true).text(en), "10.5 MB of text pasted: reading the numbers…");
        assert_eq!(summary(bytes, None, false), HeldLine::Refused { size: "10.5 MB".into() });
        assert_eq!(summary(bytes, None, false).text(en), "10.5 MB of text pasted: not read (see why below)");
        assert_eq!(summary(bytes, Some(1_048_576), false), HeldLine::Pasted { count: 1_048_576, size: "10.5 MB".into() });
        assert_eq!(summary(bytes, Some(1_048_576), false).text(en), "1,048,576 numbers pasted (10.5 MB of text)");
        assert_eq!(summary(70_000, Some(1), true).text(en), "1 number pasted (70.0 KB of text)");
        assert_eq!(size(999), "999 B");
        assert_eq!(size(65_536), "65.5 KB");
    }

    #[test]
    fn the_summary_in_russian_and_german_keeps_the_numbers() {
        let line = summary(10_500_000, Some(1_048_576), false);
        assert_eq!(line.text(Lang::Ru.quantize()), "Вставлено 1,048,576 чисел (10.5 MB текста)");
        assert_eq!(summary(70_000, Some(1), false).text(Lang::Ru.quantize()), "Вставлено 1 число (70.0 KB текста)");
        assert_eq!(summary(70_000, Some(3), false).text(Lang::Ru.quantize()), "Вставлено 3 числа (70.0 KB текста)");
        assert_eq!(line.text(Lang::De.quantize()), "1,048,576 Zahlen eingefügt (10.5 MB Text)");
    }
}
