//! Comment blocks between tables, and whom they belong to.
//!
//! toml_edit stores every comment between two table headers in the prefix of the second. A
//! person writing the file means more than that, and `fmt` (which reorders tables) and the
//! edits (which remove them) must keep each comment with what it is about:
//!
//! ```toml
//! retry = "never"
//! # tail: right under the previous table, before a blank line; about that table
//!
//! # detached: set apart by blank lines; a section comment, stays where it is
//!
//! # lead: directly above the header; about this table
//! [codes.101]
//! ```
//!
//! The first table's prefix is different: everything up to its last blank line is the file's
//! preamble (`#:schema ...`, the file's description), which stays at the top.

/// One line of a comment block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    Blank,
    /// The comment, from `#` on, without surrounding whitespace.
    Comment(String),
}

/// The lines of a decor prefix. The text after the last line break is the indentation before
/// the header or key, dropped unless it holds a comment (the end of a file without a newline).
pub(crate) fn lines(raw: &str) -> Vec<Line> {
    let mut segments: Vec<&str> = raw.split('\n').collect();
    if segments.last().is_some_and(|s| !s.contains('#')) {
        segments.pop();
    }
    segments.into_iter().map(line).collect()
}

fn line(segment: &str) -> Line {
    match segment.find('#') {
        Some(at) => Line::Comment(segment[at..].trim_end().to_owned()),
        None => Line::Blank,
    }
}

/// The comment in a same-line decor, such as the one after a header or a value.
pub(crate) fn same_line_comment(raw: &str) -> Option<String> {
    raw.find('#').map(|at| raw[at..].trim_end().to_owned())
}

/// A table's prefix, split by whom each part belongs to.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Prefix {
    /// Comments right under the previous table (or, for the first table, the preamble).
    pub(crate) before: Vec<Line>,
    /// Comments set apart by blank lines.
    pub(crate) detached: Vec<Line>,
    /// Comments directly above the header.
    pub(crate) lead: Vec<Line>,
}

impl Prefix {
    /// The prefix of any table but the first: `before` is the previous table's tail.
    pub(crate) fn split(lines: Vec<Line>) -> Prefix {
        let (before, rest) = split_tail(lines);
        let (detached, lead) = split_at_last_blank(rest);
        Prefix {
            before,
            detached,
            lead,
        }
    }

    /// The prefix of the file's first table: `before` is the preamble, up to the last blank
    /// line; a prefix with no blank line is all preamble, so `#:schema` stays first.
    pub(crate) fn split_first(lines: Vec<Line>) -> Prefix {
        if !lines.contains(&Line::Blank) {
            return Prefix {
                before: lines,
                ..Prefix::default()
            };
        }
        let (before, lead) = split_at_last_blank(lines);
        Prefix {
            before,
            detached: Vec::new(),
            lead,
        }
    }

    /// Everything but `before`, as the block to print above the header.
    pub(crate) fn own(&self) -> Vec<Line> {
        let mut own = self.detached.clone();
        if !own.is_empty() {
            own.push(Line::Blank);
        }
        own.extend(self.lead.iter().cloned());
        own
    }
}

/// Comments at the very start, up to the first blank line, are a tail of what came before;
/// without a later blank line they are taken to lead into what follows.
pub(crate) fn split_tail(lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let Some(blank) = lines.iter().position(|l| *l == Line::Blank) else {
        return (Vec::new(), lines);
    };
    let mut tail = lines;
    let rest = tail.split_off(blank);
    (tail, rest)
}

/// Splits at the last blank line: what comes before it (with the blank, normalized), and the
/// comments after it.
fn split_at_last_blank(mut lines: Vec<Line>) -> (Vec<Line>, Vec<Line>) {
    let Some(last_blank) = lines.iter().rposition(|l| *l == Line::Blank) else {
        return (Vec::new(), lines);
    };
    let after = lines.split_off(last_blank + 1);
    (normalize(lines), after)
}

/// Drops blank lines at either end and keeps one of each run of blank lines in between.
pub(crate) fn normalize(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    for line in lines {
        let blank = line == Line::Blank;
        if blank && out.last().is_none_or(|l| *l == Line::Blank) {
            continue;
        }
        out.push(line);
    }
    if out.last() == Some(&Line::Blank) {
        out.pop();
    }
    out
}

/// The lines as text, each ending in a line break.
pub(crate) fn render(lines: &[Line]) -> String {
    let mut out = String::new();
    for line in lines {
        if let Line::Comment(text) = line {
            out.push_str(text);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(text: &str) -> Line {
        Line::Comment(text.into())
    }

    #[test]
    fn reads_prefix_lines() {
        assert_eq!(lines("\n"), vec![Line::Blank]);
        assert_eq!(
            lines("# a\n  # b  \n\n  "),
            vec![c("# a"), c("# b"), Line::Blank]
        );
        assert_eq!(lines("# end"), vec![c("# end")]);
        assert_eq!(lines(""), vec![]);
    }

    #[test]
    fn splits_tail_detached_and_lead() {
        let prefix = Prefix::split(lines("# tail\n\n# section\n\n\n# lead\n"));
        assert_eq!(prefix.before, vec![c("# tail")]);
        assert_eq!(prefix.detached, vec![c("# section")]);
        assert_eq!(prefix.lead, vec![c("# lead")]);
        assert_eq!(prefix.own(), vec![c("# section"), Line::Blank, c("# lead")]);
    }

    #[test]
    fn a_comment_without_blank_lines_leads() {
        let prefix = Prefix::split(lines("# about the next table\n"));
        assert_eq!(prefix.lead, vec![c("# about the next table")]);
        assert!(prefix.before.is_empty() && prefix.detached.is_empty());
    }

    #[test]
    fn a_banner_followed_by_a_blank_line_is_detached() {
        let prefix = Prefix::split(lines("\n# ----\n# Services\n\n"));
        assert!(prefix.before.is_empty() && prefix.lead.is_empty());
        assert_eq!(prefix.detached, vec![c("# ----"), c("# Services")]);
        assert_eq!(
            prefix.own(),
            vec![c("# ----"), c("# Services"), Line::Blank]
        );
    }

    #[test]
    fn the_first_prefix_is_preamble() {
        let prefix = Prefix::split_first(lines("#:schema x\n# about\n\n# lead\n"));
        assert_eq!(prefix.before, vec![c("#:schema x"), c("# about")]);
        assert_eq!(prefix.lead, vec![c("# lead")]);
        let all = Prefix::split_first(lines("#:schema x\n"));
        assert_eq!(all.before, vec![c("#:schema x")]);
    }
}
