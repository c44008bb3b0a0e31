//! The rules: settles each variant's code against the spec, or records why it cannot.
//!
//! A variant's code is its `#[status(NNN)]`, else the entry its name matches: the entry's
//! `name`, then a name derived from one of its `aliases`, then (in a service) the base
//! registry's name for a code the service lists, then the enum's `#[status(default = NNN)]`.
//! `#[status(other)]` marks the one variant that holds any other code in a code-like field
//! (`u16`, `http::StatusCode`, a generated set); `#[status(transparent)]` a variant (or a
//! struct's field) that takes its whole status from its one field.

use proc_macro2::{Delimiter, Span, TokenTree};
use status_codegen::SelectError;
use status_spec::{CodeEntry, Service, Spec};

use super::ast::{Input, Variant};
use crate::syntax::{Error, Errors, LitInt, Result};

/// The input with every variant's code settled.
pub(crate) struct Checked<'a> {
    pub(crate) input: &'a Input<'a>,
    pub(crate) spec: &'a Spec,
    pub(crate) service: Option<&'a Service>,
    pub(crate) variants: Vec<Resolved<'a>>,
}

/// One variant and what it stands for.
pub(crate) struct Resolved<'a> {
    pub(crate) variant: &'a Variant<'a>,
    pub(crate) kind: Kind<'a>,
}

/// A variant stands for one entry of the spec, for every code no other variant names, or
/// for whatever status its field has.
pub(crate) enum Kind<'a> {
    Code(&'a CodeEntry),
    Other(OtherField),
    Transparent(FieldRef),
}

/// The field of the `other` variant that holds the code.
pub(crate) struct OtherField {
    /// `0` or the field's name.
    pub(crate) member: TokenTree,
    /// The field's type, where rustc should complain should it not hold a code.
    pub(crate) ty_span: Span,
    /// The type is spelled `u16`: read it as is, and `From<u16>` can build the variant.
    pub(crate) is_u16: bool,
}

/// The field a `transparent` variant takes its status from.
pub(crate) struct FieldRef {
    /// `0` or the field's name.
    pub(crate) member: TokenTree,
    /// The field's type, where rustc should complain should it not implement `HttpStatus`.
    pub(crate) ty_span: Span,
}

/// Checks the whole input; every problem goes to `errors`, and the variants that could be
/// settled come back (the caller expands them only when `errors` stayed empty).
pub(crate) fn check<'a>(input: &'a Input<'a>, spec: &'a Spec, errors: &mut Errors) -> Checked<'a> {
    let scope = Scope::new(input, spec, errors);
    if input.is_enum && input.variants.is_empty() {
        let msg = "`StatusCodes` cannot be derived for an enum with no variants";
        errors.push(Error::new(input.node.ident.span(), msg));
    }
    check_one_other(input, errors);
    let variants = input
        .variants
        .iter()
        .filter_map(|v| resolve(v, &scope, errors))
        .collect();
    for variant in &input.variants {
        check_transparent_alone(variant, errors);
    }
    Checked {
        input,
        spec,
        service: scope.service,
        variants,
    }
}

/// Where names and codes are looked up: a service's effective entries, or the base registry.
struct Scope<'a> {
    spec: &'a Spec,
    service: Option<&'a Service>,
    /// False when the enum names a service the spec lacks: lookups would only add noise.
    usable: bool,
    /// The entry of `#[status(default = NNN)]`, for variants whose name matches nothing.
    default: Option<&'a CodeEntry>,
}

impl<'a> Scope<'a> {
    fn new(input: &Input<'_>, spec: &'a Spec, errors: &mut Errors) -> Scope<'a> {
        let mut scope = Scope {
            spec,
            service: None,
            usable: !input.attrs.broken,
            default: None,
        };
        if let Some(lit) = &input.attrs.service {
            let name = lit.value();
            match spec.service(name) {
                Some(service) => scope.service = Some(service),
                None => {
                    errors.push(Error::new(lit.span(), unknown_service(spec, name)));
                    scope.usable = false;
                }
            }
        }
        if let Some(lit) = input.attrs.default.as_ref().filter(|_| scope.usable) {
            let entry = code_value(lit).and_then(|code| by_code(&scope, code, lit, "default code"));
            scope.default = errors.push_result(entry);
            // A bad default would make every unnamed variant an error too.
            scope.usable = scope.default.is_some();
        }
        scope
    }

    fn entries(&self) -> Vec<&'a CodeEntry> {
        match self.service {
            Some(service) => service.entries().iter().collect(),
            None => self.spec.codes().collect(),
        }
    }

    fn by_code(&self, code: u16) -> Option<&'a CodeEntry> {
        match self.service {
            Some(service) => service.entry(code),
            None => self.spec.code(code),
        }
    }

    /// Every name a variant may use for each entry, best first: its name, names derived from
    /// its aliases, and (in a service) the base registry's name for the code. For the
    /// did-you-mean of a name that matched none.
    fn names(&self) -> Vec<(String, &'a CodeEntry)> {
        let entries = self.entries();
        let mut names: Vec<(String, &'a CodeEntry)> = Vec::new();
        for &e in &entries {
            names.push((e.name.clone(), e));
        }
        for &e in &entries {
            for alias in &e.aliases {
                names.push((status_spec::variant_name(alias), e));
            }
        }
        if self.service.is_some() {
            for &e in &entries {
                if let Some(base) = self.spec.code(e.code) {
                    names.push((base.name.clone(), e));
                }
            }
        }
        names
    }

    /// The entry `name` stands for, in the order of [`Self::names`], without building that
    /// list: this runs for each variant named after an entry, in the unoptimised macro.
    fn by_name(&self, name: &str) -> Option<&'a CodeEntry> {
        let entries = self.entries();
        let named = |e: &&&'a CodeEntry| e.name == name;
        let aliased = |e: &&&'a CodeEntry| {
            e.aliases
                .iter()
                .any(|a| status_spec::variant_name(a) == name)
        };
        let in_base = |e: &&&'a CodeEntry| {
            self.service.is_some() && self.spec.code(e.code).is_some_and(|b| b.name == name)
        };
        let found = entries.iter().find(named);
        let found = found.or_else(|| entries.iter().find(aliased));
        found.or_else(|| entries.iter().find(in_base)).copied()
    }

    /// "the `safe_browsing` service" or "the spec's base registry", for messages.
    fn describe(&self) -> String {
        match self.service {
            Some(service) => format!("the `{}` service", service.name),
            None => "the spec's base registry".to_owned(),
        }
    }
}

/// The message `status_set!` gives for the same mistake.
fn unknown_service(spec: &Spec, name: &str) -> String {
    let suggestion = status_spec::suggest_service(spec, name).map(str::to_owned);
    let known = spec.service_names().map(str::to_owned).collect();
    SelectError::UnknownService {
        name: name.to_owned(),
        suggestion,
        known,
    }
    .to_string()
}

/// Flags each `#[status(other)]` after the first.
fn check_one_other(input: &Input<'_>, errors: &mut Errors) {
    let mut others = input
        .variants
        .iter()
        .filter_map(|v| v.attrs.other.as_ref().map(|o| (v, o)));
    let Some((first, _)) = others.next() else {
        return;
    };
    for (_, token) in others {
        let msg = format!(
            "only one variant can be `#[status(other)]`, and `{}` already is",
            first.ident
        );
        errors.push(Error::new(token.span(), msg));
    }
}

fn resolve<'a>(
    variant: &'a Variant<'a>,
    scope: &Scope<'a>,
    errors: &mut Errors,
) -> Option<Resolved<'a>> {
    if variant.attrs.broken {
        return None;
    }
    let kind = if variant.attrs.other.is_some() {
        errors.push_result(other_member(variant)).map(Kind::Other)
    } else if variant.attrs.transparent.is_some() {
        errors
            .push_result(transparent_member(variant))
            .map(Kind::Transparent)
    } else if let Some(lit) = &variant.attrs.code {
        let code = errors.push_result(code_value(lit))?;
        scope
            .usable
            .then(|| errors.push_result(by_code(scope, code, lit, "code")))?
            .map(Kind::Code)
    } else {
        scope
            .usable
            .then(|| errors.push_result(by_name(scope, variant)))?
            .map(Kind::Code)
    }?;
    Some(Resolved { variant, kind })
}

/// The literal's value, if it is a status code at all.
fn code_value(lit: &LitInt) -> Result<u16> {
    match lit.as_u16() {
        Some(code) if (100..=599).contains(&code) => Ok(code),
        _ => {
            let msg = format!(
                "status code `{}` is out of range; expected 100 to 599",
                lit.base10_digits()
            );
            Err(lit.error(msg))
        }
    }
}

/// The entry for `code`; `what` names the code in the message ("code", "default code").
fn by_code<'a>(scope: &Scope<'a>, code: u16, lit: &LitInt, what: &str) -> Result<&'a CodeEntry> {
    if let Some(entry) = scope.by_code(code) {
        return Ok(entry);
    }
    let listed = match scope.service {
        Some(service) => {
            let codes: Vec<String> = service.codes().map(|c| c.to_string()).collect();
            format!("; it lists {}", codes.join(", "))
        }
        None => String::new(),
    };
    let msg = format!("{what} {code} is not in {}{listed}", scope.describe());
    Err(lit.error(msg))
}

fn by_name<'a>(scope: &Scope<'a>, variant: &Variant<'_>) -> Result<&'a CodeEntry> {
    let ident = variant.ident;
    let name = ident.to_string();
    if let Some(entry) = scope.by_name(&name).or(scope.default) {
        return Ok(entry);
    }
    let msg = format!(
        "`{name}` names no code of {}; {}",
        scope.describe(),
        name_hint(scope, &name)
    );
    Err(Error::new(ident.span(), msg))
}

/// The nearest name, else how to give a code (and, in a service, the names it has).
fn name_hint(scope: &Scope<'_>, name: &str) -> String {
    let names = scope.names();
    if let Some(near) = status_spec::did_you_mean(name, names.iter().map(|(n, _)| n.as_str())) {
        let code = names
            .iter()
            .find(|(n, _)| n == near)
            .map_or(0, |(_, e)| e.code);
        return format!("did you mean `{near}` ({code})?");
    }
    let Some(service) = scope.service else {
        return "give its code with `#[status(NNN)]`, or give the enum a `#[status(default = NNN)]`".to_owned();
    };
    let listed: Vec<String> = service
        .entries()
        .iter()
        .map(|e| format!("`{}` ({})", e.name, e.code))
        .collect();
    format!(
        "give its code with `#[status(NNN)]` or the enum a `#[status(default = NNN)]`, or use one of {}",
        listed.join(", ")
    )
}

/// The one field of the `other` variant. Whether `u16` converts from its type is for rustc
/// to say (status-core's `CodeField` carries the message), unless it is spelled `u16`.
fn other_member(variant: &Variant<'_>) -> Result<OtherField> {
    let [field] = variant.fields.fields() else {
        return Err(other_shape_error(variant));
    };
    Ok(OtherField {
        member: field.member(),
        ty_span: field.ty_span(),
        is_u16: is_u16(&field.ty),
    })
}

/// The field a `transparent` variant (or struct) takes its status from.
fn transparent_member(variant: &Variant<'_>) -> Result<FieldRef> {
    let fields = variant.fields.fields();
    let field = match (variant.transparent_field, fields) {
        (Some(marked), _) => fields.get(marked),
        (None, [field]) => Some(field),
        (None, _) => None,
    };
    let Some(field) = field else {
        return Err(transparent_shape_error(variant));
    };
    Ok(FieldRef {
        member: field.member(),
        ty_span: field.ty_span(),
    })
}

fn transparent_shape_error(variant: &Variant<'_>) -> Error {
    let name = variant.ident;
    let count = variant.fields.fields().len();
    let msg = format!(
        "a `transparent` variant takes its status from its one field, as in `{name}(DbError)`, and `{name}` has {count} fields; give it its own code such as `#[status(500)]` instead"
    );
    at_fields(variant, msg)
}

/// `www_authenticate` and `mask` beside `transparent` would be ignored: the field's type
/// decides its response.
fn check_transparent_alone(variant: &Variant<'_>, errors: &mut Errors) {
    let Some(key) = &variant.attrs.transparent else {
        return;
    };
    let given = [
        ("www_authenticate", variant.attrs.www_authenticate.is_some()),
        ("mask", variant.attrs.mask.is_some()),
    ];
    for (what, _) in given.iter().filter(|(_, given)| *given) {
        let msg = format!(
            "a `transparent` variant answers exactly as its field does; put `{what}` on the field's type instead"
        );
        errors.push(Error::new(key.span(), msg));
    }
}

/// At the fields when there are some (too many), else at the variant's name (none at all).
fn other_shape_error(variant: &Variant<'_>) -> Error {
    let name = variant.ident;
    let msg = format!(
        "the `other` variant holds the code in one field, as in `{name}(u16)` or `{name} {{ code: http::StatusCode }}`"
    );
    at_fields(variant, msg)
}

fn at_fields(variant: &Variant<'_>, msg: String) -> Error {
    let name = variant.ident;
    match variant.fields.group() {
        Some(group) => Error::spanning(group.span_open(), group.span_close(), msg),
        None => Error::new(name.span(), msg),
    }
}

/// `u16`, `::core::primitive::u16` and the like. The check is by spelling (a derive sees no
/// types), so an alias of `u16` is refused; a `u16` that is not the primitive (a shadowing
/// user type) gets past here and fails to type-check in the generated code instead.
fn is_u16(ty: &[TokenTree]) -> bool {
    match ty {
        // `(u16)`, or a type a `macro_rules!` passed through as one invisible group.
        [TokenTree::Group(g)]
            if matches!(g.delimiter(), Delimiter::Parenthesis | Delimiter::None) =>
        {
            is_u16(&g.stream().into_iter().collect::<Vec<_>>())
        }
        [.., TokenTree::Ident(last)] if last == "u16" => ty.iter().all(|t| match t {
            TokenTree::Ident(_) => true,
            TokenTree::Punct(p) => p.as_char() == ':',
            _ => false,
        }),
        _ => false,
    }
}
