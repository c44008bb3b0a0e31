//! Output written as Rust source text and lexed by rustc in one call: the derive's, and
//! status-codegen's for `status_set!`.
//!
//! Built token by token (`quote!`), each token, group and spliced stream is a call across
//! the proc-macro bridge made by this macro's own code, which cargo compiles without
//! optimisation: on a crate of 200 derived enums that was a tenth of rustc's whole work,
//! more than rustc takes to lex the same text. Text cannot carry everything, though: tokens
//! of the user's that must keep their spans (generics, so that errors in bounds point at
//! them; expressions spanned on a field's type, so that rustc complains there) or that text
//! cannot spell (`$crate` from a `macro_rules!`) go in as holes, filled after lexing.

use std::fmt;

use proc_macro2::TokenStream;
use status_codegen::{Code, Hole, Part};

use crate::tokens::Tokens;

/// Source text with holes. A hole is written `$N`: neither the derive nor status-codegen
/// writes the punctuation `$` anywhere else (identifiers cannot hold it, and a `$` in a
/// string literal lexes as part of the literal).
///
/// Filling a hole rebuilds each group around it, and only those: when there are holes,
/// `finish` reads the text once for the groups around each.
#[derive(Default)]
pub(crate) struct Out {
    text: String,
    holes: Vec<Option<TokenStream>>,
    /// Where each hole starts in `text`.
    at: Vec<usize>,
}

impl Out {
    /// Appends source text: punctuation, keywords, paths, identifiers, numbers. String
    /// literals go through [`Out::lit`], or are whole within `text`.
    pub(crate) fn s(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends `tokens` as they are, spans included (nothing when empty).
    pub(crate) fn tokens(&mut self, tokens: TokenStream) -> &mut Self {
        if !tokens.is_empty() {
            self.at.push(self.text.len());
            self.text.push_str(" $");
            self.text.push_str(&self.holes.len().to_string());
            self.text.push(' ');
            self.holes.push(Some(tokens));
        }
        self
    }

    /// Appends status-codegen's `code`, each of its holes filled by `fill` (with text, or
    /// with tokens that keep their spans).
    pub(crate) fn code(&mut self, code: &Code, mut fill: impl FnMut(&mut Out, Hole)) -> &mut Self {
        for part in code.parts() {
            match part {
                Part::Text(text) => {
                    self.s(text);
                }
                Part::Hole(hole) => fill(self, *hole),
            }
        }
        self
    }

    /// Appends a string literal holding `value`.
    pub(crate) fn lit(&mut self, value: &str) -> &mut Self {
        // `Debug` of a `str` is a Rust string literal: quotes, backslashes and control
        // characters escaped, the rest as is.
        self.text.push_str(&format!("{value:?}"));
        self
    }

    /// The tokens: the text lexed, the holes filled.
    pub(crate) fn finish(self) -> TokenStream {
        let here = &mut Vec::new();
        let paths = paths(&self.text, &self.at);
        if !proc_macro::is_available() {
            let Ok(lexed) = self.text.parse::<TokenStream>() else {
                return unreadable();
            };
            let mut holes = self.holes;
            return fallback::fill(lexed, &mut holes, &paths, here);
        }
        // Inside the compiler, rustc lexes the text: `proc_macro2`'s parse would first run
        // its own lexer over it to check it, compiled as slowly as this macro. And the holes
        // are filled with `proc_macro`'s own types, whose code is compiled optimised.
        let Ok(lexed) = self.text.parse::<proc_macro::TokenStream>() else {
            return unreadable();
        };
        if self.holes.is_empty() {
            return lexed.into();
        }
        let mut holes: Vec<Option<proc_macro::TokenStream>> =
            self.holes.into_iter().map(|h| h.map(Into::into)).collect();
        compiler::fill(lexed, &mut holes, &paths, here).into()
    }
}

/// Where each hole (starting at the offsets `at`, ascending) is in the tree `text` lexes
/// to: the position among its siblings of each group around it. String literals are
/// skipped; neither the derive nor status-codegen writes character literals.
fn paths(text: &str, at: &[usize]) -> Vec<Vec<usize>> {
    // Indexing, not iterator adapters: this runs unoptimised, once per byte.
    let bytes = text.as_bytes();
    let mut paths = Vec::with_capacity(at.len());
    // The open groups, and how many groups have opened in each of them (and at the top).
    let (mut open, mut opened): (Vec<usize>, Vec<usize>) = (Vec::new(), vec![0]);
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0;
    for &hole in at {
        while i < hole && i < bytes.len() {
            let b = bytes[i];
            i += 1;
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'(' | b'[' => {
                    let depth = open.len();
                    open.push(opened[depth]);
                    opened[depth] += 1;
                    opened.truncate(depth + 1);
                    opened.push(0);
                }
                b'}' | b')' | b']' => {
                    open.pop();
                    opened.truncate(open.len() + 1);
                }
                _ => {}
            }
        }
        paths.push(open.clone());
    }
    paths
}

/// `const _: () = { items.. };`: the anonymous block the derive's items live in, the
/// streams joined inside it. Built from `proc_macro`'s own types inside the compiler:
/// extending a `proc_macro2` stream costs several calls across the bridge in this
/// unoptimised macro, and walks the trees.
pub(crate) fn const_block(items: [TokenStream; 2]) -> TokenStream {
    let body = join(items);
    if !proc_macro::is_available() {
        return Tokens::new(proc_macro2::Span::call_site())
            .ident("const")
            .ident("_")
            .punct(':', false)
            .group(proc_macro2::Delimiter::Parenthesis, TokenStream::new())
            .punct('=', false)
            .group(proc_macro2::Delimiter::Brace, body)
            .punct(';', false)
            .finish();
    }
    use proc_macro::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenTree};
    let span = Span::call_site();
    let trees = [
        TokenTree::Ident(Ident::new("const", span)),
        TokenTree::Ident(Ident::new("_", span)),
        TokenTree::Punct(Punct::new(':', Spacing::Alone)),
        TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            proc_macro::TokenStream::new(),
        )),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Group(Group::new(Delimiter::Brace, body.into())),
        TokenTree::Punct(Punct::new(';', Spacing::Alone)),
    ];
    trees
        .into_iter()
        .collect::<proc_macro::TokenStream>()
        .into()
}

/// The items of both streams, one after the other (without a block when the derive writes
/// impls alone), joined from `proc_macro`'s own types as [`const_block`] says.
pub(crate) fn join(items: [TokenStream; 2]) -> TokenStream {
    if !proc_macro::is_available() {
        return items.into_iter().collect();
    }
    items
        .into_iter()
        .map(proc_macro::TokenStream::from)
        .collect::<proc_macro::TokenStream>()
        .into()
}

/// The text is the derive's own (keywords, paths, identifiers, numbers and escaped string
/// literals), so it lexes; should it ever not, the user gets an error, not a panic.
fn unreadable() -> TokenStream {
    let message = Tokens::new(proc_macro2::Span::call_site())
        .string("status-codes wrote code it cannot read back; please report this bug");
    Tokens::new(proc_macro2::Span::call_site())
        .path("::core::compile_error")
        .punct('!', false)
        .group(proc_macro2::Delimiter::Parenthesis, message.finish())
        .punct(';', false)
        .finish()
}

impl fmt::Write for Out {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

/// `fill(stream, holes, paths, here)`: `stream` (the group at `here`) with each `$N`
/// replaced by hole `N`; only the groups on the way to a hole are taken apart and rebuilt.
/// Written once for `proc_macro`'s types and once for `proc_macro2`'s (unit tests).
macro_rules! fill_with {
    ($pm:ident) => {
        pub(super) fn fill(
            stream: $pm::TokenStream,
            holes: &mut [Option<$pm::TokenStream>],
            paths: &[Vec<usize>],
            here: &mut Vec<usize>,
        ) -> $pm::TokenStream {
            use $pm::{Group, TokenStream, TokenTree};
            let mut out: Vec<TokenTree> = Vec::new();
            let mut trees = stream.into_iter().peekable();
            let mut groups = 0;
            while let Some(tree) = trees.next() {
                match tree {
                    TokenTree::Punct(p) if p.as_char() == '$' => {
                        let hole = match trees.peek() {
                            Some(TokenTree::Literal(n)) => n
                                .to_string()
                                .parse::<usize>()
                                .ok()
                                .and_then(|n| holes.get_mut(n))
                                .and_then(Option::take),
                            _ => None,
                        };
                        match hole {
                            Some(tokens) => {
                                trees.next();
                                out.extend(tokens);
                            }
                            None => out.push(TokenTree::Punct(p)),
                        }
                    }
                    TokenTree::Group(g) => {
                        here.push(groups);
                        groups += 1;
                        let inside = paths.iter().any(|p| p.starts_with(here));
                        let tree = if inside {
                            let stream = fill(g.stream(), holes, paths, here);
                            let mut filled = Group::new(g.delimiter(), stream);
                            filled.set_span(g.span());
                            filled
                        } else {
                            g
                        };
                        here.pop();
                        out.push(TokenTree::Group(tree));
                    }
                    other => out.push(other),
                }
            }
            out.into_iter().collect::<TokenStream>()
        }
    };
}

mod compiler {
    fill_with!(proc_macro);
}

mod fallback {
    fill_with!(proc_macro2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::{Ident, Span, TokenTree};
    use quote::quote;

    #[test]
    fn holes_are_filled_where_they_were_written_at_any_depth() {
        let mut out = Out::default();
        let ident = Ident::new("Spanned", Span::call_site());
        out.s("impl Tr for X {")
            .tokens(quote!(#ident))
            .s("fn f() -> [u8; 2] { [")
            .tokens(quote!(1u8))
            .s(", 2] } }")
            .tokens(TokenStream::new());
        assert_eq!(paths(&out.text, &out.at), [vec![0], vec![0, 2, 0]]);
        let filled = out.finish().to_string();
        assert_eq!(
            filled,
            "impl Tr for X { Spanned fn f () -> [u8 ; 2] { [1u8 , 2] } }"
        );
    }

    #[test]
    fn groups_away_from_holes_are_left_whole() {
        let mut out = Out::default();
        // A string literal's brackets are not groups.
        out.s("a { b (c) [d] } { (e) \"{(\\\"\" {")
            .tokens(quote!(x))
            .s("} }");
        assert_eq!(paths(&out.text, &out.at), [vec![1, 1]]);
        assert_eq!(
            out.finish().to_string(),
            "a { b (c) [d] } { (e) \"{(\\\"\" { x } }"
        );
    }

    #[test]
    fn literals_round_trip_through_text() {
        for text in [
            "plain",
            "quote \" and \\ back",
            "tab\tnew\nline\0",
            "ünï\u{301}\u{200b}",
            "$0",
        ] {
            let mut out = Out::default();
            out.lit(text);
            let lexed: Vec<TokenTree> = out.finish().into_iter().collect();
            let [TokenTree::Literal(lit)] = lexed.as_slice() else {
                panic!("{text:?} lexed as {lexed:?}");
            };
            let value = crate::syntax::LitStr::from_literal(lit).map(|l| l.value().to_owned());
            assert_eq!(value.as_deref(), Some(text));
        }
    }

    #[test]
    fn text_that_does_not_lex_gives_an_error_not_a_panic() {
        let mut out = Out::default();
        out.s("fn f() { \"unclosed");
        let tokens = out.finish().to_string();
        assert!(tokens.contains("compile_error"), "{tokens}");
        assert!(tokens.contains("please report this bug"), "{tokens}");
    }

    #[test]
    fn a_dollar_of_the_users_is_kept() {
        let mut out = Out::default();
        out.s("m! {").tokens(quote!($x)).s("}");
        assert_eq!(out.finish().to_string(), "m ! { $ x }");
    }
}
