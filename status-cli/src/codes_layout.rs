//! The canonical layout of a service's `codes` list: sorted; on one line when that fits, else
//! one line per class; one code per line when the list holds comments, so that each comment
//! stays with its code.

use toml_edit::Array;

use crate::layout;

/// The widest a one-line `codes` list (or a wrapped line of one) may be; rustfmt's default.
pub(crate) const MAX_WIDTH: usize = 100;

/// One code of a `codes` list with the comments around it.
struct Listed {
    code: i64,
    above: Vec<String>,
    after: Vec<String>,
}

/// A sorted `codes` list in canonical layout; `None` if an item is not an integer.
pub(crate) fn layout(array: &Array) -> Option<String> {
    let (mut items, closing) = list_items(array)?;
    items.sort_by_key(|item| item.code);
    let commented = !closing.is_empty()
        || items
            .iter()
            .any(|i| !i.above.is_empty() || !i.after.is_empty());
    if commented {
        return Some(one_per_line(&items, &closing));
    }
    let codes: Vec<String> = items.iter().map(|i| i.code.to_string()).collect();
    let one_line = format!("[{}]", codes.join(", "));
    // `codes = ` is 8 columns.
    if 8 + one_line.len() <= MAX_WIDTH {
        return Some(one_line);
    }
    Some(by_class(&items))
}

/// The list's codes and comments. In toml_edit, a comment at the end of an item's line sits
/// in the next item's prefix (or the list's trailing text) before its first line break.
fn list_items(array: &Array) -> Option<(Vec<Listed>, Vec<String>)> {
    let mut items: Vec<Listed> = Vec::new();
    for value in array.iter() {
        let code = value.as_integer()?;
        let prefix = value
            .decor()
            .prefix()
            .and_then(|r| r.as_str())
            .unwrap_or("");
        let (same_line, above) = split_first_line(prefix);
        let mut item = Listed {
            code,
            above,
            after: Vec::new(),
        };
        match (same_line, items.last_mut()) {
            (Some(c), Some(previous)) => previous.after.push(c),
            (Some(c), None) => item.above.insert(0, c),
            (None, _) => {}
        }
        let suffix = value
            .decor()
            .suffix()
            .and_then(|r| r.as_str())
            .unwrap_or("");
        item.after.extend(comment_lines(suffix));
        items.push(item);
    }
    let (same_line, closing) = split_first_line(array.trailing().as_str().unwrap_or(""));
    match (same_line, items.last_mut()) {
        (Some(c), Some(last)) => last.after.push(c),
        (Some(c), None) => return Some((items, [vec![c], closing].concat())),
        (None, _) => {}
    }
    Some((items, closing))
}

/// The comment on the first line of `raw` (the line of what came before), and the comments
/// on its later lines.
fn split_first_line(raw: &str) -> (Option<String>, Vec<String>) {
    let (first, rest) = raw.split_once('\n').unwrap_or((raw, ""));
    (layout::same_line_comment(first), comment_lines(rest))
}

fn comment_lines(raw: &str) -> Vec<String> {
    raw.split('\n')
        .filter_map(layout::same_line_comment)
        .collect()
}

fn one_per_line(items: &[Listed], closing: &[String]) -> String {
    let mut out = String::from("[\n");
    for item in items {
        for comment in &item.above {
            out.push_str(&format!("    {comment}\n"));
        }
        out.push_str(&format!("    {},", item.code));
        for comment in &item.after {
            out.push_str(&format!(" {comment}"));
        }
        out.push('\n');
    }
    for comment in closing {
        out.push_str(&format!("    {comment}\n"));
    }
    out.push(']');
    out
}

/// One line per class, each wrapped into lines of even length within the width.
fn by_class(items: &[Listed]) -> String {
    let mut out = String::from("[\n");
    for class in items.chunk_by(|a, b| a.code / 100 == b.code / 100) {
        let codes: Vec<String> = class.iter().map(|i| i.code.to_string()).collect();
        for line in even_lines(&codes) {
            out.push_str(&format!("    {},\n", line.join(", ")));
        }
    }
    out.push(']');
    out
}

/// Splits `codes` into as few lines as fit in the width, as evenly as possible.
fn even_lines(codes: &[String]) -> Vec<&[String]> {
    let width = codes.iter().map(|c| c.len() + 2).max().unwrap_or(5);
    let per_line = ((MAX_WIDTH - 4 + 1) / width).max(1);
    let lines = codes.len().div_ceil(per_line);
    let per_line = codes.len().div_ceil(lines.max(1));
    codes.chunks(per_line.max(1)).collect()
}
