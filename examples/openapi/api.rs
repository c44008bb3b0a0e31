//! The example service's API: its error types, handlers and OpenAPI document, declared once.

use axum::extract::Path;
use status_core::StatusCodes;
use utoipa::OpenApi;

/// What the order store can fail with.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(display = false)]
pub(crate) enum StoreError {
    /// The order does not exist.
    #[error("order {0} not found")]
    #[status(404)]
    NoSuchOrder(u64),
    /// The database did not answer; its address stays in the logs.
    #[error("database unreachable at {0}")]
    #[status(503)]
    Unreachable(String),
}

/// Every error the API answers with.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(display = false, www_authenticate = "Bearer")]
pub(crate) enum ApiError {
    /// The request carries no valid token.
    #[error("authentication required")]
    Unauthorized,
    /// The order id is not a number the store knows how to read.
    #[error("bad order id: {0}")]
    #[status(400)]
    BadOrderId(String),
    /// The customer named in the token is not known.
    #[error("no such customer")]
    #[status(404)]
    NoSuchCustomer,
    /// Too many requests in one minute; wait as `Retry-After` says.
    #[error("slow down")]
    TooManyRequests,
    /// Whatever the store answered.
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
}

/// Reads one order.
#[utoipa::path(
    get,
    path = "/orders/{id}",
    params(("id" = String, Path, description = "The order's number")),
    responses((status = 200, description = "The order, as text", body = String), ApiError)
)]
pub(crate) async fn get_order(Path(id): Path<String>) -> Result<String, ApiError> {
    let id: u64 = id.parse().map_err(|_| ApiError::BadOrderId(id.clone()))?;
    match id {
        0 => Err(ApiError::Unauthorized),
        1 => Err(ApiError::NoSuchCustomer),
        2 => Err(ApiError::TooManyRequests),
        7 => Ok("order 7: two books".to_owned()),
        13 => Err(StoreError::Unreachable("10.0.0.5:5432".to_owned()).into()),
        _ => Err(StoreError::NoSuchOrder(id).into()),
    }
}

/// The OpenAPI document of the service.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Orders",
        version = "1.0.0",
        description = "An example service whose error responses come from codes.toml"
    ),
    paths(get_order)
)]
pub(crate) struct ApiDoc;
