//! Stage 1: TOML text -> raw entries that keep their byte spans.
//!
//! This stage checks what a schema would: TOML syntax, known keys, value types, code numbers,
//! and the closed sets of `retry` and `status` values. Cross-entry rules live in `valid.rs`.

use std::fmt;
use std::ops::Range;

mod backoff;

use backoff::backoff;

use crate::backoff::Backoff;
use crate::diag::{Sink, did_you_mean};
use crate::model::{Date, ENTRY_KEYS, Registration, Retry, SERVICE_KEYS};
use crate::tree::{self, Key, Table, Value};

/// A value and where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Sp<T> {
    pub(crate) value: T,
    pub(crate) span: Range<usize>,
}

/// A code entry as written: in `[codes.N]` or in `[services.S.overrides.N]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawEntry {
    pub(crate) code: u16,
    pub(crate) key_span: Range<usize>,
    pub(crate) reason: Option<Sp<String>>,
    pub(crate) name: Option<Sp<String>>,
    pub(crate) description: Option<String>,
    pub(crate) retry: Option<Retry>,
    pub(crate) reference: Option<String>,
    pub(crate) status: Option<Registration>,
    pub(crate) aliases: Option<Vec<String>>,
    pub(crate) expires: Option<Date>,
    /// A field had a problem already reported; later rules stay quiet to avoid a cascade.
    pub(crate) broken: bool,
}

/// A `[services.S]` table as written.
#[derive(Debug, Clone)]
pub(crate) struct RawService {
    pub(crate) name: Sp<String>,
    pub(crate) description: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) codes: Option<Sp<Vec<Sp<u16>>>>,
    /// An item of `codes` had a problem already reported.
    pub(crate) codes_broken: bool,
    pub(crate) overrides: Vec<RawEntry>,
    pub(crate) unlisted_retry: Option<Retry>,
    pub(crate) backoff: Option<Backoff>,
}

/// The whole file as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawSpec {
    pub(crate) codes: Vec<RawEntry>,
    pub(crate) services: Vec<RawService>,
}

const TOP_KEYS: &[&str] = &["codes", "services"];
/// What a value is, for messages: formatted only when a message needs it, since most values
/// are fine and formatting every field's name was a third of parsing a valid spec.
type What<'a> = &'a dyn fmt::Display;

/// "`key` of WHAT".
struct Field<'a> {
    key: &'a str,
    of: What<'a>,
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` of {}", self.key, self.of)
    }
}

/// "`codes.429`", "`services.x.overrides.429`".
struct EntryName<'a> {
    place: &'a str,
    code: u16,
}

impl fmt::Display for EntryName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}.{}`", self.place, self.code)
    }
}

/// "an item of WHAT".
struct ItemOf<'a>(What<'a>);

impl fmt::Display for ItemOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an item of {}", self.0)
    }
}

/// "`codes`".
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// "service `x`".
struct ServiceName<'a>(&'a str);

impl fmt::Display for ServiceName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "service `{}`", self.0)
    }
}

type Entry<'a, 'i> = &'a (Key<'i>, Value<'i>);

/// Parses TOML text into raw entries, reporting every problem to `sink`.
pub(crate) fn parse(source: &str, sink: &mut Sink<'_>) -> RawSpec {
    let (doc, errors) = tree::parse(source);
    for e in &errors {
        let span = e.unexpected().map_or(0..0, |s| s.start()..s.end());
        let message = toml_message(e);
        sink.error(span, format!("invalid TOML: {}", first_line(&message)));
    }
    if !errors.is_empty() {
        // A recovered document may be missing whole tables; checking it would only add noise.
        return RawSpec::default();
    }
    let mut raw = RawSpec::default();
    for (key, value) in doc.iter() {
        match key.name.as_ref() {
            "codes" => raw.codes = code_table(value, "codes", sink),
            "services" => raw.services = services(value, sink),
            other => unknown_key(sink, key.span(), other, "at the top level", TOP_KEYS),
        }
    }
    raw
}

/// A TOML error in the words the `toml` crate used: "DESCRIPTION, expected A, B".
pub(crate) fn toml_message(error: &toml_parser::ParseError) -> String {
    let mut message = error.description().to_owned();
    let Some(expected) = error.expected() else {
        return message;
    };
    message.push_str(", expected ");
    if expected.is_empty() {
        message.push_str("nothing");
    }
    for (i, item) in expected.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        match item {
            toml_parser::Expected::Literal(literal) => message.push_str(&literal_name(literal)),
            toml_parser::Expected::Description(what) => message.push_str(what),
            _ => message.push_str("etc"),
        }
    }
    message
}

/// How an expected literal is shown: quoted, with a newline and control characters spelled.
fn literal_name(literal: &str) -> String {
    match literal {
        "\n" => "newline".to_owned(),
        "`" => "'`'".to_owned(),
        s if s.chars().all(|c| c.is_ascii_control()) => format!("`{}`", s.escape_debug()),
        s => format!("`{s}`"),
    }
}

/// The first non-blank line of a TOML error, trimmed: messages stay one line long.
fn first_line(message: &str) -> &str {
    message
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default()
}

pub(crate) fn unknown_key(
    sink: &mut Sink<'_>,
    span: Range<usize>,
    key: &str,
    place: &str,
    valid: &[&str],
) {
    let help = match did_you_mean(key, valid.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("valid keys are {}", list(valid)),
    };
    sink.error_help(span, format!("unknown key `{key}` {place}"), Some(help));
}

/// `a`, `b` and `c` style list of names.
pub(crate) fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn type_error(sink: &mut Sink<'_>, value: &Value<'_>, what: What<'_>, expected: &str) {
    let found = value.type_str();
    sink.error(
        value.span(),
        format!("expected {expected} for {what}, found {found}"),
    );
}

pub(crate) fn table<'a, 'i>(
    value: &'a Value<'i>,
    what: What<'_>,
    sink: &mut Sink<'_>,
) -> Option<&'a Table<'i>> {
    let table = value.as_table();
    if table.is_none() {
        type_error(sink, value, what, "a table");
    }
    table
}

pub(crate) fn string(value: &Value<'_>, what: What<'_>, sink: &mut Sink<'_>) -> Option<Sp<String>> {
    match value.as_str() {
        Some(s) => Some(Sp {
            value: s.to_owned(),
            span: value.span(),
        }),
        None => {
            type_error(sink, value, what, "a string");
            None
        }
    }
}

/// A status code written as a table key: exactly three digits, 100 to 599.
fn code_key(key: &str) -> Option<u16> {
    let ok = key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit());
    key.parse().ok().filter(|c| ok && (100..=599).contains(c))
}

fn code_table(value: &Value<'_>, place: &str, sink: &mut Sink<'_>) -> Vec<RawEntry> {
    let Some(table) = table(value, &Quoted(place), sink) else {
        return Vec::new();
    };
    table
        .iter()
        .filter_map(|entry| code_entry(entry, place, sink))
        .collect()
}

fn code_entry((key, value): Entry<'_, '_>, place: &str, sink: &mut Sink<'_>) -> Option<RawEntry> {
    let Some(code) = code_key(&key.name) else {
        let msg = format!("`{}` in `{place}` is not a status code", &key.name);
        sink.error_help(
            key.span(),
            msg,
            Some("expected a number from 100 to 599".into()),
        );
        return None;
    };
    let what = EntryName { place, code };
    let table = table(value, &what, sink)?;
    let mut entry = RawEntry {
        code,
        key_span: key.span(),
        ..RawEntry::default()
    };
    for (k, v) in table.iter() {
        let before = sink.len();
        entry_field(&mut entry, k, v, &what, sink);
        entry.broken |= sink.len() > before;
    }
    Some(entry)
}

fn entry_field(
    entry: &mut RawEntry,
    key: &Key<'_>,
    value: &Value<'_>,
    what: What<'_>,
    sink: &mut Sink<'_>,
) {
    let field = Field {
        key: &key.name,
        of: what,
    };
    match key.name.as_ref() {
        "reason" => entry.reason = string(value, &field, sink),
        "name" => entry.name = string(value, &field, sink),
        "description" => entry.description = string(value, &field, sink).map(|s| s.value),
        "reference" => entry.reference = string(value, &field, sink).map(|s| s.value),
        "retry" => {
            entry.retry = closed_set(
                value,
                &field,
                sink,
                Retry::parse,
                &Retry::ALL.map(Retry::as_str),
            )
        }
        "status" => {
            let names = Registration::ALL.map(Registration::as_str);
            entry.status = closed_set(value, &field, sink, Registration::parse, &names);
        }
        "aliases" => entry.aliases = strings(value, &field, sink),
        "expires" => entry.expires = date(value, &field, sink),
        other => unknown_key(sink, key.span(), other, &format!("in {what}"), ENTRY_KEYS),
    }
}

/// A string that must be one of a few spellings.
pub(crate) fn closed_set<T>(
    value: &Value<'_>,
    what: What<'_>,
    sink: &mut Sink<'_>,
    parse: fn(&str) -> Option<T>,
    valid: &[&str],
) -> Option<T> {
    let s = string(value, what, sink)?;
    let parsed = parse(&s.value);
    if parsed.is_none() {
        let help = match did_you_mean(&s.value, valid.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("expected one of {}", list(valid)),
        };
        sink.error_help(
            s.span,
            format!("invalid value `{}` for {what}", s.value),
            Some(help),
        );
    }
    parsed
}

/// A TOML local date (`2026-11-13`, unquoted): no time, no offset.
fn date(value: &Value<'_>, what: What<'_>, sink: &mut Sink<'_>) -> Option<Date> {
    let Some(datetime) = value.as_datetime() else {
        let found = value.type_str();
        let help = Some("write a date without quotes, e.g. `expires = 2026-11-13`".into());
        let msg = format!("expected a date for {what}, found {found}");
        sink.error_help(value.span(), msg, help);
        return None;
    };
    let date = datetime
        .date
        .filter(|_| datetime.time.is_none() && datetime.offset.is_none())
        .and_then(|(year, month, day)| Date::new(year, month, day));
    if date.is_none() {
        let help = Some("write the day alone, e.g. `expires = 2026-11-13`".into());
        let msg = format!("expected a date for {what}, found `{datetime}`");
        sink.error_help(value.span(), msg, help);
    }
    date
}

fn array<'a, 'i>(
    value: &'a Value<'i>,
    what: What<'_>,
    sink: &mut Sink<'_>,
) -> Option<&'a [Value<'i>]> {
    let array = value.as_array();
    if array.is_none() {
        type_error(sink, value, what, "an array");
    }
    array
}

fn strings(value: &Value<'_>, what: What<'_>, sink: &mut Sink<'_>) -> Option<Vec<String>> {
    let items = array(value, what, sink)?;
    let item_what = ItemOf(what);
    Some(
        items
            .iter()
            .filter_map(|v| string(v, &item_what, sink))
            .map(|s| s.value)
            .collect(),
    )
}

fn services(value: &Value<'_>, sink: &mut Sink<'_>) -> Vec<RawService> {
    let Some(table) = table(value, &Quoted("services"), sink) else {
        return Vec::new();
    };
    table
        .iter()
        .filter_map(|entry| service(entry, sink))
        .collect()
}

fn service((key, value): Entry<'_, '_>, sink: &mut Sink<'_>) -> Option<RawService> {
    let what = ServiceName(&key.name);
    let name = Sp {
        value: key.name.to_string(),
        span: key.span(),
    };
    let table = table(value, &what, sink)?;
    let mut service = RawService {
        name,
        description: None,
        source: None,
        codes: None,
        codes_broken: false,
        overrides: Vec::new(),
        unlisted_retry: None,
        backoff: None,
    };
    for (k, v) in table.iter() {
        let field = Field {
            key: &k.name,
            of: &what,
        };
        match k.name.as_ref() {
            "description" => service.description = string(v, &field, sink).map(|s| s.value),
            "source" => service.source = string(v, &field, sink).map(|s| s.value),
            "codes" => {
                let before = sink.len();
                service.codes = code_list(v, &field, sink);
                service.codes_broken = sink.len() > before;
            }
            "unlisted_retry" => {
                let names = Retry::ALL.map(Retry::as_str);
                service.unlisted_retry = closed_set(v, &field, sink, Retry::parse, &names);
            }
            "backoff" => service.backoff = backoff(v, &key.name, k.span(), sink),
            "overrides" => {
                let place = format!("services.{}.overrides", service.name.value);
                service.overrides = code_table(v, &place, sink);
            }
            other => unknown_key(sink, k.span(), other, &format!("in {what}"), SERVICE_KEYS),
        }
    }
    Some(service)
}

fn code_list(value: &Value<'_>, what: What<'_>, sink: &mut Sink<'_>) -> Option<Sp<Vec<Sp<u16>>>> {
    let items = array(value, what, sink)?;
    let codes = items
        .iter()
        .filter_map(|v| code_item(v, what, sink))
        .collect();
    Some(Sp {
        value: codes,
        span: value.span(),
    })
}

fn code_item(value: &Value<'_>, what: What<'_>, sink: &mut Sink<'_>) -> Option<Sp<u16>> {
    let Some((digits, radix)) = value.as_integer() else {
        type_error(sink, value, &ItemOf(what), "an integer");
        return None;
    };
    let code = u16::from_str_radix(digits, radix)
        .ok()
        .filter(|c| (100..=599).contains(c));
    if code.is_none() {
        let msg = format!("`{digits}` in {what} is not a status code");
        sink.error_help(
            value.span(),
            msg,
            Some("expected a number from 100 to 599".into()),
        );
    }
    code.map(|c| Sp {
        value: c,
        span: value.span(),
    })
}
