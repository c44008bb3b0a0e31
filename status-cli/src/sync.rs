//! `sync-iana FILE [--apply]`: the drift between the base registry and IANA's, and the edit
//! that closes what can be closed.

use std::fmt;
use std::path::Path;

use status_spec::{Class, Date, Registration, Retry, Spec};
use toml_edit::{DocumentMut, Item, Value};

use crate::cli::SyncIanaArgs;
use crate::edit;
use crate::error::Failure;
use crate::iana::{self, Assigned, Registry};
use crate::load;
use crate::render::plural;
use crate::spec_diff;

/// One way the base registry differs from IANA's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Drift {
    /// The registry assigns a code the base lacks.
    Missing { code: u16, assigned: Assigned },
    /// The base has a code the registry does not assign.
    Withdrawn { code: u16, reason: String },
    /// The registered phrase differs from the base's `reason`.
    Phrase { code: u16, old: String, new: String },
    Status {
        code: u16,
        old: Registration,
        new: Registration,
    },
    Expires {
        code: u16,
        old: Option<Date>,
        new: Option<Date>,
    },
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = |d: &Option<Date>| d.map_or("(none)".to_owned(), |d| d.to_string());
        match self {
            Drift::Missing { code, assigned } => {
                let phrase = assigned.phrase.as_deref().unwrap_or("(Unused)");
                write!(
                    f,
                    "missing: {code} {phrase:?} is assigned by the registry but not in the base registry"
                )
            }
            Drift::Withdrawn { code, reason } => write!(
                f,
                "withdrawn: {code} {reason:?} is in the base registry but the registry does not assign it"
            ),
            Drift::Phrase { code, old, new } => write!(f, "phrase: {code} {old:?} -> {new:?}"),
            Drift::Status { code, old, new } => {
                write!(f, "status: {code} {} -> {}", old.as_str(), new.as_str())
            }
            Drift::Expires { code, old, new } => {
                write!(f, "expires: {code} {} -> {}", date(old), date(new))
            }
        }
    }
}

pub(crate) fn run(spec: Option<&Path>, args: &SyncIanaArgs) -> Result<(), Failure> {
    let registry = iana::read(&args.file)?;
    let source = if args.apply {
        load::writable(spec)?
    } else {
        load::read_only(spec)?
    };
    let drift = drift(&source.parse()?, &registry);
    if drift.is_empty() {
        println!(
            "`{}` matches the IANA registry ({} assigned)",
            source.name,
            plural(registry.len(), "code")
        );
        return Ok(());
    }
    for item in &drift {
        println!("{item}");
    }
    if !args.apply {
        return Err(Failure::msg(format!(
            "`{}` differs from the IANA registry in {}; `status-codes sync-iana {} --apply` updates it",
            source.name,
            plural(drift.len(), "place"),
            args.file.display()
        )));
    }
    let edited = edit::apply(&source.name, &source.text, |doc| apply(doc, &drift))?;
    let renames = spec_diff::renames(&source.text, &edited.text);
    edit::commit(&source, edited)?;
    for note in renames.into_iter().chain(left_alone(&drift)) {
        eprintln!("note: {note}");
    }
    Ok(())
}

/// Every difference, in code order.
pub(crate) fn drift(spec: &Spec, registry: &Registry) -> Vec<Drift> {
    let mut out = Vec::new();
    for entry in spec.codes() {
        let Some(assigned) = registry.get(&entry.code) else {
            out.push(Drift::Withdrawn {
                code: entry.code,
                reason: entry.reason.clone(),
            });
            continue;
        };
        let code = entry.code;
        if let Some(new) = assigned.phrase.as_ref().filter(|p| **p != entry.reason) {
            let old = entry.reason.clone();
            out.push(Drift::Phrase {
                code,
                old,
                new: new.clone(),
            });
        }
        if assigned.status != entry.status {
            out.push(Drift::Status {
                code,
                old: entry.status,
                new: assigned.status,
            });
        }
        if assigned.expires != entry.expires {
            out.push(Drift::Expires {
                code,
                old: entry.expires,
                new: assigned.expires,
            });
        }
    }
    for (code, assigned) in registry {
        if spec.code(*code).is_none() {
            let assigned = assigned.clone();
            out.push(Drift::Missing {
                code: *code,
                assigned,
            });
        }
    }
    out.sort_by_key(|d| match d {
        Drift::Missing { code, .. }
        | Drift::Withdrawn { code, .. }
        | Drift::Phrase { code, .. }
        | Drift::Status { code, .. }
        | Drift::Expires { code, .. } => *code,
    });
    out
}

/// Applies the drift to the document; returns what was done.
pub(crate) fn apply(doc: &mut DocumentMut, drift: &[Drift]) -> Result<String, Failure> {
    let (mut added, mut changed) = (0, 0);
    for item in drift {
        match item {
            Drift::Missing { code, assigned } => added += usize::from(add(doc, *code, assigned)?),
            Drift::Withdrawn { .. } => {}
            Drift::Phrase { code, old, new } => {
                rename(entry(doc, *code)?, old, new);
                changed += 1;
            }
            Drift::Status { code, new, .. } => {
                let value = (*new != Registration::Permanent).then(|| Value::from(new.as_str()));
                put(entry(doc, *code)?, "status", value);
                changed += 1;
            }
            Drift::Expires { code, new, .. } => {
                put(entry(doc, *code)?, "expires", new.map(date_value));
                changed += 1;
            }
        }
    }
    Ok(format!(
        "updated the base registry from the IANA registry: added {}, changed {}",
        plural(added, "code"),
        plural(changed, "field")
    ))
}

/// What `--apply` leaves to the user.
fn left_alone(drift: &[Drift]) -> Vec<String> {
    drift
        .iter()
        .filter_map(|d| match d {
            Drift::Withdrawn { code, .. } => Some(format!(
                "{code} is kept; `status-codes remove {code}` deletes it if it should go"
            )),
            Drift::Missing { code, assigned } if assigned.phrase.is_none() => Some(format!(
                "{code} is registered as unused, with no phrase to add it under; `status-codes add {code} --reason PHRASE` adds it"
            )),
            _ => None,
        })
        .collect()
}

/// Adds a registered code to the base; `false` when the registry gives it no phrase.
fn add(doc: &mut DocumentMut, code: u16, assigned: &Assigned) -> Result<bool, Failure> {
    let Some(phrase) = &assigned.phrase else {
        return Ok(false);
    };
    let retry = Class::of(code).map_or(Retry::Backoff, Retry::default_for);
    let mut fields = vec![
        ("reason", Value::from(phrase.as_str())),
        ("retry", Value::from(retry.as_str())),
    ];
    if let Some(reference) = &assigned.reference {
        fields.push(("reference", Value::from(reference.as_str())));
    }
    if assigned.status != Registration::Permanent {
        fields.push(("status", Value::from(assigned.status.as_str())));
    }
    if let Some(date) = assigned.expires {
        fields.push(("expires", date_value(date)));
    }
    edit::insert_base(doc, code, fields)?;
    Ok(true)
}

fn entry(doc: &mut DocumentMut, code: u16) -> Result<&mut Item, Failure> {
    doc.get_mut("codes")
        .and_then(|c| c.get_mut(code.to_string().as_str()))
        .filter(|e| e.is_table_like())
        .ok_or_else(|| Failure::msg(format!("cannot edit `codes.{code}`: it is not a table")))
}

/// The new phrase becomes `reason`; the old one joins `aliases`, and the new one leaves them.
fn rename(entry: &mut Item, old: &str, new: &str) {
    edit::set_entry_fields(entry, vec![("reason", Value::from(new))]);
    let mut aliases: Vec<String> = entry
        .get("aliases")
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    aliases.retain(|a| a != new);
    if !aliases.iter().any(|a| a == old) {
        aliases.push(old.to_owned());
    }
    let array: toml_edit::Array = aliases.iter().map(String::as_str).collect();
    edit::set_entry_fields(entry, vec![("aliases", Value::Array(array))]);
}

/// Sets `key`, or removes it when `value` is `None`.
fn put(entry: &mut Item, key: &'static str, value: Option<Value>) {
    match (value, entry.as_table_like_mut()) {
        (Some(value), _) => edit::set_entry_fields(entry, vec![(key, value)]),
        (None, Some(table)) => {
            table.remove(key);
        }
        (None, None) => {}
    }
}

fn date_value(date: Date) -> Value {
    let date = toml_edit::Date {
        year: date.year,
        month: date.month,
        day: date.day,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = "Value,Description,Reference\n\
        104,\"Upload Resumption Supported (TEMPORARY - registered 2024-11-13, expires 2026-11-13)\",[draft-x]\n\
        200,OK,\"[RFC9110, Section 15.3.1]\"\n\
        306,(Unused),\"[RFC9110, Section 15.4.7]\"\n\
        413,Content Too Large,\"[RFC9110, Section 15.5.14]\"\n";

    fn registry() -> Registry {
        iana::parse(REGISTRY.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn applied(spec: &str) -> (Vec<Drift>, String) {
        let parsed = Spec::parse(spec).unwrap_or_else(|e| panic!("{e:?}"));
        let drift = drift(&parsed, &registry());
        let edited = edit::apply("codes.toml", spec, |doc| apply(doc, &drift))
            .unwrap_or_else(|f| panic!("{:?}", f.headline));
        (drift, edited.text)
    }

    #[test]
    fn a_registry_that_changed_back_is_followed_back() {
        // 104 became permanent in the spec by mistake; 200 is marked temporary with a date.
        let spec = "[codes.104]\nreason = \"Upload Resumption Supported\"\n\
                    [codes.200]\nreason = \"OK\"\nstatus = \"temporary\"\nexpires = 2020-01-01 # old\n\
                    [codes.306]\nreason = \"Unused\"\nstatus = \"unused\"\n\
                    [codes.413]\nreason = \"Payload Too Large\"\naliases = [\"Content Too Large\", \"Request Entity Too Large\"]\n";
        let (drift, text) = applied(spec);
        let lines: Vec<String> = drift.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "status: 104 permanent -> temporary",
                "expires: 104 (none) -> 2026-11-13",
                "status: 200 temporary -> permanent",
                "expires: 200 2020-01-01 -> (none)",
                "phrase: 413 \"Payload Too Large\" -> \"Content Too Large\"",
            ]
        );
        let expected = "[codes.104]\nreason = \"Upload Resumption Supported\"\nstatus = \"temporary\"\nexpires = 2026-11-13\n\
                        [codes.200]\nreason = \"OK\"\n\
                        [codes.306]\nreason = \"Unused\"\nstatus = \"unused\"\n\
                        [codes.413]\nreason = \"Content Too Large\"\naliases = [\"Request Entity Too Large\", \"Payload Too Large\"]\n";
        assert_eq!(text, expected);
        let again = Spec::parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(super::drift(&again, &registry()).is_empty());
    }

    #[test]
    fn an_unused_code_without_a_phrase_is_left_to_the_user() {
        let spec = "[codes.104]\nreason = \"Upload Resumption Supported\"\nstatus = \"temporary\"\nexpires = 2026-11-13\n\
                    [codes.200]\nreason = \"OK\"\n[codes.413]\nreason = \"Content Too Large\"\n";
        let (drift, text) = applied(spec);
        assert_eq!(
            drift.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["missing: 306 \"(Unused)\" is assigned by the registry but not in the base registry"]
        );
        assert_eq!(text, spec, "nothing to add it under");
        assert_eq!(
            left_alone(&drift),
            [
                "306 is registered as unused, with no phrase to add it under; `status-codes add 306 --reason PHRASE` adds it"
            ]
        );
    }
}
