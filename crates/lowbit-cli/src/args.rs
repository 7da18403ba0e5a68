//! Command-line plumbing on clap shared by every subcommand: what a subcommand runs with
//! ([`Io`]), the output-style switches ([`StyleArgs`]), value parsers for Lowbit's ids and numbers
//! ([`Checked`]), values that may start with `-` ([`protect_hyphen_values`]) and usage errors
//! as one line ([`one_line`]).

use std::ffi::OsStr;
use std::io::Write;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

/// What a subcommand runs with: where its output goes, and stdin, read on demand.
pub struct Io<'a> {
    /// Standard output (buffered by the caller).
    pub out: &'a mut dyn Write,
    stdin: &'a mut dyn FnMut() -> Result<String, String>,
}

impl<'a> Io<'a> {
    /// An `Io` writing to `out` and reading stdin through `stdin` (called at most when needed).
    pub fn new(out: &'a mut dyn Write, stdin: &'a mut dyn FnMut() -> Result<String, String>) -> Io<'a> {
        Io { out, stdin }
    }

    /// The whole of stdin as text.
    pub fn read_stdin(&mut self) -> Result<String, String> {
        (self.stdin)()
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

/// The output-style switches of the table commands; at most one may be given.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
#[group(id = "style", multiple = false)]
pub struct StyleArgs {
    /// JSON (see the README for the shapes)
    #[arg(long)]
    json: bool,
    /// Comma-separated values
    #[arg(long)]
    csv: bool,
    /// A GitHub-flavoured Markdown table
    #[arg(long)]
    markdown: bool,
    /// A LaTeX tabular
    #[arg(long)]
    latex: bool,
}

impl StyleArgs {
    /// The chosen style.
    pub fn style(self) -> Style {
        match (self.json, self.csv, self.markdown, self.latex) {
            (true, ..) => Style::Json,
            (_, true, ..) => Style::Csv,
            (_, _, true, _) => Style::Markdown,
            (.., true) => Style::Latex,
            _ => Style::Text,
        }
    }
}

/// A clap value parser from a function whose error message is already a full sentence naming
/// the valid choices (Lowbit's `parse` functions), with the choices offered to help and shell
/// completion. The message is reported as it is.
#[derive(Clone, Copy)]
pub struct Checked<T> {
    parse: fn(&str) -> Result<T, String>,
    choices: fn() -> Vec<&'static str>,
}

impl<T> Checked<T> {
    /// A parser without a list of choices (numbers, codes).
    pub fn new(parse: fn(&str) -> Result<T, String>) -> Checked<T> {
        Checked { parse, choices: Vec::new }
    }

    /// A parser whose valid values include `choices()` (shown in help, offered by completion).
    pub fn with_choices(parse: fn(&str) -> Result<T, String>, choices: fn() -> Vec<&'static str>) -> Checked<T> {
        Checked { parse, choices }
    }
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Checked<T> {
    type Value = T;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<T, clap::Error> {
        let name = arg.map_or_else(String::new, |a| a.to_string());
        let Some(text) = value.to_str() else {
            return Err(
                clap::Error::raw(ErrorKind::InvalidUtf8, format!("{name}: the value is not UTF-8")).with_cmd(cmd)
            );
        };
        (self.parse)(text).map_err(|message| clap::Error::raw(ErrorKind::ValueValidation, message).with_cmd(cmd))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let choices = (self.choices)();
        (!choices.is_empty())
            .then(|| Box::new(choices.into_iter().map(PossibleValue::new)) as Box<dyn Iterator<Item = _>>)
    }
}

/// clap reads any token starting with `-` as an option, but `encode`'s values may start with
/// one (`-1e-9`, `-inf`, `-.5`). For a subcommand with a positional marked
/// `allow_hyphen_values`, this moves the subcommand's options (`--name`, `--name=value`,
/// `--name value`, `-h`) in front and passes every other token after `--`, so clap takes them
/// literally as positionals, in order, while options still work anywhere on the line. Other
/// command lines are returned unchanged. `root` must be built ([`Command::build`]).
pub fn protect_hyphen_values(root: &Command, argv: Vec<String>) -> Vec<String> {
    let Some(at) = argv.iter().skip(1).position(|a| !a.starts_with('-')).map(|p| p + 1) else {
        return argv;
    };
    let Some(sub) = root.find_subcommand(&argv[at]) else { return argv };
    if !sub.get_positionals().any(Arg::is_allow_hyphen_values_set) {
        return argv;
    }
    let takes_value =
        |name: &str| sub.get_arguments().any(|a| a.get_long() == Some(name) && a.get_action().takes_values());
    let is_short = |token: &str| {
        sub.get_arguments()
            .any(|a| a.get_short().is_some_and(|c| token.strip_prefix('-') == Some(c.encode_utf8(&mut [0; 4]))))
    };
    let (mut options, mut positionals) = (Vec::new(), Vec::new());
    let mut rest = argv[at + 1..].iter();
    while let Some(token) = rest.next() {
        if token == "--" {
            positionals.extend(rest.by_ref().cloned());
        } else if let Some(long) = token.strip_prefix("--") {
            if long.contains('=') || !takes_value(long) {
                options.push(token.clone());
            } else if let Some(value) = rest.next() {
                options.push(format!("--{long}={value}"));
            } else {
                // `--round` at the end: clap reports the missing value (and names the choices).
                options.push(token.clone());
                positionals.clear();
            }
        } else if is_short(token) {
            options.push(token.clone());
        } else {
            positionals.push(token.clone());
        }
    }
    let mut out = argv[..=at].to_vec();
    out.extend(options);
    if !positionals.is_empty() {
        out.push("--".into());
        out.extend(positionals);
    }
    out
}

/// The plain text of a context value.
fn context_text(value: &ContextValue) -> Vec<String> {
    match value {
        ContextValue::String(s) => vec![s.clone()],
        ContextValue::Strings(v) => v.clone(),
        ContextValue::StyledStr(s) => vec![s.to_string()],
        ContextValue::StyledStrs(v) => v.iter().map(|s| s.to_string()).collect(),
        ContextValue::Number(n) => vec![n.to_string()],
        ContextValue::Bool(b) => vec![b.to_string()],
        _ => Vec::new(),
    }
}

/// A usage error as one line naming the problem and the valid choices (without the `lowbit:`
/// prefix). `root` is the built command and `argv` the command line it was given (to find the
/// subcommand in question).
pub fn one_line(err: &clap::Error, root: &Command, argv: &[String]) -> String {
    let get = |kind: ContextKind| err.get(kind).map(context_text).unwrap_or_default();
    let quoted = |items: Vec<String>| items.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ");
    let sub = argv.iter().skip(1).find(|a| !a.starts_with('-')).and_then(|name| root.find_subcommand(name));
    let here = sub.unwrap_or(root);
    let command_name = sub.map_or_else(|| "lowbit".to_string(), |s| format!("lowbit {}", s.get_name()));
    let commands = || {
        root.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = match err.kind() {
        ErrorKind::InvalidSubcommand => {
            format!("unknown command {}; valid: {}", quoted(get(ContextKind::InvalidSubcommand)), commands())
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("no command given; valid: {}", commands())
        }
        ErrorKind::UnknownArgument => {
            let bad = get(ContextKind::InvalidArg);
            if bad.iter().all(|a| a.starts_with('-')) {
                let options: Vec<String> = here
                    .get_arguments()
                    .filter(|a| !a.is_hide_set())
                    .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                    .collect();
                format!("unknown option {} for `{command_name}`; valid: {}", quoted(bad), options.join(", "))
            } else {
                let usage = get(ContextKind::Usage).join(" ");
                let usage = usage.trim().trim_start_matches("Usage:").trim();
                let about =
                    here.get_about().map_or_else(String::new, |a| format!("; {}", lowercase_first(&a.to_string())));
                format!("unexpected argument {}; usage: {usage}{about}", quoted(bad))
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = get(ContextKind::InvalidArg)
                .iter()
                .map(|shown| match here.get_arguments().find(|a| &a.to_string() == shown) {
                    Some(arg) => needs(arg),
                    None => shown.clone(),
                })
                .collect();
            format!("`{command_name}` needs {}", missing.join(" and "))
        }
        ErrorKind::ArgumentConflict => {
            // Name the group the arguments belong to ("choose one of --json, --csv, …").
            let bad = get(ContextKind::InvalidArg);
            let prior = get(ContextKind::PriorArg);
            let long_of = |id: &clap::Id| {
                here.get_arguments().find(|a| a.get_id() == id).and_then(|a| a.get_long()).map(|l| format!("--{l}"))
            };
            let group = here
                .get_groups()
                .map(|g| g.get_args().filter_map(long_of).collect::<Vec<_>>())
                .find(|members| bad.iter().all(|b| members.contains(b)));
            match group {
                Some(members) => {
                    format!("choose one of {} (got {} and {})", members.join(", "), quoted(prior), quoted(bad))
                }
                None => format!("{} cannot be used with {}", quoted(bad), quoted(prior)),
            }
        }
        _ => {
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default().trim();
            first.strip_prefix("error:").unwrap_or(first).trim().to_string()
        }
    };
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        line.push_str(&format!("; valid: {}", valid.join(", ")));
    }
    let suggested: Vec<String> =
        [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue]
            .into_iter()
            .flat_map(get)
            .collect();
    if !suggested.is_empty() {
        line.push_str(&format!(" (did you mean {}?)", quoted(suggested)));
    }
    line.replace(['\n', '\r'], " ")
}

/// "a scheme; valid: nf4, …" for a missing argument: its value name, and its choices or help.
fn needs(arg: &Arg) -> String {
    let name =
        arg.get_value_names().and_then(|n| n.first()).map_or_else(|| arg.get_id().to_string(), |n| n.to_string());
    let choices: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    let mut text = format!("a {}", name.to_lowercase());
    if !choices.is_empty() {
        text.push_str(&format!("; valid: {}", choices.join(", ")));
    } else if let Some(help) = arg.get_help() {
        text.push_str(&format!(" ({})", lowercase_first(&help.to_string())));
    }
    text
}

/// "Codes as 0x7e" → "codes as 0x7e", for help text quoted inside a sentence.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}
