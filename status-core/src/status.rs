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
