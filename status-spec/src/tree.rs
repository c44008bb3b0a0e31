//! Stage 0: TOML text -> a tree of tables that borrows from the text and keeps byte spans.
//!
//! `toml_parser` lexes the text, checks its grammar and decodes strings and numbers; this
//! module adds what the TOML spec says about tables (a key or table defined twice, dotted keys
//! into a `[table]`, arrays of tables, closed inline tables) and local date-times. It replaced
//! the `toml` crate's `DeTable`, which cost most of the time of parsing the shipped spec and
//! pulled `toml`, `toml_datetime` and `serde_spanned` into every user's build (issue 16).
//!
//! It keeps `toml`'s messages word for word, since they reach users as `invalid TOML: ...`,
//! and `toml`'s order: a table's entries are kept sorted by key, as its `BTreeMap` kept them
//! (services by name, codes by key), and everything downstream iterates in that order.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use toml_parser::decoder::Encoding;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ParseError, Source, Span};

/// How deep arrays and inline tables may nest, and how many parts a dotted key may have:
/// `toml`'s limit, so deep input fails with the same message instead of overflowing the stack.
const MAX_DEPTH: u32 = 80;

/// A key as written, decoded, with its span (the quotes included).
#[derive(Debug, Clone)]
pub(crate) struct Key<'i> {
    pub(crate) name: Cow<'i, str>,
    span: Span,
}

impl Key<'_> {
    pub(crate) fn span(&self) -> Range<usize> {
        self.span.start()..self.span.end()
    }
}

/// A value and its span: a `[table]`'s span is its header, an implicit table's the key that
/// made it.
#[derive(Debug)]
pub(crate) struct Value<'i> {
    pub(crate) kind: Kind<'i>,
    span: Span,
}

#[derive(Debug)]
pub(crate) enum Kind<'i> {
    String(Cow<'i, str>),
    /// The digits without prefix or underscores, and their radix.
    Integer(Cow<'i, str>, u32),
    Float(Cow<'i, str>),
    Boolean,
    Datetime(Datetime),
    Array(Array<'i>),
    Table(Table<'i>),
}

#[derive(Debug, Default)]
pub(crate) struct Array<'i> {
    pub(crate) items: Vec<Value<'i>>,
    /// Made by `[[header]]`s: only these may be extended by a later header.
    of_tables: bool,
}

/// Entries sorted by key; a file mostly lists keys in order, so appending is the common case.
#[derive(Debug, Default)]
pub(crate) struct Table<'i> {
    entries: Vec<(Key<'i>, Value<'i>)>,
    /// Made by a dotted key or a header's prefix, not (yet) by its own header.
    implicit: bool,
    /// Made or extended by a dotted key `a.b = 1`: a later `[a]` header is a duplicate.
    dotted: bool,
    /// `{ ... }`: closed once written.
    inline: bool,
}

impl<'i> Value<'i> {
    pub(crate) fn span(&self) -> Range<usize> {
        self.span.start()..self.span.end()
    }

    /// The names `toml` gave the types, which messages show ("found integer").
    pub(crate) fn type_str(&self) -> &'static str {
        match self.kind {
            Kind::String(_) => "string",
            Kind::Integer(..) => "integer",
            Kind::Float(_) => "float",
            Kind::Boolean => "boolean",
            Kind::Datetime(_) => "datetime",
            Kind::Array(_) => "array",
            Kind::Table(_) => "table",
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_table(&self) -> Option<&Table<'i>> {
        match &self.kind {
            Kind::Table(t) => Some(t),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Value<'i>]> {
        match &self.kind {
            Kind::Array(a) => Some(&a.items),
            _ => None,
        }
    }

    /// The digits and their radix.
    pub(crate) fn as_integer(&self) -> Option<(&str, u32)> {
        match &self.kind {
            Kind::Integer(digits, radix) => Some((digits, *radix)),
            _ => None,
        }
    }

    pub(crate) fn as_datetime(&self) -> Option<&Datetime> {
        match &self.kind {
            Kind::Datetime(d) => Some(d),
            _ => None,
        }
    }

    /// What the parser gives for a missing value; only reached after a syntax error.
    fn missing() -> Value<'i> {
        Value {
            kind: Kind::Integer(Cow::Borrowed(""), 10),
            span: Span::new_unchecked(0, 0),
        }
    }
}

impl<'i> Table<'i> {
    /// The entries, sorted by key.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, (Key<'i>, Value<'i>)> {
        self.entries.iter()
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        let Some((last, _)) = self.entries.last() else {
            return Err(0);
        };
        match last.name.as_ref().cmp(name) {
            std::cmp::Ordering::Less => Err(self.entries.len()),
            std::cmp::Ordering::Equal => Ok(self.entries.len() - 1),
            std::cmp::Ordering::Greater => self
                .entries
                .binary_search_by(|(k, _)| k.name.as_ref().cmp(name)),
        }
    }

    /// Adds a key that must be new; a duplicate is reported and dropped.
    fn insert_new(&mut self, key: Key<'i>, value: Value<'i>, errors: &mut Vec<ParseError>) {
        match self.find(&key.name) {
            Ok(i) => errors.push(duplicate(key.span).with_context(self.entries[i].0.span)),
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// The table under `key`, made implicit if absent.
    fn child_index(&mut self, key: &Key<'i>, dotted: bool, inline: bool) -> usize {
        self.find(&key.name).unwrap_or_else(|i| {
            let table = Table {
                implicit: true,
                dotted,
                inline,
                ..Table::default()
            };
            let value = Value {
                kind: Kind::Table(table),
                span: key.span,
            };
            self.entries.insert(i, (key.clone(), value));
            i
        })
    }
}

/// An unquoted key that needs no decoding: `A-Z a-z 0-9 - _` only, as the decoder requires.
/// Most keys are; skipping the decoder for them was a tenth of parsing the shipped spec.
fn plain_key(raw: &str) -> Option<&str> {
    let plain = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    (!raw.is_empty() && raw.bytes().all(plain)).then_some(raw)
}

/// The text of a `"basic string"` without escapes or characters the decoder rejects
/// (controls other than tab, DEL), which is therefore its own value.
fn plain_basic(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    // A fold without early exit, so the compiler checks many bytes at once.
    let bad = |b: u8| (b < 0x20 && b != b'\t') | (b == b'"') | (b == b'\\') | (b == 0x7f);
    let any_bad = inner.bytes().fold(false, |found, b| found | bad(b));
    (!any_bad).then_some(inner)
}

fn duplicate(key: Span) -> ParseError {
    ParseError::new("duplicate key").with_unexpected(key)
}

fn cannot_extend(what: &str, key: Span) -> ParseError {
    ParseError::new(format!(
        "cannot extend value of type {what} with a dotted key"
    ))
    .with_unexpected(key)
}

/// Parses a document; the errors are in the order found, grammar errors first. After an error
/// the tree is incomplete.
pub(crate) fn parse(input: &str) -> (Table<'_>, Vec<ParseError>) {
    let source = Source::new(input);
    let tokens = source.lex().into_vec();
    let mut events = Vec::with_capacity(tokens.len());
    let mut errors = Vec::new();
    let mut checked = ValidateWhitespace::new(&mut events, source);
    let mut guarded = RecursionGuard::new(&mut checked, MAX_DEPTH);
    toml_parser::parser::parse_document(&tokens, &mut guarded, &mut errors);
    let mut walk = Walk {
        events: &events,
        pos: 0,
        source,
        errors: &mut errors,
    };
    let root = walk.document();
    (root, errors)
}

/// A `[header]` or `[[header]]`.
struct Header<'i> {
    path: Vec<Key<'i>>,
    key: Option<Key<'i>>,
    span: Span,
    is_array: bool,
}

/// Where keys and values go while walking the document.
#[derive(Default)]
struct Doc<'i> {
    root: Table<'i>,
    /// The table of the last header, detached from `root` until the next header.
    current: Table<'i>,
    header: Option<Header<'i>>,
}

/// A cursor over the parser's events.
struct Walk<'e, 'i> {
    events: &'e [Event],
    pos: usize,
    source: Source<'i>,
    errors: &'e mut Vec<ParseError>,
}

impl<'i> Walk<'_, 'i> {
    fn next(&mut self) -> Option<Event> {
        let event = self.events.get(self.pos).copied();
        self.pos += usize::from(event.is_some());
        event
    }

    fn peek(&self, ahead: usize) -> Option<EventKind> {
        self.events.get(self.pos + ahead).map(Event::kind)
    }

    fn document(&mut self) -> Table<'i> {
        let mut doc = Doc::default();
        while let Some(event) = self.next() {
            let go_on = match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    self.finish_table(&mut doc);
                    let header = self.header(event);
                    self.start_table(&mut doc, header);
                    true
                }
                EventKind::SimpleKey => self.key_value(&mut doc, event).is_some(),
                _ => true,
            };
            if !go_on {
                break;
            }
        }
        self.finish_table(&mut doc);
        doc.root
    }

    /// `key = value` at the document level; `None` when the parser gave up on the line.
    fn key_value(&mut self, doc: &mut Doc<'i>, first: Event) -> Option<()> {
        let (path, key) = self.key(first);
        let key = key?;
        let mut sep = self.next()?;
        if sep.kind() == EventKind::Whitespace {
            sep = self.next()?;
        }
        if sep.kind() != EventKind::KeyValSep {
            return None;
        }
        if self.peek(0) == Some(EventKind::Whitespace) {
            self.pos += 1;
        }
        let value = self.value();
        let dotted = !path.is_empty();
        let errors = &mut *self.errors;
        match descend(&mut doc.current, &path, dotted, errors) {
            Some(parent) if dotted && !parent.implicit => errors.push(duplicate(key.span)),
            Some(parent) => parent.insert_new(key, value, errors),
            None => {}
        }
        Some(())
    }

    /// A simple or dotted key: the path before the last part, and the last part (`None` past
    /// the depth limit).
    fn key(&mut self, first: Event) -> (Vec<Key<'i>>, Option<Key<'i>>) {
        let mut path = Vec::new();
        let mut last = None;
        let mut pending = Some(first);
        if self.more_key() {
            while let Some(event) = self.next() {
                match event.kind() {
                    EventKind::SimpleKey => {
                        pending = Some(event);
                        if !self.more_key() {
                            break;
                        }
                    }
                    EventKind::KeySep => self.close_key(&mut pending, &mut path, &mut last),
                    _ => {}
                }
            }
        }
        self.close_key(&mut pending, &mut path, &mut last);
        if path.len() >= MAX_DEPTH as usize {
            self.errors.push(ParseError::new("recursion limit"));
            return (Vec::new(), None);
        }
        (path, last)
    }

    fn more_key(&self) -> bool {
        match self.peek(0) {
            Some(EventKind::KeySep) => true,
            Some(EventKind::Whitespace) => self.peek(1) == Some(EventKind::KeySep),
            _ => false,
        }
    }

    fn close_key(
        &mut self,
        pending: &mut Option<Event>,
        path: &mut Vec<Key<'i>>,
        last: &mut Option<Key<'i>>,
    ) {
        let Some(event) = pending.take() else {
            return;
        };
        let mut name = Cow::Borrowed("");
        if let Some(raw) = self.source.get(event) {
            match plain_key(raw.as_str()).filter(|_| event.encoding().is_none()) {
                Some(plain) => name = Cow::Borrowed(plain),
                None => raw.decode_key(&mut name, self.errors),
            }
        }
        let key = Key {
            name,
            span: event.span(),
        };
        path.extend(last.replace(key));
    }

    fn header(&mut self, open: Event) -> Header<'i> {
        let mut header = Header {
            path: Vec::new(),
            key: None,
            span: open.span(),
            is_array: open.kind() == EventKind::ArrayTableOpen,
        };
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableClose | EventKind::ArrayTableClose => {
                    header.span = header.span.append(event.span());
                    break;
                }
                EventKind::SimpleKey => (header.path, header.key) = self.key(event),
                _ => {}
            }
        }
        header
    }

    /// Detaches the table a `[header]` names, if dotted keys or longer headers made it, so
    /// the lines below fill it; a table defined twice is reported here, at the second header.
    fn start_table(&mut self, doc: &mut Doc<'i>, header: Header<'i>) {
        if !header.is_array {
            let parent = descend(&mut doc.root, &header.path, false, self.errors);
            if let (Some(parent), Some(key)) = (parent, &header.key) {
                if let Ok(i) = parent.find(&key.name) {
                    let (old_key, old) = parent.entries.remove(i);
                    match old.kind {
                        Kind::Table(t) if t.implicit && !t.dotted => doc.current = t,
                        kind => {
                            let error = duplicate(key.span).with_context(old_key.span);
                            self.errors.push(error);
                            if let Kind::Table(t) = kind {
                                doc.current = t;
                            }
                        }
                    }
                }
            }
        }
        doc.current.implicit = false;
        doc.current.dotted = false;
        doc.header = Some(header);
    }

    /// Attaches the table filled since the last header to the tree.
    fn finish_table(&mut self, doc: &mut Doc<'i>) {
        let table = std::mem::take(&mut doc.current);
        let Some(header) = doc.header.take() else {
            doc.root = table;
            return;
        };
        let Some(key) = header.key else {
            return;
        };
        let value = Value {
            kind: Kind::Table(table),
            span: header.span,
        };
        let errors = &mut *self.errors;
        let Some(parent) = descend(&mut doc.root, &header.path, false, errors) else {
            return;
        };
        if !header.is_array {
            match parent.find(&key.name) {
                Ok(i) => parent.entries[i].1 = value,
                Err(i) => parent.entries.insert(i, (key, value)),
            }
            return;
        }
        let i = parent.find(&key.name).unwrap_or_else(|i| {
            let array = Array {
                items: Vec::new(),
                of_tables: true,
            };
            let value = Value {
                kind: Kind::Array(array),
                span: header.span,
            };
            parent.entries.insert(i, (key.clone(), value));
            i
        });
        let slot = &mut parent.entries[i].1;
        match &mut slot.kind {
            Kind::Array(array) if array.of_tables => array.items.push(value),
            _ => errors.push(duplicate(key.span).with_context(slot.span)),
        }
    }

    fn value(&mut self) -> Value<'i> {
        match self.next() {
            Some(event) if event.kind() == EventKind::InlineTableOpen => self.inline_table(event),
            Some(event) if event.kind() == EventKind::ArrayOpen => self.array(event),
            Some(event) if event.kind() == EventKind::Scalar => self.scalar(event),
            _ => Value::missing(),
        }
    }

    fn scalar(&mut self, event: Event) -> Value<'i> {
        use toml_parser::decoder::ScalarKind;
        let Some(raw) = self.source.get(event) else {
            return Value::missing();
        };
        if event.encoding() == Some(Encoding::BasicString) {
            if let Some(plain) = plain_basic(raw.as_str()) {
                return Value {
                    kind: Kind::String(Cow::Borrowed(plain)),
                    span: event.span(),
                };
            }
        }
        let mut text = Cow::Borrowed("");
        let kind = match raw.decode_scalar(&mut text, self.errors) {
            ScalarKind::String => Kind::String(text),
            ScalarKind::Boolean(_) => Kind::Boolean,
            ScalarKind::Float => Kind::Float(text),
            ScalarKind::Integer(radix) => Kind::Integer(text, radix.value()),
            ScalarKind::DateTime => Kind::Datetime(Datetime::parse(&text).unwrap_or_else(|e| {
                let error = ParseError::new(e.to_string()).with_unexpected(event.span());
                self.errors.push(error);
                Datetime::default()
            })),
        };
        Value {
            kind,
            span: event.span(),
        }
    }

    fn array(&mut self, open: Event) -> Value<'i> {
        let mut array = Array::default();
        let mut pending = None;
        let mut end = open.span();
        while let Some(event) = self.next() {
            end = event.span();
            match event.kind() {
                EventKind::InlineTableOpen => pending = Some(self.inline_table(event)),
                EventKind::ArrayOpen => pending = Some(self.array(event)),
                EventKind::Scalar => pending = Some(self.scalar(event)),
                EventKind::ValueSep => array.items.extend(pending.take()),
                EventKind::ArrayClose => {
                    array.items.extend(pending.take());
                    break;
                }
                EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                _ => break,
            }
        }
        Value {
            kind: Kind::Array(array),
            span: open.span().append(end),
        }
    }

    fn inline_table(&mut self, open: Event) -> Value<'i> {
        let mut table = Table {
            inline: true,
            ..Table::default()
        };
        let mut key = None;
        let mut pending = None;
        let mut end = open.span();
        while let Some(event) = self.next() {
            end = event.span();
            match event.kind() {
                EventKind::SimpleKey => {
                    if let (path, Some(last)) = self.key(event) {
                        key = Some((path, last));
                    }
                }
                EventKind::InlineTableOpen => pending = Some(self.inline_table(event)),
                EventKind::ArrayOpen => pending = Some(self.array(event)),
                EventKind::Scalar => pending = Some(self.scalar(event)),
                EventKind::ValueSep => self.inline_entry(&mut table, key.take(), pending.take()),
                EventKind::InlineTableClose => {
                    self.inline_entry(&mut table, key.take(), pending.take());
                    break;
                }
                EventKind::KeyValSep
                | EventKind::Whitespace
                | EventKind::Comment
                | EventKind::Newline
                | EventKind::Error => {}
                _ => break,
            }
        }
        Value {
            kind: Kind::Table(table),
            span: open.span().append(end),
        }
    }

    fn inline_entry(
        &mut self,
        table: &mut Table<'i>,
        key: Option<(Vec<Key<'i>>, Key<'i>)>,
        value: Option<Value<'i>>,
    ) {
        let (Some((path, key)), Some(value)) = (key, value) else {
            return;
        };
        let errors = &mut *self.errors;
        let Some(parent) = descend_inline(table, &path, errors) else {
            return;
        };
        if parent.dotted == path.is_empty() {
            errors.push(duplicate(key.span));
            return;
        }
        parent.insert_new(key, value, errors);
    }
}

/// The table a dotted key or a header's prefix leads to, made implicit where absent; through
/// an array of tables, its last table.
fn descend<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    dotted: bool,
    errors: &mut Vec<ParseError>,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let i = table.child_index(key, dotted, false);
        let slot = &mut table.entries[i].1;
        if let Some(error) = closed(slot, key.span, dotted) {
            errors.push(error);
            return None;
        }
        table = match &mut slot.kind {
            Kind::Table(child) => {
                child.dotted |= dotted;
                child
            }
            Kind::Array(array) => match array.items.last_mut() {
                Some(Value {
                    kind: Kind::Table(last),
                    ..
                }) => last,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(table)
}

/// Why a key cannot lead through `slot` (a value that is not a table, an inline table, a
/// `[table]` reached by a dotted key), or `None` when [`descend`] may go on.
fn closed(slot: &Value<'_>, key: Span, dotted: bool) -> Option<ParseError> {
    let old = slot.span;
    match &slot.kind {
        Kind::Table(child) if child.inline => Some(cannot_extend("inline table", key)),
        Kind::Table(child) if dotted && !child.implicit => Some(duplicate(key)),
        Kind::Table(_) => None,
        Kind::Array(array) if array.of_tables => match array.items.last() {
            Some(last) if last.as_table().is_some() => None,
            Some(last) => Some(cannot_extend(last.type_str(), key).with_context(old)),
            None => Some(cannot_extend("array", key).with_context(old)),
        },
        _ => Some(cannot_extend(slot.type_str(), key).with_context(old)),
    }
}

/// Like [`descend`], inside an inline table: only dotted keys, and tables they made.
fn descend_inline<'t, 'i>(
    mut table: &'t mut Table<'i>,
    path: &[Key<'i>],
    errors: &mut Vec<ParseError>,
) -> Option<&'t mut Table<'i>> {
    for key in path {
        let i = table.child_index(key, true, true);
        let slot = &mut table.entries[i].1;
        let (old, found) = (slot.span, slot.type_str());
        table = match &mut slot.kind {
            Kind::Table(child) if child.implicit => child,
            Kind::Table(_) => {
                errors.push(duplicate(key.span));
                return None;
            }
            _ => {
                errors.push(cannot_extend(found, key.span).with_context(old));
                return None;
            }
        };
    }
    Some(table)
}

/// A TOML date-time as written: a local date, a local time, or both with or without an offset.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Datetime {
    /// Year, month, day.
    pub(crate) date: Option<(u16, u8, u8)>,
    pub(crate) time: Option<Time>,
    pub(crate) offset: Option<Offset>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Time {
    hour: u8,
    minute: u8,
    second: Option<u8>,
    nanosecond: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offset {
    Z,
    Minutes(i16),
}

/// Why a date-time is invalid: `toml_datetime`'s wording, "invalid WHAT, expected EXPECTED".
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DatetimeError {
    what: Option<&'static str>,
    expected: Option<&'static str>,
}

impl fmt::Display for DatetimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}", self.what.unwrap_or("datetime"))?;
        match self.expected {
            Some(expected) => write!(f, ", expected {expected}"),
            None => Ok(()),
        }
    }
}

fn invalid(what: &'static str, expected: &'static str) -> DatetimeError {
    DatetimeError {
        what: Some(what),
        expected: Some(expected),
    }
}

/// The pieces of a date-time: runs of digits and single punctuation; anything else ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'s> {
    Digits(&'s str),
    Sep(u8),
    Other,
}

#[derive(Clone, Copy)]
struct Pieces<'s>(&'s str);

impl<'s> Pieces<'s> {
    fn next(&mut self) -> Option<Piece<'s>> {
        let first = *self.0.as_bytes().first()?;
        let len = match first {
            b'0'..=b'9' => self.0.bytes().take_while(u8::is_ascii_digit).count(),
            b'-' | b':' | b'.' | b'+' | b' ' | b'T' | b't' | b'Z' | b'z' => 1,
            _ => self.0.len(),
        };
        let (piece, rest) = self.0.split_at(len);
        self.0 = rest;
        Some(match first {
            b'0'..=b'9' => Piece::Digits(piece),
            b'-' | b':' | b'.' | b'+' | b' ' => Piece::Sep(first),
            b'T' | b't' => Piece::Sep(b'T'),
            b'Z' | b'z' => Piece::Sep(b'Z'),
            _ => Piece::Other,
        })
    }

    fn peek(&self) -> Option<Piece<'s>> {
        self.clone().next()
    }

    fn digits(
        &mut self,
        what: &'static str,
        expected: &'static str,
    ) -> Result<&'s str, DatetimeError> {
        match self.next() {
            Some(Piece::Digits(d)) => Ok(d),
            _ => Err(invalid(what, expected)),
        }
    }

    fn sep(
        &mut self,
        sep: u8,
        what: &'static str,
        expected: &'static str,
    ) -> Result<(), DatetimeError> {
        match self.next() {
            Some(Piece::Sep(s)) if s == sep => Ok(()),
            _ => Err(invalid(what, expected)),
        }
    }
}

/// The value of a run of at most a few digits (callers check the length first).
fn number(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// `digits` of the exact length, or the error naming it.
fn sized(
    digits: &str,
    len: usize,
    what: &'static str,
    expected: &'static str,
) -> Result<u32, DatetimeError> {
    if digits.len() == len {
        Ok(number(digits))
    } else {
        Err(invalid(what, expected))
    }
}

impl Datetime {
    /// Parses what the TOML lexer took for a date-time, checking what it does not: lengths,
    /// ranges and days of the month.
    pub(crate) fn parse(text: &str) -> Result<Datetime, DatetimeError> {
        let mut pieces = Pieces(text);
        let mut datetime = Datetime::default();
        let Some(Piece::Digits(first)) = pieces.next() else {
            return Err(DatetimeError {
                what: None,
                expected: Some("year or hour"),
            });
        };
        match pieces.next() {
            Some(Piece::Sep(b'-')) => datetime.date = Some(date(first, &mut pieces)?),
            Some(Piece::Sep(b':')) => pieces = Pieces(text),
            _ => {
                return Err(DatetimeError {
                    what: None,
                    expected: Some("`-` (YYYY-MM) or `:` (HH:MM)"),
                });
            }
        }
        let has_time = datetime.date.is_none()
            || match pieces.next() {
                Some(Piece::Sep(b'T' | b' ')) => true,
                Some(_) => return Err(invalid("date-time", "`T` between date and time")),
                None => false,
            };
        if has_time {
            datetime.time = Some(time(&mut pieces)?);
        }
        if datetime.date.is_some() && datetime.time.is_some() {
            datetime.offset = offset(&mut pieces)?;
        }
        if pieces.0.is_empty() {
            Ok(datetime)
        } else {
            Err(DatetimeError {
                what: None,
                expected: None,
            })
        }
    }
}

fn date(year: &str, pieces: &mut Pieces<'_>) -> Result<(u16, u8, u8), DatetimeError> {
    let month = pieces.digits("date", "month")?;
    pieces.sep(b'-', "date", "`-` (MM-DD)")?;
    let day = pieces.digits("date", "day")?;
    let year = sized(year, 4, "date", "a four-digit year (YYYY)")?;
    let month = sized(month, 2, "date", "a two-digit month (MM)")?;
    let day = sized(day, 2, "date", "a two-digit day (DD)")?;
    if !(1..=12).contains(&month) {
        return Err(invalid("date", "month between 01 and 12"));
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let (last, expected) = match month {
        2 if leap => (29, "day between 01 and 29"),
        2 => (28, "day between 01 and 28"),
        4 | 6 | 9 | 11 => (30, "day between 01 and 30"),
        _ => (31, "day between 01 and 31"),
    };
    if !(1..=last).contains(&day) {
        return Err(invalid("date", expected));
    }
    // Four and two digits: the casts cannot truncate.
    Ok((year as u16, month as u8, day as u8))
}

fn time(pieces: &mut Pieces<'_>) -> Result<Time, DatetimeError> {
    let hour = pieces.digits("time", "hour")?;
    pieces.sep(b':', "time", "`:` (HH:MM)")?;
    let minute = pieces.digits("time", "minute")?;
    let mut second = None;
    let mut fraction = None;
    if pieces.peek() == Some(Piece::Sep(b':')) {
        pieces.next();
        second = Some(pieces.digits("time", "second")?);
        if pieces.peek() == Some(Piece::Sep(b'.')) {
            pieces.next();
            fraction = Some(pieces.digits("time", "nanosecond")?);
        }
    }
    let hour = sized(hour, 2, "time", "a two-digit hour (HH)")?;
    let minute = sized(minute, 2, "time", "a two-digit minute (MM)")?;
    let second = match second {
        Some(s) => Some(sized(s, 2, "time", "a two-digit second (SS)")?),
        None => None,
    };
    if hour > 23 {
        return Err(invalid("time", "hour between 00 and 23"));
    }
    if minute > 59 {
        return Err(invalid("time", "minute between 00 and 59"));
    }
    if second.unwrap_or(0) > 60 {
        return Err(invalid("time", "second between 00 and 60"));
    }
    Ok(Time {
        hour: hour as u8,
        minute: minute as u8,
        second: second.map(|s| s as u8),
        nanosecond: fraction.map(nanoseconds),
    })
}

/// `.5` is 500 000 000 ns; digits past the ninth are dropped.
fn nanoseconds(fraction: &str) -> u32 {
    let nine: String = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(9)
        .collect();
    number(&nine)
}

fn offset(pieces: &mut Pieces<'_>) -> Result<Option<Offset>, DatetimeError> {
    let sign = match pieces.next() {
        None => return Ok(None),
        Some(Piece::Sep(b'Z')) => return Ok(Some(Offset::Z)),
        Some(Piece::Sep(b'+')) => 1,
        Some(Piece::Sep(b'-')) => -1,
        Some(_) => return Err(invalid("offset", "`Z`, +OFFSET, -OFFSET")),
    };
    let hours = pieces.digits("offset", "hour")?;
    pieces.sep(b':', "offset", "`:` (HH:MM)")?;
    let minutes = pieces.digits("offset", "minute")?;
    let hours = sized(hours, 2, "offset", "a two-digit hour (HH)")?;
    let minutes = sized(minutes, 2, "offset", "a two-digit minute (MM)")?;
    if hours > 23 {
        return Err(invalid("offset", "hours between 00 and 23"));
    }
    if minutes > 59 {
        return Err(invalid("offset", "minutes between 00 and 59"));
    }
    // At most 23 * 60 + 59: fits an i16.
    Ok(Some(Offset::Minutes(sign * (hours * 60 + minutes) as i16)))
}

/// Written back the way `toml_datetime` wrote it: `T` between date and time, seconds shown
/// when there is a fraction, the fraction without trailing zeros, `Z` or `+HH:MM`.
impl fmt::Display for Datetime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((year, month, day)) = self.date {
            write!(f, "{year:04}-{month:02}-{day:02}")?;
        }
        if let Some(time) = self.time {
            if self.date.is_some() {
                f.write_str("T")?;
            }
            write!(f, "{:02}:{:02}", time.hour, time.minute)?;
            let second = time.second.or(time.nanosecond.map(|_| 0));
            if let Some(second) = second {
                write!(f, ":{second:02}")?;
            }
            if let Some(ns) = time.nanosecond {
                let digits = format!("{ns:09}");
                let digits = digits.trim_end_matches('0');
                let digits = if digits.is_empty() { "0" } else { digits };
                write!(f, ".{digits}")?;
            }
        }
        match self.offset {
            Some(Offset::Z) => f.write_str("Z"),
            Some(Offset::Minutes(m)) => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
            }
            None => Ok(()),
        }
    }
}

/// The tree against the `toml` crate it replaced: the same errors with the same spans, and
/// for valid documents the same keys, order, spans, types and values.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::toml_message;
    use proptest::prelude::*;
    use toml::Spanned;
    use toml::de::{DeTable, DeValue};

    fn errors(input: &str) -> Vec<(String, Option<Range<usize>>)> {
        parse(input)
            .1
            .iter()
            .map(|e| (toml_message(e), e.unexpected().map(|s| s.start()..s.end())))
            .collect()
    }

    fn same_value(mine: &Value<'_>, theirs: &Spanned<DeValue<'_>>, at: &str) {
        assert_eq!(mine.span(), theirs.span(), "span of {at}");
        let theirs = theirs.get_ref();
        assert_eq!(mine.type_str(), theirs.type_str(), "type of {at}");
        match (&mine.kind, theirs) {
            (Kind::String(a), DeValue::String(b)) => assert_eq!(a, b, "{at}"),
            (Kind::Integer(a, r), DeValue::Integer(b)) => {
                assert_eq!((a.as_ref(), *r), (b.as_str(), b.radix()), "{at}")
            }
            (Kind::Float(a), DeValue::Float(b)) => assert_eq!(a.as_ref(), b.as_str(), "{at}"),
            (Kind::Boolean, DeValue::Boolean(_)) => {}
            (Kind::Datetime(a), DeValue::Datetime(b)) => {
                assert_eq!(a.to_string(), b.to_string(), "{at}")
            }
            (Kind::Array(a), DeValue::Array(b)) => {
                assert_eq!(a.items.len(), b.len(), "length of {at}");
                for (i, (x, y)) in a.items.iter().zip(b.iter()).enumerate() {
                    same_value(x, y, &format!("{at}[{i}]"));
                }
            }
            (Kind::Table(a), DeValue::Table(b)) => same_table(a, b, at),
            _ => unreachable!("type_str compared equal at {at}"),
        }
    }

    fn same_table(mine: &Table<'_>, theirs: &DeTable<'_>, at: &str) {
        let keys: Vec<&str> = mine.iter().map(|(k, _)| k.name.as_ref()).collect();
        let their_keys: Vec<&str> = theirs.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        assert_eq!(keys, their_keys, "keys of {at}");
        for ((k, v), (tk, tv)) in mine.iter().zip(theirs.iter()) {
            let at = format!("{at}.{}", k.name);
            assert_eq!(k.span(), tk.span(), "key span of {at}");
            same_value(v, tv, &at);
        }
    }

    /// Panics where the tree and `toml` disagree on `input`.
    fn same_as_toml(input: &str) {
        let (theirs, their_errors) = DeTable::parse_recoverable(input);
        let their_errors: Vec<_> = their_errors
            .iter()
            .map(|e| (e.message().to_owned(), e.span()))
            .collect();
        assert_eq!(errors(input), their_errors, "errors of {input:?}");
        if their_errors.is_empty() {
            same_table(&parse(input).0, theirs.get_ref(), "<root>");
        }
    }

    #[test]
    fn the_shipped_spec_and_the_seeds_read_as_toml_read_them() {
        same_as_toml(crate::EMBEDDED_SOURCE);
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/seeds");
        for entry in std::fs::read_dir(seeds).expect("the seeds folder exists") {
            let path = entry.expect("readable entry").path();
            same_as_toml(&std::fs::read_to_string(&path).expect("UTF-8 seed"));
        }
    }

    /// Each error the tree itself reports, with its line:column (1-based, of the span start).
    #[test]
    fn table_rules_are_reported_where_toml_reported_them() {
        let cases: &[(&str, &str, (usize, usize))] = &[
            ("a = 1\na = 2\n", "duplicate key", (2, 1)),
            ("[a]\n[a]\n", "duplicate key", (2, 2)),
            ("a.b = 1\n[a.b]\n", "duplicate key", (2, 4)),
            ("a.b = 1\n[a]\n", "duplicate key", (2, 2)),
            ("[a]\nb = 1\n[a.b]\n", "duplicate key", (3, 4)),
            ("[a.b]\n[a]\nb.c = 1\n", "duplicate key", (3, 1)),
            ("[[a]]\n[a]\n", "duplicate key", (2, 2)),
            ("[a]\n[[a]]\n", "duplicate key", (2, 3)),
            ("a = [1]\n[[a]]\n", "duplicate key", (2, 3)),
            (
                "a = 1\na.b = 2\n",
                "cannot extend value of type integer with a dotted key",
                (2, 1),
            ),
            (
                "a = [1]\n[a.b]\n",
                "cannot extend value of type array with a dotted key",
                (2, 2),
            ),
            (
                "a = {b = 1}\na.c = 2\n",
                "cannot extend value of type inline table with a dotted key",
                (2, 1),
            ),
            ("a = {b = 1, b = 2}\n", "duplicate key", (1, 13)),
            (
                "a = {b = 1, b.c = 2}\n",
                "cannot extend value of type integer with a dotted key",
                (1, 13),
            ),
            ("a = {b = {c = 1}, b.d = 2}\n", "duplicate key", (1, 19)),
            (
                "a = 2026-02-29\n",
                "invalid date, expected day between 01 and 28",
                (1, 5),
            ),
            (
                "a = 2026-11-13T25:00:00\n",
                "invalid time, expected hour between 00 and 23",
                (1, 5),
            ),
            (
                "a = 2026-11-13T10:00:00+24:00\n",
                "invalid offset, expected hours between 00 and 23",
                (1, 5),
            ),
            (
                "a = 2026-13-01\n",
                "invalid date, expected month between 01 and 12",
                (1, 5),
            ),
        ];
        for &(input, message, (line, column)) in cases {
            same_as_toml(input);
            let found = errors(input);
            let Some((first, Some(span))) = found.first() else {
                panic!("no error with a span for {input:?}: {found:?}");
            };
            let before = &input[..span.start];
            let at_line = before.matches('\n').count() + 1;
            let at_column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
            assert_eq!(
                (first.as_str(), (at_line, at_column)),
                (message, (line, column)),
                "{input:?}"
            );
        }
    }

    /// Deep input stops at toml's limits with toml's messages, without overflowing the stack.
    #[test]
    fn depth_limits_match_toml() {
        let dotted = format!("{} = 1\n", vec!["a"; 81].join("."));
        same_as_toml(&dotted);
        assert_eq!(errors(&dotted), [("recursion limit".to_owned(), None)]);
        let header = format!("[{}]\n", vec!["a"; 81].join("."));
        same_as_toml(&header);
        let nested = format!("a = {}1{}\n", "[".repeat(200), "]".repeat(200));
        same_as_toml(&nested);
        let found = errors(&nested);
        assert!(
            found
                .iter()
                .any(|(m, _)| m.starts_with("cannot recurse further")),
            "{found:?}"
        );
        let inline = format!("a = {}{}\n", "{b = ".repeat(100), "}".repeat(100));
        same_as_toml(&inline);
    }

    #[test]
    fn datetimes_read_and_print_as_toml_did() {
        for text in [
            "2026-11-13",
            "2024-02-29",
            "2026-11-13T10:00:00",
            "2026-11-13t10:00",
            "2026-11-13 10:00:00.500",
            "2026-11-13T10:00:00.1234567891Z",
            "2026-11-13T10:00:00z",
            "2026-11-13T10:00:00-07:30",
            "10:00:00",
            "10:00",
            "10:00:60.000",
            "2026-11-13T10:00:00+00:00",
        ] {
            same_as_toml(&format!("a = {text}\n"));
            let parsed = Datetime::parse(text).expect(text);
            let theirs: toml_datetime::Datetime = text.parse().expect(text);
            assert_eq!(parsed.to_string(), theirs.to_string(), "{text}");
        }
        for text in [
            "",
            "x",
            "2026",
            "2026-",
            "2026-1",
            "2026-11",
            "2026-11-",
            "2026-11-1",
            "202-11-13",
            "2026-011-13",
            "2026-11-130",
            "2026-00-10",
            "2026-04-31",
            "2100-02-29",
            "2026-11-13X",
            "2026-11-13T",
            "2026-11-13T1",
            "2026-11-13T10",
            "2026-11-13T10:",
            "2026-11-13T1:00",
            "2026-11-13T10:0",
            "2026-11-13T10:00:",
            "2026-11-13T10:00:0",
            "2026-11-13T10:00:00.",
            "2026-11-13T10:60",
            "2026-11-13T10:00:61",
            "2026-11-13T10:00+01:00",
            "2026-11-13T10:00:00+",
            "2026-11-13T10:00:00+1:00",
            "2026-11-13T10:00:00+01",
            "2026-11-13T10:00:00+01:",
            "2026-11-13T10:00:00+01:0",
            "2026-11-13T10:00:00+01:60",
            "2026-11-13T10:00:00Zx",
            "2026-11-13T10:00:00x",
            "10",
            "10:",
            "10:00:00Z",
            "10:00x",
            "1-",
            "10:00é",
            "2026-11-13T10:00:00.12é",
        ] {
            let mine = Datetime::parse(text)
                .map(|d| d.to_string())
                .map_err(|e| e.to_string());
            let theirs = text
                .parse::<toml_datetime::Datetime>()
                .map(|d| d.to_string())
                .map_err(|e| e.to_string());
            assert_eq!(mine, theirs, "{text:?}");
        }
    }

    /// Pieces of TOML that meet each other in every order: keys, dots, headers, values of
    /// each type, inline tables and arrays, comments, bad escapes.
    const PIECES: &[&str] = &[
        "a",
        "b",
        "c",
        "\"a\"",
        "'b'",
        "\"a.b\"",
        "\"\\u00e9\"",
        "\"\\q\"",
        ".",
        " . ",
        " ",
        "=",
        " = ",
        "\n",
        "\r\n",
        "\t",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "{ ",
        " }",
        ",",
        ", ",
        "1",
        "-7",
        "0x1F4",
        "0o17",
        "0b101",
        "1_000",
        "01",
        "1.5",
        "6e2",
        "inf",
        "nan",
        "true",
        "false",
        "2026-11-13",
        "2026-02-29",
        "10:00:00",
        "2026-11-13T10:00:00Z",
        "1979-05-27 07:32:00.999-07:00",
        "\"\"\"x\\\n  y\"\"\"",
        "'''z'''",
        "\"s\"",
        "'l'",
        "# c",
        "codes",
        "404",
        "[codes.404]\n",
        "[[a]]\n",
        "[a.b]\n",
        "a.b = 1\n",
        "x = [",
        "é",
        "\u{7f}",
        "\"a\u{7f}\"",
        "\"\tb\"",
        "\"c\u{1}\"",
        "a-b_9",
        "\"\"",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn pieces_of_toml_read_as_toml_read_them(
            picks in prop::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let input: String = picks.iter().map(|&i| PIECES[i]).collect();
            same_as_toml(&input);
        }

        #[test]
        fn lines_of_key_values_read_as_toml_read_them(
            lines in prop::collection::vec(
                (prop::sample::select(&["a", "b", "a.b", "b.a", "a.c", "[a]", "[b]", "[a.b]",
                    "[[a]]", "[[a.b]]", "[[b]]", "a.b.c", "\"a\".b"][..]),
                 prop::sample::select(&["1", "{}", "{c = 1}", "{b.c = 1}", "[]", "[{}]",
                    "\"s\"", "2026-11-13"][..])),
                0..12)
        ) {
            let input: String = lines
                .iter()
                .map(|(key, value)| if key.starts_with('[') {
                    format!("{key}\n")
                } else {
                    format!("{key} = {value}\n")
                })
                .collect();
            same_as_toml(&input);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Near-valid documents: the shipped spec with lines moved, repeated or cut short.
        #[test]
        fn edited_spec_reads_as_toml_read_it(
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..3u8), 1..4)
        ) {
            let mut lines: Vec<&str> = crate::EMBEDDED_SOURCE.lines().collect();
            for (at, from, how) in &edits {
                let (at, from) = (at.index(lines.len()), from.index(lines.len()));
                match how {
                    0 => lines.insert(at, lines[from]),
                    1 => { lines.remove(at); }
                    _ => lines[at] = lines[at].get(..lines[at].len() / 2).unwrap_or_default(),
                }
            }
            same_as_toml(&lines.join("\n"));
        }
    }
}
