//! `lowbit`: the command-line face of Lowbit's exact format engine.
//!
//! Subcommands: `formats`, `decode`, `encode`, `table`, `quantize`, `bench`, `completions`. The
//! command line is parsed by clap (derive): `--help` and `--version` print to stdout with
//! status 0; a usage error or bad input gives ONE line on stderr (`lowbit: …`, naming the
//! problem and the valid choices) and exit status 2; nothing panics. JSON is written and read
//! with serde_json ([`render`], [`input`]).
//!
//! # Adding a subcommand
//!
//! 1. Write a module `src/NAME.rs` with a `#[derive(clap::Args)] pub struct Args` (its doc
//!    comments are the help text; flatten [`args::StyleArgs`] for `--json|--csv|--markdown|--latex`,
//!    use [`args::Checked`] for values parsed by a Lowbit `parse` function) and a
//!    `pub fn run(args: Args, io: &mut args::Io) -> Result<(), String>` that writes to `io.out`,
//!    reads stdin with `io.read_stdin()` and returns `Err(one line)` on bad input. A command
//!    with its own subcommands (`lowbit mnist train|eval`) makes `Args` hold a
//!    `#[command(subcommand)]` enum.
//! 2. Add `mod NAME;`, one variant `Name(NAME::Args)` (its doc comment is the one-line summary
//!    in `lowbit --help`) to [`Command`], and its arm in [`Command::run`].
//!
//! Usage errors, `--help`, `--version` and shell completion then cover it with no further
//! code; add its line to the README's CLI table.

mod args;
mod bench;
mod codes;
mod completions;
mod formats;
mod gguf;
mod input;
mod mnist;
mod quantize;
mod render;

use std::io::{Read, Write};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use args::Io;

/// Lowbit: number formats of machine learning, exactly.
#[derive(Parser, Debug)]
#[command(
    name = "lowbit",
    version,
    about = "Lowbit: the number formats of machine learning, exactly (ml_dtypes and bitsandbytes bit-exact)",
    subcommand_required = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
enum Command {
    /// The catalogue of formats with parameters and derived limits
    Formats(formats::Args),
    /// Codes (0x7e, 0b0_1111_110, 126) to fields, class, value and exact decimal
    Decode(codes::DecodeArgs),
    /// Decimal values (any length, inf, -inf, nan) to codes, with rounding error and status
    Encode(codes::EncodeArgs),
    /// Every code of a format of up to 16 bits
    Table(codes::TableArgs),
    /// Block quantizers (NF4, bnb FP4, MX, NVFP4, INT8/INT4, LLM.int8(), BitNet, GGUF q4_0 … q6_k) on numbers from stdin
    Quantize(quantize::Args),
    /// GGUF blocks (hex, from --hex or stdin) back to values, as ggml's dequantize_row_*
    Dequantize(gguf::DequantizeArgs),
    /// The seed's MNIST MLP: train (also quantization-aware) and evaluate in every scheme
    Mnist(mnist::Args),
    /// Single-thread throughput of encode/decode and the quantizers
    Bench(bench::Args),
    /// A shell completion script: bash, zsh or fish
    Completions(completions::Args),
}

impl Command {
    /// Runs the subcommand.
    fn run(self, io: &mut Io) -> Result<(), String> {
        match self {
            Command::Formats(a) => formats::run(a, io),
            Command::Decode(a) => codes::decode(a, io),
            Command::Encode(a) => codes::encode(a, io),
            Command::Table(a) => codes::table(a, io),
            Command::Quantize(a) => quantize::run(a, io),
            Command::Dequantize(a) => gguf::dequantize(a, io),
            Command::Mnist(a) => mnist::run(a, io),
            Command::Bench(a) => bench::run(a, io),
            Command::Completions(a) => completions::run(a, &mut command(), io),
        }
    }
}

/// The whole command-line definition (also what completion scripts are generated from).
fn command() -> clap::Command {
    let names = |names: Vec<&str>| names.join(", ");
    let after_help = format!(
        "Rounding modes: {}\nOverflow policies: {}\nValues that start with '-' (-1e-9, -inf) may be given anywhere.",
        names(lowbit_core::RoundingMode::ALL.iter().map(|m| m.name()).collect()),
        names(lowbit_core::OverflowPolicy::ALL.iter().map(|p| p.name()).collect()),
    );
    lenient(Cli::command().after_help(after_help))
}

/// Two conventions for every (sub)command: repeating an option is not an error (the last one
/// counts), and an option's value may start with '-' (`--k -1` is refused by `--k`'s own check,
/// naming the valid range, rather than read as an unknown option `-1`).
fn lenient(command: clap::Command) -> clap::Command {
    command
        .args_override_self(true)
        .mut_args(|a| {
            // A list option (`--scheme ID…`) must stop at the next option, so only single-value
            // options take a value that starts with '-'.
            let list = a.get_num_args().is_some_and(|r| r.max_values() > 1);
            if a.is_positional() || !a.get_action().takes_values() || list { a } else { a.allow_hyphen_values(true) }
        })
        .mut_subcommands(lenient)
}

/// What a command line asks for.
#[derive(Debug)]
enum Parsed {
    /// Run a subcommand.
    Run(Box<Command>),
    /// Print this text (help, version) and exit with status 0.
    Print(String),
}

/// Parses one command line (`argv[0]` is the program name); Err is the one-line message of a
/// usage error.
fn parse(argv: Vec<String>) -> Result<Parsed, String> {
    let mut definition = command();
    definition.build();
    let argv = args::protect_hyphen_values(&definition, argv);
    match definition.try_get_matches_from_mut(&argv).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => Ok(Parsed::Run(Box::new(cli.command))),
        Err(e) if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) => {
            Ok(Parsed::Print(e.render().to_string()))
        }
        Err(e) => Err(args::one_line(&e, &definition, &argv)),
    }
}

/// Runs one command line (`argv[0]` is the program name): help and version go to `out`;
/// Err is the one-line message for exit status 2.
fn run(argv: Vec<String>, out: &mut dyn Write, stdin: &mut dyn FnMut() -> Result<String, String>) -> Result<(), String> {
    match parse(argv)? {
        Parsed::Run(command) => command.run(&mut Io::new(out, stdin)),
        Parsed::Print(text) => out.write_all(text.as_bytes()).map_err(|e| format!("cannot write the output: {e}")),
    }
}

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read stdin: {e}"))?;
    Ok(text)
}

fn main() {
    let argv: Vec<String> = match std::env::args_os().map(|a| a.into_string()).collect() {
        Ok(argv) => argv,
        Err(bad) => {
            eprintln!("lowbit: the argument '{}' is not UTF-8", bad.to_string_lossy());
            std::process::exit(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = run(argv, &mut out, &mut read_stdin);
    let flushed = out.flush();
    match result {
        Ok(()) => {
            if flushed.is_err() {
                std::process::exit(1);
            }
        }
        Err(message) => {
            eprintln!("lowbit: {message}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_definition_is_consistent() {
        command().debug_assert();
    }

    fn line(tokens: &[String]) -> Vec<String> {
        std::iter::once("lowbit".to_string()).chain(tokens.iter().cloned()).collect()
    }

    /// Words the command line knows, and some it does not.
    fn token() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "formats", "decode", "encode", "table", "quantize", "completions", "help", "--help", "-h", "--version",
            "-V", "--json", "--csv", "--markdown", "--latex", "--round", "--round=up", "--seed", "--overflow",
            "--overflow=wrap", "--block", "--granularity", "--k", "--mx-scale", "--double-quant", "--threshold",
            "--single-level", "--trace", "--n", "--", "-", "-inf", "-1e-9", "-x", "float8_e4m3fn", "nf4", "mxfp4",
            "e5m7b10_fn", "0x7e", "bash", "zsh", "fish", "nearest-even", "stochastic", "saturate", "row", "ceil",
            "1", "-1", "0", "1e999", "nan", "=", "--=", "--json=1",
        ];
        prop_oneof![3 => proptest::sample::select(WORDS).prop_map(String::from), 1 => any::<String>()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// No command line panics the parser; a usage error is one line.
        #[test]
        fn parsing_never_panics(tokens in proptest::collection::vec(token(), 0..8)) {
            if let Err(e) = parse(line(&tokens)) {
                prop_assert!(!e.is_empty() && !e.contains('\n'), "{tokens:?}: {e:?}");
            }
        }

        /// `encode` and `decode` take any text as values and codes: a result or one line.
        #[test]
        fn encode_and_decode_never_panic(
            format in proptest::sample::select(&["float8_e4m3fn", "float16", "int4", "nf4", "float8_e8m0fnu", "e5m7b10_fn"][..]),
            values in proptest::collection::vec(prop_oneof![any::<String>(), "[-+]?[0-9.]{0,30}([eE][-+]?[0-9]{0,6})?", "0[xXbB][0-9a-fA-F_]{0,20}"], 1..4),
            json in any::<bool>(),
        ) {
            for command in ["encode", "decode"] {
                let mut argv = vec!["lowbit".to_string(), command.to_string(), format.to_string()];
                argv.extend(values.iter().cloned());
                if json {
                    argv.push("--json".into());
                }
                let mut out = Vec::new();
                if let Err(e) = run(argv, &mut out, &mut || Ok(String::new())) {
                    prop_assert!(!e.contains('\n'), "{values:?}: {e:?}");
                }
            }
        }
    }
}
