//! A user that depends on status-core under another name (`sc`): builds only if
//! `#[status(crate = ..)]` and `status_set!`'s `$crate` reach everything through it.

use sc::{HttpStatus, StatusCodes};

/// Errors of a Safe Browsing client.
#[derive(Debug, StatusCodes)]
#[status(crate = sc, service = "safe_browsing")]
pub enum SafeBrowsingError {
    /// The request was malformed.
    #[status(400)]
    InvalidArgument(String),
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Unexpected(u16),
}

/// Unit variants only, for `from_code` and `From<u16>`; the path written absolute.
#[derive(Debug, Clone, Copy, StatusCodes)]
#[status(crate = ::sc)]
pub enum Quota {
    /// 429.
    TooManyRequests,
    /// Any other code.
    #[status(other)]
    Other(u16),
}

/// From a module, where `sc` still resolves through the extern prelude.
pub mod inner {
    /// Renamed once more, through a `use`.
    use sc as runtime;

    /// Reached through the local name.
    #[derive(Debug, runtime::StatusCodes)]
    #[status(crate = runtime)]
    pub enum Redirect {
        /// 301.
        MovedPermanently,
    }
}

/// `transparent`, `default`, a challenge and a struct, through the renamed crate.
#[derive(Debug, StatusCodes)]
#[status(crate = sc, default = 500, www_authenticate = "Bearer")]
pub enum Wrapping {
    /// The quota's status.
    #[status(transparent)]
    Quota(Quota),
    /// By `default`.
    Database,
}

/// A struct taking its status from a field.
#[derive(Debug, StatusCodes)]
#[status(crate = sc)]
pub struct Wrapper {
    /// The status.
    #[status(transparent)]
    pub inner: Wrapping,
}

sc::status_set! {
    /// Safe Browsing's codes.
    pub enum Sb = service "safe_browsing";
}

/// Every generated piece, used once.
#[must_use]
pub fn exercise(code: u16) -> String {
    let quota = Quota::from(code);
    let sb = Sb::from(code);
    format!(
        "{quota} {} {} {sb}",
        quota.code(),
        inner::Redirect::MovedPermanently.code()
    ) + &Wrapper {
        inner: Wrapping::Quota(quota),
    }
    .to_string()
}
