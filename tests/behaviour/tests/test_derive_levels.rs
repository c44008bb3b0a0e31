//! Property: through one and two levels of `#[status(transparent)]`, a derived type's code,
//! phrase and description are the spec's for the code at the bottom, for any code of the
//! registry and any variant shape on the way (the derive's row tables for random enums are
//! checked in status-macros' `derive::rows` proptest).

use proptest::prelude::*;
use proptest::sample::Index;
use status_core::{HttpStatus, StatusCodes, status_set};

status_set! {
    /// Every code of the registry.
    pub enum Standard = all;
}

/// One level: a set value, a code held by `other`, or fixed codes.
#[derive(Debug, StatusCodes)]
#[status(default = 500)]
pub enum Level1 {
    /// The set's status.
    #[status(transparent)]
    Set(Standard),
    /// Any code.
    #[status(other)]
    Code(u16),
    /// Found by name.
    NotFound,
    /// By `default`.
    Broken,
}

/// A struct level.
#[derive(Debug, StatusCodes)]
pub struct Wrapper {
    /// Where the status comes from.
    #[status(transparent)]
    pub inner: Level1,
    /// Context.
    pub context: &'static str,
}

/// Two levels: `Level1` directly or through the struct.
#[derive(Debug, StatusCodes)]
#[status(display = false)]
pub enum Level2 {
    /// One level down.
    #[status(transparent)]
    Direct(Level1),
    /// Through the struct.
    #[status(transparent)]
    Wrapped {
        /// The struct.
        wrapper: Wrapper,
    },
    /// Its own.
    #[status(409)]
    Conflict,
}

/// A level-1 value and the code the spec gives it.
fn level1(code: u16, shape: u8) -> (Level1, u16) {
    match shape % 4 {
        0 => (Level1::Set(Standard::from(code)), code),
        1 => (Level1::Code(code), code),
        2 => (Level1::NotFound, 404),
        _ => (Level1::Broken, 500),
    }
}

fn check(status: &dyn HttpStatus, code: u16) -> Result<(), TestCaseError> {
    let spec = status_spec::Spec::embedded();
    let entry = spec
        .code(code)
        .ok_or_else(|| TestCaseError::fail("a registry code"))?;
    prop_assert_eq!(status.code(), code);
    prop_assert_eq!(status.reason(), entry.reason.as_str());
    prop_assert_eq!(status.description(), entry.description.as_str());
    Ok(())
}

proptest! {
    #[test]
    fn one_level(pick in any::<Index>(), shape in any::<u8>()) {
        let code = *pick.get(Standard::ALL);
        let (value, expected) = level1(u16::from(code), shape);
        check(&value, expected)?;
        prop_assert_eq!(value.to_string(), format!("{expected} {}", value.reason()));
    }

    #[test]
    fn two_levels(pick in any::<Index>(), shape in any::<u8>(), through_struct in any::<bool>()) {
        let code = *pick.get(Standard::ALL);
        let (inner, expected) = level1(u16::from(code), shape);
        let outer = if through_struct {
            Level2::Wrapped { wrapper: Wrapper { inner, context: "lookup" } }
        } else {
            Level2::Direct(inner)
        };
        check(&outer, expected)?;
    }
}

#[test]
fn the_outer_enum_keeps_its_own_codes() {
    assert_eq!(Level2::Conflict.code(), 409);
}
