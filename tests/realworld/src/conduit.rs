//! Server 1, a "RealWorld" (Conduit) backend on axum + sqlx. By hand: a 9-line `status_code()`
//! match and a 53-line `IntoResponse` impl. Here: one `#[status(..)]` line; the variants'
//! names find 401, 403, 404 and 422 in the registry and `default` gives the rest 500. The
//! 401 challenge, masking of the database errors (logged, never sent) and the field errors
//! in the 422's detail all come from the derive and status-core.

use std::collections::BTreeMap;

use status_core::StatusCodes;

/// The database layer's error (sqlx's in the original).
#[derive(Debug, thiserror::Error)]
#[error("error returned from database: relation \"users\" does not exist (db01.internal:5432)")]
pub struct SqlxError;

/// Any other error (anyhow's in the original).
#[derive(Debug, thiserror::Error)]
#[error("failed to sign token: key file /etc/conduit/jwt.pem unreadable")]
pub struct AnyError;

/// The API's error type.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(display = false, default = 500, www_authenticate = "Token")]
pub enum ConduitError {
    /// No or a bad token.
    #[error("authentication required")]
    Unauthorized,
    /// Not allowed.
    #[error("user may not perform that action")]
    Forbidden,
    /// No such route or entity.
    #[error("request path not found")]
    NotFound,
    /// Validation failed, per field.
    #[error("{}", field_errors(errors))]
    UnprocessableEntity {
        /// Field name -> messages.
        errors: BTreeMap<String, Vec<String>>,
    },
    /// The database failed.
    #[error("an error occurred with the database")]
    Sqlx(#[from] SqlxError),
    /// Anything else failed.
    #[error("an internal server error occurred")]
    Anyhow(#[from] AnyError),
}

/// `email: has already been taken; username: can't be blank, is too short`.
fn field_errors(errors: &BTreeMap<String, Vec<String>>) -> String {
    let fields: Vec<String> = errors
        .iter()
        .map(|(field, messages)| format!("{field}: {}", messages.join(", ")))
        .collect();
    fields.join("; ")
}
