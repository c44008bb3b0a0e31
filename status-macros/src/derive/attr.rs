//! Typed `#[status(..)]` values, each beside the tokens it came from so later errors can
//! point at them.
//!
//! ```text
//! on the enum:    #[status(service = "NAME", spec = "PATH", display = BOOL, into_response = BOOL,
//!                           crate = PATH)]
//! on a variant:   #[status(NNN)]  |  #[status(other)]
//! ```
//!
//! Parsing never stops at a bad key: the error is recorded, the key's value skipped, and
//! the rest of the list read, so one compile reports every mistake.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::syntax::{Attr, Cursor, Error, Errors, LitInt, LitStr, bool_value};

/// The enum's keys, and the same for messages.
const KEYS: [&str; 5] = ["service", "spec", "display", "into_response", "crate"];
const ENUM_KEYS: &str = "`service`, `spec`, `display`, `into_response` or `crate`";

/// The enum's `#[status(..)]` keys; `None` when not given.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    pub(crate) service: Option<LitStr>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) display: Option<bool>,
    pub(crate) into_response: Option<bool>,
    pub(crate) krate: Option<TokenStream>,
    /// Some key failed to parse: its value is unknown, so lookups that depend on it would
    /// only add follow-up errors.
    pub(crate) broken: bool,
}

/// A variant's `#[status(..)]`: a code, `other`, or nothing (found by name).
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) code: Option<LitInt>,
    pub(crate) other: Option<Ident>,
    /// As for [`EnumAttrs::broken`]: the variant's code is unknown, do not look it up.
    pub(crate) broken: bool,
}

impl EnumAttrs {
    /// Reads every `#[status(..)]` on the enum, recording problems in `errors`.
    pub(crate) fn from_attrs(attrs: &[Attr], errors: &mut Errors) -> EnumAttrs {
        read_attrs(attrs, errors, EnumAttrs::item, |out: &mut EnumAttrs| {
            &mut out.broken
        })
    }

    /// Whether to implement `Display`: yes unless `display = false`.
    pub(crate) fn display(&self) -> bool {
        self.display.unwrap_or(true)
    }

    /// Whether status-core's `axum` feature may implement `IntoResponse`: yes unless
    /// `into_response = false` (the enum has its own impl).
    pub(crate) fn implements_into_response(&self) -> bool {
        self.into_response.unwrap_or(true)
    }

    fn item(&mut self, input: &mut Cursor, errors: &mut Errors) {
        if let Some(lit) = input.eat_int() {
            let msg = format!(
                "a code belongs on a variant, as in `#[status(404)] NotFound`; the enum takes {ENUM_KEYS}"
            );
            errors.push(lit.error(msg));
            return skip_value(input);
        }
        let Some(key) = input.peek_ident().cloned() else {
            errors.push(input.error(format!("expected one of {ENUM_KEYS}")));
            return skip_value(input);
        };
        input.next();
        match key.to_string().as_str() {
            "service" => set_once(&mut self.service, &key, input, errors, Cursor::eat_str),
            "spec" => set_once(&mut self.spec, &key, input, errors, Cursor::eat_str),
            "display" => set_once(&mut self.display, &key, input, errors, eat_bool),
            "into_response" => set_once(&mut self.into_response, &key, input, errors, eat_bool),
            "crate" => set_once(&mut self.krate, &key, input, errors, eat_path),
            other => {
                errors.push(unknown_enum_key(&key, other));
                skip_value(input);
            }
        }
    }
}

impl VariantAttrs {
    /// Reads every `#[status(..)]` on a variant, recording problems in `errors`.
    pub(crate) fn from_attrs(attrs: &[Attr], errors: &mut Errors) -> VariantAttrs {
        read_attrs(
            attrs,
            errors,
            VariantAttrs::item,
            |out: &mut VariantAttrs| &mut out.broken,
        )
    }

    fn item(&mut self, input: &mut Cursor, errors: &mut Errors) {
        if let Some(lit) = input.eat_int() {
            self.set_code(lit, errors);
            return;
        }
        let Some(key) = input.peek_ident().cloned() else {
            errors.push(input.error("expected an integer status code such as `404`, or `other`"));
            return skip_value(input);
        };
        input.next();
        if key == "other" {
            self.set_other(key, errors);
            return;
        }
        errors.push(unknown_variant_key(&key));
        skip_value(input);
    }

    fn set_code(&mut self, lit: LitInt, errors: &mut Errors) {
        if self.code.is_some() || self.other.is_some() {
            errors.push(lit.error("a variant takes one code, or `other`"));
        } else {
            self.code = Some(lit);
        }
    }

    fn set_other(&mut self, key: Ident, errors: &mut Errors) {
        if self.code.is_some() || self.other.is_some() {
            errors.push(Error::new(
                key.span(),
                "a variant takes one code, or `other`",
            ));
        } else {
            self.other = Some(key);
        }
    }
}

/// The `#[status(..)]` attributes among `attrs`; others (docs, serde's, ...) are not ours.
fn status_attrs(attrs: &[Attr]) -> impl Iterator<Item = &Attr> {
    attrs.iter().filter(|a| a.is("status"))
}

/// Calls `item` for each comma-separated item of an attribute's list; a missing comma ends
/// the list with an error (the item before it has been read, so it is not lost).
fn each_item(
    input: &mut Cursor,
    errors: &mut Errors,
    mut item: impl FnMut(&mut Cursor, &mut Errors),
) {
    while !input.is_empty() {
        item(input, errors);
        if input.is_empty() {
            break;
        }
        if let Err(e) = input.expect_punct(',') {
            errors.push(e);
            return;
        }
    }
}

/// Reads `= VALUE` into `slot` with `value`; a repeated key, a missing `=` or a bad value is
/// recorded and skipped.
fn set_once<T>(
    slot: &mut Option<T>,
    key: &Ident,
    input: &mut Cursor,
    errors: &mut Errors,
    value: impl FnOnce(&mut Cursor) -> Option<T>,
) {
    if slot.is_some() {
        errors.push(Error::new(key.span(), format!("duplicate `{key}` key")));
        return skip_value(input);
    }
    if input.eat_punct('=').is_none() {
        errors.push(Error::new(key.span(), expected(key)));
        return skip_value(input);
    }
    let at = input.span();
    let Some(parsed) = value(input) else {
        errors.push(Error::new(at, expected(key)));
        return skip_value(input);
    };
    *slot = Some(parsed);
    if !at_value_end(input) {
        errors.push(input.error(format!(
            "expected `,` between keys, found {}",
            input.found()
        )));
        skip_value(input);
    }
}

/// Whether the value was all there is before the next comma.
fn at_value_end(input: &Cursor) -> bool {
    input.is_empty() || input.peek_punct(',')
}

/// Reads every `#[status(..)]` in `attrs` into a `T`, item by item with `item`, and marks
/// it `broken` when any of them recorded an error.
fn read_attrs<T: Default>(
    attrs: &[Attr],
    errors: &mut Errors,
    item: fn(&mut T, &mut Cursor, &mut Errors),
    broken: fn(&mut T) -> &mut bool,
) -> T {
    let (mut out, before) = (T::default(), errors.len());
    for attr in status_attrs(attrs) {
        match attr.args("status") {
            Ok(mut args) => each_item(&mut args, errors, |input, errors| {
                item(&mut out, input, errors)
            }),
            Err(e) => errors.push(e),
        }
    }
    *broken(&mut out) = errors.len() > before;
    out
}

/// What a key's value looks like, for messages.
fn expected(key: &Ident) -> &'static str {
    match key.to_string().as_str() {
        "service" => "expected `service = \"name\"`",
        "spec" => "expected `spec = \"path/to/codes.toml\"`",
        "display" => "expected `display = false` or `display = true`",
        "into_response" => "expected `into_response = false` or `into_response = true`",
        _ => "expected `crate = path::to::status_core`",
    }
}

/// `true` or `false`.
fn eat_bool(input: &mut Cursor) -> Option<bool> {
    let value = bool_value(&input.peek_ident()?.to_string())?;
    input.next();
    Some(value)
}

/// `crate = some::path`, also accepted as a string (`crate = "some::path"`) like serde's.
fn eat_path(input: &mut Cursor) -> Option<TokenStream> {
    if let Some(lit) = input.eat_str() {
        let tokens: TokenStream = lit.value().parse().ok()?;
        let tokens = tokens.into_iter().map(|t| respan(t, lit.span())).collect();
        return is_path(&tokens).then_some(tokens);
    }
    let mut tokens = TokenStream::new();
    while !at_value_end(input) {
        tokens.extend(input.next());
    }
    is_path(&tokens).then_some(tokens)
}

/// `a::b`, `::a::b`, `crate::a`, `$crate`-free: identifiers joined by `::`, nothing else.
fn is_path(tokens: &TokenStream) -> bool {
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let mut rest = tokens.as_slice();
    let colons = |t: &[TokenTree]| match t {
        [TokenTree::Punct(a), TokenTree::Punct(b), ..] => a.as_char() == ':' && b.as_char() == ':',
        _ => false,
    };
    if colons(rest) {
        rest = &rest[2..];
    }
    loop {
        let [TokenTree::Ident(_), after @ ..] = rest else {
            return false;
        };
        if after.is_empty() {
            return true;
        }
        if !colons(after) {
            return false;
        }
        rest = &after[2..];
    }
}

/// A token from a string literal, placed at the literal (groups have no tokens here).
fn respan(mut token: TokenTree, span: Span) -> TokenTree {
    token.set_span(span);
    token
}

/// Skips an unknown key's `= value` (or `(...)`), up to the next top-level comma.
fn skip_value(input: &mut Cursor) {
    while !at_value_end(input) {
        input.next();
    }
}

fn unknown_enum_key(key: &Ident, name: &str) -> Error {
    let msg = if name == "other" {
        "`other` belongs on a variant, as in `#[status(other)] Unexpected(u16)`".to_owned()
    } else if let Some(near) = status_spec::did_you_mean(name, KEYS) {
        format!("unknown key `{name}`; did you mean `{near}`? (the enum takes {ENUM_KEYS})")
    } else {
        format!("unknown key `{name}`; the enum takes {ENUM_KEYS}")
    };
    Error::new(key.span(), msg)
}

fn unknown_variant_key(key: &Ident) -> Error {
    let msg = if key == "code" {
        "unknown key `code`; write the code alone, as in `#[status(404)]`".to_owned()
    } else if KEYS.iter().any(|k| key == k) {
        format!(
            "`{key}` belongs on the enum; a variant takes a code such as `#[status(404)]`, or `#[status(other)]`"
        )
    } else if status_spec::did_you_mean(&key.to_string(), ["other"]).is_some() {
        format!(
            "unknown key `{key}`; did you mean `other`? (a variant takes a code such as `404`, or `other`)"
        )
    } else {
        format!("unknown key `{key}`; a variant takes a code such as `404`, or `other`")
    };
    Error::new(key.span(), msg)
}
