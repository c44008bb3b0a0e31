//! `fmt`: rewrite the spec in its canonical layout, keeping every comment.
//!
//! The canonical form:
//! - the file's preamble comments first, then `[codes.N]` tables in ascending code order,
//!   then the services in the order they first appear in the file (a reader groups them by
//!   meaning, not by name), each `[services.S]` followed by its `[services.S.backoff]`
//!   policy, then its overrides in code order;
//! - keys in the order `reason, name, description, retry, reference, status, aliases`
//!   (services: `description, source, codes, unlisted_retry`; back-off policies: `initial,
//!   max, factor, jitter, max_retries`), as `key = value`, values as
//!   written;
//! - each `codes` list sorted, on one line if that fits in 100 columns, else one line per
//!   class (see [`crate::codes_layout`]);
//! - one blank line between tables, none inside one, the file ending in one line break.
//!
//! Comments go with what they are about (see [`crate::layout`]). Only a valid spec is
//! formatted, and the result is checked before it is written: it must hold the same comments
//! and parse to the same spec, else nothing is written.

use std::path::Path;
use std::ptr;

use status_spec::{BACKOFF_KEYS, ENTRY_KEYS, SERVICE_KEYS, Spec};
use toml_edit::{DocumentMut, Item, Key, Table, TableLike, Value};

use crate::cli::FmtArgs;
use crate::error::Failure;
use crate::layout::{self, Line, Prefix};
use crate::load::{self, problems};

use crate::{atomic, codes_layout, comments, diff};

pub(crate) fn run(spec: Option<&Path>, args: &FmtArgs) -> Result<(), Failure> {
    let source = load::writable(spec)?;
    let formatted = format(&source.name, &source.text)?;
    if formatted == source.text {
        return Ok(());
    }
    if args.check {
        print!("{}", diff::unified(&source.name, &source.text, &formatted));
        let name = &source.name;
        return Err(Failure::msg(format!(
            "`{name}` is not formatted; run `status-codes fmt` to fix it"
        )));
    }
    let Some(path) = &source.path else {
        return Ok(());
    };
    atomic::write(path, &source.name, &formatted)
}

/// The canonical text of a valid spec.
pub(crate) fn format(name: &str, text: &str) -> Result<String, Failure> {
    let spec = Spec::parse_named(name, text).map_err(|e| {
        let count = problems(e.diagnostics.len());
        Failure::spec(
            format!("cannot format `{name}`: it is not a valid spec: {count}"),
            e,
        )
    })?;
    let doc: DocumentMut = text
        .parse()
        .map_err(|e| Failure::msg(format!("cannot format `{name}`: {e}")))?;
    let formatted = render(&doc);
    verify(&doc, &spec, &formatted)
        .map(|()| formatted)
        .map_err(|what| {
            Failure::msg(format!(
                "cannot format `{name}` without {what}; the file is left as it is"
            ))
        })
}

/// The safety net: the same comments, and the same spec once parsed.
fn verify(before: &DocumentMut, spec: &Spec, formatted: &str) -> Result<(), &'static str> {
    let after: DocumentMut = formatted.parse().map_err(|_| "breaking its TOML syntax")?;
    if comments::all(before) != comments::all(&after) {
        return Err("losing or duplicating a comment");
    }
    match Spec::parse(formatted) {
        Ok(reparsed) if reparsed == *spec => Ok(()),
        _ => Err("changing its meaning"),
    }
}

/// Where a table goes: the base registry first, by code; then each service (in order of first
/// appearance) followed by its overrides, by code.
type Slot = (u8, usize, u16);

/// One table of the canonical form, with the comments that belong to it.
struct Unit<'a> {
    slot: Slot,
    header: String,
    item: &'a Item,
    keys: &'static [&'static str],
    lead: Vec<Line>,
    header_comment: Option<String>,
    tail: Vec<Line>,
}

impl<'a> Unit<'a> {
    fn new(
        slot: Slot,
        header: String,
        item: &'a Item,
        keys: &'static [&'static str],
        key: Option<&Key>,
    ) -> Self {
        // An entry written inline (`100 = { ... }` under `[codes]`) keeps its comments on its key.
        let lead = key
            .and_then(|k| k.leaf_decor().prefix())
            .and_then(|r| r.as_str())
            .map(layout::lines);
        let lead = lead.map(layout::normalize).unwrap_or_default();
        Unit {
            slot,
            header,
            item,
            keys,
            lead,
            header_comment: None,
            tail: Vec::new(),
        }
    }

    /// The table with a header of its own, if the entry has one.
    fn header_table(&self) -> Option<&'a Table> {
        self.item.as_table().filter(|t| !t.is_dotted())
    }
}

/// The canonical text of a parsed document.
fn render(doc: &DocumentMut) -> String {
    let mut units = collect(doc);
    let (preamble, trailer) = assign_comments(doc, &mut units);
    units.sort_by_key(|u| u.slot);
    emit(&preamble, &units, &trailer)
}

fn collect(doc: &DocumentMut) -> Vec<Unit<'_>> {
    let mut units = Vec::new();
    if let Some(codes) = doc.get("codes").and_then(Item::as_table_like) {
        for (key, item) in codes.iter() {
            let Ok(code) = key.parse::<u16>() else {
                continue;
            };
            units.push(Unit::new(
                (0, 0, code),
                format!("[codes.{code}]"),
                item,
                ENTRY_KEYS,
                codes.key(key),
            ));
        }
    }
    let Some(services) = doc.get("services").and_then(Item::as_table_like) else {
        return units;
    };
    for (index, (name, item)) in services.iter().enumerate() {
        let service = Key::new(name).display_repr().into_owned();
        let header = format!("[services.{service}]");
        units.push(Unit::new(
            (1, index, 0),
            header,
            item,
            SERVICE_KEYS,
            services.key(name),
        ));
        if let Some(backoff) = item.get("backoff").filter(|b| b.is_table_like()) {
            units.push(Unit::new(
                (1, index, 1),
                format!("[services.{service}.backoff]"),
                backoff,
                BACKOFF_KEYS,
                item.as_table_like().and_then(|t| t.key("backoff")),
            ));
        }
        let Some(overrides) = item.get("overrides").and_then(Item::as_table_like) else {
            continue;
        };
        for (key, entry) in overrides.iter() {
            let Ok(code) = key.parse::<u16>() else {
                continue;
            };
            let header = format!("[services.{service}.overrides.{code}]");
            units.push(Unit::new(
                (1, index, code + 1),
                header,
                entry,
                ENTRY_KEYS,
                overrides.key(key),
            ));
        }
    }
    units
}

/// Hands each header's prefix to its owners (see [`crate::layout`]); returns the file's
/// preamble and the comments after the last table. The comments of a header that is no
/// unit of its own (an explicit `[codes]`) go to the next unit.
fn assign_comments(doc: &DocumentMut, units: &mut [Unit<'_>]) -> (Vec<Line>, Vec<Line>) {
    let mut preamble = Vec::new();
    let mut pending = Vec::new();
    let mut previous: Option<usize> = None;
    for (i, table) in header_tables(doc).into_iter().enumerate() {
        let lines = table
            .decor()
            .prefix()
            .and_then(|r| r.as_str())
            .map(layout::lines)
            .unwrap_or_default();
        let prefix = if i == 0 {
            Prefix::split_first(lines)
        } else {
            Prefix::split(lines)
        };
        if i == 0 {
            preamble = prefix.before.clone();
        } else {
            give_tail(units, previous, &mut pending, &prefix.before);
        }
        let comment = table
            .decor()
            .suffix()
            .and_then(|r| r.as_str())
            .and_then(layout::same_line_comment);
        previous = units
            .iter()
            .position(|u| u.header_table().is_some_and(|t| ptr::eq(t, table)));
        let Some(owner) = previous else {
            pending.extend(prefix.own());
            pending.extend(comment.map(Line::Comment));
            continue;
        };
        let unit = &mut units[owner];
        let mut lead = std::mem::take(&mut pending);
        lead.extend(prefix.own());
        lead.append(&mut unit.lead);
        unit.lead = lead;
        unit.header_comment = comment;
    }
    let trailing = doc
        .trailing()
        .as_str()
        .map(layout::lines)
        .unwrap_or_default();
    // Nothing follows the file's last comments, so without a blank line they are a tail.
    let (tail, rest) = match trailing.contains(&Line::Blank) {
        true => layout::split_tail(trailing),
        false => (trailing, Vec::new()),
    };
    give_tail(units, previous, &mut pending, &tail);
    pending.extend(rest);
    (preamble, layout::normalize(pending))
}

fn give_tail(units: &mut [Unit<'_>], owner: Option<usize>, pending: &mut Vec<Line>, tail: &[Line]) {
    match owner {
        Some(i) => units[i].tail.extend_from_slice(tail),
        None => pending.extend_from_slice(tail),
    }
}

/// Every table written with a header, in document order.
fn header_tables(doc: &DocumentMut) -> Vec<&Table> {
    let mut found = Vec::new();
    walk(doc.as_table(), &mut found);
    // Parsed headers carry their position in the file; implicit parents have none.
    found.sort_by_key(|t| t.position());
    found
}

fn walk<'a>(table: &'a Table, found: &mut Vec<&'a Table>) {
    if !table.is_dotted() && table.position().is_some() {
        found.push(table);
    }
    for (_, item) in table.iter() {
        if let Item::Table(child) = item {
            walk(child, found);
        }
    }
}

fn emit(preamble: &[Line], units: &[Unit<'_>], trailer: &[Line]) -> String {
    let mut out = layout::render(&layout::normalize(preamble.to_vec()));
    let mut first = out.is_empty();
    for unit in units {
        if !std::mem::take(&mut first) {
            out.push('\n');
        }
        emit_unit(&mut out, unit);
    }
    if !trailer.is_empty() {
        if !first {
            out.push('\n');
        }
        out.push_str(&layout::render(trailer));
    }
    out
}

fn emit_unit(out: &mut String, unit: &Unit<'_>) {
    out.push_str(&layout::render(&unit.lead));
    out.push_str(&unit.header);
    if let Some(comment) = &unit.header_comment {
        out.push(' ');
        out.push_str(comment);
    }
    out.push('\n');
    if let Some(body) = unit.item.as_table_like() {
        emit_fields(out, body, unit.keys);
    }
    out.push_str(&layout::render(&unit.tail));
}

/// The table's values in canonical key order; keys this tool does not know keep their order
/// at the end (a valid spec has none, but a comment must never be dropped for one).
fn emit_fields(out: &mut String, body: &dyn TableLike, order: &[&str]) {
    // A service's overrides and back-off policy, even when written inline, are tables of
    // their own.
    let subtable = |key: &str, item: &Item| {
        order == SERVICE_KEYS && (key == "overrides" || (key == "backoff" && item.is_table_like()))
    };
    let mut names: Vec<&str> = body
        .iter()
        .filter(|(key, item)| item.is_value() && !subtable(key, item))
        .map(|(k, _)| k)
        .collect();
    names.sort_by_key(|name| order.iter().position(|k| k == name).unwrap_or(order.len()));
    for name in names {
        let Some(value) = body.get(name).and_then(Item::as_value) else {
            continue;
        };
        if let Some(key) = body.key(name) {
            let above = key
                .leaf_decor()
                .prefix()
                .and_then(|r| r.as_str())
                .map(layout::lines);
            let comments: Vec<Line> = above
                .unwrap_or_default()
                .into_iter()
                .filter(|l| *l != Line::Blank)
                .collect();
            out.push_str(&layout::render(&comments));
        }
        let key = if order.contains(&name) {
            name.to_owned()
        } else {
            Key::new(name).display_repr().into_owned()
        };
        out.push_str(&field(&key, value));
    }
}

/// One `key = value` line (or lines), with the comment that trailed it.
fn field(key: &str, value: &Value) -> String {
    let text = match value {
        Value::Array(codes) if key == "codes" => {
            codes_layout::layout(codes).unwrap_or_else(|| verbatim(value))
        }
        _ => verbatim(value),
    };
    let comment = value
        .decor()
        .suffix()
        .and_then(|r| r.as_str())
        .and_then(layout::same_line_comment);
    match comment {
        Some(comment) => format!("{key} = {text} {comment}\n"),
        None => format!("{key} = {text}\n"),
    }
}

/// The value as written, without the spacing around it.
fn verbatim(value: &Value) -> String {
    let mut value = value.clone();
    value.decor_mut().clear();
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        match format("codes.toml", text) {
            Ok(out) => out,
            Err(f) => format!("FAILED: {:?}", f.headline),
        }
    }

    #[test]
    fn sorts_tables_and_keys_and_keeps_comments() {
        let input = "\
#:schema ./codes.schema.json

# lead of 200
[codes.200]
retry = \"never\" # why
reason = \"OK\"
# tail of 200

[codes.100]
# about the reason
reason = \"Continue\"
[services.b]
codes = [404, 200]
[services.a]
codes = [200]
[services.b.overrides.404]
reason = \"Nope\"
[services.b.overrides.200]
reason = \"Fine\"
[codes.404]
reason = \"Not Found\"
# the end
";
        let expected = "\
#:schema ./codes.schema.json

[codes.100]
# about the reason
reason = \"Continue\"

# lead of 200
[codes.200]
reason = \"OK\"
retry = \"never\" # why
# tail of 200

[codes.404]
reason = \"Not Found\"
# the end

[services.b]
codes = [200, 404]

[services.b.overrides.200]
reason = \"Fine\"

[services.b.overrides.404]
reason = \"Nope\"

[services.a]
codes = [200]
";
        assert_eq!(fmt(input), expected);
        assert_eq!(fmt(expected), expected);
    }

    #[test]
    fn long_lists_go_one_line_per_class() {
        let codes: Vec<String> = (400..=431)
            .chain(500..=511)
            .map(|c| c.to_string())
            .collect();
        let base: String = (400..=431)
            .chain(500..=511)
            .map(|c| format!("[codes.{c}]\nreason = \"R{c}\"\n\n"))
            .collect();
        let input = format!("{base}[services.s]\ncodes = [{}]\n", codes.join(", "));
        let out = fmt(&input);
        let list = out.split("codes = ").nth(1).unwrap_or_default();
        let lines: Vec<&str> = list.lines().collect();
        assert_eq!(lines[0], "[");
        assert_eq!(lines.len(), 5, "{list}");
        assert_eq!(lines[1].matches(',').count(), 16);
        assert!(lines.iter().all(|l| l.len() <= codes_layout::MAX_WIDTH));
        assert_eq!(
            lines[3],
            "    500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511,"
        );
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn commented_lists_keep_each_comment_with_its_code() {
        let input = "\
[codes.200]
reason = \"OK\"

[codes.404]
reason = \"Not Found\"

[services.s]
codes = [
    404, # missing
    # the usual
    200,
    # nothing else
]
";
        let expected = "\
[codes.200]
reason = \"OK\"

[codes.404]
reason = \"Not Found\"

[services.s]
codes = [
    # the usual
    200,
    404, # missing
    # nothing else
]
";
        assert_eq!(fmt(input), expected);
    }

    #[test]
    fn inline_entries_become_tables() {
        let input = "[codes]\n# the only one\n200 = { reason = \"OK\", retry = \"never\" }\n";
        assert_eq!(
            fmt(input),
            "# the only one\n[codes.200]\nreason = \"OK\"\nretry = \"never\"\n"
        );
    }

    #[test]
    fn inline_overrides_become_tables() {
        let input = "[codes.200]\nreason = \"OK\"\n\n[services.s]\ncodes = [200]\noverrides = { 200 = { reason = \"Fine\" } }\n";
        let expected = "[codes.200]\nreason = \"OK\"\n\n[services.s]\ncodes = [200]\n\n[services.s.overrides.200]\nreason = \"Fine\"\n";
        assert_eq!(fmt(input), expected);
    }

    #[test]
    fn backoff_follows_its_service_in_key_order() {
        let input = "[codes.200]\nreason = \"OK\"\n\n[services.s.overrides.200]\nreason = \"Fine\"\n\n\
                     # the document's policy\n[services.s.backoff]\njitter = \"none\"\nmax = \"1m\"\ninitial = \"1s\"\n\n\
                     [services.s]\ncodes = [200]\n";
        let expected = "[codes.200]\nreason = \"OK\"\n\n[services.s]\ncodes = [200]\n\n\
                        # the document's policy\n[services.s.backoff]\ninitial = \"1s\"\nmax = \"1m\"\njitter = \"none\"\n\n\
                        [services.s.overrides.200]\nreason = \"Fine\"\n";
        assert_eq!(fmt(input), expected);
        let inline = "[codes.200]\nreason = \"OK\"\n\n[services.s]\ncodes = [200]\nbackoff = { max = \"2s\", initial = \"1s\" }\n";
        assert_eq!(
            fmt(inline),
            "[codes.200]\nreason = \"OK\"\n\n[services.s]\ncodes = [200]\n\n[services.s.backoff]\ninitial = \"1s\"\nmax = \"2s\"\n"
        );
    }

    #[test]
    fn refuses_an_invalid_spec() {
        assert!(
            fmt("[codes.200]\nretry = \"soon\"\n")
                .starts_with("FAILED: Some(\"cannot format `codes.toml`: it is not a valid spec")
        );
    }
}
