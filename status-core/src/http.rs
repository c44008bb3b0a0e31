//! Conversions to and from [`http::StatusCode`] (feature `http`).
//!
//! With this feature every `status_set!` enum implements
//! `From<http::StatusCode>` (total) and `TryFrom<SET> for http::StatusCode`. A
//! `#[derive(StatusCodes)]` type whose every variant has a fixed code gives
//! `From<E>` and `From<&E>` for `http::StatusCode`; one with an `other` or `transparent`
//! variant gives `TryFrom<E>` and `TryFrom<&E>`.
//!
//! Why `TryFrom` and not `From`: a set's `From<u16>` is total, so `Other` may hold any
//! `u16` (42, 1000), and an `other` variant of a derived enum too, while
//! `http::StatusCode` holds only 100..=999. Rather than invent a code for those, the
//! conversion fails with [`CodeOutOfRange`], which names the code. Every named variant
//! converts: the spec only admits codes from 100 to 599.

use core::fmt;

use crate::HttpStatus;

/// A status code that `http::StatusCode` cannot hold: it accepts 100..=999 only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeOutOfRange {
    code: u16,
}

impl CodeOutOfRange {
    /// The code that did not fit.
    #[must_use]
    pub const fn code(self) -> u16 {
        self.code
    }
}

impl fmt::Display for CodeOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "status code {} is outside 100..=999, the range `http::StatusCode` accepts",
            self.code
        )
    }
}

impl core::error::Error for CodeOutOfRange {}

/// The `http::StatusCode` of any status, e.g. a `&dyn HttpStatus` or a borrowed error enum
/// (the `TryFrom` impls take their value by move).
///
/// # Errors
/// [`CodeOutOfRange`] when the code is outside 100..=999.
///
/// ```
/// # #[cfg(feature = "macros")] {
/// use status_core::{status_set, http::status_code};
///
/// status_set! { enum Api = [200, 429]; }
///
/// assert_eq!(status_code(&Api::TooManyRequests), Ok(http::StatusCode::TOO_MANY_REQUESTS));
/// let err = status_code(&Api::from(42)).unwrap_err();
/// assert_eq!(err.code(), 42);
/// assert_eq!(err.to_string(), "status code 42 is outside 100..=999, the range `http::StatusCode` accepts");
/// # }
/// ```
pub fn status_code<S: HttpStatus + ?Sized>(
    status: &S,
) -> Result<::http::StatusCode, CodeOutOfRange> {
    let code = status.code();
    ::http::StatusCode::from_u16(code).map_err(|_| CodeOutOfRange { code })
}

/// The `Retry-After` header of an answer, when it is there and readable as text.
#[cfg(any(feature = "tower", feature = "reqwest"))]
pub(crate) fn retry_after(headers: &::http::HeaderMap) -> Option<&str> {
    headers
        .get(::http::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
}

/// The `http::StatusCode` of a type whose every value has a code from the spec (100..=599),
/// which `http::StatusCode` always holds: the `From` impls of derived types without `other`
/// or `transparent` variants. Generated code only.
#[doc(hidden)]
pub fn fixed_status_code<S: HttpStatus + ?Sized>(status: &S) -> ::http::StatusCode {
    // Unreachable for such a type; a total conversion still must not panic.
    ::http::StatusCode::from_u16(status.code()).unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
}
