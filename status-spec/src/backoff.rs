//! A service's back-off policy, `[services.NAME.backoff]`, and its duration spelling (the
//! parser reads the table in `parse/backoff.rs`).
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
use std::time::Duration;

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
