//! The packaged crates, used from outside the workspace.

use package_user::{OrderError, Orders, Reply};
use status_core::{HttpStatus, Retry, StatusClass};

#[test]
fn the_crates_own_spec_is_read() {
    // 409's phrase comes from this crate's codes.toml, not from the embedded registry.
    assert_eq!(Orders::from(409), Orders::OrderAlreadyPlaced);
    assert_eq!(Orders::from(409).to_string(), "409 Order Already Placed");
    assert!(matches!(Orders::from(200), Orders::Other(_)), "200 is not one of the service's codes");
    assert_eq!(Orders::ALL.len(), 6);
}

#[test]
fn the_derive_maps_variants_by_code_and_by_name() {
    assert_eq!(OrderError::Invalid("x".into()).code(), 400);
    assert_eq!(OrderError::NotFound.code(), 404);
    assert_eq!(OrderError::OrderAlreadyPlaced.code(), 409);
    assert_eq!(OrderError::Upstream(503).retry(), Retry::Backoff);
    assert_eq!(OrderError::NotFound.class(), StatusClass::ClientError);
    // thiserror owns Display, as `display = false` asks.
    assert_eq!(OrderError::Upstream(503).to_string(), "upstream said 503");
}

#[test]
fn http_feature_converts_both_ways() {
    let code = http::StatusCode::try_from(OrderError::NotFound).expect("404 is a valid code");
    assert_eq!(code, http::StatusCode::NOT_FOUND);
    assert_eq!(Orders::from(http::StatusCode::TOO_MANY_REQUESTS), Orders::TooManyRequests);
}

#[test]
fn serde_feature_writes_the_number() {
    let reply = Reply { status: Orders::Created };
    let json = serde_json::to_string(&reply).expect("serializes");
    assert_eq!(json, r#"{"status":201}"#);
    assert_eq!(serde_json::from_str::<Reply>(&json).expect("deserializes"), reply);
}
