//! The status-codes spec: `codes.toml` parsed and validated into a [`Spec`].
//!
//! A spec holds a base registry of status codes (`[codes.N]`) and services (`[services.S]`),
//! each an API's documented subset of codes with its own phrases and retry advice. Parsing
//! reports every problem in one pass, each with its line and column, and never panics.
//!
//! Parsing needs the `parse` feature (on by default), the crate's only dependency: a TOML
//! parser. Without it the crate still gives the model and the embedded spec
//! ([`Spec::embedded`]), read from data generated ahead of time; status-codes' macros build it
//! that way unless a crate reads a spec file of its own.
//!
//! ```
//! # #[cfg(feature = "parse")] {
//! let spec = status_spec::Spec::parse(r#"
//! [codes.404]
//! reason = "Not Found"
//! [services.shop]
//! codes = [404]
//! [services.shop.overrides.404]
//! reason = "No Such Item"
//! "#).expect("valid spec");
//! let shop = spec.service("shop").expect("declared above");
//! assert_eq!(shop.entry(404).map(|e| e.name.as_str()), Some("NoSuchItem"));
//! # }
//! ```

#![cfg_attr(docsrs, feature(doc_cfg))]

mod backoff;
mod diag;
mod ident;
mod model;
#[cfg(feature = "parse")]
mod parse;
mod prebuilt;
#[cfg(feature = "parse")]
mod tree;
#[cfg(feature = "parse")]
mod valid;

use std::sync::OnceLock;

/// The crate README's example, run as a doctest so the registry page never shows broken code.
#[cfg(all(doctest, feature = "parse"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use backoff::{BACKOFF_KEYS, Backoff, Jitter, format_duration, parse_duration};
pub use diag::{Diagnostic, SpecError, did_you_mean, suggest_service};
pub use ident::{RESERVED_VARIANT, check_ident, variant_name};
pub use model::{
    Class, CodeEntry, Date, ENTRY_KEYS, Registration, Retry, SERVICE_KEYS, Service, Spec,
};

/// The project's own `codes.toml`: every IANA-registered code and the shipped services.
///
/// `status-spec/codes.toml` is a symbolic link to the workspace's `codes.toml`, the file users
/// read and the CLI edits; `cargo package` follows it, so the published crate carries the same
/// bytes (a test and the CI packaging step compare them).
pub const EMBEDDED_SOURCE: &str = include_str!("../codes.toml");

/// The name the embedded spec goes by in messages.
pub const EMBEDDED_PATH: &str = "<embedded codes.toml>";

impl Spec {
    /// Parses and validates a spec, returning every problem found.
    #[cfg(feature = "parse")]
    #[cfg_attr(docsrs, doc(cfg(feature = "parse")))]
    pub fn parse(source: &str) -> Result<Spec, Vec<Diagnostic>> {
        let mut sink = diag::Sink::new(source);
        let raw = parse::parse(source, &mut sink);
        let spec = valid::validate(raw, &mut sink);
        if sink.is_empty() {
            Ok(spec)
        } else {
            Err(sink.finish())
        }
    }

    /// Like [`Spec::parse`], with the path that messages should name.
    #[cfg(feature = "parse")]
    #[cfg_attr(docsrs, doc(cfg(feature = "parse")))]
    pub fn parse_named(path: &str, source: &str) -> Result<Spec, SpecError> {
        Spec::parse(source).map_err(|d| SpecError::new(path, source, d))
    }

    /// The embedded default spec, built once per process from data generated from it
    /// (the same as parsing [`EMBEDDED_SOURCE`], which this crate's tests check).
    pub fn embedded() -> &'static Spec {
        static EMBEDDED: OnceLock<Spec> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // The dump is checked against the file by this crate's tests, so it reads back;
            // were it ever broken, an empty spec is the harmless answer (and the same with or
            // without the `parse` feature).
            prebuilt::spec().unwrap_or_else(Spec::empty)
        })
    }

    fn empty() -> Spec {
        Spec {
            codes: Vec::new(),
            services: Vec::new(),
        }
    }
}
