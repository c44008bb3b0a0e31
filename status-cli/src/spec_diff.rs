//! `diff OLD NEW`: the semantic difference of two specs, and which of it breaks users' code.
//!
//! Entries are compared as users' code sees them: a service's entries are the base merged with
//! its overrides, so a base change shows in every service that inherits it. Breaking is what
//! makes code that compiled stop compiling: a code or service removed (its variant or enum is
//! gone) or a variant renamed (a new `name`, or a new `reason` the name derives from).
//!
//! Service keys the model does not know (such as a `backoff` table) are compared as TOML
//! values, so a key added to the spec format later shows up here without a change to this file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use status_spec::{CodeEntry, Service, Spec, SpecError};
use toml_edit::{DocumentMut, Item, Value};

use crate::cli::{Deny, DiffArgs, DiffFormat};
use crate::error::{Failure, io_reason};
use crate::json::{Json, pretty};
use crate::load::problems;
use crate::render::plural;

/// What happened to a code, a service or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Added,
    Removed,
    Changed,
}

impl Kind {
    const fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
        }
    }
}

/// A field's value on one side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Val {
    Text(String),
    List(Vec<String>),
    /// A TOML value the model does not know, in a canonical inline rendering.
    Toml(String),
}

/// One difference between the two specs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    pub(crate) kind: Kind,
    /// `None` for the base registry, else the service's name.
    pub(crate) scope: Option<String>,
    /// `None` for a change to a service itself.
    pub(crate) code: Option<u16>,
    /// `None` when a whole code or service was added or removed.
    pub(crate) field: Option<String>,
    pub(crate) old: Option<Val>,
    pub(crate) new: Option<Val>,
    pub(crate) breaking: bool,
}

/// One spec to compare: the model, and its TOML for the keys the model does not hold.
pub(crate) struct Side {
    pub(crate) spec: Spec,
    pub(crate) doc: Option<DocumentMut>,
}

impl Side {
    /// Parses and validates `text`; `None` when it is not a valid spec.
    pub(crate) fn parse(text: &str) -> Option<Side> {
        Some(Side {
            spec: Spec::parse(text).ok()?,
            doc: text.parse().ok(),
        })
    }

    fn named(name: &str, text: &str) -> Result<Side, SpecError> {
        Ok(Side {
            spec: Spec::parse_named(name, text)?,
            doc: text.parse().ok(),
        })
    }
}

pub(crate) fn run(args: &DiffArgs) -> Result<(), Failure> {
    let old = read_side(&args.old)?;
    let new = read_side(&args.new)?;
    let changes = changes(&old, &new);
    match args.format {
        DiffFormat::Text => print!("{}", text(&changes)),
        DiffFormat::Json => print!("{}", json(&changes)),
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    if args.deny == Some(Deny::Breaking) && breaking > 0 {
        return Err(Failure::msg(format!(
            "{} (`--deny breaking`)",
            plural(breaking, "breaking change")
        )));
    }
    Ok(())
}

fn read_side(path: &Path) -> Result<Side, Failure> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::msg(format!("cannot read `{name}`: {}", io_reason(&e))))?;
    Side::named(&name, &text).map_err(|e| {
        let count = problems(e.diagnostics.len());
        Failure::spec(format!("`{name}` is not a valid spec: {count}"), e)
    })
}

/// Every difference from `old` to `new`: the base registry by code, then each service by name.
pub(crate) fn changes(old: &Side, new: &Side) -> Vec<Change> {
    let mut out = Vec::new();
    entries(None, old.spec.codes(), new.spec.codes(), &mut out);
    let names: BTreeSet<&str> = old
        .spec
        .service_names()
        .chain(new.spec.service_names())
        .collect();
    for name in names {
        match (old.spec.service(name), new.spec.service(name)) {
            (Some(_), None) => out.push(whole(Kind::Removed, Some(name), None)),
            (None, Some(s)) => {
                out.push(whole(Kind::Added, Some(name), None).with_new(&s.description))
            }
            (Some(a), Some(b)) => service(a, b, (old, new), &mut out),
            (None, None) => {}
        }
    }
    out
}

/// The variant renames from `old` to `new`, as notes for the user; empty unless both are
/// valid specs.
pub(crate) fn renames(old: &str, new: &str) -> Vec<String> {
    let (Some(old), Some(new)) = (Side::parse(old), Side::parse(new)) else {
        return Vec::new();
    };
    changes(&old, &new).iter().filter_map(rename_note).collect()
}

/// "the variant for 404 in the base registry is renamed from `NotFound` to `Gone`; ...".
fn rename_note(change: &Change) -> Option<String> {
    let (Some("name"), Some(code)) = (change.field.as_deref(), change.code) else {
        return None;
    };
    let (Some(Val::Text(from)), Some(Val::Text(to))) = (&change.old, &change.new) else {
        return None;
    };
    let place = match &change.scope {
        None => "the base registry".to_owned(),
        Some(s) => format!("service `{s}`"),
    };
    Some(format!(
        "the variant for {code} in {place} is renamed from `{from}` to `{to}`; code that names `{from}` must change"
    ))
}

impl Change {
    fn with_new(mut self, text: &str) -> Change {
        self.new = (!text.is_empty()).then(|| Val::Text(text.to_owned()));
        self
    }
}

/// A whole code or service added or removed; removing one is breaking.
fn whole(kind: Kind, scope: Option<&str>, code: Option<u16>) -> Change {
    Change {
        kind,
        scope: scope.map(str::to_owned),
        code,
        field: None,
        old: None,
        new: None,
        breaking: kind == Kind::Removed,
    }
}

fn entries<'a>(
    scope: Option<&str>,
    old: impl Iterator<Item = &'a CodeEntry>,
    new: impl Iterator<Item = &'a CodeEntry>,
    out: &mut Vec<Change>,
) {
    let old: BTreeMap<u16, &CodeEntry> = old.map(|e| (e.code, e)).collect();
    let new: BTreeMap<u16, &CodeEntry> = new.map(|e| (e.code, e)).collect();
    let codes: BTreeSet<u16> = old.keys().chain(new.keys()).copied().collect();
    for code in codes {
        match (old.get(&code), new.get(&code)) {
            (Some(a), None) => {
                let mut change = whole(Kind::Removed, scope, Some(code));
                change.old = Some(Val::Text(a.reason.clone()));
                out.push(change);
            }
            (None, Some(b)) => out.push(whole(Kind::Added, scope, Some(code)).with_new(&b.reason)),
            (Some(a), Some(b)) => fields(scope, a, b, out),
            (None, None) => {}
        }
    }
}

/// Each field of an entry as the model has it; `None` when absent.
fn entry_fields(e: &CodeEntry) -> [(&'static str, Option<Val>); 8] {
    let text = |s: &str| Some(Val::Text(s.to_owned()));
    [
        ("reason", text(&e.reason)),
        ("name", text(&e.name)),
        (
            "description",
            (!e.description.is_empty()).then(|| Val::Text(e.description.clone())),
        ),
        ("retry", text(e.retry.as_str())),
        ("reference", e.reference.as_deref().and_then(text)),
        ("status", text(e.status.as_str())),
        (
            "aliases",
            (!e.aliases.is_empty()).then(|| Val::List(e.aliases.clone())),
        ),
        ("expires", e.expires.map(|d| Val::Text(d.to_string()))),
    ]
}

fn fields(scope: Option<&str>, a: &CodeEntry, b: &CodeEntry, out: &mut Vec<Change>) {
    for ((field, old), (_, new)) in entry_fields(a).into_iter().zip(entry_fields(b)) {
        if old != new {
            out.push(changed(scope, Some(a.code), field, old, new));
        }
    }
}

/// A changed field; renaming a variant is the one breaking field change.
fn changed(
    scope: Option<&str>,
    code: Option<u16>,
    field: &str,
    old: Option<Val>,
    new: Option<Val>,
) -> Change {
    Change {
        kind: Kind::Changed,
        scope: scope.map(str::to_owned),
        code,
        field: Some(field.to_owned()),
        old,
        new,
        breaking: field == "name",
    }
}

/// Service keys compared through the model; any other key is compared as TOML.
const MODEL_SERVICE_KEYS: &[&str] = &[
    "description",
    "source",
    "codes",
    "unlisted_retry",
    "overrides",
];

fn service(a: &Service, b: &Service, sides: (&Side, &Side), out: &mut Vec<Change>) {
    let scope = Some(a.name.as_str());
    let text = |s: &str| (!s.is_empty()).then(|| Val::Text(s.to_owned()));
    let own = [
        ("description", text(&a.description), text(&b.description)),
        (
            "source",
            a.source.as_deref().and_then(text),
            b.source.as_deref().and_then(text),
        ),
        (
            "unlisted_retry",
            a.unlisted_retry.and_then(|r| text(r.as_str())),
            b.unlisted_retry.and_then(|r| text(r.as_str())),
        ),
    ];
    for (field, old, new) in own {
        if old != new {
            out.push(changed(scope, None, field, old, new));
        }
    }
    let (old_raw, new_raw) = (
        raw_keys(sides.0.doc.as_ref(), &a.name),
        raw_keys(sides.1.doc.as_ref(), &b.name),
    );
    let keys: BTreeSet<&String> = old_raw.keys().chain(new_raw.keys()).collect();
    for key in keys {
        let (old, new) = (old_raw.get(key).cloned(), new_raw.get(key).cloned());
        if old != new {
            out.push(changed(scope, None, key, old, new));
        }
    }
    entries(scope, a.entries().iter(), b.entries().iter(), out);
}

/// The keys of `[services.NAME]` the model does not hold, each as canonical TOML.
fn raw_keys(doc: Option<&DocumentMut>, name: &str) -> BTreeMap<String, Val> {
    let table = doc
        .and_then(|d| d.get("services"))
        .and_then(|s| s.get(name))
        .and_then(Item::as_table_like);
    let Some(table) = table else {
        return BTreeMap::new();
    };
    table
        .iter()
        .filter(|(key, _)| !MODEL_SERVICE_KEYS.contains(key))
        .filter_map(|(key, item)| Some((key.to_owned(), Val::Toml(canonical(item)?))))
        .collect()
}

/// `item` as one line of TOML with its layout, comments and key order taken out, so that only
/// a change of value shows.
fn canonical(item: &Item) -> Option<String> {
    let mut value = item.clone().into_value().ok()?;
    normalize(&mut value);
    Some(value.to_string())
}

fn normalize(value: &mut Value) {
    match value {
        Value::String(s) => *value = Value::from(s.value().as_str()),
        Value::Integer(i) => *value = Value::from(*i.value()),
        Value::Float(f) => *value = Value::from(*f.value()),
        Value::Boolean(b) => *value = Value::from(*b.value()),
        Value::Datetime(d) => *value = Value::from(*d.value()),
        Value::Array(array) => {
            array.iter_mut().for_each(normalize);
            array.fmt();
        }
        Value::InlineTable(table) => {
            table.sort_values();
            table.iter_mut().for_each(|(_, v)| normalize(v));
            table.fmt();
        }
    }
    value.decor_mut().clear();
}

fn scope_text(scope: Option<&str>) -> String {
    match scope {
        None => "base".to_owned(),
        Some(name) => format!("service `{name}`"),
    }
}

fn val_text(val: Option<&Val>) -> String {
    match val {
        None => "(none)".to_owned(),
        Some(Val::Text(s)) => format!("{s:?}"),
        Some(Val::List(items)) => {
            let items: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
            format!("[{}]", items.join(", "))
        }
        Some(Val::Toml(s)) => s.clone(),
    }
}

/// One line per change, then a count.
pub(crate) fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        let scope = scope_text(c.scope.as_deref());
        let what = match (&c.field, c.code) {
            (Some(field), Some(code)) => {
                format!(
                    "{code} {field} {} -> {}",
                    val_text(c.old.as_ref()),
                    val_text(c.new.as_ref())
                )
            }
            (Some(field), None) => {
                format!(
                    "{field} {} -> {}",
                    val_text(c.old.as_ref()),
                    val_text(c.new.as_ref())
                )
            }
            (None, Some(code)) => {
                let phrase = c.new.as_ref().or(c.old.as_ref());
                format!("{} {code} {}", c.kind.as_str(), val_text(phrase))
            }
            (None, None) => c.kind.as_str().to_owned(),
        };
        let mark = if c.breaking { " [breaking]" } else { "" };
        out.push_str(&format!("{scope}: {what}{mark}\n"));
    }
    let breaking = changes.iter().filter(|c| c.breaking).count();
    match changes.len() {
        0 => out.push_str("no changes\n"),
        n => out.push_str(&format!("{}, {breaking} breaking\n", plural(n, "change"))),
    }
    out
}

fn val_json(val: Option<&Val>) -> Json {
    match val {
        None => Json::Null,
        Some(Val::Text(s) | Val::Toml(s)) => Json::str(s),
        Some(Val::List(items)) => Json::Array(items.iter().map(|s| Json::str(s)).collect()),
    }
}

/// An array of `{kind, scope, code, field, old, new, breaking}`.
pub(crate) fn json(changes: &[Change]) -> String {
    let items = changes
        .iter()
        .map(|c| {
            Json::object([
                ("kind", Json::str(c.kind.as_str())),
                ("scope", Json::str(c.scope.as_deref().unwrap_or("base"))),
                (
                    "code",
                    c.code.map_or(Json::Null, |n| Json::Number(u64::from(n))),
                ),
                ("field", c.field.as_deref().map_or(Json::Null, Json::str)),
                ("old", val_json(c.old.as_ref())),
                ("new", val_json(c.new.as_ref())),
                ("breaking", Json::Bool(c.breaking)),
            ])
        })
        .collect();
    pretty(&Json::Array(items))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(text: &str) -> Side {
        match Side::parse(text) {
            Some(side) => side,
            None => panic!("not a valid spec: {text}"),
        }
    }

    fn diff(old: &str, new: &str) -> String {
        text(&changes(&side(old), &side(new)))
    }

    const OLD: &str = r#"
[codes.200]
reason = "OK"
[codes.404]
reason = "Not Found"
[codes.418]
reason = "I'm a Teapot"
[services.shop]
codes = [200, 404]
[services.gone]
codes = [200]
"#;

    #[test]
    fn identical_specs_have_no_changes() {
        assert_eq!(diff(OLD, OLD), "no changes\n");
    }

    #[test]
    fn each_kind_of_change_is_reported_and_classified() {
        let new = r#"
[codes.200]
reason = "Okay"
expires = 2027-01-01
[codes.404]
reason = "Not Found"
name = "NotFound"
retry = "backoff"
[codes.429]
reason = "Too Many Requests"
[services.shop]
codes = [200, 404, 429]
[services.fresh]
description = "New."
codes = [429]
"#;
        let expected = "\
base: 200 reason \"OK\" -> \"Okay\"
base: 200 name \"Ok\" -> \"Okay\" [breaking]
base: 200 expires (none) -> \"2027-01-01\"
base: 404 retry \"modify\" -> \"backoff\"
base: removed 418 \"I'm a Teapot\" [breaking]
base: added 429 \"Too Many Requests\"
service `fresh`: added
service `gone`: removed [breaking]
service `shop`: 200 reason \"OK\" -> \"Okay\"
service `shop`: 200 name \"Ok\" -> \"Okay\" [breaking]
service `shop`: 200 expires (none) -> \"2027-01-01\"
service `shop`: 404 retry \"modify\" -> \"backoff\"
service `shop`: added 429 \"Too Many Requests\"
13 changes, 4 breaking
";
        assert_eq!(diff(OLD, new), expected);
    }

    /// A service key the model does not hold (the `backoff` table another branch adds): compared
    /// as TOML, where layout, comments, quoting and key order are not changes.
    #[test]
    fn unknown_service_keys_are_compared_as_toml_values() {
        let raw = |text: &str| raw_keys(text.parse::<DocumentMut>().ok().as_ref(), "shop");
        let table = "[services.shop]\ncodes = [200]\n[services.shop.backoff]\nbase = \"1s\"\nmax = \"30s\"\n";
        let inline =
            "[services.shop]\ncodes = [200]\nbackoff = { max = '30s' ,  base = \"1s\" } # cap\n";
        let other = "[services.shop]\ncodes = [200]\nbackoff = { base = \"2s\", max = \"30s\" }\n";
        let expected = Val::Toml("{ base = \"1s\", max = \"30s\" }".to_owned());
        assert_eq!(raw(table).get("backoff"), Some(&expected));
        assert_eq!(raw(table), raw(inline));
        assert_ne!(raw(table), raw(other));
        assert_eq!(raw(table).len(), 1, "keys the model holds are left to it");
        assert!(raw("[services.other]\ncodes = [200]\n").is_empty());
    }

    #[test]
    fn json_has_the_documented_fields() {
        let new = OLD.replace("[codes.418]\nreason = \"I'm a Teapot\"\n", "");
        let out = json(&changes(&side(OLD), &side(&new)));
        let expected = "[\n  {\n    \"kind\": \"removed\",\n    \"scope\": \"base\",\n    \"code\": 418,\n    \"field\": null,\n    \"old\": \"I'm a Teapot\",\n    \"new\": null,\n    \"breaking\": true\n  }\n]\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn renames_name_old_and_new_variant() {
        let new = OLD.replace("reason = \"Not Found\"", "reason = \"Missing\"");
        assert_eq!(
            renames(OLD, &new),
            [
                "the variant for 404 in the base registry is renamed from `NotFound` to `Missing`; code that names `NotFound` must change",
                "the variant for 404 in service `shop` is renamed from `NotFound` to `Missing`; code that names `NotFound` must change",
            ]
        );
        assert!(renames(OLD, "not toml [").is_empty());
    }
}
