//! A service's back-off policy, `[services.NAME.backoff]`: parsed and checked in one place.
//!
//! ```toml
//! [services.safe_browsing.backoff]
//! initial = "15m"          # the wait after the first failure
//! max = "24h"              # no wait is longer
//! factor = 2               # each wait is the previous one times this (>= 1; default 2)
//! jitter = "proportional"  # none | full | proportional (default full)
//! # max_retries = 5        # stop after this many retries (default: never stop)
//! ```

use std::fmt;
use std::ops::Range;
use std::time::Duration;

use crate::tree::{Kind, Value};

use crate::diag::Sink;
use crate::parse::{Sp, closed_set, string, table, unknown_key};

/// The keys of a `backoff` table, in the order `status-codes fmt` writes them.
pub const BACKOFF_KEYS: &[&str] = &["initial", "max", "factor", "jitter", "max_retries"];

/// How the random part of each wait is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Jitter {
    /// No randomness: the plain exponential wait.
    None,
    /// A uniform draw in `[0, wait]` ("full jitter").
    Full,
    /// `wait * (1 + RAND)`, RAND uniform in `[0, 1)`, capped at `max` (Safe Browsing's).
    Proportional,
}

impl Jitter {
    /// Every value, in the order the spec documents them.
    pub const ALL: [Jitter; 3] = [Jitter::None, Jitter::Full, Jitter::Proportional];

    /// The spelling used in `codes.toml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Jitter::None => "none",
            Jitter::Full => "full",
            Jitter::Proportional => "proportional",
        }
    }

    /// Parses the spelling used in `codes.toml`.
    pub fn parse(s: &str) -> Option<Jitter> {
        Jitter::ALL.into_iter().find(|j| j.as_str() == s)
    }
}

impl fmt::Display for Jitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A service's documented back-off policy: after the `n`th consecutive failure wait
/// `min(initial * factor^(n-1), max)`, spread by `jitter`; give up after `max_retries`.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// The wait after the first failure.
    pub initial: Duration,
    /// The longest wait.
    pub max: Duration,
    /// How much each wait grows: finite and at least 1.
    pub factor: f64,
    /// How the random part is drawn.
    pub jitter: Jitter,
    /// How many retries at most; `None`: no limit.
    pub max_retries: Option<u32>,
}

impl Backoff {
    /// The factor the spec assumes when `factor` is absent.
    pub const DEFAULT_FACTOR: f64 = 2.0;
    /// The jitter the spec assumes when `jitter` is absent.
    pub const DEFAULT_JITTER: Jitter = Jitter::Full;
}

/// Equal when every field is; the factor compares by value (validation rules out NaN).
impl PartialEq for Backoff {
    fn eq(&self, other: &Self) -> bool {
        self.initial == other.initial
            && self.max == other.max
            && self.factor.to_bits() == other.factor.to_bits()
            && self.jitter == other.jitter
            && self.max_retries == other.max_retries
    }
}

impl Eq for Backoff {}

/// Writes a duration the way the spec does: the largest unit that divides it exactly
/// (`"15m"`, `"24h"`, `"500ms"`).
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis();
    for (unit, size) in [("h", 3_600_000), ("m", 60_000), ("s", 1000)] {
        if ms > 0 && ms % size == 0 {
            return format!("{}{unit}", ms / size);
        }
    }
    format!("{ms}ms")
}

/// Parses a spec duration: ASCII digits then `ms`, `s`, `m` or `h`, nothing else.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let split = s.find(|c: char| !c.is_ascii_digit())?;
    let (digits, unit) = s.split_at(split);
    let n: u64 = if digits.is_empty() {
        return None;
    } else {
        digits.parse().ok()?
    };
    let ms_per_unit: u64 = match unit {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return None,
    };
    n.checked_mul(ms_per_unit).map(Duration::from_millis)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_round_trip() {
        let ms = Duration::from_millis;
        assert_eq!(parse_duration("500ms"), Some(ms(500)));
        assert_eq!(parse_duration("20s"), Some(ms(20_000)));
        assert_eq!(parse_duration("15m"), Some(ms(900_000)));
        assert_eq!(parse_duration("24h"), Some(ms(86_400_000)));
        assert_eq!(parse_duration("0s"), Some(ms(0)));
        for bad in [
            "",
            "15",
            "m",
            "1.5s",
            " 1s",
            "1s ",
            "1 s",
            "-1s",
            "1d",
            "1M",
            "99999999999999999999h",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
        for text in ["500ms", "20s", "15m", "24h", "90s", "1500ms", "0ms"] {
            let d = parse_duration(text).expect(text);
            assert_eq!(format_duration(d), text);
        }
    }

    #[test]
    fn jitter_spellings_round_trip() {
        for jitter in Jitter::ALL {
            assert_eq!(Jitter::parse(&jitter.to_string()), Some(jitter));
        }
        assert_eq!(Jitter::parse("Full"), None);
    }
}
