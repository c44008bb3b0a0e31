//! Writing a file so that a crash leaves either the old text or the new, never half of one:
//! the new text goes to a temporary file beside the target, is synced, then renamed over it.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Failure, io_reason};

/// Replaces the file at `path` (shown as `name` in messages) with `text`.
pub(crate) fn write(path: &Path, name: &str, text: &str) -> Result<(), Failure> {
    let target = resolve(path);
    let existing = fs::metadata(&target).ok();
    // Rename ignores the file's own mode, so honour it here: a read-only spec stays as it is.
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(Failure::msg(format!(
            "cannot write `{name}`: the file is read-only"
        )));
    }
    let fail =
        |e: std::io::Error| Failure::msg(format!("cannot write `{name}`: {}", io_reason(&e)));
    let mut temp = NamedTempFile::new_in(directory(&target)).map_err(fail)?;
    temp.write_all(text.as_bytes()).map_err(fail)?;
    if let Some(meta) = existing {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The file a symlink points to, so the rename replaces it and not the link.
fn resolve(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// The directory that holds `path`; the temporary file must be on the same file system.
fn directory(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    #[test]
    fn replaces_the_file_and_keeps_its_mode() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("codes.toml");
        fs::write(&path, "old")?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640))?;
        write(&path, "codes.toml", "new").map_err(|f| format!("{f:?}"))?;
        assert_eq!(fs::read_to_string(&path)?, "new");
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o640);
        assert_eq!(
            fs::read_dir(dir.path())?.count(),
            1,
            "no temporary file is left behind"
        );
        Ok(())
    }

    #[test]
    fn refuses_a_read_only_file() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("codes.toml");
        fs::write(&path, "old")?;
        let mut perms = fs::metadata(&path)?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms)?;
        let Err(failure) = write(&path, "codes.toml", "new") else {
            return Err("a read-only file was written".into());
        };
        assert_eq!(
            failure.headline.as_deref(),
            Some("cannot write `codes.toml`: the file is read-only")
        );
        assert_eq!(fs::read_to_string(&path)?, "old");
        Ok(())
    }
}
