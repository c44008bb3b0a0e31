//! RFC 9457 problem details, built once for every web framework (features `axum`, `actix`).
//!
//! A derived type's response is its status and an `application/problem+json` body:
//!
//! ```json
//! {"type":"about:blank","title":"Resource Exhausted","status":429,"detail":"quota of 100 requests a minute used up"}
//! ```
//!
//! - `title` is the phrase (the service's own wording), `detail` the error's `Display`, or
//!   the code's description from the spec when the error is **masked** (by default every
//!   5xx: `#[status(mask = ..)]` chooses) or has no `Display`. So a database error's text,
//!   with its hosts and SQL, never reaches a client.
//! - `Retry-After` when the type implements [`RetryAfterHint`](crate::RetryAfterHint)
//!   (whole seconds, rounded up).
//! - `WWW-Authenticate` on a 401 when the type gives a challenge
//!   (`#[status(www_authenticate = "..")]`; RFC 9110 requires one on every 401).
//! - A `#[status(transparent)]` variant answers exactly as its field would: the field's
//!   status, detail, masking, `Retry-After` and challenge.
//! - A code `http::StatusCode` cannot hold (an `other` variant holding 42, say) is answered
//!   as `500 Internal Server Error`, with `status` and `title` to match.
//!
//! With feature `tracing`, a masked response logs the full error once at error level (its
//! `Display`, and its `source()` chain when it implements `std::error::Error`) with the code;
//! an unmasked one is logged at debug level.
//!
//! Each framework's glue only copies a [`Problem`] into its response type, so axum and actix
//! answer the same error with the same status, headers and bytes.

use core::fmt;
use core::time::Duration;
use std::borrow::{Cow, ToOwned};
use std::error::Error;
use std::string::{String, ToString};
use std::vec::Vec;

use ::http::StatusCode;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::HttpStatus;

/// The media type of an RFC 9457 problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem details object with the headers that go with it, as the response
/// features answer derived types; usable for any status, e.g. a hand-written error type.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{status_set, problem::Problem};
///
/// status_set! { enum Api = service "safe_browsing"; }
///
/// let problem = Problem::new(&Api::ResourceExhausted, "try again in a minute")
///     .with_retry_after(Some(Duration::from_millis(1500)));
/// assert_eq!(problem.title(), "Resource Exhausted");
/// assert_eq!(problem.status(), 429);
/// assert_eq!(
///     problem.headers(),
///     [("content-type", "application/problem+json".to_owned()), ("retry-after", "2".to_owned())]
/// );
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    type_uri: Cow<'static, str>,
    status: StatusCode,
    title: &'static str,
    detail: String,
    retry_after: Option<Duration>,
    www_authenticate: Option<&'static str>,
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
            www_authenticate: None,
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

    /// Send `WWW-Authenticate: CHALLENGE` when the status is 401 (ignored otherwise).
    #[must_use]
    pub fn with_www_authenticate(mut self, challenge: Option<&'static str>) -> Self {
        self.www_authenticate = challenge;
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

    /// The response headers, names in lowercase: `content-type`, then `retry-after` and
    /// `www-authenticate` when they apply. A challenge that is not a valid header value
    /// (the derive refuses those at compile time) is left out.
    #[must_use]
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = Vec::with_capacity(3);
        headers.push(("content-type", PROBLEM_JSON.to_owned()));
        if let Some(delay) = self.retry_after {
            headers.push(("retry-after", whole_seconds(delay).to_string()));
        }
        if let Some(challenge) = self.www_authenticate.filter(|c| is_header_value(c)) {
            if self.status == StatusCode::UNAUTHORIZED {
                headers.push(("www-authenticate", challenge.to_owned()));
            }
        }
        headers
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

/// `Retry-After` takes whole seconds: round up, so the client never comes back early.
fn whole_seconds(delay: Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
}

/// Visible ASCII, spaces and tabs: what every framework's header type accepts.
#[doc(hidden)]
#[must_use]
pub const fn is_header_value(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'\t' | b' '..=b'~') {
            return false;
        }
        i += 1;
    }
    true
}

/// The value whose response `error` gives: the field of a `transparent` variant (and of
/// its field's, ...), else `error` itself.
fn innermost(error: &dyn HttpStatus) -> Option<&dyn HttpStatus> {
    let mut inner = error.__status_inner()?;
    while let Some(next) = inner.__status_inner() {
        inner = next;
    }
    Some(inner)
}

/// The text a `Display`-writing closure gives, if it gives one.
#[doc(hidden)]
pub fn display_text(write: impl FnOnce(&mut String) -> Option<fmt::Result>) -> Option<String> {
    let mut text = String::new();
    match write(&mut text) {
        Some(Ok(())) => Some(text),
        _ => None,
    }
}

/// What the response features answer `error` with. `display`, `retry_after` and
/// `as_error` are `error`'s own, found by the hook where its type is known; a `transparent`
/// variant's field gives its own through `HttpStatus`'s hidden methods instead.
#[doc(hidden)]
pub fn problem_of(
    error: &dyn HttpStatus,
    display: Option<String>,
    retry_after: Option<Duration>,
    as_error: Option<&(dyn Error + 'static)>,
) -> Problem {
    let (source, detail, retry_after) = match innermost(error) {
        Some(inner) => {
            let detail = display_text(|out| inner.__status_detail(out));
            (inner, detail, inner.__status_retry_after())
        }
        None => (error, display.clone(), retry_after),
    };
    let masked = source.masked();
    log(error.code(), masked, display.as_deref(), as_error);
    let detail = match detail {
        Some(text) if !masked => text,
        _ => source.description().to_owned(),
    };
    Problem::new(source, detail)
        .with_retry_after(retry_after)
        .with_www_authenticate(source.www_authenticate())
}

/// Feature `tracing`: a masked error once at error level, with what the client does not
/// see; anything else at debug level.
#[cfg(feature = "tracing")]
fn log(code: u16, masked: bool, display: Option<&str>, as_error: Option<&(dyn Error + 'static)>) {
    let text = display.unwrap_or("(no Display)");
    let sources = source_chain(as_error);
    if masked {
        tracing::error!(code, sources = %sources, "{text}");
    } else {
        tracing::debug!(code, sources = %sources, "{text}");
    }
}

#[cfg(not(feature = "tracing"))]
fn log(_: u16, _: bool, _: Option<&str>, _: Option<&(dyn Error + 'static)>) {}

/// `cause: its cause: ...`, the `source()` chain below `error` (empty without one).
#[cfg(feature = "tracing")]
fn source_chain(error: Option<&(dyn Error + 'static)>) -> String {
    let mut chain = String::new();
    let mut next = error.and_then(Error::source);
    while let Some(source) = next {
        if !chain.is_empty() {
            chain.push_str(": ");
        }
        chain.push_str(&source.to_string());
        next = source.source();
    }
    chain
}

/// Picked by `(&error).__status_via_error()` when the error implements `std::error::Error`
/// (and is `'static`, as `source()` chains are).
#[doc(hidden)]
pub trait ViaError {
    fn __status_via_error(&self) -> Option<&(dyn Error + 'static)>;
}

impl<T: Error + 'static> ViaError for T {
    fn __status_via_error(&self) -> Option<&(dyn Error + 'static)> {
        Some(self)
    }
}

/// Picked otherwise: no chain to log.
#[doc(hidden)]
pub trait NoError {
    fn __status_via_error(&self) -> Option<&(dyn Error + 'static)>;
}

impl<T: ?Sized> NoError for &T {
    fn __status_via_error(&self) -> Option<&(dyn Error + 'static)> {
        None
    }
}
