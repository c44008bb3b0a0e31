//! The LDAP server's mapping, through actix-web (its framework) with `actix_web::test`:
//! the inner domain error's statuses through the outer one, and 500s without internals
//! (the original sent every error's text, including the 500s').

use serde_json::Value;
use status_core::HttpStatus;
use status_realworld_tests::ldap::{DomainError, TcpError};
use status_realworld_tests::via_actix;

#[test]
fn statuses_match_the_hand_written_function() {
    let cases: [(fn() -> TcpError, u16); 13] = [
        (
            || DomainError::AuthenticationError("bad".into()).into(),
            401,
        ),
        (
            || DomainError::AuthenticationProtocolError("x".into()).into(),
            401,
        ),
        (|| DomainError::DatabaseError("x".into()).into(), 500),
        (
            || DomainError::DatabaseTransactionError("x".into()).into(),
            500,
        ),
        (|| DomainError::InternalError("x".into()).into(), 500),
        (|| DomainError::UnknownCryptoError("x".into()).into(), 500),
        (|| DomainError::Base64DecodeError("x".into()).into(), 400),
        (
            || DomainError::BinarySerializationError("x".into()).into(),
            400,
        ),
        (|| DomainError::EntityNotFound("x".into()).into(), 400),
        (|| TcpError::BadRequest("x".into()), 400),
        (|| TcpError::InternalServerError("x".into()), 500),
        (|| TcpError::NotFoundError("x".into()), 404),
        (|| TcpError::UnauthorizedError("x".into()), 401),
    ];
    for (make, status) in cases {
        assert_eq!(via_actix(make).status, status, "{:?}", make());
        assert_eq!(make().code(), status);
    }
}

#[test]
fn client_errors_send_their_text_server_errors_do_not() {
    let answer = via_actix(|| TcpError::from(DomainError::EntityNotFound("uid=ann".into())));
    let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
    assert_eq!(body["detail"], "entity not found: uid=ann");
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json")
    );

    for make in [
        (|| DomainError::DatabaseError("connection to 10.0.0.7 refused".into()).into())
            as fn() -> TcpError,
        || TcpError::InternalServerError("connection to 10.0.0.7 refused".into()),
    ] {
        let answer = via_actix(make);
        assert_eq!(answer.status, 500);
        assert!(!answer.text().contains("10.0.0.7"), "{}", answer.text());
        let body: Value = serde_json::from_slice(&answer.body).expect("JSON");
        assert_eq!(body["detail"], make().description());
    }
}
