//! A user that shadows, at the crate root, the names generated code must not rely on: the
//! crates `core` and `std`, the prelude's `Option`, `Result` and their variants, the
//! primitive types, and the macros generated code calls. Builds only if every path the
//! macros emit is absolute.
#![allow(
    non_camel_case_types,
    dead_code,
    unused_macros,
    reason = "shadowing is the point"
)]

/// Not the `core` crate.
pub mod core {}
/// Not the `std` crate.
pub mod std {}

/// Not `core::option::Option`.
pub struct Option;
/// Not `core::result::Result`.
pub struct Result;
/// Not `Option::Some`.
pub struct Some;
/// Not `Option::None`.
pub struct None;
/// Not `Result::Ok`.
pub struct Ok;
/// Not `Result::Err`.
pub struct Err;
/// Not the primitive.
pub struct u16;
/// Not the primitive.
pub struct u8;
/// Not the primitive.
pub struct usize;
/// Not the primitive.
pub struct str;
/// Not the primitive.
pub struct bool;
/// Not `core::fmt`'s.
pub struct Formatter;
/// Not the trait.
pub trait Display {}
/// Not the trait.
pub trait From {}
/// Not the trait.
pub trait HttpStatus {}

macro_rules! write {
    ($($t:tt)*) => {
        compile_error!("shadowed write!")
    };
}
macro_rules! unreachable {
    ($($t:tt)*) => {
        compile_error!("shadowed unreachable!")
    };
}
macro_rules! include_bytes {
    ($($t:tt)*) => {
        compile_error!("shadowed include_bytes!")
    };
}
macro_rules! format_args {
    ($($t:tt)*) => {
        compile_error!("shadowed format_args!")
    };
}
macro_rules! panic {
    ($($t:tt)*) => {
        compile_error!("shadowed panic!")
    };
}

/// Errors of a Safe Browsing client.
#[derive(status_core::StatusCodes)]
#[status(service = "safe_browsing")]
pub enum SafeBrowsingError {
    /// The request was malformed.
    #[status(400)]
    InvalidArgument {
        /// The argument at fault.
        field: &'static ::core::primitive::str,
    },
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Unexpected(::core::primitive::u16),
}

/// Unit variants only, for `from_code` and `From<u16>`.
#[derive(status_core::StatusCodes)]
#[status(service = "safe_browsing", spec = "../../codes.toml")]
pub enum Quota {
    /// Out of quota.
    ResourceExhausted,
    /// Any other code.
    #[status(other)]
    Other(::core::primitive::u16),
}

/// The same, in a module that shadows the names again.
pub mod inner {
    /// Not the `core` crate.
    pub mod core {}
    /// Not `core::option::Option`.
    pub struct Option;

    /// Unit variants only, no catch-all.
    #[derive(status_core::StatusCodes)]
    pub enum Redirect {
        /// 301.
        MovedPermanently,
        /// 302.
        Found,
    }
}

status_core::status_set! {
    /// Safe Browsing's codes.
    pub enum Sb = service "safe_browsing";
}

/// Every new key at once: `transparent` (to a derived enum and a set), `default`, a
/// challenge, masking, an `other` holding a set value.
#[derive(status_core::StatusCodes)]
#[status(default = 500, www_authenticate = "Bearer", mask = false)]
pub enum Wrapping {
    /// The quota's status.
    #[status(transparent)]
    Quota(Quota),
    /// The set's status.
    #[status(transparent)]
    Set {
        /// The value.
        status: Sb,
    },
    /// By `default`.
    Database,
    /// Its own challenge, masked.
    #[status(401, www_authenticate = "Basic", mask = true)]
    Unauthorized,
    /// A set value as the code.
    #[status(other)]
    Relayed(Sb),
}

/// A struct taking its status from a field.
#[derive(status_core::StatusCodes)]
pub struct Wrapper(::core::primitive::u8, #[status(transparent)] pub Wrapping);

/// A struct with its own code.
#[derive(status_core::StatusCodes)]
#[status(410)]
pub struct Gone;

/// Every generated piece, used once.
#[must_use]
pub fn exercise() -> ::core::primitive::u16 {
    use status_core::HttpStatus as _;
    let quota = <Quota as ::core::convert::From<::core::primitive::u16>>::from(429);
    let _ = Quota::from_code(429);
    let _ = inner::Redirect::from_code(301);
    let _ = Sb::from_code(429);
    let wrapped = Wrapper(
        0,
        Wrapping::Set {
            status: Sb::from(429),
        },
    );
    let _ = (wrapped.www_authenticate(), wrapped.masked(), Gone.code());
    quota.code() + SafeBrowsingError::ResourceExhausted.code()
}
