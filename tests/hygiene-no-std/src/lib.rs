//! A `#![no_std]` user: builds only if the generated code needs nothing beyond `core`.
#![no_std]

use status_core::{HttpStatus, Retry, StatusCodes, status_set};

/// Errors of a Safe Browsing client, as in the derive's documentation.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum SafeBrowsingError {
    /// The request was malformed.
    #[status(400)]
    InvalidArgument {
        /// The argument at fault.
        field: &'static str,
    },
    /// The API key is not valid.
    #[status(403)]
    PermissionDenied,
    /// Out of quota.
    ResourceExhausted,
    /// The server failed.
    #[status(500)]
    Internal(&'static str),
    /// Down for the moment.
    ServiceUnavailable,
    /// Any other code.
    #[status(other)]
    Unexpected(u16),
}

/// Unit variants only: `from_code` and `From<u16>` are generated too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum Quota {
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Other {
        /// The code.
        code: u16,
    },
}

/// `from_code` works in a constant.
pub const EXHAUSTED: Option<Quota> = Quota::from_code(429);

status_set! {
    /// Safe Browsing's codes.
    pub enum Sb = service "safe_browsing";
}

/// `transparent`, `default`, a challenge and masking need nothing beyond `core`.
#[derive(Debug, StatusCodes)]
#[status(default = 500, www_authenticate = "Bearer", mask = false)]
pub enum Wrapping {
    /// The quota's status.
    #[status(transparent)]
    Quota(Quota),
    /// By `default`.
    Database,
    /// A set value as the code.
    #[status(other)]
    Relayed(Sb),
}

/// A struct taking its status from a field.
#[derive(Debug, StatusCodes)]
pub struct Wrapper {
    /// The status.
    #[status(transparent)]
    pub inner: Wrapping,
}

/// Whether the client should back off, for any of the above.
pub fn backs_off(status: &dyn HttpStatus) -> bool {
    status.retry() == Retry::Backoff
}

/// Every generated piece, used once.
/// # Errors
/// When `out` fails.
pub fn exercise(code: u16, out: &mut dyn core::fmt::Write) -> core::fmt::Result {
    let quota = Quota::from(code);
    let error = SafeBrowsingError::Unexpected(code);
    let wrapper = Wrapper {
        inner: Wrapping::Quota(quota),
    };
    write!(
        out,
        "{quota} {error} {} {} {wrapper} {}",
        backs_off(&quota),
        Sb::from(code),
        backs_off(&Wrapping::Relayed(Sb::from(code)))
    )
}
