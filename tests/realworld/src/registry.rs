//! Server 2, a private crate registry's web UI on axum. By hand: a 20-line `IntoResponse` match
//! and a 9-line `From<DbError>` that sorts database errors. Here the database error states
//! its own statuses and the route error takes them (`transparent`, with thiserror's
//! `#[from]` for the conversion); `Status` carries an `http::StatusCode` (`other`).

use status_core::StatusCodes;

/// The database layer's error, sorted by what went wrong.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(
    display = false,
    default = 500,
    www_authenticate = "Basic realm=\"registry\""
)]
pub enum DbError {
    /// The password did not match.
    #[error("password mismatch for user {0}")]
    #[status(401)]
    PasswordMismatch(String),
    /// No such user.
    #[error("user {0} not found")]
    #[status(404)]
    MissingUser(String),
    /// Anything else (500 by `default`).
    #[error("sqlite: database is locked (/var/lib/registry/db.sqlite)")]
    Sqlite,
}

/// A route's error.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(display = false, www_authenticate = "Basic realm=\"registry\"")]
pub enum RouteError {
    /// The database's error, with the database's status.
    #[error(transparent)]
    #[status(transparent)]
    DbError(#[from] DbError),
    /// Not an owner or admin.
    #[error("insufficient privileges")]
    #[status(403)]
    InsufficientPrivileges,
    /// A status chosen by the handler.
    #[error("{0}")]
    #[status(other)]
    Status(http::StatusCode),
    /// Login failed.
    #[error("authentication failure")]
    #[status(401)]
    AuthenticationFailure,
    /// No such user.
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(String),
}
