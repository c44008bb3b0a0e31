//! Exponential back-off with jitter, capped.

use core::time::Duration;

/// Where a schedule's random factor comes from: each call returns a number in `[0, 1)`
/// (values outside `[0, 1]` are clamped, NaN counts as 0).
///
/// Any `FnMut() -> f64` is a source, so a test can script the factors.
pub trait Jitter {
    /// The next random number, in `[0, 1)`.
    fn sample(&mut self) -> f64;
}

impl<F: FnMut() -> f64> Jitter for F {
    fn sample(&mut self) -> f64 {
        self()
    }
}

/// Uniform random factors from a fast thread-local generator (fastrand; not for secrets).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RandomJitter;

impl Jitter for RandomJitter {
    fn sample(&mut self) -> f64 {
        fastrand::f64()
    }
}

/// No randomness: every delay is the plain exponential one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoJitter;

impl Jitter for NoJitter {
    fn sample(&mut self) -> f64 {
        0.0
    }
}

/// An exponential back-off schedule with jitter, capped: after the `n`th consecutive failure
/// wait `min(base * factor^(n-1) * (1 + r), max)`, with `r` in `[0, 1)` from the jitter
/// source. The random factor spreads clients that failed together (the "thundering herd").
///
/// As an iterator it yields the delay before each retry, and ends after
/// [`max_retries`](Backoff::max_retries) delays if one is set: without a limit it never
/// ends, as a service's back-off mode does not. Call [`reset`](Backoff::reset) after a
/// success.
///
/// ```
/// use std::time::Duration;
/// use status_core::backoff::{Backoff, NoJitter};
///
/// let ms = Duration::from_millis;
/// let schedule = Backoff::exponential(ms(100), ms(500)).max_retries(5).jitter(NoJitter);
/// assert_eq!(schedule.collect::<Vec<_>>(), [ms(100), ms(200), ms(400), ms(500), ms(500)]);
///
/// // A scripted source: factors 1.5 and 1.25.
/// let mut factors = [0.5, 0.25].into_iter();
/// let schedule = Backoff::exponential(ms(100), ms(500)).max_retries(2)
///     .jitter(move || factors.next().unwrap_or(0.0));
/// assert_eq!(schedule.collect::<Vec<_>>(), [ms(150), ms(250)]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff<J = RandomJitter> {
    base: Duration,
    factor: u32,
    max: Duration,
    max_retries: Option<u32>,
    failures: u32,
    jitter: J,
}

impl Backoff<RandomJitter> {
    /// Doubling from `base`, capped at `max`, with random jitter and no retry limit.
    #[must_use]
    pub const fn exponential(base: Duration, max: Duration) -> Self {
        Backoff {
            base,
            factor: 2,
            max,
            max_retries: None,
            failures: 0,
            jitter: RandomJitter,
        }
    }

    /// The Safe Browsing API's back-off mode: `MIN((2^(N-1) * 15 minutes) * (RAND + 1),
    /// 24 hours)` for the `N`th consecutive unsuccessful answer ("Request Frequency",
    /// Safe Browsing API v4). No retry limit: the client stays in back-off mode until a
    /// request succeeds.
    ///
    /// ```
    /// use std::time::Duration;
    /// use status_core::backoff::{Backoff, NoJitter};
    ///
    /// let minutes = |m: u64| Duration::from_secs(m * 60);
    /// let plain: Vec<_> = Backoff::safe_browsing().jitter(NoJitter).take(9).collect();
    /// assert_eq!(plain[..4], [minutes(15), minutes(30), minutes(60), minutes(120)]);
    /// assert_eq!(plain[8], minutes(24 * 60), "capped at 24 hours");
    /// ```
    #[must_use]
    pub const fn safe_browsing() -> Self {
        Backoff::exponential(
            Duration::from_secs(15 * 60),
            Duration::from_secs(24 * 60 * 60),
        )
    }
}

impl<J> Backoff<J> {
    /// Grow each delay by `factor` instead of 2 (1 gives a constant delay).
    #[must_use]
    pub const fn factor(mut self, factor: u32) -> Self {
        self.factor = factor;
        self
    }

    /// End the schedule after `retries` delays.
    #[must_use]
    pub const fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Draw the random factors from `jitter` instead.
    #[must_use]
    pub fn jitter<K: Jitter>(self, jitter: K) -> Backoff<K> {
        Backoff {
            base: self.base,
            factor: self.factor,
            max: self.max,
            max_retries: self.max_retries,
            failures: self.failures,
            jitter,
        }
    }

    /// Start again from `base`, as after a success.
    pub fn reset(&mut self) {
        self.failures = 0;
    }

    /// How many delays the schedule has handed out since it started or was reset.
    #[must_use]
    pub const fn failures(&self) -> u32 {
        self.failures
    }

    /// The delay after the `n`th consecutive failure (`n` from 1) for the random number `r`:
    /// `min(base * factor^(n-1) * (1 + r), max)`, computed without overflow or panic.
    #[must_use]
    pub fn delay_for(&self, n: u32, r: f64) -> Duration {
        let r = if r.is_nan() { 0.0 } else { r.clamp(0.0, 1.0) };
        let grown = match self.factor.checked_pow(n.saturating_sub(1)) {
            _ if self.base.is_zero() => Duration::ZERO,
            Some(growth) => self.base.checked_mul(growth).unwrap_or(self.max),
            None => self.max,
        }
        .min(self.max);
        let extra = Duration::try_from_secs_f64(grown.as_secs_f64() * r).unwrap_or(grown);
        grown.saturating_add(extra).min(self.max)
    }
}

impl<J: Jitter> Iterator for Backoff<J> {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if self.max_retries.is_some_and(|limit| self.failures >= limit) {
            return None;
        }
        self.failures = self.failures.saturating_add(1);
        let r = self.jitter.sample();
        Some(self.delay_for(self.failures, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    const fn ms(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    #[test]
    fn doubles_then_caps() {
        let delays: Vec<_> = Backoff::exponential(ms(10), ms(50))
            .jitter(NoJitter)
            .take(5)
            .collect();
        assert_eq!(delays, [ms(10), ms(20), ms(40), ms(50), ms(50)]);
    }

    #[test]
    fn jitter_multiplies_by_one_plus_r_before_the_cap() {
        let schedule = Backoff::exponential(ms(100), ms(1000));
        assert_eq!(schedule.delay_for(1, 0.5), ms(150));
        assert_eq!(schedule.delay_for(3, 0.75), ms(700));
        assert_eq!(schedule.delay_for(4, 0.5), ms(1000), "800 * 1.5 capped");
        assert_eq!(schedule.delay_for(1, f64::NAN), ms(100));
        assert_eq!(schedule.delay_for(1, -3.0), ms(100));
        assert_eq!(schedule.delay_for(1, 7.0), ms(200), "clamped to 1");
    }

    #[test]
    fn never_overflows() {
        let schedule = Backoff::exponential(Duration::MAX, Duration::MAX);
        assert_eq!(schedule.delay_for(u32::MAX, 0.999), Duration::MAX);
        let schedule = Backoff::exponential(ms(1), Duration::MAX).factor(u32::MAX);
        assert_eq!(schedule.delay_for(u32::MAX, 0.5), Duration::MAX);
        assert_eq!(
            Backoff::exponential(Duration::ZERO, ms(5)).delay_for(99, 0.5),
            Duration::ZERO
        );
    }

    #[test]
    fn limit_and_reset() {
        let mut schedule = Backoff::exponential(ms(1), ms(8))
            .max_retries(2)
            .jitter(NoJitter);
        assert_eq!(
            (schedule.next(), schedule.next(), schedule.next()),
            (Some(ms(1)), Some(ms(2)), None)
        );
        assert_eq!(schedule.failures(), 2);
        schedule.reset();
        assert_eq!(schedule.next(), Some(ms(1)));
    }

    #[test]
    fn safe_browsing_formula() {
        let minutes = |m: u64| Duration::from_secs(m * 60);
        let schedule = Backoff::safe_browsing();
        assert_eq!(schedule.delay_for(1, 0.0), minutes(15));
        assert_eq!(schedule.delay_for(2, 0.5), minutes(45));
        assert_eq!(schedule.delay_for(6, 0.0), minutes(480));
        assert_eq!(schedule.delay_for(7, 0.0), minutes(960));
        assert_eq!(
            schedule.delay_for(7, 0.5),
            minutes(1440),
            "1440 = 24 h, the cap"
        );
        assert_eq!(schedule.delay_for(40, 0.1), minutes(1440));
    }

    #[test]
    fn random_jitter_stays_within_one_to_two_times() {
        let base = ms(100);
        for delay in Backoff::exponential(base, Duration::MAX)
            .take(1)
            .chain((0..200).map(|_| {
                Backoff::exponential(base, Duration::MAX)
                    .next()
                    .unwrap_or_default()
            }))
        {
            assert!(delay >= base && delay <= 2 * base, "{delay:?}");
        }
    }
}
