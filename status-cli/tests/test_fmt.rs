//! `fmt`: canonical layout and order, every comment kept, idempotent.

mod common;

use common::{Project, SHIPPED, SMALL, assert_comments_kept, comment_lines};

#[test]
fn the_shipped_spec_is_formatted() {
    let project = Project::shipped();
    let run = project.run(&["fmt", "--check"]);
    assert_eq!(
        run.code, 0,
        "codes.toml is not in canonical form; run `status-codes fmt`:\n{}",
        run.stdout
    );
}

#[test]
fn fmt_is_idempotent_on_the_shipped_spec() {
    let project = Project::shipped();
    project.ok(&["fmt"]);
    let once = project.spec();
    project.ok(&["fmt"]);
    assert_eq!(project.spec(), once);
    project.ok(&["fmt", "--check"]);
    assert_eq!(comment_lines(&once), comment_lines(SHIPPED));
}

/// SMALL, shuffled: tables, keys and codes out of order, spacing off.
const SHUFFLED: &str = r#"#:schema ./codes.schema.json
# A small spec for tests.

[codes.429]
retry = "retry-after"
reason = "Too Many Requests"

# ---- services ----

[services.shop]
codes = [429, 200,404]
description = "A shop"
# The shop says it differently.
[services.shop.overrides.404]
reason = "No Such Item"


[codes.404]
# about 404's retry
retry="modify"
reason = "Not Found"
[codes.200]
reason = "OK"
retry = "never"   # nothing to retry
"#;

#[test]
fn fmt_restores_the_canonical_form() {
    let project = Project::with(SHUFFLED);
    project.ok(&["fmt"]);
    let expected = r#"#:schema ./codes.schema.json
# A small spec for tests.

[codes.200]
reason = "OK"
retry = "never" # nothing to retry

[codes.404]
reason = "Not Found"
# about 404's retry
retry = "modify"

[codes.429]
reason = "Too Many Requests"
retry = "retry-after"

# ---- services ----

[services.shop]
description = "A shop"
codes = [200, 404, 429]

# The shop says it differently.
[services.shop.overrides.404]
reason = "No Such Item"
"#;
    assert_eq!(project.spec(), expected);
    assert_eq!(expected, SMALL);
    assert_comments_kept(SHUFFLED, &project.spec(), &[]);
}

#[test]
fn check_prints_a_diff_and_leaves_the_file() {
    let project =
        Project::with("[codes.404]\nreason = \"Not Found\"\n\n[codes.200]\nreason = \"OK\"\n");
    let run = project.run(&["fmt", "--check"]);
    assert_eq!(run.code, 1);
    let diff = "\
--- codes.toml
+++ codes.toml (formatted)
@@ -1,5 +1,5 @@
-[codes.404]
-reason = \"Not Found\"
-
 [codes.200]
 reason = \"OK\"
+
+[codes.404]
+reason = \"Not Found\"
";
    assert_eq!(run.stdout, diff);
    assert_eq!(
        run.stderr,
        "error: `codes.toml` is not formatted; run `status-codes fmt` to fix it\n"
    );
    assert_eq!(
        project.spec(),
        "[codes.404]\nreason = \"Not Found\"\n\n[codes.200]\nreason = \"OK\"\n"
    );
}

#[test]
fn long_code_lists_get_a_line_per_class() {
    let base: String = SHIPPED
        .split("\n[services.")
        .next()
        .unwrap_or_default()
        .to_owned();
    let all = status_spec::Spec::parse(SHIPPED)
        .expect("valid")
        .codes()
        .map(|e| e.code.to_string())
        .collect::<Vec<_>>();
    let project = Project::with(&format!(
        "{base}\n[services.all]\ncodes = [{}]\n",
        all.join(", ")
    ));
    project.ok(&["fmt"]);
    let spec = project.spec();
    let list = spec
        .split("[services.all]\ncodes = [\n")
        .nth(1)
        .expect("a multi-line list");
    let lines: Vec<&str> = list.lines().take_while(|l| *l != "]").collect();
    for line in &lines {
        assert!(line.len() <= 100, "{line}");
        let classes: Vec<char> = line
            .trim()
            .split(", ")
            .filter_map(|c| c.chars().next())
            .collect();
        assert!(
            classes.windows(2).all(|w| w[0] == w[1]),
            "one class per line: {line}"
        );
    }
    project.ok(&["fmt", "--check"]);
}

#[test]
fn an_invalid_spec_is_not_formatted() {
    let project = Project::with(
        "[codes.404]\nreason = \"Not Found\"\nretry = 3\n\n[codes.200]\nreason = \"OK\"\n",
    );
    let stderr = project.fails(1, &["fmt"]);
    assert!(
        stderr
            .starts_with("error: cannot format `codes.toml`: it is not a valid spec: 1 problem\n"),
        "{stderr}"
    );
    assert!(stderr.contains(" --> codes.toml:3:9\n"), "{stderr}");
}

#[test]
fn fmt_needs_a_file() {
    let stderr = Project::empty().fails(1, &["fmt"]);
    assert_eq!(
        stderr,
        "error: no `codes.toml` in the current directory; pass `--spec PATH` to name the spec file\n"
    );
}
