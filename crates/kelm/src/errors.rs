//! Command-line errors worded as Helm words them.
//!
//! Helm parses flags with cobra and pflag, kelm with clap; users and scripts see the
//! difference only through error messages, so clap's errors are reworded here into
//! pflag's and cobra's texts (`unknown flag: --foo`, `flag needs an argument: --x`, ...).
//! Every error exits with status 1, as Helm does.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// What to print for a command line clap refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Help was asked for: print this to standard output and succeed.
    Help(String),
    /// A usage error: print `Error: <message>` to standard error and exit 1.
    Error(String),
}

/// Rewords clap's `err` for the command line `argv` (program name first).
pub fn reword(err: &clap::Error, argv: &[OsString]) -> Refusal {
    let argv: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let context = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let message = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            return Refusal::Help(err.render().to_string());
        }
        ErrorKind::UnknownArgument => {
            context(ContextKind::InvalidArg).and_then(|arg| unknown_flag(arg, &argv))
        }
        ErrorKind::InvalidSubcommand => {
            context(ContextKind::InvalidSubcommand).map(|name| unknown_command(name, &argv))
        }
        ErrorKind::InvalidValue if context(ContextKind::InvalidValue) == Some("") => {
            argv.last().map(|flag| missing_value(flag))
        }
        ErrorKind::ValueValidation => match (
            context(ContextKind::InvalidArg),
            context(ContextKind::InvalidValue),
        ) {
            (Some(arg), Some(value)) => {
                let cause = std::error::Error::source(err)
                    .map(|e| e.to_string())
                    .unwrap_or_default();
                Some(format!(
                    "invalid argument {} for \"{}\" flag: {cause}",
                    kelm_gotmpl::strconv::quote(value),
                    flag_display(arg)
                ))
            }
            _ => None,
        },
        _ => None,
    };
    Refusal::Error(message.unwrap_or_else(|| clap_message(err)))
}

/// pflag's text for a flag it does not know. `arg` is the flag as clap reports it.
fn unknown_flag(arg: &str, argv: &[String]) -> Option<String> {
    if let Some(long) = arg.strip_prefix("--") {
        let name = long.split('=').next().unwrap_or(long);
        return Some(format!("unknown flag: --{name}"));
    }
    // pflag names the whole cluster the letter was found in: `'x' in -xy`.
    let letter = arg.strip_prefix('-')?.chars().next()?;
    let cluster = argv
        .iter()
        .skip(1)
        .find(|a| a.starts_with('-') && !a.starts_with("--") && a[1..].contains(letter))
        .map_or(arg, String::as_str);
    Some(format!("unknown shorthand flag: '{letter}' in {cluster}"))
}

/// pflag's text for a flag given last with no value; `flag` is that last argument.
fn missing_value(flag: &str) -> String {
    match flag.strip_prefix("--") {
        Some(_) => format!(
            "flag needs an argument: {}",
            flag.split('=').next().unwrap_or(flag)
        ),
        None => {
            let letter = flag.chars().last().unwrap_or('-');
            format!("flag needs an argument: '{letter}' in {flag}")
        }
    }
}

/// pflag's name for a flag in messages: `-o, --output` when it has a short form.
fn flag_display(clap_arg: &str) -> String {
    // clap renders the flag with its value: `--output <FORMAT>`, `--short[=<BOOL>]`.
    let name = clap_arg.split([' ', '[', '=']).next().unwrap_or(clap_arg);
    let mut found = None;
    visit_args(&crate::cli::command(), &mut |arg| {
        let long = arg.get_long().map(|l| format!("--{l}"));
        let short = arg.get_short().map(|s| format!("-{s}"));
        if found.is_none() && (long.as_deref() == Some(name) || short.as_deref() == Some(name)) {
            found = Some(match (short, long) {
                (Some(s), Some(l)) => format!("{s}, {l}"),
                (s, l) => l.or(s).unwrap_or_default(),
            });
        }
    });
    found.unwrap_or_else(|| name.to_string())
}

fn visit_args(cmd: &clap::Command, f: &mut dyn FnMut(&clap::Arg)) {
    cmd.get_arguments().for_each(&mut *f);
    for sub in cmd.get_subcommands() {
        visit_args(sub, f);
    }
}

/// cobra's text for an unknown command, with its suggestions.
fn unknown_command(name: &str, argv: &[String]) -> String {
    // The command path is the program and the subcommands named before `name`.
    let mut cmd = crate::cli::command();
    let mut path = vec![cmd.get_name().to_string()];
    for word in argv.iter().skip(1).take_while(|a| a.as_str() != name) {
        match cmd.find_subcommand(word) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                let sub = sub.clone();
                cmd = sub;
            }
            None => continue,
        }
    }
    let path = path.join(" ");
    let typed = name.to_lowercase();
    let suggestions: Vec<&str> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| c.get_name())
        .filter(|n| {
            levenshtein(&typed, &n.to_lowercase()) <= 2 || n.to_lowercase().starts_with(&typed)
        })
        .collect();
    let mut message = format!("unknown command \"{name}\" for \"{path}\"");
    if !suggestions.is_empty() {
        message.push_str("\n\nDid you mean this?\n");
        for s in suggestions {
            message.push_str(&format!("\t{s}\n"));
        }
    }
    message.push_str(&format!("\nRun '{path} --help' for usage."));
    message
}

/// Edit distance between two strings, in characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = prev + usize::from(ca != *cb);
            prev = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(prev + 1);
        }
    }
    row[b.len()]
}

/// clap's own message, without its `error: ` prefix, usage and tips, for errors Helm
/// has no counterpart for.
fn clap_message(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(args: &[&str]) -> Refusal {
        let argv: Vec<OsString> = std::iter::once("kelm")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let err = crate::cli::parse(&argv).expect_err("the command line should be refused");
        reword(&err, &argv)
    }

    fn error(args: &[&str]) -> String {
        match refusal(args) {
            Refusal::Error(message) => message,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    // Expected texts below were printed by helm v4.1.4 for the same command lines.

    #[test]
    fn unknown_flags() {
        assert_eq!(error(&["version", "--foo"]), "unknown flag: --foo");
        assert_eq!(error(&["version", "--foo=bar"]), "unknown flag: --foo");
        assert_eq!(error(&["--foo", "version"]), "unknown flag: --foo");
        assert_eq!(
            error(&["version", "-x"]),
            "unknown shorthand flag: 'x' in -x"
        );
        assert_eq!(
            error(&["version", "-xy"]),
            "unknown shorthand flag: 'x' in -xy"
        );
    }

    #[test]
    fn unknown_commands() {
        assert_eq!(
            error(&["frob"]),
            "unknown command \"frob\" for \"kelm\"\nRun 'kelm --help' for usage."
        );
        let suggestion = "\n\nDid you mean this?\n\tversion\n\nRun 'kelm --help' for usage.";
        assert_eq!(
            error(&["verison"]),
            format!("unknown command \"verison\" for \"kelm\"{suggestion}")
        );
        assert_eq!(
            error(&["vers"]),
            format!("unknown command \"vers\" for \"kelm\"{suggestion}")
        );
    }

    #[test]
    fn bad_values() {
        assert_eq!(
            error(&["version", "--template"]),
            "flag needs an argument: --template"
        );
        assert_eq!(
            error(&["version", "-o"]),
            "flag needs an argument: 'o' in -o"
        );
        assert_eq!(
            error(&["version", "-o", "foo"]),
            "invalid argument \"foo\" for \"-o, --output\" flag: invalid format type"
        );
        assert_eq!(
            error(&["version", "--short=maybe"]),
            "invalid argument \"maybe\" for \"--short\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"
        );
    }

    #[test]
    fn help_is_not_an_error() {
        assert!(
            matches!(refusal(&["version", "--help"]), Refusal::Help(h) if h.contains("Usage: kelm version"))
        );
        assert!(matches!(refusal(&["help", "version"]), Refusal::Help(_)));
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("verison", "version"), 2);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }
}
