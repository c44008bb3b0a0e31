//! Reading the IANA HTTP Status Code Registry's CSV export.
//!
//! The export has a `Value,Description,Reference` header, then one row per code or range of
//! codes. Unassigned ranges read `105-199,Unassigned,`; a description may carry a note:
//! `(Unused)` stands alone for a reserved code, `Not Extended (OBSOLETED)` marks an obsoleted
//! one, and a provisional registration reads `Phrase (TEMPORARY - registered ..., expires
//! YYYY-MM-DD)`. References are bracketed document names, often quoted because they hold
//! commas: `"[RFC9110, Section 15.3.1]"`.

use std::collections::BTreeMap;
use std::path::Path;

use status_spec::{Date, Registration};

use crate::error::{Failure, io_reason};

/// The header the export starts with.
const HEADER: [&str; 3] = ["Value", "Description", "Reference"];

/// One code the registry assigns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Assigned {
    /// The registered phrase; `None` for a code registered as `(Unused)`.
    pub(crate) phrase: Option<String>,
    pub(crate) status: Registration,
    /// The end of a temporary registration.
    pub(crate) expires: Option<Date>,
    /// The defining documents, as the spec writes references ("RFC 9110, Section 15.3.1").
    pub(crate) reference: Option<String>,
}

/// Every code the registry assigns; a code not here is unassigned.
pub(crate) type Registry = BTreeMap<u16, Assigned>;

/// Reads and parses the export at `path`.
pub(crate) fn read(path: &Path) -> Result<Registry, Failure> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::msg(format!("cannot read `{name}`: {}", io_reason(&e))))?;
    parse(&bytes).map_err(|why| {
        Failure::msg(format!(
            "`{name}` is not the IANA status code registry's CSV export: {why}"
        ))
    })
}

/// Parses the export; the error says which line is wrong and how.
pub(crate) fn parse(bytes: &[u8]) -> Result<Registry, String> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err("it is empty".into()),
        Some(record) => record.map_err(csv_error)?,
    };
    let fields: Vec<&str> = header.iter().map(str::trim).collect();
    if fields != HEADER {
        return Err(format!(
            "line 1: expected the header `{}`, found `{}`",
            HEADER.join(","),
            fields.join(",")
        ));
    }
    let mut registry = Registry::new();
    for record in records {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, csv::Position::line);
        row(&record, &mut registry).map_err(|why| format!("line {line}: {why}"))?;
    }
    if registry.is_empty() {
        return Err("it assigns no status code".into());
    }
    Ok(registry)
}

fn csv_error(error: csv::Error) -> String {
    let line = error.position().map(csv::Position::line);
    let why = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not valid UTF-8".to_owned(),
        _ => error.to_string(),
    };
    match line {
        Some(line) => format!("line {line}: {why}"),
        None => why,
    }
}

fn row(record: &csv::StringRecord, registry: &mut Registry) -> Result<(), String> {
    if record.iter().all(|f| f.trim().is_empty()) {
        return Ok(());
    }
    let fields: Vec<&str> = record.iter().map(str::trim).collect();
    let [value, description, reference] = fields[..] else {
        return Err(format!(
            "expected 3 fields (`Value,Description,Reference`), found {}",
            record.len()
        ));
    };
    let (first, last) = codes(value)?;
    let Some(assigned) = assignment(description)? else {
        return Ok(());
    };
    if first != last {
        return Err(format!(
            "the range `{value}` is `{description}`; only `Unassigned` covers a range"
        ));
    }
    let assigned = Assigned {
        reference: reference_text(reference),
        ..assigned
    };
    if registry.insert(first, assigned).is_some() {
        return Err(format!("{first} is listed twice"));
    }
    Ok(())
}

/// `100` or `105-199`, within 100..=599.
fn codes(value: &str) -> Result<(u16, u16), String> {
    let code = |s: &str| {
        let ok = s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit());
        s.parse::<u16>()
            .ok()
            .filter(|c| ok && (100..=599).contains(c))
    };
    let range = match value.split_once('-') {
        None => code(value).map(|c| (c, c)),
        Some((a, b)) => code(a).zip(code(b)).filter(|(a, b)| a <= b),
    };
    range.ok_or_else(|| {
        format!("`{value}` is not a status code or a range of them such as `105-199`")
    })
}

/// What a description says: `None` for `Unassigned`.
fn assignment(description: &str) -> Result<Option<Assigned>, String> {
    let plain = |phrase: &str, status| Assigned {
        phrase: Some(phrase.trim().to_owned()),
        status,
        expires: None,
        reference: None,
    };
    if description.is_empty() {
        return Err("the description is empty".into());
    }
    if description.eq_ignore_ascii_case("Unassigned") {
        return Ok(None);
    }
    if description.eq_ignore_ascii_case("(Unused)") {
        return Ok(Some(Assigned {
            phrase: None,
            ..plain("", Registration::Unused)
        }));
    }
    if let Some(phrase) = description.strip_suffix("(OBSOLETED)") {
        return Ok(Some(plain(phrase, Registration::Obsolete)));
    }
    if let Some((phrase, note)) = description.split_once("(TEMPORARY") {
        let expires = expiry(note).ok_or_else(|| {
            format!("cannot read the expiry date of the temporary registration `{description}`")
        })?;
        return Ok(Some(Assigned {
            expires,
            ..plain(phrase, Registration::Temporary)
        }));
    }
    Ok(Some(plain(description, Registration::Permanent)))
}

/// The date after the last `expires` of a `(TEMPORARY - ...)` note: `Some(None)` when the note
/// gives none, `None` when it gives one that is not a date.
fn expiry(note: &str) -> Option<Option<Date>> {
    let Some((_, rest)) = note.rsplit_once("expires") else {
        return Some(None);
    };
    let date = rest.trim_start().get(..10)?;
    Date::parse(date).map(Some)
}

/// `[RFC9110, Section 15.3.1][RFC-ietf-x]` -> `RFC 9110, Section 15.3.1; RFC-ietf-x`.
fn reference_text(reference: &str) -> Option<String> {
    let parts: Vec<String> = reference
        .split(']')
        .map(|part| part.trim().trim_start_matches('[').trim())
        .filter(|part| !part.is_empty())
        .map(spaced_rfc)
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// `RFC9110, ...` -> `RFC 9110, ...`, as the spec writes RFC numbers.
fn spaced_rfc(part: &str) -> String {
    match part.strip_prefix("RFC") {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("RFC {rest}"),
        _ => part.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(csv: &str) -> Result<Registry, String> {
        parse(format!("Value,Description,Reference\n{csv}").as_bytes())
    }

    #[test]
    fn reads_codes_ranges_and_annotations() {
        let csv = "\u{feff}Value,Description,Reference\r\n\
                   100,Continue,\"[RFC9110, Section 15.2.1]\"\r\n\
                   104,\"Upload Resumption Supported (TEMPORARY - registered 2024-11-13, extension registered 2025-11-13, expires 2026-11-13)\",[draft-ietf-httpbis-resumable-upload-05]\r\n\
                   105-199,Unassigned,\r\n\
                   306,(Unused),\"[RFC9110, Section 15.4.7]\"\r\n\
                   510,Not Extended (OBSOLETED),\"[RFC2774][status-change-http-experiments-to-historic]\"\r\n";
        let registry = parse(csv.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            registry.keys().copied().collect::<Vec<_>>(),
            [100, 104, 306, 510]
        );
        let continue_ = &registry[&100];
        assert_eq!(continue_.phrase.as_deref(), Some("Continue"));
        assert_eq!(continue_.status, Registration::Permanent);
        assert_eq!(
            continue_.reference.as_deref(),
            Some("RFC 9110, Section 15.2.1")
        );
        let temporary = &registry[&104];
        assert_eq!(
            temporary.phrase.as_deref(),
            Some("Upload Resumption Supported")
        );
        assert_eq!(temporary.status, Registration::Temporary);
        assert_eq!(temporary.expires, Date::parse("2026-11-13"));
        let unused = &registry[&306];
        assert_eq!(
            (unused.phrase.as_deref(), unused.status),
            (None, Registration::Unused)
        );
        let obsolete = &registry[&510];
        assert_eq!(obsolete.phrase.as_deref(), Some("Not Extended"));
        assert_eq!(obsolete.status, Registration::Obsolete);
        assert_eq!(
            obsolete.reference.as_deref(),
            Some("RFC 2774; status-change-http-experiments-to-historic")
        );
    }

    #[test]
    fn rejects_what_is_not_the_export() {
        let cases = [
            ("", "it is empty"),
            (
                "code,phrase\n200,OK\n",
                "line 1: expected the header `Value,Description,Reference`, found `code,phrase`",
            ),
            ("Value,Description,Reference\n", "it assigns no status code"),
        ];
        for (csv, why) in cases {
            assert_eq!(parse(csv.as_bytes()), Err(why.to_owned()), "{csv:?}");
        }
        let rows = [
            (
                "abc,OK,\n",
                "line 2: `abc` is not a status code or a range of them such as `105-199`",
            ),
            (
                "600,Too Far,\n",
                "line 2: `600` is not a status code or a range of them such as `105-199`",
            ),
            (
                "199-105,Unassigned,\n",
                "line 2: `199-105` is not a status code or a range of them such as `105-199`",
            ),
            (
                "200,OK\n",
                "line 2: expected 3 fields (`Value,Description,Reference`), found 2",
            ),
            (
                "104,Soon (TEMPORARY - registered 2026-01-01, expires 2027-01-01),\n",
                "line 2: expected 3 fields (`Value,Description,Reference`), found 4",
            ),
            ("200,,\n", "line 2: the description is empty"),
            (
                "200-201,OK,\n",
                "line 2: the range `200-201` is `OK`; only `Unassigned` covers a range",
            ),
            ("200,OK,\n200,OK,\n", "line 3: 200 is listed twice"),
            (
                "104,X (TEMPORARY - expires soon),\n",
                "line 2: cannot read the expiry date of the temporary registration `X (TEMPORARY - expires soon)`",
            ),
        ];
        for (csv, why) in rows {
            assert_eq!(one(csv), Err(why.to_owned()), "{csv:?}");
        }
        let not_utf8 = parse(b"Value,Description,Reference\n200,\xff,\n");
        assert_eq!(not_utf8, Err("line 2: it is not valid UTF-8".to_owned()));
    }

    #[test]
    fn a_quoted_reference_keeps_its_commas() {
        let registry = one("413,Content Too Large,\"[RFC9110, Section 15.5.14]\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            registry[&413].reference.as_deref(),
            Some("RFC 9110, Section 15.5.14")
        );
    }
}
