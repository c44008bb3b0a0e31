//! What `#[derive(StatusCodes)]` enums share at run time: each enum's generated code only
//! maps its variants to [`Row`]s, and the impls read those through the functions here, so
//! the per-enum code the compiler has to expand and check stays small.

use core::fmt;

use crate::__private::{class_of, retry_at};
use crate::{HttpStatus, Retry, StatusClass};

/// Phrase, description and advice for a code an `other` variant holds.
type Fallback = (&'static str, &'static str, Retry);

/// One variant's status: what the spec says of a variant it names, how to look up the
/// code an `other` variant holds, or the field a `transparent` variant delegates to.
#[derive(Clone, Copy)]
pub enum Row<'a> {
    /// A variant the spec names, with its fixed `Display` text (`"429 Resource Exhausted"`)
    /// and its advice as numbered by [`retry_at`].
    Named {
        /// The code.
        code: u16,
        /// `Display`'s text: the code, a space and the phrase.
        text: &'static str,
        /// The phrase.
        reason: &'static str,
        /// The description.
        description: &'static str,
        /// The advice, numbered.
        retry: u8,
    },
    /// A variant the spec names, read from the embedded registry's table for its service
    /// by the row's position there (worked out by the derive).
    Table {
        /// The table (see [`embedded_fallback`](crate::__private::embedded_fallback)).
        table: usize,
        /// The row's position in the table.
        slot: u8,
    },
    /// An `other` variant's code, looked up in the embedded registry's fallback table.
    Embedded {
        /// The code.
        code: u16,
        /// The table (see [`embedded_fallback`](crate::__private::embedded_fallback)).
        table: usize,
    },
    /// An `other` variant's code, looked up by the enum's own fallback function.
    Own {
        /// The code.
        code: u16,
        /// The lookup.
        lookup: fn(u16) -> Fallback,
    },
    /// A `transparent` variant's field, whose status is the variant's.
    Inner {
        /// The field.
        status: &'a dyn HttpStatus,
        /// The same field, when the derive writes `Display` (`display = false` needs none).
        display: Option<&'a dyn fmt::Display>,
    },
}

/// The row of a variant the spec names.
#[inline]
pub const fn named(
    code: u16,
    text: &'static str,
    reason: &'static str,
    description: &'static str,
    retry: u8,
) -> Row<'static> {
    Row::Named {
        code,
        text,
        reason,
        description,
        retry,
    }
}

impl Row<'static> {
    /// The slot of a variant that holds data (`other`, `transparent`) in a derived type's
    /// array of rows by variant position: never read, its row is made from the data.
    pub const UNUSED: Self = named(0, "", "", "", 0);
}

// The accessors a derived type's `HttpStatus` methods call are `#[inline(always)]`: each
// is a small match whose arms inline to a load or two once the row is known, but as a
// call (LLVM stopped inlining `retry` in a generic caller once rows could be `Table`) the
// match became a jump table that mispredicts on a mixed stream: 3x slower.
impl<'a> Row<'a> {
    /// The code.
    #[inline(always)]
    pub fn code(self) -> u16 {
        match self {
            Row::Named { code, .. } | Row::Embedded { code, .. } | Row::Own { code, .. } => code,
            Row::Table { table, slot } => crate::registry_table::code_at(table, usize::from(slot)),
            Row::Inner { status, .. } => status.code(),
        }
    }

    /// The phrase.
    #[inline(always)]
    pub fn reason(self) -> &'static str {
        match self {
            Row::Named { reason, .. } => reason,
            Row::Table { table, slot } => {
                crate::registry_table::reason_at(table, usize::from(slot))
            }
            Row::Embedded { code, table } => crate::registry_table::reason(table, code),
            Row::Own { code, lookup } => lookup(code).0,
            Row::Inner { status, .. } => status.reason(),
        }
    }

    /// The description.
    #[inline(always)]
    pub fn description(self) -> &'static str {
        match self {
            Row::Named { description, .. } => description,
            Row::Table { table, slot } => {
                crate::registry_table::description_at(table, usize::from(slot))
            }
            Row::Embedded { code, table } => crate::registry_table::description(table, code),
            Row::Own { code, lookup } => lookup(code).1,
            Row::Inner { status, .. } => status.description(),
        }
    }

    /// The class, by the code (any `u16` has one, see [`class_of`]); a field's own.
    #[inline(always)]
    pub fn class(self) -> StatusClass {
        match self {
            Row::Inner { status, .. } => status.class(),
            _ => class_of(self.code()),
        }
    }

    /// The field a `transparent` variant delegates its response to.
    #[inline]
    pub fn inner(self) -> Option<&'a dyn HttpStatus> {
        match self {
            Row::Inner { status, .. } => Some(status),
            _ => None,
        }
    }

    /// The `WWW-Authenticate` challenge: the field's for a `transparent` variant, else the
    /// one the derive gives (`own`).
    #[inline]
    pub fn challenge(self, own: Option<&'static str>) -> Option<&'static str> {
        match self {
            Row::Inner { status, .. } => status.www_authenticate(),
            _ => own,
        }
    }

    /// Whether responses hide the `Display`: the field's choice for a `transparent`
    /// variant, else `own` when the derive was told, else whether the code is a 5xx.
    #[inline]
    pub fn masked(self, own: Option<bool>) -> bool {
        match self {
            Row::Inner { status, .. } => status.masked(),
            _ => own.unwrap_or_else(|| self.class() == StatusClass::ServerError),
        }
    }

    /// The advice.
    #[inline(always)]
    pub fn retry(self) -> Retry {
        match self {
            Row::Named { retry, .. } => retry_at(retry),
            Row::Table { table, slot } => {
                crate::registry_table::retry_at_slot(table, usize::from(slot))
            }
            Row::Embedded { code, table } => crate::registry_table::retry(table, code),
            Row::Own { code, lookup } => lookup(code).2,
            Row::Inner { status, .. } => status.retry(),
        }
    }

    /// `Display`: a named variant's text, padded like a `str`; a `transparent` variant's
    /// field's own; else the code and phrase.
    ///
    /// # Errors
    /// Those of the formatter.
    pub fn display(self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Row::Named { text, .. } => f.pad(text),
            Row::Inner {
                display: Some(display),
                ..
            } => display.fmt(f),
            Row::Inner { status, .. } => write!(f, "{} {}", status.code(), status.reason()),
            _ => pad_status(f, self.code(), self.reason()),
        }
    }
}

/// What `#[derive(StatusCodes)]` implements for a type: the row of each value, and the
/// keys the derive was given. [`HttpStatus`] comes from the blanket impl below, so a
/// derived type's own code is one method (and `Display`): on a crate of 200 derived
/// enums, five `HttpStatus` methods each were a third of what rustc checked and stored.
pub trait Derived {
    /// The value's row.
    fn __status_row(&self) -> Row<'_>;

    /// `www_authenticate`: a `transparent` variant's field's; the derive overrides this
    /// for `www_authenticate = ".."`.
    #[inline]
    fn __status_challenge(&self) -> Option<&'static str> {
        self.__status_row().challenge(None)
    }

    /// `masked`: a `transparent` variant's field's, else whether the code is a 5xx; the
    /// derive overrides this for `mask = ..`.
    #[inline]
    fn __status_masked(&self) -> bool {
        self.__status_row().masked(None)
    }

    /// [`HttpStatus`]'s response glue of the same name: with a response feature on, the
    /// derive writes it (status-core's `hook_response_methods!`); without, nothing reads it.
    #[cfg(any(feature = "axum", feature = "actix"))]
    fn __status_detail(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result>;

    /// [`HttpStatus`]'s response glue of the same name, as `__status_detail`.
    #[cfg(any(feature = "axum", feature = "actix"))]
    fn __status_retry_after(&self) -> Option<core::time::Duration>;
}

/// Every `#[derive(StatusCodes)]` type: the derive implements the hidden `Derived`, each
/// value's row, and these methods read it.
// `do_not_recommend`: a type that implements neither trait is reported as lacking
// `HttpStatus` (with that trait's message and notes), not the hidden `Derived`.
#[diagnostic::do_not_recommend]
impl<T: Derived> HttpStatus for T {
    #[inline]
    fn code(&self) -> u16 {
        self.__status_row().code()
    }
    #[inline]
    fn reason(&self) -> &'static str {
        self.__status_row().reason()
    }
    #[inline]
    fn description(&self) -> &'static str {
        self.__status_row().description()
    }
    #[inline]
    fn class(&self) -> StatusClass {
        self.__status_row().class()
    }
    #[inline]
    fn retry(&self) -> Retry {
        self.__status_row().retry()
    }
    #[inline]
    fn www_authenticate(&self) -> Option<&'static str> {
        self.__status_challenge()
    }
    #[inline]
    fn masked(&self) -> bool {
        self.__status_masked()
    }
    #[inline]
    fn __status_inner(&self) -> Option<&dyn HttpStatus> {
        self.__status_row().inner()
    }
    #[cfg(any(feature = "axum", feature = "actix"))]
    #[inline]
    fn __status_detail(&self, out: &mut dyn fmt::Write) -> Option<fmt::Result> {
        Derived::__status_detail(self, out)
    }
    #[cfg(any(feature = "axum", feature = "actix"))]
    #[inline]
    fn __status_retry_after(&self) -> Option<core::time::Duration> {
        Derived::__status_retry_after(self)
    }
}

/// A derived type's `Display`.
///
/// # Errors
/// Those of the formatter.
#[inline]
pub fn display<T: Derived>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    value.__status_row().display(f)
}

/// Writes "CODE REASON" as `f.pad` writes a `str`: width, fill, alignment and precision
/// honoured, as for a variant whose text is spelled out, with nothing allocated. A text
/// longer than the buffer (a phrase of over a hundred bytes) is written whole, unpadded.
fn pad_status(f: &mut fmt::Formatter<'_>, code: u16, reason: &str) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        return write!(f, "{code} {reason}");
    }
    let mut buf = Buf {
        bytes: [0; 128],
        len: 0,
    };
    match fmt::write(&mut buf, format_args!("{code} {reason}")) {
        Ok(()) => match core::str::from_utf8(&buf.bytes[..buf.len]) {
            Ok(text) => f.pad(text),
            Err(_) => write!(f, "{code} {reason}"),
        },
        Err(_) => write!(f, "{code} {reason}"),
    }
}

/// A fixed buffer that refuses what does not fit.
struct Buf {
    bytes: [u8; 128],
    len: usize,
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::format;

    use super::*;

    /// A row displayed as a derived type displays it.
    struct Shown(Row<'static>);

    impl fmt::Display for Shown {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.display(f)
        }
    }

    fn own(code: u16) -> Row<'static> {
        fn long(_: u16) -> Fallback {
            ("Very Long Phrase ".repeat(8).leak(), "", Retry::Never)
        }
        fn short(_: u16) -> Fallback {
            ("Short", "", Retry::Never)
        }
        Row::Own {
            code,
            lookup: if code == 599 { long } else { short },
        }
    }

    #[test]
    fn looked_up_rows_pad_as_spelled_out_ones() {
        let named = Shown(named(404, "404 Not Found", "Not Found", "", 1));
        let looked_up = Shown(Row::Embedded {
            code: 404,
            table: 0,
        });
        for (a, b) in [
            (format!("{named:>20}|"), format!("{looked_up:>20}|")),
            (format!("{named:*^21}"), format!("{looked_up:*^21}")),
            (format!("{named:.6}"), format!("{looked_up:.6}")),
        ] {
            assert_eq!(a, b);
        }
        assert_eq!(format!("{looked_up:<15}|"), "404 Not Found  |");
        assert_eq!(format!("{:>10}", Shown(own(470))), " 470 Short");
    }

    #[test]
    fn a_text_longer_than_the_buffer_is_written_whole() {
        let text = format!("599 {}", "Very Long Phrase ".repeat(8));
        assert_eq!(format!("{:>200}", Shown(own(599))), text);
        assert_eq!(format!("{}", Shown(own(599))), text);
    }
}
