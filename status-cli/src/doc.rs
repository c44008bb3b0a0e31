//! `doc`: a Markdown reference of the whole spec, for a project's documentation: every base
//! code, then every service with its codes and what its overrides change.

use std::fmt::Write as _;
use std::path::Path;

use status_codegen::retry_advice;
use status_spec::{CodeEntry, Registration, Retry, Service, Spec};

use crate::atomic;
use crate::check::summary;
use crate::cli::DocArgs;
use crate::error::Failure;
use crate::list::cell;
use crate::load;

pub(crate) fn run(spec: Option<&Path>, args: &DocArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    let parsed = source.parse()?;
    let text = document(&parsed, &source.name);
    match &args.out {
        None => print!("{text}"),
        Some(out) => atomic::write(out, &out.display().to_string(), &text)?,
    }
    Ok(())
}

/// The whole reference. `write!` to a String cannot fail, so its results are ignored.
fn document(spec: &Spec, name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# HTTP status codes\n");
    let _ = writeln!(
        out,
        "Generated from `{name}` ({}) by `status-codes doc`.\n",
        summary(spec)
    );
    retry_legend(&mut out);
    base_registry(&mut out, spec);
    services(&mut out, spec);
    out
}

fn retry_legend(out: &mut String) {
    let _ = writeln!(out, "## Retry advice\n\n| Value | Meaning |\n| --- | --- |");
    for retry in Retry::ALL {
        let _ = writeln!(out, "| `{retry}` | {} |", cell(retry_advice(retry)));
    }
    out.push('\n');
}

fn base_registry(out: &mut String, spec: &Spec) {
    let _ = writeln!(
        out,
        "## Base registry\n\n| Code | Reason | Class | Retry |\n| ---: | --- | --- | --- |"
    );
    for entry in spec.codes() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` |",
            entry.code,
            cell(&entry.reason),
            entry.class(),
            entry.retry
        );
    }
    out.push('\n');
    for entry in spec.codes() {
        code_section(out, entry);
    }
}

fn code_section(out: &mut String, entry: &CodeEntry) {
    let _ = writeln!(out, "### {} {}\n", entry.code, entry.reason);
    if !entry.description.is_empty() {
        let _ = writeln!(out, "{}\n", entry.description);
    }
    let _ = writeln!(out, "- Rust variant: `{}`", entry.name);
    let _ = writeln!(out, "- Class: {}", entry.class());
    let _ = writeln!(
        out,
        "- Retry: `{}` ({})",
        entry.retry,
        retry_advice(entry.retry)
    );
    if let Some(reference) = &entry.reference {
        let _ = writeln!(out, "- Defined in: {reference}");
    }
    if entry.status != Registration::Permanent {
        let _ = writeln!(out, "- Registration: {}", entry.status.as_str());
    }
    if !entry.aliases.is_empty() {
        let _ = writeln!(out, "- Also known as: {}", entry.aliases.join(", "));
    }
    out.push('\n');
}

fn services(out: &mut String, spec: &Spec) {
    let _ = writeln!(out, "## Services\n");
    if spec.services().next().is_none() {
        let _ = writeln!(out, "The spec defines no services.\n");
    }
    for service in spec.services() {
        service_section(out, spec, service);
    }
}

fn service_section(out: &mut String, spec: &Spec, service: &Service) {
    let _ = writeln!(out, "### `{}`\n", service.name);
    if !service.description.is_empty() {
        let _ = writeln!(out, "{}\n", service.description);
    }
    if let Some(source) = &service.source {
        let _ = writeln!(out, "Source: {source}\n");
    }
    if let Some(retry) = service.unlisted_retry {
        let _ = writeln!(
            out,
            "Codes it does not list: retry `{retry}` ({}).\n",
            retry_advice(retry)
        );
    }
    if let Some(policy) = &service.backoff {
        let _ = writeln!(
            out,
            "Back-off: {}.\n",
            crate::list::describe_backoff(policy)
        );
    }
    let _ = writeln!(
        out,
        "| Code | Reason | Retry | Overridden |\n| ---: | --- | --- | --- |"
    );
    for entry in service.entries() {
        let mark = if service.is_overridden(entry.code) {
            "yes"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {mark} |",
            entry.code,
            cell(&entry.reason),
            entry.retry
        );
    }
    out.push('\n');
    for entry in service
        .entries()
        .iter()
        .filter(|e| service.is_overridden(e.code))
    {
        override_section(out, spec.code(entry.code), entry);
    }
}

/// What the service says differently from the base (everything, for a code the base lacks).
fn override_section(out: &mut String, base: Option<&CodeEntry>, entry: &CodeEntry) {
    let Some(base) = base else {
        let _ = writeln!(
            out,
            "#### {} {} (not in the base registry)\n",
            entry.code, entry.reason
        );
        let _ = writeln!(out, "{}\n", entry.description);
        let _ = writeln!(
            out,
            "- Rust variant: `{}`\n- Retry: `{}`\n",
            entry.name, entry.retry
        );
        return;
    };
    let _ = writeln!(out, "#### {} {}\n", entry.code, entry.reason);
    let changed = |field: &str, new: String, old: String| {
        (new != old).then(|| format!("- {field}: {new} (base: {old})"))
    };
    let lines = [
        changed("Reason", entry.reason.clone(), base.reason.clone()),
        changed(
            "Rust variant",
            format!("`{}`", entry.name),
            format!("`{}`", base.name),
        ),
        changed(
            "Retry",
            format!("`{}`", entry.retry),
            format!("`{}`", base.retry),
        ),
        changed("Defined in", opt(&entry.reference), opt(&base.reference)),
        changed(
            "Registration",
            entry.status.as_str().into(),
            base.status.as_str().into(),
        ),
        changed(
            "Also known as",
            entry.aliases.join(", "),
            base.aliases.join(", "),
        ),
    ];
    for line in lines.into_iter().flatten() {
        let _ = writeln!(out, "{line}");
    }
    if entry.description != base.description {
        let _ = writeln!(out, "- Description: {}", entry.description);
    }
    out.push('\n');
}

fn opt(text: &Option<String>) -> String {
    text.clone().unwrap_or_else(|| "none".into())
}
