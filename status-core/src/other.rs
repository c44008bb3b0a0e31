use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

/// The payload of a generated set's `Other` variant: a code the set does not name.
///
/// Only the set's own `From<u16>` makes one, so `E::from(404)` is never `Other` when the set
/// names 404, and equality and hashing of the set agree with equality of codes. The type
/// parameter ties a payload to its set: one set's `Other` payload cannot be put in another's.
pub struct OtherCode<E> {
    code: u16,
    set: PhantomData<fn() -> E>,
}

impl<E> OtherCode<E> {
    /// Wraps a code that `E` does not name. Generated code only: calling it with a code the
    /// set names breaks the set's equality; not a public API.
    #[doc(hidden)]
    pub const fn __new(code: u16) -> Self {
        OtherCode {
            code,
            set: PhantomData,
        }
    }

    /// The code.
    pub const fn get(self) -> u16 {
        self.code
    }
}

impl<E> Clone for OtherCode<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for OtherCode<E> {}

impl<E> PartialEq for OtherCode<E> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<E> Eq for OtherCode<E> {}

impl<E> PartialOrd for OtherCode<E> {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<E> Ord for OtherCode<E> {
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.code.cmp(&other.code)
    }
}

impl<E> Hash for OtherCode<E> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl<E> fmt::Debug for OtherCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.code, f)
    }
}

impl<E> fmt::Display for OtherCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code, f)
    }
}
