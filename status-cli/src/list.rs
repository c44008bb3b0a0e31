//! `list`: the codes of the base registry or of one service, as a table, JSON or Markdown.

use std::path::Path;

use status_spec::{Backoff, CodeEntry, Spec, format_duration};

use crate::cli::{ListArgs, ListFormat};
use crate::error::{Failure, unknown_service};
use crate::json::{self, Json};
use crate::load;

pub(crate) fn run(spec: Option<&Path>, args: &ListArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    let parsed = source.parse()?;
    let entries = entries(&parsed, args.service.as_deref())?;
    let mut text = match args.format {
        ListFormat::Table => table(&entries),
        ListFormat::Json => json_list(&entries),
        ListFormat::Markdown => markdown(&entries),
    };
    // JSON stays an array of codes; the text formats say how the service backs off.
    let policy = args
        .service
        .as_deref()
        .and_then(|name| parsed.service(name))
        .and_then(|service| service.backoff.as_ref());
    if let (Some(policy), ListFormat::Table | ListFormat::Markdown) = (policy, &args.format) {
        text.push_str(&format!("\nBack-off: {}.\n", describe_backoff(policy)));
    }
    print!("{text}");
    Ok(())
}

/// "initial 15m, factor 2, max 24h, jitter `proportional`, no retry limit".
pub(crate) fn describe_backoff(policy: &Backoff) -> String {
    let limit = match policy.max_retries {
        Some(n) => format!("at most {n} retries"),
        None => "no retry limit".to_owned(),
    };
    format!(
        "initial {}, factor {}, max {}, jitter `{}`, {limit}",
        format_duration(policy.initial),
        policy.factor,
        format_duration(policy.max),
        policy.jitter
    )
}

/// The base registry, or a service's effective entries (its overrides applied).
pub(crate) fn entries<'s>(
    spec: &'s Spec,
    service: Option<&str>,
) -> Result<Vec<&'s CodeEntry>, Failure> {
    let Some(name) = service else {
        return Ok(spec.codes().collect());
    };
    let service = spec
        .service(name)
        .ok_or_else(|| unknown_service(name, spec.service_names()))?;
    Ok(service.entries().iter().collect())
}

/// The columns every format shows: code, name, reason, class, retry.
fn row(entry: &CodeEntry) -> [String; 5] {
    [
        entry.code.to_string(),
        entry.name.clone(),
        entry.reason.clone(),
        entry.class().phrase().to_owned(),
        entry.retry.as_str().to_owned(),
    ]
}

const HEADERS: [&str; 5] = ["CODE", "NAME", "REASON", "CLASS", "RETRY"];

/// Left-aligned columns two spaces apart, no trailing spaces.
fn table(entries: &[&CodeEntry]) -> String {
    let rows: Vec<[String; 5]> = std::iter::once(HEADERS.map(str::to_owned))
        .chain(entries.iter().map(|e| row(e)))
        .collect();
    let mut widths = [0; 5];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// An array of `{code, name, reason, class, retry, description}`; `class` is the
/// `status_core::StatusClass` variant name, `retry` the spelling of `codes.toml`.
fn json_list(entries: &[&CodeEntry]) -> String {
    let items = entries.iter().map(|e| {
        Json::object([
            ("code", Json::Number(u64::from(e.code))),
            ("name", Json::str(&e.name)),
            ("reason", Json::str(&e.reason)),
            ("class", Json::str(e.class().variant())),
            ("retry", Json::str(e.retry.as_str())),
            ("description", Json::str(&e.description)),
        ])
    });
    json::pretty(&Json::Array(items.collect()))
}

fn markdown(entries: &[&CodeEntry]) -> String {
    let mut out = String::from(
        "| Code | Name | Reason | Class | Retry |\n| ---: | --- | --- | --- | --- |\n",
    );
    for entry in entries {
        let [code, name, reason, class, retry] = row(entry);
        out.push_str(&format!(
            "| {code} | `{name}` | {} | {class} | `{retry}` |\n",
            cell(&reason)
        ));
    }
    out
}

/// Text made safe for a Markdown table cell.
pub(crate) fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}
