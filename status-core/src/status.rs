use core::fmt;
use core::time::Duration;

use crate::{Retry, StatusClass};

/// A status code with its phrase, description, class and retry advice.
///
/// Implemented by every generated set and derived enum. The trait is dyn-compatible, so code
/// that logs or routes responses can take `&dyn HttpStatus` from any service.
///
/// ```
/// use status_core::{HttpStatus, Retry, StatusClass};
///
/// struct Teapot;
/// impl HttpStatus for Teapot {
///     fn code(&self) -> u16 { 418 }
///     fn reason(&self) -> &'static str { "I'm a Teapot" }
///     fn description(&self) -> &'static str { "A joke code." }
///     fn class(&self) -> StatusClass { StatusClass::ClientError }
///     fn retry(&self) -> Retry { Retry::Modify }
/// }
///
/// let status: &dyn HttpStatus = &Teapot;
/// assert!(status.is_client_error() && status.is_error());
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no HTTP status: it does not implement `HttpStatus`",
    label = "no `HttpStatus` here",
    note = "derive it with `#[derive(StatusCodes)]`, generate the type with `status_set!`, or implement `HttpStatus` by hand",
    note = "a `#[status(transparent)]` field takes its status from its type: give the variant a code such as `#[status(500)]` instead"
)]
pub trait HttpStatus {
    /// The numeric code, e.g. 404.
    fn code(&self) -> u16;
    /// The reason phrase, e.g. "Not Found".
    fn reason(&self) -> &'static str;
    /// What the code means, in a sentence or two.
    fn description(&self) -> &'static str;
    /// The class the code's first digit puts it in.
    fn class(&self) -> StatusClass;
    /// What a client should do about a response with this code.
    fn retry(&self) -> Retry;

    /// 1xx.
    fn is_informational(&self) -> bool {
        self.class() == StatusClass::Informational
    }
    /// 2xx.
    fn is_success(&self) -> bool {
        self.class() == StatusClass::Success
    }
    /// 3xx.
    fn is_redirection(&self) -> bool {
        self.class() == StatusClass::Redirection
    }
    /// 4xx.
    fn is_client_error(&self) -> bool {
        self.class() == StatusClass::ClientError
    }
    /// 5xx.
    fn is_server_error(&self) -> bool {
        self.class() == StatusClass::ServerError
    }
    /// 4xx or 5xx.
    fn is_error(&self) -> bool {
        self.is_client_error() || self.is_server_error()
    }

    /// The `WWW-Authenticate` challenge an HTTP response with this status carries when its
    /// code is 401 (RFC 9110 requires one there), e.g. `Bearer realm="api"`. None by
    /// default; `#[status(www_authenticate = "..")]` sets it for derived types.
    fn www_authenticate(&self) -> Option<&'static str> {
        None
    }

    /// Whether an HTTP response hides this value's `Display` and sends the code's
    /// description instead, so internals (hosts, SQL, paths) never reach a client. By
    /// default server errors (5xx) are masked; `#[status(mask = ..)]` chooses for derived
    /// types.
    fn masked(&self) -> bool {
        self.is_server_error()
    }

    /// The value whose response this one is: a `#[status(transparent)]` variant's field.
    /// Response glue only; not a public API.
    #[doc(hidden)]
    fn __status_inner(&self) -> Option<&dyn HttpStatus> {
        None
    }

    /// Writes this value's `Display` into `out`, if it has one. Response glue only.
    #[doc(hidden)]
    fn __status_detail(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        let _ = out;
        None
    }

    /// The `RetryAfterHint` of this value, if its type implements it. Response glue only.
    #[doc(hidden)]
    fn __status_retry_after(&self) -> Option<Duration> {
        None
    }
}

/// How long a client should wait before retrying after this error, sent as `Retry-After`
/// (in whole seconds, rounded up) by the response features (`axum`, `actix`).
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use std::time::Duration;
/// use status_core::{RetryAfterHint, StatusCodes};
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

// Generated impls settle optional traits by method resolution on a reference (the "autoref"
// technique of anyhow's `anyhow!`): each `Via*` trait is implemented for `T` with the bound
// and takes `&T`, so it is found first; each `No*` trait is implemented for every `&T` and
// takes `&&T`, found only when the `Via*` one does not apply. So neither `RetryAfterHint`
// nor `Display` is required of a derived type.

/// Picked by `(&value).__status_via_hint()` when the type implements [`RetryAfterHint`].
#[doc(hidden)]
pub trait ViaRetryAfterHint {
    fn __status_via_hint(&self) -> Option<Duration>;
}

impl<T: RetryAfterHint + ?Sized> ViaRetryAfterHint for T {
    fn __status_via_hint(&self) -> Option<Duration> {
        self.retry_after()
    }
}

/// Picked otherwise: no header.
#[doc(hidden)]
pub trait NoRetryAfterHint {
    fn __status_via_hint(&self) -> Option<Duration>;
}

impl<T: ?Sized> NoRetryAfterHint for &T {
    fn __status_via_hint(&self) -> Option<Duration> {
        None
    }
}

/// Picked by `(&value).__status_via_display(out)` when the type implements `Display`.
#[doc(hidden)]
pub trait ViaDisplay {
    fn __status_via_display(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result>;
}

impl<T: fmt::Display + ?Sized> ViaDisplay for T {
    fn __status_via_display(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        Some(write!(out, "{self}"))
    }
}

/// Picked otherwise: there is no text to show.
#[doc(hidden)]
pub trait NoDisplay {
    fn __status_via_display(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result>;
}

impl<T: ?Sized> NoDisplay for &T {
    fn __status_via_display(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        let _ = out;
        None
    }
}

/// What an `other` variant's field may be: any `Copy` type a `u16` converts from (`u16`,
/// `http::StatusCode`, a `status_set!` enum).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the `other` variant's field must hold a status code, and `u16` does not convert from `{Self}`",
    label = "not a status code",
    note = "use `u16`, `http::StatusCode` (feature `http`) or a `status_set!` enum: a `Copy` type that `u16: From` converts"
)]
pub trait CodeField: Copy {
    fn __status_code(self) -> u16;
}

// Implemented type by type rather than for every `T` with `u16: From<T>`: a blanket impl
// would make rustc report its unmet bound instead of the message above.
impl CodeField for u16 {
    #[inline]
    fn __status_code(self) -> u16 {
        self
    }
}

#[cfg(feature = "http")]
impl CodeField for ::http::StatusCode {
    #[inline]
    fn __status_code(self) -> u16 {
        self.as_u16()
    }
}

/// What every `status_set!` enum offers, for code generic over sets.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use status_core::{status_set, StatusSet};
///
/// status_set! { enum Retryable = [429, 503]; }
///
/// fn named<S: StatusSet>(code: u16) -> bool {
///     S::from(code).is_named()
/// }
/// assert!(named::<Retryable>(429));
/// assert!(!named::<Retryable>(404));
/// assert_eq!(Retryable::all().len(), 2);
/// # }
/// ```
pub trait StatusSet: HttpStatus + From<u16> + Into<u16> + Copy + Eq + 'static {
    /// The named variants, in code order (the catch-all `Other` aside).
    fn all() -> &'static [Self];
    /// Whether the set names `code`.
    fn contains(code: u16) -> bool;
    /// Whether this value is a named variant rather than the catch-all `Other`.
    fn is_named(&self) -> bool {
        Self::contains(self.code())
    }
}
