//! `status-codes`: check, format, edit, list and document a status-codes spec (`codes.toml`).
//!
//! This file holds only the dispatch; the command line is in `cli.rs`, and each command or
//! concern has a module of its own.

mod atomic;
mod check;
mod cli;
mod codes_layout;
mod comments;
mod diff;
mod doc;
mod edit;
#[cfg(test)]
mod edit_props;
mod error;
mod expand;
mod fmt;
mod iana;
mod json;
mod layout;
mod list;
mod load;
mod matrix;
mod openapi;
mod render;
mod spec_diff;
mod sync;
mod tree;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser as _;

use crate::cli::{Cli, Command, ExportCommand, ImportCommand, ServiceCommand};
use crate::error::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => report(&failure),
    }
}

fn dispatch(cli: &Cli) -> Result<(), Failure> {
    let spec: Option<&Path> = cli.spec.as_deref();
    match &cli.command {
        Command::Check(args) => check::run(spec, args),
        Command::Fmt(args) => fmt::run(spec, args),
        Command::Add(args) => edit::add(spec, args),
        Command::Set(args) => edit::set(spec, args),
        Command::Remove(args) => edit::remove(spec, args),
        Command::Service(ServiceCommand::Add(args)) => edit::service_add(spec, args),
        Command::Service(ServiceCommand::Remove(args)) => edit::service_remove(spec, args),
        Command::List(args) => list::run(spec, args),
        Command::Matrix => matrix::run(spec),
        Command::Expand(args) => expand::run(spec, args),
        Command::Doc(args) => doc::run(spec, args),
        Command::Diff(args) => spec_diff::run(args),
        Command::SyncIana(args) => sync::run(spec, args),
        Command::Export(ExportCommand::Openapi(args)) => openapi::export::run(spec, args),
        Command::Import(ImportCommand::Openapi(args)) => openapi::import::run(spec, args),
    }
}

/// Prints the failure to stderr: `error: ...`, then any rendered spec problems.
fn report(failure: &Failure) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    if let Some(headline) = &failure.headline {
        // Nothing sensible is left to do if stderr itself is gone.
        let _ = writeln!(stderr, "error: {headline}");
    }
    if let Some(diagnostics) = &failure.diagnostics {
        let colour = render::colour(&std::io::stderr());
        let _ = write!(stderr, "\n{}", render::diagnostics(diagnostics, colour));
    }
    ExitCode::from(failure.code())
}
