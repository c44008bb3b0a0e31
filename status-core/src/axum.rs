//! Error enums as axum responses (feature `axum`): RFC 9457 problem details.
//!
//! With this feature every `#[derive(StatusCodes)]` enum implements axum's `IntoResponse`,
//! so a handler can return `Result<T, YourError>`. The response has the variant's status
//! and an `application/problem+json` body:
//!
//! ```json
//! {"type":"about:blank","title":"Resource Exhausted","status":429,"detail":"quota of 100 requests a minute used up"}
//! ```
//!
//! `title` is the variant's phrase (the service's own wording), `detail` the error's
//! `Display` (the code's description from the spec when the enum has none). A variant gets
//! a `Retry-After` header when the enum implements [`RetryAfterHint`]; implementing it is
//! optional, enums that do not get no header. (The retry advice alone cannot give one:
//! `retry-after` says *that* a client should wait, not how long.)
//!
//! A code `http::StatusCode` cannot hold (an `other` variant holding 42, say) is answered as
//! `500 Internal Server Error`, with `status` and `title` to match, and the detail kept.
//!
//! The same body for any status, e.g. a handwritten error type: [`Problem`].
//!
//! Enabling the feature gives every derived enum the impl, so an enum that already has an
//! `IntoResponse` impl of its own conflicts with it: remove one of the two.

use core::fmt::Display;
use core::time::Duration;
use std::borrow::Cow;
use std::string::{String, ToString};
use std::vec::Vec;

use ::http::header::{CONTENT_TYPE, RETRY_AFTER};
use ::http::{HeaderValue, StatusCode};
use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::HttpStatus;

/// The media type of an RFC 9457 problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// How long a client should wait before retrying after this error, sent as `Retry-After`
/// (in whole seconds, rounded up).
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{StatusCodes, axum::RetryAfterHint};
///
/// #[derive(Debug, StatusCodes)]
/// #[status(service = "safe_browsing")]
/// enum ApiError {
///     ResourceExhausted { reset_in: Duration },
///     ServiceUnavailable,
/// }
///
/// impl RetryAfterHint for ApiError {
///     fn retry_after(&self) -> Option<Duration> {
///         match self {
///             ApiError::ResourceExhausted { reset_in } => Some(*reset_in),
///             ApiError::ServiceUnavailable => None,
///         }
///     }
/// }
/// # }
/// ```
pub trait RetryAfterHint {
    /// The delay for this value, or `None` for no header.
    fn retry_after(&self) -> Option<Duration>;
}

/// An RFC 9457 problem details object, as the `axum` feature answers derived enums.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use axum_core::response::IntoResponse;
/// use status_core::{status_set, axum::Problem};
///
/// status_set! { enum Api = service "safe_browsing"; }
///
/// let problem = Problem::new(&Api::ResourceExhausted, "try again in a minute")
///     .with_retry_after(Some(Duration::from_millis(1500)));
/// assert_eq!(problem.title(), "Resource Exhausted");
/// let response = problem.into_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// assert_eq!(response.headers()["retry-after"], "2");
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    type_uri: Cow<'static, str>,
    status: StatusCode,
    title: &'static str,
    detail: String,
    retry_after: Option<Duration>,
}

impl Problem {
    /// A problem of type `about:blank` for `status`, titled by its phrase; a code
    /// `http::StatusCode` cannot hold becomes `500 Internal Server Error`.
    pub fn new<S: HttpStatus + ?Sized>(status: &S, detail: impl Into<String>) -> Self {
        let (status, title) = match StatusCode::from_u16(status.code()) {
            Ok(code) => (code, status.reason()),
            Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
        };
        Problem {
            type_uri: Cow::Borrowed("about:blank"),
            status,
            title,
            detail: detail.into(),
            retry_after: None,
        }
    }

    /// A URI that identifies the problem type, instead of `about:blank`.
    #[must_use]
    pub fn with_type(mut self, uri: impl Into<Cow<'static, str>>) -> Self {
        self.type_uri = uri.into();
        self
    }

    /// Send `Retry-After` with this delay (whole seconds, rounded up), or none.
    #[must_use]
    pub fn with_retry_after(mut self, delay: Option<Duration>) -> Self {
        self.retry_after = delay;
        self
    }

    /// The `type` member.
    #[must_use]
    pub fn type_uri(&self) -> &str {
        &self.type_uri
    }

    /// The response status, also the `status` member.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `title` member: the status's phrase.
    #[must_use]
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// The `detail` member.
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The `Retry-After` delay, if any.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// The JSON body.
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        // Only strings and a number: serde_json cannot fail on them, but stay total anyway.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut problem = serializer.serialize_struct("Problem", 4)?;
        problem.serialize_field("type", &*self.type_uri)?;
        problem.serialize_field("title", self.title)?;
        problem.serialize_field("status", &self.status.as_u16())?;
        problem.serialize_field("detail", &self.detail)?;
        problem.end()
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.to_json()));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        let _ = headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(delay) = self.retry_after {
            let _ = headers.insert(RETRY_AFTER, HeaderValue::from(whole_seconds(delay)));
        }
        response
    }
}

/// `Retry-After` takes whole seconds: round up, so the client never comes back early.
fn whole_seconds(delay: Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
}

/// What the `axum` hook's `into_response` calls: `detail` is the error's `Display` when it
/// has one, else the status's description.
#[doc(hidden)]
pub fn problem_response<E: HttpStatus + ?Sized>(
    error: &E,
    detail: Option<String>,
    retry_after: Option<Duration>,
) -> Response {
    let detail = detail.unwrap_or_else(|| error.description().to_string());
    Problem::new(error, detail)
        .with_retry_after(retry_after)
        .into_response()
}

// The hook settles optional impls by method resolution on `&value` (the "autoref" technique
// of anyhow's `anyhow!`): each `Via*` trait is implemented for `T` with the bound and takes
// `&T`, so it is found first; each `No*` trait is implemented for every `&T` and takes
// `&&T`, found only when the `Via*` one does not apply. So neither `RetryAfterHint` nor
// `Display` is required of a derived enum, and turning the feature on breaks none.

/// Picked by `(&error).__status_retry_after()` when the error implements [`RetryAfterHint`].
#[doc(hidden)]
pub trait ViaRetryAfterHint {
    fn __status_retry_after(&self) -> Option<Duration>;
}

impl<T: RetryAfterHint + ?Sized> ViaRetryAfterHint for T {
    fn __status_retry_after(&self) -> Option<Duration> {
        self.retry_after()
    }
}

/// Picked otherwise: no header.
#[doc(hidden)]
pub trait NoRetryAfterHint {
    fn __status_retry_after(&self) -> Option<Duration>;
}

impl<T: ?Sized> NoRetryAfterHint for &T {
    fn __status_retry_after(&self) -> Option<Duration> {
        None
    }
}

/// Picked by `(&error).__status_detail()` when the error implements `Display`.
#[doc(hidden)]
pub trait ViaDisplay {
    fn __status_detail(&self) -> Option<String>;
}

impl<T: Display + ?Sized> ViaDisplay for T {
    fn __status_detail(&self) -> Option<String> {
        Some(self.to_string())
    }
}

/// Picked otherwise: the detail falls back to the status's description.
#[doc(hidden)]
pub trait NoDisplay {
    fn __status_detail(&self) -> Option<String>;
}

impl<T: ?Sized> NoDisplay for &T {
    fn __status_detail(&self) -> Option<String> {
        None
    }
}
