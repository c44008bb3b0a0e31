//! Extension points that generated code calls at the end of every expansion.
//!
//! A proc macro cannot see which features of status-core are on, so generated code calls
//! these `macro_rules!` hooks instead, and what they expand to depends on status-core's own
//! features (`http`, `serde`, `axum`). Each hook expands to one hook per feature, each
//! defined twice below: under the feature, emitting the impls, and under `not(feature)`,
//! emitting nothing. With no feature on, the whole expansion is empty.
//!
//! Paths inside are absolute (`$crate::__private::..`, `::core::..`), so the impls work
//! under any name the user gives status-core and beside any shadowing `Option` or `Result`.

/// Called once per `status_set!` enum: `__set_hooks! { NAME }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __set_hooks {
    ($set:ident) => {
        $crate::__hook_http_set! { $set }
        $crate::__hook_serde_set! { $set }
        $crate::__hook_utoipa_set! { $set }
    };
}

/// The impls every derived enum gets in the same words: `HttpStatus`, whose methods read
/// the row the derive's private `fn __status_row(value: &E) -> Row` gives (that function is
/// what differs between enums), `Display` unless the enum says `display = false`, and what
/// status-core's features add ([`__derive_hooks!`]). One call per enum, expanded by rustc:
/// cheaper than building the same tokens in the unoptimized proc macro, which matters to a
/// crate with hundreds of derived enums.
///
/// `__derive_impls! { display? no_response? [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE] }`
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_impls {
    // The `HttpStatus` impl is written out in both arms: one arm calling the other would
    // be one more expansion per enum.
    (display $($opt_out:ident)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::HttpStatus for $($ty)* $($where_clause)* {
            fn code(&self) -> ::core::primitive::u16 {
                __status_row(self).code()
            }
            fn reason(&self) -> &'static ::core::primitive::str {
                __status_row(self).reason()
            }
            fn description(&self) -> &'static ::core::primitive::str {
                __status_row(self).description()
            }
            fn class(&self) -> $crate::__private::StatusClass {
                __status_row(self).class()
            }
            fn retry(&self) -> $crate::__private::Retry {
                __status_row(self).retry()
            }
        }

        $crate::__derive_hooks! { $($opt_out)? [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }

        #[automatically_derived]
        impl $($impl_generics)* ::core::fmt::Display for $($ty)* $($where_clause)* {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __status_row(self).display(f)
            }
        }
    };
    ($($opt_out:ident)? [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::HttpStatus for $($ty)* $($where_clause)* {
            fn code(&self) -> ::core::primitive::u16 {
                __status_row(self).code()
            }
            fn reason(&self) -> &'static ::core::primitive::str {
                __status_row(self).reason()
            }
            fn description(&self) -> &'static ::core::primitive::str {
                __status_row(self).description()
            }
            fn class(&self) -> $crate::__private::StatusClass {
                __status_row(self).class()
            }
            fn retry(&self) -> $crate::__private::Retry {
                __status_row(self).retry()
            }
        }

        $crate::__derive_hooks! { $($opt_out)? [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
}

/// Called once per `#[derive(StatusCodes)]` enum:
/// `__derive_hooks! { [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE] }`, the three parts of
/// `syn::Generics::split_for_impl` (with the type's name before its generics), preceded by
/// `no_response` when the enum says `#[status(into_response = false)]`.
#[cfg(feature = "http")] // `axum` turns `http` on
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_hooks {
    (no_response [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__hook_http_derive! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        $crate::__hook_http_derive! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__hook_axum_derive! { [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
    };
}

/// Without the features that add impls, nothing: one expansion per derived enum, not three.
#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_hooks {
    ($($hook_args:tt)*) => {};
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

/// `TryFrom<E> for http::StatusCode`: an `other` variant may hold any `u16`.
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_derive {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::TryFrom<$($ty)*> for $crate::__private::http::StatusCode $($where_clause)* {
            type Error = $crate::__private::CodeOutOfRange;
            #[inline]
            fn try_from(status: $($ty)*) -> ::core::result::Result<Self, Self::Error> {
                $crate::__private::to_status_code(&status)
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_http_derive {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
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

// ---- axum ----------------------------------------------------------------------------------

/// `IntoResponse`: the enum's status and an RFC 9457 problem body, with `Retry-After` when
/// the type implements `RetryAfterHint` and a `detail` from its `Display` when it has one.
/// Neither is required: `(&self).__status_..()` finds the `Via*` trait when the bound holds
/// and the `No*` fallback otherwise (see status-core's `axum.rs`).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_axum_derive {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)* $($where_clause)* {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                #[allow(unused_imports, reason = "one trait of each pair is picked for a given type")]
                use $crate::__private::{NoDisplay as _, NoRetryAfterHint as _, ViaDisplay as _, ViaRetryAfterHint as _};
                let detail = (&self).__status_detail();
                let retry_after = (&self).__status_retry_after();
                $crate::__private::problem_response(&self, detail, retry_after)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __hook_axum_derive {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
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
