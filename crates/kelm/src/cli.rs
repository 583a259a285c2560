//! The command line as data: kelm's commands and flags, with Helm's parsing conventions.
//!
//! Commands are clap derive structs, one module per command under `commands/`. The tree
//! is then adjusted in one place ([`command`]) so that every flag parses as Helm's
//! (cobra and pflag) flags do, and clap's errors are reworded as Helm's in `errors.rs`.
//!
//! Helm's global flags (`--namespace`, `--kube-context`, ...) join [`Cli`] as a
//! flattened `global = true` group when the first command that uses them lands; kelm
//! accepts no flag it does not act on.

use std::ffi::OsString;

use clap::{ArgAction, ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::create::CreateArgs;
use crate::commands::show::ShowCommand;
use crate::commands::version::VersionArgs;

/// kelm: the Kubernetes package manager.
#[derive(Debug, Parser)]
#[command(
    name = "kelm",
    about = "The Kubernetes package manager",
    long_about = "The Kubernetes package manager.\n\n\
        kelm is a drop-in replacement for Helm 4 in the making: the commands it has take \
        Helm's flags and print what Helm prints, byte for byte."
)]
pub struct Cli {
    /// The command to run; none prints the help.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// kelm's commands, in Helm's command tree.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// create a new chart with the given name
    #[command(long_about = crate::commands::create::LONG_ABOUT)]
    Create(CreateArgs),
    /// show information of a chart
    #[command(visible_alias = "inspect", subcommand_required = true)]
    Show {
        /// The part of the chart to show.
        #[command(subcommand)]
        command: ShowCommand,
    },
    /// print the kelm version information
    #[command(long_about = crate::commands::version::LONG_ABOUT)]
    Version(VersionArgs),
}

/// The clap command tree with Helm's conventions applied to every command and flag.
pub fn command() -> clap::Command {
    helm_conventions(Cli::command())
}

/// Parses `argv` (program name first).
pub fn parse(argv: &[OsString]) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(argv)?;
    Cli::from_arg_matches(&matches)
}

fn helm_conventions(cmd: clap::Command) -> clap::Command {
    cmd.color(ColorChoice::Never)
        // pflag lets a flag be given twice; the last value wins.
        .args_override_self(true)
        .mut_args(|arg| {
            if arg.is_positional() {
                return arg;
            }
            match arg.get_action() {
                // pflag booleans take an optional `=value` in Go's ParseBool syntax:
                // `--short`, `--short=true`, `--short=0`.
                ArgAction::SetTrue => arg
                    .action(ArgAction::Set)
                    .num_args(0..=1)
                    .require_equals(true)
                    .default_value("false")
                    .default_missing_value("true")
                    .hide_default_value(true)
                    .value_name("BOOL")
                    .value_parser(parse_go_bool),
                // pflag takes the next argument as the value, even if it starts with `-`.
                ArgAction::Set | ArgAction::Append => arg.allow_hyphen_values(true),
                _ => arg,
            }
        })
        .mut_subcommands(helm_conventions)
}

/// Go's `strconv.ParseBool`, with its error text.
fn parse_go_bool(s: &str) -> Result<bool, String> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(format!(
            "strconv.ParseBool: parsing {}: invalid syntax",
            kelm_gotmpl::strconv::quote(s)
        )),
    }
}

/// The error cobra's `NoArgs` gives when a command that takes no arguments gets some.
pub fn require_no_args(command_path: &str, args: &[String]) -> anyhow::Result<()> {
    if args.is_empty() {
        return Ok(());
    }
    anyhow::bail!("\"{command_path}\" accepts no arguments\n\nUsage:  {command_path} [flags]")
}

/// The error cobra's `ExactArgs(n)` (Helm's wording) gives for another number of arguments.
pub fn require_exact_args(
    command_path: &str,
    use_line: &str,
    n: usize,
    args: &[String],
) -> anyhow::Result<()> {
    if args.len() == n {
        return Ok(());
    }
    let noun = if n == 1 { "argument" } else { "arguments" };
    anyhow::bail!("\"{command_path}\" requires {n} {noun}\n\nUsage:  {use_line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_tree_is_valid() {
        command().debug_assert();
    }

    #[test]
    fn go_bools() {
        assert_eq!(parse_go_bool("T"), Ok(true));
        assert_eq!(parse_go_bool("0"), Ok(false));
        assert_eq!(
            parse_go_bool("yes").unwrap_err(),
            "strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
    }
}
