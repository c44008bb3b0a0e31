//! `#[derive(StatusCodes)]`: what the generated impls do, from a user crate's point of view.
//! Compile-time rules (misuse is an error) are in `ui/derive/`, run by `tests/ui.rs`.

use std::fmt;

use status_core::{HttpStatus, Retry, StatusClass, StatusCodes};

/// The example: explicit codes, codes found by name, data, and a catch-all.
#[derive(Debug, PartialEq, StatusCodes)]
#[status(service = "safe_browsing")]
enum SafeBrowsingError {
    #[status(400)]
    InvalidArgument {
        field: String,
    },
    #[status(403)]
    PermissionDenied,
    ResourceExhausted,
    #[status(500)]
    Internal(String),
    ServiceUnavailable,
    #[status(other)]
    Unexpected(u16),
}

#[test]
fn codes_come_from_the_attribute_or_the_name() {
    let field = String::from("url");
    assert_eq!(SafeBrowsingError::InvalidArgument { field }.code(), 400);
    assert_eq!(SafeBrowsingError::PermissionDenied.code(), 403);
    assert_eq!(SafeBrowsingError::ResourceExhausted.code(), 429);
    assert_eq!(SafeBrowsingError::Internal("boom".into()).code(), 500);
    assert_eq!(SafeBrowsingError::ServiceUnavailable.code(), 503);
    assert_eq!(SafeBrowsingError::Unexpected(418).code(), 418);
}

#[test]
fn facts_are_the_services_effective_entries() {
    let e = SafeBrowsingError::ResourceExhausted;
    assert_eq!(e.reason(), "Resource Exhausted");
    assert!(e.description().contains("quota"), "{}", e.description());
    assert_eq!(e.class(), StatusClass::ClientError);
    // The service overrides the base's `retry-after` for 429 and `modify` for 400.
    assert_eq!(e.retry(), Retry::Backoff);
    assert_eq!(
        SafeBrowsingError::InvalidArgument {
            field: String::new()
        }
        .retry(),
        Retry::Backoff
    );
    assert_eq!(
        SafeBrowsingError::Internal(String::new()).reason(),
        "Internal Server Error"
    );
    assert_eq!(
        SafeBrowsingError::Internal(String::new()).class(),
        StatusClass::ServerError
    );
    assert!(SafeBrowsingError::PermissionDenied.is_client_error());
}

#[test]
fn display_is_code_and_the_services_phrase() {
    assert_eq!(
        SafeBrowsingError::ResourceExhausted.to_string(),
        "429 Resource Exhausted"
    );
    assert_eq!(
        SafeBrowsingError::Internal("x".into()).to_string(),
        "500 Internal Server Error"
    );
    assert_eq!(
        format!("{:>25}", SafeBrowsingError::PermissionDenied),
        "            403 Forbidden"
    );
}

#[test]
fn other_codes_are_looked_up_at_run_time() {
    // A code the service lists: its phrasing and advice.
    let listed = SafeBrowsingError::Unexpected(429);
    assert_eq!(
        (listed.reason(), listed.retry()),
        ("Resource Exhausted", Retry::Backoff)
    );
    // A code only the base registry has: its phrase, and the service's advice for codes
    // it does not list (Safe Browsing backs off on every non-200 answer).
    let teapot = SafeBrowsingError::Unexpected(418);
    assert_eq!(teapot.reason(), "I'm a Teapot");
    assert_eq!(teapot.retry(), Retry::Backoff);
    assert_eq!(teapot.to_string(), "418 I'm a Teapot");
    // A code nobody describes: its class.
    let unknown = SafeBrowsingError::Unexpected(499);
    assert_eq!(
        (unknown.reason(), unknown.class(), unknown.retry()),
        ("Client Error", StatusClass::ClientError, Retry::Backoff)
    );
    assert_eq!(unknown.to_string(), "499 Client Error");
    // So do a success and a redirect it does not list: any answer but 200 OK means
    // back-off mode, in its document's words.
    assert_eq!(SafeBrowsingError::Unexpected(201).retry(), Retry::Backoff);
    assert_eq!(SafeBrowsingError::Unexpected(306).retry(), Retry::Backoff);
    assert_eq!(SafeBrowsingError::Unexpected(200).retry(), Retry::Never);
}

#[test]
fn other_codes_agree_with_a_status_set_of_the_service() {
    status_core::status_set! { enum SafeBrowsing = service "safe_browsing"; }
    for code in [100, 200, 204, 302, 404, 418, 429, 499, 503, 599, 600, 42] {
        let (ours, set) = (
            SafeBrowsingError::Unexpected(code),
            SafeBrowsing::from(code),
        );
        assert_eq!(ours.reason(), set.reason(), "{code}");
        assert_eq!(ours.description(), set.description(), "{code}");
        assert_eq!(ours.class(), set.class(), "{code}");
        assert_eq!(ours.retry(), set.retry(), "{code}");
        assert_eq!(ours.to_string(), set.to_string(), "{code}");
    }
}

#[test]
fn without_a_service_other_codes_get_the_base_advice() {
    assert_eq!(BaseOther::Other(418).retry(), Retry::Modify);
    assert_eq!(BaseOther::Other(499).retry(), Retry::Modify);
}

#[derive(StatusCodes)]
enum BaseOther {
    NotFound,
    #[status(other)]
    Other(u16),
}

#[test]
fn other_codes_outside_the_classes_are_clamped() {
    let low = SafeBrowsingError::Unexpected(42);
    assert_eq!(low.class(), StatusClass::Informational);
    assert_eq!(low.reason(), "Unknown Status");
    let high = SafeBrowsingError::Unexpected(600);
    assert_eq!(high.class(), StatusClass::ServerError);
    assert_eq!(high.to_string(), "600 Unknown Status");
}

#[test]
fn works_through_dyn() {
    let errors: Vec<Box<dyn HttpStatus>> = vec![
        Box::new(SafeBrowsingError::PermissionDenied),
        Box::new(SafeBrowsingError::Unexpected(502)),
    ];
    let codes: Vec<u16> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, [403, 502]);
}

/// A type of the user's with `HttpStatus` by hand, beside status-core's blanket impl for
/// derived types (coherence knows this type does not implement the derive's hidden trait).
struct Teapot;

/// What a hand-written impl of each method says, for the types below.
macro_rules! teapot_status {
    () => {
        fn code(&self) -> u16 {
            418
        }
        fn reason(&self) -> &'static str {
            "I'm a Teapot"
        }
        fn description(&self) -> &'static str {
            "Short and stout."
        }
        fn class(&self) -> StatusClass {
            StatusClass::ClientError
        }
        fn retry(&self) -> Retry {
            Retry::Never
        }
    };
}

impl HttpStatus for Teapot {
    teapot_status!();
}

// Boxes of the user's types are theirs to implement too, derived types' included.
impl HttpStatus for Box<Teapot> {
    teapot_status!();
}

impl HttpStatus for Box<SafeBrowsingError> {
    teapot_status!();
}

#[test]
fn hand_written_impls_live_beside_derived_ones() {
    let statuses: [&dyn HttpStatus; 4] = [
        &Teapot,
        &Box::new(Teapot),
        &SafeBrowsingError::ResourceExhausted,
        &Box::new(SafeBrowsingError::ResourceExhausted),
    ];
    let seen: Vec<(u16, &str, bool)> = statuses
        .iter()
        .map(|s| (s.code(), s.reason(), s.masked()))
        .collect();
    assert_eq!(
        seen,
        [
            (418, "I'm a Teapot", false),
            (418, "I'm a Teapot", false),
            (429, "Resource Exhausted", false),
            (418, "I'm a Teapot", false),
        ]
    );
    assert_eq!(Teapot.description(), "Short and stout.");
    assert_eq!(Teapot.retry(), Retry::Never);
    assert!(Teapot.is_client_error());
}

/// Unit variants only, with a catch-all: `from_code` and `From<u16>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, StatusCodes)]
#[status(service = "safe_browsing")]
enum Quota {
    ResourceExhausted,
    #[status(503)]
    Busy,
    #[status(other)]
    Other {
        code: u16,
    },
}

#[test]
fn unit_enums_get_from_code_and_from_u16() {
    assert_eq!(Quota::from_code(429), Some(Quota::ResourceExhausted));
    assert_eq!(Quota::from_code(503), Some(Quota::Busy));
    assert_eq!(
        Quota::from_code(404),
        None,
        "from_code never gives the catch-all"
    );
    assert_eq!(Quota::from(503), Quota::Busy);
    assert_eq!(Quota::from(404), Quota::Other { code: 404 });
    assert_eq!(Quota::from(404).code(), 404);
    assert_eq!(Quota::from(404).to_string(), "404 Not Found");
}

#[test]
fn from_code_is_const() {
    const BUSY: Option<Quota> = Quota::from_code(503);
    assert_eq!(BUSY, Some(Quota::Busy));
}

/// No catch-all: `from_code`, and no `From<u16>` (it could not be total).
#[derive(Debug, PartialEq, StatusCodes)]
enum Redirect {
    MovedPermanently,
    /// Found through the alias "Moved Temporarily" of 302.
    MovedTemporarily,
}

#[test]
fn names_match_aliases_too() {
    assert_eq!(Redirect::MovedTemporarily.code(), 302);
    // The phrase is the entry's, not the alias'.
    assert_eq!(Redirect::MovedTemporarily.to_string(), "302 Found");
    assert_eq!(Redirect::from_code(301), Some(Redirect::MovedPermanently));
    assert_eq!(Redirect::from_code(302), Some(Redirect::MovedTemporarily));
    assert_eq!(Redirect::from_code(303), None);
}

/// With no service, the whole base registry is the scope.
#[derive(Debug, StatusCodes)]
enum Base {
    NotFound,
    PayloadTooLarge,
    ImATeapot,
    #[status(511)]
    LoginRequired,
}

#[test]
fn without_a_service_the_base_registry_is_used() {
    assert_eq!(Base::NotFound.code(), 404);
    assert_eq!(Base::PayloadTooLarge.code(), 413);
    assert_eq!(Base::PayloadTooLarge.reason(), "Content Too Large");
    assert_eq!(Base::ImATeapot.code(), 418);
    assert_eq!(
        Base::LoginRequired.reason(),
        "Network Authentication Required"
    );
    assert_eq!(Base::ImATeapot.retry(), Retry::Modify);
}

/// In a service, the base registry's name for a code the service lists works too.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
enum BaseNames {
    TooManyRequests,
    #[status(429)]
    Quota,
}

#[test]
fn base_names_and_shared_codes() {
    assert_eq!(BaseNames::TooManyRequests.code(), 429);
    assert_eq!(BaseNames::TooManyRequests.reason(), "Resource Exhausted");
    assert_eq!(
        BaseNames::Quota.to_string(),
        BaseNames::TooManyRequests.to_string()
    );
}

/// Several variants may share a code; then there is no `from_code`.
#[derive(Debug, StatusCodes)]
#[allow(dead_code, reason = "the payload is only there to be carried")]
#[status(service = "web_api")]
enum Shared {
    #[status(500)]
    Database(String),
    #[status(500)]
    Cache,
    NotFound,
}

#[test]
fn variants_may_share_a_code() {
    assert_eq!(Shared::Database("down".into()).code(), 500);
    assert_eq!(Shared::Cache.code(), 500);
    assert_eq!(Shared::Cache.to_string(), "500 Internal Server Error");
    assert_eq!(Shared::NotFound.code(), 404);
}

/// Generic parameters, a lifetime and a where-clause.
#[derive(Debug, StatusCodes)]
#[allow(dead_code, reason = "the payloads are only there to be carried")]
#[status(service = "web_api")]
enum Generic<'a, T, const N: usize>
where
    T: fmt::Debug + Clone,
{
    #[status(400)]
    Invalid(&'a str, [T; N]),
    NotFound {
        id: T,
    },
    #[status(other)]
    Unexpected(u16),
}

#[test]
fn generic_enums_work() {
    let invalid: Generic<'_, u8, 2> = Generic::Invalid("x", [1, 2]);
    assert_eq!(invalid.code(), 400);
    let not_found: Generic<'_, String, 0> = Generic::NotFound { id: "7".into() };
    assert_eq!(not_found.to_string(), "404 Not Found");
    assert_eq!(
        Generic::<'_, (), 1>::Unexpected(503).retry(),
        Retry::RetryAfter
    );
}

/// `display = false`: the enum writes its own `Display`, e.g. with its data.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing", display = false)]
enum OwnDisplay {
    #[status(400)]
    InvalidArgument { field: &'static str },
}

impl fmt::Display for OwnDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnDisplay::InvalidArgument { field } => {
                write!(f, "invalid argument `{field}` ({})", self.code())
            }
        }
    }
}

#[test]
fn display_can_be_left_to_the_user() {
    assert_eq!(
        OwnDisplay::InvalidArgument { field: "url" }.to_string(),
        "invalid argument `url` (400)"
    );
}

/// `spec = "..."`: a user's own file, relative to `CARGO_MANIFEST_DIR`.
#[derive(Debug, PartialEq, StatusCodes)]
#[status(spec = "fixtures/derive_orders.toml", service = "orders")]
enum Orders {
    NothingHere,
    OrderLocked,
    ClientClosedRequest,
    #[status(other)]
    Other(u16),
}

#[test]
fn a_spec_file_can_be_named() {
    assert_eq!(Orders::NothingHere.code(), 404);
    assert_eq!(Orders::NothingHere.reason(), "Not Found");
    assert_eq!(Orders::OrderLocked.to_string(), "409 Order Locked");
    assert_eq!(Orders::OrderLocked.retry(), Retry::Backoff);
    assert_eq!(Orders::ClientClosedRequest.code(), 499);
    assert_eq!(Orders::from(499), Orders::ClientClosedRequest);
    // The catch-all knows the file's base registry, not the embedded one.
    assert_eq!(Orders::Other(503).retry(), Retry::RetryAfter);
    assert_eq!(Orders::Other(418).to_string(), "418 Client Error");
}

status_core::status_set! {
    /// The same file's service as a set, whose `Other` codes are found another way (a
    /// 500-entry index rather than the derive's bit set).
    #[status(spec = "fixtures/derive_orders.toml")]
    enum OrdersSet = service "orders";
}

#[test]
fn a_spec_files_other_codes_read_as_the_sets_do() {
    for code in 0..=1000 {
        let (derived, set) = (Orders::Other(code), OrdersSet::from(code));
        assert_eq!(derived.reason(), set.reason(), "{code}");
        assert_eq!(derived.description(), set.description(), "{code}");
        assert_eq!(derived.retry(), set.retry(), "{code}");
    }
}

/// `crate = path`: status-core reached under another name.
mod renamed {
    use status_core as runtime;

    use runtime::StatusCodes;

    #[derive(Debug, StatusCodes)]
    #[status(crate = runtime, service = "web_api")]
    pub(crate) enum Renamed {
        NotFound,
        #[status(other)]
        Other(u16),
    }
}

#[test]
fn the_runtime_path_can_be_given() {
    assert_eq!(renamed::Renamed::from(404).code(), 404);
    assert_eq!(
        renamed::Renamed::Other(500).to_string(),
        "500 Internal Server Error"
    );
}

/// `#[status]` attributes may be split, and other attributes are left alone.
#[derive(Debug, StatusCodes)]
#[status(service = "web_api")]
#[status(display = true)]
enum Split {
    /// Docs and other attributes sit beside `#[status]`.
    #[allow(dead_code)]
    #[status(401)]
    Unauthorized,
}

#[test]
fn attributes_may_be_split() {
    assert_eq!(Split::Unauthorized.to_string(), "401 Unauthorized");
}

#[test]
fn enums_local_to_a_function_work() {
    #[derive(Debug, PartialEq, StatusCodes)]
    enum Local {
        Gone,
        #[status(other)]
        Other(u16),
    }
    assert_eq!(Local::from(410), Local::Gone);
    assert_eq!(Local::from(411).to_string(), "411 Length Required");
}

/// `crate = "path"` (a string, as serde spells it) works too.
#[derive(StatusCodes)]
#[status(crate = "::status_core")]
enum StringPath {
    Conflict,
}

#[test]
fn the_runtime_path_may_be_a_string() {
    assert_eq!(StringPath::Conflict.code(), 409);
}
