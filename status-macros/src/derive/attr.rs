//! Typed `#[status(..)]` values, each beside the tokens it came from so later errors can
//! point at them.
//!
//! ```text
//! on the enum:    #[status(service = "NAME", spec = "PATH", display = BOOL, into_response = BOOL,
//!                           crate = PATH, default = NNN, www_authenticate = "CHALLENGE", mask = BOOL)]
//! on a struct:    the same but `default`, and a code: #[status(NNN, ..)]
//! on a variant:   #[status(NNN | other | transparent, www_authenticate = "CHALLENGE", mask = BOOL)]
//! on a struct's field:  #[status(transparent)]
//! ```
//!
//! Parsing never stops at a bad key: the error is recorded, the key's value skipped, and
//! the rest of the list read, so one compile reports every mistake.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::syntax::{Attr, Cursor, Error, Errors, LitInt, LitStr, bool_value};

/// The enum's keys, and the same for messages.
const KEYS: [&str; 8] = [
    "service",
    "spec",
    "display",
    "into_response",
    "crate",
    "default",
    "www_authenticate",
    "mask",
];
const ENUM_KEYS: &str = "`service`, `spec`, `display`, `into_response`, `crate`, `default`, `www_authenticate` or `mask`";
const VARIANT_KEYS: &str =
    "a code such as `404`, `other`, `transparent`, `www_authenticate = \"..\"` or `mask = BOOL`";

/// The enum's (or struct's) `#[status(..)]` keys; `None` when not given.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    pub(crate) service: Option<LitStr>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) display: Option<bool>,
    pub(crate) into_response: Option<bool>,
    pub(crate) krate: Option<TokenStream>,
    pub(crate) default: Option<LitInt>,
    pub(crate) www_authenticate: Option<LitStr>,
    pub(crate) mask: Option<bool>,
    /// A struct's own code, `#[status(NNN)]` on the struct.
    pub(crate) code: Option<LitInt>,
    /// The attributes belong to a struct (a code is welcome, `default` is not).
    is_struct: bool,
    /// Some key failed to parse: its value is unknown, so lookups that depend on it would
    /// only add follow-up errors.
    pub(crate) broken: bool,
}

/// A variant's `#[status(..)]`: a code, `other`, `transparent` or nothing (found by name or
/// given the enum's `default`), and its response keys.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) code: Option<LitInt>,
    pub(crate) other: Option<Ident>,
    pub(crate) transparent: Option<Ident>,
    pub(crate) www_authenticate: Option<LitStr>,
    pub(crate) mask: Option<bool>,
    /// As for [`EnumAttrs::broken`]: the variant's code is unknown, do not look it up.
    pub(crate) broken: bool,
}

/// A field's `#[status(..)]`: only a struct's field takes one, `transparent`.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) transparent: Option<Ident>,
}

impl EnumAttrs {
    /// Reads every `#[status(..)]` on the enum, recording problems in `errors`.
    pub(crate) fn from_attrs(attrs: &[Attr], is_struct: bool, errors: &mut Errors) -> EnumAttrs {
        let mut out = EnumAttrs {
            is_struct,
            ..EnumAttrs::default()
        };
        let before = errors.len();
        for mut args in status_args(attrs, errors) {
            each_item(&mut args, errors, |input, errors| out.item(input, errors));
        }
        out.broken = errors.len() > before;
        out
    }

    /// Whether to implement `Display`: yes unless `display = false`.
    pub(crate) fn display(&self) -> bool {
        self.display.unwrap_or(true)
    }

    /// Whether status-core's response features may implement `IntoResponse` and
    /// `ResponseError`: yes unless `into_response = false` (the type has its own impls).
    pub(crate) fn implements_into_response(&self) -> bool {
        self.into_response.unwrap_or(true)
    }

    fn item(&mut self, input: &mut Cursor, errors: &mut Errors) {
        if let Some(lit) = input.eat_int() {
            return self.set_code(lit, errors);
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
            "default" if self.is_struct => {
                errors.push(Error::new(key.span(), DEFAULT_ON_STRUCT));
                skip_value(input);
            }
            "default" => set_once(&mut self.default, &key, input, errors, Cursor::eat_int),
            "www_authenticate" => set_challenge(&mut self.www_authenticate, &key, input, errors),
            "mask" => set_once(&mut self.mask, &key, input, errors, eat_bool),
            other => {
                errors.push(unknown_enum_key(&key, other, self.is_struct));
                skip_value(input);
            }
        }
    }

    fn set_code(&mut self, lit: LitInt, errors: &mut Errors) {
        if !self.is_struct {
            let msg = format!(
                "a code belongs on a variant, as in `#[status(404)] NotFound`; the enum takes {ENUM_KEYS}"
            );
            return errors.push(lit.error(msg));
        }
        if self.code.is_some() {
            return errors.push(lit.error("a struct takes one code"));
        }
        self.code = Some(lit);
    }
}

const DEFAULT_ON_STRUCT: &str = "`default` belongs on an enum; give the struct its code with `#[status(NNN)]`, or mark the field it takes its status from `#[status(transparent)]`";

impl VariantAttrs {
    /// Reads every `#[status(..)]` on a variant, recording problems in `errors`.
    pub(crate) fn from_attrs(attrs: &[Attr], errors: &mut Errors) -> VariantAttrs {
        let mut out = VariantAttrs::default();
        let before = errors.len();
        for mut args in status_args(attrs, errors) {
            each_item(&mut args, errors, |input, errors| out.item(input, errors));
        }
        out.broken = errors.len() > before;
        out
    }

    fn item(&mut self, input: &mut Cursor, errors: &mut Errors) {
        if let Some(lit) = input.eat_int() {
            let span = lit.span();
            return self.set_status(Status::Code(lit), span, errors);
        }
        let Some(key) = input.peek_ident().cloned() else {
            errors.push(
                input.error(
                    "expected an integer status code such as `404`, `other` or `transparent`",
                ),
            );
            return skip_value(input);
        };
        input.next();
        match key.to_string().as_str() {
            "other" => self.set_status(Status::Other(key.clone()), key.span(), errors),
            "transparent" => self.set_status(Status::Transparent(key.clone()), key.span(), errors),
            "www_authenticate" => set_challenge(&mut self.www_authenticate, &key, input, errors),
            "mask" => set_once(&mut self.mask, &key, input, errors, eat_bool),
            _ => {
                errors.push(unknown_variant_key(&key));
                skip_value(input);
            }
        }
    }

    /// Records the variant's one status key; a second is an error, worded for `transparent`
    /// when that is one of the two.
    fn set_status(&mut self, status: Status, span: Span, errors: &mut Errors) {
        let had_transparent = self.transparent.is_some();
        if self.code.is_some() || self.other.is_some() || had_transparent {
            let msg = if had_transparent || matches!(status, Status::Transparent(_)) {
                "`transparent` takes the variant's status from its field, so it stands alone: remove the code or `other`, or remove `transparent` and give the variant its own status"
            } else {
                "a variant takes one code, or `other`"
            };
            return errors.push(Error::new(span, msg));
        }
        match status {
            Status::Code(lit) => self.code = Some(lit),
            Status::Other(key) => self.other = Some(key),
            Status::Transparent(key) => self.transparent = Some(key),
        }
    }
}

/// The three ways a variant says where its status comes from.
enum Status {
    Code(LitInt),
    Other(Ident),
    Transparent(Ident),
}

impl FieldAttrs {
    /// Reads every `#[status(..)]` on a field: `transparent` in a struct, nothing in an
    /// enum's variant (where `transparent` goes on the variant).
    pub(crate) fn from_attrs(attrs: &[Attr], in_struct: bool, errors: &mut Errors) -> FieldAttrs {
        let mut out = FieldAttrs::default();
        for mut args in status_args(attrs, errors) {
            each_item(&mut args, errors, |input, errors| {
                out.item(input, in_struct, errors);
            });
        }
        out
    }

    fn item(&mut self, input: &mut Cursor, in_struct: bool, errors: &mut Errors) {
        let key = input.peek_ident().cloned();
        match key {
            Some(key) if key == "transparent" && in_struct => {
                input.next();
                if self.transparent.is_some() {
                    errors.push(Error::new(key.span(), "duplicate `transparent` key"));
                }
                self.transparent = Some(key);
            }
            Some(key) if key == "transparent" => {
                errors.push(Error::new(
                    key.span(),
                    "in an enum, `transparent` goes on the variant, as in `#[status(transparent)] Db(DbError)`",
                ));
                skip_value(input);
            }
            _ => {
                let msg = if in_struct {
                    format!(
                        "a struct's field takes only `#[status(transparent)]`, found {}",
                        input.found()
                    )
                } else {
                    "`#[status(..)]` goes on the variant, not on its fields".to_owned()
                };
                errors.push(input.error(msg));
                skip_value(input);
            }
        }
    }
}

/// The argument lists of every `#[status(..)]` among `attrs` (others are not ours).
fn status_args(attrs: &[Attr], errors: &mut Errors) -> Vec<Cursor> {
    status_attrs(attrs)
        .filter_map(|attr| errors.push_result(attr.args("status")))
        .collect()
}

/// `www_authenticate = "CHALLENGE"`, which must be a valid header value.
fn set_challenge(slot: &mut Option<LitStr>, key: &Ident, input: &mut Cursor, errors: &mut Errors) {
    let before = slot.is_some();
    set_once(slot, key, input, errors, Cursor::eat_str);
    let Some(lit) = slot.as_ref().filter(|_| !before) else {
        return;
    };
    if lit.value().is_empty() || !is_header_value(lit.value()) {
        errors.push(Error::new(
            lit.span(),
            "a `WWW-Authenticate` challenge is one line of visible ASCII, as in `www_authenticate = \"Bearer realm=\\\"api\\\"\"`",
        ));
        *slot = None;
    }
}

/// Visible ASCII, spaces and tabs (status-core's `problem::is_header_value`).
fn is_header_value(text: &str) -> bool {
    text.bytes().all(|b| matches!(b, b'\t' | b' '..=b'~'))
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

/// What a key's value looks like, for messages.
fn expected(key: &Ident) -> &'static str {
    match key.to_string().as_str() {
        "service" => "expected `service = \"name\"`",
        "spec" => "expected `spec = \"path/to/codes.toml\"`",
        "display" => "expected `display = false` or `display = true`",
        "into_response" => "expected `into_response = false` or `into_response = true`",
        "default" => "expected `default = NNN`, a status code of the service such as `500`",
        "www_authenticate" => "expected `www_authenticate = \"CHALLENGE\"`, as in `\"Bearer\"`",
        "mask" => "expected `mask = true` or `mask = false`",
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

fn unknown_enum_key(key: &Ident, name: &str, is_struct: bool) -> Error {
    let msg = if name == "other" {
        "`other` belongs on a variant, as in `#[status(other)] Unexpected(u16)`".to_owned()
    } else if name == "transparent" && is_struct {
        "`transparent` belongs on the struct's field whose status the struct takes, as in `struct E { #[status(transparent)] kind: ErrorKind }`".to_owned()
    } else if name == "transparent" {
        "`transparent` belongs on a variant with one field, as in `#[status(transparent)] Db(DbError)`".to_owned()
    } else if let Some(near) = status_spec::did_you_mean(name, KEYS) {
        format!("unknown key `{name}`; did you mean `{near}`? (the enum takes {ENUM_KEYS})")
    } else {
        format!("unknown key `{name}`; the enum takes {ENUM_KEYS}")
    };
    Error::new(key.span(), msg)
}

fn unknown_variant_key(key: &Ident) -> Error {
    let name = key.to_string();
    let msg = if key == "code" {
        "unknown key `code`; write the code alone, as in `#[status(404)]`".to_owned()
    } else if KEYS.iter().any(|k| key == k) {
        format!("`{key}` belongs on the enum; a variant takes {VARIANT_KEYS}")
    } else if let Some(near) =
        status_spec::did_you_mean(&name, ["other", "transparent", "www_authenticate", "mask"])
    {
        format!("unknown key `{key}`; did you mean `{near}`? (a variant takes {VARIANT_KEYS})")
    } else {
        format!("unknown key `{key}`; a variant takes {VARIANT_KEYS}")
    };
    Error::new(key.span(), msg)
}
