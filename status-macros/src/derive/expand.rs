//! The impls a checked enum gets, all inside one anonymous `const` (as serde's derive does)
//! so the private function they share does not land in the user's namespace.
//!
//! The output is kept small on purpose: a crate with hundreds of these enums spends most of
//! its build expanding and checking it. Each enum's code only maps its variants to a
//! status-core `Row` (one match); the impls read that row through status-core's shared
//! functions, and paths go through one short alias of `status_core::__private`.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use status_codegen::{Layout, retry_index};

use super::ast::Input;
use super::valid::{Checked, Kind, OtherField, Resolved};
use crate::load::Loaded;

/// ```text
/// const _: () = {
///     const _: &[u8] = ::core::include_bytes!("/path/to/codes.toml");   // rebuild on edits
///     use ::status_core::__private as __sc;
///     const fn __status_other(code: u16) -> (&str, &str, Retry) { .. }  // `other` on a file's spec
///     fn __status_row(value: &E) -> __sc::Row { match value { .. } }
///     __sc::derive_impls! { display [<T>] [E<T>] [where ..] }            // HttpStatus reading the row,
///                                                                       // Display (unless display = false),
///                                                                       // what status-core's features add
///     impl E { pub const fn from_code(code: u16) -> Option<Self> { .. } } // unit variants only
///     impl From<u16> for E { .. }                                       // ... with `other`
/// };
/// ```
pub(crate) fn expand(checked: &Checked<'_>, loaded: &Loaded) -> TokenStream {
    let r#gen = Gen {
        checked,
        krate: checked.input.krate(),
        embedded: loaded.file.is_none(),
    };
    let tracker = loaded.rebuild_tracker();
    let krate = &r#gen.krate;
    let parts = [
        r#gen.other_lookup(),
        r#gen.row_fn(),
        r#gen.impls(),
        r#gen.inherent_impl(),
        r#gen.conversion_impl(),
    ];
    quote! {
        const _: () = {
            #tracker
            use #krate::__private as __sc;
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

    /// Phrase, description and advice for the code an `other` variant holds, looked up at
    /// run time among the service's entries, then the base registry's (with the service's
    /// advice for codes it does not list), then by class. With the embedded spec that table
    /// is status-core's, shared by every enum (the row names the table); with a spec of the
    /// user's own each enum carries a compact copy:
    ///
    /// ```text
    /// const fn __status_other(code: u16) -> (&'static str, &'static str, Retry) {
    ///     const CODES: ..; const REASONS: ..; /* binary search, else class_fallback(code) */
    /// }
    /// ```
    fn other_lookup(&self) -> TokenStream {
        if self.other().is_none() || self.embedded_table().is_some() {
            return TokenStream::new();
        }
        let krate = &self.krate;
        // No code is excluded: the `other` variant may be made with a code a variant names.
        let (spec, service) = (self.checked.spec, self.checked.service);
        let body = status_codegen::service_fallback(
            spec,
            service,
            &[],
            krate,
            &quote!(code),
            Layout::Compact,
        );
        quote! {
            #[allow(clippy::match_same_arms, reason = "one arm per code keeps the table readable")]
            const fn __status_other(code: ::core::primitive::u16) -> (&'static ::core::primitive::str, &'static ::core::primitive::str, #krate::__private::Retry) {
                #body
            }
        }
    }

    /// The number of status-core's shared fallback table, when the spec is the embedded one.
    fn embedded_table(&self) -> Option<usize> {
        if !self.embedded {
            return None;
        }
        let service = self.checked.service.map(|s| s.name.as_str());
        status_codegen::registry_table(self.checked.spec, service)
    }

    /// The variant's row, the one match on the variants; the `other` variant's arm is the
    /// one place its field is read: should the field's type not be the primitive `u16` after
    /// all, rustc says so once, at the field.
    ///
    /// ```text
    /// fn __status_row<G>(value: &E<G>) -> __sc::Row where .. {
    ///     match value {
    ///         E::A { .. } => __sc::named(400, "400 Bad Request", "Bad Request", "...", 1),
    ///         E::Other { 0: code } => __sc::Row::Embedded { code: *code, table: TABLE },
    ///         // or, on a file's spec: __sc::Row::Own { code: *code, lookup: __status_other }
    ///     }
    /// }
    /// ```
    fn row_fn(&self) -> TokenStream {
        let node = self.checked.input.node;
        let name = &node.ident;
        let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
        let arms = self.checked.variants.iter().map(|r| {
            let ident = &r.variant.node.ident;
            match &r.kind {
                Kind::Code(e) => {
                    let code = Literal::u16_unsuffixed(e.code);
                    let text = format!("{} {}", e.code, e.reason);
                    let (reason, description) = (&e.reason, &e.description);
                    let retry = Literal::u8_unsuffixed(retry_index(e.retry));
                    quote_spanned! {ident.span()=>
                        #name::#ident { .. } => __sc::named(#code, #text, #reason, #description, #retry),
                    }
                }
                Kind::Other(OtherField { member, ty_span }) => {
                    // Only the value is spanned on the field: a pattern there would be linted
                    // as the user's own (`non_shorthand_field_patterns`).
                    let code = quote_spanned!(*ty_span=> *code);
                    // A struct literal, not a call: rustc's note on a bad argument would
                    // show the user status-core's private function.
                    let row = match self.embedded_table() {
                        Some(table) => {
                            let table = Literal::usize_unsuffixed(table);
                            quote!(__sc::Row::Embedded { code: #code, table: #table })
                        }
                        None => quote!(__sc::Row::Own { code: #code, lookup: __status_other }),
                    };
                    quote!(#name::#ident { #member: code } => #row,)
                }
            }
        });
        quote! {
            fn __status_row #impl_generics (value: &#name #ty_generics) -> __sc::Row #where_clause {
                match value { #(#arms)* }
            }
        }
    }

    /// `HttpStatus`, `Display` and what status-core's features add: the same for every
    /// enum but for its name, generics and two switches, so status-core's `macro_rules!`
    /// writes them (`hooks.rs`); rustc expands that more cheaply than this unoptimized
    /// proc macro builds the same tokens.
    fn impls(&self) -> TokenStream {
        let display = self.checked.input.attrs.display().then(|| quote!(display));
        let args = hook_args(self.checked.input);
        quote! {
            __sc::derive_impls! { #display #args }
        }
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

/// What status-core's `derive_impls!` and `derive_hooks!` take after their own switches:
/// `no_response? [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`. `no_response` keeps the `axum`
/// feature's `IntoResponse` off an enum that has its own.
pub(crate) fn hook_args(input: &Input<'_>) -> TokenStream {
    let name = &input.node.ident;
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    let opt_out = (!input.attrs.implements_into_response()).then(|| quote!(no_response));
    quote!(#opt_out [#impl_generics] [#name #ty_generics] [#where_clause])
}

fn code_of(r: &Resolved<'_>) -> Option<u16> {
    match &r.kind {
        Kind::Code(e) => Some(e.code),
        Kind::Other(_) => None,
    }
}
