//! Feature `http`: generated sets and derived enums against `http::StatusCode`.

use http::StatusCode;
use status_core::http::{CodeOutOfRange, status_code};
use status_core::{HttpStatus, StatusCodes, StatusSet, status_set};

status_set! {
    /// Safe Browsing's codes.
    pub enum SafeBrowsing = service "safe_browsing";
    /// The whole registry.
    pub enum Standard = all;
}

/// A derived enum with an `other` variant, which may hold any `u16`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum Quota {
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Other(u16),
}

/// A derived enum with fields and generics.
#[derive(Debug, StatusCodes)]
pub enum Fetch<E> {
    /// Upstream said no.
    #[status(502)]
    BadGateway(E),
    /// Not there.
    NotFound,
}

#[test]
fn every_http_code_converts_into_a_set_and_back() {
    for code in 100..=999 {
        let status = StatusCode::from_u16(code).expect("100..=999 is valid");
        let set = SafeBrowsing::from(status);
        assert_eq!(set, SafeBrowsing::from(code));
        assert_eq!(StatusCode::try_from(set), Ok(status));
        assert_eq!(StatusCode::try_from(Standard::from(status)), Ok(status));
    }
    assert_eq!(
        SafeBrowsing::from(StatusCode::TOO_MANY_REQUESTS),
        SafeBrowsing::ResourceExhausted
    );
}

#[test]
fn named_variants_always_convert() {
    for status in Standard::ALL.iter().copied() {
        let code = StatusCode::try_from(status).expect("named codes are 100..=599");
        assert_eq!(code.as_u16(), status.code());
    }
    assert!(
        SafeBrowsing::all()
            .iter()
            .all(|s| StatusCode::try_from(*s).is_ok())
    );
}

#[test]
fn codes_http_cannot_hold_are_an_error_not_a_guess() {
    for code in [0, 42, 99, 1000, u16::MAX] {
        let err = StatusCode::try_from(SafeBrowsing::from(code)).expect_err("outside 100..=999");
        assert_eq!(err.code(), code);
        assert_eq!(
            err.to_string(),
            format!(
                "status code {code} is outside 100..=999, the range `http::StatusCode` accepts"
            )
        );
        assert_eq!(StatusCode::try_from(Quota::Other(code)), Err(err));
    }
    let as_error: Box<dyn std::error::Error> = Box::new(CodeOutOfRange::clone(
        &StatusCode::try_from(Quota::Other(7)).expect_err("7"),
    ));
    assert!(as_error.to_string().contains("status code 7"));
}

#[test]
fn derived_enums_convert_with_try_from() {
    assert_eq!(
        StatusCode::try_from(Quota::ResourceExhausted),
        Ok(StatusCode::TOO_MANY_REQUESTS)
    );
    assert_eq!(
        StatusCode::try_from(Quota::Other(418)),
        Ok(StatusCode::IM_A_TEAPOT)
    );
    // Every variant of `Fetch` has a fixed code: its conversion is `From`, total.
    assert_eq!(
        StatusCode::from(Fetch::BadGateway("timeout")),
        StatusCode::BAD_GATEWAY
    );
    assert_eq!(
        StatusCode::from(&Fetch::<()>::NotFound),
        StatusCode::NOT_FOUND
    );
}

#[test]
fn borrowed_and_dyn_statuses_convert_too() {
    let error = Fetch::BadGateway(String::from("reset"));
    assert_eq!(status_code(&error), Ok(StatusCode::BAD_GATEWAY));
    let statuses: [&dyn HttpStatus; 3] = [&SafeBrowsing::Ok, &Quota::Other(42), &error];
    let codes: Vec<_> = statuses
        .iter()
        .map(|s| status_code(*s).map(|c| c.as_u16()))
        .collect();
    assert_eq!(codes[0], Ok(200));
    assert_eq!(codes[1].map_err(CodeOutOfRange::code), Err(42));
    assert_eq!(codes[2], Ok(502));
}

/// Every variant has a fixed code: `From`, by value and by reference.
#[derive(Debug, StatusCodes)]
pub enum Fixed {
    /// Not there.
    NotFound,
    /// Wrapped, still a fixed code.
    #[status(502)]
    Upstream(String),
}

/// An `other` variant holding an `http::StatusCode`, and a `transparent` one.
#[derive(Debug, StatusCodes)]
pub enum Relayed {
    /// Whatever the upstream answered.
    #[status(other)]
    Status(StatusCode),
    /// The fixed enum's status.
    #[status(transparent)]
    Fixed(Fixed),
}

#[test]
fn total_enums_convert_with_from_by_value_and_reference() {
    let upstream = Fixed::Upstream("reset".into());
    assert_eq!(StatusCode::from(&upstream), StatusCode::BAD_GATEWAY);
    assert_eq!(StatusCode::from(upstream), StatusCode::BAD_GATEWAY);
    let not_found: StatusCode = Fixed::NotFound.into();
    assert_eq!(not_found, StatusCode::NOT_FOUND);
}

#[test]
fn other_and_transparent_convert_with_try_from_by_value_and_reference() {
    let relayed = Relayed::Status(StatusCode::IM_A_TEAPOT);
    assert_eq!(relayed.code(), 418);
    assert_eq!(relayed.reason(), "I'm a Teapot");
    assert_eq!(StatusCode::try_from(&relayed), Ok(StatusCode::IM_A_TEAPOT));
    assert_eq!(StatusCode::try_from(relayed), Ok(StatusCode::IM_A_TEAPOT));
    let fixed = Relayed::Fixed(Fixed::NotFound);
    assert_eq!(StatusCode::try_from(&fixed), Ok(StatusCode::NOT_FOUND));
}
