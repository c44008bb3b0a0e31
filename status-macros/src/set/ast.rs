//! The input of `status_set!`, parsed with its spans kept for error messages.

use proc_macro2::{Span, TokenStream};
use status_spec::Class;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitInt, LitStr, Token, Visibility};

/// What `status_core::status_set!` hands the proc macro:
///
/// ```text
/// crate = PATH ;                          // added by the macro_rules wrapper ($crate)
/// ( #[attr]* VIS enum NAME = SELECTION ; )*
///
/// SELECTION := service "NAME" | [ ITEM, ... ] | Nxx | all
/// ITEM      := CODE | CODE ..= CODE
/// ```
pub(crate) struct SetInput {
    pub(crate) krate: TokenStream,
    pub(crate) items: Vec<SetItem>,
}

/// One `enum` item of the call.
pub(crate) struct SetItem {
    pub(crate) attrs: Vec<Attribute>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) vis: Visibility,
    pub(crate) name: Ident,
    pub(crate) selection: SelectionAst,
}

/// The part after `=`, each piece with the span errors should point at.
pub(crate) enum SelectionAst {
    Service(LitStr),
    Codes(Vec<CodeItem>),
    Class(Class, Span),
    All(Span),
}

/// One list item: a code or an inclusive range, as written; checked by [`CodeItem::codes`]
/// so that one call reports every bad literal, not only the first.
pub(crate) struct CodeItem {
    pub(crate) start: LitInt,
    pub(crate) end: Option<LitInt>,
}

impl Parse for SetInput {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        input.parse::<Token![crate]>()?;
        input.parse::<Token![=]>()?;
        let krate = parse_until_semi(input)?;
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(SetInput { krate, items })
    }
}

fn parse_until_semi(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.peek(Token![;]) {
        let tt: proc_macro2::TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    input.parse::<Token![;]>()?;
    Ok(tokens)
}

impl Parse for SetItem {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let all_attrs = input.call(Attribute::parse_outer)?;
        let (attrs, spec) = split_status_attrs(all_attrs)?;
        let vis: Visibility = input.parse()?;
        input.parse::<Token![enum]>()?;
        let name: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let selection = input.parse()?;
        input.parse::<Token![;]>()?;
        Ok(SetItem {
            attrs,
            spec,
            vis,
            name,
            selection,
        })
    }
}

/// Takes `#[status(spec = "...")]` out of the attributes; the rest pass through.
fn split_status_attrs(attrs: Vec<Attribute>) -> syn::Result<(Vec<Attribute>, Option<LitStr>)> {
    let mut spec = None;
    let mut rest = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("status") {
            rest.push(attr);
            continue;
        }
        attr.parse_nested_meta(|meta| {
            if !meta.path.is_ident("spec") {
                let key = meta.path.get_ident().map_or_else(|| "?".to_owned(), ToString::to_string);
                return Err(meta.error(format!("unknown key `{key}` in `#[status(..)]` of `status_set!`; the only key is `spec`")));
            }
            if spec.is_some() {
                return Err(meta.error("duplicate `spec` key"));
            }
            spec = Some(meta.value()?.parse::<LitStr>()?);
            Ok(())
        })?;
    }
    Ok((rest, spec))
}

impl Parse for SelectionAst {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(syn::token::Bracket) {
            return parse_codes(input);
        }
        if lookahead.peek(LitInt) {
            return parse_class(input);
        }
        if lookahead.peek(Ident) {
            let ident: Ident = input.parse()?;
            return match ident.to_string().as_str() {
                "service" => Ok(SelectionAst::Service(input.parse()?)),
                "all" => Ok(SelectionAst::All(ident.span())),
                other => Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "expected `service \"NAME\"`, `[CODES]`, a class such as `4xx`, or `all`; found `{other}`"
                    ),
                )),
            };
        }
        Err(lookahead.error())
    }
}

fn parse_codes(input: ParseStream<'_>) -> syn::Result<SelectionAst> {
    let content;
    syn::bracketed!(content in input);
    let items = content.parse_terminated(CodeItem::parse, Token![,])?;
    Ok(SelectionAst::Codes(items.into_iter().collect()))
}

/// `4xx`: Rust lexes it as the integer `4` with the suffix `xx`.
fn parse_class(input: ParseStream<'_>) -> syn::Result<SelectionAst> {
    let lit: LitInt = input.parse()?;
    let class = match (lit.base10_digits(), lit.suffix()) {
        ("1", "xx") => Class::Informational,
        ("2", "xx") => Class::Success,
        ("3", "xx") => Class::Redirection,
        ("4", "xx") => Class::ClientError,
        ("5", "xx") => Class::ServerError,
        _ => {
            return Err(syn::Error::new(
                lit.span(),
                format!("invalid class `{lit}`; expected `1xx`, `2xx`, `3xx`, `4xx` or `5xx`"),
            ));
        }
    };
    Ok(SelectionAst::Class(class, lit.span()))
}

impl Parse for CodeItem {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let start: LitInt = input.parse()?;
        let mut end = None;
        if input.peek(Token![..=]) {
            input.parse::<Token![..=]>()?;
            end = Some(input.parse()?);
        } else if input.peek(Token![..]) {
            let dots = input.parse::<Token![..]>()?;
            return Err(syn::Error::new_spanned(
                dots,
                "use an inclusive range such as `502..=504`",
            ));
        }
        Ok(CodeItem { start, end })
    }
}

impl CodeItem {
    /// Where errors about the item point: its first literal.
    pub(crate) fn span(&self) -> Span {
        self.start.span()
    }

    /// The item's bounds, each an unsuffixed integer from 100 to 599.
    pub(crate) fn codes(&self) -> syn::Result<(u16, Option<u16>)> {
        let start = code(&self.start);
        let end = self.end.as_ref().map(code).transpose();
        match (start, end) {
            (Ok(start), Ok(end)) => Ok((start, end)),
            (Err(mut a), Err(b)) => {
                a.combine(b);
                Err(a)
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }
}

/// A status code literal: an unsuffixed integer from 100 to 599.
fn code(lit: &LitInt) -> syn::Result<u16> {
    let value = lit
        .base10_parse::<u16>()
        .ok()
        .filter(|c| (100..=599).contains(c));
    match value {
        Some(code) if lit.suffix().is_empty() => Ok(code),
        _ => Err(syn::Error::new(
            lit.span(),
            format!("`{lit}` is not a status code; expected a number from 100 to 599"),
        )),
    }
}
