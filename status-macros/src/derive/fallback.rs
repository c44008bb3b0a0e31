//! What to emit beside the errors (thiserror's `fallback.rs`): the impls the derive would
//! have written, with bodies that are never run, so code using the enum's `HttpStatus`,
//! `Display`, `from_code` or `From<u16>` does not add a cascade of errors to the real ones.

use proc_macro2::TokenStream;
use quote::quote;

use super::ast::Input;

/// ```text
/// impl HttpStatus for E { fn code(&self) -> u16 { unreachable!() } .. }
/// impl Display for E { .. }                              // unless display = false
/// impl E { pub const fn from_code(..) -> Option<Self> }  // when the shape allows it
/// impl From<u16> for E { .. }                            // ... and there is an `other`
/// derive_hooks! { .. }                                   // what status-core's features add
/// ```
pub(crate) fn expand(input: &Input<'_>) -> TokenStream {
    let parts = [
        status_impl(input),
        display_impl(input),
        from_code(input),
        from_u16(input),
        hooks(input),
    ];
    quote! {
        const _: () = {
            #(#parts)*
        };
    }
}

fn impl_block(input: &Input<'_>, trait_: Option<TokenStream>, body: &TokenStream) -> TokenStream {
    let name = &input.node.ident;
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    let for_ = trait_.map(|t| quote!(#t for));
    quote! {
        #[automatically_derived]
        impl #impl_generics #for_ #name #ty_generics #where_clause {
            #body
        }
    }
}

fn status_impl(input: &Input<'_>) -> TokenStream {
    let krate = input.krate();
    let body = quote! {
        fn code(&self) -> ::core::primitive::u16 { ::core::unreachable!() }
        fn reason(&self) -> &'static ::core::primitive::str { ::core::unreachable!() }
        fn description(&self) -> &'static ::core::primitive::str { ::core::unreachable!() }
        fn class(&self) -> #krate::__private::StatusClass { ::core::unreachable!() }
        fn retry(&self) -> #krate::__private::Retry { ::core::unreachable!() }
    };
    impl_block(input, Some(quote!(#krate::__private::HttpStatus)), &body)
}

fn display_impl(input: &Input<'_>) -> TokenStream {
    if !input.attrs.display() {
        return TokenStream::new();
    }
    let body = quote! {
        fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { ::core::unreachable!() }
    };
    impl_block(input, Some(quote!(::core::fmt::Display)), &body)
}

/// Stubbed whenever the variants' shape would allow it (whether their codes are distinct
/// is unknown when the spec could not be read).
fn from_code(input: &Input<'_>) -> TokenStream {
    if !input.all_unit() {
        return TokenStream::new();
    }
    let vis = &input.node.vis;
    let body = quote! {
        #[doc = " Not generated: `#[derive(StatusCodes)]` reported an error."]
        #vis const fn from_code(_: ::core::primitive::u16) -> ::core::option::Option<Self> { ::core::unreachable!() }
    };
    impl_block(input, None, &body)
}

fn from_u16(input: &Input<'_>) -> TokenStream {
    if !(input.all_unit() && input.other().is_some()) {
        return TokenStream::new();
    }
    let body = quote! {
        fn from(_: ::core::primitive::u16) -> Self { ::core::unreachable!() }
    };
    impl_block(
        input,
        Some(quote!(::core::convert::From<::core::primitive::u16>)),
        &body,
    )
}

/// What status-core's features add (`http`, `axum` impls), as the real expansion gets them
/// from `derive_hooks!`: a use of those impls then adds no error to the real ones.
fn hooks(input: &Input<'_>) -> TokenStream {
    let krate = input.krate();
    // Total when no variant asks for a status decided at run time, as the real one would.
    let total = input
        .variants
        .iter()
        .all(|v| v.attrs.other.is_none() && v.attrs.transparent.is_none() && !v.attrs.broken);
    let args = super::expand::hook_args(input, total && !input.variants.is_empty());
    quote!(#krate::__private::derive_hooks! { #args })
}
