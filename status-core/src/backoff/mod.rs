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
//! - [`BackoffPolicy`] lets a service's enum carry its documented schedule.

mod after;
mod schedule;

use core::time::Duration;

use crate::Retry;

pub use after::{RetryAfter, RetryAfterError};
pub use schedule::{Backoff, Jitter, NoJitter, RandomJitter};

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
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, backoff::{Backoff, BackoffPolicy}};
///
/// status_set! { pub enum SafeBrowsing = service "safe_browsing"; }
///
/// impl BackoffPolicy for SafeBrowsing {
///     fn backoff() -> Backoff {
///         Backoff::safe_browsing()
///     }
/// }
///
/// let first = SafeBrowsing::backoff().next().unwrap();
/// assert!(first >= Duration::from_secs(15 * 60) && first < Duration::from_secs(30 * 60));
/// # }
/// ```
pub trait BackoffPolicy {
    /// A fresh schedule, for a run of consecutive failures.
    fn backoff() -> Backoff;
}
