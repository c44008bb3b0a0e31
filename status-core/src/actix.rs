//! Error types as actix-web responses (feature `actix`, actix-web 4).
//!
//! With this feature every `#[derive(StatusCodes)]` type implements
//! [`actix_web::ResponseError`], so a handler can return `Result<T, YourError>`. The status,
//! headers and body bytes are those of the `axum` feature for the same error: both copy one
//! [`Problem`] (see [`crate::problem`]) into their response type.
//!
//! actix requires `Debug` and `Display` of a `ResponseError`: a derived type has them with
//! `#[derive(Debug)]` and the derive's own `Display` (or thiserror's). A type with its own
//! `ResponseError` impl says `#[status(into_response = false)]`.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;

use crate::HttpStatus;
use crate::problem::Problem;

/// The actix status of `status`: its code, or 500 for a code actix cannot hold.
#[doc(hidden)]
#[must_use]
pub fn actix_status(status: &dyn HttpStatus) -> StatusCode {
    StatusCode::from_u16(status.code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `problem` as an actix response: what the `actix` hook's `error_response` returns.
#[doc(hidden)]
#[must_use]
pub fn actix_response(problem: &Problem) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status().as_u16())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::build(status);
    for header in problem.headers() {
        response.insert_header(header);
    }
    response.body(problem.to_json())
}

impl actix_web::Responder for Problem {
    type Body = actix_web::body::BoxBody;

    fn respond_to(self, _: &actix_web::HttpRequest) -> HttpResponse {
        actix_response(&self)
    }
}
