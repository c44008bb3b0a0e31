//! Tokens put together by hand: the few the macros write with a span of the user's (the reads
//! of a field, spanned on its type), generics, and small pieces of the error path. Without
//! `quote`: it was the last crate a user's clean build waited for before this one.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// A token stream written a piece at a time, each new token spanned on one span.
pub(crate) struct Tokens {
    trees: Vec<TokenTree>,
    span: Span,
}

impl Tokens {
    /// An empty stream whose tokens will carry `span`.
    pub(crate) fn new(span: Span) -> Tokens {
        Tokens {
            trees: Vec::new(),
            span,
        }
    }

    /// An identifier (or keyword) of ours: `name` must be one.
    pub(crate) fn ident(mut self, name: &str) -> Tokens {
        self.trees
            .push(TokenTree::Ident(Ident::new(name, self.span)));
        self
    }

    /// One punctuation character, joined to the next (`'` of a lifetime, the first `:` of
    /// `::`) when `joint`.
    pub(crate) fn punct(mut self, ch: char, joint: bool) -> Tokens {
        let spacing = if joint {
            Spacing::Joint
        } else {
            Spacing::Alone
        };
        let mut punct = Punct::new(ch, spacing);
        punct.set_span(self.span);
        self.trees.push(TokenTree::Punct(punct));
        self
    }

    /// A path of ours: `::a::b` or `a::b`.
    pub(crate) fn path(mut self, path: &str) -> Tokens {
        for (i, segment) in path.split("::").enumerate() {
            if i > 0 {
                self = self.punct(':', true).punct(':', false);
            }
            if !segment.is_empty() {
                self = self.ident(segment);
            }
        }
        self
    }

    /// A string literal.
    pub(crate) fn string(mut self, value: &str) -> Tokens {
        let mut literal = Literal::string(value);
        literal.set_span(self.span);
        self.trees.push(TokenTree::Literal(literal));
        self
    }

    /// `inner` in the delimiters.
    pub(crate) fn group(mut self, delimiter: Delimiter, inner: TokenStream) -> Tokens {
        let mut group = Group::new(delimiter, inner);
        group.set_span(self.span);
        self.trees.push(TokenTree::Group(group));
        self
    }

    /// `tokens` as they are, spans included.
    pub(crate) fn tokens(mut self, tokens: TokenStream) -> Tokens {
        self.trees.extend(tokens);
        self
    }

    pub(crate) fn finish(self) -> TokenStream {
        self.trees.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_print_as_rust() {
        let inner = Tokens::new(Span::call_site())
            .punct('*', false)
            .ident("code");
        let tokens = Tokens::new(Span::call_site())
            .path("::a::b")
            .punct('!', false)
            .group(Delimiter::Parenthesis, inner.finish())
            .punct('\'', true)
            .ident("l")
            .path("c::d")
            .string("q\"")
            .tokens("x + 1".parse().unwrap_or_default())
            .finish();
        assert_eq!(
            tokens.to_string(),
            ":: a :: b ! (* code) 'l c :: d \"q\\\"\" x + 1"
        );
    }
}
