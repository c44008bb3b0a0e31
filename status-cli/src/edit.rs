//! `add`, `set`, `remove`, `service add`, `service remove`: edits that keep the file's
//! comments and layout (toml_edit), are refused when the result would not validate, and are
//! written atomically.
//!
//! Each edit is a function over a [`DocumentMut`]; [`apply`] runs one over a spec's text and
//! validates the result, so the edits can be driven in-process (the property test does).

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use status_spec::{ENTRY_KEYS, Retry, Spec};
use toml_edit::{Array, DocumentMut, Item, Table, TableLike, Value};

use crate::cli::{AddArgs, RemoveArgs, ServiceAddArgs, ServiceRemoveArgs, SetArgs};
use crate::error::{Failure, unknown_service};
use crate::load::{self, Source, problems};
use crate::render::plural;
use crate::tree::{self, Place, TablePath};
use crate::{atomic, comments};

/// A spec's text after an edit, and what the edit did (printed on success).
#[derive(Debug)]
pub(crate) struct Edited {
    pub(crate) text: String,
    pub(crate) done: String,
}

/// Runs `edit` over the spec `text` (called `name` in messages) and validates the result; an
/// edit that would leave an invalid spec is refused with the problems it would cause.
pub(crate) fn apply(
    name: &str,
    text: &str,
    edit: impl FnOnce(&mut DocumentMut) -> Result<String, Failure>,
) -> Result<Edited, Failure> {
    let mut doc = document(name, text)?;
    let done = edit(&mut doc)?;
    let edited = doc.to_string();
    if edited != text
        && let Err(e) = Spec::parse_named(&format!("{name} (after the edit)"), &edited)
    {
        let count = problems(e.diagnostics.len());
        return Err(Failure::spec(
            format!("refusing to write `{name}`: the edit would leave {count}"),
            e,
        ));
    }
    Ok(Edited { text: edited, done })
}

pub(crate) fn add(spec: Option<&Path>, args: &AddArgs) -> Result<(), Failure> {
    let source = load::writable(spec)?;
    let edited = apply(&source.name, &source.text, |doc| {
        add_edit(doc, args, &source.name)
    })?;
    commit(&source, edited)
}

/// The edit `add` makes.
pub(crate) fn add_edit(
    doc: &mut DocumentMut,
    args: &AddArgs,
    file: &str,
) -> Result<String, Failure> {
    match &args.service {
        None => add_base(doc, args, file),
        Some(service) => add_to_service(doc, service, args),
    }
}

const NOTHING_TO_SET: &str = "nothing to set: give at least one of `--reason`, `--name`, `--retry`, `--description` or `--reference`";

pub(crate) fn set(spec: Option<&Path>, args: &SetArgs) -> Result<(), Failure> {
    if set_fields_of(args).is_empty() {
        return Err(Failure::msg(NOTHING_TO_SET));
    }
    let source = load::writable(spec)?;
    let edited = apply(&source.name, &source.text, |doc| {
        set_edit(doc, args, &source.name)
    })?;
    let renames = crate::spec_diff::renames(&source.text, &edited.text);
    commit(&source, edited)?;
    for rename in renames {
        eprintln!("note: {rename}");
    }
    Ok(())
}

/// The edit `set` makes.
pub(crate) fn set_edit(
    doc: &mut DocumentMut,
    args: &SetArgs,
    file: &str,
) -> Result<String, Failure> {
    let fields = set_fields_of(args);
    if fields.is_empty() {
        return Err(Failure::msg(NOTHING_TO_SET));
    }
    let code = args.code;
    let Some(name) = &args.service else {
        let key = code.to_string();
        let entry = doc
            .get_mut("codes")
            .and_then(|c| c.get_mut(&key))
            .filter(|e| e.is_table_like());
        let Some(entry) = entry else {
            return Err(Failure::msg(format!(
                "code {code} is not in the base registry of `{file}`; add it with `status-codes add {code} --reason PHRASE`"
            )));
        };
        set_entry_fields(entry, fields);
        return Ok(format!("updated {code} in the base registry"));
    };
    let table = service(doc, name)?;
    let listed = codes_list(table, name)?
        .iter()
        .any(|v| v.as_integer() == Some(i64::from(code)));
    if !listed {
        return Err(Failure::msg(format!(
            "service `{name}` does not list {code}; add it with `status-codes add {code} --service {name}`"
        )));
    }
    Ok(if write_override(doc, name, code, fields)? {
        format!("added an override of {code} to service `{name}`")
    } else {
        format!("updated the override of {code} in service `{name}`")
    })
}

pub(crate) fn remove(spec: Option<&Path>, args: &RemoveArgs) -> Result<(), Failure> {
    let source = load::writable(spec)?;
    let edited = apply(&source.name, &source.text, |doc| {
        remove_edit(doc, args, &source.name)
    })?;
    commit(&source, edited)
}

/// The edit `remove` makes.
pub(crate) fn remove_edit(
    doc: &mut DocumentMut,
    args: &RemoveArgs,
    file: &str,
) -> Result<String, Failure> {
    match &args.service {
        None => remove_base(doc, args.code, file),
        Some(service) => remove_from_service(doc, service, args.code),
    }
}

pub(crate) fn service_add(spec: Option<&Path>, args: &ServiceAddArgs) -> Result<(), Failure> {
    let source = load::writable(spec)?;
    let edited = apply(&source.name, &source.text, |doc| {
        service_add_edit(doc, args, &source.name)
    })?;
    commit(&source, edited)
}

/// The edit `service add` makes.
pub(crate) fn service_add_edit(
    doc: &mut DocumentMut,
    args: &ServiceAddArgs,
    file: &str,
) -> Result<String, Failure> {
    let services = parent_table(doc, "services")?;
    if services.contains_key(&args.name) {
        return Err(Failure::msg(format!(
            "service `{}` already exists in `{file}`",
            args.name
        )));
    }
    let mut table = Table::new();
    if let Some(description) = &args.description {
        table.insert("description", toml_edit::value(description.as_str()));
    }
    let unique: BTreeSet<u16> = args.codes.iter().copied().collect();
    let mut codes = Array::new();
    for code in &unique {
        tree::insert_code(&mut codes, *code);
    }
    table.insert("codes", toml_edit::value(codes));
    services.insert(&args.name, Item::Table(table));
    tree::place(doc, &path(&["services", &args.name]), Place::End);
    Ok(format!(
        "added service `{}` with {}",
        args.name,
        plural(unique.len(), "code")
    ))
}

pub(crate) fn service_remove(spec: Option<&Path>, args: &ServiceRemoveArgs) -> Result<(), Failure> {
    let source = load::writable(spec)?;
    let edited = apply(&source.name, &source.text, |doc| {
        service_remove_edit(doc, args)
    })?;
    commit(&source, edited)
}

/// The edit `service remove` makes.
pub(crate) fn service_remove_edit(
    doc: &mut DocumentMut,
    args: &ServiceRemoveArgs,
) -> Result<String, Failure> {
    service(doc, &args.name)?;
    let prefix = path(&["services", &args.name]);
    let tables: Vec<TablePath> = tree::header_paths(doc)
        .into_iter()
        .filter(|p| p.starts_with(&prefix))
        .collect();
    tree::remove_tables(doc, &tables);
    // A service written without a header of its own (inline or dotted) is a plain key.
    if let Some(services) = doc.get_mut("services").and_then(Item::as_table_like_mut) {
        services.remove(&args.name);
    }
    Ok(format!("removed service `{}`", args.name))
}

/// The document to edit; a file that is not TOML is shown with its problem.
fn document(name: &str, text: &str) -> Result<DocumentMut, Failure> {
    text.parse::<DocumentMut>()
        .map_err(|e| match Spec::parse_named(name, text) {
            Err(spec_error) => Failure::spec(
                format!("cannot edit `{name}`: it is not valid TOML"),
                spec_error,
            ),
            Ok(_) => Failure::msg(format!("cannot edit `{name}`: {e}")),
        })
}

/// Writes an edited spec (already validated by [`apply`]) and says what was done.
pub(crate) fn commit(source: &Source, edited: Edited) -> Result<(), Failure> {
    if edited.text == source.text {
        println!("{}; `{}` is unchanged", edited.done, source.name);
        return Ok(());
    }
    let Some(path) = &source.path else {
        return Err(Failure::msg(
            "the embedded registry cannot be edited; pass `--spec PATH`",
        ));
    };
    atomic::write(path, &source.name, &edited.text)?;
    println!("{}", edited.done);
    note_dropped_comments(&source.text, &edited.text);
    Ok(())
}

/// Says which comments went with what was removed, so none disappears unnoticed.
fn note_dropped_comments(before: &str, after: &str) {
    let (Ok(before), Ok(after)) = (before.parse::<DocumentMut>(), after.parse::<DocumentMut>())
    else {
        return;
    };
    let mut left: HashMap<String, usize> = HashMap::new();
    for comment in comments::all(&after) {
        *left.entry(comment).or_default() += 1;
    }
    let mut dropped = Vec::new();
    for comment in comments::in_order(&before) {
        match left.get_mut(&comment) {
            Some(n) if *n > 0 => *n -= 1,
            _ => dropped.push(comment),
        }
    }
    if dropped.is_empty() {
        return;
    }
    let lines = plural(dropped.len(), "comment line");
    eprintln!("note: removed {lines} that belonged to what was removed:");
    for comment in dropped {
        eprintln!("  {comment}");
    }
}

pub(crate) fn path(steps: &[&str]) -> TablePath {
    steps.iter().map(|s| (*s).to_owned()).collect()
}

/// A top-level table (`codes`, `services`), created (without a header) when missing.
pub(crate) fn parent_table<'d>(
    doc: &'d mut DocumentMut,
    key: &str,
) -> Result<&'d mut Table, Failure> {
    let item = doc.entry(key).or_insert_with(|| {
        let mut table = Table::new();
        table.set_implicit(true);
        Item::Table(table)
    });
    item.as_table_mut().ok_or_else(|| {
        Failure::msg(format!(
            "cannot edit `{key}`: it is not written as `[{key}.NAME]` tables"
        ))
    })
}

/// The fields an `add` sets, in canonical order.
fn entry_fields(args: &AddArgs) -> Vec<(&'static str, Value)> {
    fields(
        args.reason.as_deref(),
        args.name.as_deref(),
        args.description.as_deref(),
        args.retry.map(Retry::from),
        None,
    )
}

/// The fields a `set` sets, in canonical order.
fn set_fields_of(args: &SetArgs) -> Vec<(&'static str, Value)> {
    fields(
        args.reason.as_deref(),
        args.name.as_deref(),
        args.description.as_deref(),
        args.retry.map(Retry::from),
        args.reference.as_deref(),
    )
}

fn fields(
    reason: Option<&str>,
    name: Option<&str>,
    description: Option<&str>,
    retry: Option<Retry>,
    reference: Option<&str>,
) -> Vec<(&'static str, Value)> {
    [
        ("reason", reason.map(Value::from)),
        ("name", name.map(Value::from)),
        ("description", description.map(Value::from)),
        ("retry", retry.map(|r| Value::from(r.as_str()))),
        ("reference", reference.map(Value::from)),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.map(|v| (key, v)))
    .collect()
}

/// Sets the fields, keeping each replaced value's spacing and trailing comment.
fn set_fields(table: &mut dyn TableLike, fields: Vec<(&'static str, Value)>) {
    for (key, mut value) in fields {
        match table.get_mut(key).and_then(Item::as_value_mut) {
            Some(old) => {
                *value.decor_mut() = old.decor().clone();
                *old = value;
            }
            None => {
                table.insert(key, Item::Value(value));
            }
        }
    }
}

/// Sets the fields of a code entry. When its keys were in the order `fmt` writes them, a new
/// key goes to its place in that order rather than at the end, so `fmt --check` stays happy.
pub(crate) fn set_entry_fields(entry: &mut Item, fields: Vec<(&'static str, Value)>) {
    let rank = |key: &str| {
        ENTRY_KEYS
            .iter()
            .position(|k| *k == key)
            .unwrap_or(ENTRY_KEYS.len())
    };
    let ranks = |entry: &Item| -> Vec<usize> {
        let keys = entry
            .as_table_like()
            .map(|t| t.iter().map(|(k, _)| rank(k)).collect());
        keys.unwrap_or_default()
    };
    let was_canonical = ranks(entry).is_sorted();
    if let Some(table) = entry.as_table_like_mut() {
        set_fields(table, fields);
    }
    if !was_canonical || ranks(entry).is_sorted() {
        return;
    }
    let by_rank = |a: &toml_edit::Key, b: &toml_edit::Key| rank(a.get()).cmp(&rank(b.get()));
    match entry {
        Item::Table(table) => table.sort_values_by(|a, _, b, _| by_rank(a, b)),
        Item::Value(Value::InlineTable(table)) => table.sort_values_by(|a, _, b, _| by_rank(a, b)),
        _ => {}
    }
}

fn new_table(fields: Vec<(&'static str, Value)>) -> Table {
    let mut table = Table::new();
    set_fields(&mut table, fields);
    table
}

fn add_base(doc: &mut DocumentMut, args: &AddArgs, file: &str) -> Result<String, Failure> {
    let key = args.code.to_string();
    let codes = parent_table(doc, "codes")?;
    if let Some(entry) = codes.get(&key) {
        let code = args.code;
        let reason = entry
            .get("reason")
            .and_then(Item::as_str)
            .unwrap_or_default();
        return Err(Failure::msg(format!(
            "`[codes.{code}]` ({reason}) is already in the base registry of `{file}`; `add` never overwrites, change its fields with `status-codes set {code}`"
        )));
    }
    insert_base(doc, args.code, entry_fields(args))?;
    let reason = args.reason.as_deref().unwrap_or_default();
    Ok(format!("added {} {reason} to the base registry", args.code))
}

/// Adds `[codes.CODE]` with `fields`, in code order among the base entries.
pub(crate) fn insert_base(
    doc: &mut DocumentMut,
    code: u16,
    fields: Vec<(&'static str, Value)>,
) -> Result<(), Failure> {
    let key = code.to_string();
    parent_table(doc, "codes")?.insert(&key, Item::Table(new_table(fields)));
    let place = base_place(doc, code);
    tree::place(doc, &path(&["codes", &key]), place);
    Ok(())
}

/// After the closest lower code's table; else before the closest higher one; else before the
/// services.
fn base_place(doc: &DocumentMut, code: u16) -> Place {
    let headers = tree::header_paths(doc);
    let code_of = |p: &TablePath| match p.as_slice() {
        [codes, n] if codes == "codes" => n.parse::<u16>().ok().filter(|c| *c != code),
        _ => None,
    };
    let below = headers
        .iter()
        .filter_map(|p| code_of(p).filter(|c| *c < code).map(|c| (c, p)))
        .max();
    if let Some((_, p)) = below {
        return Place::After(p.clone());
    }
    let above = headers
        .iter()
        .filter_map(|p| code_of(p).filter(|c| *c > code).map(|c| (c, p)))
        .min();
    if let Some((_, p)) = above {
        return Place::Before(p.clone());
    }
    match headers
        .iter()
        .find(|p| p.first().is_some_and(|k| k == "services"))
    {
        Some(p) => Place::Before(p.clone()),
        None => Place::End,
    }
}

/// The service table, or an error naming the closest service.
pub(crate) fn service<'d>(
    doc: &'d mut DocumentMut,
    name: &str,
) -> Result<&'d mut dyn TableLike, Failure> {
    let known: Vec<String> = doc
        .get("services")
        .and_then(Item::as_table_like)
        .map(|s| s.iter().map(|(k, _)| k.to_owned()).collect())
        .unwrap_or_default();
    if !known.iter().any(|k| k == name) {
        return Err(unknown_service(name, known.iter().map(String::as_str)));
    }
    doc.get_mut("services")
        .and_then(|s| s.get_mut(name))
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| {
            Failure::msg(format!(
                "cannot edit service `{name}`: it is not written as a table"
            ))
        })
}

pub(crate) fn codes_list<'s>(
    service: &'s mut dyn TableLike,
    name: &str,
) -> Result<&'s mut Array, Failure> {
    service
        .get_mut("codes")
        .and_then(Item::as_array_mut)
        .ok_or_else(|| Failure::msg(format!("service `{name}` has no `codes` list to edit")))
}

fn add_to_service(doc: &mut DocumentMut, name: &str, args: &AddArgs) -> Result<String, Failure> {
    let table = service(doc, name)?;
    let codes = codes_list(table, name)?;
    let code = args.code;
    if codes
        .iter()
        .any(|v| v.as_integer() == Some(i64::from(code)))
    {
        return Err(Failure::msg(format!(
            "service `{name}` already lists {code}; `add` never overwrites, change its override with `status-codes set {code} --service {name}`"
        )));
    }
    tree::insert_code(codes, code);
    let fields = entry_fields(args);
    if fields.is_empty() {
        return Ok(format!("added {code} to service `{name}`"));
    }
    write_override(doc, name, code, fields)?;
    Ok(format!(
        "added {code} to service `{name}`, with an override"
    ))
}

/// Writes the fields into `[services.NAME.overrides.CODE]`, creating it after the service's
/// lower overrides if needed; returns whether it was created.
fn write_override(
    doc: &mut DocumentMut,
    name: &str,
    code: u16,
    fields: Vec<(&'static str, Value)>,
) -> Result<bool, Failure> {
    let key = code.to_string();
    let table = service(doc, name)?;
    let overrides = table.entry("overrides").or_insert_with(|| {
        let mut implicit = Table::new();
        implicit.set_implicit(true);
        Item::Table(implicit)
    });
    let Some(overrides) = overrides.as_table_like_mut() else {
        return Err(Failure::msg(format!(
            "cannot edit service `{name}`: its `overrides` is not a table"
        )));
    };
    if let Some(entry) = overrides.get_mut(&key).filter(|e| e.is_table_like()) {
        set_entry_fields(entry, fields);
        return Ok(false);
    }
    overrides.insert(&key, Item::Table(new_table(fields)));
    let place = override_place(doc, name, code);
    tree::place(doc, &path(&["services", name, "overrides", &key]), place);
    Ok(true)
}

/// After the last of the service's header and its lower overrides, in file order.
fn override_place(doc: &DocumentMut, name: &str, code: u16) -> Place {
    let before_it = |p: &TablePath| match p.as_slice() {
        [s, n] => s == "services" && n == name,
        [s, n, o, c] => {
            s == "services"
                && n == name
                && o == "overrides"
                && c.parse::<u16>().is_ok_and(|c| c < code)
        }
        _ => false,
    };
    match tree::header_paths(doc).into_iter().rfind(before_it) {
        Some(anchor) => Place::After(anchor),
        None => Place::End,
    }
}

fn remove_base(doc: &mut DocumentMut, code: u16, file: &str) -> Result<String, Failure> {
    let key = code.to_string();
    let exists = doc.get("codes").and_then(|c| c.get(&key)).is_some();
    if !exists {
        return Err(Failure::msg(format!(
            "code {code} is not in the base registry of `{file}`"
        )));
    }
    let users = services_listing(doc, code);
    if !users.is_empty() {
        let names: Vec<String> = users.iter().map(|s| format!("`{s}`")).collect();
        return Err(Failure::msg(format!(
            "code {code} is still listed by {}; remove it there first with `status-codes remove {code} --service NAME`",
            names.join(", ")
        )));
    }
    remove_entry(doc, &path(&["codes", &key]));
    Ok(format!("removed {code} from the base registry"))
}

/// The services whose `codes` list holds `code`.
fn services_listing(doc: &DocumentMut, code: u16) -> Vec<String> {
    let Some(services) = doc.get("services").and_then(Item::as_table_like) else {
        return Vec::new();
    };
    let lists = |item: &Item| {
        let codes = item.get("codes").and_then(Item::as_array);
        codes.is_some_and(|a| a.iter().any(|v| v.as_integer() == Some(i64::from(code))))
    };
    services
        .iter()
        .filter(|(_, item)| lists(item))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// Removes an entry: as a header table with its comments, or as a plain key.
fn remove_entry(doc: &mut DocumentMut, entry: &TablePath) {
    if tree::header_paths(doc).contains(entry) {
        tree::remove_tables(doc, std::slice::from_ref(entry));
        return;
    }
    let Some((last, parents)) = entry.split_last() else {
        return;
    };
    let parent = parents
        .iter()
        .try_fold(doc.as_item_mut(), |item, key| item.get_mut(key));
    if let Some(parent) = parent.and_then(Item::as_table_like_mut) {
        parent.remove(last);
    }
}

fn remove_from_service(doc: &mut DocumentMut, name: &str, code: u16) -> Result<String, Failure> {
    let table = service(doc, name)?;
    let codes = codes_list(table, name)?;
    if !tree::remove_code(codes, code) {
        return Err(Failure::msg(format!(
            "service `{name}` does not list {code}"
        )));
    }
    let key = code.to_string();
    let entry = path(&["services", name, "overrides", &key]);
    let overrides = doc
        .get("services")
        .and_then(|s| s.get(name))
        .and_then(|s| s.get("overrides"));
    if overrides.and_then(|o| o.get(&key)).is_none() {
        return Ok(format!("removed {code} from service `{name}`"));
    }
    remove_entry(doc, &entry);
    Ok(format!(
        "removed {code} and its override from service `{name}`"
    ))
}
