//! `status-codes export openapi`: an OpenAPI 3.1 document with one reusable response per code
//! of a service (or of the base registry) under `components.responses`, named by the code.
//!
//! Shape of the output (JSON; YAML has the same tree):
//!
//! ```text
//! { "openapi": "3.1.0",
//!   "info": { "title": "safe_browsing", "version": "...", "description": "..." },
//!   "components": {
//!     "schemas":   { "ProblemDetails": { RFC 9457 members } },
//!     "headers":   { "Retry-After": { ... } },                 // when a code advises it
//!     "responses": { "429": { "description": "Resource Exhausted: ...",
//!                             "headers": { "Retry-After": { "$ref": ... } },
//!                             "content": { "application/problem+json": { "schema": { "$ref": ... } } },
//!                             "x-status-codes": { "name": ..., "retry": ... } } } } }
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use status_spec::{CodeEntry, Retry};

use super::PROBLEM_JSON;
use crate::cli::{ExportFormat, ExportOpenApiArgs};
use crate::error::{Failure, unknown_service};
use crate::load;

pub(crate) fn run(spec: Option<&Path>, args: &ExportOpenApiArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    let spec = source.parse()?;
    let (title, description, entries): (&str, String, Vec<&CodeEntry>) = match &args.service {
        Some(name) => {
            let service = spec
                .service(name)
                .ok_or_else(|| unknown_service(name, spec.service_names()))?;
            (
                &service.name,
                service.description.clone(),
                service.entries().iter().collect(),
            )
        }
        None => (
            "status codes",
            format!(
                "Every status code of the base registry in `{}`.",
                source.name
            ),
            spec.codes().collect(),
        ),
    };
    let document = document(title, description, &entries);
    let text = match args.format {
        ExportFormat::Json => serde_json::to_string_pretty(&document)
            .map(|t| t + "\n")
            .map_err(|e| e.to_string()),
        ExportFormat::Yaml => yaml_serde::to_string(&document).map_err(|e| e.to_string()),
    }
    .map_err(|e| Failure::msg(format!("cannot write the OpenAPI document: {e}")))?;
    print!("{text}");
    Ok(())
}

/// Only what serializes: the field order is the order readers see.
#[derive(Serialize)]
struct Document {
    openapi: &'static str,
    info: Info,
    components: Components,
}

#[derive(Serialize)]
struct Info {
    title: String,
    version: &'static str,
    #[serde(skip_serializing_if = "String::is_empty")]
    description: String,
}

#[derive(Serialize)]
struct Components {
    schemas: BTreeMap<&'static str, serde_json::Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    headers: BTreeMap<&'static str, serde_json::Value>,
    /// Keyed by the three-digit code, so keys sort in code order.
    responses: BTreeMap<String, Response>,
}

#[derive(Serialize)]
struct Response {
    description: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    headers: BTreeMap<&'static str, serde_json::Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    content: BTreeMap<&'static str, serde_json::Value>,
    #[serde(rename = "x-status-codes")]
    extension: Extension,
}

/// What the spec knows beyond OpenAPI's vocabulary, under a vendor extension.
#[derive(Serialize)]
struct Extension {
    name: String,
    reason: String,
    retry: &'static str,
}

fn document(title: &str, description: String, entries: &[&CodeEntry]) -> Document {
    let responses: BTreeMap<String, Response> = entries
        .iter()
        .map(|e| (e.code.to_string(), response(e)))
        .collect();
    let mut headers = BTreeMap::new();
    if entries.iter().any(|e| e.retry == Retry::RetryAfter) {
        headers.insert("Retry-After", retry_after_header());
    }
    Document {
        openapi: "3.1.0",
        info: Info {
            title: title.to_owned(),
            version: env!("CARGO_PKG_VERSION"),
            description,
        },
        components: Components {
            schemas: BTreeMap::from([("ProblemDetails", problem_schema())]),
            headers,
            responses,
        },
    }
}

/// A response for one code. Only errors (4xx, 5xx) carry a problem body: a success or a
/// redirect described as a problem would mislead every generated client.
fn response(entry: &CodeEntry) -> Response {
    let mut headers = BTreeMap::new();
    if entry.retry == Retry::RetryAfter {
        headers.insert(
            "Retry-After",
            serde_json::json!({ "$ref": "#/components/headers/Retry-After" }),
        );
    }
    let mut content = BTreeMap::new();
    if entry.code >= 400 {
        content.insert(
            PROBLEM_JSON,
            serde_json::json!({ "schema": { "$ref": "#/components/schemas/ProblemDetails" } }),
        );
    }
    Response {
        description: format!("{}: {}", entry.reason, entry.description),
        headers,
        content,
        extension: Extension {
            name: entry.name.clone(),
            reason: entry.reason.clone(),
            retry: entry.retry.as_str(),
        },
    }
}

fn retry_after_header() -> serde_json::Value {
    serde_json::json!({
        "description": "How long to wait before repeating the request: a number of seconds or an HTTP-date (RFC 9110, Section 10.2.3).",
        "schema": { "type": "string" }
    })
}

/// RFC 9457's members, all optional, as JSON Schema 2020-12 (OpenAPI 3.1's dialect).
fn problem_schema() -> serde_json::Value {
    serde_json::json!({
        "type": "object",
        "description": "Problem details for an HTTP API (RFC 9457).",
        "properties": {
            "type": { "type": "string", "format": "uri-reference", "description": "Identifies the problem type; `about:blank` when the status code says it all." },
            "title": { "type": "string", "description": "A short summary of the problem type." },
            "status": { "type": "integer", "minimum": 100, "maximum": 599, "description": "The HTTP status code of this occurrence." },
            "detail": { "type": "string", "description": "What went wrong in this occurrence." },
            "instance": { "type": "string", "format": "uri-reference", "description": "Identifies this occurrence." }
        }
    })
}
