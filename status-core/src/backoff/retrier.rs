//! The retry decision for one request's run of attempts, shared by the tower and reqwest
//! adapters: no framework types here, only codes, header values and durations.

use core::fmt;
use core::marker::PhantomData;
use core::time::Duration;
use std::time::SystemTime;

use super::{Backoff, BackoffPolicy, RetryAfter};
use crate::{HttpStatus, Retry};

/// Decides, attempt after attempt, whether to send a request again and how long to wait
/// first, as the spec advises for the set `S`:
///
/// - the answer's code is read as `S::from(code)`, and its [`retry()`](HttpStatus::retry)
///   advice decides: `modify`, `reauthenticate` and `never` stop at once;
/// - `retry-after` waits as the `Retry-After` header says (delay-seconds or an HTTP-date),
///   else the schedule's next step; `backoff` waits the schedule's next step, or the
///   header's delay when that is longer ([`Retry::delay`]);
/// - a transport error (no answer at all) backs off;
/// - the schedule is `S::backoff()`, the service's policy from the spec, and its end (its
///   `max_retries`) stops the run, as does [`max_retries`](Retrier::max_retries);
/// - a wait longer than [`max_wait`](Retrier::max_wait) stops the run: the caller keeps
///   the answer it has rather than sleeping past its deadline.
///
/// Make one per request: it counts that request's attempts.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, backoff::Retrier};
///
/// status_set! { enum Api = [200, 400, 429, 503]; }
///
/// let secs = Duration::from_secs;
/// let mut retrier = Retrier::<Api>::new().max_wait(secs(60));
/// assert_eq!(retrier.after_response(429, Some("7")), Some(secs(7)), "as the server says");
/// assert!(retrier.after_response(503, None).is_some_and(|wait| wait <= secs(2)));
/// assert_eq!(retrier.after_response(429, Some("3600")), None, "longer than max_wait");
/// assert_eq!(Retrier::<Api>::new().after_response(400, None), None, "change it first");
/// assert_eq!(Retrier::<Api>::new().after_response(200, None), None);
/// assert_eq!(retrier.attempts(), 2);
/// # }
/// ```
pub struct Retrier<S> {
    schedule: Backoff,
    max_retries: Option<u32>,
    max_wait: Option<Duration>,
    attempts: u32,
    set: PhantomData<fn() -> S>,
}

impl<S: BackoffPolicy> Retrier<S> {
    /// The set's own schedule (`S::backoff()`), no extra retry limit, no cap on a wait.
    #[must_use]
    pub fn new() -> Self {
        Retrier::with_schedule(S::backoff())
    }
}

impl<S: BackoffPolicy> Default for Retrier<S> {
    fn default() -> Self {
        Retrier::new()
    }
}

impl<S> Retrier<S> {
    /// Another schedule than the set's, e.g. a short one in tests.
    #[must_use]
    pub fn with_schedule(schedule: Backoff) -> Self {
        Retrier {
            schedule,
            max_retries: None,
            max_wait: None,
            attempts: 0,
            set: PhantomData,
        }
    }

    /// Send a request at most `retries` more times, whatever the schedule allows.
    #[must_use]
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Stop instead of waiting longer than `wait` (a `Retry-After` an hour away, or a
    /// schedule that has grown past the caller's patience).
    #[must_use]
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = Some(wait);
        self
    }

    /// How many retries this run has granted so far.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The wait before retrying after an answer whose status is `code` and whose
    /// `Retry-After` header (if any) reads `retry_after`; `None`: stop and keep the answer.
    /// An HTTP-date counts from now; an unreadable header counts as absent.
    pub fn after_response(&mut self, code: u16, retry_after: Option<&str>) -> Option<Duration>
    where
        S: From<u16> + HttpStatus,
    {
        self.after_response_at(code, retry_after, SystemTime::now())
    }

    /// [`after_response`](Retrier::after_response) with an HTTP-date counted from `now`.
    pub fn after_response_at(
        &mut self,
        code: u16,
        retry_after: Option<&str>,
        now: SystemTime,
    ) -> Option<Duration>
    where
        S: From<u16> + HttpStatus,
    {
        let advice = S::from(code).retry();
        let header = retry_after
            .and_then(|value| RetryAfter::parse(value).ok())
            .map(|after| after.delay(now));
        self.decide(advice, header)
    }

    /// The wait before retrying after a transport error (no answer): the next back-off
    /// step; `None`: stop.
    pub fn after_error(&mut self) -> Option<Duration> {
        self.decide(Retry::Backoff, None)
    }

    fn decide(&mut self, advice: Retry, retry_after: Option<Duration>) -> Option<Duration> {
        if !advice.is_retryable() || self.max_retries.is_some_and(|max| self.attempts >= max) {
            return None;
        }
        let wait = advice.delay(retry_after, self.schedule.next())?;
        if self.max_wait.is_some_and(|cap| wait > cap) {
            return None;
        }
        self.attempts += 1;
        Some(wait)
    }
}

impl<S> Clone for Retrier<S> {
    fn clone(&self) -> Self {
        Retrier {
            schedule: self.schedule.clone(),
            max_retries: self.max_retries,
            max_wait: self.max_wait,
            attempts: self.attempts,
            set: PhantomData,
        }
    }
}

impl<S> fmt::Debug for Retrier<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retrier")
            .field("schedule", &self.schedule)
            .field("max_retries", &self.max_retries)
            .field("max_wait", &self.max_wait)
            .field("attempts", &self.attempts)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StatusClass;
    use crate::backoff::JitterMode;
    use std::time::UNIX_EPOCH;

    /// A hand-written set: 200 `never`, 400 `modify`, 401 `reauthenticate`, 429
    /// `retry-after`, anything else `backoff`; 10 ms doubling, no jitter, 4 retries.
    struct Toy(u16);

    impl From<u16> for Toy {
        fn from(code: u16) -> Self {
            Toy(code)
        }
    }

    impl HttpStatus for Toy {
        fn code(&self) -> u16 {
            self.0
        }
        fn reason(&self) -> &'static str {
            "toy"
        }
        fn description(&self) -> &'static str {
            "A code of the toy set."
        }
        fn class(&self) -> StatusClass {
            crate::__private::class_of(self.0)
        }
        fn retry(&self) -> Retry {
            match self.0 {
                200 => Retry::Never,
                400 => Retry::Modify,
                401 => Retry::Reauthenticate,
                429 => Retry::RetryAfter,
                _ => Retry::Backoff,
            }
        }
    }

    impl BackoffPolicy for Toy {
        fn backoff() -> Backoff {
            Backoff::exponential(ms(10), Duration::from_secs(60))
                .jitter_mode(JitterMode::None)
                .max_retries(4)
        }
    }

    const fn ms(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn the_advice_decides() {
        for code in [200, 400, 401] {
            let mut retrier = Retrier::<Toy>::new();
            assert_eq!(retrier.after_response(code, Some("1")), None, "{code}");
            assert_eq!(retrier.attempts(), 0);
        }
        let mut retrier = Retrier::<Toy>::new();
        assert_eq!(retrier.after_response(429, Some("3")), Some(ms(3000)));
        assert_eq!(
            retrier.after_response(429, None),
            Some(ms(20)),
            "no header: step 2"
        );
        assert_eq!(retrier.after_response(503, None), Some(ms(40)));
        assert_eq!(
            retrier.after_response(503, Some("1")),
            Some(ms(1000)),
            "a longer Retry-After is a floor under back-off"
        );
        assert_eq!(
            retrier.after_response(503, None),
            None,
            "the schedule's 4 retries"
        );
        assert_eq!(retrier.attempts(), 4);
    }

    #[test]
    fn http_dates_count_from_now_and_bad_headers_count_as_absent() {
        let now = UNIX_EPOCH + Duration::from_secs(1_445_412_450);
        let mut retrier = Retrier::<Toy>::new();
        let date = "Wed, 21 Oct 2015 07:28:00 GMT"; // 30 s after `now`
        assert_eq!(
            retrier.after_response_at(429, Some(date), now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            retrier.after_response_at(429, Some("soon"), now),
            Some(ms(20))
        );
    }

    #[test]
    fn limits_and_errors() {
        let mut retrier = Retrier::<Toy>::new().max_retries(1);
        assert_eq!(retrier.after_error(), Some(ms(10)), "no answer backs off");
        assert_eq!(retrier.after_error(), None, "max_retries");

        let mut retrier = Retrier::<Toy>::new().max_wait(ms(30));
        assert_eq!(
            retrier.after_response(429, Some("60")),
            None,
            "beyond max_wait"
        );
        assert_eq!(
            Retrier::<Toy>::new().max_wait(ms(30)).after_error(),
            Some(ms(10))
        );

        // Proportional jitter on a 1 ms wait capped at 1 ms: exactly 1 ms, whatever the draw.
        let mut own =
            Retrier::<Toy>::with_schedule(Backoff::exponential(ms(1), ms(1)).max_retries(1));
        assert!(own.after_error().is_some_and(|wait| wait == ms(1)));
        assert_eq!(own.after_error(), None);
    }
}
