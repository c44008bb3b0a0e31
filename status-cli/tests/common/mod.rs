//! Helpers shared by the integration tests: a temporary project directory holding a spec, and
//! a way to run the real `status-codes` binary in it.
#![allow(
    dead_code,
    reason = "each test file uses a different part of these helpers"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

/// The project's own spec, as shipped.
pub(crate) const SHIPPED: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml"));

/// The day the tests run on unless they say otherwise: before the shipped 104's expiry, so
/// that `check` has nothing to warn about whatever the real date.
pub(crate) const TODAY: &str = "2026-06-01";

/// A temporary directory with (optionally) a `codes.toml`.
pub(crate) struct Project {
    dir: TempDir,
}

impl Project {
    /// A directory holding a copy of the shipped spec.
    pub(crate) fn shipped() -> Project {
        Project::with(SHIPPED)
    }

    /// A directory holding `text` as `codes.toml`.
    pub(crate) fn with(text: &str) -> Project {
        let project = Project::empty();
        std::fs::write(project.spec_path(), text).expect("write codes.toml");
        project
    }

    /// A directory without a spec.
    pub(crate) fn empty() -> Project {
        Project {
            dir: tempfile::tempdir().expect("create a temporary directory"),
        }
    }

    pub(crate) fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn spec_path(&self) -> PathBuf {
        self.dir.path().join("codes.toml")
    }

    /// The spec's current text.
    pub(crate) fn spec(&self) -> String {
        std::fs::read_to_string(self.spec_path()).expect("read codes.toml")
    }

    /// Runs `status-codes ARGS` in the directory, without colour, on [`TODAY`].
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_on(TODAY, args)
    }

    /// Runs `status-codes ARGS` as if today were `date` (`YYYY-MM-DD`).
    pub(crate) fn run_on(&self, date: &str, args: &[&str]) -> Run {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("status-codes");
        cmd.current_dir(self.dir.path())
            .args(args)
            .env("NO_COLOR", "1")
            .env("STATUS_CODES_TODAY", date);
        Run::from(cmd.output().expect("run status-codes"))
    }

    /// Runs a command that must succeed, and returns its stdout.
    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(
            run.code,
            0,
            "`status-codes {}` failed:\n{}",
            args.join(" "),
            run.stderr
        );
        run.stdout
    }

    /// Runs a command that must fail with exit code `code` and leave the spec untouched;
    /// returns its stderr.
    pub(crate) fn fails(&self, code: i32, args: &[&str]) -> String {
        let before = std::fs::read(self.spec_path()).ok();
        let run = self.run(args);
        assert_eq!(
            run.code,
            code,
            "`status-codes {}`:\nstdout: {}\nstderr: {}",
            args.join(" "),
            run.stdout,
            run.stderr
        );
        assert_eq!(
            std::fs::read(self.spec_path()).ok(),
            before,
            "the spec file changed"
        );
        run.stderr
    }
}

/// What a run printed, and its exit code.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Every comment line of a spec, trimmed, in order.
pub(crate) fn comment_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Asserts that every comment line of `before` is in `after`, except those in `gone`.
pub(crate) fn assert_comments_kept(before: &str, after: &str, gone: &[&str]) {
    let mut remaining = comment_lines(after);
    for comment in comment_lines(before) {
        if let Some(i) = remaining.iter().position(|c| *c == comment) {
            remaining.remove(i);
        } else {
            assert!(gone.contains(&comment.as_str()), "comment lost: {comment}");
        }
    }
}

/// A small valid spec with comments in every place a comment can be.
pub(crate) const SMALL: &str = r#"#:schema ./codes.schema.json
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
