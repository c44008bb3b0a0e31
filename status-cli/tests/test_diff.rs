//! `diff OLD NEW`: what changed between two specs, and what of it breaks users' code.

mod common;

use common::{Project, SHIPPED};

/// A project holding the shipped spec as `old.toml` and, as `codes.toml`, the shipped spec
/// after `edits` (each a `status-codes` command line).
fn edited(edits: &[&[&str]]) -> Project {
    let project = Project::shipped();
    std::fs::write(project.dir().join("old.toml"), SHIPPED).expect("write old.toml");
    for args in edits {
        project.ok(args);
    }
    project
}

#[test]
fn identical_specs_have_no_changes() {
    let project = edited(&[]);
    assert_eq!(
        project.ok(&["diff", "old.toml", "codes.toml"]),
        "no changes\n"
    );
    assert_eq!(
        project.ok(&["diff", "old.toml", "codes.toml", "--format", "json"]),
        "[]\n"
    );
}

const EDITS: &[&[&str]] = &[
    &["set", "429", "--service", "web_api", "--retry", "backoff"],
    &["set", "100", "--description", "Go on."],
    &["remove", "500", "--service", "web_api"],
    &["service", "remove", "rest_client"],
];

#[test]
fn changes_are_listed_with_what_breaks() {
    let project = edited(EDITS);
    let out = project.ok(&["diff", "old.toml", "codes.toml"]);
    let expected = "\
base: 100 description \"Interim response telling the client that the request head was accepted and it should go on to send the body.\" -> \"Go on.\"
service `huawei_cloud`: 100 description \"Interim response telling the client that the request head was accepted and it should go on to send the body.\" -> \"Go on.\"
service `rest_client`: removed [breaking]
service `web_api`: 429 retry \"retry-after\" -> \"backoff\"
service `web_api`: removed 500 \"Internal Server Error\" [breaking]
5 changes, 2 breaking
";
    assert_eq!(out, expected);
}

#[test]
fn json_lists_each_change_as_an_object() {
    let project = edited(EDITS);
    let out = project.ok(&["diff", "old.toml", "codes.toml", "--format", "json"]);
    let removed = "  {
    \"kind\": \"removed\",
    \"scope\": \"web_api\",
    \"code\": 500,
    \"field\": null,
    \"old\": \"Internal Server Error\",
    \"new\": null,
    \"breaking\": true
  }";
    assert!(out.contains(removed), "{out}");
    let changed = "  {
    \"kind\": \"changed\",
    \"scope\": \"web_api\",
    \"code\": 429,
    \"field\": \"retry\",
    \"old\": \"retry-after\",
    \"new\": \"backoff\",
    \"breaking\": false
  }";
    assert!(out.contains(changed), "{out}");
    assert_eq!(out.matches("\"kind\"").count(), 5);
}

#[test]
fn deny_breaking_fails_only_on_breaking_changes() {
    let project = edited(EDITS);
    let run = project.run(&["diff", "old.toml", "codes.toml", "--deny", "breaking"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.ends_with("5 changes, 2 breaking\n"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "error: 2 breaking changes (`--deny breaking`)\n"
    );
    let harmless = edited(&[&["set", "429", "--service", "web_api", "--retry", "backoff"]]);
    let out = harmless.ok(&["diff", "old.toml", "codes.toml", "--deny", "breaking"]);
    assert!(out.ends_with("1 change, 0 breaking\n"), "{out}");
}

#[test]
fn a_derived_rename_is_breaking() {
    let project = edited(&[&["set", "404", "--reason", "Nothing Here"]]);
    let out = project.ok(&["diff", "old.toml", "codes.toml", "--format", "json"]);
    assert_eq!(out.matches("\"breaking\": true").count(), 5, "{out}");
    let text = project.ok(&["diff", "old.toml", "codes.toml"]);
    assert!(
        text.contains("base: 404 name \"NotFound\" -> \"NothingHere\" [breaking]\n"),
        "{text}"
    );
    // Renaming it back undoes the break.
    let out = project.ok(&["diff", "codes.toml", "codes.toml", "--deny", "breaking"]);
    assert_eq!(out, "no changes\n");
}
