//! `kelm`, the Kubernetes package manager: a drop-in replacement for Helm 4.
//!
//! This binary is thin: it parses the command line (`cli`), rewords refusals as Helm
//! does (`errors`), and hands each command (`commands`) to the library code that does
//! its work.

mod build_info;
mod cli;
mod commands;
mod errors;
mod gopath;
mod helmpath;
mod kubeconfig;
mod output;
mod version_template;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use cli::Command;
use errors::Refusal;

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let cli = match cli::parse(&argv) {
        Ok(cli) => cli,
        Err(err) => {
            return match errors::reword(&err, &argv) {
                Refusal::Help(text) => {
                    finish(io::stdout().write_all(text.as_bytes()).map_err(Into::into))
                }
                Refusal::Error(message) => finish(Err(anyhow::anyhow!(message))),
            };
        }
    };
    let mut stdout = io::stdout().lock();
    let result = match cli.command {
        // Like `helm` with no arguments: the help, and success.
        None => {
            let help = cli::command().render_long_help().to_string();
            stdout.write_all(help.as_bytes()).map_err(Into::into)
        }
        Some(Command::Create(args)) => commands::create::run(args, &mut stdout),
        Some(Command::Lint(args)) => commands::lint::run(*args, &cli.global, &mut stdout),
        Some(Command::Version(args)) => commands::version::run(args, &mut stdout),
        Some(Command::Show { command }) => commands::show::run(command, &mut stdout),
        Some(Command::Template(args)) => commands::template::run(*args, &cli.global, &mut stdout),
    };
    // Flushed before any error is printed, so that a terminal shows output and error in
    // the order Go's unbuffered writes would.
    let flushed = stdout.flush();
    finish(result.and_then(|()| Ok(flushed?)))
}

/// The exit status for a command's result, printing its error as Helm does.
fn finish(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that went away (`kelm ... | head`) is not an error worth a message;
        // Go programs die of SIGPIPE there, which shells report as 128+13.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::from(141)
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "Error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
