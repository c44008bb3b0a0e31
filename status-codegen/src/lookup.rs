//! The run-time fallback for codes a generated type does not name: a table over the spec.

use std::fmt::Write as _;

use status_spec::{CodeEntry, Retry, Service, Spec};

use crate::code::Code;
use crate::set::{retry_path, retry_variant};

/// The entries a fallback should know: `preferred` (a service's own phrasing) first, then
/// every base entry whose code `preferred` lacks, minus the codes in `exclude`; in code order.
///
/// `preferred` is in code order (a service's entries are), as the base registry is, so the
/// two merge without a sort: a sort instantiated here was a sixth of this crate's code,
/// which every clean build of a user's crate compiles before its own.
pub(crate) fn fallback_entries<'a>(
    spec: &'a Spec,
    preferred: &'a [CodeEntry],
    exclude: &[u16],
) -> Vec<&'a CodeEntry> {
    let mut entries: Vec<&CodeEntry> = Vec::new();
    let mut own = 0;
    for base in spec.codes() {
        while let Some(e) = preferred.get(own).filter(|e| e.code < base.code) {
            entries.push(e);
            own += 1;
        }
        match preferred.get(own).filter(|e| e.code == base.code) {
            Some(e) => {
                entries.push(e);
                own += 1;
            }
            None => entries.push(base),
        }
    }
    entries.extend(preferred.get(own..).unwrap_or_default());
    entries.retain(|e| !exclude.contains(&e.code));
    entries
}

/// How a fallback table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Rows found through a 500-entry index built at compile time: one load, no branch on
    /// the code. For `status_set!` enums, whose `Other` lookups can be hot.
    Indexed,
    /// Parallel arrays found through the codes as 500 bits (status-core's `rank_of`): a
    /// fraction of the tokens and no compile-time loop. For derived enums, where a crate
    /// may hold hundreds, each with a fallback that is only consulted for its `other`
    /// variant.
    Compact,
}

/// The fallback for a type generated from `service` (or from the base registry when `None`)
/// that names the codes in `named`: a table over the service's entries and the base, with
/// the service's `unlisted_retry` applied to every code it does not list. Appends to `out`
/// an expression of type `(&'static str, &'static str, Retry)` for the `u16` expression
/// `code`, reaching status-core through [`Hole::Private`](crate::Hole::Private).
pub fn service_fallback(
    spec: &Spec,
    service: Option<&Service>,
    named: &[u16],
    out: &mut Code,
    code: &str,
    layout: Layout,
) {
    let preferred = service.map_or(&[][..], Service::entries);
    let entries: Vec<CodeEntry> = fallback_entries(spec, preferred, named)
        .into_iter()
        .map(|e| service.map_or_else(|| e.clone(), |s| unlisted(s, e)))
        .collect();
    let refs: Vec<&CodeEntry> = entries.iter().collect();
    let unlisted = service.and_then(|s| s.unlisted_retry);
    match layout {
        Layout::Indexed => lookup_table(out, &refs, code, unlisted),
        Layout::Compact => compact_table(out, &refs, code, unlisted),
    }
}

/// `entry` as `service` advises it: unchanged when the service lists the code.
pub(crate) fn unlisted(service: &Service, entry: &CodeEntry) -> CodeEntry {
    let mut entry = entry.clone();
    entry.retry = unlisted_retry(service, &entry);
    entry
}

/// The advice of [`unlisted`]'s entry, without the copy.
pub(crate) fn unlisted_retry(service: &Service, entry: &CodeEntry) -> Retry {
    match service.entry(entry.code) {
        Some(_) => entry.retry,
        None => service.unlisted_advice(entry.retry),
    }
}

/// The answer for a code no row knows: by class, with `unlisted` replacing the class's
/// advice. An expression over a `u16` named `code`.
fn class_fallback(out: &mut Code, unlisted: Option<Retry>) {
    let Some(retry) = unlisted else {
        out.private().s("::class_fallback(code)");
        return;
    };
    out.s("{ let (reason, description, _) =")
        .private()
        .s("::class_fallback(code); (reason, description,");
    retry_path(out, retry);
    out.s(") }");
}

/// [`Layout::Compact`]: the table's codes as a set of 500 bits (eight words, and the count
/// of codes before each), so a code's row is found in O(1) by counting the bits below it.
///
/// ```text
/// {
///     const REASONS: &[&str] = &["Not Found", ...]; const DESCRIPTIONS: &[&str] = &[...];
///     const RETRIES: &[u8] = &[1, 1];
///     match rank_of(&[0, 0, 0, 0, 1 << 12 | .., ..], &[0, 0, 0, 0, 0, 9, ..], code) {
///         Some(i) => (REASONS[i], DESCRIPTIONS[i], retry_at(RETRIES[i])),
///         None => FALLBACK,
///     }
/// }
/// ```
fn compact_table(out: &mut Code, entries: &[&CodeEntry], code: &str, unlisted: Option<Retry>) {
    let (bits, ranks) = code_bits(entries.iter().map(|e| e.code));
    let str_ty = "&'static ::core::primitive::str";
    let _ = write!(out, "{{ const REASONS: &[{str_ty}] = &[");
    for (i, e) in entries.iter().enumerate() {
        out.s(if i == 0 { "" } else { "," }).lit(&e.reason);
    }
    let _ = write!(out, "]; const DESCRIPTIONS: &[{str_ty}] = &[");
    for (i, e) in entries.iter().enumerate() {
        out.s(if i == 0 { "" } else { "," }).lit(&e.description);
    }
    out.s("]; const RETRIES: &[::core::primitive::u8] = &[");
    for (i, e) in entries.iter().enumerate() {
        let _ = write!(
            out,
            "{}{}",
            if i == 0 { "" } else { "," },
            retry_index(e.retry)
        );
    }
    let _ = write!(out, "]; let code: ::core::primitive::u16 = {code}; match");
    out.private().s("::rank_of(&[");
    for (i, word) in bits.iter().enumerate() {
        let _ = write!(out, "{}{word}", if i == 0 { "" } else { "," });
    }
    out.s("], &[");
    for (i, rank) in ranks.iter().enumerate() {
        let _ = write!(out, "{}{rank}", if i == 0 { "" } else { "," });
    }
    out.s("], code) { ::core::option::Option::Some(i) => (REASONS[i], DESCRIPTIONS[i],")
        .private()
        .s("::retry_at(RETRIES[i])), ::core::option::Option::None =>");
    class_fallback(out, unlisted);
    out.s(", } }");
}

/// `codes` (sorted, 100 to 599) as status-core's `rank_of` reads them: bit `(code - 100) % 64`
/// of word `(code - 100) / 64`, and for each word the number of codes in the words before it.
pub(crate) fn code_bits(codes: impl Iterator<Item = u16>) -> ([u64; 8], [u16; 8]) {
    let mut bits = [0u64; 8];
    for code in codes.filter(|c| (100..600).contains(c)) {
        let i = usize::from(code - 100);
        bits[i / 64] |= 1 << (i % 64);
    }
    let mut ranks = [0u16; 8];
    for w in 1..8 {
        // At most 500 codes: the count fits.
        ranks[w] = ranks[w - 1] + bits[w - 1].count_ones() as u16;
    }
    (bits, ranks)
}

/// The position of `retry` in status-core's `__private::retry_at` numbering.
pub fn retry_index(retry: Retry) -> u8 {
    match retry {
        Retry::Never => 0,
        Retry::Modify => 1,
        Retry::Reauthenticate => 2,
        Retry::Backoff => 3,
        Retry::RetryAfter => 4,
    }
}

/// An expression of type `(&'static str, &'static str, Retry)`: phrase, description and
/// advice for the `u16` expression `code`, from `entries`, else `fallback`.
///
/// A table, not a `match`: codes arrive in no order, and a `match` over dozens of codes
/// compiles to a jump table whose indirect branch mispredicts.
///
/// ```text
/// {
///     const ENTRIES: &[(&str, &str, Retry); 2] = &[("Not Found", "...", Retry::Modify), ...];
///     const INDEX: &[u8; 500] = &{ /* code - 100 -> position + 1, or 0 */ };
///     match code { 100..=599 => match INDEX[code - 100] { 0 => class_fallback(code), i => ENTRIES[i - 1] }, _ => class_fallback(code) }
/// }
/// ```
fn lookup_table(out: &mut Code, entries: &[&CodeEntry], code: &str, unlisted: Option<Retry>) {
    let n = entries.len();
    let str_ty = "&'static ::core::primitive::str";
    let _ = write!(out, "{{ const CODES: &[::core::primitive::u16; {n}] = &[");
    for (i, e) in entries.iter().enumerate() {
        let _ = write!(out, "{}{}", if i == 0 { "" } else { "," }, e.code);
    }
    // The advice through an alias, as in `set::variant_table`.
    let _ = write!(out, "]; const ENTRIES: &[({str_ty}, {str_ty},");
    out.private();
    let _ = write!(out, "::Retry); {n}] = {{ use");
    out.private().s("::Retry as V; &[");
    for (i, e) in entries.iter().enumerate() {
        out.s(if i == 0 { "(" } else { ",(" }).lit(&e.reason).s(",");
        out.lit(&e.description).s(",V::");
        out.s(retry_variant(e.retry)).s(")");
    }
    let index_ty = index_type(n);
    let _ = write!(out, "] }}; const INDEX: &[{index_ty}; 500] = &");
    index_table(out, index_ty, n, "CODES");
    let _ = write!(
        out,
        "; let code: ::core::primitive::u16 = {code}; \
         let slot = if code >= 100 && code < 600 {{ INDEX[(code - 100) as ::core::primitive::usize] }} else {{ 0 }}; \
         if slot == 0 {{"
    );
    class_fallback(out, unlisted);
    out.s("} else { ENTRIES[slot as ::core::primitive::usize - 1] } }");
}

/// The narrowest unsigned type that can hold a position + 1 in a table of `len` entries.
pub(crate) fn index_type(len: usize) -> &'static str {
    if len <= usize::from(u8::MAX) {
        "::core::primitive::u8"
    } else {
        "::core::primitive::u16"
    }
}

/// A block, evaluated at compile time, that builds the 500-entry index from `codes` (a
/// constant array of `len` codes): `index[code - 100]` is the code's position + 1, or 0.
pub(crate) fn index_table(out: &mut Code, ty: &str, len: usize, codes: &str) {
    let _ = write!(
        out,
        "{{ let mut index: [{ty}; 500] = [0; 500]; let mut i = 0; while i < {len} {{ \
         index[({codes}[i] - 100) as ::core::primitive::usize] = (i + 1) as {ty}; i += 1; }} index }}"
    );
}

#[cfg(test)]
mod tests {
    use super::code_bits;

    /// Each code's bit is set, and the bits below it plus its word's count give its
    /// position in the sorted list: what status-core's `rank_of` computes.
    #[test]
    fn code_bits_rank_every_code_by_its_position() {
        let codes = [100, 101, 163, 164, 200, 227, 228, 404, 599];
        let (bits, ranks) = code_bits(codes.into_iter());
        assert_eq!(bits.iter().map(|w| w.count_ones()).sum::<u32>(), 9);
        for (position, code) in codes.into_iter().enumerate() {
            let i = usize::from(code - 100);
            let word = bits[i / 64];
            assert_eq!((word >> (i % 64)) & 1, 1, "{code}");
            let below = (word & ((1u64 << (i % 64)) - 1)).count_ones() as usize;
            assert_eq!(usize::from(ranks[i / 64]) + below, position, "{code}");
        }
        assert_eq!(ranks[0], 0);
        assert_eq!(code_bits([99, 600].into_iter()), ([0; 8], [0; 8]));
    }
}
