//! `sync-iana`: the base registry against a CSV export in the IANA registry's format, written
//! from the registry facts that `status-spec/tests/facts.rs` holds.

mod common;

use common::{Project, SHIPPED, assert_comments_kept};

/// The registry as a CSV export: every code of `facts.rs`'s `IANA_REGISTRY`, the unassigned
/// ranges between them, and the registry's annotations.
const REGISTRY: &str = include_str!("fixtures/iana-http-status-codes.csv");

fn project(spec: &str, csv: &str) -> Project {
    let project = Project::with(spec);
    std::fs::write(project.dir().join("iana.csv"), csv).expect("write iana.csv");
    project
}

#[test]
fn the_shipped_spec_matches_the_registry() {
    let project = project(SHIPPED, REGISTRY);
    assert_eq!(
        project.ok(&["sync-iana", "iana.csv"]),
        "`codes.toml` matches the IANA registry (64 codes assigned)\n"
    );
}

/// The shipped spec as it might have drifted: an old phrase, a lost expiry and status, a
/// code of our own; and a registry that has assigned a new code since.
fn drifted() -> Project {
    let spec = SHIPPED
        .replacen(
            "reason = \"Unprocessable Content\"",
            "reason = \"Unprocessable Entity\"",
            1,
        )
        .replacen(
            "status = \"temporary\"\nexpires = 2026-11-13\n",
            "status = \"temporary\"\n",
            1,
        )
        .replacen(
            "reference = \"RFC 2774, Section 7\"\nstatus = \"obsolete\"\n",
            "reference = \"RFC 2774, Section 7\"\n",
            1,
        )
        .replacen(
            "[codes.300]",
            "# Our own, not IANA's.\n[codes.299]\nreason = \"Misc Success\"\n\n[codes.300]",
            1,
        );
    let csv = REGISTRY.replacen(
        "427,Unassigned,",
        "427,\"Would Block (TEMPORARY - registered 2026-01-01, expires 2027-01-01)\",[draft-example-would-block-00]",
        1,
    );
    assert_ne!(spec, SHIPPED);
    assert_ne!(csv, REGISTRY);
    project(&spec, &csv)
}

const REPORT: &str = "\
expires: 104 (none) -> 2026-11-13
withdrawn: 299 \"Misc Success\" is in the base registry but the registry does not assign it
phrase: 422 \"Unprocessable Entity\" -> \"Unprocessable Content\"
missing: 427 \"Would Block\" is assigned by the registry but not in the base registry
status: 510 permanent -> obsolete
";

#[test]
fn drift_is_reported_and_fails() {
    let project = drifted();
    let before = project.spec();
    let run = project.run(&["sync-iana", "iana.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, REPORT);
    assert_eq!(
        run.stderr,
        "error: `codes.toml` differs from the IANA registry in 5 places; `status-codes sync-iana iana.csv --apply` updates it\n"
    );
    assert_eq!(project.spec(), before, "without --apply nothing is written");
}

#[test]
fn apply_updates_the_base_and_keeps_comments() {
    let project = drifted();
    let before = project.spec();
    let run = project.run(&["sync-iana", "iana.csv", "--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{REPORT}updated the base registry from the IANA registry: added 1 code, changed 3 fields\n"
        )
    );
    assert_eq!(
        run.stderr,
        "note: the variant for 422 in the base registry is renamed from `UnprocessableEntity` to `UnprocessableContent`; code that names `UnprocessableEntity` must change\n\
         note: 299 is kept; `status-codes remove 299` deletes it if it should go\n"
    );
    let spec = project.spec();
    assert_comments_kept(&before, &spec, &[]);
    project.ok(&["check"]);
    // The renamed phrase: the old one is an alias (once), the new one is the reason.
    assert!(
        spec.contains("[codes.422]\nreason = \"Unprocessable Content\"\n"),
        "{spec}"
    );
    assert!(
        spec.contains("aliases = [\"Unprocessable Entity\"]\n\n[codes.423]"),
        "{spec}"
    );
    // The new code, in code order, with the class's advice and the registry's reference.
    let added = "[codes.427]\nreason = \"Would Block\"\nretry = \"modify\"\nreference = \"draft-example-would-block-00\"\nstatus = \"temporary\"\nexpires = 2027-01-01\n\n[codes.428]";
    assert!(spec.contains(added), "{spec}");
    assert!(spec.contains("status = \"temporary\"\nexpires = 2026-11-13\n"));
    assert!(spec.contains("reference = \"RFC 2774, Section 7\"\nstatus = \"obsolete\"\n"));
    assert!(
        spec.contains("# Our own, not IANA's.\n[codes.299]"),
        "withdrawn codes stay"
    );
    // What is left is the withdrawn code, which only the user may delete.
    let run = project.run(&["sync-iana", "iana.csv"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "withdrawn: 299 \"Misc Success\" is in the base registry but the registry does not assign it\n"
    );
    project.ok(&["fmt", "--check"]);
}
