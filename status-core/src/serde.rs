//! What the `serde` hook's impls share: generated sets serialize as their numeric code and
//! deserialize from any integer that fits a `u16`, through the set's total `From<u16>`.
//! Anything else (70000, -1, 429.0, "429") is an error naming the value; nothing is
//! truncated.

use core::fmt;

use ::serde::de::{self, Deserializer, Unexpected, Visitor};

/// Reads a status code: an integer from 0 to 65535.
///
/// # Errors
/// When the input is not an integer or does not fit a `u16`.
pub fn deserialize_code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u16, D::Error> {
    deserializer.deserialize_u16(CodeVisitor)
}

struct CodeVisitor;

impl CodeVisitor {
    fn fit<E: de::Error, N: Copy>(n: N, unexpected: Unexpected<'_>) -> Result<u16, E>
    where
        u16: TryFrom<N>,
    {
        u16::try_from(n).map_err(|_| E::invalid_value(unexpected, &CodeVisitor))
    }
}

impl Visitor<'_> for CodeVisitor {
    type Value = u16;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a status code, an integer from 0 to 65535")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u16, E> {
        Self::fit(v, Unexpected::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u16, E> {
        Self::fit(v, Unexpected::Signed(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<u16, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Self::fit(v, Unexpected::Other("an integer wider than 64 bits")),
        }
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<u16, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Self::fit(v, Unexpected::Other("an integer wider than 64 bits")),
        }
    }
}
