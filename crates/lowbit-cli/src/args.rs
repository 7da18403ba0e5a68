//! A small, strict argument parser: positional values and `--flag [value]` options.

use std::collections::BTreeMap;

/// Parsed arguments: positionals in order, options by name.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments.
    pub positional: Vec<String>,
    options: BTreeMap<String, Option<String>>,
}

impl Args {
    /// Parses `argv`; `valued` lists options that take a value, `switches` those that do not.
    /// Unknown options are an error naming the valid ones.
    pub fn parse(argv: &[String], valued: &[&str], switches: &[&str]) -> Result<Args, String> {
        let mut args = Args::default();
        let mut iter = argv.iter();
        while let Some(arg) = iter.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (name, None),
                };
                if valued.contains(&name) {
                    let value = match inline {
                        Some(v) => v,
                        None => iter.next().cloned().ok_or_else(|| format!("--{name} needs a value"))?,
                    };
                    args.options.insert(name.to_string(), Some(value));
                } else if switches.contains(&name) && inline.is_none() {
                    args.options.insert(name.to_string(), None);
                } else {
                    let all: Vec<String> = valued.iter().chain(switches).map(|o| format!("--{o}")).collect();
                    return Err(format!("unknown option --{name}; valid: {}", all.join(", ")));
                }
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    /// Whether a switch was given.
    pub fn flag(&self, name: &str) -> bool {
        self.options.contains_key(name)
    }

    /// The value of an option, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.get(name).and_then(|v| v.as_deref())
    }
}

/// The table style chosen by `--json`, `--csv`, `--markdown` or `--latex` (plain text otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Aligned plain text.
    Text,
    /// JSON.
    Json,
    /// Comma-separated values.
    Csv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
    /// A LaTeX tabular.
    Latex,
}

impl Style {
    /// The style selected by the switches in `args` (at most one).
    pub fn from_args(args: &Args) -> Result<Style, String> {
        let chosen: Vec<Style> = [("json", Style::Json), ("csv", Style::Csv), ("markdown", Style::Markdown), ("latex", Style::Latex)]
            .into_iter()
            .filter(|(name, _)| args.flag(name))
            .map(|(_, s)| s)
            .collect();
        match chosen.as_slice() {
            [] => Ok(Style::Text),
            [one] => Ok(*one),
            _ => Err("choose one of --json, --csv, --markdown, --latex".into()),
        }
    }
}
