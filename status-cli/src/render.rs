//! Spec diagnostics for people (rustc's renderer, annotate-snippets) and for tools (JSON).

use std::io::IsTerminal;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, normalize_untrusted_str};
use status_spec::{Diagnostic, SpecError};

use crate::json::{self, Json};

/// "1 code", "3 codes".
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether to colour what goes to `stream`: only a terminal, and only without `NO_COLOR`
/// (<https://no-color.org>: any non-empty value turns colour off).
pub(crate) fn colour(stream: &impl IsTerminal) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    stream.is_terminal() && !no_color
}

/// Every problem as rustc shows one: `error: message`, `--> path:line:col`, the line, a
/// caret under the span, and `= help: ...`.
pub(crate) fn diagnostics(error: &SpecError, colour: bool) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let rendered: Vec<String> = error
        .diagnostics
        .iter()
        .map(|d| renderer.render(&[group(error, d)]))
        .collect();
    format!("{}\n", rendered.join("\n\n"))
}

fn group<'a>(error: &'a SpecError, d: &'a Diagnostic) -> Group<'a> {
    let snippet = Snippet::source(error.source.as_str())
        .path(error.path.as_str())
        .annotation(AnnotationKind::Primary.span(visible_span(&error.source, d.span.clone())));
    // Spec text can hold anything; the renderer only cleans the snippet itself.
    let group = Level::ERROR
        .primary_title(normalize_untrusted_str(&d.message))
        .element(snippet);
    match &d.help {
        Some(help) => group.element(Level::HELP.message(normalize_untrusted_str(help))),
        None => group,
    }
}

/// A span the renderer can underline: inside the text, on char boundaries, at least one
/// character wide where there is one (an error at the very end of a file has an empty span).
fn visible_span(source: &str, span: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end.max(start));
    if end > start {
        return start..end;
    }
    match source[start..].chars().next() {
        Some(c) if c != '\n' => start..start + c.len_utf8(),
        _ => start..start,
    }
}

/// The problems as a JSON array of `{path, line, column, message, help}`; `help` is null
/// when there is none.
pub(crate) fn diagnostics_json(path: &str, diagnostics: &[Diagnostic]) -> String {
    let items = diagnostics.iter().map(|d| {
        Json::object([
            ("path", Json::str(path)),
            ("line", Json::Number(d.line as u64)),
            ("column", Json::Number(d.column as u64)),
            ("message", Json::str(&d.message)),
            ("help", d.help.as_deref().map_or(Json::Null, Json::str)),
        ])
    });
    json::pretty(&Json::Array(items.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_stay_inside_the_text() {
        assert_eq!(visible_span("ab", 5..9), 2..2);
        assert_eq!(visible_span("ab\n", 1..1), 1..2);
        assert_eq!(visible_span("ab\n", 2..2), 2..2);
        assert_eq!(visible_span("é", 1..1), 0..2);
    }

    #[test]
    fn renders_like_rustc() {
        let source = "[codes.429]\nretry = \"soon\"\n";
        let d = Diagnostic {
            message: "invalid value `soon`".into(),
            span: 20..26,
            line: 2,
            column: 9,
            help: Some("did you mean `backoff`?".into()),
        };
        let text = diagnostics(&SpecError::new("codes.toml", source, vec![d]), false);
        let expected = "\
error: invalid value `soon`
 --> codes.toml:2:9
  |
2 | retry = \"soon\"
  |         ^^^^^^
  |
  = help: did you mean `backoff`?
";
        assert_eq!(text, expected);
    }
}
