//! The one error type of the CLI: what to tell the user, and the exit code.

use status_spec::SpecError;

/// Why a command failed. `main` prints it to stderr and exits with [`Failure::code`].
#[derive(Debug)]
pub(crate) struct Failure {
    /// The `error: ...` line; `None` when the command already said everything.
    pub(crate) headline: Option<String>,
    /// Spec problems to render after the headline, with their source lines.
    pub(crate) diagnostics: Option<SpecError>,
}

impl Failure {
    /// A plain one-line error.
    pub(crate) fn msg(headline: impl Into<String>) -> Failure {
        Failure {
            headline: Some(headline.into()),
            diagnostics: None,
        }
    }

    /// A headline followed by the problems that caused it.
    pub(crate) fn spec(headline: impl Into<String>, diagnostics: SpecError) -> Failure {
        Failure {
            headline: Some(headline.into()),
            diagnostics: Some(diagnostics),
        }
    }

    /// The command has reported already (e.g. a diff or JSON); only the exit code is left.
    pub(crate) fn silent() -> Failure {
        Failure {
            headline: None,
            diagnostics: None,
        }
    }

    /// Every failure exits 1; clap's own usage errors exit 2.
    pub(crate) const fn code(&self) -> u8 {
        1
    }
}

/// Lower-case reason for an I/O error, in the style of the other messages.
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a directory".into(),
        ErrorKind::NotADirectory => "a component of the path is not a directory".into(),
        ErrorKind::InvalidData => "it is not valid UTF-8".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => lower_first(&error.to_string()),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// ``unknown service `x`; did you mean `y`?``, or the services there are.
pub(crate) fn unknown_service<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Failure {
    let known: Vec<&str> = known.into_iter().collect();
    if let Some(near) = status_spec::did_you_mean(name, known.iter().copied()) {
        return Failure::msg(format!("unknown service `{name}`; did you mean `{near}`?"));
    }
    if known.is_empty() {
        return Failure::msg(format!(
            "unknown service `{name}`; the spec defines no services"
        ));
    }
    let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    Failure::msg(format!(
        "unknown service `{name}`; the spec defines {}",
        known.join(", ")
    ))
}
