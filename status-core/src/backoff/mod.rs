//! How long to wait before retrying (feature `retry`): `Retry-After` parsing and back-off
//! schedules, tied to the spec's advice by [`Retry::delay`].
//!
//! - [`RetryAfter`] parses a `Retry-After` header: delay-seconds (`120`) or an HTTP-date
//!   (`Wed, 21 Oct 2015 07:28:00 GMT`), RFC 9110 section 10.2.3.
//! - [`Backoff`] is an exponential schedule with jitter, capped: the `n`th delay is
//!   `min(base * factor^(n-1) * (1 + r), max)` with `r` in `[0, 1)` drawn from a [`Jitter`]
//!   source you can replace (tests use [`NoJitter`] or a closure). [`Backoff::safe_browsing`]
//!   is the Safe Browsing API's documented policy. A `Backoff` is an
//!   `Iterator<Item = Duration>`, so retry crates such as backon take it as their schedule.
//! - [`Retry::delay`] combines the advice for a response, its `Retry-After` and the
//!   schedule's next delay into the wait before the next attempt, or `None` to stop.
//! - [`BackoffPolicy`]: every generated set carries its service's documented schedule
//!   (`SET::backoff()`), from the spec's `[services.NAME.backoff]` table.
//! - [`Retrier`] is the retry decision for a run of attempts, framework-neutral: the tower
//!   and reqwest adapters (features `tower`, `reqwest`) are thin layers over it.

mod after;
mod retrier;
mod schedule;

use core::time::Duration;

use crate::Retry;

pub use after::{RetryAfter, RetryAfterError};
pub use retrier::Retrier;
pub use schedule::{Backoff, Jitter, JitterMode, NoJitter, RandomJitter};

impl Retry {
    /// How long to wait before sending the request again, or `None` to stop.
    ///
    /// `retry_after` is the response's `Retry-After` as a delay (see [`RetryAfter::delay`]);
    /// `backoff` is the schedule's next delay, `None` once it is exhausted, which stops
    /// every kind of retry so a schedule with a limit bounds the attempts.
    ///
    /// - [`Retry::RetryAfter`]: the header's delay, else the back-off delay.
    /// - [`Retry::Backoff`]: the back-off delay, or the header's when that is longer (a
    ///   server's `Retry-After` is a floor, RFC 9110 section 10.2.3).
    /// - [`Retry::Never`], [`Retry::Modify`], [`Retry::Reauthenticate`]: `None`, sending the
    ///   same request again cannot help.
    ///
    /// The server's `Retry-After` is taken as given, however long; a client with a deadline
    /// caps the result itself (`.map(|wait| wait.min(limit))`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use status_core::Retry;
    ///
    /// let secs = Duration::from_secs;
    /// assert_eq!(Retry::RetryAfter.delay(Some(secs(1)), Some(secs(8))), Some(secs(1)));
    /// assert_eq!(Retry::RetryAfter.delay(None, Some(secs(8))), Some(secs(8)));
    /// assert_eq!(Retry::Backoff.delay(Some(secs(30)), Some(secs(8))), Some(secs(30)));
    /// assert_eq!(Retry::Backoff.delay(None, None), None, "the schedule is exhausted");
    /// assert_eq!(Retry::Modify.delay(Some(secs(1)), Some(secs(8))), None);
    /// ```
    #[must_use]
    pub fn delay(
        self,
        retry_after: Option<Duration>,
        backoff: Option<Duration>,
    ) -> Option<Duration> {
        let backoff = backoff?;
        match self {
            Retry::RetryAfter => Some(retry_after.unwrap_or(backoff)),
            Retry::Backoff => Some(retry_after.map_or(backoff, |after| after.max(backoff))),
            Retry::Never | Retry::Modify | Retry::Reauthenticate => None,
        }
    }
}

/// The back-off schedule a service documents, for clients generic over services.
///
/// Every `status_set!` enum implements it (feature `retry`), and has the same function
/// inherent, so `SET::backoff()` needs no import: the schedule of its service's
/// `[services.NAME.backoff]` table, else [`Backoff::standard`].
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, backoff::{Backoff, BackoffPolicy, NoJitter}};
///
/// status_set! {
///     pub enum SafeBrowsing = service "safe_browsing";
///     pub enum Api = [200, 429, 503];
/// }
///
/// // codes.toml: initial = "15m", max = "24h", factor = 2, jitter = "proportional".
/// let first = SafeBrowsing::backoff().next().unwrap();
/// assert!(first >= Duration::from_secs(15 * 60) && first < Duration::from_secs(30 * 60));
/// let plain: Vec<_> = SafeBrowsing::backoff().jitter(NoJitter).take(3).collect();
/// assert_eq!(plain, Backoff::safe_browsing().jitter(NoJitter).take(3).collect::<Vec<_>>());
///
/// // No policy in the spec: the standard schedule, which stops after 3 retries.
/// fn retries<S: BackoffPolicy>() -> usize { S::backoff().count() }
/// assert_eq!(retries::<Api>(), 3);
/// # }
/// ```
pub trait BackoffPolicy {
    /// A fresh schedule, for a run of consecutive failures.
    fn backoff() -> Backoff;
}
