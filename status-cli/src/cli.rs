//! The command line, as clap sees it. Every value is parsed and range-checked here, so the
//! commands only ever see well-formed codes, retry values and formats.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use status_spec::Retry;

use status_codegen::Selection;

/// Check, format, edit and document a status-codes spec (`codes.toml`).
#[derive(Debug, Parser)]
#[command(name = "status-codes", version, propagate_version = true)]
pub(crate) struct Cli {
    /// The spec file [default: ./codes.toml, else (read-only commands) the embedded registry]
    #[arg(long, global = true, value_name = "PATH")]
    pub(crate) spec: Option<PathBuf>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate the spec and report every problem, rustc style
    Check(CheckArgs),
    /// Rewrite the spec in canonical layout and order, keeping every comment
    ///
    /// `[codes.N]` tables in code order, then each service (in file order) followed by its
    /// back-off policy and its overrides in code order; keys in the order reason, name,
    /// description, retry, reference, status, expires, aliases (services: description, source,
    /// codes, unlisted_retry; back-off: initial, max, factor, jitter, max_retries); `codes` lists
    /// sorted, on one line when it fits in 100 columns, else one line per class; one blank
    /// line between tables. Comments stay with the table they are written against.
    Fmt(FmtArgs),
    /// Add a base entry, or add a code (and its override) to a service
    ///
    /// Without --service, adds `[codes.CODE]`. With --service, adds CODE to the service's
    /// `codes` list and, when --reason, --name, --retry or --description is given, writes them
    /// to its override table. `add` never overwrites: a code that is already there is an
    /// error that points to `set`. The edit keeps comments and layout, is refused if the spec
    /// would not validate, and is written atomically.
    Add(AddArgs),
    /// Change some fields of a base entry, or of a service's override
    ///
    /// Without --service, sets the given fields of `[codes.CODE]`. With --service, sets them
    /// in `[services.NAME.overrides.CODE]`, creating it when the service lists CODE. Only the
    /// given fields change; comments and layout stay. A change that renames a generated
    /// variant (a new reason from which the name is derived, or a new name) is noted on
    /// stderr.
    Set(SetArgs),
    /// Remove a base entry, or a code from a service
    ///
    /// Comments written directly against a removed table (above its header, inside it, or
    /// right under it) go with it and are listed on stderr; section comments stay.
    Remove(RemoveArgs),
    /// Add or remove a service
    #[command(subcommand)]
    Service(ServiceCommand),
    /// List the codes of the base registry or of one service
    List(ListArgs),
    /// Show which service documents which code, marking overrides
    Matrix,
    /// Print the Rust that `status_set!` generates for a selection
    Expand(ExpandArgs),
    /// Write a Markdown reference of the whole spec
    Doc(DocArgs),
    /// Show what changed between two spec files, and what of it breaks users' code
    ///
    /// Codes added or removed (base and each service), services added or removed, and each
    /// changed field of an entry as users' code sees it (a base change shows in every service
    /// that inherits it). Removing a code or a service, or renaming a variant, is breaking.
    Diff(DiffArgs),
    /// Compare the base registry with the IANA registry's CSV export, and optionally update it
    ///
    /// Reports codes the registry assigns that the base lacks, base codes the registry does
    /// not assign, and changed phrases, statuses and expiry dates; exits 1 when there is any.
    /// With --apply, writes what can be applied (keeping comments) and exits 0: new codes get
    /// the class's default retry and the registry's reference, a renamed phrase becomes the
    /// `reason` and the old one joins `aliases`. Withdrawn codes are reported, never deleted.
    SyncIana(SyncIanaArgs),
    /// Write the spec in another format
    #[command(subcommand)]
    Export(ExportCommand),
    /// Read codes into the spec from another format
    #[command(subcommand)]
    Import(ImportCommand),
}

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Rendered diagnostics on stderr
    Human,
    /// A JSON array of `{path, line, column, message, help}` on stdout
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub(crate) format: CheckFormat,
}

#[derive(Debug, Args)]
pub(crate) struct FmtArgs {
    /// Do not write; print a diff and exit 1 if the file is not formatted
    #[arg(long)]
    pub(crate) check: bool,
}

/// A status code argument: three digits, 100 to 599.
fn code_arg() -> clap::builder::RangedI64ValueParser<u16> {
    clap::value_parser!(u16).range(100..=599)
}

/// The retry advice values of `codes.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RetryArg {
    /// Repeating the same request is pointless
    Never,
    /// Do not retry until the request has been changed
    Modify,
    /// Retry after supplying or refreshing credentials
    Reauthenticate,
    /// Transient: retry with exponential back-off
    Backoff,
    /// Wait as long as the Retry-After header says
    RetryAfter,
}

impl From<RetryArg> for Retry {
    fn from(arg: RetryArg) -> Retry {
        match arg {
            RetryArg::Never => Retry::Never,
            RetryArg::Modify => Retry::Modify,
            RetryArg::Reauthenticate => Retry::Reauthenticate,
            RetryArg::Backoff => Retry::Backoff,
            RetryArg::RetryAfter => Retry::RetryAfter,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// The status code
    #[arg(value_parser = code_arg())]
    pub(crate) code: u16,
    /// Reason phrase (required for a base entry; with --service it writes an override)
    #[arg(long, required_unless_present = "service")]
    pub(crate) reason: Option<String>,
    /// Explicit Rust variant name, instead of one derived from the reason
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// What a client should do about the code
    #[arg(long, value_enum)]
    pub(crate) retry: Option<RetryArg>,
    /// One or two sentences saying what the code means
    #[arg(long)]
    pub(crate) description: Option<String>,
    /// Add the code to this service (and override its entry there if other flags are given)
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct SetArgs {
    /// The status code
    #[arg(value_parser = code_arg())]
    pub(crate) code: u16,
    /// Change the service's override of CODE instead of the base entry
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
    /// Reason phrase (renames the variant unless a `name` is given)
    #[arg(long)]
    pub(crate) reason: Option<String>,
    /// Explicit Rust variant name
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// What a client should do about the code
    #[arg(long, value_enum)]
    pub(crate) retry: Option<RetryArg>,
    /// One or two sentences saying what the code means
    #[arg(long)]
    pub(crate) description: Option<String>,
    /// The defining document, e.g. "RFC 9110, Section 15.5.1"
    #[arg(long, value_name = "REF")]
    pub(crate) reference: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// The status code
    #[arg(value_parser = code_arg())]
    pub(crate) code: u16,
    /// Remove the code (and its override) from this service only
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ServiceCommand {
    /// Add a service documenting the given codes
    Add(ServiceAddArgs),
    /// Remove a service and its overrides
    Remove(ServiceRemoveArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ServiceAddArgs {
    /// The service's name, a snake_case identifier
    pub(crate) name: String,
    /// The codes it documents, e.g. `200,404,429`
    #[arg(long, required = true, value_delimiter = ',', num_args = 1.., value_parser = code_arg())]
    pub(crate) codes: Vec<u16>,
    /// What the API is
    #[arg(long)]
    pub(crate) description: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ServiceRemoveArgs {
    /// The service's name
    pub(crate) name: String,
}

/// How `list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns
    Table,
    /// An array of objects: code, name, reason, class, retry, description
    Json,
    /// A Markdown table
    Markdown,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// List this service's effective entries instead of the base registry
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub(crate) format: ListFormat,
}

#[derive(Debug, Args)]
pub(crate) struct ExpandArgs {
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    /// The enum's name [default: the service in UpperCamelCase, `Codes`, or `Standard`]
    #[arg(long, value_name = "ENUM")]
    pub(crate) name: Option<String>,
}

/// Exactly one of these says what `expand` generates.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub(crate) struct SelectionArgs {
    /// A service's codes
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
    /// Codes and ranges: `429,500,502-504`, `502..=504`, `4xx`
    #[arg(long, value_name = "LIST", value_parser = crate::expand::parse_codes)]
    pub(crate) codes: Option<Selection>,
    /// The whole base registry
    #[arg(long)]
    pub(crate) all: bool,
}

#[derive(Debug, Args)]
pub(crate) struct DocArgs {
    /// Write the Markdown to this file instead of stdout
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// One line per change
    Text,
    /// An array of `{kind, scope, code, field, old, new, breaking}`
    Json,
}

/// What `diff --deny` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Deny {
    /// A code or service removed, or a variant renamed
    Breaking,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The spec before the change
    pub(crate) old: PathBuf,
    /// The spec after the change
    pub(crate) new: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub(crate) format: DiffFormat,
    /// Exit 1 when a change of this kind is present
    #[arg(long, value_enum)]
    pub(crate) deny: Option<Deny>,
}

#[derive(Debug, Args)]
pub(crate) struct SyncIanaArgs {
    /// The IANA HTTP Status Code Registry as CSV (`Value,Description,Reference`)
    pub(crate) file: PathBuf,
    /// Update the base registry instead of only reporting
    #[arg(long)]
    pub(crate) apply: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ExportCommand {
    /// An OpenAPI 3.1 document: one reusable response per code under `components.responses`
    ///
    /// Each response is named by its code and carries the phrase and description; errors
    /// (4xx, 5xx) carry an `application/problem+json` body (RFC 9457), and codes whose advice
    /// is `retry-after` document the `Retry-After` header.
    Openapi(ExportOpenApiArgs),
}

/// How `export openapi` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// JSON, two-space indented
    Json,
    /// YAML
    Yaml,
}

#[derive(Debug, Args)]
pub(crate) struct ExportOpenApiArgs {
    /// The service whose codes to export [default: the base registry]
    #[arg(long, value_name = "NAME")]
    pub(crate) service: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub(crate) format: ExportFormat,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ImportCommand {
    /// The numeric response codes of an OpenAPI 3.0/3.1 document (JSON or YAML) into a service
    ///
    /// Creates the service, or adds the codes it lacks; comments are kept and the spec is
    /// validated before it is written. Range keys (`4XX`) and `default` are reported and
    /// skipped; codes the base registry lacks are refused (give them a full entry first).
    Openapi(ImportOpenApiArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ImportOpenApiArgs {
    /// The OpenAPI document (`.json` is read as JSON, anything else as YAML)
    pub(crate) file: PathBuf,
    /// The service to create or add to
    #[arg(long, value_name = "NAME")]
    pub(crate) service: String,
}
