//! Finding and reading the spec: `--spec PATH`, else `./codes.toml`, else (for read-only
//! commands only) the registry embedded in status-spec.

use std::path::{Path, PathBuf};

use status_spec::{EMBEDDED_PATH, EMBEDDED_SOURCE, Spec};

use crate::error::{Failure, io_reason};

/// The spec file a command reads when `--spec` is not given.
pub(crate) const DEFAULT_SPEC: &str = "codes.toml";

/// The text of a spec and where it came from.
#[derive(Debug)]
pub(crate) struct Source {
    /// The name messages use: the path as the user wrote it, or the embedded spec's name.
    pub(crate) name: String,
    /// The file to write back to; `None` for the embedded registry.
    pub(crate) path: Option<PathBuf>,
    /// The whole file.
    pub(crate) text: String,
}

impl Source {
    /// Parses and validates the text; the error renders every problem.
    pub(crate) fn parse(&self) -> Result<Spec, Failure> {
        Spec::parse_named(&self.name, &self.text).map_err(|e| {
            let count = problems(e.diagnostics.len());
            Failure::spec(format!("`{}` is not a valid spec: {count}", self.name), e)
        })
    }
}

/// "1 problem", "3 problems".
pub(crate) fn problems(n: usize) -> String {
    crate::render::plural(n, "problem")
}

/// The spec for a command that only reads it: falls back to the embedded registry, with a
/// note on stderr, when the user named no file and `./codes.toml` does not exist.
pub(crate) fn read_only(spec: Option<&Path>) -> Result<Source, Failure> {
    if let Some(path) = spec {
        return read(path);
    }
    let default = Path::new(DEFAULT_SPEC);
    // `try_exists` errs when existence cannot be checked: then reading reports why.
    if matches!(default.try_exists(), Ok(false)) {
        eprintln!(
            "note: no `{DEFAULT_SPEC}` in the current directory; using the embedded default registry"
        );
        return Ok(Source {
            name: EMBEDDED_PATH.into(),
            path: None,
            text: EMBEDDED_SOURCE.into(),
        });
    }
    read(default)
}

/// The spec file for a command that writes it: there is no fallback to edit.
pub(crate) fn writable(spec: Option<&Path>) -> Result<Source, Failure> {
    if let Some(path) = spec {
        return read(path);
    }
    let default = Path::new(DEFAULT_SPEC);
    if matches!(default.try_exists(), Ok(false)) {
        return Err(Failure::msg(format!(
            "no `{DEFAULT_SPEC}` in the current directory; pass `--spec PATH` to name the spec file"
        )));
    }
    read(default)
}

fn read(path: &Path) -> Result<Source, Failure> {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Source {
            name,
            path: Some(path.to_owned()),
            text,
        }),
        Err(e) => Err(Failure::msg(format!(
            "cannot read `{name}`: {}",
            io_reason(&e)
        ))),
    }
}
