//! axum and actix-web answer the same error with the same status, headers and bytes.

use std::time::Duration;

use status_core::{RetryAfterHint, StatusCodes};
use status_realworld_tests::conduit::{ConduitError, SqlxError};
use status_realworld_tests::ldap::{DomainError, TcpError};
use status_realworld_tests::registry::{DbError, RouteError};
use status_realworld_tests::{Answer, via_actix, via_axum};

/// Quota errors with a `Retry-After`.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum Quota {
    /// Out of quota for a while.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Other(u16),
}

impl RetryAfterHint for Quota {
    fn retry_after(&self) -> Option<Duration> {
        matches!(self, Quota::ResourceExhausted).then_some(Duration::from_millis(1500))
    }
}

/// A `transparent` wrapper of `Quota`: its `Retry-After` is the field's.
#[derive(Debug, StatusCodes)]
pub enum Wrapper {
    /// The quota's status and hint.
    #[status(transparent)]
    Quota(Quota),
}

/// A type with its own `ResponseError` and `IntoResponse`: without `into_response = false`
/// the derive's impls would conflict with them and this file would not compile.
#[derive(Debug, StatusCodes)]
#[status(into_response = false)]
pub enum OwnResponses {
    /// Teapot.
    #[status(418)]
    Teapot,
}

impl actix_web::ResponseError for OwnResponses {
    fn status_code(&self) -> actix_web::http::StatusCode {
        actix_web::http::StatusCode::IM_A_TEAPOT
    }
}

impl axum::response::IntoResponse for OwnResponses {
    fn into_response(self) -> axum::response::Response {
        (http::StatusCode::IM_A_TEAPOT, "short and stout").into_response()
    }
}

#[test]
fn into_response_false_opts_out_of_both() {
    assert_eq!(via_axum(|| OwnResponses::Teapot).text(), "short and stout");
    let actix = via_actix(|| OwnResponses::Teapot);
    assert_eq!(actix.status, 418);
    assert_ne!(
        actix.header("content-type"),
        Some("application/problem+json")
    );
}

/// Headers both frameworks add on their own (`content-length`, actix's `date`...) aside.
fn ours(answer: &Answer) -> Answer {
    let mut answer = answer.clone();
    answer.headers.retain(|name, _| {
        ["content-type", "retry-after", "www-authenticate"].contains(&name.as_str())
    });
    answer
}

fn same<E>(make: fn() -> E) -> Answer
where
    E: axum::response::IntoResponse + actix_web::ResponseError + 'static,
{
    let (axum, actix) = (ours(&via_axum(make)), ours(&via_actix(make)));
    assert_eq!(axum, actix, "axum and actix differ");
    axum
}

#[test]
fn every_real_world_error_gives_the_same_bytes() {
    same(|| ConduitError::Unauthorized);
    same(|| ConduitError::Sqlx(SqlxError));
    same(|| RouteError::from(DbError::PasswordMismatch("ann".into())));
    same(|| RouteError::Status(http::StatusCode::IM_A_TEAPOT));
    same(|| TcpError::from(DomainError::EntityNotFound("uid=ann".into())));
    let masked = same(|| TcpError::InternalServerError("10.0.0.7".into()));
    assert_eq!(masked.status, 500);
}

#[test]
fn retry_after_and_odd_codes_too() {
    let quota = same(|| Quota::ResourceExhausted);
    assert_eq!(
        (quota.status, quota.header("retry-after")),
        (429, Some("2"))
    );
    let wrapped = same(|| Wrapper::Quota(Quota::ResourceExhausted));
    assert_eq!(wrapped, quota, "a transparent variant answers as its field");
    let odd = same(|| Quota::Other(42));
    assert_eq!(odd.status, 500, "a code no framework can hold");
}
