//! Lookups in the embedded registry's fallback tables (`registry.rs`, generated).

use crate::__private::{class_fallback, retry_at};
use crate::Retry;
use crate::registry::TABLES;

/// One fallback table: parallel arrays sorted by code, and the advice for every code the
/// table does not hold (`u8::MAX`: the class's advice).
pub(crate) struct Table {
    pub(crate) codes: &'static [u16],
    pub(crate) reasons: &'static [&'static str],
    pub(crate) descriptions: &'static [&'static str],
    pub(crate) retries: &'static [u8],
    pub(crate) unlisted: u8,
}

/// Codes below this have a slot in [`INDEX`]; every registered code does (the spec allows
/// 100 to 599).
const SLOTS: usize = 600;

/// `INDEX[table][code]` is the code's position in `TABLES[table]`, or [`ABSENT`]: one load
/// instead of a binary search, so an `other` variant reads its code's row as fast as a
/// `status_set!` enum does. Built at compile time from `TABLES` (3.6 KB for six tables).
static INDEX: [[u8; SLOTS]; TABLES.len()] = build_index();

/// The slot of a code a table does not hold.
const ABSENT: u8 = u8::MAX;

const fn build_index() -> [[u8; SLOTS]; TABLES.len()] {
    let mut index = [[ABSENT; SLOTS]; TABLES.len()];
    let mut t = 0;
    while t < TABLES.len() {
        let codes = TABLES[t].codes;
        // A position must fit below `ABSENT`; a code must have a slot.
        assert!(codes.len() < ABSENT as usize);
        let mut i = 0;
        while i < codes.len() {
            assert!((codes[i] as usize) < SLOTS);
            index[t][codes[i] as usize] = i as u8;
            i += 1;
        }
        t += 1;
    }
    index
}

/// The table numbered `table` and `code`'s position in it, when the table holds the code.
/// An unknown table (a status-core older than its macros) reads as the base.
#[inline]
fn slot(table: usize, code: u16) -> (&'static Table, Option<usize>) {
    let table = if table < TABLES.len() { table } else { 0 };
    let i = match INDEX[table].get(code as usize) {
        Some(&i) if i != ABSENT => Some(i as usize),
        _ => None,
    };
    (&TABLES[table], i)
}

/// The phrase for `code` from table `table`, else from the code's class.
#[inline]
pub(crate) fn reason(table: usize, code: u16) -> &'static str {
    match slot(table, code) {
        (t, Some(i)) => t.reasons[i],
        (_, None) => class_fallback(code).0,
    }
}

/// The description for `code` from table `table`, else from the code's class.
#[inline]
pub(crate) fn description(table: usize, code: u16) -> &'static str {
    match slot(table, code) {
        (t, Some(i)) => t.descriptions[i],
        (_, None) => class_fallback(code).1,
    }
}

/// The advice for `code` from table `table`, else the table's advice for codes it does not
/// list, else the class's.
#[inline]
pub(crate) fn retry(table: usize, code: u16) -> Retry {
    match slot(table, code) {
        (t, Some(i)) => retry_at(t.retries[i]),
        (t, None) if t.unlisted != u8::MAX => retry_at(t.unlisted),
        (_, None) => class_fallback(code).2,
    }
}

/// Phrase, description and advice for `code` from table `table`, else from the code's
/// class (see [`reason`], [`description`], [`retry`]).
#[inline]
pub(crate) fn lookup(table: usize, code: u16) -> (&'static str, &'static str, Retry) {
    (
        reason(table, code),
        description(table, code),
        retry(table, code),
    )
}

/// The row at `slot` of table `table`, as a derived enum's variant names it: the derive
/// reads the slot from the same spec that generated `TABLES`, and status-core and its
/// macros are released in lockstep, so the row is always there. Should it not be, the
/// answers are code 0's (no panic in a user's `Display`).
#[inline]
fn at(table: usize, slot: usize) -> Option<(&'static Table, usize)> {
    let table = TABLES.get(table).unwrap_or(&TABLES[0]);
    (slot < table.codes.len()).then_some((table, slot))
}

/// The code at `slot` of table `table`.
#[inline]
pub(crate) fn code_at(table: usize, slot: usize) -> u16 {
    at(table, slot).map_or(0, |(t, i)| t.codes[i])
}

/// The phrase at `slot` of table `table`.
#[inline]
pub(crate) fn reason_at(table: usize, slot: usize) -> &'static str {
    at(table, slot).map_or("", |(t, i)| t.reasons[i])
}

/// The description at `slot` of table `table`.
#[inline]
pub(crate) fn description_at(table: usize, slot: usize) -> &'static str {
    at(table, slot).map_or("", |(t, i)| t.descriptions[i])
}

/// The advice at `slot` of table `table`.
#[inline]
pub(crate) fn retry_at_slot(table: usize, slot: usize) -> Retry {
    at(table, slot).map_or(Retry::Never, |(t, i)| retry_at(t.retries[i]))
}

#[cfg(test)]
mod tests {
    use super::{TABLES, code_at, description_at, lookup, reason_at, retry_at_slot};
    use crate::__private::{class_fallback, retry_at};

    /// What the index replaced: a binary search in the table's sorted codes.
    fn by_search(table: usize, code: u16) -> (&'static str, &'static str, crate::Retry) {
        let t = &TABLES[table];
        if let Ok(i) = t.codes.binary_search(&code) {
            return (t.reasons[i], t.descriptions[i], retry_at(t.retries[i]));
        }
        let (reason, description, retry) = class_fallback(code);
        if t.unlisted == u8::MAX {
            (reason, description, retry)
        } else {
            (reason, description, retry_at(t.unlisted))
        }
    }

    #[test]
    fn the_index_answers_as_a_search_does_for_every_code() {
        for table in 0..TABLES.len() {
            for code in 0..=u16::MAX {
                assert_eq!(
                    lookup(table, code),
                    by_search(table, code),
                    "{table} {code}"
                );
            }
        }
    }

    /// `rank_of` (the derive's compact tables) finds what a search of the sorted codes
    /// finds, for every code, on each table's codes and on a few sets at the words' edges.
    #[test]
    fn rank_of_answers_as_a_search_does() {
        use crate::__private::rank_of;
        let edges: [&[u16]; 4] = [&[], &[100], &[163, 164, 227, 228], &[100, 163, 164, 599]];
        let sets = TABLES.iter().map(|t| t.codes).chain(edges);
        for codes in sets {
            let mut bits = [0u64; 8];
            for &c in codes {
                bits[usize::from(c - 100) / 64] |= 1 << ((c - 100) % 64);
            }
            // Codes before word w: those below 100 + 64 w.
            let ranks: [u16; 8] = core::array::from_fn(|w| {
                codes
                    .iter()
                    .filter(|&&c| usize::from(c) < 100 + 64 * w)
                    .count() as u16
            });
            for code in 0..=u16::MAX {
                assert_eq!(
                    rank_of(&bits, &ranks, code),
                    codes.binary_search(&code).ok(),
                    "{code}"
                );
            }
        }
    }

    /// `class_of` is `StatusClass::of` where that has an answer, informational below 100
    /// and a server error from 600 up.
    #[test]
    fn class_of_covers_every_u16() {
        use crate::__private::class_of;
        use crate::StatusClass;
        for code in 0..=u16::MAX {
            let expected = match StatusClass::of(code) {
                Some(class) => class,
                None if code < 100 => StatusClass::Informational,
                None => StatusClass::ServerError,
            };
            assert_eq!(class_of(code), expected, "{code}");
        }
    }

    #[test]
    fn a_slot_reads_the_row_the_index_finds() {
        for (table, t) in TABLES.iter().enumerate() {
            for (slot, &code) in t.codes.iter().enumerate() {
                let row = (
                    reason_at(table, slot),
                    description_at(table, slot),
                    retry_at_slot(table, slot),
                );
                assert_eq!(code_at(table, slot), code);
                assert_eq!(row, lookup(table, code), "{table} {code}");
            }
            // Past the end: code 0's answers, no panic.
            assert_eq!(code_at(table, t.codes.len()), 0);
            assert_eq!(reason_at(table, usize::MAX), "");
        }
        assert_eq!(reason_at(usize::MAX, 0), reason_at(0, 0));
    }

    #[test]
    fn an_unknown_table_reads_as_the_base() {
        assert_eq!(lookup(TABLES.len(), 404), lookup(0, 404));
        assert_eq!(lookup(usize::MAX, 799), lookup(0, 799));
        assert_eq!(lookup(0, 404).0, "Not Found");
    }

    #[test]
    fn a_service_advice_applies_to_codes_it_does_not_list() {
        let t = (1..TABLES.len())
            .find(|&t| TABLES[t].unlisted != u8::MAX)
            .expect("the shipped spec has a service with `unlisted_retry`");
        // 299 is in no table: the class's phrase with the service's advice.
        assert_eq!(lookup(t, 299).2, retry_at(TABLES[t].unlisted));
        assert_eq!(lookup(t, 299).0, class_fallback(299).0);
    }
}
