//! `doc`: a Markdown reference of the whole spec.

mod common;

use common::{Project, SHIPPED};

#[test]
fn the_shipped_reference() {
    let out = Project::shipped().ok(&["doc"]);
    insta::assert_snapshot!("doc_shipped", out);
}

#[test]
fn every_code_and_service_has_a_section() {
    let out = Project::shipped().ok(&["doc"]);
    let spec = status_spec::Spec::parse(SHIPPED).expect("valid");
    for entry in spec.codes() {
        assert!(
            out.contains(&format!("\n### {} {}\n", entry.code, entry.reason)),
            "{}",
            entry.code
        );
    }
    for service in spec.services() {
        assert!(
            out.contains(&format!("\n### `{}`\n", service.name)),
            "{}",
            service.name
        );
        for code in service.codes().filter(|c| service.is_overridden(*c)) {
            assert!(
                out.contains(&format!("\n#### {code} ")),
                "{} {code}",
                service.name
            );
        }
    }
}

#[test]
fn doc_writes_a_file() {
    let project = Project::shipped();
    let stdout = project.ok(&["doc", "--out", "STATUS_CODES.md"]);
    assert_eq!(stdout, "");
    let written = std::fs::read_to_string(project.dir().join("STATUS_CODES.md")).expect("written");
    assert_eq!(written, project.ok(&["doc"]));
}
