//! The impls a checked enum gets, all inside one anonymous `const` (as serde's derive does)
//! so the private function they share does not land in the user's namespace.
//!
//! The output is kept small on purpose: a crate with hundreds of these enums spends most of
//! its build expanding and checking it. Each enum's code only maps its variants to a
//! status-core `Row` (on the embedded spec a slot of status-core's table, so no words at
//! all); the impls read that row through status-core's shared functions, and paths go
//! through one short alias of `status_core::__private`.

use proc_macro2::{Literal, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use status_codegen::{Layout, retry_index};

use super::ast::Input;
use super::valid::{Checked, FieldRef, Kind, OtherField, Resolved};
use crate::load::Loaded;

/// ```text
/// const _: () = {
///     const _: &[u8] = ::core::include_bytes!("/path/to/codes.toml");   // rebuild on edits
///     use ::status_core::__private as __sc;
///     const fn __status_other(code: u16) -> (&str, &str, Retry) { .. }  // `other` on a file's spec
///     fn __status_row(value: &E) -> __sc::Row<'_> { .. }               // by variant position
///     fn __status_challenge(value: &E) -> Option<&str> { .. }           // with `www_authenticate` or `transparent`
///     fn __status_masked(value: &E) -> bool { .. }                      // with `mask` or `transparent`
///     __sc::derive_impls! { {display} {..} {..} {inner} total [<T>] [E<T>] [where ..] }
///                                                  // HttpStatus reading the row, Display (unless
///                                                  // display = false), what status-core's features add
///     impl E { pub const fn from_code(code: u16) -> Option<Self> { .. } } // unit variants only
///     impl From<u16> for E { .. }                                       // ... with `other`
///     __sc::derive_docs! { [<T>] [E<T>] [where ..] [answers..] [inner types..] } // feature utoipa
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
    let (challenge, mask) = (r#gen.challenge_fn(), r#gen.mask_fn());
    let impls = r#gen.impls(!challenge.is_empty(), !mask.is_empty());
    let parts = [
        r#gen.other_lookup(),
        r#gen.row_fn(),
        challenge,
        mask,
        impls,
        r#gen.inherent_impl(),
        r#gen.conversion_impl(),
        r#gen.docs_impl(),
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
    ///     const REASONS: ..; /* rank_of(bits, ranks, code), else class_fallback(code) */
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
            #[inline]
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

    /// The variant's row: `fn __status_row<G>(value: &E<G>) -> __sc::Row where ..`. The
    /// body is [`Self::rows_from_table`] on the embedded spec, else
    /// [`Self::rows_by_position`]; `transparent` variants, whose row is their field, are
    /// matched apart in both.
    fn row_fn(&self) -> TokenStream {
        let node = self.checked.input.node;
        let name = &node.ident;
        let (_, ty_generics, where_clause) = node.generics.split_for_impl();
        // The row borrows a `transparent` variant's field: name the borrow, as the type's
        // own lifetimes would make `'_` ambiguous.
        let impl_generics = node.generics.impl_generics_with(&quote!('__status));
        let body = match self.embedded_table() {
            Some(table) => self.rows_from_table(table),
            None => self.rows_by_position(),
        };
        quote! {
            fn __status_row #impl_generics (value: &'__status #name #ty_generics) -> __sc::Row<'__status> #where_clause {
                #body
            }
        }
    }

    /// On the embedded spec, a variant's row is a slot of status-core's table for the
    /// service (an `other` variant's is its code there), and the derive emits no words.
    /// The slot comes from a constant array by the variant's position, as a `status_set!`
    /// enum reads its rows: a match from variant to slot compiled to a jump that
    /// mispredicts on a mixed stream (2.4x slower), and a named `const` for the array cost
    /// rustc 5% more on a crate of 200 derives than the promoted `&[..]`. A variant the
    /// spec resolves to words the table does not hold keeps its own row.
    ///
    /// ```text
    /// match value {
    ///     E::Other { 0: code, .. } => __sc::Row::Embedded { code: *code, table: 3 },
    ///     E::Db { 0: inner, .. } => __sc::Row::Inner { .. },
    ///     _ => __sc::Row::Table { table: 3, slot: (&[37, 0, 0])[match value { E::A { .. } => 0, E::Other { .. } => 1, E::Db { .. } => 2 }] },
    /// }
    /// ```
    fn rows_from_table(&self, table: usize) -> TokenStream {
        let service = self.checked.service.map(|s| s.name.as_str());
        let table = Literal::usize_unsuffixed(table);
        let variants = &self.checked.variants;
        let mut apart = Vec::new();
        let mut slots = Vec::new();
        for r in variants {
            let path = || self.checked.input.path_of(r.variant);
            let slot = match &r.kind {
                Kind::Code(e) => {
                    let row = status_codegen::registry_row(self.checked.spec, service, e.code);
                    let same = row.filter(|row| {
                        (row.reason, row.description, row.retry)
                            == (&e.reason, &e.description, e.retry)
                    });
                    let slot = same.and_then(|row| u8::try_from(row.slot).ok());
                    if slot.is_none() {
                        let (path, row) = (path(), named_row(e));
                        apart.push(quote_spanned!(r.variant.ident.span()=> #path { .. } => #row,));
                    }
                    slot
                }
                // Its own arm, so that the field's code is checked against the row's
                // field, not against the other arms' codes (which would add an error).
                Kind::Other(other) => {
                    let (member, code) = self.other_code(other);
                    let path = path();
                    let row = quote!(__sc::Row::Embedded { code: #code, table: #table });
                    apart.push(quote!(#path { #member: code, .. } => #row,));
                    None
                }
                Kind::Transparent(field) => {
                    apart.push(self.transparent_arm(&path(), field));
                    None
                }
            };
            slots.push(Literal::u8_unsuffixed(slot.unwrap_or(0)));
        }
        if apart.len() == variants.len() {
            return quote!(match value { #(#apart)* });
        }
        let positions = self.positions();
        let row = quote! {
            __sc::Row::Table { table: #table, slot: (&[#(#slots),*])[match value { #positions }] }
        };
        if apart.is_empty() {
            return row;
        }
        quote!(match value { #(#apart)* _ => #row, })
    }

    /// `E::A { .. } => 0, E::B { .. } => 1, ..`: each variant's position, in order. The
    /// optimiser reads this match straight off the tag, with no branch. One `quote!` over
    /// the idents: in the (unoptimised) macro, each token stream built apart and spliced
    /// in costs a round trip to the compiler.
    fn positions(&self) -> TokenStream {
        let input = self.checked.input;
        let name = &input.node.ident;
        if !input.is_enum {
            return quote!(#name { .. } => 0,);
        }
        let idents = self.checked.variants.iter().map(|r| r.variant.ident);
        let positions = (0..self.checked.variants.len()).map(Literal::usize_unsuffixed);
        quote!(#(#name::#idents { .. } => #positions,)*)
    }

    /// On a spec file of the user's own, variants the spec names read their rows from a
    /// constant array by the variant's position, as a `status_set!` enum does: the match
    /// from variant to position maps each variant to its own index, which the optimiser
    /// reads straight off the tag. `other` variants look their code up in the enum's own
    /// table; their slots in the array, like `transparent` variants', are never read.
    ///
    /// ```text
    /// const ROWS: &[__sc::Row; 3] = &[__sc::named(400, "400 Bad Request", "Bad Request", "...", 1), .., __sc::Row::UNUSED];
    /// match value {
    ///     E::Other { 0: code, .. } => __sc::Row::Own { code: *code, lookup: __status_other },
    ///     _ => ROWS[match value { E::A { .. } => 0, E::B { .. } => 1, E::Other { .. } => 2 }],
    /// }
    /// ```
    fn rows_by_position(&self) -> TokenStream {
        let variants = &self.checked.variants;
        let rows = variants.iter().map(|r| match &r.kind {
            Kind::Code(e) => named_row(e),
            Kind::Other(_) | Kind::Transparent(_) => quote!(__sc::Row::UNUSED),
        });
        let positions = self.positions();
        let apart: Vec<TokenStream> = variants
            .iter()
            .filter_map(|r| {
                let path = self.checked.input.path_of(r.variant);
                match &r.kind {
                    Kind::Code(_) => None,
                    Kind::Other(other) => {
                        let (member, code) = self.other_code(other);
                        Some(quote!(#path { #member: code, .. } => __sc::Row::Own { code: #code, lookup: __status_other },))
                    }
                    Kind::Transparent(field) => Some(self.transparent_arm(&path, field)),
                }
            })
            .collect();
        if apart.len() == variants.len() {
            return quote!(match value { #(#apart)* });
        }
        let n = Literal::usize_unsuffixed(variants.len());
        let rows = quote!(const ROWS: &[__sc::Row<'static>; #n] = &[#(#rows),*];);
        let row = quote!(ROWS[match value { #positions }]);
        if apart.is_empty() {
            return quote!(#rows #row);
        }
        quote!(#rows match value { #(#apart)* _ => #row, })
    }

    /// The `other` variant's field and the code read from it: the one place the field is
    /// read, so that should it not hold a code after all, rustc says so once, at the field.
    fn other_code<'o>(&self, other: &'o OtherField) -> (&'o TokenTree, TokenStream) {
        let OtherField {
            member,
            ty_span,
            is_u16,
        } = other;
        // Only the value is spanned on the field: a pattern there would be linted as the
        // user's own (`non_shorthand_field_patterns`). A `u16` is read as is (a struct
        // literal, not a call: rustc's note on a bad argument would show the user
        // status-core's private function); any other type through `CodeField`, whose
        // message says which types hold a code.
        let code = if *is_u16 {
            quote_spanned!(*ty_span=> *code)
        } else {
            quote_spanned!(*ty_span=> __sc::CodeField::__status_code(*code))
        };
        (member, code)
    }

    /// A `transparent` variant's arm: the field, as `&dyn HttpStatus` (and `&dyn Display`
    /// when the derive writes `Display`), each coercion spanned on the field's type so that
    /// rustc's "not implemented" lands there.
    ///
    /// ```text
    /// E::Db { 0: inner, .. } => __sc::Row::Inner { status: inner, display: Some(inner) },
    /// ```
    fn transparent_arm(&self, path: &TokenStream, field: &FieldRef) -> TokenStream {
        let FieldRef { member, ty_span } = field;
        let status = quote_spanned!(*ty_span=> inner);
        let display = if self.checked.input.attrs.display() {
            quote_spanned!(*ty_span=> ::core::option::Option::Some(inner))
        } else {
            quote!(::core::option::Option::None)
        };
        quote!(#path { #member: inner, .. } => __sc::Row::Inner { status: #status, display: #display },)
    }

    /// Whether any variant is `transparent`.
    fn has_transparent(&self) -> bool {
        self.checked
            .variants
            .iter()
            .any(|r| matches!(r.kind, Kind::Transparent(_)))
    }

    /// `www_authenticate` for each variant: a `transparent` variant's field's, else the
    /// variant's own key, else the enum's. Only written when there is something to say.
    ///
    /// ```text
    /// fn __status_challenge(value: &E) -> Option<&'static str> {
    ///     __status_row(value).challenge(match value { E::A { .. } => Some("Basic"), _ => Some("Bearer") })
    /// }
    /// ```
    fn challenge_fn(&self) -> TokenStream {
        let input = self.checked.input;
        let own = |lit: Option<&crate::syntax::LitStr>| match lit {
            Some(lit) => {
                let text = lit.value();
                quote!(::core::option::Option::Some(#text))
            }
            None => quote!(::core::option::Option::None),
        };
        let by_variant = self.checked.variants.iter().filter_map(|r| {
            let lit = r.variant.attrs.www_authenticate.as_ref()?;
            Some((self.checked.input.path_of(r.variant), own(Some(lit))))
        });
        let fallback = own(input.attrs.www_authenticate.as_ref());
        self.per_variant_fn(
            "challenge",
            quote!(::core::option::Option<&'static ::core::primitive::str>),
            by_variant.collect(),
            input.attrs.www_authenticate.is_some(),
            fallback,
        )
    }

    /// `masked` for each variant, as [`Self::challenge_fn`] does `www_authenticate`;
    /// `None` leaves it to the code (5xx are masked).
    fn mask_fn(&self) -> TokenStream {
        let input = self.checked.input;
        let own = |mask: Option<bool>| match mask {
            Some(mask) => quote!(::core::option::Option::Some(#mask)),
            None => quote!(::core::option::Option::None),
        };
        let by_variant = self.checked.variants.iter().filter_map(|r| {
            let mask = r.variant.attrs.mask?;
            Some((self.checked.input.path_of(r.variant), own(Some(mask))))
        });
        self.per_variant_fn(
            "masked",
            quote!(::core::primitive::bool),
            by_variant.collect(),
            input.attrs.mask.is_some(),
            own(input.attrs.mask),
        )
    }

    /// `fn __status_WHAT(value: &E) -> RET { __status_row(value).WHAT(OWN) }`, `OWN` a
    /// match over the variants that set the key, else the enum's value; nothing when no
    /// variant sets it, the enum does not, and no variant is `transparent`.
    fn per_variant_fn(
        &self,
        what: &str,
        ret: TokenStream,
        by_variant: Vec<(TokenStream, TokenStream)>,
        on_enum: bool,
        fallback: TokenStream,
    ) -> TokenStream {
        if by_variant.is_empty() && !on_enum && !self.has_transparent() {
            return TokenStream::new();
        }
        let node = self.checked.input.node;
        let name = &node.ident;
        let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
        let fn_name = quote::format_ident!("__status_{}", what);
        let method = quote::format_ident!("{}", what);
        let own = if by_variant.is_empty() {
            fallback
        } else {
            let arms = by_variant
                .iter()
                .map(|(path, value)| quote!(#path { .. } => #value,));
            quote!(match value { #(#arms)* _ => #fallback })
        };
        quote! {
            fn #fn_name #impl_generics (value: &#name #ty_generics) -> #ret #where_clause {
                __status_row(value).#method(#own)
            }
        }
    }

    /// `HttpStatus`, `Display` and what status-core's features add: the same for every
    /// enum but for its name, generics and a few switches (`has_challenge` and `has_mask`
    /// say whether `challenge_fn` and `mask_fn` wrote their functions), so status-core's `macro_rules!`
    /// writes them (`hooks.rs`); rustc expands that more cheaply than this unoptimized
    /// proc macro builds the same tokens.
    fn impls(&self, has_challenge: bool, has_mask: bool) -> TokenStream {
        let input = self.checked.input;
        let display = input.attrs.display().then(|| {
            let lists = lists(input);
            quote!(display (#lists))
        });
        let challenge = has_challenge.then(|| quote!(__status_challenge));
        let mask = has_mask.then(|| quote!(__status_masked));
        let inner = self.has_transparent().then(|| quote!(inner));
        let args = hook_args(input, self.is_total());
        quote! {
            __sc::derive_impls! { {#display} {#challenge} {#mask} {#inner} #args }
        }
    }

    /// Whether every variant has a fixed code (no `other`, no `transparent`), so that the
    /// conversion to `http::StatusCode` is total.
    fn is_total(&self) -> bool {
        self.checked
            .variants
            .iter()
            .all(|r| matches!(r.kind, Kind::Code(_)))
    }

    /// Whether a code alone can make a value: every variant but `other` is a unit variant,
    /// and no two of them share a code.
    fn codes_make_values(&self) -> bool {
        let codes: Vec<u16> = self
            .checked
            .variants
            .iter()
            .filter_map(|r| code_of(r))
            .collect();
        // A few variants: comparing pairs costs less than compiling a sort into the macro.
        let shared = (1..codes.len()).any(|i| codes[..i].contains(&codes[i]));
        self.checked.input.all_unit() && !shared
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
            let ident = r.variant.ident;
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
            .filter_map(|r| Some(format!("`{}` gives `{}`", code_of(r)?, r.variant.ident)))
            .collect();
        let never = self.other().map_or_else(String::new, |other| {
            let name = other.variant.ident;
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
        let Kind::Other(OtherField {
            member,
            ty_span,
            is_u16: true,
        }) = &other.kind
        else {
            // Only a `u16` field can hold any `u16`.
            return TokenStream::new();
        };
        if !self.codes_make_values() {
            return TokenStream::new();
        }
        let ident = other.variant.ident;
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

impl Gen<'_> {
    /// What the `utoipa` feature documents: each variant's answer (its code, or `0` for the
    /// `other` variant's `default` response, with the spec's words and the variant's docs),
    /// and the types `transparent` variants take their responses from. Emitted only with
    /// this crate's `utoipa` feature, which status-core's turns on: the literals are most
    /// of what a derive emits beyond its row, and without the feature nothing reads them.
    ///
    /// ```text
    /// __sc::derive_docs! { [<T>] [E<T>] [where ..]
    ///     [__sc::answer(404, "NotFound", "doc", "Not Found", "...", 1, None), ..]
    ///     [InnerError, ..] }
    /// ```
    fn docs_impl(&self) -> TokenStream {
        if !cfg!(feature = "utoipa") {
            return TokenStream::new();
        }
        let answers = self.checked.variants.iter().filter_map(|r| self.answer(r));
        let inner = self.checked.variants.iter().filter_map(inner_type);
        let lists = lists(self.checked.input);
        quote! {
            __sc::derive_docs! { #lists [#(#answers),*] [#(#inner),*] }
        }
    }

    fn answer(&self, r: &Resolved<'_>) -> Option<TokenStream> {
        let name = r.variant.ident.to_string();
        let docs = &r.variant.docs;
        let challenge = r.variant.attrs.www_authenticate.as_ref().or(self
            .checked
            .input
            .attrs
            .www_authenticate
            .as_ref());
        let challenge = match challenge {
            Some(lit) => {
                let text = lit.value();
                quote!(::core::option::Option::Some(#text))
            }
            None => quote!(::core::option::Option::None),
        };
        match &r.kind {
            Kind::Code(e) => {
                let code = Literal::u16_unsuffixed(e.code);
                let (reason, description) = (&e.reason, &e.description);
                let retry = Literal::u8_unsuffixed(retry_index(e.retry));
                Some(
                    quote!(__sc::answer(#code, #name, #docs, #reason, #description, #retry, #challenge)),
                )
            }
            Kind::Other(_) => Some(quote!(__sc::answer(0, #name, #docs, "", "", 0, #challenge))),
            Kind::Transparent(_) => None,
        }
    }
}

/// The type of a `transparent` variant's field (or of the struct's marked field).
fn inner_type(r: &Resolved<'_>) -> Option<TokenStream> {
    let Kind::Transparent(_) = r.kind else {
        return None;
    };
    let fields = r.variant.fields.fields();
    let field = fields.get(r.variant.transparent_field.unwrap_or(0))?;
    Some(field.ty.iter().cloned().collect())
}

/// What status-core's `derive_impls!` and `derive_hooks!` take after their own switches:
/// `total? no_response? [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`. `total` gives `From`
/// conversions to `http::StatusCode` instead of `TryFrom`; `no_response` keeps the response
/// features' `IntoResponse` and `ResponseError` off a type that has its own.
pub(crate) fn hook_args(input: &Input<'_>, total: bool) -> TokenStream {
    let total = total.then(|| quote!(total));
    let opt_out = (!input.attrs.implements_into_response()).then(|| quote!(no_response));
    let lists = lists(input);
    quote!(#total #opt_out #lists)
}

/// `[IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`.
fn lists(input: &Input<'_>) -> TokenStream {
    let name = &input.node.ident;
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    quote!([#impl_generics] [#name #ty_generics] [#where_clause])
}

fn code_of(r: &Resolved<'_>) -> Option<u16> {
    match &r.kind {
        Kind::Code(e) => Some(e.code),
        Kind::Other(_) | Kind::Transparent(_) => None,
    }
}

/// `__sc::named(400, "400 Bad Request", "Bad Request", "...", 1)`: a variant's row with
/// the spec's words spelled out.
fn named_row(e: &status_spec::CodeEntry) -> TokenStream {
    let code = Literal::u16_unsuffixed(e.code);
    let text = format!("{} {}", e.code, e.reason);
    let (reason, description) = (&e.reason, &e.description);
    let retry = Literal::u8_unsuffixed(retry_index(e.retry));
    quote!(__sc::named(#code, #text, #reason, #description, #retry))
}
