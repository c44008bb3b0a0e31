//! Generated code as Rust source text, with holes where the caller puts tokens of its own.
//!
//! status-codegen writes text, not tokens: with `quote!` it depended on proc-macro2 and
//! quote, so every clean build of a user's crate compiled it only after them, on the way to
//! status-macros; as text it builds beside them. The text is what `quote!` would have
//! written, token for token. What text cannot carry is left as a [`Hole`]: the user's
//! attributes, visibility and name (which keep their spans in the macro) and the path to
//! status-core (`$crate` in the macro, which has no spelling).

use std::fmt;

/// A place in the generated code that the caller fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hole {
    /// The item's outer attributes (docs, derives), without `#[status(..)]`; may be empty.
    Attrs,
    /// The enum's visibility; may be empty.
    Vis,
    /// The enum's name.
    Name,
    /// The path to status-core's `__private` module, e.g. `::status_core::__private`.
    Private,
}

/// One piece of a [`Code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Rust source text; it lexes once the holes around it are filled.
    Text(String),
    /// A hole for the caller to fill.
    Hole(Hole),
}

/// Rust source text with holes, in order.
///
/// ```
/// use status_codegen::{Code, Hole, Selection};
///
/// let code: Code = status_codegen::expand_set(status_spec::Spec::embedded(), &Selection::All)
///     .expect("the embedded spec has codes");
/// let source = code.source(|hole| match hole {
///     Hole::Attrs => "",
///     Hole::Vis => "pub",
///     Hole::Name => "Standard",
///     Hole::Private => "::status_core::__private",
/// });
/// assert!(source.contains("enum Standard {"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Code {
    parts: Vec<Part>,
}

impl Code {
    /// The pieces, in order: text never follows text.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The whole source, each hole replaced by `fill`'s text for it (with a space on each
    /// side, so that it never runs into the text around it).
    pub fn source<'a>(&self, fill: impl Fn(Hole) -> &'a str) -> String {
        let mut source = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => source.push_str(text),
                Part::Hole(hole) => {
                    source.push(' ');
                    source.push_str(fill(*hole));
                    source.push(' ');
                }
            }
        }
        source
    }

    /// Appends source text.
    pub(crate) fn s(&mut self, text: &str) -> &mut Self {
        match self.parts.last_mut() {
            Some(Part::Text(last)) => last.push_str(text),
            _ => self.parts.push(Part::Text(text.to_owned())),
        }
        self
    }

    /// Appends a hole.
    pub(crate) fn hole(&mut self, hole: Hole) -> &mut Self {
        self.parts.push(Part::Hole(hole));
        self
    }

    /// Appends the path to status-core's `__private` module (a hole).
    pub(crate) fn private(&mut self) -> &mut Self {
        self.hole(Hole::Private)
    }

    /// Appends a string literal holding `value`.
    pub(crate) fn lit(&mut self, value: &str) -> &mut Self {
        // `Debug` of a `str` is a Rust string literal: quotes, backslashes and control
        // characters escaped, the rest as is.
        let _ = fmt::Write::write_fmt(self, format_args!("{value:?}"));
        self
    }
}

impl fmt::Write for Code {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.s(s);
        Ok(())
    }
}

/// `1.0`, `2.5`: a float as an unsuffixed literal, always with a point (as
/// `proc_macro2::Literal::f64_unsuffixed` writes it), so that it never reads as an integer.
pub(crate) fn float(f: f64) -> String {
    let text = f.to_string();
    if text.contains(['.', 'e', 'E']) || !f.is_finite() {
        text
    } else {
        text + ".0"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_join_and_holes_stay_apart() {
        let mut code = Code::default();
        code.s("a")
            .s("b")
            .hole(Hole::Name)
            .s("c")
            .private()
            .lit("q\"");
        assert_eq!(
            code.parts(),
            [
                Part::Text("ab".into()),
                Part::Hole(Hole::Name),
                Part::Text("c".into()),
                Part::Hole(Hole::Private),
                Part::Text("\"q\\\"\"".into()),
            ]
        );
        let source = code.source(|h| if h == Hole::Name { "N" } else { "P" });
        assert_eq!(source, "ab N c P \"q\\\"\"");
    }

    #[test]
    fn floats_keep_a_point() {
        assert_eq!(float(2.0), "2.0");
        assert_eq!(float(1.5), "1.5");
        assert_eq!(float(1e300), format!("{}.0", 1e300));
    }
}
