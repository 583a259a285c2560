//! The command line as data: kelm's commands and flags, with Helm's parsing conventions.
//!
//! Commands are clap derive structs, one module per command under `commands/`. The tree
//! is then adjusted in one place ([`command`]) so that every flag parses as Helm's
//! (cobra and pflag) flags do, and clap's errors are reworded as Helm's in `errors.rs`.
//!
//! Helm's global flags join [`Cli`] as a flattened `global = true` group
//! ([`GlobalArgs`]) as the commands that use them land; kelm accepts no flag it does
//! not act on.

use std::ffi::OsString;

use clap::{ArgAction, ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::create::CreateArgs;
use crate::commands::lint::LintArgs;
use crate::commands::show::ShowCommand;
use crate::commands::template::TemplateArgs;
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
    /// Helm's global flags.
    #[command(flatten)]
    pub global: GlobalArgs,
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
    /// examine a chart for possible issues
    #[command(long_about = crate::commands::lint::LONG_ABOUT)]
    Lint(Box<LintArgs>),
    /// show information of a chart
    #[command(visible_alias = "inspect", subcommand_required = true)]
    Show {
        /// The part of the chart to show.
        #[command(subcommand)]
        command: ShowCommand,
    },
    /// locally render templates
    #[command(long_about = crate::commands::template::LONG_ABOUT)]
    Template(Box<TemplateArgs>),
    /// print the kelm version information
    #[command(long_about = crate::commands::version::LONG_ABOUT)]
    Version(VersionArgs),
}

/// Helm's global flags (`EnvSettings`), accepted before or after the command.
#[derive(Debug, Clone, clap::Args)]
pub struct GlobalArgs {
    /// namespace scope for this request
    #[arg(short = 'n', long, global = true, value_name = "string")]
    pub namespace: Option<String>,
    /// enable verbose output
    #[arg(long, global = true)]
    pub debug: bool,
}

impl GlobalArgs {
    /// Helm's `EnvSettings.Namespace()`: the flag, else `$HELM_NAMESPACE`, else the
    /// kubeconfig's current context's namespace (`$HELM_KUBECONTEXT` naming the
    /// context when set), else `default`.
    pub fn namespace(&self) -> String {
        if let Some(ns) = self.namespace.as_deref().filter(|n| !n.is_empty()) {
            return ns.to_string();
        }
        if let Ok(ns) = std::env::var("HELM_NAMESPACE")
            && !ns.is_empty()
        {
            return ns;
        }
        let context = std::env::var("HELM_KUBECONTEXT").ok();
        crate::kubeconfig::context_namespace(context.as_deref())
            .unwrap_or_else(|| "default".to_string())
    }
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

/// The error cobra's `MinimumNArgs(n)` (Helm's wording) gives for fewer arguments.
pub fn require_min_args(
    command_path: &str,
    use_line: &str,
    n: usize,
    args: &[String],
) -> anyhow::Result<()> {
    if args.len() >= n {
        return Ok(());
    }
    let noun = if n == 1 { "argument" } else { "arguments" };
    anyhow::bail!("\"{command_path}\" requires at least {n} {noun}\n\nUsage:  {use_line}")
}

/// pflag's `StringSlice` values: each occurrence read as a CSV record (commas split,
/// double quotes group), all occurrences joined; an empty occurrence adds nothing.
pub fn string_slice(occurrences: &[String]) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for occ in occurrences {
        if occ.is_empty() {
            continue;
        }
        out.extend(csv_record(occ)?);
    }
    Ok(out)
}

/// One line of Go's `encoding/csv` (as pflag reads it): fields split by commas, a
/// field that starts with `"` quoted (`""` for a quote inside).
fn csv_record(line: &str) -> anyhow::Result<Vec<String>> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut field = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                if c == '"' {
                    if quoted[i + 1..].starts_with('"') {
                        field.push('"');
                        chars.next();
                    } else {
                        end = Some(i + 1);
                        break;
                    }
                } else {
                    field.push(c);
                }
            }
            let Some(end) = end else {
                anyhow::bail!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    line.len() + 1
                );
            };
            fields.push(field);
            rest = &quoted[end..];
            match rest.strip_prefix(',') {
                Some(r) => rest = r,
                None if rest.is_empty() => return Ok(fields),
                None => anyhow::bail!(
                    "parse error on line 1, column {}: extraneous or missing \" in quoted-field",
                    line.len() - rest.len() + 1
                ),
            }
        } else {
            match rest.split_once(',') {
                Some((f, r)) => {
                    fields.push(f.to_string());
                    rest = r;
                }
                None => {
                    fields.push(rest.to_string());
                    return Ok(fields);
                }
            }
        }
    }
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
