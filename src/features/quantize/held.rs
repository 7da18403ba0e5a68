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

/// Whether a text of this length (bytes; or UTF-16 units, as the browser counts a string:
/// the same for the ASCII of pasted numbers) is too long to read on the main thread, and,
/// pasted, to enter the box.
pub fn is_long(length: usize) -> bool {
    length > MAIN_THREAD_MAX_TEXT_BYTES
}

/// A size in bytes for reading: "980 bytes", "64.0 KB", "10.5 MB" (powers of 1,000).
pub fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The line shown in the box's place for a held paste of `bytes` bytes: how many numbers it
/// read as (`count`), or that they are being read, or that the text was refused (the message
/// is under it).
pub fn summary(bytes: usize, count: Option<usize>, reading: bool) -> String {
    let size = size(bytes);
    match count {
        Some(1) => format!("1 number pasted ({size} of text)"),
        Some(n) => format!("{} numbers pasted ({size} of text)", thousands(n)),
        None if reading => format!("{size} of text pasted: reading the numbers…"),
        None => format!("{size} of text pasted: not read (see why below)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_the_worker_s() {
        assert!(!is_long(MAIN_THREAD_MAX_TEXT_BYTES));
        assert!(is_long(MAIN_THREAD_MAX_TEXT_BYTES + 1));
    }

    #[test]
    fn the_summary_says_how_many_and_how_large() {
        let bytes = 10_500_000;
        assert_eq!(summary(bytes, None, true), "10.5 MB of text pasted: reading the numbers…");
        assert_eq!(summary(bytes, None, false), "10.5 MB of text pasted: not read (see why below)");
        assert_eq!(summary(bytes, Some(1_048_576), false), "1,048,576 numbers pasted (10.5 MB of text)");
        assert_eq!(summary(70_000, Some(1), true), "1 number pasted (70.0 KB of text)");
        assert_eq!(size(999), "999 bytes");
        assert_eq!(size(65_536), "65.5 KB");
    }
}
