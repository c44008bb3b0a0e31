//! The impls a checked enum gets, all inside one anonymous `const` (as serde's derive does)
//! so the private lookup function they share does not land in the user's namespace.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use status_codegen::{Layout, class_tokens, retry_tokens};

use super::ast::Input;
use super::valid::{Checked, Kind, OtherField, Resolved};
use crate::load::Loaded;

/// ```text
/// const _: () = {
///     const _: &[u8] = ::core::include_bytes!("/path/to/codes.toml");   // rebuild on edits
///     const fn __status_other(code: u16) -> (&str, &str, Retry) { .. }  // with `other` only
///     impl HttpStatus for E { .. }
///     impl Display for E { .. }                                         // unless display = false
///     impl E { pub const fn from_code(code: u16) -> Option<Self> { .. } } // unit variants only
///     impl From<u16> for E { .. }                                       // ... with `other`
///     ::status_core::__private::derive_hooks! { [<T>] [E<T>] [where ..] }  // status-core's features
/// };
/// ```
pub(crate) fn expand(checked: &Checked<'_>, loaded: &Loaded) -> TokenStream {
    let r#gen = Gen {
        checked,
        krate: checked.input.krate(),
        embedded: loaded.file.is_none(),
    };
    let tracker = loaded.rebuild_tracker();
    let parts = [
        r#gen.other_lookup(),
        r#gen.status_impl(),
        r#gen.display_impl(),
        r#gen.inherent_impl(),
        r#gen.conversion_impl(),
        hooks(checked.input),
    ];
    quote! {
        const _: () = {
            #tracker
            #(#parts)*
        };
    }
}

/// What every piece of the expansion needs.
struct Gen<'a> {
    checked: &'a Checked<'a>,
    krate: TokenStream,
    /// The spec is the embedded default, whose fallback tables status-core already holds.
    embedded: bool,
}

impl Gen<'_> {
    fn other(&self) -> Option<&Resolved<'_>> {
        self.checked
            .variants
            .iter()
            .find(|r| matches!(r.kind, Kind::Other(_)))
    }

    /// `impl #generics #trait_ for Name #generics #where { #body }`, marked as derived.
    fn impl_block(&self, trait_: Option<TokenStream>, body: &TokenStream) -> TokenStream {
        let node = self.checked.input.node;
        let name = &node.ident;
        let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
        let for_ = trait_.map(|t| quote!(#t for));
        quote! {
            #[automatically_derived]
            impl #impl_generics #for_ #name #ty_generics #where_clause {
                #body
            }
        }
    }

    /// `match self { Self::A { .. } => VALUE, .., Self::Other { .. } => OTHER }`, each arm
    /// spanned on its variant so any follow-up error points there. `OTHER` reaches the code
    /// through `HttpStatus::code`, so only that method reads the field (see `code_arms`).
    fn match_self(&self, value: impl Fn(&Resolved<'_>) -> TokenStream) -> TokenStream {
        let arms = self.checked.variants.iter().map(|r| {
            let ident = &r.variant.node.ident;
            let value = value(r);
            quote_spanned!(ident.span()=> Self::#ident { .. } => #value,)
        });
        quote! { match self { #(#arms)* } }
    }

    /// `HttpStatus::code(self)`, for the `other` arms.
    fn code_of_self(&self) -> TokenStream {
        let krate = &self.krate;
        quote!(#krate::__private::HttpStatus::code(self))
    }

    /// The body of `code()`, the one place the `other` field is read: should its type not be
    /// the primitive `u16` after all, rustc says so once, at the field.
    ///
    /// ```text
    /// match self { Self::A { .. } => 400, .., Self::Other { 0: code } => *code }
    /// ```
    fn code_arms(&self) -> TokenStream {
        let arms = self.checked.variants.iter().map(|r| {
            let ident = &r.variant.node.ident;
            match &r.kind {
                Kind::Code(e) => {
                    let code = Literal::u16_unsuffixed(e.code);
                    quote_spanned!(ident.span()=> Self::#ident { .. } => #code,)
                }
                Kind::Other(OtherField { member, ty_span }) => {
                    // Only the value is spanned on the field: a pattern there would be linted
                    // as the user's own (`non_shorthand_field_patterns`).
                    let value = quote_spanned!(*ty_span=> *code);
                    quote!(Self::#ident { #member: code } => #value,)
                }
            }
        });
        quote! { match self { #(#arms)* } }
    }

    /// Phrase, description and advice for the code an `other` variant holds, looked up at
    /// run time among the service's entries, then the base registry's (with the service's
    /// advice for codes it does not list), then by class. With the embedded spec that table
    /// is status-core's, shared by every enum; with a spec of the user's own each enum
    /// carries a compact copy:
    ///
    /// ```text
    /// const fn __status_other(code: u16) -> (&'static str, &'static str, Retry) {
    ///     ::status_core::__private::embedded_fallback(TABLE, code)
    ///     // or: { const CODES: ..; const REASONS: ..; /* binary search, else class_fallback(code) */ }
    /// }
    /// ```
    fn other_lookup(&self) -> TokenStream {
        if self.other().is_none() {
            return TokenStream::new();
        }
        let krate = &self.krate;
        let body = self.embedded_lookup().unwrap_or_else(|| {
            // No code is excluded: the `other` variant may be made with a code a variant names.
            let (spec, service) = (self.checked.spec, self.checked.service);
            status_codegen::service_fallback(
                spec,
                service,
                &[],
                krate,
                &quote!(code),
                Layout::Compact,
            )
        });
        quote! {
            #[allow(clippy::match_same_arms, reason = "one arm per code keeps the table readable")]
            const fn __status_other(code: ::core::primitive::u16) -> (&'static ::core::primitive::str, &'static ::core::primitive::str, #krate::__private::Retry) {
                #body
            }
        }
    }

    /// The call into status-core's shared table, when the spec is the embedded one.
    fn embedded_lookup(&self) -> Option<TokenStream> {
        if !self.embedded {
            return None;
        }
        let service = self.checked.service.map(|s| s.name.as_str());
        let table = status_codegen::registry_table(self.checked.spec, service)?;
        let krate = &self.krate;
        Some(quote!(#krate::__private::embedded_fallback(#table, code)))
    }

    /// `HttpStatus`: `code` matches on the variant; the other four read one row, so each
    /// variant costs one match arm rather than four (the derive's output is most of a
    /// crate's build time when it holds hundreds of these enums):
    ///
    /// ```text
    /// fn __status_row<G>(value: &E<G>) -> (&'static str, &'static str, StatusClass, Retry) where .. {
    ///     match value { E::A { .. } => ("Bad Request", "...", StatusClass::ClientError, Retry::Modify), .. }
    /// }
    /// impl<G> HttpStatus for E<G> where .. { fn reason(&self) -> &'static str { __status_row(self).0 } .. }
    /// ```
    fn status_impl(&self) -> TokenStream {
        let krate = &self.krate;
        let code = self.code_arms();
        let row_type = quote! {
            (&'static ::core::primitive::str, &'static ::core::primitive::str, #krate::__private::StatusClass, #krate::__private::Retry)
        };
        let node = self.checked.input.node;
        let name = &node.ident;
        let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
        let arms = self.checked.variants.iter().map(|r| {
            let ident = &r.variant.node.ident;
            let row = self.row(r);
            quote_spanned!(ident.span()=> #name::#ident { .. } => #row,)
        });
        let body = quote! {
            fn code(&self) -> ::core::primitive::u16 { #code }
            fn reason(&self) -> &'static ::core::primitive::str { __status_row(self).0 }
            fn description(&self) -> &'static ::core::primitive::str { __status_row(self).1 }
            fn class(&self) -> #krate::__private::StatusClass { __status_row(self).2 }
            fn retry(&self) -> #krate::__private::Retry { __status_row(self).3 }
        };
        let status = self.impl_block(Some(quote!(#krate::__private::HttpStatus)), &body);
        quote! {
            #[inline]
            fn __status_row #impl_generics (value: &#name #ty_generics) -> #row_type #where_clause {
                match value { #(#arms)* }
            }
            #status
        }
    }

    /// One variant's phrase, description, class and advice; looked up at run time for
    /// the `other` variant.
    fn row(&self, r: &Resolved<'_>) -> TokenStream {
        let krate = &self.krate;
        match &r.kind {
            Kind::Code(e) => {
                let (reason, description) = (&e.reason, &e.description);
                let class = class_tokens(e.class(), krate);
                let retry = retry_tokens(e.retry, krate);
                quote!((#reason, #description, #class, #retry))
            }
            Kind::Other(_) => quote!({
                let code = #krate::__private::HttpStatus::code(value);
                let (reason, description, retry) = __status_other(code);
                (reason, description, #krate::__private::class_of(code), retry)
            }),
        }
    }

    /// `"429 Resource Exhausted"`: padded like a `str` when the text is fixed.
    fn display_impl(&self) -> TokenStream {
        if !self.checked.input.attrs.display() {
            return TokenStream::new();
        }
        let arms = self.match_self(|r| match &r.kind {
            Kind::Code(e) => {
                let text = format!("{} {}", e.code, e.reason);
                quote!(f.pad(#text))
            }
            Kind::Other(_) => {
                let of_self = self.code_of_self();
                quote!({
                    let code = #of_self;
                    ::core::write!(f, "{} {}", code, __status_other(code).0)
                })
            }
        });
        let body = quote! {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #arms }
        };
        self.impl_block(Some(quote!(::core::fmt::Display)), &body)
    }

    /// Whether a code alone can make a value: every variant but `other` is a unit variant,
    /// and no two of them share a code.
    fn codes_make_values(&self) -> bool {
        let mut codes: Vec<u16> = self
            .checked
            .variants
            .iter()
            .filter_map(|r| code_of(r))
            .collect();
        let count = codes.len();
        codes.sort_unstable();
        codes.dedup();
        self.checked.input.all_unit() && codes.len() == count
    }

    /// ```text
    /// impl E {
    ///     /// The variant whose status code is `code` ...
    ///     pub const fn from_code(code: u16) -> Option<Self> {
    ///         match code { 400 => Some(Self::InvalidArgument), .., _ => None }
    ///     }
    /// }
    /// ```
    fn inherent_impl(&self) -> TokenStream {
        if !self.codes_make_values() {
            return TokenStream::new();
        }
        let arms = self.checked.variants.iter().filter_map(|r| {
            let code = Literal::u16_unsuffixed(code_of(r)?);
            let ident = &r.variant.node.ident;
            Some(
                quote_spanned!(ident.span()=> #code => ::core::option::Option::Some(Self::#ident),),
            )
        });
        let vis = &self.checked.input.node.vis;
        let doc = self.doc_of_from_code();
        let body = quote! {
            #[doc = #doc]
            #[must_use]
            #[deny(unreachable_patterns)]
            #vis const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                match code {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        };
        self.impl_block(None, &body)
    }

    fn doc_of_from_code(&self) -> String {
        let pairs: Vec<String> = self
            .checked
            .variants
            .iter()
            .filter_map(|r| {
                Some(format!(
                    "`{}` gives `{}`",
                    code_of(r)?,
                    r.variant.node.ident
                ))
            })
            .collect();
        let never = self.other().map_or_else(String::new, |other| {
            let name = &other.variant.node.ident;
            format!(" Never `{name}`: `From<u16>` puts every other code there.")
        });
        format!(
            " The variant whose status code is `code`, or `None` when no variant names it.\n\n Generated by `#[derive(StatusCodes)]`: {}.{never}",
            pairs.join(", ")
        )
    }

    /// `From<u16>`: the named variant, else the `other` one holding the code.
    fn conversion_impl(&self) -> TokenStream {
        let Some(other) = self.other() else {
            return TokenStream::new();
        };
        let Kind::Other(OtherField { member, ty_span }) = &other.kind else {
            return TokenStream::new();
        };
        if !self.codes_make_values() {
            return TokenStream::new();
        }
        let ident = &other.variant.node.ident;
        let code = quote_spanned!(*ty_span=> code);
        let body = quote! {
            fn from(code: ::core::primitive::u16) -> Self {
                match Self::from_code(code) {
                    ::core::option::Option::Some(named) => named,
                    ::core::option::Option::None => Self::#ident { #member: #code },
                }
            }
        };
        self.impl_block(
            Some(quote!(::core::convert::From<::core::primitive::u16>)),
            &body,
        )
    }
}

/// What status-core's features add to a derived enum (`http`, `axum` impls): a proc macro
/// cannot see those features, so it calls status-core's `macro_rules!` hook (its `hooks.rs`)
/// and the hook's expansion depends on them. Also called by the fallback, so a use of those
/// impls adds no error to the real ones.
pub(crate) fn hooks(input: &Input<'_>) -> TokenStream {
    let krate = input.krate();
    let name = &input.node.ident;
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    // `no_response` keeps the `axum` feature's `IntoResponse` off an enum that has its own.
    let opt_out = (!input.attrs.implements_into_response()).then(|| quote!(no_response));
    quote! {
        #krate::__private::derive_hooks! { #opt_out [#impl_generics] [#name #ty_generics] [#where_clause] }
    }
}

fn code_of(r: &Resolved<'_>) -> Option<u16> {
    match &r.kind {
        Kind::Code(e) => Some(e.code),
        Kind::Other(_) => None,
    }
}
