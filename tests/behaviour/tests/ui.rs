//! Compile-fail cases: `ui/derive/` for `#[derive(StatusCodes)]`, `ui/set/` for `status_set!`;
//! each `NAME.rs` beside the `NAME.stderr` rustc must print. After an intended change:
//! `TRYBUILD=overwrite cargo test -p status-tests --test ui`, then read the diff.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[test]
fn ui() -> io::Result<()> {
    copy_fixtures()?;
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/derive/*.rs");
    // An empty glob is fine: trybuild just finds no case there.
    t.compile_fail("ui/set/*.rs");
    Ok(())
}

/// trybuild builds the cases in `<target>/tests/trybuild/status-tests/`, which is then their
/// `CARGO_MANIFEST_DIR`, so `spec = "fixtures/..."` would find nothing: copy `fixtures/`
/// there first (as askama's `testing/tests/ui.rs` does).
fn copy_fixtures() -> io::Result<()> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dest = target_dir(manifest).join("tests/trybuild/status-tests/fixtures");
    fs::create_dir_all(&dest)?;
    for entry in fs::read_dir(manifest.join("fixtures"))? {
        let entry = entry?;
        fs::copy(entry.path(), dest.join(entry.file_name()))?;
    }
    Ok(())
}

/// `CARGO_TARGET_DIR` when set (a relative one taken from the workspace root, where cargo is
/// usually run), else the workspace's `target/`.
fn target_dir(manifest: &Path) -> PathBuf {
    let workspace = manifest.join("../..");
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => workspace.join(dir),
        None => workspace.join("target"),
    }
}
