//! `export openapi` and `import openapi`, run as the real binary: the exported document's
//! responses, the round trip through a document, and every refusal leaving the spec as it was.

mod common;

use common::{Project, SHIPPED, assert_comments_kept};
use serde_json::Value;

fn export(project: &Project, args: &[&str]) -> Value {
    let mut all = vec!["export", "openapi"];
    all.extend_from_slice(args);
    serde_json::from_str(&project.ok(&all)).expect("export writes JSON")
}

/// The codes of a service, as `list --format json` reports them.
fn listed_codes(project: &Project, service: &str) -> Vec<u64> {
    let out = project.ok(&["list", "--service", service, "--format", "json"]);
    let list: Value = serde_json::from_str(&out).expect("list writes JSON");
    let entries = list.as_array().expect("an array");
    entries.iter().filter_map(|e| e["code"].as_u64()).collect()
}

#[test]
fn export_writes_one_response_per_code_of_the_service() {
    let project = Project::shipped();
    let doc = export(&project, &["--service", "safe_browsing"]);
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "safe_browsing");
    let responses = doc["components"]["responses"]
        .as_object()
        .expect("responses");
    let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    let expected: Vec<String> = listed_codes(&project, "safe_browsing")
        .iter()
        .map(u64::to_string)
        .collect();
    assert_eq!(codes, expected);
    // The service's own phrase and advice, not the base registry's.
    let exhausted = &responses["429"];
    let description = exhausted["description"].as_str().expect("a description");
    assert!(
        description.starts_with("Resource Exhausted: "),
        "{description}"
    );
    assert_eq!(exhausted["x-status-codes"]["name"], "ResourceExhausted");
    assert_eq!(exhausted["x-status-codes"]["retry"], "backoff");
    // Errors carry the problem body; a success does not.
    let problem = "#/components/schemas/ProblemDetails";
    assert_eq!(
        exhausted["content"]["application/problem+json"]["schema"]["$ref"],
        problem
    );
    assert!(responses["200"].get("content").is_none());
    let schema = &doc["components"]["schemas"]["ProblemDetails"]["properties"];
    for member in ["type", "title", "status", "detail", "instance"] {
        assert!(
            schema.get(member).is_some(),
            "problem schema lacks `{member}`"
        );
    }
}

#[test]
fn retry_after_codes_document_the_header() {
    let project = Project::shipped();
    let doc = export(&project, &[]);
    let responses = &doc["components"]["responses"];
    assert_eq!(
        responses["429"]["headers"]["Retry-After"]["$ref"],
        "#/components/headers/Retry-After"
    );
    assert!(doc["components"]["headers"]["Retry-After"]["schema"].is_object());
    assert!(responses["404"].get("headers").is_none());
}

#[test]
fn yaml_export_is_the_same_document() {
    let project = Project::shipped();
    let json = export(&project, &["--service", "web_api"]);
    let yaml = project.ok(&[
        "export",
        "openapi",
        "--service",
        "web_api",
        "--format",
        "yaml",
    ]);
    let from_yaml: Value = yaml_serde::from_str(&yaml).expect("export writes YAML");
    assert_eq!(from_yaml, json);
}

#[test]
fn importing_an_exported_service_yields_the_same_codes() {
    let project = Project::shipped();
    for service in ["safe_browsing", "huawei_cloud", "web_api"] {
        for format in ["json", "yaml"] {
            let out = project.ok(&[
                "export",
                "openapi",
                "--service",
                service,
                "--format",
                format,
            ]);
            let file = project.dir().join(format!("{service}.{format}"));
            std::fs::write(&file, out).expect("write the document");
            let copy = format!("{service}_{format}");
            let file = file.to_str().expect("a UTF-8 path");
            project.ok(&["import", "openapi", file, "--service", &copy]);
            assert_eq!(
                listed_codes(&project, &copy),
                listed_codes(&project, service)
            );
        }
    }
    project.ok(&["check"]);
    assert_comments_kept(SHIPPED, &project.spec(), &[]);
}

const PETSTORE: &str = r#"
openapi: 3.0.3
info: { title: Pets, version: "2.1" }
paths:
  /pets:
    get:
      responses:
        200: { description: the pets }
        4XX: { description: any client error }
        default: { description: anything else }
    post:
      responses:
        "201": { description: created }
        "409": { description: exists }
  /pets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    delete:
      responses:
        "204": { description: gone }
        "404": { description: no such pet }
        default: { description: anything else }
"#;

#[test]
fn import_collects_every_operations_codes_and_skips_ranges_and_default() {
    let project = Project::shipped();
    std::fs::write(project.dir().join("pets.yaml"), PETSTORE).expect("write");
    let run = project.run(&["import", "openapi", "pets.yaml", "--service", "pets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "added service `pets` with 5 codes from `pets.yaml`\n"
    );
    assert!(
        run.stderr.contains("skipped the range key `4XX`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("skipped `default` (2 responses)"),
        "{}",
        run.stderr
    );
    assert_eq!(listed_codes(&project, "pets"), [200, 201, 204, 404, 409]);
    assert!(
        project
            .spec()
            .contains("source = \"Pets 2.1 (OpenAPI document)\"")
    );
    assert_comments_kept(SHIPPED, &project.spec(), &[]);
}

#[test]
fn import_adds_to_an_existing_service() {
    let project = Project::shipped();
    let json = r#"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"},
        "paths": {"/a": {"put": {"responses": {"200": {"description": "ok"}, "418": {"description": "tea"}}}}}}"#;
    std::fs::write(project.dir().join("a.json"), json).expect("write");
    let before = listed_codes(&project, "safe_browsing");
    let out = project.ok(&["import", "openapi", "a.json", "--service", "safe_browsing"]);
    assert_eq!(
        out,
        "added 1 code to service `safe_browsing` (1 already listed) from `a.json`\n"
    );
    let mut expected = before;
    expected.push(418);
    expected.sort_unstable();
    assert_eq!(listed_codes(&project, "safe_browsing"), expected);
}

#[test]
fn import_refuses_codes_the_base_registry_lacks() {
    let project = Project::shipped();
    let json = r#"{"openapi": "3.1.0", "paths": {"/a": {"get": {"responses":
        {"200": {"description": "ok"}, "299": {"description": "?"}, "499": {"description": "?"}}}}}}"#;
    std::fs::write(project.dir().join("a.json"), json).expect("write");
    let err = project.fails(1, &["import", "openapi", "a.json", "--service", "x"]);
    assert_eq!(
        err,
        "error: the base registry lacks 299, 499; add a full entry for each first (`status-codes add CODE --reason ...`)\n"
    );
}

#[test]
fn bad_documents_are_one_line_errors_and_leave_the_spec_alone() {
    let project = Project::shipped();
    let dir = project.dir();
    std::fs::write(
        dir.join("swagger.json"),
        r#"{"swagger": "2.0", "paths": {}}"#,
    )
    .expect("w");
    std::fs::write(dir.join("asyncapi.yaml"), "asyncapi: 2.6.0\n").expect("w");
    std::fs::write(dir.join("four.yaml"), "openapi: 4.0.0\n").expect("w");
    std::fs::write(dir.join("broken.json"), "{\"openapi\": ").expect("w");
    std::fs::write(dir.join("broken.yaml"), "openapi: [3.1\n").expect("w");
    std::fs::write(dir.join("empty.yaml"), "openapi: 3.1.0\npaths: {}\n").expect("w");
    let cases = [
        (
            "swagger.json",
            "error: `swagger.json` is a Swagger 2.0 document; only OpenAPI 3.0 and 3.1 documents can be imported",
        ),
        (
            "asyncapi.yaml",
            "error: `asyncapi.yaml` is not an OpenAPI document: it has no `openapi` version field",
        ),
        (
            "four.yaml",
            "error: `four.yaml` is OpenAPI 4.0.0; only OpenAPI 3.0 and 3.1 documents can be imported",
        ),
        (
            "broken.json",
            "error: `broken.json` is not valid JSON: EOF while parsing a value at line 1 column 12",
        ),
        ("broken.yaml", "error: `broken.yaml` is not valid YAML: "),
        (
            "empty.yaml",
            "error: `empty.yaml` documents no numeric response code; nothing to import",
        ),
        (
            "missing.yaml",
            "error: cannot read `missing.yaml`: no such file or directory",
        ),
    ];
    for (file, message) in cases {
        let err = project.fails(1, &["import", "openapi", file, "--service", "x"]);
        assert!(err.starts_with(message), "{file}: {err}");
        assert_eq!(err.lines().count(), 1, "{file}: {err}");
    }
}

#[test]
fn import_validates_the_service_name_before_writing() {
    let project = Project::shipped();
    std::fs::write(project.dir().join("pets.yaml"), PETSTORE).expect("write");
    let err = project.fails(
        1,
        &["import", "openapi", "pets.yaml", "--service", "my-pets"],
    );
    assert!(
        err.contains("error: refusing to write `codes.toml`: the edit would leave 1 problem"),
        "{err}"
    );
    assert!(
        err.contains("service name `my-pets` is not an identifier"),
        "{err}"
    );
}

#[test]
fn export_names_an_unknown_service() {
    let project = Project::shipped();
    let err = project.fails(1, &["export", "openapi", "--service", "safe_browsin"]);
    assert_eq!(
        err,
        "error: unknown service `safe_browsin`; did you mean `safe_browsing`?\n"
    );
}
