//! Error types as axum responses (feature `axum`): RFC 9457 problem details.
//!
//! With this feature every `#[derive(StatusCodes)]` type implements axum's `IntoResponse`,
//! so a handler can return `Result<T, YourError>`. The response is the one
//! [`crate::problem`] describes: the status, an `application/problem+json` body whose
//! `detail` is the error's `Display` unless the error is masked (every 5xx by default),
//! `Retry-After` from [`RetryAfterHint`], `WWW-Authenticate` on a 401 with a challenge.
//!
//! The same body for any status, e.g. a handwritten error type: [`Problem`].
//!
//! Enabling the feature gives every derived type the impl, so a type that already has an
//! `IntoResponse` impl of its own conflicts with it: say `#[status(into_response = false)]`
//! on it, or remove one of the two.

use ::http::HeaderValue;
use ::http::header::HeaderName;
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

pub use crate::RetryAfterHint;
pub use crate::problem::{PROBLEM_JSON, Problem};

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        axum_response(&self)
    }
}

/// `problem` as an axum response: what the `axum` hook's `into_response` returns.
#[doc(hidden)]
#[must_use]
pub fn axum_response(problem: &Problem) -> Response {
    let mut response = Response::new(Body::from(problem.to_json()));
    *response.status_mut() = problem.status();
    let headers = response.headers_mut();
    for (name, value) in problem.headers() {
        if let Ok(value) = HeaderValue::try_from(value) {
            let _ = headers.insert(HeaderName::from_static(name), value);
        }
    }
    response
}
