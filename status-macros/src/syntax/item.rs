//! The item a derive is applied to, read as far as `#[derive(StatusCodes)]` needs: its
//! attributes, name, generics, and each variant's (or the struct's) attributes, name and
//! fields. Types, bounds and where-clauses are kept as tokens and passed through.

use proc_macro2::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};

use super::cursor::Angles;
use super::{Attr, Cursor, Error, Result};
use crate::tokens::Tokens;

/// A derive's input.
pub(crate) struct DeriveInput {
    pub(crate) attrs: Vec<Attr>,
    pub(crate) vis: TokenStream,
    pub(crate) ident: Ident,
    pub(crate) generics: Generics,
    pub(crate) data: Data,
}

/// What kind of item it is; a union's body is not read.
pub(crate) enum Data {
    Enum(Vec<Variant>),
    /// A struct's fields.
    Struct(Fields),
    /// The `union` keyword, for the error.
    Union(Span),
}

pub(crate) struct Variant {
    pub(crate) attrs: Vec<Attr>,
    pub(crate) ident: Ident,
    pub(crate) fields: Fields,
}

pub(crate) enum Fields {
    Unit,
    /// `(A, B)`: the group (for spans) and the fields.
    Tuple(Group, Vec<Field>),
    /// `{ a: A }`.
    Named(Group, Vec<Field>),
}

pub(crate) struct Field {
    pub(crate) attrs: Vec<Attr>,
    /// The position among the fields, which names a tuple field.
    pub(crate) index: usize,
    /// `None` in a tuple variant.
    pub(crate) name: Option<Ident>,
    pub(crate) ty: Vec<TokenTree>,
}

/// The generic parameters and where-clause, split the way impls need them.
#[derive(Default)]
pub(crate) struct Generics {
    /// Each parameter as an impl declares it (bounds kept, defaults dropped) and as the
    /// type names it (`'a`, `T`, `N`).
    params: Vec<(TokenStream, TokenStream)>,
    /// `where ...`, or nothing.
    where_clause: TokenStream,
}

impl DeriveInput {
    /// Reads the input of a derive. Rust has parsed it as an item already, so errors are
    /// only for shapes this reader does not follow.
    pub(crate) fn parse(input: TokenStream) -> Result<DeriveInput> {
        let mut cursor = Cursor::top(input);
        let attrs = cursor.attrs();
        let vis = cursor.vis();
        let keyword = cursor.expect_ident("`enum`")?;
        let ident = cursor.expect_ident("the item's name")?;
        let params = generic_params(&mut cursor)?;
        // A tuple struct's fields come before its where-clause.
        let tuple = match keyword.to_string().as_str() {
            "struct" => cursor.eat_group(Delimiter::Parenthesis),
            _ => None,
        };
        let where_clause: TokenStream = match cursor.peek_ident() {
            Some(w) if w == "where" => where_tokens(&mut cursor),
            _ => TokenStream::new(),
        };
        let data = match keyword.to_string().as_str() {
            "enum" => {
                let body = cursor
                    .eat_group(Delimiter::Brace)
                    .ok_or_else(|| cursor.error("expected the enum's `{ .. }`"))?;
                Data::Enum(variants(&body)?)
            }
            "struct" => Data::Struct(struct_fields(tuple, &mut cursor)?),
            "union" => Data::Union(keyword.span()),
            other => {
                return Err(Error::new(
                    keyword.span(),
                    format!("expected `enum`, found `{other}`"),
                ));
            }
        };
        Ok(DeriveInput {
            attrs,
            vis,
            ident,
            generics: Generics {
                params,
                where_clause,
            },
            data,
        })
    }
}

impl Generics {
    /// `(<T: Bound>, <T>, where ..)`, each empty when there is nothing to say.
    pub(crate) fn split_for_impl(&self) -> (TokenStream, TokenStream, &TokenStream) {
        if self.params.is_empty() {
            return (TokenStream::new(), TokenStream::new(), &self.where_clause);
        }
        let declared = self.params.iter().map(|(d, _)| d.clone());
        let named = self.params.iter().map(|(_, n)| n.clone());
        (angled(declared), angled(named), &self.where_clause)
    }
}

/// `<A, B, ..>`.
fn angled(items: impl Iterator<Item = TokenStream>) -> TokenStream {
    let mut tokens = Tokens::new(Span::call_site()).punct('<', false);
    for (i, item) in items.enumerate() {
        if i > 0 {
            tokens = tokens.punct(',', false);
        }
        tokens = tokens.tokens(item);
    }
    tokens.punct('>', false).finish()
}

impl Fields {
    pub(crate) fn is_unit(&self) -> bool {
        matches!(self, Fields::Unit)
    }

    pub(crate) fn fields(&self) -> &[Field] {
        match self {
            Fields::Unit => &[],
            Fields::Tuple(_, fields) | Fields::Named(_, fields) => fields,
        }
    }

    /// The delimiters around the fields, if there are any.
    pub(crate) fn group(&self) -> Option<&Group> {
        match self {
            Fields::Unit => None,
            Fields::Tuple(group, _) | Fields::Named(group, _) => Some(group),
        }
    }
}

impl Field {
    /// How a pattern names the field: its position in a tuple variant, else its name.
    pub(crate) fn member(&self) -> TokenTree {
        match &self.name {
            Some(name) => TokenTree::Ident(name.clone()),
            None => TokenTree::Literal(Literal::usize_unsuffixed(self.index)),
        }
    }

    /// The first token of the type (the start of the span errors on it use).
    pub(crate) fn ty_span(&self) -> Span {
        self.ty
            .first()
            .map_or_else(Span::call_site, TokenTree::span)
    }
}

/// `<...>` after the name, split into parameters.
fn generic_params(cursor: &mut Cursor) -> Result<Vec<(TokenStream, TokenStream)>> {
    let Some(open) = cursor.peek().filter(|_| cursor.peek_punct('<')).cloned() else {
        return Ok(Vec::new());
    };
    cursor.next();
    let mut angles = Angles::default();
    angles.step(&open);
    let mut inside = Vec::new();
    while let Some(token) = cursor.next() {
        angles.step(&token);
        if angles.depth() == 0 {
            let mut params = Cursor::of_tokens(inside, token.span());
            return Ok(split_params(&mut params));
        }
        inside.push(token);
    }
    Err(cursor.error("unclosed generic parameters"))
}

/// Each `'a: 'b`, `T: Bound = Default` or `const N: usize = 3` as (declared, named).
fn split_params(params: &mut Cursor) -> Vec<(TokenStream, TokenStream)> {
    let mut out = Vec::new();
    while !params.is_empty() {
        let mut param = Cursor::of_tokens(params.until_comma(), Span::call_site());
        param.attrs();
        let tokens = param.rest();
        // The default (`= ...` at this level) belongs on the type only.
        let declared_len = top_level_eq(&tokens).unwrap_or(tokens.len());
        let declared: TokenStream = tokens[..declared_len].iter().cloned().collect();
        let named = param_name(&tokens);
        if !declared.is_empty() {
            out.push((declared, named));
        }
    }
    out
}

/// Where a parameter's default starts: the first `=` outside `<..>`.
fn top_level_eq(tokens: &[TokenTree]) -> Option<usize> {
    let mut angles = Angles::default();
    tokens.iter().position(|t| {
        let eq = angles.depth() == 0 && matches!(t, TokenTree::Punct(p) if p.as_char() == '=');
        angles.step(t);
        eq
    })
}

/// `'a` for a lifetime, `N` for `const N: ..`, `T` for a type parameter.
fn param_name(tokens: &[TokenTree]) -> TokenStream {
    match tokens {
        [TokenTree::Punct(tick), TokenTree::Ident(name), ..] if tick.as_char() == '\'' => {
            [tokens[0].clone(), TokenTree::Ident(name.clone())]
                .into_iter()
                .collect()
        }
        [TokenTree::Ident(kw), TokenTree::Ident(name), ..] if kw == "const" => {
            TokenTree::Ident(name.clone()).into()
        }
        [first, ..] => first.clone().into(),
        [] => TokenStream::new(),
    }
}

/// `where ...` up to the body (or a tuple struct's `;`).
fn where_tokens(cursor: &mut Cursor) -> TokenStream {
    let mut tokens = TokenStream::new();
    while let Some(token) = cursor.peek() {
        if matches!(token, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
            || cursor.peek_punct(';')
        {
            break;
        }
        tokens.extend(cursor.next());
    }
    tokens
}

fn variants(body: &Group) -> Result<Vec<Variant>> {
    let mut cursor = Cursor::of_group(body);
    let mut variants = Vec::new();
    while !cursor.is_empty() {
        let mut one = Cursor::of_tokens(cursor.until_comma(), body.span_close());
        let attrs = one.attrs();
        one.vis();
        let ident = one.expect_ident("a variant")?;
        let fields = if let Some(group) = one.eat_group(Delimiter::Parenthesis) {
            let fields = fields(&group, false)?;
            Fields::Tuple(group, fields)
        } else if let Some(group) = one.eat_group(Delimiter::Brace) {
            let fields = fields(&group, true)?;
            Fields::Named(group, fields)
        } else {
            Fields::Unit
        };
        // What is left is a discriminant (`= 5`), which has no bearing on the status.
        variants.push(Variant {
            attrs,
            ident,
            fields,
        });
    }
    Ok(variants)
}

/// A struct's `(..)` (read before its where-clause), `{ .. }`, or nothing (`;`).
fn struct_fields(tuple: Option<Group>, cursor: &mut Cursor) -> Result<Fields> {
    if let Some(group) = tuple {
        let fields = fields(&group, false)?;
        return Ok(Fields::Tuple(group, fields));
    }
    match cursor.eat_group(Delimiter::Brace) {
        Some(group) => {
            let fields = fields(&group, true)?;
            Ok(Fields::Named(group, fields))
        }
        None => Ok(Fields::Unit),
    }
}

fn fields(group: &Group, named: bool) -> Result<Vec<Field>> {
    let mut cursor = Cursor::of_group(group);
    let mut fields = Vec::new();
    while !cursor.is_empty() {
        let mut one = Cursor::of_tokens(cursor.until_comma(), group.span_close());
        let attrs = one.attrs();
        one.vis();
        let name = if named {
            let name = one.expect_ident("a field name")?;
            one.expect_punct(':')?;
            Some(name)
        } else {
            None
        };
        fields.push(Field {
            attrs,
            index: fields.len(),
            name,
            ty: one.rest(),
        });
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> DeriveInput {
        let tokens: TokenStream = source.parse().expect("test input lexes");
        DeriveInput::parse(tokens).expect("test input parses")
    }

    fn text(tokens: &TokenStream) -> String {
        tokens.to_string()
    }

    #[test]
    fn generics_split_into_declared_and_named() {
        let input = parse(
            "pub(crate) enum E<'a, T: Into<Vec<u8>> + 'a = String, const N: usize = 3> where T: Clone { A(&'a T, [u8; N]) }",
        );
        let (declared, named, where_clause) = input.generics.split_for_impl();
        assert_eq!(
            text(&declared),
            "< 'a , T : Into < Vec < u8 >> + 'a , const N : usize >"
        );
        assert_eq!(text(&named), "< 'a , T , N >");
        assert_eq!(text(where_clause), "where T : Clone");
        assert_eq!(text(&input.vis), "pub (crate)");
    }

    #[test]
    fn variants_with_fields_attributes_and_discriminants() {
        let input = parse(
            "#[doc = \"x\"] enum E { #[status(400)] A { f: HashMap<String, fn(u8) -> u8>, #[x] pub g: u16 }, B(Result<u8, ()>, u16), C = 5, D }",
        );
        let Data::Enum(variants) = input.data else {
            panic!("an enum");
        };
        let shapes: Vec<(String, usize, bool)> = variants
            .iter()
            .map(|v| {
                (
                    v.ident.to_string(),
                    v.fields.fields().len(),
                    v.fields.is_unit(),
                )
            })
            .collect();
        assert_eq!(
            shapes,
            [
                ("A".to_owned(), 2, false),
                ("B".to_owned(), 2, false),
                ("C".to_owned(), 0, true),
                ("D".to_owned(), 0, true)
            ]
        );
        assert_eq!(variants[0].attrs.len(), 1);
        assert_eq!(variants[0].fields.fields()[1].member().to_string(), "g");
        assert_eq!(variants[1].fields.fields()[0].member().to_string(), "0");
        assert_eq!(input.attrs.len(), 1);
    }

    #[test]
    fn structs_and_unions_are_told_apart() {
        let fields = |source| match parse(source).data {
            Data::Struct(fields) => Some(fields.fields().len()),
            _ => None,
        };
        assert_eq!(
            fields("struct S { #[status(transparent)] a: u8, b: () }"),
            Some(2)
        );
        assert_eq!(fields("pub struct S<T>(u8, T) where T: Copy;"), Some(2));
        assert_eq!(fields("struct S;"), Some(0));
        assert!(matches!(parse("union U { a: u8 }").data, Data::Union(_)));
        let input = parse("pub struct S<T>(T) where T: Copy;");
        assert_eq!(text(input.generics.split_for_impl().2), "where T : Copy");
    }

    #[test]
    fn only_where_starts_a_where_clause() {
        let tokens: TokenStream = "enum E x { A }".parse().expect("lexes");
        let Err(e) = DeriveInput::parse(tokens) else {
            panic!("`x` is not a where-clause");
        };
        let text = e.into_compile_error().to_string();
        assert!(text.contains("expected the enum's `{ .. }`"), "{text}");
    }
}
