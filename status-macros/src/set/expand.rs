//! One `status_set!` call -> its enums, or compile errors plus stand-in enums.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use status_codegen::{CodeSel, Hole, SelectError, Selection, expand_set};

use super::ast::{CodeItem, SelectionAst, SetInput, SetItem};
use crate::load;
use crate::out::Out;
use crate::syntax::{Attr, Error, Errors, Result};
use crate::tokens::Tokens;

/// Expands every item; a bad item becomes its errors and an empty enum of the same name,
/// so uses of the name elsewhere do not add a cascade of "cannot find type" errors.
pub(crate) fn expand(input: SetInput) -> TokenStream {
    let krate = &input.krate;
    input
        .items
        .iter()
        .map(|item| item_tokens(item, krate))
        .collect()
}

fn item_tokens(item: &SetItem, krate: &TokenStream) -> TokenStream {
    match expand_item(item, krate) {
        Ok(tokens) => tokens,
        Err(err) => {
            let name = TokenTree::Ident(item.name.clone());
            Tokens::new(Span::call_site())
                .tokens(err.into_compile_error())
                .tokens(item.vis.clone())
                .ident("enum")
                .tokens(name.into())
                .group(Delimiter::Brace, TokenStream::new())
                .finish()
        }
    }
}

/// The item's enum: status-codegen's text, with the item's attributes, visibility and name
/// (keeping their spans) and `$crate` in its holes.
fn expand_item(item: &SetItem, krate: &TokenStream) -> Result<TokenStream> {
    let selection = selection(&item.selection)?;
    let loaded = load::load(item.spec.as_ref(), item.name.span())?;
    let code =
        expand_set(&loaded.spec, &selection).map_err(|errors| select_errors(item, &errors))?;
    let attrs: TokenStream = item.attrs.iter().map(Attr::tokens).collect();
    let name = TokenStream::from(TokenTree::Ident(item.name.clone()));
    let private = Tokens::new(Span::call_site())
        .tokens(krate.clone())
        .path("::__private")
        .finish();
    let mut out = Out::default();
    out.code(&code, |out, hole| {
        out.tokens(match hole {
            Hole::Attrs => attrs.clone(),
            Hole::Vis => item.vis.clone(),
            Hole::Name => name.clone(),
            Hole::Private => private.clone(),
        });
    });
    out.s(&loaded.rebuild_tracker());
    Ok(out.finish())
}

fn selection(ast: &SelectionAst) -> Result<Selection> {
    Ok(match ast {
        SelectionAst::Service(name) => Selection::Service(name.value().to_owned()),
        SelectionAst::Codes(items) => Selection::Codes(code_sels(items)?),
        SelectionAst::Class(class, _) => Selection::Class(*class),
        SelectionAst::All(_) => Selection::All,
    })
}

/// Every item's codes, or one error per bad literal.
fn code_sels(items: &[CodeItem]) -> Result<Vec<CodeSel>> {
    let mut errors = Errors::default();
    let sels = items
        .iter()
        .filter_map(|item| match errors.push_result(item.codes())? {
            (start, Some(end)) => Some(CodeSel::Range(start..=end)),
            (start, None) => Some(CodeSel::One(start)),
        })
        .collect();
    errors.finish().map_or(Ok(sels), Err)
}

/// One compile error per selection problem, each at the token it is about.
fn select_errors(item: &SetItem, errors: &[SelectError]) -> Error {
    let mut all = Errors::default();
    for e in errors {
        all.push(Error::new(error_span(item, e), e.to_string()));
    }
    all.finish()
        .unwrap_or_else(|| Error::new(item.name.span(), "invalid selection"))
}

fn error_span(item: &SetItem, error: &SelectError) -> Span {
    match (&item.selection, error.item()) {
        (SelectionAst::Codes(items), Some(i)) => {
            items.get(i).map_or(item.name.span(), CodeItem::span)
        }
        (SelectionAst::Service(lit), _) => lit.span(),
        (SelectionAst::Class(_, span) | SelectionAst::All(span), _) => *span,
        _ => item.name.span(),
    }
}
