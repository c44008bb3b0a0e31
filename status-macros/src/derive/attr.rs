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

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitBool, LitInt, LitStr, Token};

use super::Errors;

/// The enum's keys, and the same for messages.
const KEYS: [&str; 5] = ["service", "spec", "display", "into_response", "crate"];
const ENUM_KEYS: &str = "`service`, `spec`, `display`, `into_response` or `crate`";

/// The enum's `#[status(..)]` keys; `None` when not given.
#[derive(Default)]
pub(crate) struct EnumAttrs {
    pub(crate) service: Option<LitStr>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) display: Option<LitBool>,
    pub(crate) into_response: Option<LitBool>,
    pub(crate) krate: Option<syn::Path>,
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
    pub(crate) fn from_attrs(attrs: &[Attribute], errors: &mut Errors) -> EnumAttrs {
        read_attrs(attrs, errors, EnumAttrs::item, |out: &mut EnumAttrs| {
            &mut out.broken
        })
    }

    /// Whether to implement `Display`: yes unless `display = false`.
    pub(crate) fn display(&self) -> bool {
        self.display.as_ref().is_none_or(LitBool::value)
    }

    /// Whether status-core's `axum` feature may implement `IntoResponse`: yes unless
    /// `into_response = false` (the enum has its own impl).
    pub(crate) fn implements_into_response(&self) -> bool {
        self.into_response.as_ref().is_none_or(LitBool::value)
    }

    fn item(&mut self, input: ParseStream<'_>, errors: &mut Errors) -> syn::Result<()> {
        if input.peek(LitInt) {
            let msg = format!(
                "a code belongs on a variant, as in `#[status(404)] NotFound`; the enum takes {ENUM_KEYS}"
            );
            errors.push(input.error(msg));
            return skip_value(input);
        }
        if !input.peek(Ident::peek_any) {
            errors.push(input.error(format!("expected one of {ENUM_KEYS}")));
            return skip_value(input);
        }
        let key = input.call(Ident::parse_any)?;
        match key.to_string().as_str() {
            "service" => set_once(&mut self.service, &key, input, errors, Parse::parse),
            "spec" => set_once(&mut self.spec, &key, input, errors, Parse::parse),
            "display" => set_once(&mut self.display, &key, input, errors, Parse::parse),
            "into_response" => set_once(&mut self.into_response, &key, input, errors, Parse::parse),
            "crate" => set_once(&mut self.krate, &key, input, errors, parse_path),
            other => {
                errors.push(unknown_enum_key(&key, other));
                skip_value(input)
            }
        }
    }
}

impl VariantAttrs {
    /// Reads every `#[status(..)]` on a variant, recording problems in `errors`.
    pub(crate) fn from_attrs(attrs: &[Attribute], errors: &mut Errors) -> VariantAttrs {
        read_attrs(
            attrs,
            errors,
            VariantAttrs::item,
            |out: &mut VariantAttrs| &mut out.broken,
        )
    }

    fn item(&mut self, input: ParseStream<'_>, errors: &mut Errors) -> syn::Result<()> {
        if input.peek(LitInt) {
            let lit: LitInt = input.parse()?;
            self.set_code(lit, errors);
            return Ok(());
        }
        if !input.peek(Ident::peek_any) {
            errors.push(input.error("expected an integer status code such as `404`, or `other`"));
            return skip_value(input);
        }
        let key = input.call(Ident::parse_any)?;
        if key == "other" {
            self.set_other(key, errors);
            return Ok(());
        }
        errors.push(unknown_variant_key(&key));
        skip_value(input)
    }

    fn set_code(&mut self, lit: LitInt, errors: &mut Errors) {
        if self.code.is_some() || self.other.is_some() {
            errors.push(syn::Error::new(
                lit.span(),
                "a variant takes one code, or `other`",
            ));
        } else {
            self.code = Some(lit);
        }
    }

    fn set_other(&mut self, key: Ident, errors: &mut Errors) {
        if self.code.is_some() || self.other.is_some() {
            errors.push(syn::Error::new(
                key.span(),
                "a variant takes one code, or `other`",
            ));
        } else {
            self.other = Some(key);
        }
    }
}

/// The `#[status(..)]` attributes among `attrs`; others (docs, serde's, ...) are not ours.
fn status_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("status"))
}

/// Calls `item` for each comma-separated item of an attribute's list.
fn each_item(
    input: ParseStream<'_>,
    mut item: impl FnMut(ParseStream<'_>) -> syn::Result<()>,
) -> syn::Result<()> {
    while !input.is_empty() {
        item(input)?;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Parses `= VALUE` into `slot`; a repeated key or a bad value is recorded and skipped.
fn set_once<T>(
    slot: &mut Option<T>,
    key: &Ident,
    input: ParseStream<'_>,
    errors: &mut Errors,
    value: impl FnOnce(ParseStream<'_>) -> syn::Result<T>,
) -> syn::Result<()> {
    if slot.is_some() {
        errors.push(syn::Error::new(
            key.span(),
            format!("duplicate `{key}` key"),
        ));
        return skip_value(input);
    }
    if !input.peek(Token![=]) {
        errors.push(syn::Error::new(key.span(), expected(key)));
        return skip_value(input);
    }
    input.parse::<Token![=]>()?;
    match value(input) {
        Ok(parsed) => {
            *slot = Some(parsed);
            Ok(())
        }
        Err(e) => {
            errors.push(syn::Error::new(e.span(), expected(key)));
            skip_value(input)
        }
    }
}

/// Reads every `#[status(..)]` in `attrs` into a `T`, item by item with `item`, and marks
/// it `broken` when any of them recorded an error.
fn read_attrs<T: Default>(
    attrs: &[Attribute],
    errors: &mut Errors,
    item: fn(&mut T, ParseStream<'_>, &mut Errors) -> syn::Result<()>,
    broken: fn(&mut T) -> &mut bool,
) -> T {
    let (mut out, before) = (T::default(), errors.len());
    for attr in status_attrs(attrs) {
        let parser =
            |input: ParseStream<'_>| each_item(input, |input| item(&mut out, input, errors));
        let parsed = attr.parse_args_with(parser);
        errors.push_result(parsed);
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

/// `crate = some::path`, also accepted as a string (`crate = "some::path"`) like serde's.
fn parse_path(input: ParseStream<'_>) -> syn::Result<syn::Path> {
    if input.peek(LitStr) {
        return input.parse::<LitStr>()?.parse();
    }
    syn::Path::parse_mod_style(input)
}

/// Skips an unknown key's `= value` (or `(...)`), up to the next top-level comma.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn unknown_enum_key(key: &Ident, name: &str) -> syn::Error {
    let msg = if name == "other" {
        "`other` belongs on a variant, as in `#[status(other)] Unexpected(u16)`".to_owned()
    } else if let Some(near) = status_spec::did_you_mean(name, KEYS) {
        format!("unknown key `{name}`; did you mean `{near}`? (the enum takes {ENUM_KEYS})")
    } else {
        format!("unknown key `{name}`; the enum takes {ENUM_KEYS}")
    };
    syn::Error::new(key.span(), msg)
}

fn unknown_variant_key(key: &Ident) -> syn::Error {
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
    syn::Error::new(key.span(), msg)
}
