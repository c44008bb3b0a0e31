//! Finding, reading and parsing the spec a macro call names, once per content per process.

use std::ops::Deref;
use std::path::{Path, PathBuf};
#[cfg(feature = "spec-file")]
use std::sync::{Arc, Mutex, OnceLock};

use proc_macro2::Span;
use status_spec::Spec;
#[cfg(feature = "spec-file")]
use status_spec::{Diagnostic, SpecError};

use crate::syntax::{Error, LitStr, Result};

/// The spec a macro call reads, and the file it came from (none for the embedded default).
pub(crate) struct Loaded {
    pub(crate) spec: Shared,
    pub(crate) file: Option<PathBuf>,
}

/// A spec shared between the macro calls of one compile: status-spec's own parse of the
/// embedded default, or a user's file from the cache. (Never a clone: cloning a `Spec`
/// would only add code to this crate, whose build time every user waits for.)
#[derive(Clone)]
pub(crate) enum Shared {
    Embedded(&'static Spec),
    #[cfg(feature = "spec-file")]
    File(Arc<Spec>),
}

impl Deref for Shared {
    type Target = Spec;

    fn deref(&self) -> &Spec {
        match self {
            Shared::Embedded(spec) => spec,
            #[cfg(feature = "spec-file")]
            Shared::File(spec) => spec,
        }
    }
}

impl Loaded {
    /// `const _: &[u8] = include_bytes!(PATH);` so cargo rebuilds the crate when the spec
    /// changes; nothing when the spec is the embedded default. As source text, which the
    /// derive's output is written in (`status_set!` lexes it).
    pub(crate) fn rebuild_tracker(&self) -> String {
        let Some(file) = &self.file else {
            return String::new();
        };
        // `Debug` of a `str` is a Rust string literal.
        let path = file.to_string_lossy();
        format!("const _: &[::core::primitive::u8] = ::core::include_bytes!({path:?});")
    }
}

#[cfg(feature = "spec-file")]
type Parsed = std::result::Result<Arc<Spec>, Arc<Vec<Diagnostic>>>;

/// Keyed by the file's content, never by its path alone: rust-analyzer keeps the macro
/// loaded across edits of the same file. A crate reads one or two specs, so a list
/// searched in order serves as well as a map.
#[cfg(feature = "spec-file")]
fn cache() -> &'static Mutex<Vec<(String, Parsed)>> {
    static CACHE: OnceLock<Mutex<Vec<(String, Parsed)>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

#[cfg(feature = "spec-file")]
fn parse_cached(source: String) -> Parsed {
    let mut cache = match cache().lock() {
        Ok(guard) => guard,
        // A panic elsewhere while holding the lock leaves a map that is still consistent.
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some((_, hit)) = cache.iter().find(|(text, _)| *text == source) {
        return hit.clone();
    }
    let parsed = Spec::parse(&source).map(Arc::new).map_err(Arc::new);
    cache.push((source, parsed.clone()));
    parsed
}

/// Loads the spec named by `spec = "..."` (or `codes.toml` by default), relative to the
/// using crate's `CARGO_MANIFEST_DIR`; with no name given and no file there, the embedded
/// default. Errors are spanned on the literal when there is one, else on `span`.
pub(crate) fn load(named: Option<&LitStr>, span: Span) -> Result<Loaded> {
    let err_span = named.map_or(span, LitStr::span);
    let dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
        Error::new(
            err_span,
            "`CARGO_MANIFEST_DIR` is not set; build with cargo",
        )
    })?;
    let relative = named.map_or("codes.toml", LitStr::value);
    let path = Path::new(&dir).join(relative);
    read(named.is_some(), err_span, relative, path)
}

fn embedded() -> Loaded {
    Loaded {
        spec: Shared::Embedded(Spec::embedded()),
        file: None,
    }
}

/// Reads and parses the file at `path`; `named` when the user wrote its name.
#[cfg(feature = "spec-file")]
fn read(named: bool, err_span: Span, relative: &str, path: PathBuf) -> Result<Loaded> {
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => return Ok(embedded()),
        Err(e) => return Err(read_error(err_span, relative, &path, &e)),
    };
    match parse_cached(source.clone()) {
        Ok(spec) => Ok(Loaded {
            spec: Shared::File(spec),
            file: Some(path),
        }),
        Err(diags) => Err(spec_error(err_span, relative, source, &diags)),
    }
}

/// Without the `spec-file` feature there is no TOML parser (it is most of what a clean build
/// of the macros costs), and the embedded spec is the only one. A spec file the user named,
/// or one lying where the macros look by default, is an error rather than passed over: the
/// user meant it to be read.
#[cfg(not(feature = "spec-file"))]
fn read(named: bool, err_span: Span, relative: &str, path: PathBuf) -> Result<Loaded> {
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => Ok(embedded()),
        _ => Err(Error::new(err_span, feature_off(relative, named))),
    }
}

/// The message for a spec file met without the `spec-file` feature.
#[cfg(not(feature = "spec-file"))]
fn feature_off(relative: &str, named: bool) -> String {
    let found = if named {
        format!("the spec file `{relative}`")
    } else {
        format!("`{relative}` beside Cargo.toml")
    };
    format!(
        "reading {found} needs status-core's `spec-file` feature: add \
         `features = [\"spec-file\"]` to the `status-core` dependency in Cargo.toml \
         (without it the macros read only the embedded spec)"
    )
}

#[cfg(feature = "spec-file")]
fn read_error(span: Span, relative: &str, path: &Path, e: &std::io::Error) -> Error {
    let what = if e.kind() == std::io::ErrorKind::NotFound {
        "not found".to_owned()
    } else {
        e.to_string()
    };
    let msg = format!(
        "cannot read spec file `{relative}`: {what} (looked for `{}`)",
        path.display()
    );
    Error::new(span, msg)
}

/// One compile error per spec problem, each with `path:line:col`, the line and a caret.
#[cfg(feature = "spec-file")]
fn spec_error(span: Span, relative: &str, source: String, diags: &[Diagnostic]) -> Error {
    let errors = diags.iter().map(|d| {
        let one = SpecError::new(relative, source.clone(), vec![d.clone()]);
        Error::new(span, format!("invalid spec: {one}"))
    });
    errors
        .reduce(|mut all, e| {
            all.combine(e);
            all
        })
        .unwrap_or_else(|| Error::new(span, "invalid spec"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "spec-file")]
    fn one_parse_per_content() {
        let source = "[codes.200]\nreason = \"OK\"\n# cache test\n".to_owned();
        let (Ok(a), Ok(b)) = (parse_cached(source.clone()), parse_cached(source)) else {
            panic!("valid spec");
        };
        assert!(
            Arc::ptr_eq(&a, &b),
            "the second call must reuse the first parse"
        );
        let other = parse_cached("[codes.201]\nreason = \"Created\"\n".to_owned());
        assert!(
            other.is_ok_and(|c| !Arc::ptr_eq(&a, &c)),
            "new content, new parse"
        );
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn bad_specs_are_cached_as_errors() {
        let source = "[codes.2000]\nreason = \"x\"\n".to_owned();
        let (Err(a), Err(b)) = (parse_cached(source.clone()), parse_cached(source)) else {
            panic!("invalid spec");
        };
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a[0].message, "`2000` in `codes` is not a status code");
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn a_file_spec_is_tracked_and_the_embedded_one_is_not() {
        let embedded = Loaded {
            spec: Shared::Embedded(Spec::embedded()),
            file: None,
        };
        assert!(embedded.rebuild_tracker().is_empty());
        let Ok(spec) = parse_cached("[codes.200]\nreason = \"OK\"\n".to_owned()) else {
            panic!("valid spec");
        };
        let file = Loaded {
            spec: Shared::File(spec),
            file: Some(PathBuf::from("/project/codes.toml")),
        };
        let tracker = file.rebuild_tracker().to_string();
        assert!(tracker.contains("include_bytes"), "{tracker}");
        assert!(tracker.contains("/project/codes.toml"), "{tracker}");
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn read_errors_say_not_found_or_why() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        let path = Path::new("/p/codes.toml");
        let text = read_error(Span::call_site(), "codes.toml", path, &missing)
            .into_compile_error()
            .to_string();
        assert!(
            text.contains(
                "cannot read spec file `codes.toml`: not found (looked for `/p/codes.toml`)"
            ),
            "{text}"
        );
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let text = read_error(Span::call_site(), "codes.toml", path, &denied)
            .into_compile_error()
            .to_string();
        assert!(text.contains("`codes.toml`: permission denied"), "{text}");
    }

    #[test]
    fn the_embedded_spec_is_untracked() {
        assert!(embedded().rebuild_tracker().is_empty());
        assert!(embedded().spec.code(404).is_some());
    }

    /// Without the feature: no file, the embedded spec; a file where the macros look by
    /// default, or any file named, an error that says which feature reads it.
    #[test]
    #[cfg(not(feature = "spec-file"))]
    fn without_the_feature_a_spec_file_is_an_error() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let absent = read(
            false,
            Span::call_site(),
            "codes.toml",
            here.join("no-such.toml"),
        );
        assert!(absent.is_ok_and(|l| l.file.is_none()));
        // Any file that exists stands in for a `codes.toml` beside Cargo.toml.
        let present = read(
            false,
            Span::call_site(),
            "codes.toml",
            here.join("Cargo.toml"),
        );
        let text = present.err().map(|e| e.into_compile_error().to_string());
        let expected = "reading `codes.toml` beside Cargo.toml needs status-core's `spec-file` \
                        feature: add `features = [\\\"spec-file\\\"]` to the `status-core` \
                        dependency in Cargo.toml (without it the macros read only the embedded spec)";
        assert!(
            text.as_ref().is_some_and(|t| t.contains(expected)),
            "{text:?}"
        );
        let named = read(true, Span::call_site(), "api.toml", here.join("api.toml"));
        let text = named.err().map(|e| e.into_compile_error().to_string());
        let expected = "reading the spec file `api.toml` needs status-core's `spec-file` feature";
        assert!(
            text.as_ref().is_some_and(|t| t.contains(expected)),
            "{text:?}"
        );
    }
}
