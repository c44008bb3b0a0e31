//! Compile errors the macros report: each a message and the tokens it points at.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// One or more messages, each emitted as its own `compile_error!` so rustc shows them all.
#[derive(Debug)]
pub(crate) struct Error {
    messages: Vec<Message>,
}

#[derive(Debug)]
struct Message {
    /// Where the error starts and ends: rustc underlines from one to the other.
    start: Span,
    end: Span,
    text: String,
}

/// What every parsing step returns.
pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An error at one token.
    pub(crate) fn new(span: Span, text: impl Into<String>) -> Error {
        Error::spanning(span, span, text)
    }

    /// An error underlining from `start` to `end` (a type, a field list).
    pub(crate) fn spanning(start: Span, end: Span, text: impl Into<String>) -> Error {
        Error {
            messages: vec![Message {
                start,
                end,
                text: text.into(),
            }],
        }
    }

    /// Appends `other`'s messages after this one's.
    pub(crate) fn combine(&mut self, other: Error) {
        self.messages.extend(other.messages);
    }

    /// `::core::compile_error! { "..." }` per message. The path carries the start span and
    /// the braces the end span, which is how a proc macro on stable makes rustc underline a
    /// range of tokens.
    pub(crate) fn into_compile_error(self) -> TokenStream {
        let mut tokens = TokenStream::new();
        for message in self.messages {
            tokens.extend(message.tokens());
        }
        tokens
    }
}

impl Message {
    fn tokens(self) -> [TokenTree; 8] {
        let Message { start, end, text } = self;
        let punct = |ch, spacing| {
            let mut p = Punct::new(ch, spacing);
            p.set_span(start);
            TokenTree::Punct(p)
        };
        let mut message = Literal::string(&text);
        message.set_span(end);
        let mut body = Group::new(Delimiter::Brace, TokenTree::Literal(message).into());
        body.set_span(end);
        [
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("core", start)),
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("compile_error", start)),
            punct('!', Spacing::Alone),
            TokenTree::Group(body),
        ]
    }
}

/// Errors gathered across a whole input (serde's `Ctxt`): every stage records what it finds
/// and goes on, so one compile shows every mistake.
#[derive(Default)]
pub(crate) struct Errors {
    all: Option<Error>,
    len: usize,
}

impl Errors {
    pub(crate) fn push(&mut self, error: Error) {
        self.len += 1;
        match &mut self.all {
            Some(all) => all.combine(error),
            None => self.all = Some(error),
        }
    }

    /// The value, or `None` after recording its error.
    pub(crate) fn push_result<T>(&mut self, result: Result<T>) -> Option<T> {
        result.map_err(|e| self.push(e)).ok()
    }

    /// How many errors were recorded, so a stage can tell whether its own part failed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Every error recorded, if any.
    pub(crate) fn finish(self) -> Option<Error> {
        self.all
    }
}
