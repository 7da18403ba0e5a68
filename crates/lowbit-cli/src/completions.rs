//! `lowbit completions bash|zsh|fish`: a shell completion script (clap_complete), generated
//! from the same clap definition that parses the command line, so it offers every command,
//! option, and the valid values of ids (formats, schemes, rounding modes, …).

use crate::args::Io;

/// A shell with a completion script.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// Bash (`source <(lowbit completions bash)`)
    Bash,
    /// Zsh (save as `_lowbit` in a directory of `$fpath`)
    Zsh,
    /// Fish (save as `~/.config/fish/completions/lowbit.fish`)
    Fish,
}

/// `lowbit completions SHELL`: prints a completion script.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

/// Runs `lowbit completions` for `command`, the whole `lowbit` command line definition.
pub fn run(args: Args, command: &mut clap::Command, io: &mut Io) -> Result<(), String> {
    let mut script = Vec::new();
    let name = command.get_name().to_string();
    match args.shell {
        Shell::Bash => clap_complete::generate(clap_complete::Shell::Bash, command, name, &mut script),
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, command, name, &mut script),
        Shell::Fish => clap_complete::generate(clap_complete::Shell::Fish, command, name, &mut script),
    }
    io.out.write_all(&script).map_err(|e| format!("cannot write the output: {e}"))
}
