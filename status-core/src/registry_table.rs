//! Lookups in the embedded registry's fallback tables (`registry.rs`, generated).

use crate::__private::{class_fallback, find_code, retry_at};
use crate::Retry;

/// One fallback table: parallel arrays sorted by code, and the advice for every code the
/// table does not hold (`u8::MAX`: the class's advice).
pub(crate) struct Table {
    pub(crate) codes: &'static [u16],
    pub(crate) reasons: &'static [&'static str],
    pub(crate) descriptions: &'static [&'static str],
    pub(crate) retries: &'static [u8],
    pub(crate) unlisted: u8,
}

/// Phrase, description and advice for `code` from table `table`, else from the code's
/// class. An unknown table (a status-core older than its macros) reads as the base.
pub(crate) const fn lookup(table: usize, code: u16) -> (&'static str, &'static str, Retry) {
    let tables = crate::registry::TABLES;
    let t = if table < tables.len() {
        &tables[table]
    } else {
        &tables[0]
    };
    if let Some(i) = find_code(t.codes, code) {
        return (t.reasons[i], t.descriptions[i], retry_at(t.retries[i]));
    }
    let (reason, description, retry) = class_fallback(code);
    if t.unlisted != u8::MAX {
        return (reason, description, retry_at(t.unlisted));
    }
    (reason, description, retry)
}
