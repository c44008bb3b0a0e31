//! reqwest retries driven by the spec (feature `reqwest`): [`RetryMiddleware`] for
//! reqwest-middleware, [`RetryStrategy`] for reqwest-retry.
//!
//! reqwest-retry's own middleware classifies answers by a fixed list and ignores
//! `Retry-After`. [`RetryMiddleware<S>`] retries by the spec's advice for the set `S`,
//! with the same rules as the tower adapter ([`Retrier`]); [`RetryStrategy<S>`] plugs the
//! advice into reqwest-retry's `RetryTransientMiddleware` for clients already built on it
//! (its timing then stays reqwest-retry's).

use core::fmt;
use core::marker::PhantomData;
use std::boxed::Box;
use std::time::Duration;

use http::Extensions;
use reqwest_middleware::{Error, Middleware, Next};
use reqwest_retry::{Retryable, RetryableStrategy, default_on_request_failure};

use crate::backoff::{Backoff, BackoffPolicy, Retrier};
use crate::{HttpStatus, Retry};

/// A reqwest-middleware [`Middleware`] that retries as the set `S` advises: `Retry-After`
/// honoured (delay-seconds or HTTP-date) when no longer than
/// [`max_wait`](RetryMiddleware::max_wait), back-off per `S::backoff()` on `backoff`,
/// never a repeat on `modify`, `reauthenticate` or `never`; a request that got no answer
/// (connect error, timeout, broken connection) backs off. When it stops, the caller gets
/// the last answer or error.
///
/// A request whose body cannot be cloned (a stream) is sent once, as is: never lost.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, reqwest::RetryMiddleware};
///
/// status_set! { pub enum SafeBrowsing = service "safe_browsing"; }
///
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
///     .with(RetryMiddleware::<SafeBrowsing>::new().max_retries(3).max_wait(Duration::from_secs(3600)))
///     .build();
/// # let _ = client;
/// # }
/// ```
pub struct RetryMiddleware<S> {
    retrier: Retrier<S>,
}

impl<S: BackoffPolicy> RetryMiddleware<S> {
    /// Retries on the set's own schedule (`S::backoff()`), with no extra limit.
    #[must_use]
    pub fn new() -> Self {
        RetryMiddleware {
            retrier: Retrier::new(),
        }
    }
}

impl<S: BackoffPolicy> Default for RetryMiddleware<S> {
    fn default() -> Self {
        RetryMiddleware::new()
    }
}

impl<S> RetryMiddleware<S> {
    /// Retries on `schedule` instead of the set's own.
    #[must_use]
    pub fn with_schedule(schedule: Backoff) -> Self {
        RetryMiddleware {
            retrier: Retrier::with_schedule(schedule),
        }
    }

    /// Send a request at most `retries` more times.
    #[must_use]
    pub fn max_retries(self, retries: u32) -> Self {
        RetryMiddleware {
            retrier: self.retrier.max_retries(retries),
        }
    }

    /// Return the answer instead of waiting longer than `wait` before the next attempt.
    #[must_use]
    pub fn max_wait(self, wait: Duration) -> Self {
        RetryMiddleware {
            retrier: self.retrier.max_wait(wait),
        }
    }
}

#[async_trait::async_trait]
impl<S> Middleware for RetryMiddleware<S>
where
    S: From<u16> + HttpStatus + 'static,
{
    async fn handle(
        &self,
        mut request: reqwest::Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<reqwest::Response> {
        let mut retrier = self.retrier.clone();
        loop {
            let Some(copy) = request.try_clone() else {
                return next.run(request, extensions).await;
            };
            let result = next.clone().run(request, extensions).await;
            let wait = match &result {
                Ok(response) => retrier.after_response(
                    response.status().as_u16(),
                    crate::http::retry_after(response.headers()),
                ),
                Err(error) if no_answer(error) => retrier.after_error(),
                Err(_) => None,
            };
            let Some(wait) = wait else {
                return result;
            };
            drop(result);
            tokio::time::sleep(wait).await;
            request = copy;
        }
    }
}

/// The request went out and no answer came back: worth another try. A middleware's own
/// error, an unbuildable request or a failed redirect is not.
fn no_answer(error: &Error) -> bool {
    match error {
        Error::Reqwest(e) => e.is_connect() || e.is_timeout() || e.is_request(),
        Error::Middleware(_) => false,
    }
}

impl<S> Clone for RetryMiddleware<S> {
    fn clone(&self) -> Self {
        RetryMiddleware {
            retrier: self.retrier.clone(),
        }
    }
}

impl<S> fmt::Debug for RetryMiddleware<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryMiddleware")
            .field("retrier", &self.retrier)
            .finish()
    }
}

/// A reqwest-retry [`RetryableStrategy`] that classifies answers by the set `S`'s advice:
/// transient for `backoff` and `retry-after`, none for other 1xx-3xx answers (success),
/// fatal otherwise (`modify`, `reauthenticate`, `never` on an error code). Request errors
/// are classified as reqwest-retry's default does.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use status_core::{status_set, reqwest::RetryStrategy};
/// use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
///
/// status_set! { pub enum SafeBrowsing = service "safe_browsing"; }
///
/// let policy = ExponentialBackoff::builder().build_with_max_retries(3);
/// let retry = RetryTransientMiddleware::new_with_policy_and_strategy(
///     policy,
///     RetryStrategy::<SafeBrowsing>::new(),
/// );
/// let client = reqwest_middleware::ClientBuilder::new(reqwest::Client::new()).with(retry).build();
/// # let _ = client;
/// # }
/// ```
pub struct RetryStrategy<S> {
    set: PhantomData<fn() -> S>,
}

impl<S> RetryStrategy<S> {
    /// The strategy for the set `S`.
    #[must_use]
    pub const fn new() -> Self {
        RetryStrategy { set: PhantomData }
    }

    /// How an answer with status `code` is classified.
    #[must_use]
    pub fn classify(code: u16) -> Option<Retryable>
    where
        S: From<u16> + HttpStatus,
    {
        classify(S::from(code).retry(), code)
    }
}

fn classify(advice: Retry, code: u16) -> Option<Retryable> {
    match advice {
        Retry::Backoff | Retry::RetryAfter => Some(Retryable::Transient),
        _ if code < 400 => None,
        Retry::Never | Retry::Modify | Retry::Reauthenticate => Some(Retryable::Fatal),
    }
}

impl<S> RetryableStrategy for RetryStrategy<S>
where
    S: From<u16> + HttpStatus,
{
    fn handle(&self, result: &Result<reqwest::Response, Error>) -> Option<Retryable> {
        match result {
            Ok(response) => Self::classify(response.status().as_u16()),
            Err(error) => default_on_request_failure(error),
        }
    }
}

impl<S> Default for RetryStrategy<S> {
    fn default() -> Self {
        RetryStrategy::new()
    }
}

impl<S> Clone for RetryStrategy<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for RetryStrategy<S> {}

impl<S> fmt::Debug for RetryStrategy<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RetryStrategy")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Retryable` implements no `Debug`, so compare spellings.
    fn class(advice: Retry, code: u16) -> &'static str {
        match classify(advice, code) {
            Some(Retryable::Transient) => "transient",
            Some(Retryable::Fatal) => "fatal",
            None => "none",
        }
    }

    #[test]
    fn advice_decides_the_class() {
        assert_eq!(class(Retry::Backoff, 503), "transient");
        assert_eq!(class(Retry::RetryAfter, 429), "transient");
        assert_eq!(class(Retry::Backoff, 201), "transient", "the spec says so");
        assert_eq!(class(Retry::Never, 200), "none", "success");
        assert_eq!(class(Retry::Never, 304), "none");
        assert_eq!(class(Retry::Modify, 400), "fatal");
        assert_eq!(class(Retry::Reauthenticate, 401), "fatal");
        assert_eq!(class(Retry::Never, 501), "fatal");
    }
}
