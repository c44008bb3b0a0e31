//! The enum a `status_set!` item becomes, with its tables and trait impls.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use status_spec::{Class, Jitter, Retry, Spec};

use crate::docs::variant_doc;
use crate::lookup::{Layout, index_table, index_type, service_fallback};
use crate::select::{Resolved, SelectError, Selection, resolve};

/// One `status_set!` item: `#[attrs] vis enum Name = selection;`.
#[derive(Debug, Clone)]
pub struct SetDef {
    /// Outer attributes to pass through (docs, derives), already without `#[status(..)]`.
    pub attrs: TokenStream,
    /// The enum's visibility, e.g. `pub(crate)`; empty for private.
    pub vis: TokenStream,
    /// The enum's name; its span is where follow-up errors point.
    pub name: Ident,
    /// Which codes the enum names.
    pub selection: Selection,
}

/// Generates the enum for `def` from `spec`, reaching the runtime through `krate`.
pub fn expand_set(
    spec: &Spec,
    def: &SetDef,
    krate: &TokenStream,
) -> Result<TokenStream, Vec<SelectError>> {
    let resolved = resolve(spec, &def.selection)?;
    Ok(Gen {
        spec,
        def,
        krate,
        set: &resolved,
    }
    .all())
}

/// Everything one expansion needs, so each piece is a small method.
struct Gen<'a> {
    spec: &'a Spec,
    def: &'a SetDef,
    krate: &'a TokenStream,
    set: &'a Resolved,
}

impl Gen<'_> {
    fn all(&self) -> TokenStream {
        let parts = [
            self.enum_item(),
            self.inherent_impl(),
            self.status_impl(),
            self.conversions(),
            self.formatting(),
            self.distinct_codes_check(),
            self.hooks(),
        ];
        parts.into_iter().collect()
    }

    fn variants(&self) -> Vec<Ident> {
        let span = self.def.name.span();
        self.set
            .entries
            .iter()
            .map(|e| Ident::new(&e.name, span))
            .collect()
    }

    /// ```text
    /// #[doc = "..."] #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    /// pub enum Name { #[doc = "`200 OK` ..."] Ok, ..., Other(OtherCode<Name>) }
    /// ```
    fn enum_item(&self) -> TokenStream {
        let SetDef {
            attrs, vis, name, ..
        } = self.def;
        let krate = self.krate;
        let docs = self.set.entries.iter().map(variant_doc);
        let variants = self.variants();
        let summary = format!(
            " Generated from `codes.toml`: {}.",
            self.set.summary.trim_end_matches('.')
        );
        let other_doc = " Any other code: one this set does not name. Only `From<u16>` makes it, so it never holds a code the set names.";
        quote_spanned! {name.span()=>
            #attrs
            #[doc = ""]
            #[doc = #summary]
            #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
            #vis enum #name {
                #( #[doc = #docs] #variants, )*
                #[doc = #other_doc]
                Other(#krate::__private::OtherCode<#name>),
            }
        }
    }

    /// Dense tables indexed by variant position, and a 500-entry index from code to position:
    /// a lookup is two loads and no branch on the code. Each table is a `&'static` constant,
    /// not an array constant: indexing an array constant at run time may copy it first.
    fn inherent_impl(&self) -> TokenStream {
        let name = &self.def.name;
        let krate = self.krate;
        let entries = &self.set.entries;
        let n = Literal::usize_unsuffixed(entries.len());
        let variants = self.variants();
        let positions = (0..entries.len()).map(Literal::usize_unsuffixed);
        let codes = entries.iter().map(|e| Literal::u16_unsuffixed(e.code));
        let reasons = entries.iter().map(|e| &e.reason);
        let names = entries.iter().map(|e| &e.name);
        let descriptions = entries.iter().map(|e| &e.description);
        let displays = entries.iter().map(|e| format!("{} {}", e.code, e.reason));
        let classes = entries.iter().map(|e| class_tokens(e.class(), krate));
        let retries = entries.iter().map(|e| retry_tokens(e.retry, krate));
        let index_ty = index_type(entries.len());
        let index = index_table(&index_ty, &n, &quote!(Self::__CODES));
        let fallback = self.fallback();
        quote! {
            #[automatically_derived]
            impl #name {
                /// Every named variant, in code order (`Other` aside).
                pub const ALL: &'static [Self] = &[#(Self::#variants),*];
                const __CODES: &'static [::core::primitive::u16; #n] = &[#(#codes),*];
                const __NAMES: &'static [&'static ::core::primitive::str; #n] = &[#(#names),*];
                const __REASONS: &'static [&'static ::core::primitive::str; #n] = &[#(#reasons),*];
                const __DESCRIPTIONS: &'static [&'static ::core::primitive::str; #n] = &[#(#descriptions),*];
                const __DISPLAYS: &'static [&'static ::core::primitive::str; #n] = &[#(#displays),*];
                const __CLASSES: &'static [#krate::__private::StatusClass; #n] = &[#(#classes),*];
                const __RETRIES: &'static [#krate::__private::Retry; #n] = &[#(#retries),*];
                /// `__INDEX[code - 100]` is the variant's position + 1, or 0 when the set does not
                /// name the code; built at compile time from `__CODES`.
                const __INDEX: &'static [#index_ty; 500] = &#index;

                /// `__FROM[code]` is `Self::from(code)` for codes below 600: one load, no branch
                /// on the code. 600 entries rather than 500, so no subtraction either.
                const __FROM: &'static [Self; 600] = &{
                    let mut from = [Self::Other(#krate::__private::OtherCode::__new(0)); 600];
                    let mut code = 0;
                    while code < 600 {
                        from[code] = Self::Other(#krate::__private::OtherCode::__new(code as ::core::primitive::u16));
                        code += 1;
                    }
                    let mut i = 0;
                    while i < #n {
                        from[Self::__CODES[i] as ::core::primitive::usize] = Self::ALL[i];
                        i += 1;
                    }
                    from
                };

                /// The variant's position in the tables; `Other` comes last. Every arm maps a
                /// variant to its own discriminant, which the optimiser turns into a plain
                /// read of the tag instead of a jump table.
                #[inline]
                const fn __index(self) -> ::core::primitive::usize {
                    match self {
                        #( Self::#variants => #positions, )*
                        Self::Other(_) => #n,
                    }
                }

                /// The variant's position in the tables, or its code when it is `Other`.
                #[inline]
                const fn __slot(self) -> ::core::result::Result<::core::primitive::usize, ::core::primitive::u16> {
                    match (self.__index(), self) {
                        (_, Self::Other(other)) => ::core::result::Result::Err(other.get()),
                        (i, _) => ::core::result::Result::Ok(i),
                    }
                }

                /// The named variant for `code`, or `None` when the set does not name it.
                #[must_use]
                #[inline]
                pub const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                    if code < 100 || code >= 600 {
                        return ::core::option::Option::None;
                    }
                    match Self::__INDEX[(code - 100) as ::core::primitive::usize] {
                        0 => ::core::option::Option::None,
                        i => ::core::option::Option::Some(Self::ALL[i as ::core::primitive::usize - 1]),
                    }
                }

                /// Whether the set names `code`.
                #[must_use]
                #[inline]
                pub const fn contains(code: ::core::primitive::u16) -> ::core::primitive::bool {
                    Self::from_code(code).is_some()
                }

                #fallback
            }
        }
    }

    /// Phrase, description and advice for an `Other` code: the spec's base registry when it
    /// knows the code, else the code's class.
    fn fallback(&self) -> TokenStream {
        let named: Vec<u16> = self.set.entries.iter().map(|e| e.code).collect();
        let service = self
            .set
            .service
            .as_deref()
            .and_then(|name| self.spec.service(name));
        let krate = self.krate;
        let body = service_fallback(
            self.spec,
            service,
            &named,
            krate,
            &quote!(code),
            Layout::Indexed,
        );
        quote! {
            #[inline]
            const fn __other(code: ::core::primitive::u16) -> (&'static ::core::primitive::str, &'static ::core::primitive::str, #krate::__private::Retry) {
                #body
            }
        }
    }

    fn status_impl(&self) -> TokenStream {
        let name = &self.def.name;
        let krate = self.krate;
        quote! {
            #[automatically_derived]
            impl #krate::__private::HttpStatus for #name {
                #[inline]
                fn code(&self) -> ::core::primitive::u16 {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => Self::__CODES[i],
                        ::core::result::Result::Err(code) => code,
                    }
                }
                #[inline]
                fn reason(&self) -> &'static ::core::primitive::str {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => Self::__REASONS[i],
                        ::core::result::Result::Err(code) => Self::__other(code).0,
                    }
                }
                #[inline]
                fn description(&self) -> &'static ::core::primitive::str {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => Self::__DESCRIPTIONS[i],
                        ::core::result::Result::Err(code) => Self::__other(code).1,
                    }
                }
                #[inline]
                fn class(&self) -> #krate::__private::StatusClass {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => Self::__CLASSES[i],
                        ::core::result::Result::Err(code) => #krate::__private::class_of(code),
                    }
                }
                #[inline]
                fn retry(&self) -> #krate::__private::Retry {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => Self::__RETRIES[i],
                        ::core::result::Result::Err(code) => Self::__other(code).2,
                    }
                }
            }
        }
    }

    /// `From<u16>` (total and lossless), `From<Self> for u16`, `PartialEq<u16>`, `FromStr`.
    fn conversions(&self) -> TokenStream {
        let name = &self.def.name;
        let krate = self.krate;
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<::core::primitive::u16> for #name {
                #[inline]
                fn from(code: ::core::primitive::u16) -> Self {
                    match Self::__FROM.get(code as ::core::primitive::usize) {
                        ::core::option::Option::Some(status) => *status,
                        ::core::option::Option::None => Self::Other(#krate::__private::OtherCode::__new(code)),
                    }
                }
            }

            #[automatically_derived]
            impl #krate::__private::StatusSet for #name {
                #[inline]
                fn all() -> &'static [Self] {
                    Self::ALL
                }
                #[inline]
                fn contains(code: ::core::primitive::u16) -> ::core::primitive::bool {
                    Self::contains(code)
                }
            }

            #[automatically_derived]
            impl ::core::convert::From<#name> for ::core::primitive::u16 {
                #[inline]
                fn from(status: #name) -> Self {
                    #krate::__private::HttpStatus::code(&status)
                }
            }

            #[automatically_derived]
            impl ::core::cmp::PartialEq<::core::primitive::u16> for #name {
                #[inline]
                fn eq(&self, code: &::core::primitive::u16) -> ::core::primitive::bool {
                    #krate::__private::HttpStatus::code(self) == *code
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #name {
                type Err = #krate::__private::ParseStatusError;
                fn from_str(s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    match #krate::__private::parse_code(s) {
                        ::core::result::Result::Ok(code) => ::core::result::Result::Ok(<Self as ::core::convert::From<::core::primitive::u16>>::from(code)),
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    }
                }
            }
        }
    }

    /// `Display` as "429 Resource Exhausted" (padding honoured, nothing allocated) and
    /// `Debug` as `ResourceExhausted(429)`.
    fn formatting(&self) -> TokenStream {
        let name = &self.def.name;
        quote! {
            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => f.pad(Self::__DISPLAYS[i]),
                        ::core::result::Result::Err(code) => ::core::write!(f, "{} {}", code, Self::__other(code).0),
                    }
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self.__slot() {
                        ::core::result::Result::Ok(i) => f.debug_tuple(Self::__NAMES[i]).field(&Self::__CODES[i]).finish(),
                        ::core::result::Result::Err(code) => f.debug_tuple("Other").field(&code).finish(),
                    }
                }
            }
        }
    }

    /// Whatever status-core's features add (`http`, `serde` impls, `backoff()`): see its
    /// `hooks.rs`. A service with a back-off policy passes it on:
    /// `set_hooks! { NAME backoff [INITIAL_MS MAX_MS FACTOR JITTER MAX_RETRIES?] }`.
    fn hooks(&self) -> TokenStream {
        let (name, krate) = (&self.def.name, self.krate);
        let policy = self
            .set
            .service
            .as_deref()
            .and_then(|s| self.spec.service(s))
            .and_then(|s| s.backoff.as_ref());
        let Some(policy) = policy else {
            return quote! { #krate::__private::set_hooks! { #name } };
        };
        let millis = |d: std::time::Duration| {
            Literal::u64_unsuffixed(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        };
        let (initial, max) = (millis(policy.initial), millis(policy.max));
        let factor = Literal::f64_unsuffixed(policy.factor);
        let jitter = format_ident!("{}", jitter_variant(policy.jitter));
        let retries = policy.max_retries.map(Literal::u32_unsuffixed);
        quote! { #krate::__private::set_hooks! { #name backoff [#initial #max #factor #jitter #retries] } }
    }

    /// The spec validator already rejects duplicate codes; this makes rustc say so too,
    /// should a generator bug ever let one through.
    fn distinct_codes_check(&self) -> TokenStream {
        let codes = self
            .set
            .entries
            .iter()
            .map(|e| Literal::u16_unsuffixed(e.code));
        let span = self.def.name.span();
        quote_spanned! {span=>
            const _: () = {
                #[deny(unreachable_patterns)]
                match 0u16 {
                    #( #codes => {} )*
                    _ => {}
                }
            };
        }
    }
}

/// The tokens of a `Retry` value through the runtime's path:
/// `#krate::__private::Retry::Backoff` and friends.
pub(crate) fn retry_tokens(retry: Retry, krate: &TokenStream) -> TokenStream {
    let variant = format_ident!(
        "{}",
        match retry {
            Retry::Never => "Never",
            Retry::Modify => "Modify",
            Retry::Reauthenticate => "Reauthenticate",
            Retry::Backoff => "Backoff",
            Retry::RetryAfter => "RetryAfter",
        }
    );
    quote!(#krate::__private::Retry::#variant)
}

/// The tokens of a class through the runtime's path:
/// `#krate::__private::StatusClass::ClientError` and friends.
pub(crate) fn class_tokens(class: Class, krate: &TokenStream) -> TokenStream {
    let variant = Ident::new(class.variant(), Span::call_site());
    quote!(#krate::__private::StatusClass::#variant)
}

/// The `status_core::backoff::JitterMode` variant for a spec's jitter.
fn jitter_variant(jitter: Jitter) -> &'static str {
    match jitter {
        Jitter::None => "None",
        Jitter::Full => "Full",
        Jitter::Proportional => "Proportional",
    }
}
