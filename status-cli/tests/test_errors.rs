//! Bad input: a clear one-line `error: ...` (plus the rendered snippet where there is a
//! location), a non-zero exit, and the spec file byte-for-byte unchanged.

mod common;

use std::os::unix::fs::PermissionsExt as _;

use common::{Project, SMALL};

#[test]
fn a_missing_spec_file() {
    let project = Project::empty();
    for args in [
        &["--spec", "nope.toml", "list"][..],
        &["--spec", "nope.toml", "add", "200", "--reason", "OK"],
    ] {
        assert_eq!(
            project.fails(1, args),
            "error: cannot read `nope.toml`: no such file or directory\n"
        );
    }
    let stderr = project.fails(1, &["remove", "200"]);
    assert_eq!(
        stderr,
        "error: no `codes.toml` in the current directory; pass `--spec PATH` to name the spec file\n"
    );
}

#[test]
fn a_spec_path_under_a_file() {
    let project = Project::with(SMALL);
    let stderr = project.fails(1, &["--spec", "codes.toml/codes.toml", "check"]);
    assert_eq!(
        stderr,
        "error: cannot read `codes.toml/codes.toml`: a component of the path is not a directory\n"
    );
}

#[test]
fn invalid_toml_is_not_edited() {
    let project = Project::with("[codes.200\nreason = \"OK\"\n");
    let stderr = project.fails(1, &["add", "404", "--reason", "Not Found"]);
    let expected = "\
error: cannot edit `codes.toml`: it is not valid TOML

error: invalid TOML: unclosed table, expected `]`
 --> codes.toml:1:11
  |
1 | [codes.200
  |           ^
";
    assert_eq!(stderr, expected);
}

#[test]
fn an_unknown_service_gets_a_suggestion() {
    let project = Project::shipped();
    let expected = "error: unknown service `safe_browsin`; did you mean `safe_browsing`?\n";
    for args in [
        &["list", "--service", "safe_browsin"][..],
        &["expand", "--service", "safe_browsin"],
        &["add", "200", "--service", "safe_browsin"],
        &["remove", "200", "--service", "safe_browsin"],
        &["service", "remove", "safe_browsin"],
    ] {
        assert_eq!(project.fails(1, args), expected, "{args:?}");
    }
    let far = project.fails(1, &["list", "--service", "billing"]);
    assert!(
        far.starts_with("error: unknown service `billing`; the spec defines `huawei_cloud`, "),
        "{far}"
    );
}

#[test]
fn an_unknown_code() {
    let project = Project::shipped();
    assert_eq!(
        project.fails(1, &["remove", "299"]),
        "error: code 299 is not in the base registry of `codes.toml`\n"
    );
    assert_eq!(
        project.fails(1, &["remove", "418", "--service", "web_api"]),
        "error: service `web_api` does not list 418\n"
    );
    let stderr = project.fails(1, &["expand", "--codes", "429,299"]);
    assert_eq!(
        stderr,
        "error: `299` in `--codes`: code 299 is not in the spec's base registry\n"
    );
}

#[test]
fn bad_flag_values_are_caught_by_the_parser() {
    let project = Project::shipped();
    let cases: [(&[&str], &str); 6] = [
        (
            &["add", "600", "--reason", "X"],
            "error: invalid value '600' for '<CODE>': 600 is not in 100..=599",
        ),
        (
            &["add", "404", "--service", "web_api", "--retry", "soon"],
            "error: invalid value 'soon' for '--retry <RETRY>'",
        ),
        (
            &["list", "--format", "xml"],
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["check", "--format", "yaml"],
            "error: invalid value 'yaml' for '--format <FORMAT>'",
        ),
        (
            &["service", "add", "x", "--codes", "200,abc"],
            "error: invalid value 'abc' for '--codes <CODES>...'",
        ),
        (
            &["expand", "--codes", "6xx"],
            "error: invalid value '6xx' for '--codes <LIST>': `6xx` is not a status code",
        ),
    ];
    for (args, start) in cases {
        let stderr = project.fails(2, args);
        assert!(stderr.starts_with(start), "{args:?}: {stderr}");
    }
    let stderr = project.fails(2, &["add", "499"]);
    assert!(
        stderr.contains("--reason <REASON>"),
        "a base entry needs a reason: {stderr}"
    );
    let stderr = project.fails(2, &["expand", "--service", "web_api", "--all"]);
    assert!(stderr.contains("cannot be used with"), "{stderr}");
}

#[test]
fn an_edit_that_would_break_the_spec_is_refused() {
    let project = Project::with(SMALL);
    let stderr = project.fails(1, &["add", "500", "--service", "shop"]);
    let expected = "\
error: refusing to write `codes.toml`: the edit would leave 1 problem

error: service `shop` lists 500, which the base registry lacks
  --> codes.toml (after the edit):21:25
   |
21 | codes = [200, 404, 429, 500]
   |                         ^^^
   |
   = help: give it a full entry in `[services.shop.overrides.500]` with at least `reason`
";
    assert_eq!(stderr, expected);
    let stderr = project.fails(1, &["add", "201", "--reason", "Made", "--name", "match"]);
    assert!(
        stderr.contains("error: variant name `match` of `codes.201` is a Rust keyword\n"),
        "{stderr}"
    );
    let stderr = project.fails(1, &["service", "add", "Bad-Name", "--codes", "200"]);
    assert!(
        stderr.contains("error: service name `Bad-Name` is not an identifier"),
        "{stderr}"
    );
    let stderr = project.fails(1, &["service", "add", "shop", "--codes", "200"]);
    assert_eq!(
        stderr,
        "error: service `shop` already exists in `codes.toml`\n"
    );
}

#[test]
fn a_read_only_file_is_not_written() {
    let project = Project::with(SMALL);
    std::fs::set_permissions(project.spec_path(), std::fs::Permissions::from_mode(0o444))
        .expect("chmod");
    for args in [
        &["add", "201", "--reason", "Created"][..],
        &["fmt"],
        &["service", "remove", "shop"],
    ] {
        if args == ["fmt"] {
            // Already formatted: nothing to write, so nothing to refuse.
            std::fs::set_permissions(project.spec_path(), std::fs::Permissions::from_mode(0o644))
                .expect("chmod");
            std::fs::write(
                project.spec_path(),
                SMALL.replace("[codes.200]", "[codes.200]\n"),
            )
            .expect("write");
            std::fs::set_permissions(project.spec_path(), std::fs::Permissions::from_mode(0o444))
                .expect("chmod");
        }
        assert_eq!(
            project.fails(1, args),
            "error: cannot write `codes.toml`: the file is read-only\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_read_only_directory_is_not_written() {
    let project = Project::with(SMALL);
    std::fs::set_permissions(project.dir(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores directory permissions; there the refusal cannot be provoked this way.
    let probe = project.dir().join("probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        let _ = std::fs::set_permissions(project.dir(), std::fs::Permissions::from_mode(0o755));
        eprintln!(
            "note: skipping the read-only directory case: running as root, which can write anyway"
        );
        return;
    }
    let stderr = project.fails(1, &["add", "201", "--reason", "Created"]);
    let _ = std::fs::set_permissions(project.dir(), std::fs::Permissions::from_mode(0o755));
    assert_eq!(
        stderr,
        "error: cannot write `codes.toml`: permission denied\n"
    );
}

#[test]
fn an_output_path_under_a_file_is_an_error() {
    let project = Project::with(SMALL);
    let stderr = project.fails(1, &["doc", "--out", "codes.toml/reference.md"]);
    assert_eq!(
        stderr,
        "error: cannot write `codes.toml/reference.md`: a component of the path is not a directory\n"
    );
}

#[test]
fn an_enum_name_must_be_an_identifier() {
    let project = Project::shipped();
    let stderr = project.fails(1, &["expand", "--all", "--name", "2xx"]);
    assert_eq!(
        stderr,
        "error: `2xx` cannot name an enum: it starts with a digit\n"
    );
}

#[test]
fn set_needs_a_field_to_set() {
    let project = Project::with(SMALL);
    for args in [&["set", "200"][..], &["set", "404", "--service", "shop"]] {
        assert_eq!(
            project.fails(1, args),
            "error: nothing to set: give at least one of `--reason`, `--name`, `--retry`, `--description` or `--reference`\n"
        );
    }
}

#[test]
fn set_and_diff_flag_values_are_caught_by_the_parser() {
    let project = Project::with(SMALL);
    std::fs::write(project.dir().join("other.toml"), SMALL).expect("write other.toml");
    let cases: [(&[&str], &str); 4] = [
        (
            &["set", "600", "--reason", "X"],
            "error: invalid value '600' for '<CODE>': 600 is not in 100..=599",
        ),
        (
            &["set", "404", "--retry", "soon"],
            "error: invalid value 'soon' for '--retry <RETRY>'",
        ),
        (
            &["diff", "codes.toml", "other.toml", "--format", "yaml"],
            "error: invalid value 'yaml' for '--format <FORMAT>'",
        ),
        (
            &["diff", "codes.toml", "other.toml", "--deny", "everything"],
            "error: invalid value 'everything' for '--deny <DENY>'",
        ),
    ];
    for (args, start) in cases {
        let stderr = project.fails(2, args);
        assert!(stderr.starts_with(start), "{args:?}: {stderr}");
    }
}

#[test]
fn set_to_an_unusable_value_is_refused() {
    let project = Project::with(SMALL);
    let stderr = project.fails(1, &["set", "404", "--name", "2xx"]);
    assert!(
        stderr.starts_with(
            "error: refusing to write `codes.toml`: the edit would leave 1 problem\n\n\
             error: variant name `2xx` of `codes.404` starts with a digit"
        ),
        "{stderr}"
    );
}

#[test]
fn diff_of_a_missing_or_invalid_file() {
    let project = Project::with(SMALL);
    assert_eq!(
        project.fails(1, &["diff", "codes.toml", "nope.toml"]),
        "error: cannot read `nope.toml`: no such file or directory\n"
    );
    std::fs::write(project.dir().join("bad.toml"), "[codes.200]\nreason = 7\n").expect("write");
    let stderr = project.fails(1, &["diff", "bad.toml", "codes.toml"]);
    assert!(
        stderr.starts_with(
            "error: `bad.toml` is not a valid spec: 1 problem\n\n\
             error: expected a string for `reason` of `codes.200`, found integer\n --> bad.toml:2:10\n"
        ),
        "{stderr}"
    );
}

#[test]
fn sync_iana_rejects_what_is_not_the_registry() {
    let project = Project::with(SMALL);
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(project.dir().join(name), bytes).expect("write the CSV");
    };
    write("list.csv", b"code,phrase\n200,OK\n");
    write(
        "row.csv",
        b"Value,Description,Reference\n200,OK,\n2xx,Success,\n",
    );
    write("empty.csv", b"");
    write(
        "binary.csv",
        b"Value,Description,Reference\n200,\xff\xfe,\n",
    );
    std::fs::create_dir(project.dir().join("dir.csv")).expect("mkdir");
    let not_it = "is not the IANA status code registry's CSV export";
    let cases = [
        (
            "missing.csv",
            "error: cannot read `missing.csv`: no such file or directory".to_owned(),
        ),
        (
            "dir.csv",
            "error: cannot read `dir.csv`: it is a directory".to_owned(),
        ),
        (
            "list.csv",
            format!(
                "error: `list.csv` {not_it}: line 1: expected the header `Value,Description,Reference`, found `code,phrase`"
            ),
        ),
        (
            "row.csv",
            format!(
                "error: `row.csv` {not_it}: line 3: `2xx` is not a status code or a range of them such as `105-199`"
            ),
        ),
        (
            "empty.csv",
            format!("error: `empty.csv` {not_it}: it is empty"),
        ),
        (
            "binary.csv",
            format!("error: `binary.csv` {not_it}: line 2: it is not valid UTF-8"),
        ),
    ];
    for (file, message) in cases {
        for apply in [false, true] {
            let args = if apply {
                vec!["sync-iana", file, "--apply"]
            } else {
                vec!["sync-iana", file]
            };
            assert_eq!(project.fails(1, &args), format!("{message}\n"), "{file}");
        }
    }
}
