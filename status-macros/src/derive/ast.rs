//! A borrowed view of the derive input: the enum's variants or the struct, and their
//! `#[status(..)]`s. A struct is read as an enum of one variant named like the struct,
//! whose status is the struct's code or its `transparent` field's.

use proc_macro2::{Ident, Span, TokenStream};

use super::attr::{EnumAttrs, FieldAttrs, VariantAttrs};
use crate::syntax::{self, Data, DeriveInput, Error, Errors};
use crate::tokens::Tokens;

/// The input; `variants` is empty when it is a union (that error is recorded already).
pub(crate) struct Input<'a> {
    pub(crate) node: &'a DeriveInput,
    pub(crate) attrs: EnumAttrs,
    pub(crate) variants: Vec<Variant<'a>>,
    pub(crate) is_enum: bool,
}

/// One variant (or the struct) with its parsed attributes.
pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) fields: &'a syntax::Fields,
    pub(crate) attrs: VariantAttrs,
    /// The struct's field marked `transparent` (a variant's is its only field).
    pub(crate) transparent_field: Option<usize>,
    /// The first paragraph of its doc comment, on one line; empty when it has none.
    pub(crate) docs: String,
}

impl<'a> Input<'a> {
    pub(crate) fn read(node: &'a DeriveInput, errors: &mut Errors) -> Input<'a> {
        let is_struct = matches!(node.data, Data::Struct(..));
        let attrs = EnumAttrs::from_attrs(&node.attrs, is_struct, errors);
        let variants = match &node.data {
            Data::Enum(variants) => variants.iter().map(|v| Variant::read(v, errors)).collect(),
            Data::Struct(fields) => vec![Variant::of_struct(node, fields, &attrs, errors)],
            Data::Union(keyword) => {
                let msg = "`StatusCodes` can only be derived for an enum or a struct, not a union";
                errors.push(Error::new(*keyword, msg));
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
        self.attrs.krate.clone().unwrap_or_else(|| {
            Tokens::new(Span::call_site())
                .path("::status_core")
                .finish()
        })
    }

    /// Whether every variant but the `other` one is a unit variant, so that a code alone can
    /// make a value (`from_code`, `From<u16>`).
    pub(crate) fn all_unit(&self) -> bool {
        self.is_enum
            && self
                .variants
                .iter()
                .all(|v| v.attrs.other.is_some() || v.fields.is_unit())
    }

    /// The variant marked `#[status(other)]` (the first, should there be several).
    pub(crate) fn other(&self) -> Option<&Variant<'a>> {
        self.variants.iter().find(|v| v.attrs.other.is_some())
    }
}

impl<'a> Variant<'a> {
    fn read(node: &'a syntax::Variant, errors: &mut Errors) -> Variant<'a> {
        let attrs = VariantAttrs::from_attrs(&node.attrs, errors);
        for field in node.fields.fields() {
            FieldAttrs::from_attrs(&field.attrs, false, errors);
        }
        Variant {
            ident: &node.ident,
            fields: &node.fields,
            attrs,
            transparent_field: None,
            docs: first_paragraph(&node.attrs),
        }
    }

    /// The struct as one variant: its code, or its one `transparent` field.
    fn of_struct(
        node: &'a DeriveInput,
        fields: &'a syntax::Fields,
        item: &EnumAttrs,
        errors: &mut Errors,
    ) -> Variant<'a> {
        let before = errors.len();
        let marked = transparent_fields(fields, errors);
        if let [(first, _), rest @ ..] = marked.as_slice() {
            let first = fields.fields()[*first].member();
            for (_, key) in rest {
                let msg = format!(
                    "only one field can be `#[status(transparent)]`, and `{first}` already is; the struct takes its status from one field"
                );
                errors.push(Error::new(key.span(), msg));
            }
        }
        let mut attrs = VariantAttrs {
            code: item.code.clone(),
            transparent: marked.first().map(|(_, key)| key.clone()),
            ..VariantAttrs::default()
        };
        match (&attrs.code, marked.first()) {
            (Some(_), Some((_, key))) => errors.push(Error::new(
                key.span(),
                "the struct has a code and a `transparent` field; keep the code, or remove it to take the field's status",
            )),
            (None, None) => errors.push(no_status(node)),
            _ => {}
        }
        attrs.broken = item.broken || errors.len() > before;
        Variant {
            ident: &node.ident,
            fields,
            transparent_field: marked.first().map(|(i, _)| *i),
            attrs,
            docs: first_paragraph(&node.attrs),
        }
    }
}

/// The fields marked `#[status(transparent)]`: their positions and the keys (for spans).
fn transparent_fields(fields: &syntax::Fields, errors: &mut Errors) -> Vec<(usize, Ident)> {
    let mut marked = Vec::new();
    for (i, field) in fields.fields().iter().enumerate() {
        if let Some(key) = FieldAttrs::from_attrs(&field.attrs, true, errors).transparent {
            marked.push((i, key));
        }
    }
    marked
}

fn no_status(node: &DeriveInput) -> Error {
    let name = &node.ident;
    let msg = format!(
        "`{name}` has no status: give the struct a code, as in `#[status(404)] struct {name}`, or mark the field it takes its status from, as in `#[status(transparent)] kind: ErrorKind`"
    );
    Error::new(name.span(), msg)
}

/// The first paragraph of the doc comment in `attrs`, its lines joined by spaces: what the
/// `utoipa` feature adds to the response a variant answers with.
fn first_paragraph(attrs: &[syntax::Attr]) -> String {
    // Loops, not adapters: a `flat_map` cost this crate a sizeable share of its build.
    let mut paragraph: Vec<String> = Vec::new();
    for text in attrs.iter().filter_map(syntax::Attr::doc) {
        for line in text.lines().map(str::trim) {
            match (line.is_empty(), paragraph.is_empty()) {
                (true, true) => {}
                (true, false) => return paragraph.join(" "),
                (false, _) => paragraph.push(line.to_owned()),
            }
        }
    }
    paragraph.join(" ")
}
