//! `status-codes import openapi FILE --service NAME`: the numeric response codes an OpenAPI
//! 3.x document's operations answer with become a service's `codes` (created, or added to).
//!
//! Read: every operation under `paths` and `webhooks`, and `components.responses` entries
//! named by a three-digit code (the names `export openapi` writes). Range keys (`4XX`) and
//! `default` say nothing about one code: they are reported and skipped. A code the base
//! registry lacks needs a full entry first, so the import is refused and lists them.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use toml_edit::{Array, Item, Table};

use crate::cli::ImportOpenApiArgs;
use crate::edit;
use crate::error::{Failure, io_reason};
use crate::load;
use crate::render::plural;
use crate::tree::{self, Place};

/// The HTTP methods an OpenAPI path item may hold operations under.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub(crate) fn run(spec: Option<&Path>, args: &ImportOpenApiArgs) -> Result<(), Failure> {
    let file = args.file.display().to_string();
    let document = read_document(&args.file, &file)?;
    let found = collect(&document);
    found.report_skipped();
    if found.codes.is_empty() {
        return Err(Failure::msg(format!(
            "`{file}` documents no numeric response code; nothing to import"
        )));
    }
    let source = load::writable(spec)?;
    let current = source.parse()?;
    let lacking: Vec<String> = found
        .codes
        .iter()
        .filter(|&&c| current.code(c).is_none())
        // A service may carry a full entry of its own for a code the base lacks.
        .filter(|&&c| {
            current
                .service(&args.service)
                .is_none_or(|s| s.entry(c).is_none())
        })
        .map(u16::to_string)
        .collect();
    if !lacking.is_empty() {
        return Err(Failure::msg(format!(
            "the base registry lacks {}; add a full entry for each first (`status-codes add CODE --reason ...`)",
            lacking.join(", ")
        )));
    }
    let exists = current.service(&args.service).is_some();
    let edited = edit::apply(&source.name, &source.text, |doc| {
        let done = if exists {
            extend_service(doc, &args.service, &found.codes)?
        } else {
            create_service(doc, &args.service, &found.codes, &document)?
        };
        Ok(format!("{done} from `{file}`"))
    })?;
    edit::commit(&source, edited)
}

/// Reads JSON or YAML (by the file's extension; YAML, a superset of JSON, otherwise) and
/// checks that it is an OpenAPI 3 document.
fn read_document(path: &Path, file: &str) -> Result<Value, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::msg(format!("cannot read `{file}`: {}", io_reason(&e))))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let parsed: Result<Value, String> = if is_json {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        yaml_serde::from_str(&text).map_err(|e| e.to_string())
    };
    let kind = if is_json { "JSON" } else { "YAML" };
    let value = parsed.map_err(|e| Failure::msg(format!("`{file}` is not valid {kind}: {e}")))?;
    check_version(&value, file)?;
    Ok(value)
}

fn check_version(value: &Value, file: &str) -> Result<(), Failure> {
    match value.get("openapi") {
        Some(Value::String(v)) if v.starts_with("3.") => Ok(()),
        Some(v) => Err(Failure::msg(format!(
            "`{file}` is OpenAPI {}; only OpenAPI 3.0 and 3.1 documents can be imported",
            v.as_str().map_or_else(|| v.to_string(), str::to_owned)
        ))),
        None if value.get("swagger").is_some() => Err(Failure::msg(format!(
            "`{file}` is a Swagger 2.0 document; only OpenAPI 3.0 and 3.1 documents can be imported"
        ))),
        None => Err(Failure::msg(format!(
            "`{file}` is not an OpenAPI document: it has no `openapi` version field"
        ))),
    }
}

/// The codes found, and the keys passed over with how often each was seen.
#[derive(Debug, Default)]
struct Found {
    codes: BTreeSet<u16>,
    ranges: BTreeSet<String>,
    defaults: usize,
    others: BTreeSet<String>,
}

impl Found {
    fn key(&mut self, key: &str) {
        let key = key.trim();
        if key == "default" {
            self.defaults += 1;
        } else if let Some(code) = three_digit_code(key) {
            self.codes.insert(code);
        } else if is_range(key) {
            self.ranges.insert(key.to_owned());
        } else {
            self.others.insert(key.to_owned());
        }
    }

    fn report_skipped(&self) {
        if !self.ranges.is_empty() {
            let ranges: Vec<String> = self.ranges.iter().map(|r| format!("`{r}`")).collect();
            eprintln!(
                "note: skipped the range {} {}: a range names no single code",
                if ranges.len() == 1 { "key" } else { "keys" },
                ranges.join(", ")
            );
        }
        if self.defaults > 0 {
            eprintln!(
                "note: skipped `default` ({}): it names no code",
                plural(self.defaults, "response")
            );
        }
        if !self.others.is_empty() {
            let others: Vec<String> = self.others.iter().map(|k| format!("`{k}`")).collect();
            eprintln!(
                "note: skipped response keys that are not status codes: {}",
                others.join(", ")
            );
        }
    }
}

fn three_digit_code(key: &str) -> Option<u16> {
    let code: u16 = key.parse().ok()?;
    (key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit()) && (100..=599).contains(&code))
        .then_some(code)
}

fn is_range(key: &str) -> bool {
    let bytes = key.as_bytes();
    bytes.len() == 3 && (b'1'..=b'5').contains(&bytes[0]) && bytes[1..].eq_ignore_ascii_case(b"XX")
}

fn collect(document: &Value) -> Found {
    let mut found = Found::default();
    for group in ["paths", "webhooks"] {
        let Some(items) = document.get(group).and_then(Value::as_object) else {
            continue;
        };
        for item in items.values() {
            for method in METHODS {
                let responses = item.get(method).and_then(|op| op.get("responses"));
                for key in responses
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| k)
                {
                    found.key(key);
                }
            }
        }
    }
    let named = document
        .pointer("/components/responses")
        .and_then(Value::as_object);
    for key in named.into_iter().flatten().map(|(k, _)| k) {
        if let Some(code) = three_digit_code(key) {
            found.codes.insert(code);
        }
    }
    found
}

fn extend_service(
    doc: &mut toml_edit::DocumentMut,
    name: &str,
    codes: &BTreeSet<u16>,
) -> Result<String, Failure> {
    let table = edit::service(doc, name)?;
    let list = edit::codes_list(table, name)?;
    let mut added = 0;
    for &code in codes {
        if !list.iter().any(|v| v.as_integer() == Some(i64::from(code))) {
            tree::insert_code(list, code);
            added += 1;
        }
    }
    Ok(format!(
        "added {} to service `{name}` ({} already listed)",
        plural(added, "code"),
        codes.len() - added
    ))
}

fn create_service(
    doc: &mut toml_edit::DocumentMut,
    name: &str,
    codes: &BTreeSet<u16>,
    document: &Value,
) -> Result<String, Failure> {
    let mut table = Table::new();
    if let Some(title) = document.pointer("/info/title").and_then(Value::as_str) {
        let version = document.pointer("/info/version").and_then(Value::as_str);
        let source = match version {
            Some(v) => format!("{title} {v} (OpenAPI document)"),
            None => format!("{title} (OpenAPI document)"),
        };
        table.insert("source", toml_edit::value(source));
    }
    let mut list = Array::new();
    for &code in codes {
        tree::insert_code(&mut list, code);
    }
    table.insert("codes", toml_edit::value(list));
    edit::parent_table(doc, "services")?.insert(name, Item::Table(table));
    tree::place(doc, &edit::path(&["services", name]), Place::End);
    Ok(format!(
        "added service `{name}` with {}",
        plural(codes.len(), "code")
    ))
}
