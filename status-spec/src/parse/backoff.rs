//! Reading `[services.NAME.backoff]` from the TOML tree, with every rule that spans keys.

use std::fmt;
use std::ops::Range;
use std::time::Duration;

use super::{Sp, closed_set, string, table, unknown_key};
use crate::backoff::{BACKOFF_KEYS, Backoff, Jitter, format_duration, parse_duration};
use crate::diag::Sink;
use crate::tree::{Kind, Value};

/// "`services.NAME.backoff`".
struct Place<'a>(&'a str);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`services.{}.backoff`", self.0)
    }
}

/// "`key` of `services.NAME.backoff`".
struct Field<'a> {
    key: &'a str,
    service: &'a str,
}

impl fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` of {}", self.key, Place(self.service))
    }
}

/// What a `backoff` table holds as written, before the rules that span keys.
#[derive(Default)]
struct Raw {
    initial: Option<Sp<Duration>>,
    max: Option<Sp<Duration>>,
    factor: Option<f64>,
    jitter: Option<Jitter>,
    max_retries: Option<u32>,
    broken: bool,
}

/// Parses and checks `[services.SERVICE.backoff]`; every problem goes to `sink`, and a
/// table with any problem gives `None`.
pub(crate) fn backoff(
    value: &Value<'_>,
    service: &str,
    key_span: Range<usize>,
    sink: &mut Sink<'_>,
) -> Option<Backoff> {
    let table = table(value, &Place(service), sink)?;
    let before = sink.len();
    let mut raw = Raw::default();
    for (k, v) in table.iter() {
        let field = Field {
            key: &k.name,
            service,
        };
        match k.name.as_ref() {
            "initial" => raw.initial = duration(v, &field, sink),
            "max" => raw.max = duration(v, &field, sink),
            "factor" => raw.factor = factor(v, &field, sink),
            "jitter" => {
                let names = Jitter::ALL.map(Jitter::as_str);
                raw.jitter = closed_set(v, &field, sink, Jitter::parse, &names);
            }
            "max_retries" => raw.max_retries = count(v, &field, sink),
            other => {
                let place = format!("in {}", Place(service));
                unknown_key(sink, k.span(), other, &place, BACKOFF_KEYS);
            }
        }
    }
    raw.broken = sink.len() > before;
    checked(raw, service, key_span, sink)
}

/// The rules across keys: `initial` and `max` present, `initial` no longer than `max`.
fn checked(
    raw: Raw,
    service: &str,
    key_span: Range<usize>,
    sink: &mut Sink<'_>,
) -> Option<Backoff> {
    let mut missing = |key: &str, example: &str| {
        let msg = format!("missing `{key}` in {}", Place(service));
        sink.error_help(
            key_span.clone(),
            msg,
            Some(format!("add e.g. `{key} = \"{example}\"`")),
        );
    };
    let (Some(initial), Some(max)) = (raw.initial.clone(), raw.max.clone()) else {
        if raw.initial.is_none() && !raw.broken {
            missing("initial", "500ms");
        }
        if raw.max.is_none() && !raw.broken {
            missing("max", "30s");
        }
        return None;
    };
    if initial.value > max.value {
        let msg = format!(
            "`initial` ({}) is longer than `max` ({}) in {}",
            format_duration(initial.value),
            format_duration(max.value),
            Place(service)
        );
        sink.error_help(
            initial.span,
            msg,
            Some("the first wait cannot exceed the longest one".into()),
        );
        return None;
    }
    if raw.broken {
        return None;
    }
    Some(Backoff {
        initial: initial.value,
        max: max.value,
        factor: raw.factor.unwrap_or(Backoff::DEFAULT_FACTOR),
        jitter: raw.jitter.unwrap_or(Backoff::DEFAULT_JITTER),
        max_retries: raw.max_retries,
    })
}

fn duration(value: &Value<'_>, what: &Field<'_>, sink: &mut Sink<'_>) -> Option<Sp<Duration>> {
    let s = string(value, what, sink)?;
    let Some(parsed) = parse_duration(&s.value) else {
        sink.error_help(
            s.span,
            format!("invalid duration `{}` for {what}", s.value),
            Some("expected a whole number and a unit: `ms`, `s`, `m` or `h`, e.g. `\"500ms\"` or `\"15m\"`".into()),
        );
        return None;
    };
    Some(Sp {
        value: parsed,
        span: s.span,
    })
}

fn factor(value: &Value<'_>, what: &Field<'_>, sink: &mut Sink<'_>) -> Option<f64> {
    let (number, text) = match &value.kind {
        Kind::Integer(digits, radix) => (
            i64::from_str_radix(digits, *radix).map(|n| n as f64).ok(),
            digits.as_ref(),
        ),
        Kind::Float(f) => (f.parse::<f64>().ok(), f.as_ref()),
        _ => {
            let found = value.type_str();
            sink.error(
                value.span(),
                format!("expected a number for {what}, found {found}"),
            );
            return None;
        }
    };
    match number {
        Some(n) if n.is_finite() && n >= 1.0 => Some(n),
        _ => {
            sink.error_help(
                value.span(),
                format!("invalid factor `{text}` for {what}: it must be a number of at least 1"),
                Some("each wait is the previous one times the factor; 1 keeps it constant".into()),
            );
            None
        }
    }
}

fn count(value: &Value<'_>, what: &Field<'_>, sink: &mut Sink<'_>) -> Option<u32> {
    let Some((digits, radix)) = value.as_integer() else {
        let found = value.type_str();
        sink.error(
            value.span(),
            format!("expected an integer for {what}, found {found}"),
        );
        return None;
    };
    let n = u32::from_str_radix(digits, radix).ok();
    if n.is_none() {
        sink.error_help(
            value.span(),
            format!("invalid count `{digits}` for {what}"),
            Some(format!("expected a whole number from 0 to {}", u32::MAX)),
        );
    }
    n
}
