//! What to emit beside the errors (thiserror's `fallback.rs`): the impls the derive would
//! have written, with bodies that are never run, so code using the enum's `HttpStatus`,
//! `Display`, `from_code` or `From<u16>` does not add a cascade of errors to the real ones.

use proc_macro2::TokenStream;

use super::ast::Input;
use super::expand::{hook_args, open_impl};
use crate::out::Out;

/// ```text
/// impl HttpStatus for E { fn code(&self) -> u16 { unreachable!() } .. }
/// impl Display for E { .. }                              // unless display = false
/// impl E { pub const fn from_code(..) -> Option<Self> }  // when the shape allows it
/// impl From<u16> for E { .. }                            // ... and there is an `other`
/// derive_hooks! { .. }                                   // what status-core's features add
/// ```
pub(crate) fn expand(input: &Input<'_>) -> TokenStream {
    let mut out = Out::default();
    out.s("const _: () = {");
    status_impl(&mut out, input);
    display_impl(&mut out, input);
    from_code(&mut out, input);
    from_u16(&mut out, input);
    hooks(&mut out, input);
    out.s("};");
    out.finish()
}

/// `#[automatically_derived] impl<..> TRAIT for Name<..> where .. { BODY }`, `head`
/// writing `TRAIT for` (nothing: an inherent impl) and `body` the items.
fn impl_block(
    out: &mut Out,
    input: &Input<'_>,
    head: impl FnOnce(&mut Out),
    body: impl FnOnce(&mut Out),
) {
    open_impl(out, input, &input.node.ident.to_string(), head);
    body(out);
    out.s("}");
}

/// [`impl_block`] with a head and a body of text alone.
fn text_impl(out: &mut Out, input: &Input<'_>, head: &str, body: &str) {
    let head = |out: &mut Out| {
        out.s(head);
    };
    let body = |out: &mut Out| {
        out.s(body);
    };
    impl_block(out, input, head, body);
}

fn status_impl(out: &mut Out, input: &Input<'_>) {
    let krate = input.krate();
    let head = |out: &mut Out| {
        out.tokens(krate.clone()).s("::__private::HttpStatus for");
    };
    let body = |out: &mut Out| {
        out.s(
            "fn code(&self) -> ::core::primitive::u16 { ::core::unreachable!() } \
               fn reason(&self) -> &'static ::core::primitive::str { ::core::unreachable!() } \
               fn description(&self) -> &'static ::core::primitive::str { ::core::unreachable!() } \
               fn class(&self) ->",
        )
        .tokens(krate.clone())
        .s("::__private::StatusClass { ::core::unreachable!() } fn retry(&self) ->")
        .tokens(krate.clone())
        .s("::__private::Retry { ::core::unreachable!() }");
    };
    impl_block(out, input, head, body);
}

fn display_impl(out: &mut Out, input: &Input<'_>) {
    if !input.attrs.display() {
        return;
    }
    let body = "fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { ::core::unreachable!() }";
    text_impl(out, input, "::core::fmt::Display for", body);
}

/// Stubbed whenever the variants' shape would allow it (whether their codes are distinct
/// is unknown when the spec could not be read).
fn from_code(out: &mut Out, input: &Input<'_>) {
    if !input.all_unit() {
        return;
    }
    let body = |out: &mut Out| {
        out.s("#[doc = \" Not generated: `#[derive(StatusCodes)]` reported an error.\"]")
            .tokens(input.node.vis.clone())
            .s("const fn from_code(_: ::core::primitive::u16) -> ::core::option::Option<Self> { ::core::unreachable!() }");
    };
    impl_block(out, input, |_| {}, body);
}

fn from_u16(out: &mut Out, input: &Input<'_>) {
    if !(input.all_unit() && input.other().is_some()) {
        return;
    }
    let head = "::core::convert::From<::core::primitive::u16> for";
    let body = "fn from(_: ::core::primitive::u16) -> Self { ::core::unreachable!() }";
    text_impl(out, input, head, body);
}

/// What status-core's features add (`http`, `axum` impls), as the real expansion gets them
/// from `derive_hooks!`: a use of those impls then adds no error to the real ones.
fn hooks(out: &mut Out, input: &Input<'_>) {
    // Total when no variant asks for a status decided at run time, as the real one would.
    let total = input
        .variants
        .iter()
        .all(|v| v.attrs.other.is_none() && v.attrs.transparent.is_none() && !v.attrs.broken);
    out.tokens(input.krate()).s("::__private::derive_hooks! {");
    let name = input.node.ident.to_string();
    hook_args(out, input, &name, total && !input.variants.is_empty());
    out.s("}");
}
