//! `check`: validation results for people and for tools.

mod common;

use common::{Project, SHIPPED, SMALL};

fn counts(text: &str) -> (usize, usize) {
    let spec = status_spec::Spec::parse(text).expect("the shipped spec is valid");
    (spec.codes().count(), spec.services().count())
}

#[test]
fn the_shipped_spec_is_valid() {
    let (codes, services) = counts(SHIPPED);
    let out = Project::shipped().ok(&["check"]);
    assert_eq!(
        out,
        format!("`codes.toml` is valid: {codes} codes, {services} services\n")
    );
}

#[test]
fn spec_is_a_global_option() {
    let project = Project::empty();
    std::fs::write(project.dir().join("other.toml"), SMALL).expect("write");
    let expected = "`other.toml` is valid: 3 codes, 1 service\n";
    assert_eq!(project.ok(&["--spec", "other.toml", "check"]), expected);
    assert_eq!(project.ok(&["check", "--spec", "other.toml"]), expected);
}

const BROKEN: &str =
    "[codes.200]\nreason = \"OK\"\nretry = \"nevr\"\n\n[services.shop]\ncodes = [200, 404]\n";

#[test]
fn problems_are_rendered_like_rustc() {
    let project = Project::with(BROKEN);
    let stderr = project.fails(1, &["check"]);
    let expected = "\
error: `codes.toml` is not a valid spec: 2 problems

error: invalid value `nevr` for `retry` of `codes.200`
 --> codes.toml:3:9
  |
3 | retry = \"nevr\"
  |         ^^^^^^
  |
  = help: did you mean `never`?

error: service `shop` lists 404, which the base registry lacks
 --> codes.toml:6:15
  |
6 | codes = [200, 404]
  |               ^^^
  |
  = help: give it a full entry in `[services.shop.overrides.404]` with at least `reason`
";
    assert_eq!(stderr, expected);
}

#[test]
fn json_lists_every_problem() {
    let project = Project::with(BROKEN);
    let run = project.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let expected = r#"[
  {
    "path": "codes.toml",
    "line": 3,
    "column": 9,
    "message": "invalid value `nevr` for `retry` of `codes.200`",
    "help": "did you mean `never`?"
  },
  {
    "path": "codes.toml",
    "line": 6,
    "column": 15,
    "message": "service `shop` lists 404, which the base registry lacks",
    "help": "give it a full entry in `[services.shop.overrides.404]` with at least `reason`"
  }
]
"#;
    assert_eq!(run.stdout, expected);
}

#[test]
fn json_of_a_valid_spec_is_an_empty_array() {
    assert_eq!(
        Project::shipped().ok(&["check", "--format", "json"]),
        "[]\n"
    );
}

#[test]
fn invalid_toml_is_shown_where_it_is() {
    let stderr = Project::with("[codes.200\nreason = \"OK\"\n").fails(1, &["check"]);
    let expected = "\
error: `codes.toml` is not a valid spec: 1 problem

error: invalid TOML: unclosed table, expected `]`
 --> codes.toml:1:11
  |
1 | [codes.200
  |           ^
";
    assert_eq!(stderr, expected);
}

#[test]
fn without_a_spec_file_the_embedded_registry_is_checked() {
    let run = Project::empty().run(&["check"]);
    assert_eq!(run.code, 0);
    let (codes, services) = counts(status_spec::EMBEDDED_SOURCE);
    assert_eq!(
        run.stdout,
        format!("`<embedded codes.toml>` is valid: {codes} codes, {services} services\n")
    );
    assert_eq!(
        run.stderr,
        "note: no `codes.toml` in the current directory; using the embedded default registry\n"
    );
}

#[test]
fn a_named_spec_that_is_missing_is_an_error() {
    let stderr = Project::empty().fails(1, &["--spec", "missing.toml", "check"]);
    assert_eq!(
        stderr,
        "error: cannot read `missing.toml`: no such file or directory\n"
    );
}

#[test]
fn a_lapsed_registration_is_a_warning() {
    let project = Project::shipped();
    let on_the_day = project.run_on("2026-11-13", &["check"]);
    assert_eq!((on_the_day.code, on_the_day.stderr.as_str()), (0, ""));
    let after = project.run_on("2026-11-14", &["check"]);
    assert_eq!(after.code, 0, "a warning does not fail the check");
    assert!(after.stdout.starts_with("`codes.toml` is valid"));
    assert_eq!(
        after.stderr,
        "warning: 104 Upload Resumption Supported expired on 2026-11-13; renew its registration or update the entry\n"
    );
}

#[test]
fn a_bad_today_override_is_an_error() {
    let run = Project::shipped().run_on("tomorrow", &["check"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: `STATUS_CODES_TODAY` is `tomorrow`, which is not a date such as `2026-11-13`\n"
    );
}
