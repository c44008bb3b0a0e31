//! Conduit's mapping, through axum (its framework): same statuses, the 401 challenge, the
//! 422's field errors in the body, and the database's text never sent.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use status_core::HttpStatus;
use status_realworld_tests::conduit::{AnyError, ConduitError, SqlxError};
use status_realworld_tests::{Answer, via_axum};

fn problem(answer: &Answer) -> Value {
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json")
    );
    serde_json::from_slice(&answer.body).expect("a JSON body")
}

#[test]
fn statuses_match_the_hand_written_status_code() {
    let cases: [(fn() -> ConduitError, u16); 5] = [
        (|| ConduitError::Unauthorized, 401),
        (|| ConduitError::Forbidden, 403),
        (|| ConduitError::NotFound, 404),
        (|| ConduitError::Sqlx(SqlxError), 500),
        (|| ConduitError::Anyhow(AnyError), 500),
    ];
    for (make, status) in cases {
        assert_eq!(via_axum(make).status, status, "{:?}", make());
        assert_eq!(make().code(), status);
    }
}

#[test]
fn unauthorized_carries_the_token_challenge_and_its_message() {
    let answer = via_axum(|| ConduitError::Unauthorized);
    assert_eq!(answer.header("www-authenticate"), Some("Token"));
    assert_eq!(problem(&answer)["detail"], "authentication required");
    let forbidden = via_axum(|| ConduitError::Forbidden);
    assert_eq!(forbidden.header("www-authenticate"), None, "only on a 401");
    assert_eq!(
        problem(&forbidden)["detail"],
        "user may not perform that action"
    );
}

fn invalid_signup() -> ConduitError {
    let mut errors = BTreeMap::new();
    errors.insert(
        "email".to_owned(),
        vec!["has already been taken".to_owned()],
    );
    errors.insert(
        "username".to_owned(),
        vec!["can't be blank".to_owned(), "is too short".to_owned()],
    );
    ConduitError::UnprocessableEntity { errors }
}

#[test]
fn unprocessable_entity_sends_every_field_error() {
    let answer = via_axum(invalid_signup);
    assert_eq!(answer.status, 422);
    let body = problem(&answer);
    assert_eq!(body["title"], "Unprocessable Content");
    assert_eq!(
        body["detail"],
        "email: has already been taken; username: can't be blank, is too short"
    );
}

#[test]
fn database_and_other_internal_errors_are_not_sent() {
    for make in [
        (|| ConduitError::Sqlx(SqlxError)) as fn() -> ConduitError,
        || ConduitError::Anyhow(AnyError),
    ] {
        let answer = via_axum(make);
        let text = answer.text();
        for secret in ["db01.internal", "relation", "jwt.pem", "sign token"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert_eq!(
            problem(&answer),
            json!({
                "type": "about:blank",
                "title": "Internal Server Error",
                "status": 500,
                "detail": make().description(),
            })
        );
    }
}
