//! Server 3, an LDAP server's HTTP auth endpoints on actix-web. By hand: a 21-line free function
//! with a nested match, called at eight call sites. Here both enums derive their statuses
//! (the outer takes the inner's with `transparent`), every handler can return them as
//! `actix_web::ResponseError`, and the 500s no longer send their internals.

use status_core::StatusCodes;

/// The domain's error.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(default = 500, display = false)]
pub enum DomainError {
    /// Bad credentials.
    #[error("authentication error: {0}")]
    #[status(401)]
    AuthenticationError(String),
    /// A broken authentication exchange.
    #[error("authentication protocol error: {0}")]
    #[status(401)]
    AuthenticationProtocolError(String),
    /// The database failed (500 by `default`).
    #[error("database error: {0}")]
    DatabaseError(String),
    /// A transaction failed (500 by `default`).
    #[error("database transaction error: {0}")]
    DatabaseTransactionError(String),
    /// Any internal failure (500 by `default`).
    #[error("internal error: {0}")]
    InternalError(String),
    /// The crypto layer failed (500 by `default`).
    #[error("unknown crypto error: {0}")]
    UnknownCryptoError(String),
    /// Bad base64 in the request.
    #[error("base64 decode error: {0}")]
    #[status(400)]
    Base64DecodeError(String),
    /// A bad binary payload.
    #[error("binary serialization error: {0}")]
    #[status(400)]
    BinarySerializationError(String),
    /// No such entity (400, not 404, as the original answers).
    #[error("entity not found: {0}")]
    #[status(400)]
    EntityNotFound(String),
}

/// The HTTP layer's error.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(display = false)]
pub enum TcpError {
    /// The domain's error, with the domain's status.
    #[error(transparent)]
    #[status(transparent)]
    DomainError(#[from] DomainError),
    /// A bad request.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// An internal failure.
    #[error("internal server error: {0}")]
    InternalServerError(String),
    /// Nothing there.
    #[error("not found: {0}")]
    #[status(404)]
    NotFoundError(String),
    /// Not authenticated.
    #[error("unauthorized: {0}")]
    #[status(401)]
    UnauthorizedError(String),
}
