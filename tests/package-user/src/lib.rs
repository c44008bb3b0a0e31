//! A crate that uses status-codes as a user would, with its own `codes.toml`.

use status_core::{StatusCodes, status_set};

status_set! {
    /// What the order service answers.
    pub enum Orders = service "orders";
}

/// The order service's errors.
#[derive(Debug, thiserror::Error, StatusCodes)]
#[status(service = "orders", display = false)]
pub enum OrderError {
    /// The request body did not parse.
    #[error("bad order: {0}")]
    #[status(400)]
    Invalid(String),
    /// No order with that id.
    #[error("no such order")]
    NotFound,
    /// Found by its service phrase.
    #[error("placed twice")]
    OrderAlreadyPlaced,
    /// Whatever the upstream answered.
    #[error("upstream said {0}")]
    #[status(other)]
    Upstream(u16),
}

/// A response body that carries its status as a number.
#[derive(Debug, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Reply {
    /// The status, serialized by status-core's `serde` feature.
    pub status: Orders,
}
