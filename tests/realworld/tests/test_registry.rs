//! The registry's mapping, through axum (its framework): the database error sorted into
//! 401, 404 and 500 by its own derive, a status chosen at run time, and no internals.

use serde_json::Value;
use status_core::HttpStatus;
use status_realworld_tests::registry::{DbError, RouteError};
use status_realworld_tests::via_axum;

#[test]
fn statuses_match_the_hand_written_into_response_and_from() {
    let cases: [(fn() -> RouteError, u16); 8] = [
        (|| DbError::PasswordMismatch("ann".into()).into(), 401),
        (|| DbError::MissingUser("bob".into()).into(), 404),
        (|| DbError::Sqlite.into(), 500),
        (|| RouteError::InsufficientPrivileges, 403),
        (|| RouteError::Status(http::StatusCode::BAD_REQUEST), 400),
        (|| RouteError::Status(http::StatusCode::NOT_FOUND), 404),
        (|| RouteError::AuthenticationFailure, 401),
        (|| RouteError::UserNotFound("carol".into()), 404),
    ];
    for (make, status) in cases {
        assert_eq!(via_axum(make).status, status, "{:?}", make());
        assert_eq!(make().code(), status);
    }
}

#[test]
fn each_401_carries_a_challenge_the_original_forgot() {
    for make in [
        (|| RouteError::AuthenticationFailure) as fn() -> RouteError,
        || DbError::PasswordMismatch("ann".into()).into(),
        || RouteError::Status(http::StatusCode::UNAUTHORIZED),
    ] {
        let answer = via_axum(make);
        assert_eq!(answer.status, 401);
        assert_eq!(
            answer.header("www-authenticate"),
            Some("Basic realm=\"registry\"")
        );
    }
}

#[test]
fn the_database_error_is_masked_the_client_errors_are_not() {
    let answer = via_axum(|| RouteError::from(DbError::Sqlite));
    assert!(!answer.text().contains("sqlite"), "{}", answer.text());
    let body: Value =
        serde_json::from_slice(&via_axum(|| RouteError::UserNotFound("carol".into())).body)
            .expect("JSON");
    assert_eq!(body["detail"], "user carol not found");
    let status: Value = serde_json::from_slice(
        &via_axum(|| RouteError::Status(http::StatusCode::IM_A_TEAPOT)).body,
    )
    .expect("JSON");
    assert_eq!(
        (status["status"].as_u64(), status["title"].as_str()),
        (Some(418), Some("I'm a Teapot"))
    );
}
