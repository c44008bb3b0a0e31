//! Extension points that generated code calls at the end of every expansion.
//!
//! A proc macro cannot see which features of status-core are on, so generated code calls
//! these `macro_rules!` hooks instead, and what they expand to depends on status-core's own
//! features (`http`, `serde`, ...). With no feature on they expand to nothing.

/// Called once per `status_set!` enum: `__set_hooks! { NAME }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __set_hooks {
    ($set:ident) => {};
}

/// Called once per `#[derive(StatusCodes)]` enum:
/// `__derive_hooks! { [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE] }`.
#[doc(hidden)]
#[macro_export]
macro_rules! __derive_hooks {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}
