//! `lowbit`: the command-line face of Lowbit's exact format engine.
//!
//! Subcommands: `formats`, `decode`, `encode`, `table`, `quantize`, `bench`. Bad input gives a
//! one-line error on stderr and exit status 2; nothing panics.

mod args;
mod bench;
mod codes;
mod formats;
mod quantize;
mod render;

use std::io::{Read, Write};

const USAGE: &str = "usage: lowbit <command> [options]
  formats [--json|--csv|--markdown|--latex]        the catalogue with parameters and limits
  decode FORMAT CODE... [--json]                   fields, class, value, exact decimal (codes: 0x7e, 0b0_1111_110, 126)
  encode FORMAT [VALUE...] [--round MODE] [--seed N] [--overflow POLICY] [--json]
                                                   values as decimal text, inf, -inf, nan; one per line on stdin when none given
  table FORMAT [--json|--csv|--markdown|--latex]   every code of a format up to 16 bits
  quantize SCHEME [--block N] [--granularity tensor|row|block] [--json] [--trace]
                                                   numbers from stdin; see README
  bench [--n N] [--json]                           single-thread throughput of encode/decode and quantizers
rounding modes: nearest-even, nearest-away, toward-zero, up, down, stochastic
overflow policies: default, saturate, inf, nan, wrap";

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = run(&argv, &mut out);
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

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| format!("cannot read stdin: {e}"))?;
    Ok(text)
}

/// Runs one command line, writing to `out`; Err is the one-line message for exit status 2.
fn run(argv: &[String], out: &mut dyn Write) -> Result<(), String> {
    let Some((command, rest)) = argv.split_first() else {
        return Err(format!("no command given\n{USAGE}"));
    };
    match command.as_str() {
        "formats" => formats::run(rest, out),
        "decode" => codes::decode(rest, out),
        "encode" => codes::encode(rest, out, read_stdin),
        "table" => codes::table(rest, out),
        "quantize" => quantize::run(rest, &read_stdin()?, out),
        "bench" => bench::run(rest, out),
        "help" | "--help" | "-h" => writeln!(out, "{USAGE}").map_err(|e| e.to_string()),
        other => Err(format!(
            "unknown command '{other}'; valid: formats, decode, encode, table, quantize, bench"
        )),
    }
}
