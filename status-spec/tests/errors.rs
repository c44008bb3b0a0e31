//! One bad spec per rule: each asserts the message, line and column of every problem found.

use status_spec::{Diagnostic, Spec};

/// Parses `src`, expecting failure, and returns (line, column, message) of each problem.
fn problems(src: &str) -> Vec<(usize, usize, String)> {
    let diags: Vec<Diagnostic> = Spec::parse(src).expect_err("the spec should be rejected");
    diags
        .into_iter()
        .map(|d| (d.line, d.column, d.message))
        .collect()
}

fn one(src: &str) -> (usize, usize, String) {
    let mut all = problems(src);
    assert_eq!(all.len(), 1, "expected one problem, got {all:?}");
    all.remove(0)
}

fn help(src: &str) -> Option<String> {
    Spec::parse(src).expect_err("rejected")[0].help.clone()
}

fn p(line: usize, column: usize, message: &str) -> (usize, usize, String) {
    (line, column, message.to_owned())
}

#[test]
fn toml_syntax() {
    let (line, column, message) = one("[codes.200]\nreason = \"OK\n");
    assert_eq!((line, column), (2, 13));
    // toml's own wording, first line only and trimmed.
    assert_eq!(message, "invalid TOML: invalid basic string, expected `\"`");
}

#[test]
fn unknown_top_level_key() {
    let src = "[code.200]\nreason = \"OK\"\n";
    assert_eq!(one(src), p(1, 2, "unknown key `code` at the top level"));
    assert_eq!(help(src).as_deref(), Some("did you mean `codes`?"));
}

#[test]
fn unknown_entry_key() {
    let src = "[codes.200]\nreason = \"OK\"\nretyr = \"never\"\n";
    assert_eq!(one(src), p(3, 1, "unknown key `retyr` in `codes.200`"));
    assert_eq!(help(src).as_deref(), Some("did you mean `retry`?"));
}

#[test]
fn unknown_service_key() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200]\nurl = \"x\"\n";
    assert_eq!(one(src), p(5, 1, "unknown key `url` in service `a`"));
    assert!(help(src).is_some_and(|h| h.starts_with("valid keys are `description`")));
}

#[test]
fn wrong_value_types() {
    let src = "[codes.200]\nreason = 200\n[codes.201]\nreason = \"Created\"\naliases = \"Made\"\n[services.a]\ncodes = [\"200\"]\n";
    assert_eq!(
        problems(src),
        vec![
            p(
                2,
                10,
                "expected a string for `reason` of `codes.200`, found integer"
            ),
            p(
                5,
                11,
                "expected an array for `aliases` of `codes.201`, found string"
            ),
            p(
                7,
                10,
                "expected an integer for an item of `codes` of service `a`, found string"
            ),
        ]
    );
}

#[test]
fn code_out_of_range_as_key() {
    let src = "[codes.600]\nreason = \"Nope\"\n[codes.42]\nreason = \"Answer\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(1, 8, "`600` in `codes` is not a status code"),
            p(3, 8, "`42` in `codes` is not a status code")
        ]
    );
    assert_eq!(
        help(src).as_deref(),
        Some("expected a number from 100 to 599")
    );
}

#[test]
fn code_not_a_number_as_key() {
    assert_eq!(
        one("[codes.abc]\nreason = \"x\"\n"),
        p(1, 8, "`abc` in `codes` is not a status code")
    );
}

#[test]
fn code_out_of_range_in_list() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200, 99, 70000]\n";
    assert_eq!(
        problems(src),
        vec![
            p(4, 15, "`99` in `codes` of service `a` is not a status code"),
            p(
                4,
                19,
                "`70000` in `codes` of service `a` is not a status code"
            ),
        ]
    );
}

#[test]
fn missing_reason() {
    let src = "[codes.200]\ndescription = \"fine\"\n";
    assert_eq!(one(src), p(1, 8, "missing `reason` in `codes.200`"));
}

#[test]
fn empty_reason() {
    assert_eq!(
        one("[codes.200]\nreason = \"  \"\n"),
        p(2, 10, "empty `reason` in `codes.200`")
    );
}

#[test]
fn invalid_retry_value() {
    let src = "[codes.429]\nreason = \"Too Many Requests\"\nretry = \"retry_after\"\n";
    assert_eq!(
        one(src),
        p(
            3,
            9,
            "invalid value `retry_after` for `retry` of `codes.429`"
        )
    );
    assert_eq!(help(src).as_deref(), Some("did you mean `retry-after`?"));
    let src = "[codes.429]\nreason = \"Too Many Requests\"\nretry = \"later\"\n";
    assert_eq!(
        help(src).as_deref(),
        Some("expected one of `never`, `modify`, `reauthenticate`, `backoff` and `retry-after`")
    );
}

#[test]
fn invalid_status_value() {
    let src = "[codes.306]\nreason = \"Unused\"\nstatus = \"gone\"\n";
    assert_eq!(
        one(src),
        p(3, 10, "invalid value `gone` for `status` of `codes.306`")
    );
}

#[test]
fn given_name_not_an_identifier() {
    let src = "[codes.200]\nreason = \"OK\"\nname = \"2xxOk\"\n[codes.201]\nreason = \"Created\"\nname = \"Self\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(
                3,
                8,
                "variant name `2xxOk` of `codes.200` starts with a digit"
            ),
            p(6, 8, "variant name `Self` of `codes.201` is a Rust keyword"),
        ]
    );
}

#[test]
fn derived_name_not_an_identifier() {
    let src = "[codes.299]\nreason = \"2 Many\"\n[codes.298]\nreason = \"!!\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(
                2,
                10,
                "the variant name `2Many` derived from reason `2 Many` starts with a digit"
            ),
            p(
                4,
                10,
                "the variant name `` derived from reason `!!` is empty"
            ),
        ]
    );
    assert_eq!(
        help(src).as_deref(),
        Some("set `name` in `codes.299` to a Rust identifier")
    );
}

#[test]
fn reserved_other_name() {
    let src = "[codes.299]\nreason = \"Other\"\n";
    assert_eq!(
        one(src),
        p(
            2,
            10,
            "the variant name `Other` derived from reason `Other` is reserved for the catch-all variant of generated sets"
        )
    );
}

#[test]
fn names_collide_in_base() {
    let src = "[codes.200]\nreason = \"OK\"\n[codes.201]\nreason = \"Ok\"\n[codes.202]\nreason = \"Accepted\"\nname = \"Ok\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(
                4,
                10,
                "variant name `Ok` of 201 is already used by 200 in the base registry"
            ),
            p(
                7,
                8,
                "variant name `Ok` of 202 is already used by 200 in the base registry"
            ),
        ]
    );
}

#[test]
fn names_collide_in_service_after_override() {
    let src = "[codes.200]\nreason = \"OK\"\n[codes.201]\nreason = \"Created\"\n\
               [services.a]\ncodes = [200, 201]\n[services.a.overrides.201]\nreason = \"Ok.\"\n";
    assert_eq!(
        one(src),
        p(
            8,
            10,
            "variant name `Ok` of 201 is already used by 200 in service `a`"
        )
    );
}

#[test]
fn service_name_not_an_identifier() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.safe-browsing]\ncodes = [200]\n";
    assert_eq!(
        one(src),
        p(
            3,
            11,
            "service name `safe-browsing` is not an identifier: it contains a character other than ASCII letters, digits and `_`"
        )
    );
    assert_eq!(help(src).as_deref(), Some("did you mean `safe_browsing`?"));
}

#[test]
fn service_lists_a_code_twice() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200, 200]\n";
    assert_eq!(one(src), p(4, 15, "service `a` lists 200 twice"));
}

#[test]
fn service_lists_no_codes() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = []\n[services.b]\ndescription = \"b\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(4, 9, "service `a` lists no codes"),
            p(5, 11, "service `b` has no `codes` list")
        ]
    );
}

#[test]
fn service_code_missing_from_base() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200, 499]\n";
    assert_eq!(
        one(src),
        p(
            4,
            15,
            "service `a` lists 499, which the base registry lacks"
        )
    );
    assert_eq!(
        help(src).as_deref(),
        Some("give it a full entry in `[services.a.overrides.499]` with at least `reason`")
    );
}

#[test]
fn service_code_missing_from_base_with_partial_entry() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [499]\n[services.a.overrides.499]\nretry = \"never\"\n";
    assert_eq!(
        one(src),
        p(
            4,
            10,
            "service `a` lists 499, which the base registry lacks"
        )
    );
}

#[test]
fn override_for_unlisted_code() {
    let src = "[codes.200]\nreason = \"OK\"\n[codes.418]\nreason = \"Teapot\"\n\
               [services.a]\ncodes = [200]\n[services.a.overrides.418]\nretry = \"never\"\n";
    assert_eq!(
        one(src),
        p(7, 23, "override for 418, which service `a` does not list")
    );
    assert_eq!(help(src).as_deref(), Some("add 418 to `services.a.codes`"));
}

#[test]
fn every_problem_in_one_pass() {
    let src = "[codes.200]\nreason = \"\"\n[codes.700]\nreason = \"x\"\n[services.a]\ncodes = [200, 200]\nbogus = 1\n";
    assert_eq!(
        problems(src),
        vec![
            p(2, 10, "empty `reason` in `codes.200`"),
            p(3, 8, "`700` in `codes` is not a status code"),
            p(6, 15, "service `a` lists 200 twice"),
            p(7, 1, "unknown key `bogus` in service `a`"),
        ]
    );
}

#[test]
fn invalid_unlisted_retry_value() {
    let src =
        "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200]\nunlisted_retry = \"backof\"\n";
    assert_eq!(
        one(src),
        p(
            5,
            18,
            "invalid value `backof` for `unlisted_retry` of service `a`"
        )
    );
    assert_eq!(help(src).as_deref(), Some("did you mean `backoff`?"));
}

#[test]
fn code_keys_need_exactly_three_digits() {
    let src = "[codes.0429]\nreason = \"Too Many Requests\"\n[codes.\"+429\"]\nreason = \"x\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(1, 8, "`0429` in `codes` is not a status code"),
            p(3, 8, "`+429` in `codes` is not a status code")
        ]
    );
}

#[test]
fn toml_errors_are_one_line() {
    let (_, _, message) = one("[codes.200]\nreason = \"OK\n");
    assert!(!message.contains('\n'), "{message}");
    assert!(message.len() > "invalid TOML: ".len() + 3, "{message}");
    let (_, _, message) = one("[codes.200\n");
    assert!(
        !message.contains('\n') && message.starts_with("invalid TOML: "),
        "{message}"
    );
}

#[test]
fn several_problems_render_one_after_another() {
    let src = "[codes.200]\nreason = \"\"\n[codes.700]\nreason = \"x\"\n";
    let err = status_spec::Spec::parse_named("codes.toml", src).expect_err("two problems");
    let text = err.to_string();
    assert!(
        text.starts_with("codes.toml:2:10: empty `reason` in `codes.200`\n"),
        "{text}"
    );
    assert!(
        text.contains("^^\ncodes.toml:3:8: `700` in `codes` is not a status code\n"),
        "{text}"
    );
}

#[test]
fn a_broken_full_entry_reports_only_its_own_problem() {
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200, 499]\n[services.a.overrides.499]\nreason = 499\n";
    assert_eq!(
        one(src),
        p(
            6,
            10,
            "expected a string for `reason` of `services.a.overrides.499`, found integer"
        )
    );
}

#[test]
fn service_names_get_suggestions() {
    let spec =
        Spec::parse("[codes.200]\nreason = \"OK\"\n[services.safe_browsing]\ncodes = [200]\n")
            .expect("valid");
    assert_eq!(
        status_spec::suggest_service(&spec, "safe_browsin"),
        Some("safe_browsing")
    );
    assert_eq!(status_spec::suggest_service(&spec, "billing"), None);
}

#[test]
fn top_level_tables_of_the_wrong_type() {
    let src = "codes = 5\nservices = \"none\"\n";
    assert_eq!(
        problems(src),
        vec![
            p(1, 9, "expected a table for `codes`, found integer"),
            p(2, 12, "expected a table for `services`, found string"),
        ]
    );
    let src = "[codes]\n200 = \"OK\"\n[services]\na = 1\n";
    assert_eq!(
        problems(src),
        vec![
            p(2, 7, "expected a table for `codes.200`, found string"),
            p(4, 5, "expected a table for service `a`, found integer"),
        ]
    );
}

// ---- `[services.NAME.backoff]` ------------------------------------------------------------

/// A one-service spec whose back-off table holds `body`; the table starts on line 5.
fn with_backoff(body: &str) -> String {
    format!(
        "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200]\n[services.a.backoff]\n{body}"
    )
}

#[test]
fn backoff_bad_duration() {
    let src = with_backoff("initial = \"15 min\"\nmax = \"1d\"\n");
    assert_eq!(
        problems(&src),
        vec![
            p(
                6,
                11,
                "invalid duration `15 min` for `initial` of `services.a.backoff`"
            ),
            p(
                7,
                7,
                "invalid duration `1d` for `max` of `services.a.backoff`"
            ),
        ]
    );
    assert_eq!(
        help(&src).as_deref(),
        Some(
            "expected a whole number and a unit: `ms`, `s`, `m` or `h`, e.g. `\"500ms\"` or `\"15m\"`"
        )
    );
    let src = with_backoff("initial = 15\nmax = \"1s\"\n");
    assert_eq!(
        one(&src),
        p(
            6,
            11,
            "expected a string for `initial` of `services.a.backoff`, found integer"
        )
    );
}

#[test]
fn backoff_factor_below_one() {
    let src = with_backoff("initial = \"1s\"\nmax = \"1m\"\nfactor = 0.5\n");
    assert_eq!(
        one(&src),
        p(
            8,
            10,
            "invalid factor `0.5` for `factor` of `services.a.backoff`: it must be a number of at least 1"
        )
    );
    for bad in ["0", "-2", "nan", "inf"] {
        let src = with_backoff(&format!("initial = \"1s\"\nmax = \"1m\"\nfactor = {bad}\n"));
        assert_eq!(one(&src).0, 8, "{bad}");
    }
    let src = with_backoff("initial = \"1s\"\nmax = \"1m\"\nfactor = \"2\"\n");
    assert_eq!(
        one(&src),
        p(
            8,
            10,
            "expected a number for `factor` of `services.a.backoff`, found string"
        )
    );
}

#[test]
fn backoff_initial_longer_than_max() {
    let src = with_backoff("initial = \"20s\"\nmax = \"5000ms\"\n");
    assert_eq!(
        one(&src),
        p(
            6,
            11,
            "`initial` (20s) is longer than `max` (5s) in `services.a.backoff`"
        )
    );
}

#[test]
fn backoff_unknown_jitter() {
    let src = with_backoff("initial = \"1s\"\nmax = \"1m\"\njitter = \"proportionate\"\n");
    assert_eq!(
        one(&src),
        p(
            8,
            10,
            "invalid value `proportionate` for `jitter` of `services.a.backoff`"
        )
    );
    assert_eq!(help(&src).as_deref(), Some("did you mean `proportional`?"));
}

#[test]
fn backoff_unknown_key() {
    let src = with_backoff("initial = \"1s\"\nmax = \"1m\"\nmax_retry = 3\n");
    assert_eq!(
        one(&src),
        p(8, 1, "unknown key `max_retry` in `services.a.backoff`")
    );
    assert_eq!(help(&src).as_deref(), Some("did you mean `max_retries`?"));
}

#[test]
fn backoff_missing_bounds() {
    let src = with_backoff("factor = 3\n");
    assert_eq!(
        problems(&src),
        vec![
            p(5, 13, "missing `initial` in `services.a.backoff`"),
            p(5, 13, "missing `max` in `services.a.backoff`"),
        ]
    );
    assert_eq!(
        help(&src).as_deref(),
        Some("add e.g. `initial = \"500ms\"`")
    );
}

#[test]
fn backoff_bad_max_retries_and_table_type() {
    let src = with_backoff("initial = \"1s\"\nmax = \"1m\"\nmax_retries = -1\n");
    assert_eq!(
        one(&src),
        p(
            8,
            15,
            "invalid count `-1` for `max_retries` of `services.a.backoff`"
        )
    );
    let src = "[codes.200]\nreason = \"OK\"\n[services.a]\ncodes = [200]\nbackoff = \"15m\"\n";
    assert_eq!(
        one(src),
        p(
            5,
            11,
            "expected a table for `services.a.backoff`, found string"
        )
    );
}

#[test]
fn backoff_every_problem_in_one_pass() {
    let src = with_backoff("initial = \"1h\"\nmax = \"1m\"\nfactor = 0\njitter = \"half\"\n");
    let lines: Vec<usize> = problems(&src).into_iter().map(|(line, ..)| line).collect();
    assert_eq!(lines, [6, 8, 9], "initial > max, factor, jitter");
}

#[test]
fn backoff_values_reach_the_model() {
    let src = with_backoff(
        "initial = \"500ms\"\nmax = \"20s\"\nfactor = 1.5\njitter = \"none\"\nmax_retries = 4\n",
    );
    let spec = status_spec::Spec::parse(&src).expect("valid");
    let policy = spec.service("a").and_then(|s| s.backoff).expect("a policy");
    assert_eq!(
        (
            policy.initial,
            policy.max,
            policy.factor,
            policy.jitter,
            policy.max_retries
        ),
        (
            std::time::Duration::from_millis(500),
            std::time::Duration::from_secs(20),
            1.5,
            status_spec::Jitter::None,
            Some(4)
        )
    );
    let defaults =
        status_spec::Spec::parse(&with_backoff("initial = \"1s\"\nmax = \"1s\"\n")).expect("valid");
    let policy = defaults
        .service("a")
        .and_then(|s| s.backoff)
        .expect("a policy");
    assert_eq!(
        (policy.factor, policy.jitter, policy.max_retries),
        (2.0, status_spec::Jitter::Full, None)
    );
}

#[test]
fn expires_must_be_a_date() {
    let src = "[codes.104]\nreason = \"Upload Resumption Supported\"\nexpires = \"2026-11-13\"\n\
               [codes.200]\nreason = \"OK\"\nexpires = 2026-11-13T10:00:00\n\
               [services.a]\ncodes = [200]\n[services.a.overrides.200]\nexpires = 20261113\n";
    assert_eq!(
        problems(src),
        vec![
            p(
                3,
                11,
                "expected a date for `expires` of `codes.104`, found string"
            ),
            p(
                6,
                11,
                "expected a date for `expires` of `codes.200`, found `2026-11-13T10:00:00`"
            ),
            p(
                10,
                11,
                "expected a date for `expires` of `services.a.overrides.200`, found integer"
            ),
        ]
    );
    assert_eq!(
        help(src).as_deref(),
        Some("write a date without quotes, e.g. `expires = 2026-11-13`")
    );
}

#[test]
fn expires_is_read_on_entries_and_overrides() {
    let src = "[codes.104]\nreason = \"Upload Resumption Supported\"\nstatus = \"temporary\"\nexpires = 2026-11-13\n\
               [services.a]\ncodes = [104]\n[services.a.overrides.104]\nexpires = 2027-01-31\n";
    let spec = Spec::parse(src).expect("valid");
    let base = spec
        .code(104)
        .and_then(|e| e.expires)
        .map(|d| d.to_string());
    assert_eq!(base.as_deref(), Some("2026-11-13"));
    let service = spec.service("a").and_then(|s| s.entry(104));
    let over = service.and_then(|e| e.expires).map(|d| d.to_string());
    assert_eq!(over.as_deref(), Some("2027-01-31"));
}

#[test]
fn expires_needs_a_real_day() {
    let src = "[codes.104]\nreason = \"Upload Resumption Supported\"\nexpires = 2026-02-30\n";
    // toml itself rejects a day that does not exist, before the spec's own check.
    assert_eq!(
        one(src),
        p(
            3,
            11,
            "invalid TOML: invalid date, expected day between 01 and 28"
        )
    );
}
