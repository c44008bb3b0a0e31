//! tower's retry layer driven by the spec (feature `tower`): [`RetryPolicy`].
//!
//! tower's `Retry` middleware asks a [`Policy`] after each attempt whether to try again;
//! tower ships no HTTP-aware policy. [`RetryPolicy<S>`] reads the answer's status as the
//! set `S` and follows the spec's advice with [`Retrier`], which holds the rules (the
//! reqwest adapter uses the same one).

use core::fmt;
use std::time::Duration;

use http::{Request, Response};
use tower::retry::Policy;

use crate::HttpStatus;
use crate::backoff::{Backoff, BackoffPolicy, Retrier};

/// A tower [`Policy`] for `http::Request<B>` (with a cloneable body) that retries as the
/// set `S` advises: `Retry-After` honoured (delay-seconds or HTTP-date) when no longer
/// than [`max_wait`](RetryPolicy::max_wait), back-off per `S::backoff()` on `backoff`,
/// never a repeat on `modify`, `reauthenticate` or `never`; errors from the inner
/// service (no answer) back off. When the policy stops, the caller gets the last answer.
///
/// tower clones the policy for each request, so each request counts its own attempts.
/// The waits are tokio timers: a test with tokio's paused clock runs them instantly.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, tower::RetryPolicy};
/// use tower::ServiceBuilder;
///
/// status_set! { pub enum SafeBrowsing = service "safe_browsing"; }
///
/// let layer = ServiceBuilder::new().retry(
///     RetryPolicy::<SafeBrowsing>::new()
///         .max_retries(3)
///         .max_wait(Duration::from_secs(3600)),
/// );
/// # let _ = layer;
/// # }
/// ```
pub struct RetryPolicy<S> {
    retrier: Retrier<S>,
}

impl<S: BackoffPolicy> RetryPolicy<S> {
    /// Retries on the set's own schedule (`S::backoff()`), with no extra limit.
    #[must_use]
    pub fn new() -> Self {
        RetryPolicy {
            retrier: Retrier::new(),
        }
    }
}

impl<S: BackoffPolicy> Default for RetryPolicy<S> {
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl<S> RetryPolicy<S> {
    /// Retries on `schedule` instead of the set's own.
    #[must_use]
    pub fn with_schedule(schedule: Backoff) -> Self {
        RetryPolicy {
            retrier: Retrier::with_schedule(schedule),
        }
    }

    /// Send a request at most `retries` more times.
    #[must_use]
    pub fn max_retries(self, retries: u32) -> Self {
        RetryPolicy {
            retrier: self.retrier.max_retries(retries),
        }
    }

    /// Return the answer instead of waiting longer than `wait` before the next attempt.
    #[must_use]
    pub fn max_wait(self, wait: Duration) -> Self {
        RetryPolicy {
            retrier: self.retrier.max_wait(wait),
        }
    }
}

impl<S, B, R, E> Policy<Request<B>, Response<R>, E> for RetryPolicy<S>
where
    S: From<u16> + HttpStatus,
    B: Clone,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        _request: &mut Request<B>,
        result: &mut Result<Response<R>, E>,
    ) -> Option<Self::Future> {
        let wait = match result {
            Ok(response) => self.retrier.after_response(
                response.status().as_u16(),
                crate::http::retry_after(response.headers()),
            ),
            Err(_) => self.retrier.after_error(),
        }?;
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(&mut self, request: &Request<B>) -> Option<Request<B>> {
        Some(request.clone())
    }
}

impl<S> Clone for RetryPolicy<S> {
    fn clone(&self) -> Self {
        RetryPolicy {
            retrier: self.retrier.clone(),
        }
    }
}

impl<S> fmt::Debug for RetryPolicy<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RetryPolicy")
            .field("retrier", &self.retrier)
            .finish()
    }
}
