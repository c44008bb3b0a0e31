//! `status_set!`: what the generated enums do, checked from a user crate's point of view.

use std::collections::HashSet;
use std::str::FromStr;

use status_core::{HttpStatus, Retry, StatusClass, StatusSet, status_set};

status_set! {
    /// Safe Browsing's codes.
    #[derive(PartialOrd, Ord)]
    pub enum SafeBrowsing = service "safe_browsing";
    /// Huawei Cloud's codes.
    pub enum HuaweiCloud = service "huawei_cloud";
    /// web_api's codes.
    pub enum WebApi = service "web_api";
    /// restful_api's codes.
    pub enum RestfulApi = service "restful_api";
    /// rest_client's codes.
    pub enum RestClient = service "rest_client";
}

status_set! { pub enum Retryable = [429, 500, 502..=504]; }
status_set! { pub(crate) enum ClientErrors = 4xx; }
status_set! { pub enum Standard = all; }
status_set! {
    #[status(spec = "fixtures/set_billing.toml")]
    pub enum Billing = service "billing";
}

#[test]
fn service_phrases_and_advice_come_from_the_service() {
    let s = SafeBrowsing::from(429);
    assert_eq!(s, SafeBrowsing::ResourceExhausted);
    assert_eq!(s.to_string(), "429 Resource Exhausted");
    assert_eq!(s.reason(), "Resource Exhausted");
    assert_eq!(s.retry(), Retry::Backoff);
    assert_eq!(s.class(), StatusClass::ClientError);
    assert!(s.is_client_error() && s.is_error() && !s.is_server_error());
    assert_eq!(HuaweiCloud::from(504).to_string(), "504 Server Timeout");
    assert_eq!(
        HuaweiCloud::ServerTimeout.retry(),
        HuaweiCloud::from(504).retry()
    );
    assert_eq!(HuaweiCloud::ServiceUnavailable.retry(), Retry::Modify);
    assert_eq!(RestfulApi::from(306).reason(), "Switch Proxy");
    assert_eq!(RestClient::NotAuthorized.code(), 401);
    assert!(!WebApi::from(200).description().is_empty());
}

#[test]
fn variants_are_in_code_order_and_all_lists_them() {
    let codes: Vec<u16> = SafeBrowsing::ALL.iter().map(HttpStatus::code).collect();
    assert_eq!(codes, [200, 400, 403, 429, 500, 503, 504]);
    assert!(
        SafeBrowsing::Ok < SafeBrowsing::GatewayTimeout,
        "derive(PartialOrd) passes through"
    );
    assert_eq!(Retryable::ALL.len(), 5);
    assert_eq!(<Retryable as StatusSet>::all(), Retryable::ALL);
    assert!(
        ClientErrors::ALL
            .iter()
            .all(|s| s.class() == StatusClass::ClientError)
    );
    assert_eq!(Standard::ALL.len(), status_spec_count());
}

/// The base registry's size, counted from the spec the macros embed.
fn status_spec_count() -> usize {
    (100..600).filter(|&c| Standard::contains(c)).count()
}

#[test]
fn other_holds_every_code_the_set_does_not_name() {
    let other = SafeBrowsing::from(404);
    assert!(matches!(other, SafeBrowsing::Other(_)));
    assert!(!other.is_named());
    assert_eq!(other.code(), 404);
    assert_eq!(other.reason(), "Not Found", "known to the base registry");
    assert_eq!(other.to_string(), "404 Not Found");
    assert_eq!(
        SafeBrowsing::from(499).reason(),
        "Client Error",
        "unknown: by class"
    );
    assert_eq!(
        HuaweiCloud::from(499).retry(),
        Retry::Modify,
        "class advice"
    );
    // Safe Browsing backs off on every answer but 200 OK, listed or not, whatever its
    // class (`unlisted_retry`).
    assert_eq!(SafeBrowsing::from(499).retry(), Retry::Backoff);
    assert_eq!(SafeBrowsing::from(401).retry(), Retry::Backoff);
    assert_eq!(SafeBrowsing::from(401).reason(), "Unauthorized");
    for code in [100, 201, 204, 302, 306, 399] {
        assert_eq!(SafeBrowsing::from(code).retry(), Retry::Backoff, "{code}");
    }
    assert_eq!(SafeBrowsing::from(200).retry(), Retry::Never);
    assert_eq!(SafeBrowsing::from(42).class(), StatusClass::Informational);
    assert_eq!(SafeBrowsing::from(65535).class(), StatusClass::ServerError);
    assert_eq!(format!("{:?}", SafeBrowsing::from(404)), "Other(404)");
    assert_eq!(
        format!("{:?}", SafeBrowsing::from(429)),
        "ResourceExhausted(429)"
    );
}

/// `u16::from(E::from(x)) == x` for every input, and `E::from(x)` is `Other` exactly when
/// the set does not name `x`, so equality and hashing agree with the code.
fn round_trip<E: StatusSet + std::hash::Hash>() {
    let mut seen = HashSet::new();
    for code in 0..=u16::MAX {
        let status = E::from(code);
        assert_eq!(status.into(), code);
        assert_eq!(status.is_named(), E::contains(code));
        assert!(seen.insert(status), "{code} collides with another code");
    }
    assert_eq!(
        E::all().iter().filter(|s| s.is_named()).count(),
        E::all().len()
    );
}

#[test]
fn from_u16_is_total_and_lossless_for_every_set() {
    round_trip::<SafeBrowsing>();
    round_trip::<HuaweiCloud>();
    round_trip::<WebApi>();
    round_trip::<RestfulApi>();
    round_trip::<RestClient>();
    round_trip::<Standard>();
    round_trip::<Retryable>();
    round_trip::<ClientErrors>();
}

#[test]
fn const_lookups() {
    const FOUND: Option<Retryable> = Retryable::from_code(503);
    const MISSING: Option<Retryable> = Retryable::from_code(501);
    assert_eq!(FOUND, Some(Retryable::ServiceUnavailable));
    assert_eq!(MISSING, None);
    assert!(Retryable::contains(502) && !Retryable::contains(501));
    assert_eq!(Retryable::from_code(99), None);
    assert_eq!(Retryable::from_code(600), None);
}

#[test]
fn comparisons_with_u16() {
    assert_eq!(SafeBrowsing::ResourceExhausted, 429);
    assert_ne!(SafeBrowsing::from(404), 405);
    assert_eq!(u16::from(Standard::ImATeapot), 418);
}

#[test]
fn from_str_is_as_strict_as_http() {
    assert_eq!(
        SafeBrowsing::from_str("429"),
        Ok(SafeBrowsing::ResourceExhausted)
    );
    assert_eq!("999".parse::<SafeBrowsing>().map(u16::from), Ok(999));
    for bad in [
        "", "42", "4290", "+42", "-42", " 429", "429 ", "099", "4a9", "٤٢٩",
    ] {
        let err = bad.parse::<SafeBrowsing>().expect_err(bad);
        assert!(
            err.to_string().starts_with("invalid status code: "),
            "{bad}: {err}"
        );
    }
}

#[test]
fn display_honours_padding() {
    assert_eq!(
        format!("[{:<16}]", Retryable::TooManyRequests),
        "[429 Too Many Requests]"
    );
    assert_eq!(format!("[{:>12}]", Standard::Ok), "[      200 OK]");
}

#[test]
fn stays_small() {
    assert!(size_of::<SafeBrowsing>() <= 4);
    assert!(size_of::<Standard>() <= 4);
    assert!(size_of::<Option<Standard>>() <= 4);
}

#[test]
fn trait_objects_work_across_services() {
    let statuses: [&dyn HttpStatus; 3] = [
        &SafeBrowsing::Ok,
        &HuaweiCloud::ServerTimeout,
        &Billing::PaymentDeclined,
    ];
    let codes: Vec<u16> = statuses.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [200, 504, 402]);
}

#[test]
fn a_spec_of_ones_own() {
    assert_eq!(Billing::PaymentDeclined.to_string(), "402 Payment Declined");
    assert_eq!(
        Billing::from(499).reason(),
        "Client Closed Request",
        "a service-only code"
    );
    assert_eq!(Billing::ClientClosedRequest.retry(), Retry::Never);
    assert_eq!(
        Billing::from(404).reason(),
        "Not Found",
        "other codes use the file's base"
    );
}
