//! Feature `retry`: `SET::backoff()` is the service's `[services.NAME.backoff]` policy
//! (every key of it), or the standard schedule when the service states none.

use std::time::Duration;

use status_core::backoff::{Backoff, BackoffPolicy, NoJitter};
use status_core::status_set;

status_set! {
    /// initial 1s, max 4s, factor 1.5, jitter none, max_retries 3.
    #[status(spec = "fixtures/backoff.toml")]
    pub enum Billing = service "billing";
    /// initial 250ms, max 1m; factor and jitter by default (2, full), no retry limit.
    #[status(spec = "fixtures/backoff.toml")]
    pub enum Search = service "search";
    /// No policy.
    #[status(spec = "fixtures/backoff.toml")]
    pub enum Plain = service "plain";
    /// Not a service: no policy either.
    pub enum Codes = [200, 503];
    /// Safe Browsing's shipped policy.
    pub enum SafeBrowsing = service "safe_browsing";
}

const fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

#[test]
fn every_key_of_the_policy_reaches_the_schedule() {
    // No jitter, so the source is never asked; max_retries ends the iterator.
    let waits: Vec<Duration> = Billing::backoff().collect();
    assert_eq!(waits, [ms(1000), ms(1500), ms(2250)]);
    assert_eq!(Billing::backoff().retry_limit(), Some(3));
}

#[test]
fn absent_keys_take_the_spec_defaults() {
    // Factor 2, full jitter: with the source pinned near 1 the waits are just under the
    // plain ones, and the schedule never ends.
    let waits: Vec<Duration> = Search::backoff().jitter(|| 0.999_999).take(10).collect();
    let plain = [250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000];
    for (wait, plain) in waits.iter().zip(plain) {
        assert!(
            *wait <= ms(plain) && *wait > ms(plain) * 99 / 100,
            "{wait:?} vs {plain} ms"
        );
    }
    assert_eq!(Search::backoff().retry_limit(), None);
    assert_eq!(
        Search::backoff().jitter(|| 0.0).next(),
        Some(Duration::ZERO),
        "full jitter"
    );
}

#[test]
fn without_a_policy_the_standard_schedule() {
    let standard: Vec<Duration> = Backoff::standard().jitter(NoJitter).collect();
    assert_eq!(
        Plain::backoff().jitter(NoJitter).collect::<Vec<_>>(),
        standard
    );
    assert_eq!(
        Codes::backoff().jitter(NoJitter).collect::<Vec<_>>(),
        standard
    );
    assert_eq!(standard.len(), 3);
}

#[test]
fn safe_browsing_ships_its_documented_policy() {
    let ours: Vec<Duration> = SafeBrowsing::backoff().jitter(|| 0.5).take(9).collect();
    let formula: Vec<Duration> = Backoff::safe_browsing().jitter(|| 0.5).take(9).collect();
    assert_eq!(ours, formula);
    assert_eq!(ours[0], Duration::from_secs(22 * 60 + 30), "15 min x 1.5");
    assert_eq!(ours[8], Duration::from_secs(24 * 3600), "capped at 24 h");
}

#[test]
fn the_trait_gives_the_same_schedule() {
    fn schedule<S: BackoffPolicy>() -> Vec<Duration> {
        S::backoff().jitter(NoJitter).take(5).collect()
    }
    assert_eq!(
        schedule::<Billing>(),
        Billing::backoff().jitter(NoJitter).collect::<Vec<_>>()
    );
    assert_eq!(schedule::<SafeBrowsing>().len(), 5);
}
