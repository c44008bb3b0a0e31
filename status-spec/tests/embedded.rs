//! The spec embedded in status-spec is the workspace's `codes.toml`, byte for byte.
//!
//! `status-spec/codes.toml` is a symbolic link, which `cargo package` resolves into a copy. Were
//! the link ever replaced by a file, or the package built from a stale copy, the registry users
//! get from the crate would drift from the one they read and edit; this test catches both.

use std::path::Path;

#[test]
fn embedded_spec_is_the_workspace_file() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace_file = manifest.join("../codes.toml");
    if !manifest.join("../Cargo.toml").exists() {
        // An unpacked `.crate` has no workspace around it: `.ci/run` compares the packaged
        // copy with the workspace file instead.
        return;
    }
    let on_disk = std::fs::read_to_string(&workspace_file).expect("the workspace's codes.toml");
    assert!(
        on_disk == status_spec::EMBEDDED_SOURCE,
        "status-spec embeds a codes.toml that differs from {}",
        workspace_file.display()
    );
}

#[test]
fn crate_copy_is_a_link_to_the_workspace_file() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !manifest.join("../Cargo.toml").exists() {
        return;
    }
    let meta =
        std::fs::symlink_metadata(manifest.join("codes.toml")).expect("status-spec/codes.toml");
    assert!(
        meta.file_type().is_symlink(),
        "status-spec/codes.toml must stay a link to ../codes.toml, not a copy"
    );
}
