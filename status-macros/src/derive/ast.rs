//! A borrowed view of the derive input: the enum, its variants, and their `#[status(..)]`s.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields};

use super::Errors;
use super::attr::{EnumAttrs, VariantAttrs};

/// The input; `variants` is empty when it is not an enum (that error is recorded already).
pub(crate) struct Input<'a> {
    pub(crate) node: &'a DeriveInput,
    pub(crate) attrs: EnumAttrs,
    pub(crate) variants: Vec<Variant<'a>>,
    pub(crate) is_enum: bool,
}

/// One variant with its parsed attribute.
pub(crate) struct Variant<'a> {
    pub(crate) node: &'a syn::Variant,
    pub(crate) attrs: VariantAttrs,
}

impl<'a> Input<'a> {
    pub(crate) fn from_syn(node: &'a DeriveInput, errors: &mut Errors) -> Input<'a> {
        let attrs = EnumAttrs::from_attrs(&node.attrs, errors);
        let variants = match &node.data {
            Data::Enum(data) => data
                .variants
                .iter()
                .map(|v| Variant::from_syn(v, errors))
                .collect(),
            Data::Struct(data) => {
                errors.push(not_an_enum(data.struct_token.span(), "a struct"));
                Vec::new()
            }
            Data::Union(data) => {
                errors.push(not_an_enum(data.union_token.span(), "a union"));
                Vec::new()
            }
        };
        let is_enum = matches!(node.data, Data::Enum(_));
        Input {
            node,
            attrs,
            variants,
            is_enum,
        }
    }

    /// The path generated code reaches status-core by: `#[status(crate = ..)]`, else
    /// `::status_core`.
    pub(crate) fn krate(&self) -> TokenStream {
        self.attrs
            .krate
            .as_ref()
            .map_or_else(|| quote!(::status_core), ToTokens::to_token_stream)
    }

    /// Whether every variant but the `other` one is a unit variant, so that a code alone can
    /// make a value (`from_code`, `From<u16>`).
    pub(crate) fn all_unit(&self) -> bool {
        self.variants
            .iter()
            .all(|v| v.attrs.other.is_some() || matches!(v.node.fields, Fields::Unit))
    }

    /// The variant marked `#[status(other)]` (the first, should there be several).
    pub(crate) fn other(&self) -> Option<&Variant<'a>> {
        self.variants.iter().find(|v| v.attrs.other.is_some())
    }
}

impl<'a> Variant<'a> {
    fn from_syn(node: &'a syn::Variant, errors: &mut Errors) -> Variant<'a> {
        Variant {
            node,
            attrs: VariantAttrs::from_attrs(&node.attrs, errors),
        }
    }
}

fn not_an_enum(span: proc_macro2::Span, what: &str) -> syn::Error {
    let msg = format!("`StatusCodes` can only be derived for an enum, not {what}");
    syn::Error::new(span, msg)
}
