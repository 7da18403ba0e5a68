//! The vocabulary of the URL query, shared by every feature and by [`crate::url`]: the views
//! by their URL names, percent-coding, key/value pairs, and [`ViewParams`], the small trait
//! through which a feature reads and writes its own keys. A leaf module: it imports nothing
//! from the app, so features and the URL module can both use it without a cycle.

/// The lazily loaded module of the quantized signals view (`src/bin/lowbit-signal.rs`).
pub const SIGNAL_MODULE: &str = "lowbit-signal";
/// The lazily loaded module of the Quantize view (`src/bin/lowbit-quantize.rs`): together with
/// the signals in one module (`lowbit-compute`) the two had under 4 KB of their budget left.
pub const QUANTIZE_MODULE: &str = "lowbit-quantize";
/// The lazily loaded module of the other views loaded on demand (`src/bin/lowbit-lab.rs`).
pub const LAB_MODULE: &str = "lowbit-lab";
/// The lazily loaded module of the tensor-file view (`src/bin/lowbit-tensors.rs`): its file
/// readers and ranking client would push either other module over its budget.
pub const TENSORS_MODULE: &str = "lowbit-tensors";
/// The lazily loaded module of the Speed view (`src/bin/lowbit-speed.rs`): its benchmark
/// client and the committed native figures would push another module over its budget.
pub const SPEED_MODULE: &str = "lowbit-speed";

/// The views of the app, by their URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The bit explorer.
    Explorer,
    /// Every code of every small format as a table.
    Tables,
    /// Quantized signals and their error curves.
    Signal,
    /// The user's numbers quantized step by step.
    Quantize,
    /// Formats side by side: number line, spacing, limits, one number in each.
    Compare,
    /// The seed's MNIST network in every scheme: accuracy table, digits, drawing, training.
    Mnist,
    /// One GGUF (llama.cpp) block, field by field and bit by bit.
    Block,
    /// The bench in this browser beside the native figures.
    Bench,
    /// A real tensor from a local file: its histogram and every scheme ranked on it.
    Tensors,
}

impl View {
    /// Every view named by the URL contract, in navigation order.
    pub const ALL: [View; 9] = [View::Explorer, View::Tables, View::Signal, View::Quantize, View::Compare, View::Mnist, View::Block, View::Bench, View::Tensors];

    /// The lazily loaded module that holds the view's code (its script's name without `.js`,
    /// beside `index.html`), or None for a view of the module the first view downloads. The
    /// quantized signals have `lowbit-signal`, Quantize `lowbit-quantize`, the tensor-file view
    /// `lowbit-tensors` and the Speed view `lowbit-speed`, each to itself; the others share
    /// `lowbit-lab` (so opening one view never downloads another group's code).
    pub fn lazy_module(self) -> Option<&'static str> {
        match self {
            View::Explorer | View::Tables => None,
            View::Signal => Some(SIGNAL_MODULE),
            View::Quantize => Some(QUANTIZE_MODULE),
            View::Bench => Some(SPEED_MODULE),
            View::Tensors => Some(TENSORS_MODULE),
            View::Compare | View::Mnist | View::Block => Some(LAB_MODULE),
        }
    }

    /// Whether the view's code is in a lazily loaded module ([`Self::lazy_module`]), fetched the
    /// first time such a view opens, rather than in the module the first view downloads.
    pub fn is_lazy(self) -> bool {
        self.lazy_module().is_some()
    }

    /// The URL name.
    pub fn id(self) -> &'static str {
        match self {
            View::Explorer => "explorer",
            View::Tables => "tables",
            View::Signal => "signal",
            View::Quantize => "quantize",
            View::Compare => "compare",
            View::Mnist => "mnist",
            View::Block => "block",
            View::Bench => "bench",
            View::Tensors => "tensors",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            View::Explorer => "Bit explorer",
            View::Tables => "Value tables",
            View::Signal => "Quantized signals",
            View::Quantize => "Quantize",
            View::Compare => "Compare formats",
            View::Mnist => "MNIST lab",
            View::Block => "GGUF blocks",
            View::Bench => "Speed",
            View::Tensors => "Tensors",
        }
    }

    /// Parses a URL name.
    pub fn parse(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// One view's URL keys: which keys it owns, how it reads them (never failing: whatever is
/// unusable falls back to its default with a notice) and how it writes its state back.
/// [`crate::url`] hands a view only its own keys, and only when the URL names that view.
pub trait ViewParams: Sized {
    /// The keys this view reads.
    const KEYS: &'static [&'static str];

    /// The state for the view's keys in the query (each key one of [`Self::KEYS`], in query
    /// order), with one notice per thing that was ignored or replaced.
    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<crate::notice::Notice>);

    /// The state as query parts (`"format=float16"`), without the `view` key.
    fn query_parts(&self) -> Vec<String>;
}

/// Decodes `%XX` escapes and `+` (as a space) in one query component. Malformed escapes are
/// kept literally.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes one query component: unreserved characters stay, everything else becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a query (with or without the leading `?`) into decoded key/value pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(part), String::new()),
        })
        .collect()
}

/// A scheme id in a query: unreserved characters and `:` stay as they are.
pub fn encode_scheme(id: &str) -> String {
    id.split(':').map(percent_encode).collect::<Vec<_>>().join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("a%20b+c%2x%"), "a b c%2x%");
        assert_eq!(percent_encode("e5m7b-3_fn"), "e5m7b-3_fn");
        assert_eq!(percent_encode("a b&c"), "a%20b%26c");
        assert_eq!(encode_scheme("cast:float8_e4m3fn"), "cast:float8_e4m3fn");
        assert_eq!(query_pairs("?a=1&&b&c=%41"), [("a".into(), "1".into()), ("b".into(), String::new()), ("c".into(), "A".into())]);
    }

    #[test]
    fn views_by_name() {
        for v in View::ALL {
            assert_eq!(View::parse(v.id()), Some(v));
        }
        assert_eq!(View::parse("mnist"), Some(View::Mnist));
        assert_eq!(View::parse("MNIST"), None);
    }
}
