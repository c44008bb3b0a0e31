//! Structural edits on a toml_edit document that keep the file's comments with what they are
//! about (see [`crate::layout`]): placing a new table, removing tables, and adding or removing
//! a code in a `codes` list without disturbing its layout.

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::layout::{self, Line, Prefix};

/// A header table's path, e.g. `["services", "web_api", "overrides", "404"]`.
pub(crate) type TablePath = Vec<String>;

/// Where a new table goes in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    After(TablePath),
    Before(TablePath),
    End,
}

/// Every table written with a header, in document order.
pub(crate) fn header_paths(doc: &DocumentMut) -> Vec<TablePath> {
    let mut found = Vec::new();
    walk(doc.as_table(), &mut Vec::new(), &mut found);
    found.sort_by_key(|(position, _)| *position);
    found.into_iter().map(|(_, path)| path).collect()
}

fn walk(table: &Table, path: &mut Vec<String>, found: &mut Vec<(isize, TablePath)>) {
    // Parsed and placed headers have a position; implicit parents and dotted tables do not.
    if let Some(position) = table.position().filter(|_| !table.is_dotted()) {
        found.push((position, path.clone()));
    }
    for (key, item) in table.iter() {
        if let Item::Table(child) = item {
            path.push(key.to_owned());
            walk(child, path, found);
            path.pop();
        }
    }
}

/// The table at `path`, if every step is a table.
pub(crate) fn table_mut<'d>(doc: &'d mut DocumentMut, path: &[String]) -> Option<&'d mut Table> {
    path.iter().try_fold(doc.as_table_mut(), |table, key| {
        table.get_mut(key)?.as_table_mut()
    })
}

fn prefix_lines(doc: &mut DocumentMut, path: &[String]) -> Vec<Line> {
    let prefix = table_mut(doc, path).and_then(|t| {
        t.decor()
            .prefix()
            .and_then(|r| r.as_str())
            .map(str::to_owned)
    });
    prefix.as_deref().map(layout::lines).unwrap_or_default()
}

fn set_prefix(doc: &mut DocumentMut, path: &[String], text: String) {
    if let Some(table) = table_mut(doc, path) {
        table.decor_mut().set_prefix(text);
    }
}

/// Gives the new table at `path` (already in the tree, not yet placed) its place in the file:
/// the comments under the table before it stay under that table, and the file's preamble
/// stays at the top.
pub(crate) fn place(doc: &mut DocumentMut, path: &[String], place: Place) {
    let mut order: Vec<TablePath> = header_paths(doc)
        .into_iter()
        .filter(|p| p != path)
        .collect();
    let index = match &place {
        Place::After(anchor) => order
            .iter()
            .position(|p| p == anchor)
            .map_or(order.len(), |i| i + 1),
        Place::Before(anchor) => order
            .iter()
            .position(|p| p == anchor)
            .unwrap_or(order.len()),
        Place::End => order.len(),
    };
    let head = match order.get(index).cloned() {
        Some(next) => take_head(doc, &next, index == 0),
        None => take_trailing_tail(doc, order.is_empty()),
    };
    set_prefix(doc, path, compose(&head, &[], &[], index == 0));
    order.insert(index, path.to_vec());
    for (n, p) in order.iter().enumerate() {
        if let Some(table) = table_mut(doc, p) {
            table.set_position(Some(n as isize + 1));
        }
    }
}

/// Takes from the prefix of `next` what belongs above a table inserted before it: the tail
/// of the table before, or the preamble when `next` was first.
fn take_head(doc: &mut DocumentMut, next: &[String], first: bool) -> Vec<Line> {
    let lines = prefix_lines(doc, next);
    let prefix = if first {
        Prefix::split_first(lines)
    } else {
        Prefix::split(lines)
    };
    // A table that stops being first needs the blank line that sets it apart.
    if first || !prefix.before.is_empty() {
        set_prefix(doc, next, compose(&[], &[], &prefix.own(), false));
    }
    prefix.before
}

/// Takes from the end of the file the comments right under the last table (all of them in a
/// file without tables: they are its preamble).
fn take_trailing_tail(doc: &mut DocumentMut, no_tables: bool) -> Vec<Line> {
    let lines = doc
        .trailing()
        .as_str()
        .map(layout::lines)
        .unwrap_or_default();
    let (tail, rest) = if no_tables || !lines.contains(&Line::Blank) {
        (lines, Vec::new())
    } else {
        layout::split_tail(lines)
    };
    if !tail.is_empty() {
        doc.set_trailing(trailing_text(&[], &[], &rest));
    }
    tail
}

/// A prefix: `head` flush under what comes before (a tail, or the preamble), then the
/// detached `blocks`, then the table's own comments, separated by blank lines.
fn compose(head: &[Line], blocks: &[Vec<Line>], own: &[Line], first: bool) -> String {
    let mut lines = head.to_vec();
    if !lines.is_empty() || !first {
        lines.push(Line::Blank);
    }
    for block in blocks {
        lines.extend(block.iter().cloned());
        lines.push(Line::Blank);
    }
    lines.extend(own.iter().cloned());
    layout::render(&lines)
}

/// The text after the last table: `head` flush under it, then blank-separated blocks.
fn trailing_text(head: &[Line], blocks: &[Vec<Line>], rest: &[Line]) -> String {
    let mut lines = head.to_vec();
    for block in blocks
        .iter()
        .map(Vec::as_slice)
        .chain([rest])
        .filter(|b| !b.is_empty())
    {
        lines.push(Line::Blank);
        lines.extend(layout::normalize(block.to_vec()));
    }
    layout::render(&lines)
}

/// What the removed tables leave behind for the next table that stays.
#[derive(Default)]
struct Carry {
    /// The tail of the table before them, or the file's preamble.
    head: Vec<Line>,
    /// Section comments that stood between them.
    blocks: Vec<Vec<Line>>,
}

/// Removes the header tables at `paths`, with the comments about them (the block directly
/// above each header, and the tail right under it); section comments, the preamble and the
/// tails of other tables move to the next table that stays.
pub(crate) fn remove_tables(doc: &mut DocumentMut, paths: &[TablePath]) {
    let order = header_paths(doc);
    let mut carry: Option<Carry> = None;
    let mut kept_any = false;
    for (i, path) in order.iter().enumerate() {
        let lines = prefix_lines(doc, path);
        let prefix = if i == 0 {
            Prefix::split_first(lines)
        } else {
            Prefix::split(lines)
        };
        if paths.contains(path) {
            // A removed table's `before` is the tail of the table above: kept only if that stays.
            let c = carry.get_or_insert_with(|| Carry {
                head: prefix.before.clone(),
                blocks: Vec::new(),
            });
            if !prefix.detached.is_empty() {
                c.blocks.push(prefix.detached);
            }
            continue;
        }
        // This table's `before` is the tail of the removed table above it: it goes too.
        if let Some(c) = carry.take() {
            set_prefix(
                doc,
                path,
                compose(&c.head, &c.blocks, &prefix.own(), !kept_any),
            );
        }
        kept_any = true;
    }
    if let Some(c) = carry {
        let lines = doc
            .trailing()
            .as_str()
            .map(layout::lines)
            .unwrap_or_default();
        let rest = if lines.contains(&Line::Blank) {
            layout::split_tail(lines).1
        } else {
            Vec::new()
        };
        doc.set_trailing(trailing_text(&c.head, &c.blocks, &rest));
    }
    for path in paths {
        detach(doc, path);
    }
}

fn detach(doc: &mut DocumentMut, path: &[String]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    if let Some(parent) = table_mut(doc, parent) {
        parent.remove(last);
    }
}

/// Adds `code` to a `codes` list at its sorted place, laid out like its neighbours: on the
/// line of its class when the list has one line per class, else where the next code was.
pub(crate) fn insert_code(array: &mut Array, code: u16) {
    let code = i64::from(code);
    let index = array
        .iter()
        .position(|v| v.as_integer().is_some_and(|c| c > code));
    let class = |v: Option<&Value>| v.and_then(Value::as_integer).map(|c| c / 100);
    let Some(index) = index else {
        let last = array.iter().last();
        let last_prefix = last
            .and_then(|v| v.decor().prefix())
            .and_then(|r| r.as_str())
            .unwrap_or("");
        let prefix = match last_prefix.rsplit_once('\n') {
            Some((_, indent)) if class(last) != Some(code / 100) => format!("\n{indent}"),
            _ if last.is_none() => String::new(),
            _ => " ".to_owned(),
        };
        array.push_formatted(Value::from(code).decorated(prefix, ""));
        return;
    };
    let same_as_previous = index > 0 && class(array.get(index - 1)) == Some(code / 100);
    let same_as_next = class(array.get(index)) == Some(code / 100);
    let Some(next) = array.get_mut(index) else {
        return;
    };
    let displaced = next
        .decor()
        .prefix()
        .and_then(|r| r.as_str())
        .unwrap_or("")
        .to_owned();
    let (mine, theirs) = match displaced.rsplit_once('\n') {
        None => (displaced, " ".to_owned()),
        Some(_) if same_as_previous => (" ".to_owned(), displaced),
        Some(_) if same_as_next || index == 0 => (displaced, " ".to_owned()),
        // A class of its own: a line of its own.
        Some((_, indent)) => {
            let theirs = format!("\n{indent}");
            (displaced, theirs)
        }
    };
    next.decor_mut().set_prefix(theirs);
    array.insert_formatted(index, Value::from(code).decorated(mine, ""));
}

/// Removes `code` from a `codes` list, with the comments above it and after it on its line;
/// the next code takes over its line break. Returns whether the code was there.
pub(crate) fn remove_code(array: &mut Array, code: u16) -> bool {
    let Some(index) = array
        .iter()
        .position(|v| v.as_integer() == Some(i64::from(code)))
    else {
        return false;
    };
    let removed = array.remove(index);
    let prefix = removed
        .decor()
        .prefix()
        .and_then(|r| r.as_str())
        .unwrap_or("");
    let Some((same_line, _)) = prefix.split_once('\n') else {
        // On one line: the new first code takes the place right after `[`.
        if let Some(next) = array.get_mut(index).filter(|_| index == 0) {
            next.decor_mut().set_prefix(prefix.to_owned());
        }
        return true;
    };
    let indent = prefix.rsplit('\n').next().unwrap_or("");
    let rejoin = |next: &str| match next.find('\n') {
        // The next text's first line held the removed code's own trailing comment.
        Some(at) => format!("{same_line}{}", &next[at..]),
        None => format!("{same_line}\n{indent}"),
    };
    match array.get_mut(index) {
        Some(next) => {
            let text = rejoin(next.decor().prefix().and_then(|r| r.as_str()).unwrap_or(""));
            next.decor_mut().set_prefix(text);
        }
        None => {
            let trailing = array.trailing().as_str().unwrap_or("").to_owned();
            let text = if trailing.contains('\n') {
                rejoin(&trailing)
            } else {
                format!("{same_line}{trailing}")
            };
            array.set_trailing(text);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str, edit: impl FnOnce(&mut Array)) -> String {
        let mut doc: DocumentMut = match format!("codes = {text}\n").parse() {
            Ok(doc) => doc,
            Err(e) => return format!("bad test input: {e}"),
        };
        if let Some(array) = doc.get_mut("codes").and_then(Item::as_array_mut) {
            edit(array);
        }
        doc.to_string()
            .trim_start_matches("codes = ")
            .trim_end()
            .to_owned()
    }

    #[test]
    fn inserts_codes_in_order_and_in_style() {
        assert_eq!(
            codes("[200, 404]", |a| insert_code(a, 300)),
            "[200, 300, 404]"
        );
        assert_eq!(
            codes("[200, 404]", |a| insert_code(a, 100)),
            "[100, 200, 404]"
        );
        assert_eq!(
            codes("[200, 404]", |a| insert_code(a, 500)),
            "[200, 404, 500]"
        );
        assert_eq!(codes("[]", |a| insert_code(a, 500)), "[500]");
        let multi = "[\n    100, 101,\n    200,\n]";
        assert_eq!(
            codes(multi, |a| insert_code(a, 102)),
            "[\n    100, 101, 102,\n    200,\n]"
        );
        assert_eq!(
            codes(multi, |a| insert_code(a, 199)),
            "[\n    100, 101, 199,\n    200,\n]"
        );
        assert_eq!(
            codes(multi, |a| insert_code(a, 300)),
            "[\n    100, 101,\n    200,\n    300,\n]"
        );
        assert_eq!(
            codes(multi, |a| insert_code(a, 150)),
            "[\n    100, 101, 150,\n    200,\n]"
        );
        assert_eq!(
            codes(multi, |a| insert_code(a, 99)),
            "[\n    99, 100, 101,\n    200,\n]"
        );
        let classes = "[\n    100,\n    300,\n]";
        assert_eq!(
            codes(classes, |a| insert_code(a, 200)),
            "[\n    100,\n    200,\n    300,\n]"
        );
    }

    #[test]
    fn removes_codes_and_keeps_the_layout() {
        assert_eq!(
            codes("[200, 300, 404]", |a| _ = remove_code(a, 300)),
            "[200, 404]"
        );
        assert_eq!(
            codes("[200, 300, 404]", |a| _ = remove_code(a, 200)),
            "[300, 404]"
        );
        let multi = "[\n    100, 101,\n    200,\n]";
        assert_eq!(
            codes(multi, |a| _ = remove_code(a, 100)),
            "[\n    101,\n    200,\n]"
        );
        assert_eq!(
            codes(multi, |a| _ = remove_code(a, 200)),
            "[\n    100, 101,\n]"
        );
        let commented = "[\n    200, # ok\n    # before 404\n    404, # missing\n    500,\n]";
        assert_eq!(
            codes(commented, |a| _ = remove_code(a, 404)),
            "[\n    200, # ok\n    500,\n]"
        );
        assert_eq!(
            codes(commented, |a| _ = remove_code(a, 500)),
            "[\n    200, # ok\n    # before 404\n    404, # missing\n]"
        );
    }

    fn edit(text: &str, change: impl FnOnce(&mut DocumentMut)) -> String {
        let mut doc: DocumentMut = match text.parse() {
            Ok(doc) => doc,
            Err(e) => return format!("bad test input: {e}"),
        };
        change(&mut doc);
        doc.to_string()
    }

    fn path(p: &str) -> TablePath {
        p.split('.').map(str::to_owned).collect()
    }

    fn add_table(doc: &mut DocumentMut, p: &str, at: Place) {
        let mut table = Table::new();
        table.insert("reason", toml_edit::value("New"));
        let steps = path(p);
        let mut parent = doc.as_table_mut();
        for step in &steps[..steps.len() - 1] {
            let next = parent.entry(step).or_insert_with(|| {
                let mut implicit = Table::new();
                implicit.set_implicit(true);
                Item::Table(implicit)
            });
            let Some(next) = next.as_table_mut() else {
                return;
            };
            parent = next;
        }
        parent.insert(&steps[steps.len() - 1], Item::Table(table));
        place(doc, &steps, at);
    }

    const FILE: &str = "\
#:schema x

[codes.100]
reason = \"Continue\"
# about 100

# section

# lead of 200
[codes.200]
reason = \"OK\"
# end of 200
";

    #[test]
    fn places_tables_between_their_neighbours() {
        let out = edit(FILE, |doc| {
            add_table(doc, "codes.150", Place::After(path("codes.100")))
        });
        let expected = "\
#:schema x

[codes.100]
reason = \"Continue\"
# about 100

[codes.150]
reason = \"New\"

# section

# lead of 200
[codes.200]
reason = \"OK\"
# end of 200
";
        assert_eq!(out, expected);
    }

    #[test]
    fn places_tables_first_and_last() {
        let first = edit(FILE, |doc| {
            add_table(doc, "codes.050", Place::Before(path("codes.100")))
        });
        assert!(
            first.starts_with("#:schema x\n\n[codes.050]\nreason = \"New\"\n\n[codes.100]\n"),
            "{first}"
        );
        let last = edit(FILE, |doc| add_table(doc, "services.s", Place::End));
        assert!(
            last.ends_with("reason = \"OK\"\n# end of 200\n\n[services.s]\nreason = \"New\"\n"),
            "{last}"
        );
    }

    #[test]
    fn removes_tables_with_their_own_comments_only() {
        let out = edit(FILE, |doc| remove_tables(doc, &[path("codes.200")]));
        assert_eq!(
            out,
            "#:schema x\n\n[codes.100]\nreason = \"Continue\"\n# about 100\n\n# section\n"
        );
        let out = edit(FILE, |doc| remove_tables(doc, &[path("codes.100")]));
        assert_eq!(
            out,
            "#:schema x\n\n# section\n\n# lead of 200\n[codes.200]\nreason = \"OK\"\n# end of 200\n"
        );
    }
}
