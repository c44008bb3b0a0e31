//! The embedded spec, validated ahead of time and read back without the TOML parser.
//!
//! Every crate that uses the macros needs the embedded spec, once per compilation. Parsing
//! it ran inside the macro, which cargo compiles without optimisation, and cost rustc about
//! 12 million instructions, more than a hundred derives' worth of expanding. `embedded.rs`
//! holds the validated spec as one string of tab-separated lines, which [`spec`] splits
//! back into the model; a string compiles at no cost, where the same data as Rust constants
//! made this crate 9% slower to build.
//!
//! `embedded.rs` is generated from `codes.toml` by this module's test, which also checks that
//! the spec read back equals the parsed one; after editing `codes.toml`, regenerate it with
//! `STATUS_BLESS=1 cargo test -p status-spec prebuilt`.
//!
//! The lines, fields separated by tabs (no field holds a tab or a line break; the test
//! checks), optional fields empty when absent:
//!
//! ```text
//! E code reason name description retry reference status aliases expires
//! S name description source unlisted_retry backoff overridden
//! ```
//!
//! `E` lines before the first `S` are the base registry, those after an `S` that service's
//! entries. `aliases` are joined by `\x1f`; `backoff` is `initial_ns,max_ns,factor,jitter,
//! max_retries`; `overridden` is codes joined by `,`. Spellings are the spec's own.

use std::time::Duration;

use crate::backoff::{Backoff, Jitter};
use crate::model::{CodeEntry, Date, Registration, Retry, Service, Spec};

mod embedded;

/// Separates the aliases of an entry.
const ALIAS_SEPARATOR: char = '\u{1f}';

/// The embedded spec, as `Spec::parse(EMBEDDED_SOURCE)` gives it; `None` should the dump
/// not read back (the test rules that out).
///
/// Plain loops over `split_once`: iterator adapters instantiated here made this crate,
/// which every build of a user's crate compiles first, measurably slower to build.
pub(crate) fn spec() -> Option<Spec> {
    let mut codes = Vec::new();
    let mut services: Vec<Service> = Vec::new();
    let mut rest = embedded::DUMP;
    while let Some((line, after)) = rest.split_once('\n') {
        rest = after;
        let mut fields = Fields(Some(line));
        match fields.next()? {
            "E" => {
                let entry = entry(&mut fields)?;
                match services.last_mut() {
                    Some(service) => service.entries.push(entry),
                    None => codes.push(entry),
                }
            }
            "S" => services.push(service(&mut fields)?),
            _ => return None,
        }
    }
    Some(Spec { codes, services })
}

/// The fields of a line, or of a list within a field, split at `sep`.
struct Fields<'a>(Option<&'a str>);

impl<'a> Fields<'a> {
    fn next(&mut self) -> Option<&'a str> {
        self.split('\t')
    }

    fn split(&mut self, sep: char) -> Option<&'a str> {
        let text = self.0?;
        match text.split_once(sep) {
            Some((field, rest)) => {
                self.0 = Some(rest);
                Some(field)
            }
            None => {
                self.0 = None;
                Some(text)
            }
        }
    }

    /// Every part of `text` split at `sep`, owned; none for an empty field.
    fn owned(text: &str, sep: char) -> Vec<String> {
        let mut parts = Vec::new();
        let mut list = Fields((!text.is_empty()).then_some(text));
        while let Some(part) = list.split(sep) {
            parts.push(part.to_owned());
        }
        parts
    }
}

fn entry(fields: &mut Fields<'_>) -> Option<CodeEntry> {
    let code = fields.next()?.parse().ok()?;
    let reason = fields.next()?.to_owned();
    let name = fields.next()?.to_owned();
    let description = fields.next()?.to_owned();
    let retry = Retry::parse(fields.next()?)?;
    let reference = optional(fields.next()?).map(str::to_owned);
    let status = Registration::parse(fields.next()?)?;
    let aliases = Fields::owned(fields.next()?, ALIAS_SEPARATOR);
    let expires = match optional(fields.next()?) {
        Some(date) => Some(Date::parse(date)?),
        None => None,
    };
    Some(CodeEntry {
        code,
        reason,
        name,
        description,
        retry,
        reference,
        status,
        aliases,
        expires,
    })
}

fn service(fields: &mut Fields<'_>) -> Option<Service> {
    let name = fields.next()?.to_owned();
    let description = fields.next()?.to_owned();
    let source = optional(fields.next()?).map(str::to_owned);
    let unlisted_retry = match optional(fields.next()?) {
        Some(retry) => Some(Retry::parse(retry)?),
        None => None,
    };
    let backoff = match optional(fields.next()?) {
        Some(policy) => Some(backoff(policy)?),
        None => None,
    };
    let mut overridden = Vec::new();
    for code in Fields::owned(fields.next()?, ',') {
        overridden.push(code.parse().ok()?);
    }
    Some(Service {
        name,
        description,
        source,
        unlisted_retry,
        backoff,
        entries: Vec::new(),
        overridden,
    })
}

fn backoff(policy: &str) -> Option<Backoff> {
    let mut parts = Fields(Some(policy));
    let initial = Duration::from_nanos(parts.split(',')?.parse().ok()?);
    let max = Duration::from_nanos(parts.split(',')?.parse().ok()?);
    let factor = parts.split(',')?.parse().ok()?;
    let jitter = Jitter::parse(parts.split(',')?)?;
    let max_retries = match optional(parts.split(',')?) {
        Some(n) => Some(n.parse().ok()?),
        None => None,
    };
    Some(Backoff {
        initial,
        max,
        factor,
        jitter,
        max_retries,
    })
}

fn optional(field: &str) -> Option<&str> {
    (!field.is_empty()).then_some(field)
}

/// (Reading the dump back is checked against the parser, so these need it.)
#[cfg(all(test, feature = "parse"))]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::EMBEDDED_SOURCE;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/prebuilt/embedded.rs");

    #[test]
    fn prebuilt_spec_is_the_parsed_one_and_its_source_is_current() {
        let parsed = Spec::parse(EMBEDDED_SOURCE).expect("the shipped spec is valid");
        let source = source_of(&parsed);
        if std::env::var_os("STATUS_BLESS").is_some() {
            std::fs::write(PATH, &source).expect("writes the generated source");
        }
        let current = std::fs::read_to_string(PATH).expect("the generated source exists");
        assert!(
            current == source,
            "{PATH} is stale: regenerate it with `STATUS_BLESS=1 cargo test -p status-spec prebuilt`"
        );
        assert_eq!(spec(), Some(parsed));
    }

    #[test]
    fn a_dump_that_does_not_read_back_gives_none() {
        // Through the same functions `spec` uses, on lines it would reject.
        let entry_of = |line: &str| entry(&mut Fields(Some(line)));
        assert!(entry_of("404\tNot Found\tNotFound\t\tmodify\t\tpermanent\t\t").is_some());
        for bad in [
            "404\tNot Found\tNotFound\t\tsometimes\t\tpermanent\t\t",
            "4o4\tNot Found\tNotFound\t\tmodify\t\tpermanent\t\t",
            "404\tNot Found\tNotFound\t\tmodify\t\tpermanent\t\t2026-02-30",
            "404\tNot Found",
        ] {
            assert_eq!(entry_of(bad), None, "{bad:?}");
        }
        assert_eq!(backoff("1,2,2.0,sometimes,"), None);
        assert_eq!(
            backoff("1000,2000,1.5,full,3").map(|b| (b.initial, b.max_retries)),
            Some((Duration::from_micros(1), Some(3)))
        );
    }

    /// `embedded.rs` for `spec`.
    fn source_of(spec: &Spec) -> String {
        let mut dump = String::new();
        for e in spec.codes() {
            entry_line(&mut dump, e);
        }
        for s in spec.services() {
            let overridden: Vec<String> = s
                .codes()
                .filter(|&c| s.is_overridden(c))
                .map(|c| c.to_string())
                .collect();
            let fields = [
                s.name.clone(),
                s.description.clone(),
                s.source.clone().unwrap_or_default(),
                s.unlisted_retry.map(|r| r.to_string()).unwrap_or_default(),
                s.backoff.map(|b| backoff_field(&b)).unwrap_or_default(),
                overridden.join(","),
            ];
            line(&mut dump, "S", &fields);
            for e in s.entries() {
                entry_line(&mut dump, e);
            }
        }
        let mut out = String::from(
            "//! Generated from `codes.toml` by `prebuilt::tests`; do not edit. Regenerate with\n\
             //! `STATUS_BLESS=1 cargo test -p status-spec prebuilt`. The lines are described in\n\
             //! `prebuilt.rs`.\n\n\
             pub(crate) const DUMP: &str = concat!(\n",
        );
        for l in dump.lines() {
            let _ = writeln!(out, "    {:?},", format!("{l}\n"));
        }
        out.push_str(");\n");
        out
    }

    fn entry_line(dump: &mut String, e: &CodeEntry) {
        let fields = [
            e.code.to_string(),
            e.reason.clone(),
            e.name.clone(),
            e.description.clone(),
            e.retry.to_string(),
            e.reference.clone().unwrap_or_default(),
            e.status.as_str().to_owned(),
            e.aliases.join(&ALIAS_SEPARATOR.to_string()),
            e.expires.map(|d| d.to_string()).unwrap_or_default(),
        ];
        line(dump, "E", &fields);
    }

    fn line(dump: &mut String, kind: &str, fields: &[String]) {
        dump.push_str(kind);
        for field in fields {
            assert!(
                !field.contains(['\t', '\n', '\r']),
                "{field:?} cannot go in a dump line"
            );
            dump.push('\t');
            dump.push_str(field);
        }
        dump.push('\n');
    }

    fn backoff_field(b: &Backoff) -> String {
        let max_retries = b.max_retries.map(|n| n.to_string()).unwrap_or_default();
        format!(
            "{},{},{:?},{},{max_retries}",
            b.initial.as_nanos(),
            b.max.as_nanos(),
            b.factor,
            b.jitter,
        )
    }
}
