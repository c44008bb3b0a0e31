//! Every comment in a document, wherever toml_edit keeps it: the check that `fmt` and the edits
//! run before writing, so that a layout this tool does not expect can cost a refusal but
//! never a comment.

use toml_edit::{Array, Decor, DocumentMut, InlineTable, Item, Key, RawString, Table, Value};

/// The comments of `doc`, each from `#` on and trimmed, sorted (a multiset to compare).
pub(crate) fn all(doc: &DocumentMut) -> Vec<String> {
    let mut out = in_order(doc);
    out.sort();
    out
}

/// The comments of `doc` in the order toml_edit holds them (file order, for a parsed file).
pub(crate) fn in_order(doc: &DocumentMut) -> Vec<String> {
    let mut out = Vec::new();
    decor(doc.decor(), &mut out);
    table(doc.as_table(), &mut out);
    raw(doc.trailing(), &mut out);
    out
}

fn raw(text: &RawString, out: &mut Vec<String>) {
    let Some(text) = text.as_str() else { return };
    for segment in text.split('\n') {
        if let Some(at) = segment.find('#') {
            out.push(segment[at..].trim().to_owned());
        }
    }
}

fn decor(decor: &Decor, out: &mut Vec<String>) {
    decor
        .prefix()
        .into_iter()
        .chain(decor.suffix())
        .for_each(|r| raw(r, out));
}

fn key(key: &Key, out: &mut Vec<String>) {
    decor(key.leaf_decor(), out);
    decor(key.dotted_decor(), out);
}

fn table(t: &Table, out: &mut Vec<String>) {
    decor(t.decor(), out);
    for (name, item) in t.iter() {
        if let Some(k) = t.key(name) {
            key(k, out);
        }
        match item {
            Item::Value(v) => value(v, out),
            Item::Table(child) => table(child, out),
            Item::ArrayOfTables(tables) => tables.iter().for_each(|child| table(child, out)),
            Item::None => {}
        }
    }
}

fn value(v: &Value, out: &mut Vec<String>) {
    decor(v.decor(), out);
    match v {
        Value::Array(a) => array(a, out),
        Value::InlineTable(t) => inline_table(t, out),
        _ => {}
    }
}

fn array(a: &Array, out: &mut Vec<String>) {
    a.iter().for_each(|v| value(v, out));
    raw(a.trailing(), out);
}

fn inline_table(t: &InlineTable, out: &mut Vec<String>) {
    for (name, v) in t.iter() {
        if let Some(k) = t.key(name) {
            key(k, out);
        }
        value(v, out);
    }
    raw(t.trailing(), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_everywhere() -> Result<(), toml_edit::TomlError> {
        let doc: DocumentMut = "# top\n[a] # header\n# key\nx = [1, # item\n  2, # last\n] # value\ny = { z = 1 }\n# end".parse()?;
        let expected = [
            "# end", "# header", "# item", "# key", "# last", "# top", "# value",
        ];
        assert_eq!(all(&doc), expected);
        Ok(())
    }
}
