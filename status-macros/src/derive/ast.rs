//! A borrowed view of the derive input: the enum, its variants, and their `#[status(..)]`s.

use proc_macro2::{Span, TokenStream};
use quote::quote;

use super::attr::{EnumAttrs, VariantAttrs};
use crate::syntax::{self, Data, DeriveInput, Error, Errors};

/// The input; `variants` is empty when it is not an enum (that error is recorded already).
pub(crate) struct Input<'a> {
    pub(crate) node: &'a DeriveInput,
    pub(crate) attrs: EnumAttrs,
    pub(crate) variants: Vec<Variant<'a>>,
    pub(crate) is_enum: bool,
}

/// One variant with its parsed attribute.
pub(crate) struct Variant<'a> {
    pub(crate) node: &'a syntax::Variant,
    pub(crate) attrs: VariantAttrs,
}

impl<'a> Input<'a> {
    pub(crate) fn read(node: &'a DeriveInput, errors: &mut Errors) -> Input<'a> {
        let attrs = EnumAttrs::from_attrs(&node.attrs, errors);
        let variants = match &node.data {
            Data::Enum(variants) => variants.iter().map(|v| Variant::read(v, errors)).collect(),
            Data::Struct(keyword) => {
                errors.push(not_an_enum(*keyword, "a struct"));
                Vec::new()
            }
            Data::Union(keyword) => {
                errors.push(not_an_enum(*keyword, "a union"));
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
            .clone()
            .unwrap_or_else(|| quote!(::status_core))
    }

    /// Whether every variant but the `other` one is a unit variant, so that a code alone can
    /// make a value (`from_code`, `From<u16>`).
    pub(crate) fn all_unit(&self) -> bool {
        self.variants
            .iter()
            .all(|v| v.attrs.other.is_some() || v.node.fields.is_unit())
    }

    /// The variant marked `#[status(other)]` (the first, should there be several).
    pub(crate) fn other(&self) -> Option<&Variant<'a>> {
        self.variants.iter().find(|v| v.attrs.other.is_some())
    }
}

impl<'a> Variant<'a> {
    fn read(node: &'a syntax::Variant, errors: &mut Errors) -> Variant<'a> {
        Variant {
            node,
            attrs: VariantAttrs::from_attrs(&node.attrs, errors),
        }
    }
}

fn not_an_enum(span: Span, what: &str) -> Error {
    let msg = format!("`StatusCodes` can only be derived for an enum, not {what}");
    Error::new(span, msg)
}
