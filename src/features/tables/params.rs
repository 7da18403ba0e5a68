//! The value tables' URL key: `table`, the format of the "every code" table (any format of at
//! most 8 bits, catalogue or custom).

use lowbit_core::Format;

use super::model::{default_table, parse_table, DEFAULT_TABLE};
use crate::notice::Notice;
use crate::query::{percent_encode, ViewParams};
use crate::text::shorten_quoted;

/// The tables view's state as the URL stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct TablesParams {
    /// The format of the "every code" table.
    pub format: Format,
}

impl Default for TablesParams {
    fn default() -> Self {
        TablesParams { format: default_table() }
    }
}

impl ViewParams for TablesParams {
    const KEYS: &'static [&'static str] = &["table"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = TablesParams::default();
        let mut notices = Vec::new();
        for &(_, value) in pairs.iter().filter(|(k, _)| *k == "table") {
            match parse_table(value) {
                Ok(f) => params.format = f,
                Err(e) => notices.push(Notice::Refused { why: shorten_quoted(&e, value), showing: DEFAULT_TABLE.into() }),
            }
        }
        (params, notices)
    }

    /// `table` when it is not the default.
    fn query_parts(&self) -> Vec<String> {
        if self.format.id() == DEFAULT_TABLE {
            Vec::new()
        } else {
            vec![format!("table={}", percent_encode(self.format.id()))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_keep_their_format() {
        let (p, n) = TablesParams::from_pairs(&[("table", "nf4")]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p.format.id(), "nf4");
        assert_eq!(p.query_parts(), ["table=nf4"]);
        let (p, n) = TablesParams::from_pairs(&[("table", "float32")]);
        assert_eq!((p, n.len()), (TablesParams::default(), 1));
        assert!(TablesParams::default().query_parts().is_empty());
    }
}
