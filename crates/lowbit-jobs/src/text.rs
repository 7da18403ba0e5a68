//! Quoting user text in messages, shared by the page and the compute worker (a parser's
//! message reads the same whichever thread ran it).

/// The most characters of user text a message quotes.
pub const QUOTE_CHARS: usize = 40;

/// User text as a message quotes it: at most [`QUOTE_CHARS`] characters, then "…".
pub fn shorten(text: &str) -> String {
    let short: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().count() > QUOTE_CHARS { format!("{short}…") } else { short }
}
