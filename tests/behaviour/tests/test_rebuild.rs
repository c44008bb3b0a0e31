//! Editing a crate's `codes.toml` rebuilds that crate, and only that crate, with no build.rs.
//!
//! Builds a small two-crate workspace with the real cargo: `reader` reads its own spec,
//! `bystander` uses the embedded default. Both depend on status-core by path.

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

fn member(dir: &Path, name: &str, main: &str) {
    let core = workspace_root().join("status-core");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[dependencies]\nstatus-core = {{ path = {:?} }}\n",
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
    member(dir.path(), "reader", reader);
    write(&dir.path().join("reader/codes.toml"), SPEC);
    let bystander = "status_core::status_set! { enum Set = [200]; }\nfn main() { println!(\"{}\", Set::from(200)); }\n";
    member(dir.path(), "bystander", bystander);
    dir
}

/// Runs `cargo build -v`, returning (reader's output, cargo's stderr).
fn build_and_run(dir: &Path) -> (String, String) {
    let target = workspace_root().join("target/rebuild-check");
    let build = Command::new(env!("CARGO"))
        .args(["build", "-v", "--workspace"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    let log = String::from_utf8_lossy(&build.stderr).into_owned();
    assert!(build.status.success(), "{log}");
    let run = Command::new(target.join("debug/reader"))
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
