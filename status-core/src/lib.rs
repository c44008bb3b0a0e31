//! The small `no_std` runtime behind status-codes.
//!
//! `codes.toml` describes HTTP status codes and each API service's subset of them; the macros
//! re-exported here turn that spec into enums at compile time, and this crate holds what the
//! generated code shares: the [`HttpStatus`] trait, [`StatusClass`] and [`Retry`].
//!
//! ```
//! # #[cfg(feature = "macros")] {
//! use status_core::{status_set, HttpStatus, Retry, StatusClass};
//!
//! status_set! {
//!     /// The codes the Safe Browsing API documents.
//!     pub enum SafeBrowsing = service "safe_browsing";
//! }
//!
//! let status = SafeBrowsing::from(429);
//! assert_eq!(status, SafeBrowsing::ResourceExhausted);
//! assert_eq!(status.to_string(), "429 Resource Exhausted");
//! assert_eq!(status.class(), StatusClass::ClientError);
//! assert_eq!(status.retry(), Retry::Backoff);
//! # }
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![doc = include_str!("../docs/features.md")]
#![cfg_attr(feature = "http", doc = include_str!("../docs/http.md"))]
#![cfg_attr(feature = "serde", doc = include_str!("../docs/serde.md"))]
#![cfg_attr(feature = "retry", doc = include_str!("../docs/retry.md"))]
#![cfg_attr(feature = "axum", doc = include_str!("../docs/axum.md"))]
#![cfg_attr(
    any(feature = "tower", feature = "reqwest"),
    doc = include_str!("../docs/retry_layers.md")
)]
#![cfg_attr(feature = "actix", doc = include_str!("../docs/actix.md"))]

#[cfg(feature = "std")]
extern crate std;

mod class;
mod derived;
mod hooks;
mod other;
mod parse;
#[rustfmt::skip] // generated; status-codegen's test_registry keeps it exact
mod registry;
mod registry_table;
mod retry;
mod status;

#[cfg(feature = "actix")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix")))]
pub mod actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
#[cfg(feature = "retry")]
#[cfg_attr(docsrs, doc(cfg(feature = "retry")))]
pub mod backoff;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http;
#[cfg(any(feature = "axum", feature = "actix"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix"))))]
pub mod problem;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
#[cfg(feature = "serde")]
mod serde;
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub mod tower;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod utoipa;

pub use class::StatusClass;
pub use other::OtherCode;
pub use parse::{ParseStatusError, parse_code};
pub use retry::Retry;
pub use status::{HttpStatus, RetryAfterHint, StatusSet};

/// The crate README's example, run as a doctest so the registry page never shows broken code.
#[cfg(all(doctest, feature = "macros"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// Implements [`HttpStatus`] (and `Display`, `from_code`, `From<u16>` where they apply) for an
/// API error enum, each variant's code checked against `codes.toml` at compile time.
///
/// ```
/// use status_core::{HttpStatus, Retry, StatusCodes};
///
/// #[derive(Debug, StatusCodes)]
/// #[status(service = "safe_browsing")] // optional, as are `spec = ".."` (feature `spec-file`), `display = false`, `crate = path`
/// pub enum SafeBrowsingError {
///     #[status(400)] InvalidArgument { field: String },
///     #[status(403)] PermissionDenied,
///     ResourceExhausted,                // by name: 429 in the service
///     #[status(500)] Internal(String),
///     ServiceUnavailable,
///     #[status(other)] Unexpected(u16), // any code the enum does not name
/// }
///
/// let e = SafeBrowsingError::ResourceExhausted;
/// assert_eq!((e.code(), e.retry()), (429, Retry::Backoff));
/// assert_eq!(e.to_string(), "429 Resource Exhausted");
/// assert_eq!(SafeBrowsingError::Unexpected(418).reason(), "I'm a Teapot");
/// ```
///
/// Real API error types: a variant (or one field of a struct) may take its whole status
/// from a field with `#[status(transparent)]`; `#[status(default = NNN)]` covers variants
/// whose names match nothing; `www_authenticate = ".."` gives 401 responses their
/// challenge and `mask = ..` chooses whether responses hide the `Display` (5xx do by
/// default).
///
/// ```
/// use status_core::{HttpStatus, StatusCodes};
///
/// #[derive(Debug, StatusCodes)]
/// #[status(404)]
/// pub struct NoSuchRow { pub id: u32 }
///
/// #[derive(Debug, StatusCodes)]
/// #[status(default = 500, www_authenticate = "Bearer")]
/// pub enum ApiError {
///     #[status(transparent)] Db(NoSuchRow), // the field's status, phrase, Display
///     Unauthorized,                         // 401 by name, with the challenge
///     PoolExhausted,                        // matches no name: 500 by `default`, masked
/// }
///
/// assert_eq!(ApiError::Db(NoSuchRow { id: 7 }).code(), 404);
/// assert_eq!(ApiError::Unauthorized.www_authenticate(), Some("Bearer"));
/// assert!(ApiError::PoolExhausted.masked());
/// ```
#[cfg(feature = "macros")]
pub use status_macros::StatusCodes;

/// Generates enums for a service's codes, a list of codes, a class, or the whole registry.
///
/// Grammar (several items may stand in one call):
///
/// ```text
/// status_set! {
///     #[attributes and docs pass through]
///     #[status(spec = "path/to/codes.toml")]   // optional (feature `spec-file`), relative to CARGO_MANIFEST_DIR
///     VIS enum NAME = service "NAME" | [CODE or LO..=HI, ...] | 4xx | all;
/// }
/// ```
///
/// ```
/// use status_core::status_set;
///
/// status_set! {
///     /// Codes a client may retry.
///     pub enum Retryable = [429, 500, 502..=504];
/// }
///
/// assert!(Retryable::contains(503));
/// assert_eq!(Retryable::ALL.len(), 5);
/// assert_eq!(u16::from(Retryable::from(404)), 404);
/// ```
#[cfg(feature = "macros")]
#[macro_export]
macro_rules! status_set {
    ($($input:tt)*) => {
        $crate::__private::status_set_impl! { crate = $crate; $($input)* }
    };
}

/// What generated code needs; not a public API, may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::derived::{Derived, Row, display, named};
    pub use crate::other::OtherCode;
    pub use crate::parse::{ParseStatusError, parse_code};
    pub use crate::status::{
        CodeField, NoDisplay, NoRetryAfterHint, ViaDisplay, ViaRetryAfterHint,
    };
    pub use crate::{HttpStatus, Retry, StatusClass, StatusSet};
    pub use core;

    pub use crate::{
        __derive_docs as derive_docs, __derive_hooks as derive_hooks,
        __hook_response_methods as hook_response_methods, __set_hooks as set_hooks,
    };

    #[cfg(feature = "http")]
    pub use {
        crate::http::CodeOutOfRange, crate::http::fixed_status_code,
        crate::http::status_code as to_status_code, ::http,
    };

    #[cfg(feature = "serde")]
    pub use {crate::serde::deserialize_code, ::serde};

    #[cfg(any(feature = "axum", feature = "actix"))]
    pub use crate::problem::{NoError, ViaError, display_text, problem_of};

    #[cfg(feature = "axum")]
    pub use {crate::axum::axum_response, ::axum_core};

    #[cfg(feature = "actix")]
    pub use {
        crate::actix::{actix_response, actix_status},
        ::actix_web,
    };

    #[cfg(feature = "utoipa")]
    pub use {
        crate::utoipa::{
            Answer, InnerDocs, NoIntoResponses, Responses as UtoipaResponses, ViaIntoResponses,
            answer, responses as utoipa_responses, set_responses,
        },
        ::utoipa as utoipa_crate,
    };

    #[cfg(feature = "macros")]
    pub use status_macros::status_set_impl;

    /// The class of any `u16`: codes below 200 count as informational and codes from 500
    /// up as server errors, as clients commonly treat them, so every value has one.
    ///
    /// A load by the hundreds digit, not a `match` on ranges: a derived type's `class()`
    /// runs through here for every value, and compares on a mixed stream mispredict.
    #[inline]
    pub const fn class_of(code: u16) -> StatusClass {
        use StatusClass::{ClientError, Informational, Redirection, ServerError, Success};
        const BY_HUNDREDS: [StatusClass; 7] = [
            Informational,
            Informational,
            Success,
            Redirection,
            ClientError,
            ServerError,
            ServerError,
        ];
        let hundreds = (code / 100) as usize;
        BY_HUNDREDS[if hundreds < 6 { hundreds } else { 6 }]
    }

    /// Phrase, description and advice for `code` from the embedded registry's fallback
    /// table `table` (0: the base registry, then the services by name), else by class.
    #[inline]
    pub fn embedded_fallback(table: usize, code: u16) -> (&'static str, &'static str, Retry) {
        crate::registry_table::lookup(table, code)
    }

    /// Where `code` stands among the codes of a set of 500 bits, one per code from 100 to
    /// 599 (bit `(code - 100) % 64` of word `(code - 100) / 64`), `ranks[w]` counting the
    /// codes in the words before `w`: the derive's compact fallback table (on a spec file
    /// of the user's own) found in O(1), as 16 numbers where a sorted list of its codes was
    /// searched by halves.
    #[inline]
    pub const fn rank_of(bits: &[u64; 8], ranks: &[u16; 8], code: u16) -> Option<usize> {
        if code < 100 || code >= 600 {
            return None;
        }
        let i = (code - 100) as usize;
        let (word, bit) = (bits[i / 64], i % 64);
        if (word >> bit) & 1 == 0 {
            return None;
        }
        let below = (word & ((1u64 << bit) - 1)).count_ones() as usize;
        Some(ranks[i / 64] as usize + below)
    }

    /// The advice numbered `i` by generated tables: the order `Retry` declares its values
    /// in; anything else reads as `Never`.
    pub const fn retry_at(i: u8) -> Retry {
        match i {
            1 => Retry::Modify,
            2 => Retry::Reauthenticate,
            3 => Retry::Backoff,
            4 => Retry::RetryAfter,
            _ => Retry::Never,
        }
    }

    /// The phrase, description and advice for a code no entry describes: by its class.
    pub const fn class_fallback(code: u16) -> (&'static str, &'static str, Retry) {
        let class = class_of(code);
        match StatusClass::of(code) {
            Some(_) => (class.phrase(), class.description(), class.default_retry()),
            None => (
                "Unknown Status",
                "A code outside the classes HTTP defines.",
                class.default_retry(),
            ),
        }
    }
}
