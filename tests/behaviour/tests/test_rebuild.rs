//! Spec files met by the real cargo, in small throw-away workspaces whose crates depend on
//! status-core by path:
//! - editing a crate's `codes.toml` rebuilds that crate, and only that crate, with no build.rs
//!   (`reader` reads its own spec with the `spec-file` feature, `bystander` the embedded one);
//! - without the `spec-file` feature, a spec file (found or named) is a compile error that
//!   says which feature reads it, and a crate without one builds on the embedded spec.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create dir");
    }
    std::fs::write(path, text).expect("write file");
}

const SPEC: &str = "[codes.200]\nreason = \"OK\"\n[codes.404]\nreason = \"Not Found\"\n";

/// A crate `name` in `dir`, depending on status-core with `features`.
fn member(dir: &Path, name: &str, features: &str, main: &str) {
    let core = workspace_root().join("status-core");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[dependencies]\nstatus-core = {{ path = {:?}, features = [{features}] }}\n",
        core.display().to_string()
    );
    write(&dir.join(name).join("Cargo.toml"), &manifest);
    write(&dir.join(name).join("src/main.rs"), main);
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        &dir.path().join("Cargo.toml"),
        "[workspace]\nmembers = [\"reader\", \"bystander\"]\nresolver = \"3\"\n",
    );
    let reader = "status_core::status_set! { enum Set = all; }\n\
                  fn main() { for s in Set::ALL { println!(\"{s}\"); } }\n";
    member(dir.path(), "reader", "\"spec-file\"", reader);
    write(&dir.path().join("reader/codes.toml"), SPEC);
    let bystander = "status_core::status_set! { enum Set = [200]; }\nfn main() { println!(\"{}\", Set::from(200)); }\n";
    member(dir.path(), "bystander", "", bystander);
    dir
}

/// Where the throw-away workspaces build: shared, so status-core is built once per feature set.
fn target() -> PathBuf {
    workspace_root().join("target/rebuild-check")
}

/// `cargo build ARGS` in `dir`: whether it succeeded, and cargo's stderr.
fn build(dir: &Path, args: &[&str]) -> (bool, String) {
    let build = Command::new(env!("CARGO"))
        .arg("build")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target())
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&build.stderr).into_owned();
    (build.status.success(), log)
}

/// Runs `cargo build -v`, returning (reader's output, cargo's stderr).
fn build_and_run(dir: &Path) -> (String, String) {
    let (ok, log) = build(dir, &["-v", "--workspace"]);
    assert!(ok, "{log}");
    let run = Command::new(target().join("debug/reader"))
        .output()
        .expect("reader runs");
    (String::from_utf8_lossy(&run.stdout).into_owned(), log)
}

#[test]
fn editing_the_spec_rebuilds_only_the_crate_that_reads_it() {
    let dir = project();
    let (out, _) = build_and_run(dir.path());
    assert_eq!(out, "200 OK\n404 Not Found\n");

    // Rename a phrase and add a code.
    let edited =
        SPEC.replace("Not Found", "Nothing Here") + "[codes.429]\nreason = \"Slow Down\"\n";
    write(&dir.path().join("reader/codes.toml"), &edited);
    let (out, log) = build_and_run(dir.path());
    assert_eq!(out, "200 OK\n404 Nothing Here\n429 Slow Down\n");
    assert!(log.contains("Compiling reader"), "{log}");
    assert!(log.contains("Fresh bystander"), "{log}");
    assert!(log.contains("Fresh status-core"), "{log}");
}

#[test]
fn without_the_feature_a_spec_file_is_an_error_and_none_is_fine() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        &dir.path().join("Cargo.toml"),
        "[workspace]\nmembers = [\"plain\", \"beside\", \"named\"]\nresolver = \"3\"\n",
    );
    let derive =
        "#[derive(Debug, status_core::StatusCodes)]\npub enum E { NotFound }\nfn main() {}\n";
    member(dir.path(), "plain", "", derive);
    member(dir.path(), "beside", "", derive);
    write(&dir.path().join("beside/codes.toml"), SPEC);
    let named = "status_core::status_set! {\n    #[status(spec = \"api.toml\")]\n    enum Set = all;\n}\nfn main() {}\n";
    member(dir.path(), "named", "", named);
    write(&dir.path().join("named/api.toml"), SPEC);

    let (ok, log) = build(dir.path(), &["-p", "plain"]);
    assert!(ok, "{log}");

    let (ok, log) = build(dir.path(), &["-p", "beside"]);
    assert!(!ok, "{log}");
    let message = "error: reading `codes.toml` beside Cargo.toml needs status-core's `spec-file` \
                   feature: add `features = [\"spec-file\"]` to the `status-core` dependency in \
                   Cargo.toml (without it the macros read only the embedded spec)\n";
    assert!(log.contains(message), "{log}");
    // On the derived type's name.
    assert!(
        log.contains("pub enum E { NotFound }\n  |          ^"),
        "{log}"
    );

    let (ok, log) = build(dir.path(), &["-p", "named"]);
    assert!(!ok, "{log}");
    let message = "error: reading the spec file `api.toml` needs status-core's `spec-file` feature";
    assert!(log.contains(message), "{log}");
    // On the literal that names it.
    assert!(
        log.contains("#[status(spec = \"api.toml\")]\n  |                     ^^^^^^^^^^"),
        "{log}"
    );
    // Nothing written to the spec files.
    let spec = |p: &str| std::fs::read_to_string(dir.path().join(p)).expect("spec file");
    assert_eq!(
        (spec("beside/codes.toml"), spec("named/api.toml")),
        (SPEC.to_owned(), SPEC.to_owned())
    );
}
