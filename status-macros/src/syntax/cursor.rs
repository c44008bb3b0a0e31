//! A cursor over one level of tokens, with the few steps the macros' grammars need.

use proc_macro2::{Delimiter, Group, Ident, Spacing, Span, TokenStream, TokenTree};

use super::{Error, LitInt, LitStr, Result};

/// The tokens of one group (or of the whole macro input) and a position among them.
pub(crate) struct Cursor {
    tokens: Vec<TokenTree>,
    pos: usize,
    /// Where "expected ..., found the end" errors point: the closing delimiter.
    end: Span,
}

impl Cursor {
    pub(crate) fn new(stream: TokenStream, end: Span) -> Cursor {
        Cursor::of_tokens(stream.into_iter().collect(), end)
    }

    /// A cursor over tokens already taken from a stream (by [`Cursor::until_comma`], or
    /// [`flattened`]): making a stream of them only to take them apart again costs two
    /// calls across the bridge, which the macro, compiled unoptimised, makes for every
    /// variant and field.
    pub(crate) fn of_tokens(tokens: Vec<TokenTree>, end: Span) -> Cursor {
        Cursor {
            tokens,
            pos: 0,
            end,
        }
    }

    /// A macro's whole input; "found the end" errors point at its last token. Invisible
    /// groups are opened (see [`flattened`]).
    pub(crate) fn top(stream: TokenStream) -> Cursor {
        let mut cursor = Cursor::of_tokens(flattened(stream), Span::call_site());
        cursor.end = cursor.tokens.last().map_or(cursor.end, TokenTree::span);
        cursor
    }

    /// The inside of `group`.
    pub(crate) fn of_group(group: &Group) -> Cursor {
        Cursor::new(group.stream(), group.span_close())
    }

    /// The inside of an attribute's group, invisible groups opened (see [`flattened`]).
    fn of_attr_group(group: &Group) -> Cursor {
        Cursor::of_tokens(flattened(group.stream()), group.span_close())
    }

    pub(crate) fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.pos)
    }

    pub(crate) fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += usize::from(token.is_some());
        token
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    /// The next token's span, or the end's.
    pub(crate) fn span(&self) -> Span {
        self.peek().map_or(self.end, TokenTree::span)
    }

    /// An error at the next token (or the end).
    pub(crate) fn error(&self, text: impl Into<String>) -> Error {
        Error::new(self.span(), text)
    }

    /// The next token as source text, for "found ..." in messages.
    pub(crate) fn found(&self) -> String {
        self.peek()
            .map_or_else(|| "the end of the input".to_owned(), |t| format!("`{t}`"))
    }

    pub(crate) fn peek_punct(&self, ch: char) -> bool {
        matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ch)
    }

    /// Takes the punctuation `ch` if it is next.
    pub(crate) fn eat_punct(&mut self, ch: char) -> Option<Span> {
        self.peek_punct(ch)
            .then(|| self.span())
            .inspect(|_| self.pos += 1)
    }

    /// Takes the punctuation `ch`, or says what was expected instead.
    pub(crate) fn expect_punct(&mut self, ch: char) -> Result<Span> {
        self.eat_punct(ch)
            .ok_or_else(|| self.error(format!("expected `{ch}`, found {}", self.found())))
    }

    /// Takes `..=` or `..` (Rust lexes them as single-character punctuation): the spans of
    /// the first and last character, and whether it was `..=`.
    pub(crate) fn eat_range_dots(&mut self) -> Option<(Span, Span, bool)> {
        let dot =
            |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == '.');
        if !(dot(self.tokens.get(self.pos)) && dot(self.tokens.get(self.pos + 1))) {
            return None;
        }
        let start = self.span();
        self.pos += 1;
        let mut end = self.span();
        self.pos += 1;
        let inclusive = self.peek_punct('=');
        if inclusive {
            end = self.span();
            self.pos += 1;
        }
        Some((start, end, inclusive))
    }

    pub(crate) fn peek_ident(&self) -> Option<&Ident> {
        match self.peek() {
            Some(TokenTree::Ident(ident)) => Some(ident),
            _ => None,
        }
    }

    /// Takes the keyword (or any identifier spelled) `word` if it is next.
    pub(crate) fn eat_keyword(&mut self, word: &str) -> Option<Ident> {
        let ident = self.peek_ident().filter(|i| *i == word)?.clone();
        self.pos += 1;
        Some(ident)
    }

    /// Takes an identifier, or says `what` was expected instead.
    pub(crate) fn expect_ident(&mut self, what: &str) -> Result<Ident> {
        match self.peek_ident().cloned() {
            Some(ident) => {
                self.pos += 1;
                Ok(ident)
            }
            None => Err(self.error(format!("expected {what}, found {}", self.found()))),
        }
    }

    /// Takes a group delimited by `delimiter` if it is next. The group is moved out, not
    /// copied: a copy is a call across the bridge.
    pub(crate) fn eat_group(&mut self, delimiter: Delimiter) -> Option<Group> {
        match self.peek() {
            Some(TokenTree::Group(g)) if g.delimiter() == delimiter => match self.take() {
                Some(TokenTree::Group(group)) => Some(group),
                _ => None,
            },
            _ => None,
        }
    }

    /// Moves the next token out (what follows moves up, so the position stays).
    fn take(&mut self) -> Option<TokenTree> {
        (self.pos < self.tokens.len()).then(|| self.tokens.remove(self.pos))
    }

    /// Takes an integer literal, with a leading `-` if there is one.
    pub(crate) fn eat_int(&mut self) -> Option<LitInt> {
        let minus = self.peek_punct('-').then(|| self.span());
        let at = self.pos + usize::from(minus.is_some());
        let Some(TokenTree::Literal(lit)) = self.tokens.get(at) else {
            return None;
        };
        let int = LitInt::from_literal(lit, minus)?;
        self.pos = at + 1;
        Some(int)
    }

    /// Takes a string literal if it is next.
    pub(crate) fn eat_str(&mut self) -> Option<LitStr> {
        let Some(TokenTree::Literal(lit)) = self.peek() else {
            return None;
        };
        let string = LitStr::from_literal(lit)?;
        self.pos += 1;
        Some(string)
    }

    /// Outer attributes: `#[...]`, as many as there are.
    pub(crate) fn attrs(&mut self) -> Vec<Attr> {
        let mut attrs = Vec::new();
        while self.peek_punct('#') {
            let Some(TokenTree::Group(body)) = self.tokens.get(self.pos + 1) else {
                break;
            };
            if body.delimiter() != Delimiter::Bracket {
                break;
            }
            // Moved out, not copied (see `eat_group`).
            match (self.take(), self.take()) {
                (Some(pound), Some(TokenTree::Group(body))) => attrs.push(Attr::new(pound, body)),
                _ => break,
            }
        }
        attrs
    }

    /// A visibility (`pub`, `pub(crate)`, `pub(in path)`, ...) as written; empty if none.
    pub(crate) fn vis(&mut self) -> TokenStream {
        let mut vis = TokenStream::new();
        if let Some(word) = self.eat_keyword("pub") {
            vis.extend([TokenTree::Ident(word)]);
            if let Some(scope) = self.eat_group(Delimiter::Parenthesis) {
                vis.extend([TokenTree::Group(scope)]);
            }
        }
        vis
    }

    /// The tokens up to the next comma outside `<..>`, which is taken too. Commas inside
    /// groups are never seen at this level; those of generic arguments are.
    pub(crate) fn until_comma(&mut self) -> Vec<TokenTree> {
        let mut angles = Angles::default();
        let mut end = self.pos;
        while let Some(token) = self.tokens.get(end) {
            if angles.depth() == 0 && matches!(token, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            angles.step(token);
            end += 1;
        }
        // Moved out, not copied (see `eat_group`); the comma is then next.
        let taken = self.tokens.drain(self.pos..end).collect();
        self.pos += usize::from(self.pos < self.tokens.len());
        taken
    }

    /// Everything not yet taken.
    pub(crate) fn rest(&mut self) -> Vec<TokenTree> {
        let rest = self.tokens.split_off(self.pos.min(self.tokens.len()));
        self.pos = self.tokens.len();
        rest
    }
}

/// One outer attribute, kept whole for passing through.
#[derive(Clone)]
pub(crate) struct Attr {
    /// The `#`.
    pound: TokenTree,
    /// The `[...]`.
    body: Group,
    /// Inside the brackets, invisible groups opened (see [`flattened`]); taken once, as
    /// each look at a group's tokens is a call across the bridge, and every check below
    /// looks.
    inner: Vec<TokenTree>,
    /// The path when it is a single identifier (`status`, `doc`), spelled once: comparing
    /// an identifier with a string spells it each time.
    name: Option<String>,
}

impl Attr {
    fn new(pound: TokenTree, body: Group) -> Attr {
        let inner = flattened(body.stream());
        let name = match inner.as_slice() {
            [TokenTree::Ident(_), TokenTree::Punct(p), ..] if p.as_char() == ':' => None,
            [TokenTree::Ident(ident), ..] => Some(ident.to_string()),
            _ => None,
        };
        Attr {
            pound,
            body,
            inner,
            name,
        }
    }

    /// `#` and `[...]`, as written.
    pub(crate) fn tokens(&self) -> TokenStream {
        [self.pound.clone(), TokenTree::Group(self.body.clone())]
            .into_iter()
            .collect()
    }

    /// Whether the attribute's path is the single identifier `name`.
    pub(crate) fn is(&self, name: &str) -> bool {
        self.name.as_deref() == Some(name)
    }

    /// The text of a doc comment (`#[doc = "..."]`, as `///` arrives), else `None`.
    pub(crate) fn doc(&self) -> Option<String> {
        if !self.is("doc") {
            return None;
        }
        match self.inner.as_slice() {
            [_, TokenTree::Punct(eq), TokenTree::Literal(lit)] if eq.as_char() == '=' => {
                super::LitStr::from_literal(lit).map(|s| s.value().to_owned())
            }
            _ => None,
        }
    }

    /// The arguments of `#[name(...)]`, or an error saying that form is expected.
    pub(crate) fn args(&self, name: &str) -> Result<Cursor> {
        match self.inner.as_slice() {
            [_, TokenTree::Group(args)] if args.delimiter() == Delimiter::Parenthesis => {
                Ok(Cursor::of_attr_group(args))
            }
            _ => Err(Error::spanning(
                self.body.span_open(),
                self.body.span_close(),
                format!("expected `#[{name}(...)]`"),
            )),
        }
    }
}

/// The tokens of `stream`, each invisible group (`Delimiter::None`) replaced by its
/// tokens, recursively. `macro_rules!` wraps what it passes on as `$x:meta`, `$x:literal`,
/// `$x:vis` or `$x:expr` in such a group, so without this `#[$attr]` carrying
/// `status(service = "x")`, or `#[status($code)]`, would not read as written. Only the
/// levels where attributes, their arguments and a `status_set!` item are read are opened:
/// a field's type stays as written, grouping and all.
fn flattened(stream: TokenStream) -> Vec<TokenTree> {
    let mut tokens = Vec::new();
    for token in stream {
        match token {
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => {
                tokens.extend(flattened(g.stream()));
            }
            token => tokens.push(token),
        }
    }
    tokens
}

/// How deep a walk over tokens is inside `<..>`. The lexer groups `(..)`, `[..]` and `{..}`,
/// but the brackets of generics are plain punctuation, so walks that split generics or
/// fields at commas or `=` count them. `->` and `=>` are not brackets.
#[derive(Default)]
pub(crate) struct Angles {
    depth: usize,
    /// The previous token, when it was punctuation joined to the next (`-` of `->`).
    joint: Option<char>,
}

impl Angles {
    /// Steps over `token`: `depth` is then the depth after it.
    pub(crate) fn step(&mut self, token: &TokenTree) {
        let TokenTree::Punct(p) = token else {
            self.joint = None;
            return;
        };
        match p.as_char() {
            '<' => self.depth += 1,
            '>' if !matches!(self.joint, Some('-' | '=')) => {
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
        self.joint = (p.spacing() == Spacing::Joint).then_some(p.as_char());
    }

    pub(crate) fn depth(&self) -> usize {
        self.depth
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cursor(source: &str) -> Cursor {
        Cursor::top(source.parse().expect("test input lexes"))
    }

    /// `tokens` wrapped in an invisible group, as `macro_rules!` passes a fragment on.
    fn invisible(tokens: &str) -> TokenStream {
        let inner: TokenStream = tokens.parse().expect("test input lexes");
        TokenStream::from(TokenTree::Group(Group::new(Delimiter::None, inner)))
    }

    /// The attributes of `#[BODY]`, with BODY as written and as a `$x:meta` passes it.
    fn both_ways(body: &str) -> [Attr; 2] {
        let mut plain = cursor(&format!("#[{body}]"));
        // Built token by token: as text, the invisible group would vanish.
        let pound = TokenTree::Punct(proc_macro2::Punct::new('#', Spacing::Alone));
        let bracket = TokenTree::Group(Group::new(Delimiter::Bracket, invisible(body)));
        let mut wrapped = Cursor::top([pound, bracket].into_iter().collect());
        let attr = |c: &mut Cursor| c.attrs().pop().expect("one attribute");
        [attr(&mut plain), attr(&mut wrapped)]
    }

    #[test]
    fn attributes_read_the_same_through_an_invisible_group() {
        for attr in both_ways("doc = \"a line\"") {
            assert_eq!(attr.doc().as_deref(), Some("a line"));
            assert!(attr.is("doc") && !attr.is("status"));
        }
        for attr in both_ways("status(404)") {
            assert_eq!(attr.doc(), None);
            let mut args = attr.args("status").expect("`status(..)` has arguments");
            assert_eq!(args.next().map(|t| t.to_string()).as_deref(), Some("404"));
        }
        for attr in both_ways("doc(hidden)")
            .into_iter()
            .chain(both_ways("note = \"x\""))
        {
            assert_eq!(attr.doc(), None);
        }
        let [plain, _] = both_ways("status::x");
        assert!(!plain.is("status"));
    }

    #[test]
    fn range_dots_are_two_dots() {
        assert!(cursor(". 5").eat_range_dots().is_none());
        assert!(cursor("5 ..").eat_range_dots().is_none());
        let mut after_one = cursor("x . 5");
        after_one.next();
        assert!(after_one.eat_range_dots().is_none());
        assert_eq!(cursor(".. 5").eat_range_dots().map(|r| r.2), Some(false));
        assert_eq!(cursor("..= 5").eat_range_dots().map(|r| r.2), Some(true));
    }

    #[test]
    fn arrows_are_not_angle_brackets() {
        let tokens: TokenStream = "< fn () -> u8 , T >".parse().expect("lexes");
        let mut angles = Angles::default();
        let depths: Vec<usize> = tokens
            .into_iter()
            .map(|t| {
                angles.step(&t);
                angles.depth()
            })
            .collect();
        assert_eq!(depths, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    }
}
