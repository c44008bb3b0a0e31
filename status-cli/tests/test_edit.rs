//! `add`, `remove`, `service add`, `service remove`: edits that keep comments, refuse to
//! write an invalid spec, and survive a round trip through `fmt`.

mod common;

use common::{Project, SHIPPED, SMALL, assert_comments_kept, comment_lines};

/// Runs an edit on a copy of the shipped spec, checks the result, formats it, and checks that
/// every comment of the original (but those in `gone`) is still there.
fn edit_shipped(args: &[&str], gone: &[&str]) -> (Project, String) {
    let project = Project::shipped();
    let out = project.ok(args);
    project.ok(&["check"]);
    assert_comments_kept(SHIPPED, &project.spec(), gone);
    project.ok(&["fmt"]);
    project.ok(&["fmt", "--check"]);
    assert_comments_kept(SHIPPED, &project.spec(), gone);
    (project, out)
}

#[test]
fn add_a_base_entry() {
    let args = [
        "add",
        "499",
        "--reason",
        "Client Closed Request",
        "--retry",
        "backoff",
        "--description",
        "The client went away.",
    ];
    let (project, out) = edit_shipped(&args, &[]);
    assert_eq!(
        out,
        "added 499 Client Closed Request to the base registry\n"
    );
    let list = project.ok(&["list"]);
    assert!(list.contains("499   ClientClosedRequest"), "{list}");
    let spec = project.spec();
    let entry = "[codes.499]\nreason = \"Client Closed Request\"\ndescription = \"The client went away.\"\nretry = \"backoff\"\n\n[codes.500]";
    assert!(spec.contains(entry), "{spec}");
}

#[test]
fn add_never_overwrites() {
    let project = Project::shipped();
    let stderr = project.fails(
        1,
        &[
            "add",
            "200",
            "--reason",
            "Again",
            "--retry",
            "never",
            "--description",
            "dup",
        ],
    );
    assert_eq!(
        stderr,
        "error: `[codes.200]` (OK) is already in the base registry of `codes.toml`; `add` never overwrites, change its fields with `status-codes set 200`\n"
    );
    let stderr = project.fails(1, &["add", "429", "--service", "safe_browsing"]);
    assert_eq!(
        stderr,
        "error: service `safe_browsing` already lists 429; `add` never overwrites, change its override with `status-codes set 429 --service safe_browsing`\n"
    );
}

#[test]
fn set_changes_only_the_given_fields() {
    let project = Project::with(SMALL);
    let run = project.run(&["set", "200", "--retry", "modify", "--reference", "RFC 9110"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, "updated 200 in the base registry\n");
    // The trailing comment of the replaced value stays; the new key goes at the end.
    let expected = SMALL.replace(
        "reason = \"OK\"\nretry = \"never\" # nothing to retry\n",
        "reason = \"OK\"\nretry = \"modify\" # nothing to retry\nreference = \"RFC 9110\"\n",
    );
    assert_eq!(project.spec(), expected);
}

#[test]
fn set_notes_a_renamed_variant() {
    let project = Project::with(SMALL);
    let run = project.run(&["set", "200", "--reason", "Okay"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "updated 200 in the base registry\n");
    assert_eq!(
        run.stderr,
        "note: the variant for 200 in the base registry is renamed from `Ok` to `Okay`; code that names `Ok` must change\n\
         note: the variant for 200 in service `shop` is renamed from `Ok` to `Okay`; code that names `Ok` must change\n"
    );
    // Giving the old name keeps the variant: nothing to note.
    let run = project.run(&["set", "200", "--reason", "Fine", "--name", "Okay"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // A phrase whose derived name is unchanged renames nothing either.
    let run = project.run(&["set", "404", "--reason", "Not found"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn set_on_the_shipped_spec_keeps_every_comment() {
    let (project, out) = edit_shipped(
        &[
            "set",
            "503",
            "--service",
            "web_api",
            "--retry",
            "backoff",
            "--description",
            "Try later.",
        ],
        &[],
    );
    assert_eq!(out, "added an override of 503 to service `web_api`\n");
    let listed = project.ok(&["list", "--service", "web_api"]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("503 ") && l.ends_with("backoff")),
        "{listed}"
    );
}

#[test]
fn set_refuses_what_is_not_there() {
    let project = Project::with(SMALL);
    assert_eq!(
        project.fails(1, &["set", "299", "--reason", "Fine"]),
        "error: code 299 is not in the base registry of `codes.toml`; add it with `status-codes add 299 --reason PHRASE`\n"
    );
    assert_eq!(
        project.fails(1, &["set", "418", "--service", "shop", "--retry", "never"]),
        "error: service `shop` does not list 418; add it with `status-codes add 418 --service shop`\n"
    );
    assert_eq!(
        project.fails(1, &["set", "404", "--service", "shops", "--retry", "never"]),
        "error: unknown service `shops`; did you mean `shop`?\n"
    );
}

#[test]
fn add_a_code_to_a_service() {
    let (project, out) = edit_shipped(&["add", "418", "--service", "web_api"], &[]);
    assert_eq!(out, "added 418 to service `web_api`\n");
    assert!(
        project
            .spec()
            .contains("codes = [200, 400, 401, 403, 404, 405, 418, 429, 500, 502, 503]")
    );
}

#[test]
fn add_a_code_with_an_override() {
    let args = [
        "add",
        "418",
        "--service",
        "huawei_cloud",
        "--reason",
        "Teapot Brewing",
        "--retry",
        "backoff",
    ];
    let (project, out) = edit_shipped(&args, &[]);
    assert_eq!(
        out,
        "added 418 to service `huawei_cloud`, with an override\n"
    );
    let listed = project.ok(&["list", "--service", "huawei_cloud"]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("418   TeapotBrewing") && l.ends_with("backoff")),
        "{listed}"
    );
    let spec = project.spec();
    let at = |needle: &str| spec.find(needle);
    assert!(
        at("[services.huawei_cloud.overrides.416]") < at("[services.huawei_cloud.overrides.418]")
    );
    assert!(
        at("[services.huawei_cloud.overrides.418]") < at("[services.huawei_cloud.overrides.422]")
    );
}

#[test]
fn set_an_override_of_a_listed_code() {
    let project = Project::with(SMALL);
    let out = project.ok(&["set", "429", "--service", "shop", "--retry", "backoff"]);
    assert_eq!(out, "added an override of 429 to service `shop`\n");
    assert!(project.spec().ends_with(
        "reason = \"No Such Item\"\n\n[services.shop.overrides.429]\nretry = \"backoff\"\n"
    ));
    let out = project.ok(&[
        "set",
        "404",
        "--service",
        "shop",
        "--description",
        "Sold out.",
    ]);
    assert_eq!(out, "updated the override of 404 in service `shop`\n");
    project.ok(&["fmt", "--check"]);
}

#[test]
fn remove_a_code_from_a_service() {
    let (project, out) = edit_shipped(&["remove", "500", "--service", "web_api"], &[]);
    assert_eq!(out, "removed 500 from service `web_api`\n");
    assert!(
        project
            .spec()
            .contains("codes = [200, 400, 401, 403, 404, 405, 429, 502, 503]")
    );
}

#[test]
fn remove_a_code_and_its_override() {
    let (project, out) = edit_shipped(&["remove", "413", "--service", "huawei_cloud"], &[]);
    assert_eq!(
        out,
        "removed 413 and its override from service `huawei_cloud`\n"
    );
    assert!(
        !project
            .spec()
            .contains("[services.huawei_cloud.overrides.413]")
    );
    let listed = project.ok(&["list", "--service", "huawei_cloud"]);
    assert!(
        listed.contains("\n412 ") && !listed.contains("\n413 ") && listed.contains("\n414 "),
        "{listed}"
    );
}

#[test]
fn remove_a_base_entry() {
    let (project, out) = edit_shipped(&["remove", "102"], &[]);
    assert_eq!(out, "removed 102 from the base registry\n");
    assert!(!project.spec().contains("[codes.102]"));
}

#[test]
fn removing_the_first_entry_keeps_the_preamble() {
    let (project, _) = edit_shipped(&["remove", "100", "--service", "huawei_cloud"], &[]);
    project.ok(&["remove", "100"]);
    let spec = project.spec();
    assert!(
        spec.starts_with("#:schema ./codes.schema.json\n#\n"),
        "{spec}"
    );
    assert!(
        spec.contains("header and backs off when absent.\n\n[codes.101]\n")
            || spec.contains("\n\n[codes.101]\n")
    );
    assert_comments_kept(SHIPPED, &spec, &[]);
}

#[test]
fn a_base_entry_in_use_is_not_removed() {
    let stderr = Project::shipped().fails(1, &["remove", "404"]);
    let expected = "error: code 404 is still listed by `huawei_cloud`, `web_api`, `restful_api`, `rest_client`; \
                    remove it there first with `status-codes remove 404 --service NAME`\n";
    assert_eq!(stderr, expected);
}

#[test]
fn add_and_remove_a_service() {
    let args = [
        "service",
        "add",
        "billing",
        "--codes",
        "404,200,402",
        "--description",
        "The billing API.",
    ];
    let project = Project::shipped();
    let before = project.spec();
    assert_eq!(project.ok(&args), "added service `billing` with 3 codes\n");
    let added =
        "\n\n[services.billing]\ndescription = \"The billing API.\"\ncodes = [200, 402, 404]\n";
    assert_eq!(project.spec(), format!("{}{added}", before.trim_end()));
    assert_eq!(
        project.ok(&["service", "remove", "billing"]),
        "removed service `billing`\n"
    );
    assert_eq!(project.spec().trim_end(), before.trim_end());
    edit_shipped(&args, &[]);
}

#[test]
fn remove_a_service() {
    let (project, out) = edit_shipped(&["service", "remove", "rest_client"], &[]);
    assert_eq!(out, "removed service `rest_client`\n");
    assert!(!project.spec().contains("rest_client"));
}

#[test]
fn removing_a_service_takes_only_its_own_comments() {
    // The comments inside `safe_browsing`, above its back-off policy and directly above its
    // overrides are about it.
    let own = [
        "# \"Any answer other than 200 OK means back-off mode\" covers every code it does",
        "# not list too, 2xx and 3xx included.",
        "# Back-off mode, as the document words it: after the N-th unsuccessful answer in",
        "# a row, wait 15 minutes doubled N-1 times, times a random factor from 1 to 2,",
        "# and never more than a day; it lasts until an answer succeeds.",
        "# The document puts the client into back-off mode on every non-200 answer;",
        "# 500 and 504 are `backoff` in the base already.",
    ];
    let project = Project::shipped();
    let run = project.run(&["service", "remove", "safe_browsing"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let spec = project.spec();
    let gone: Vec<String> = comment_lines(SHIPPED)
        .into_iter()
        .filter(|c| !comment_lines(&spec).contains(c))
        .collect();
    assert_eq!(gone, own, "only the service's own comments go");
    assert_eq!(
        run.stderr,
        format!(
            "note: removed 7 comment lines that belonged to what was removed:\n  {}\n",
            own.join("\n  ")
        )
    );
    // The section banner above the removed service stays, now above the next one.
    let banner = "# descriptions.\n# ---------------------------------------------------------------------------\n\n[services.huawei_cloud]";
    assert!(spec.contains(banner), "the banner moved");
    project.ok(&["check"]);
}

#[test]
fn set_puts_new_keys_in_canonical_order() {
    let project = Project::with(SMALL);
    project.ok(&["set", "404", "--description", "Gone.", "--name", "Missing"]);
    let expected = SMALL.replace(
        "reason = \"Not Found\"\n# about 404's retry\n",
        "reason = \"Not Found\"\nname = \"Missing\"\ndescription = \"Gone.\"\n# about 404's retry\n",
    );
    assert_eq!(project.spec(), expected);
    project.ok(&["fmt", "--check"]);
    // A table written in an order of its own is left in it: new keys go at the end.
    let own = SMALL.replace(
        "reason = \"Too Many Requests\"\nretry = \"retry-after\"",
        "retry = \"retry-after\"\nreason = \"Too Many Requests\"",
    );
    let project = Project::with(&own);
    project.ok(&["set", "429", "--description", "Slow down."]);
    assert!(project.spec().contains(
        "retry = \"retry-after\"\nreason = \"Too Many Requests\"\ndescription = \"Slow down.\"\n"
    ));
}
