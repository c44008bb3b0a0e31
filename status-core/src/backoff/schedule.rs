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

/// Uniform random numbers from a fast thread-local generator (fastrand; not for secrets).
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

/// How a schedule spreads each wait with its random number `r` in `[0, 1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum JitterMode {
    /// No spread: the plain exponential wait.
    None,
    /// "Full jitter": a uniform draw in `[0, wait]` (`wait * r`).
    Full,
    /// `min(wait * (1 + r), max)`: never shorter than the plain wait, up to twice it
    /// (the Safe Browsing API's formula).
    #[default]
    Proportional,
}

/// An exponential back-off schedule with jitter, capped: after the `n`th consecutive failure
/// the plain wait is `min(initial * factor^(n-1), max)`, then spread by the
/// [`JitterMode`] with `r` in `[0, 1)` from the jitter source. The random part spreads
/// clients that failed together (the "thundering herd").
///
/// As an iterator it yields the delay before each retry, and ends after
/// [`max_retries`](Backoff::max_retries) delays if one is set: without a limit it never
/// ends, as a service's back-off mode does not. Call [`reset`](Backoff::reset) after a
/// success. Generated sets return their service's schedule from `SET::backoff()`.
///
/// ```
/// use std::time::Duration;
/// use status_core::backoff::{Backoff, JitterMode, NoJitter};
///
/// let ms = Duration::from_millis;
/// let schedule = Backoff::exponential(ms(100), ms(500)).max_retries(5).jitter(NoJitter);
/// assert_eq!(schedule.collect::<Vec<_>>(), [ms(100), ms(200), ms(400), ms(500), ms(500)]);
///
/// // A scripted source: factors 1.5 and 1.25 in the default (proportional) mode.
/// let mut factors = [0.5, 0.25].into_iter();
/// let schedule = Backoff::exponential(ms(100), ms(500)).max_retries(2)
///     .jitter(move || factors.next().unwrap_or(0.0));
/// assert_eq!(schedule.collect::<Vec<_>>(), [ms(150), ms(250)]);
///
/// // Full jitter draws in [0, wait]; a factor of 1.5 grows more gently.
/// let schedule = Backoff::exponential(ms(100), ms(1000)).factor(1.5)
///     .jitter_mode(JitterMode::Full).max_retries(3).jitter(|| 0.5);
/// assert_eq!(schedule.collect::<Vec<_>>(), [ms(50), ms(75), Duration::from_micros(112_500)]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Backoff<J = RandomJitter> {
    initial: Duration,
    factor: f64,
    max: Duration,
    mode: JitterMode,
    max_retries: Option<u32>,
    failures: u32,
    jitter: J,
}

impl Backoff<RandomJitter> {
    /// Doubling from `initial`, capped at `max`, spread proportionally (times 1 to 2) by
    /// random jitter, with no retry limit.
    #[must_use]
    pub const fn exponential(initial: Duration, max: Duration) -> Self {
        Backoff {
            initial,
            factor: 2.0,
            max,
            mode: JitterMode::Proportional,
            max_retries: None,
            failures: 0,
            jitter: RandomJitter,
        }
    }

    /// The schedule for services whose spec states no back-off policy: 500 ms doubling up
    /// to 30 s, full jitter, at most 3 retries. Also [`Backoff::default`].
    ///
    /// ```
    /// use std::time::Duration;
    /// use status_core::backoff::Backoff;
    ///
    /// let waits: Vec<_> = Backoff::standard().collect();
    /// assert_eq!(waits.len(), 3);
    /// assert!(waits.iter().all(|w| *w <= Duration::from_secs(2)));
    /// ```
    #[must_use]
    pub const fn standard() -> Self {
        Backoff::exponential(Duration::from_millis(500), Duration::from_secs(30))
            .jitter_mode(JitterMode::Full)
            .max_retries(3)
    }

    /// The Safe Browsing API's back-off mode: `MIN((2^(N-1) * 15 minutes) * (RAND + 1),
    /// 24 hours)` for the `N`th consecutive unsuccessful answer ("Request Frequency",
    /// Safe Browsing API v4). No retry limit: the client stays in back-off mode until a
    /// request succeeds. The shipped `codes.toml` states the same policy, so a set of the
    /// `safe_browsing` service returns it from `backoff()`.
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

impl Default for Backoff<RandomJitter> {
    /// [`Backoff::standard`].
    fn default() -> Self {
        Backoff::standard()
    }
}

impl<J> Backoff<J> {
    /// Grow each delay by `factor` instead of 2: 1 keeps it constant; anything below 1 (or
    /// NaN) counts as 1.
    #[must_use]
    pub const fn factor(mut self, factor: f64) -> Self {
        self.factor = if factor >= 1.0 { factor } else { 1.0 };
        self
    }

    /// Spread each wait as `mode` says (the default is [`JitterMode::Proportional`]).
    #[must_use]
    pub const fn jitter_mode(mut self, mode: JitterMode) -> Self {
        self.mode = mode;
        self
    }

    /// End the schedule after `retries` delays.
    #[must_use]
    pub const fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// Draw the random numbers from `jitter` instead.
    #[must_use]
    pub fn jitter<K: Jitter>(self, jitter: K) -> Backoff<K> {
        Backoff {
            initial: self.initial,
            factor: self.factor,
            max: self.max,
            mode: self.mode,
            max_retries: self.max_retries,
            failures: self.failures,
            jitter,
        }
    }

    /// Start again from `initial`, as after a success.
    pub fn reset(&mut self) {
        self.failures = 0;
    }

    /// How many delays the schedule has handed out since it started or was reset.
    #[must_use]
    pub const fn failures(&self) -> u32 {
        self.failures
    }

    /// The retry limit, if any.
    #[must_use]
    pub const fn retry_limit(&self) -> Option<u32> {
        self.max_retries
    }

    /// The delay after the `n`th consecutive failure (`n` from 1) for the random number `r`
    /// (clamped to `[0, 1]`, NaN as 0): the plain wait `min(initial * factor^(n-1), max)`
    /// spread by the jitter mode, never above `max`; computed without overflow or panic.
    #[must_use]
    pub fn delay_for(&self, n: u32, r: f64) -> Duration {
        let r = if r.is_nan() { 0.0 } else { r.clamp(0.0, 1.0) };
        let plain = self.plain(n);
        let spread = match self.mode {
            JitterMode::None => plain,
            JitterMode::Full => scale(plain, r, self.max),
            JitterMode::Proportional => scale(plain, 1.0 + r, self.max),
        };
        spread.min(self.max)
    }

    /// `min(initial * factor^(n-1), max)`, in whole nanoseconds.
    fn plain(&self, n: u32) -> Duration {
        let exponent = i32::try_from(n.saturating_sub(1)).unwrap_or(i32::MAX);
        scale(self.initial, self.factor.powi(exponent), self.max).min(self.max)
    }
}

/// `d * k` rounded to the nanosecond, or `cap` when that is longer (or not a number).
fn scale(d: Duration, k: f64, cap: Duration) -> Duration {
    let nanos = d.as_nanos() as f64 * k;
    if nanos.is_nan() || nanos >= cap.as_nanos() as f64 {
        return cap;
    }
    let nanos = nanos.round();
    if nanos < u64::MAX as f64 {
        return Duration::from_nanos(nanos as u64);
    }
    Duration::try_from_secs_f64(nanos / 1e9).map_or(cap, |d| d.min(cap))
}

impl<J: Jitter> Iterator for Backoff<J> {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if self.max_retries.is_some_and(|limit| self.failures >= limit) {
            return None;
        }
        self.failures = self.failures.saturating_add(1);
        let r = match self.mode {
            JitterMode::None => 0.0,
            JitterMode::Full | JitterMode::Proportional => self.jitter.sample(),
        };
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
        let schedule = Backoff::exponential(ms(1), Duration::MAX).factor(f64::MAX);
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

    /// A seeded generator, so the statistical tests give the same numbers on every run.
    fn seeded(seed: u64) -> impl FnMut() -> f64 {
        let mut rng = fastrand::Rng::with_seed(seed);
        move || rng.f64()
    }

    #[test]
    fn full_jitter_draws_across_zero_to_the_wait() {
        let base = ms(1000);
        let draws: Vec<Duration> = (0..2000)
            .map(|i| {
                Backoff::exponential(base, ms(10_000))
                    .jitter_mode(JitterMode::Full)
                    .jitter(seeded(i))
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        assert!(draws.iter().all(|d| *d <= base), "never above the wait");
        let below_a_tenth = draws.iter().filter(|d| **d < ms(100)).count();
        let above_nine_tenths = draws.iter().filter(|d| **d > ms(900)).count();
        // Uniform: about 200 of 2000 in each tenth; the seeds make this exact per run.
        assert!((120..=280).contains(&below_a_tenth), "{below_a_tenth}");
        assert!(
            (120..=280).contains(&above_nine_tenths),
            "{above_nine_tenths}"
        );
        let mean = draws.iter().map(Duration::as_secs_f64).sum::<f64>() / 2000.0;
        assert!((0.45..0.55).contains(&mean), "mean {mean}");
    }

    #[test]
    fn proportional_jitter_stays_between_one_and_two_waits_under_the_cap() {
        let mut schedule = Backoff::exponential(ms(100), ms(700)).jitter(seeded(7));
        let waits: Vec<Duration> = schedule.by_ref().take(400).collect();
        for (n, wait) in waits.iter().enumerate().take(3) {
            let plain = ms(100) * 2u32.pow(n as u32);
            assert!(*wait >= plain && *wait < plain * 2, "{n}: {wait:?}");
        }
        assert!(
            waits[3..].iter().all(|w| *w == ms(700)),
            "800 and up is capped"
        );
        let firsts: Vec<Duration> = (0..500)
            .map(|i| {
                Backoff::exponential(ms(100), ms(700))
                    .jitter(seeded(i))
                    .next()
                    .unwrap_or_default()
            })
            .collect();
        let mean = firsts.iter().map(Duration::as_secs_f64).sum::<f64>() / 500.0;
        assert!(
            (0.14..0.16).contains(&mean),
            "mean {mean}, expected about 0.15"
        );
    }

    #[test]
    fn no_jitter_mode_ignores_the_source() {
        let schedule = Backoff::exponential(ms(10), ms(1000))
            .jitter_mode(JitterMode::None)
            .factor(3.0)
            .max_retries(4)
            .jitter(|| 0.9);
        assert_eq!(
            schedule.collect::<Vec<_>>(),
            [ms(10), ms(30), ms(90), ms(270)]
        );
    }

    #[test]
    fn fractional_and_degenerate_factors() {
        let schedule = Backoff::exponential(ms(100), ms(1000)).jitter_mode(JitterMode::None);
        assert_eq!(schedule.clone().factor(1.5).delay_for(3, 0.0), ms(225));
        assert_eq!(schedule.clone().factor(1.0).delay_for(30, 0.0), ms(100));
        assert_eq!(
            schedule.clone().factor(0.5).delay_for(3, 0.0),
            ms(100),
            "below 1 is 1"
        );
        assert_eq!(
            schedule.factor(f64::NAN).delay_for(3, 0.0),
            ms(100),
            "NaN is 1"
        );
    }

    #[test]
    fn the_standard_schedule_is_bounded() {
        let waits: Vec<Duration> = Backoff::default().jitter(|| 0.999).collect();
        assert_eq!(waits.len(), 3);
        assert!(waits[2] <= ms(2000) && waits[2] > ms(1990), "{waits:?}");
        assert_eq!(Backoff::standard().retry_limit(), Some(3));
    }
}
