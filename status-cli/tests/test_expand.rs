//! `expand`: the Rust `status_set!` generates, pretty-printed; and it compiles.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Project, SHIPPED};

/// The services the shipped spec defines.
fn services() -> Vec<String> {
    let spec = status_spec::Spec::parse(SHIPPED).expect("valid");
    spec.services().map(|s| s.name.clone()).collect()
}

#[test]
fn names_default_to_the_selection() {
    let project = Project::shipped();
    let service = project.ok(&["expand", "--service", "safe_browsing"]);
    assert!(service.contains("pub enum SafeBrowsing {"), "{service}");
    assert!(service.contains("    ResourceExhausted,\n"));
    let codes = project.ok(&["expand", "--codes", "429,500,502-504"]);
    assert!(codes.contains("pub enum Codes {"));
    let all = project.ok(&["expand", "--all", "--name", "Everything"]);
    assert!(all.contains("pub enum Everything {"));
    let class = project.ok(&["expand", "--codes", "5xx"]);
    assert!(class.contains("pub enum Codes {") && class.contains("    GatewayTimeout,\n"));
}

#[test]
fn ranges_may_be_written_either_way() {
    let project = Project::shipped();
    assert_eq!(
        project.ok(&["expand", "--codes", "502-504"]),
        project.ok(&["expand", "--codes", "502..=504"])
    );
}

/// Writes what `expand` prints for every shipped service (and a code list, a class and the
/// whole registry) into a crate that depends on status-core alone, and builds it.
#[test]
fn expansions_compile() {
    let project = Project::shipped();
    let mut lib =
        String::from("//! What `status-codes expand` printed.\n#![forbid(unsafe_code)]\n");
    let mut selections: Vec<Vec<String>> = services()
        .into_iter()
        .map(|s| vec!["--service".into(), s])
        .collect();
    assert_eq!(selections.len(), 5, "the shipped spec has five services");
    selections.push(vec!["--codes".into(), "429,500,502-504".into()]);
    selections.push(vec!["--codes".into(), "4xx".into()]);
    selections.push(vec!["--all".into()]);
    for (i, selection) in selections.iter().enumerate() {
        let args: Vec<&str> = std::iter::once("expand")
            .chain(selection.iter().map(String::as_str))
            .collect();
        let code = project.ok(&args);
        lib.push_str(&format!(
            "\n/// `status-codes {}`\npub mod expansion{i} {{\n{code}}}\n",
            args.join(" ")
        ));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let krate = tempfile::tempdir().expect("temporary crate");
    let manifest = format!(
        "[package]\nname = \"expand-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus-core = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
        root.join("status-core")
    );
    std::fs::write(krate.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::create_dir(krate.path().join("src")).expect("mkdir src");
    std::fs::write(krate.path().join("src/lib.rs"), &lib).expect("write lib.rs");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "--quiet", "--manifest-path"])
        .arg(krate.path().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root.join("target").join("expand-check"))
        .output()
        .expect("run cargo build");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the expanded code does not compile:\n{stderr}"
    );
}
