//! The `Retry-After` header, RFC 9110 section 10.2.3: `HTTP-date / delay-seconds`.

use core::fmt;
use core::str::FromStr;
use core::time::Duration;
use std::time::SystemTime;

/// A parsed `Retry-After` value.
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use status_core::backoff::RetryAfter;
///
/// assert_eq!(RetryAfter::parse("120"), Ok(RetryAfter::Delay(Duration::from_secs(120))));
///
/// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT")?;
/// let now = UNIX_EPOCH + Duration::from_secs(1_445_412_450); // 30 s before that date
/// assert_eq!(date.delay(now), Duration::from_secs(30));
/// assert_eq!(date.delay(now + Duration::from_secs(60)), Duration::ZERO, "already past");
///
/// assert!(RetryAfter::parse("soon").is_err());
/// # Ok::<(), status_core::backoff::RetryAfterError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `delay-seconds`: wait this long after receiving the response.
    Delay(Duration),
    /// `HTTP-date`: wait until then.
    Date(SystemTime),
}

impl RetryAfter {
    /// Parses a header value: delay-seconds (ASCII digits only; a value too large for a
    /// `u64` means "longer than any client waits" and saturates) or an HTTP-date in any of
    /// the three formats RFC 9110 requires recipients to accept. Surrounding spaces and tabs
    /// are ignored.
    ///
    /// # Errors
    /// When the value is empty or neither delay-seconds nor an HTTP-date.
    pub fn parse(value: &str) -> Result<Self, RetryAfterError> {
        let value = value.trim_matches([' ', '\t']);
        if value.is_empty() {
            return Err(RetryAfterError { kind: Kind::Empty });
        }
        if value.bytes().all(|b| b.is_ascii_digit()) {
            let secs = value.parse::<u64>().unwrap_or(u64::MAX);
            return Ok(RetryAfter::Delay(Duration::from_secs(secs)));
        }
        httpdate::parse_http_date(value)
            .map(RetryAfter::Date)
            .map_err(|_| RetryAfterError { kind: Kind::Syntax })
    }

    /// How long to wait from `now`: the delay itself, or the time until the date (zero once
    /// it has passed).
    #[must_use]
    pub fn delay(self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::Date(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

impl FromStr for RetryAfter {
    type Err = RetryAfterError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RetryAfter::parse(s)
    }
}

/// Why a `Retry-After` value did not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryAfterError {
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Empty,
    Syntax,
}

impl fmt::Display for RetryAfterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            Kind::Empty => "invalid `Retry-After` value: it is empty",
            Kind::Syntax => {
                "invalid `Retry-After` value: expected delay-seconds (e.g. `120`) or an HTTP-date (e.g. `Wed, 21 Oct 2015 07:28:00 GMT`)"
            }
        })
    }
}

impl core::error::Error for RetryAfterError {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    use std::time::UNIX_EPOCH;

    #[test]
    fn delay_seconds() {
        let secs = |s| Ok(RetryAfter::Delay(Duration::from_secs(s)));
        assert_eq!(RetryAfter::parse("0"), secs(0));
        assert_eq!(RetryAfter::parse(" 1\t"), secs(1));
        assert_eq!(RetryAfter::parse("007"), secs(7));
        assert_eq!(RetryAfter::parse("99999999999999999999999"), secs(u64::MAX));
    }

    #[test]
    fn http_dates_in_every_format() {
        let expected = UNIX_EPOCH + Duration::from_secs(784_111_777);
        for date in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                RetryAfter::parse(date),
                Ok(RetryAfter::Date(expected)),
                "{date}"
            );
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "  ",
            "-1",
            "+5",
            "1.5",
            "1s",
            "soon",
            "Sun, 06 Nov 1994",
            "٣",
        ] {
            let err = RetryAfter::parse(bad).expect_err(bad);
            assert!(
                err.to_string().starts_with("invalid `Retry-After` value: "),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn dates_count_from_now_and_never_go_negative() {
        let date = UNIX_EPOCH + Duration::from_secs(1000);
        let after = RetryAfter::Date(date);
        assert_eq!(
            after.delay(UNIX_EPOCH + Duration::from_millis(998_500)),
            Duration::from_millis(1500)
        );
        assert_eq!(after.delay(date), Duration::ZERO);
        assert_eq!(after.delay(date + Duration::from_secs(5)), Duration::ZERO);
        assert_eq!(
            RetryAfter::Delay(Duration::from_secs(3)).delay(date),
            Duration::from_secs(3)
        );
    }
}
