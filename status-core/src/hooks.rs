//! Extension points that generated code calls at the end of every expansion.
//!
//! A proc macro cannot see which features of status-core are on, so generated code calls
//! these `macro_rules!` hooks instead, and what they expand to depends on status-core's own
//! features (`http`, `serde`, `retry`, `axum`, `actix`, `utoipa`). Each hook expands to one hook per feature,
//! each defined twice below: under the feature, emitting the impls, and under
//! `not(feature)`, emitting nothing. With no feature on, the whole expansion is empty.
//!
//! The response features share one path: `__problem_of!` settles, where the type is known,
//! whether it has `Display`, `RetryAfterHint` and `std::error::Error` (autoref, see
//! `status.rs`), and status-core's `problem::problem_of` builds the answer; axum's and
//! actix's hooks only copy it into their response types.
//!
//! Paths inside are absolute (`$crate::__private::..`, `::core::..`), so the impls work
//! under any name the user gives status-core and beside any shadowing `Option` or `Result`.

/// Called once per `status_set!` enum: `__set_hooks! { NAME }`, or for a service with a
/// back-off policy `__set_hooks! { NAME backoff [INITIAL_MS MAX_MS FACTOR JITTER MAX_RETRIES?] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __set_hooks {
    ($set:ident $($policy:tt)*) => {
        #[automatically_derived]
        impl $crate::__private::CodeField for $set {
            #[inline]
            fn __status_code(self) -> ::core::primitive::u16 {
                <::core::primitive::u16 as ::core::convert::From<Self>>::from(self)
            }
        }
        $crate::__hook_http_set! { $set }
        $crate::__hook_serde_set! { $set }
        $crate::__hook_retry_set! { $set $($policy)* }
        $crate::__hook_utoipa_set! { $set }
    };
}

/// Called once per `#[derive(StatusCodes)]` type:
/// `__derive_hooks! { FLAGS [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE] }`, the three parts of
/// `syn::Generics::split_for_impl` (with the type's name before its generics). `FLAGS`:
/// `total` when every variant has a fixed code (so `http::StatusCode: From<E>`), then
/// `no_response` when the type says `#[status(into_response = false)]`.
#[cfg(feature = "http")] // `axum` and `actix` turn `http` on
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_hooks {
    ($($flag:ident)* [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__hook_http_derive! { $($flag)* [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__hook_axum_derive! { $($flag)* [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__hook_actix_derive! { $($flag)* [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
}

/// Without the features that add impls, nothing: one expansion per derived type, not three.
#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_hooks {
    ($($hook_args:tt)*) => {};
}

/// Inside a derived type's `Derived` impl: with a response feature on, the hidden
/// methods through which a `transparent` variant's response reaches its field's `Display`
/// and `RetryAfterHint` (settled here, where the field's type is known).
#[cfg(any(feature = "axum", feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_response_methods {
    () => {
        fn __status_detail(
            &self,
            out: &mut dyn ::core::fmt::Write,
        ) -> ::core::option::Option<::core::fmt::Result> {
            #[allow(
                unused_imports,
                reason = "one trait of the pair is picked for a given type"
            )]
            use $crate::__private::{NoDisplay as _, ViaDisplay as _};
            self.__status_via_display(out)
        }
        fn __status_retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
            #[allow(
                unused_imports,
                reason = "one trait of the pair is picked for a given type"
            )]
            use $crate::__private::{NoRetryAfterHint as _, ViaRetryAfterHint as _};
            self.__status_via_hint()
        }
    };
}

#[cfg(not(any(feature = "axum", feature = "actix")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_response_methods {
    () => {};
}

/// The problem a response feature answers `$value` (a `&E`) with: `Display`,
/// `RetryAfterHint` and `std::error::Error` are each used when `E` has them.
#[cfg(any(feature = "axum", feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_of {
    ($value:expr) => {{
        #[allow(
            unused_imports,
            reason = "one trait of each pair is picked for a given type"
        )]
        use $crate::__private::{
            NoDisplay as _, NoError as _, NoRetryAfterHint as _, ViaDisplay as _, ViaError as _,
            ViaRetryAfterHint as _,
        };
        let value = $value;
        $crate::__private::problem_of(
            value,
            $crate::__private::display_text(|out| value.__status_via_display(out)),
            value.__status_via_hint(),
            value.__status_via_error(),
        )
    }};
}

// ---- http ----------------------------------------------------------------------------------

/// `TryFrom<SET> for http::StatusCode` (a set's `Other` may hold 42, which `http` rejects)
/// and `From<http::StatusCode> for SET` (total: every `http` code is a `u16`).
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_set {
    ($set:ident) => {
        #[automatically_derived]
        impl ::core::convert::TryFrom<$set> for $crate::__private::http::StatusCode {
            type Error = $crate::__private::CodeOutOfRange;
            #[inline]
            fn try_from(status: $set) -> ::core::result::Result<Self, Self::Error> {
                $crate::__private::to_status_code(&status)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<$crate::__private::http::StatusCode> for $set {
            #[inline]
            fn from(status: $crate::__private::http::StatusCode) -> Self {
                <Self as ::core::convert::From<::core::primitive::u16>>::from(status.as_u16())
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_set {
    ($set:ident) => {};
}

/// `From<E>` and `From<&E>` for `http::StatusCode` when every variant has a fixed code
/// (`total`; the spec only admits 100..=599), else `TryFrom` by value and by reference: an
/// `other` variant may hold any `u16`, a `transparent` one whatever its field says.
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_derive {
    (total $(no_response)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::http::StatusCode $($where_clause)* {
            #[inline]
            fn from(status: $($ty)*) -> Self {
                $crate::__private::fixed_status_code(&status)
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<&$($ty)*> for $crate::__private::http::StatusCode $($where_clause)* {
            #[inline]
            fn from(status: &$($ty)*) -> Self {
                $crate::__private::fixed_status_code(status)
            }
        }
    };
    ($(no_response)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::TryFrom<$($ty)*> for $crate::__private::http::StatusCode $($where_clause)* {
            type Error = $crate::__private::CodeOutOfRange;
            #[inline]
            fn try_from(status: $($ty)*) -> ::core::result::Result<Self, Self::Error> {
                $crate::__private::to_status_code(&status)
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::TryFrom<&$($ty)*> for $crate::__private::http::StatusCode $($where_clause)* {
            type Error = $crate::__private::CodeOutOfRange;
            #[inline]
            fn try_from(status: &$($ty)*) -> ::core::result::Result<Self, Self::Error> {
                $crate::__private::to_status_code(status)
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_derive {
    ($($hook_args:tt)*) => {};
}

// ---- serde ---------------------------------------------------------------------------------

/// `Serialize` as the numeric code, `Deserialize` from any number that fits a `u16`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_serde_set {
    ($set:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $set {
            #[inline]
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serde::Serializer::serialize_u16(
                    serializer,
                    $crate::__private::HttpStatus::code(self),
                )
            }
        }

        #[automatically_derived]
        impl<'de> $crate::__private::serde::Deserialize<'de> for $set {
            #[inline]
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                ::core::result::Result::map(
                    $crate::__private::deserialize_code(deserializer),
                    <Self as ::core::convert::From<::core::primitive::u16>>::from,
                )
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_serde_set {
    ($set:ident) => {};
}

// ---- retry ---------------------------------------------------------------------------------

/// `SET::backoff()` and `BackoffPolicy`: the service's back-off policy from the spec, or
/// the standard schedule when it states none.
#[cfg(feature = "retry")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_retry_set {
    ($set:ident) => {
        #[automatically_derived]
        impl $set {
            /// A fresh back-off schedule for retrying requests whose answers this enum
            /// reads: the spec states no policy for it, so status-core's standard one
            /// (500 ms doubling up to 30 s, full jitter, at most 3 retries).
            #[must_use]
            pub fn backoff() -> $crate::backoff::Backoff {
                $crate::backoff::Backoff::standard()
            }
        }

        $crate::__hook_retry_set! { @policy $set }
    };
    ($set:ident backoff [$initial:literal $max:literal $factor:literal $jitter:ident $($retries:literal)?]) => {
        #[automatically_derived]
        impl $set {
            /// A fresh back-off schedule for retrying this service's requests, as the spec
            #[doc = ::core::concat!(
                "states it: the first wait ", ::core::stringify!($initial), " ms, each next one ",
                ::core::stringify!($factor), " times longer, at most ", ::core::stringify!($max),
                " ms, jitter `", ::core::stringify!($jitter), "`",
                $(", at most ", ::core::stringify!($retries), " retries",)?
                "."
            )]
            #[must_use]
            pub fn backoff() -> $crate::backoff::Backoff {
                $crate::backoff::Backoff::exponential(
                    ::core::time::Duration::from_millis($initial),
                    ::core::time::Duration::from_millis($max),
                )
                .factor($factor)
                .jitter_mode($crate::backoff::JitterMode::$jitter)
                $(.max_retries($retries))?
            }
        }

        $crate::__hook_retry_set! { @policy $set }
    };
    (@policy $set:ident) => {
        #[automatically_derived]
        impl $crate::backoff::BackoffPolicy for $set {
            #[inline]
            fn backoff() -> $crate::backoff::Backoff {
                <$set>::backoff()
            }
        }
    };
}

#[cfg(not(feature = "retry"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_retry_set {
    ($($hook_args:tt)*) => {};
}

// ---- axum ----------------------------------------------------------------------------------

/// `IntoResponse`: the status and RFC 9457 problem body status-core's `problem` module
/// builds (masking, `Retry-After`, `WWW-Authenticate`, a `transparent` variant's field's
/// own response); neither `Display` nor `RetryAfterHint` is required of the type.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_axum_derive {
    ($(total)? no_response $($rest:tt)*) => {};
    ($(total)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)* $($where_clause)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_response(&$crate::__problem_of!(&self))
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_axum_derive {
    ($($hook_args:tt)*) => {};
}

// ---- actix ---------------------------------------------------------------------------------

/// `actix_web::ResponseError`, with the same status, headers and body bytes as the `axum`
/// feature's `IntoResponse` (both adapt the same `Problem`). actix requires `Debug` and
/// `Display` of every `ResponseError`.
#[cfg(feature = "actix")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_actix_derive {
    ($(total)? no_response $($rest:tt)*) => {};
    ($(total)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::actix_web::ResponseError for $($ty)* $($where_clause)* {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status(self)
            }
            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_response(&$crate::__problem_of!(self))
            }
        }
    };
}

#[cfg(not(feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_actix_derive {
    ($($hook_args:tt)*) => {};
}

// ---- utoipa --------------------------------------------------------------------------------

/// `IntoResponses`: one OpenAPI response per code of the set, from the spec.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_utoipa_set {
    ($set:ident) => {
        #[automatically_derived]
        impl $crate::__private::utoipa_crate::IntoResponses for $set {
            fn responses() -> $crate::__private::UtoipaResponses {
                $crate::__private::set_responses::<Self>()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_utoipa_set {
    ($set:ident) => {};
}

/// `IntoResponses` for a derived type: `__derive_docs! { [IG] [TYPE] [WC] [ANSWERS] [INNER] }`,
/// the answers as `__private::answer(..)` calls and the types of `transparent` fields, whose
/// own responses merge in when they implement `IntoResponses` (see `utoipa::InnerDocs`). Written by the derive for every type; only this feature reads it.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_docs {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*] [$($answer:expr),*] [$($inner:ty),*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa_crate::IntoResponses for $($ty)* $($where_clause)* {
            fn responses() -> $crate::__private::UtoipaResponses {
                #[allow(unused_imports, reason = "one trait of the pair is picked for each field type")]
                use $crate::__private::{NoIntoResponses as _, ViaIntoResponses as _};
                $crate::__private::utoipa_responses(
                    &[$($answer),*],
                    &[$((&$crate::__private::InnerDocs::<$inner>::new()).__status_responses()),*],
                )
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_docs {
    ($($docs:tt)*) => {};
}
