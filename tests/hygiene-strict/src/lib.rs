//! A user under strict lints: builds (and passes `cargo clippy -- -D warnings -D
//! clippy::pedantic`) only if the generated code raises no warning of its own.
#![deny(warnings, missing_docs, unused_qualifications)]
#![deny(
    unreachable_pub,
    unused_results,
    trivial_casts,
    trivial_numeric_casts,
    unused_lifetimes
)]
#![warn(clippy::pedantic)]

use status_core::{HttpStatus, StatusCodes, status_set};

/// Errors of a Safe Browsing client.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum SafeBrowsingError {
    /// The request was malformed.
    #[status(400)]
    InvalidArgument {
        /// The argument at fault.
        field: String,
    },
    /// The API key is not valid.
    #[status(403)]
    PermissionDenied,
    /// Out of quota.
    ResourceExhausted,
    /// The server failed.
    #[status(500)]
    Internal(String),
    /// Down for the moment.
    ServiceUnavailable,
    /// Any other code.
    #[status(other)]
    Unexpected(u16),
}

/// Unit variants only: `from_code` and `From<u16>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum Quota {
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Other(u16),
}

/// A private enum whose generated `from_code` nobody calls: no dead-code warning for it (and
/// none hidden: a variant nobody makes is still reported).
#[derive(StatusCodes)]
enum NoFromCode {
    NotFound,
    Gone,
}

/// A crate-private one, with a generic payload and a where-clause.
#[derive(StatusCodes)]
#[status(service = "web_api", display = false, spec = "../../codes.toml")]
pub(crate) enum Generic<'a, T>
where
    T: Clone,
{
    #[status(400)]
    Invalid(&'a str, T),
    NotFound,
}

/// Two variants share a code (identical match arms), one holds every other code.
#[derive(Debug, StatusCodes)]
pub enum Shared {
    /// The database failed.
    #[status(500)]
    Database(String),
    /// The cache failed.
    #[status(500)]
    Cache,
    /// Any other code.
    #[status(other)]
    Other(u16),
}

/// Nothing but a catch-all: `from_code` is a match with one arm.
#[derive(Debug, Clone, Copy, StatusCodes)]
#[status(display = false)]
pub enum OnlyOther {
    /// Any code.
    #[status(other)]
    Any {
        /// The code.
        code: u16,
    },
}

status_set! {
    /// Safe Browsing's codes.
    pub enum Sb = service "safe_browsing";
}

/// Every new key: `transparent` (generic too), `default`, challenges, masking, `other`
/// holding a set value.
#[derive(Debug, StatusCodes)]
#[status(default = 500, www_authenticate = "Bearer", mask = false)]
pub enum Wrapping<'a, E: HttpStatus + core::fmt::Display> {
    /// The quota's status.
    #[status(transparent)]
    Quota(Quota),
    /// Whatever `E` says.
    #[status(transparent)]
    Inner {
        /// The error.
        error: E,
    },
    /// By `default`, with a borrowed message.
    Database(&'a str),
    /// Its own challenge.
    #[status(401, www_authenticate = "Basic", mask = true)]
    Unauthorized,
    /// A set value as the code.
    #[status(other)]
    Relayed(Sb),
}

/// A struct taking its status from its second field.
#[derive(Debug, StatusCodes)]
#[status(display = false)]
pub struct Wrapper(pub u8, #[status(transparent)] pub Quota);

/// A unit struct with its own code.
#[derive(Debug, StatusCodes)]
#[status(410)]
pub struct Gone;

/// Every generated piece, used once.
#[must_use]
pub fn exercise(code: u16) -> String {
    let quota = Quota::from(code);
    let generic: Generic<'_, u8> = Generic::Invalid("x", 1);
    let both = match generic {
        Generic::Invalid(text, n) => format!("{text}{n}"),
        Generic::NotFound => String::new(),
    };
    let private = NoFromCode::NotFound.code() + NoFromCode::Gone.code();
    let wrapping: Wrapping<'_, Quota> = Wrapping::Inner { error: quota };
    let wrapper = Wrapper(0, quota);
    format!(
        "{quota} {} {both} {private} {} {wrapping} {:?} {} {}",
        Generic::<u8>::NotFound.code(),
        Sb::from(code),
        wrapping.www_authenticate(),
        wrapper.code() + Gone.code(),
        Wrapping::<Quota>::Database("db").masked()
    )
}
