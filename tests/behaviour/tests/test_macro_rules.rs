//! Items written by a user's `macro_rules!`: what it passes on as `$x:meta`, `$x:literal`
//! or `$x:vis` arrives wrapped in invisible groups, which the macros must read as written.

use status_core::{HttpStatus, Retry, StatusCodes, status_set};

macro_rules! api_error {
    ($(#[$attr:meta])* $vis:vis $name:ident, $code:literal) => {
        #[derive(Debug, StatusCodes)]
        $(#[$attr])*
        $vis enum $name {
            /// Named by the service's phrase.
            ResourceExhausted,
            /// Named by a code the macro was given.
            #[status($code)]
            Unavailable,
            /// Any other code.
            #[status(other)]
            Other(u16),
        }
    };
}

api_error! {
    /// Documented through the macro.
    #[status(service = "safe_browsing")]
    pub SafeBrowsingError, 503
}

macro_rules! set {
    ($vis:vis $name:ident = service $service:literal) => {
        status_set! { $vis enum $name = service $service; }
    };
}

set!(pub SafeBrowsing = service "safe_browsing");

#[test]
fn attributes_passed_as_meta_are_read() {
    // The service's phrase for 429, not the base registry's "Too Many Requests".
    let e = SafeBrowsingError::ResourceExhausted;
    assert_eq!((e.code(), e.reason()), (429, "Resource Exhausted"));
    assert_eq!(e.retry(), Retry::Backoff);
    assert_eq!(SafeBrowsingError::Unavailable.code(), 503);
    assert_eq!(SafeBrowsingError::from(404).code(), 404);
}

#[test]
fn a_set_named_by_a_literal_fragment_is_the_service() {
    assert_eq!(
        SafeBrowsing::from(429).to_string(),
        "429 Resource Exhausted"
    );
    assert!(!SafeBrowsing::contains(418));
}
