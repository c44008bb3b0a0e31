//! Spec problems, each with a byte span, a 1-based line and column, and an optional hint.
//!
//! status-spec owns these messages; the macros and the CLI show the same text.

use std::fmt;
use std::ops::Range;

use crate::model::Spec;

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A one-line message in rustc style: lower-case, no trailing period.
    pub message: String,
    /// Byte range in the source that the message is about.
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column (in characters) of `span.start`.
    pub column: usize,
    /// A hint such as a did-you-mean, when one helps.
    pub help: Option<String>,
}

/// Every problem found in one spec file, with what is needed to show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    /// The path of the file, as it should be shown to the user.
    pub path: String,
    /// The file's text, so each problem can show its line.
    pub source: String,
    /// The problems, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

impl SpecError {
    /// Bundles the diagnostics of one file.
    pub fn new(
        path: impl Into<String>,
        source: impl Into<String>,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        SpecError {
            path: path.into(),
            source: source.into(),
            diagnostics,
        }
    }

    /// The text of the 1-based line `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        self.source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
    }
}

/// Renders each problem as `path:line:col: message`, the offending line, a caret and the hint.
impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{}:{}:{}: {}", self.path, d.line, d.column, d.message)?;
            let text = self.line_text(d.line);
            let width = d.line.to_string().len();
            writeln!(f, "{:width$} |", "")?;
            writeln!(f, "{} | {}", d.line, text)?;
            let caret = caret_len(text, d);
            write!(
                f,
                "{:width$} | {}{}",
                "",
                " ".repeat(d.column - 1),
                "^".repeat(caret)
            )?;
            if let Some(help) = &d.help {
                write!(f, "\n{:width$} = help: {help}", "")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

/// How many carets underline the span on its first line (at least one).
fn caret_len(text: &str, d: &Diagnostic) -> usize {
    let rest = text.chars().count().saturating_sub(d.column - 1);
    let span = d.span.end.saturating_sub(d.span.start);
    span.min(rest).max(1)
}

/// Maps byte offsets to 1-based line and column.
#[cfg(feature = "parse")]
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

#[cfg(feature = "parse")]
impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// Line and column (both 1-based; column in characters) of byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self
            .source
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }
}

/// Collects problems in one pass, each put in its place by position as it comes (after
/// those at the same place, so the order found breaks ties): the few problems of a run need
/// no sort, and a sort compiled for them was a seventh of this crate's code.
#[cfg(feature = "parse")]
pub(crate) struct Sink<'a> {
    source: &'a str,
    /// Built at the first problem: indexing every line of a valid spec was a twentieth of
    /// parsing it.
    index: Option<LineIndex<'a>>,
    found: Vec<Diagnostic>,
}

#[cfg(feature = "parse")]
impl<'a> Sink<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Sink {
            source,
            index: None,
            found: Vec::new(),
        }
    }

    pub(crate) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(span, message.into(), None);
    }

    pub(crate) fn error_help(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.push(span, message.into(), help);
    }

    fn push(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let source = self.source;
        let index = self.index.get_or_insert_with(|| LineIndex::new(source));
        let (line, column) = index.position(span.start);
        let key = (span.start, span.end);
        let at = self
            .found
            .partition_point(|d| (d.span.start, d.span.end) <= key);
        self.found.insert(
            at,
            Diagnostic {
                message,
                span,
                line,
                column,
                help,
            },
        );
    }

    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        self.found.dedup();
        self.found
    }
}

/// Did-you-mean over service names, for the macros and the CLI.
pub fn suggest_service<'s>(spec: &'s Spec, name: &str) -> Option<&'s str> {
    did_you_mean(name, spec.service_names())
}

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (jaro_winkler(input, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Jaro-Winkler similarity, from 0 (nothing alike) to 1 (equal): the Jaro score (shared
/// characters near each other, fewer for transpositions), raised for a common prefix of up
/// to four characters when already above 0.7. It suits typos in short names. Written out
/// here rather than taken from a crate, so the macros' dependency tree stays small.
fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let jaro = jaro(&a, &b);
    if jaro <= 0.7 {
        return jaro;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).take(4).count();
    (jaro + 0.1 * prefix as f64 * (1.0 - jaro)).min(1.0)
}

fn jaro(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return if a.len() == b.len() { 1.0 } else { 0.0 };
    }
    // Characters match when equal and at most `window` positions apart.
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut b_taken = vec![false; b.len()];
    let mut a_matched = Vec::new();
    for (i, ca) in a.iter().enumerate() {
        let range = i.saturating_sub(window)..(i + window + 1).min(b.len());
        let found = range.into_iter().find(|&j| !b_taken[j] && b[j] == *ca);
        if let Some(j) = found {
            b_taken[j] = true;
            a_matched.push(*ca);
        }
    }
    if a_matched.is_empty() {
        return 0.0;
    }
    let b_matched = b.iter().zip(&b_taken).filter(|(_, t)| **t).map(|(c, _)| c);
    let half_transpositions = a_matched
        .iter()
        .zip(b_matched)
        .filter(|(x, y)| x != y)
        .count();
    let m = a_matched.len() as f64;
    let t = (half_transpositions / 2) as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - t) / m) / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_matches_the_textbook_values() {
        let close = |a, b, want: f64| {
            let got = jaro_winkler(a, b);
            assert!((got - want).abs() < 1e-3, "{a} {b}: {got} != {want}");
        };
        close("MARTHA", "MARHTA", 0.961);
        close("DWAYNE", "DUANE", 0.840);
        close("DIXON", "DICKSONX", 0.813);
        close("", "", 1.0);
        close("abc", "", 0.0);
        close("abc", "xyz", 0.0);
        close("same", "same", 1.0);
    }

    #[test]
    #[cfg(feature = "parse")]
    fn positions_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\nçd\n\nx");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(1), (1, 2));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(7), (3, 1));
        assert_eq!(index.position(8), (4, 1));
        assert_eq!(index.position(99), (4, 2));
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["safe_browsing", "web_api"];
        assert_eq!(did_you_mean("safe_browsin", names), Some("safe_browsing"));
        assert_eq!(did_you_mean("billing", names), None);
    }

    #[test]
    fn renders_location_line_caret_and_help() {
        let source = "[codes.429]\nretry = \"soon\"\n";
        let d = Diagnostic {
            message: "invalid `retry` value `soon`".into(),
            span: 20..26,
            line: 2,
            column: 9,
            help: Some("expected one of `never`, `modify`".into()),
        };
        let text = SpecError::new("codes.toml", source, vec![d]).to_string();
        assert_eq!(
            text,
            "codes.toml:2:9: invalid `retry` value `soon`\n  |\n2 | retry = \"soon\"\n  |         ^^^^^^\n  = help: expected one of `never`, `modify`"
        );
    }
}

#[cfg(all(test, feature = "parse"))]
mod more_tests {
    use super::*;

    #[test]
    fn an_offset_inside_a_character_still_gets_a_column() {
        // Byte 4 is inside `ç` (bytes 3..5); the column counts bytes from the line start.
        let index = LineIndex::new("ab\nçd");
        assert_eq!(index.position(4), (2, 2));
    }

    #[test]
    fn suggestion_threshold() {
        assert_eq!(did_you_mean("retyr", ["retry", "reason"]), Some("retry"));
        assert_eq!(did_you_mean("zzz", ["retry", "reason"]), None);
        assert_eq!(did_you_mean("", ["retry"]), None);
    }
}
