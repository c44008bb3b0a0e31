//! The input of `status_set!`, parsed with its spans kept for error messages.

use proc_macro2::{Delimiter, Group, Ident, Span, TokenStream};
use status_spec::Class;

use crate::syntax::{Attr, Cursor, Error, Errors, LitInt, LitStr, Result};

/// What `status_core::status_set!` hands the proc macro:
///
/// ```text
/// crate = PATH ;                          // added by the macro_rules wrapper ($crate)
/// ( #[attr]* VIS enum NAME = SELECTION ; )*
///
/// SELECTION := service "NAME" | [ ITEM, ... ] | Nxx | all
/// ITEM      := CODE | CODE ..= CODE
/// ```
pub(crate) struct SetInput {
    pub(crate) krate: TokenStream,
    pub(crate) items: Vec<SetItem>,
}

/// One `enum` item of the call.
pub(crate) struct SetItem {
    pub(crate) attrs: Vec<Attr>,
    pub(crate) spec: Option<LitStr>,
    pub(crate) vis: TokenStream,
    pub(crate) name: Ident,
    pub(crate) selection: SelectionAst,
}

/// The part after `=`, each piece with the span errors should point at.
pub(crate) enum SelectionAst {
    Service(LitStr),
    Codes(Vec<CodeItem>),
    Class(Class, Span),
    All(Span),
}

/// One list item: a code or an inclusive range, as written; checked by [`CodeItem::codes`]
/// so that one call reports every bad literal, not only the first.
pub(crate) struct CodeItem {
    pub(crate) start: LitInt,
    pub(crate) end: Option<LitInt>,
}

impl SetInput {
    pub(crate) fn parse(input: TokenStream) -> Result<SetInput> {
        let mut cursor = Cursor::top(input);
        cursor
            .eat_keyword("crate")
            .ok_or_else(|| cursor.error("call `status_set!` through `status_core::status_set!`"))?;
        cursor.expect_punct('=')?;
        let mut krate = TokenStream::new();
        while cursor.eat_punct(';').is_none() {
            let token = cursor.next().ok_or_else(|| cursor.error("expected `;`"))?;
            krate.extend([token]);
        }
        let mut items = Vec::new();
        while !cursor.is_empty() {
            items.push(SetItem::parse(&mut cursor)?);
        }
        Ok(SetInput { krate, items })
    }
}

impl SetItem {
    fn parse(cursor: &mut Cursor) -> Result<SetItem> {
        let (attrs, spec) = split_status_attrs(cursor.attrs())?;
        let vis = cursor.vis();
        cursor.eat_keyword("enum").ok_or_else(|| {
            cursor.error(format!(
                "expected `enum NAME = SELECTION;`, found {}",
                cursor.found()
            ))
        })?;
        let name = cursor.expect_ident("the enum's name")?;
        cursor.expect_punct('=')?;
        let selection = SelectionAst::parse(cursor)?;
        cursor.eat_punct(';').ok_or_else(|| {
            cursor.error(format!(
                "expected `;` after the selection, found {}",
                cursor.found()
            ))
        })?;
        Ok(SetItem {
            attrs,
            spec,
            vis,
            name,
            selection,
        })
    }
}

/// Takes `#[status(spec = "...")]` out of the attributes; the rest pass through.
fn split_status_attrs(attrs: Vec<Attr>) -> Result<(Vec<Attr>, Option<LitStr>)> {
    let mut spec = None;
    let mut rest = Vec::new();
    for attr in attrs {
        if !attr.is("status") {
            rest.push(attr);
            continue;
        }
        let mut args = attr.args("status")?;
        while !args.is_empty() {
            let key = args.expect_ident("`spec = \"path/to/codes.toml\"`")?;
            if key != "spec" {
                let msg = format!(
                    "unknown key `{key}` in `#[status(..)]` of `status_set!`; the only key is `spec`"
                );
                return Err(Error::new(key.span(), msg));
            }
            if spec.is_some() {
                return Err(Error::new(key.span(), "duplicate `spec` key"));
            }
            args.expect_punct('=')?;
            let path = args
                .eat_str()
                .ok_or_else(|| args.error("expected `spec = \"path/to/codes.toml\"`"))?;
            spec = Some(path);
            if !args.is_empty() {
                args.expect_punct(',')?;
            }
        }
    }
    Ok((rest, spec))
}

impl SelectionAst {
    fn parse(cursor: &mut Cursor) -> Result<SelectionAst> {
        if let Some(group) = cursor.eat_group(Delimiter::Bracket) {
            return parse_codes(&group);
        }
        if let Some(lit) = cursor.eat_int() {
            return parse_class(&lit);
        }
        let expected = "expected `service \"NAME\"`, `[CODES]`, a class such as `4xx`, or `all`";
        if let Some(word) = cursor.peek_ident().cloned() {
            cursor.next();
            return match word.to_string().as_str() {
                "service" => cursor.eat_str().map(SelectionAst::Service).ok_or_else(|| {
                    cursor.error(format!(
                        "expected the service's name in quotes, as in `service \"safe_browsing\"`; found {}",
                        cursor.found()
                    ))
                }),
                "all" => Ok(SelectionAst::All(word.span())),
                other => Err(Error::new(
                    word.span(),
                    format!("{expected}; found `{other}`"),
                )),
            };
        }
        let (span, found) = (cursor.span(), cursor.found());
        let hint = if cursor.eat_str().is_some() {
            " (a service is named as in `service \"safe_browsing\"`)"
        } else {
            ""
        };
        Err(Error::new(span, format!("{expected}; found {found}{hint}")))
    }
}

fn parse_codes(group: &Group) -> Result<SelectionAst> {
    let mut cursor = Cursor::of_group(group);
    let mut items = Vec::new();
    let mut errors = Errors::default();
    while !cursor.is_empty() {
        match CodeItem::parse(&mut cursor) {
            Ok(item) => items.push(item),
            Err(e) => {
                errors.push(e);
                cursor.until_comma();
                continue;
            }
        }
        if !cursor.is_empty() {
            if let Err(e) = cursor.expect_punct(',') {
                errors.push(e);
                cursor.until_comma();
            }
        }
    }
    errors.finish().map_or(Ok(SelectionAst::Codes(items)), Err)
}

/// `4xx`: Rust lexes it as the integer `4` with the suffix `xx`.
fn parse_class(lit: &LitInt) -> Result<SelectionAst> {
    let class = match (lit.base10_digits(), lit.suffix()) {
        ("1", "xx") => Class::Informational,
        ("2", "xx") => Class::Success,
        ("3", "xx") => Class::Redirection,
        ("4", "xx") => Class::ClientError,
        ("5", "xx") => Class::ServerError,
        _ => {
            return Err(lit.error(format!(
                "invalid class `{lit}`; expected `1xx`, `2xx`, `3xx`, `4xx` or `5xx`"
            )));
        }
    };
    Ok(SelectionAst::Class(class, lit.span()))
}

impl CodeItem {
    fn parse(cursor: &mut Cursor) -> Result<CodeItem> {
        let expected = "expected a status code such as `404`, or a range such as `502..=504`";
        let start = cursor
            .eat_int()
            .ok_or_else(|| cursor.error(format!("{expected}; found {}", cursor.found())))?;
        let mut end = None;
        if let Some((first, last, inclusive)) = cursor.eat_range_dots() {
            if !inclusive {
                return Err(Error::spanning(
                    first,
                    last,
                    "use an inclusive range such as `502..=504`",
                ));
            }
            let bound = cursor
                .eat_int()
                .ok_or_else(|| cursor.error(format!("{expected}; found {}", cursor.found())))?;
            end = Some(bound);
        }
        Ok(CodeItem { start, end })
    }

    /// Where errors about the item point: its first literal.
    pub(crate) fn span(&self) -> Span {
        self.start.span()
    }

    /// The item's bounds, each an unsuffixed integer from 100 to 599.
    pub(crate) fn codes(&self) -> Result<(u16, Option<u16>)> {
        let start = code(&self.start);
        let end = self.end.as_ref().map(code).transpose();
        match (start, end) {
            (Ok(start), Ok(end)) => Ok((start, end)),
            (Err(mut a), Err(b)) => {
                a.combine(b);
                Err(a)
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }
}

/// A status code literal: an unsuffixed integer from 100 to 599.
fn code(lit: &LitInt) -> Result<u16> {
    match lit.as_u16().filter(|c| (100..=599).contains(c)) {
        Some(code) if lit.suffix().is_empty() => Ok(code),
        _ => Err(lit.error(format!(
            "`{lit}` is not a status code; expected a number from 100 to 599"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(source: &str) -> Vec<SetItem> {
        let tokens: TokenStream = format!("crate = ::status_core; {source}")
            .parse()
            .expect("test input lexes");
        match SetInput::parse(tokens) {
            Ok(input) => input.items,
            Err(e) => panic!("{source}: {}", e.into_compile_error()),
        }
    }

    #[test]
    fn every_class_literal() {
        let parsed = items("enum A = 1xx; enum B = 2xx; enum C = 3xx; enum D = 4xx; enum E = 5xx;");
        let classes: Vec<Class> = parsed
            .iter()
            .filter_map(|item| match item.selection {
                SelectionAst::Class(class, _) => Some(class),
                _ => None,
            })
            .collect();
        assert_eq!(
            classes,
            [
                Class::Informational,
                Class::Success,
                Class::Redirection,
                Class::ClientError,
                Class::ServerError
            ]
        );
    }

    fn codes_of(source: &str) -> std::result::Result<(u16, Option<u16>), String> {
        let parsed = items(source);
        let SelectionAst::Codes(list) = &parsed[0].selection else {
            panic!("a list");
        };
        list[0]
            .codes()
            .map_err(|e| e.into_compile_error().to_string())
    }

    #[test]
    fn codes_are_unsuffixed_and_both_bounds_are_checked() {
        assert_eq!(codes_of("enum A = [502..=504];"), Ok((502, Some(504))));
        let suffixed = codes_of("enum A = [404u16];").expect_err("a suffix is refused");
        assert!(
            suffixed.contains("`404u16` is not a status code"),
            "{suffixed}"
        );
        let both = codes_of("enum A = [99..=600];").expect_err("both bounds are bad");
        assert!(
            both.contains("`99` is not a status code")
                && both.contains("`600` is not a status code"),
            "{both}"
        );
    }
}
