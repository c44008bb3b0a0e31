//! `list`: the base registry or a service, as a table, JSON or Markdown.

mod common;

use common::{Project, SHIPPED};

#[test]
fn a_service_as_a_table() {
    let out = Project::shipped().ok(&["list", "--service", "safe_browsing"]);
    insta::assert_snapshot!("list_safe_browsing_table", out);
}

#[test]
fn a_service_as_markdown() {
    let out = Project::shipped().ok(&["list", "--service", "rest_client", "--format", "markdown"]);
    insta::assert_snapshot!("list_rest_client_markdown", out);
}

#[test]
fn the_base_registry_as_json() {
    let out = Project::shipped().ok(&["list", "--format", "json"]);
    let spec = status_spec::Spec::parse(SHIPPED).expect("valid");
    // Exactly these keys, in this order, for every code.
    let keys = ["code", "name", "reason", "class", "retry", "description"];
    let objects = out.matches("\n  {\n").count();
    assert_eq!(objects, spec.codes().count());
    for key in keys {
        assert_eq!(
            out.matches(&format!("\n    \"{key}\": ")).count(),
            objects,
            "{key}"
        );
    }
    let first = "[\n  {\n    \"code\": 100,\n    \"name\": \"Continue\",\n    \"reason\": \"Continue\",\n    \"class\": \"Informational\",\n    \"retry\": \"never\",\n    \"description\": ";
    assert!(out.starts_with(first), "{out}");
    assert!(out.contains("\"code\": 429,\n    \"name\": \"TooManyRequests\",\n    \"reason\": \"Too Many Requests\",\n    \"class\": \"ClientError\",\n    \"retry\": \"retry-after\","));
    assert!(out.ends_with("  }\n]\n"));
}

#[test]
fn every_base_code_is_listed() {
    let out = Project::shipped().ok(&["list"]);
    let spec = status_spec::Spec::parse(SHIPPED).expect("valid");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "CODE  NAME                           REASON                           CLASS          RETRY"
    );
    assert_eq!(lines.len(), spec.codes().count() + 1);
    for (line, entry) in lines[1..].iter().zip(spec.codes()) {
        assert!(
            line.starts_with(&format!("{}   {}", entry.code, entry.name)),
            "{line}"
        );
    }
}
