//! `expand`: the Rust that `status_set!` generates for a selection, pretty-printed. It calls
//! the same `status_codegen::expand_set` as the macro, so what it prints is what compiles.

use std::path::Path;

use status_codegen::{CodeSel, Hole, SelectError, Selection};
use status_spec::{Class, check_ident, variant_name};

use crate::cli::ExpandArgs;
use crate::error::Failure;
use crate::load;

pub(crate) fn run(spec: Option<&Path>, args: &ExpandArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    let parsed = source.parse()?;
    let (selection, default_name) = selection(args);
    let name = enum_name(args.name.as_deref(), default_name)?;
    let code = status_codegen::expand_set(&parsed, &selection)
        .map_err(|errors| select_failure(&selection, &errors))?;
    // What the macro fills with a user's tokens, as a user would write them.
    let source = code.source(|hole| match hole {
        Hole::Attrs => "",
        Hole::Vis => "pub",
        Hole::Name => &name,
        Hole::Private => "::status_core::__private",
    });
    let file = syn::parse_file(&source)
        .map_err(|e| Failure::msg(format!("the generated code does not parse as Rust: {e}")))?;
    print!("{}", prettyplease::unparse(&file));
    Ok(())
}

/// What to generate, and the enum's name when `--name` is not given.
fn selection(args: &ExpandArgs) -> (Selection, String) {
    let chosen = &args.selection;
    if let Some(service) = &chosen.service {
        return (Selection::Service(service.clone()), variant_name(service));
    }
    match &chosen.codes {
        Some(codes) => (codes.clone(), "Codes".to_owned()),
        None => (Selection::All, "Standard".to_owned()),
    }
}

/// The enum's identifier, checked: the source would not parse with a bad one.
fn enum_name(given: Option<&str>, default: String) -> Result<String, Failure> {
    let (name, hint) = match given {
        Some(name) => (name.to_owned(), ""),
        None => (default, "; pass `--name ENUM`"),
    };
    match check_ident(&name) {
        None => Ok(name),
        Some(problem) => Err(Failure::msg(format!(
            "`{name}` cannot name an enum: it {problem}{hint}"
        ))),
    }
}

/// Every selection error, each on its own `error:` line, naming the list item at fault.
fn select_failure(selection: &Selection, errors: &[SelectError]) -> Failure {
    let lines: Vec<String> = errors
        .iter()
        .map(|e| match (e.item(), selection) {
            (Some(i), Selection::Codes(items)) if i < items.len() => {
                format!("`{}` in `--codes`: {e}", item(&items[i]))
            }
            _ => e.to_string(),
        })
        .collect();
    Failure::msg(lines.join("\nerror: "))
}

fn item(sel: &CodeSel) -> String {
    match sel {
        CodeSel::One(code) => code.to_string(),
        CodeSel::Range(range) => format!("{}..={}", range.start(), range.end()),
    }
}

/// Parses `--codes`: `429,500,502-504`, `502..=504`, `4xx` alone (a class) or in a list (its
/// range).
pub(crate) fn parse_codes(text: &str) -> Result<Selection, String> {
    let text = text.trim();
    if let Some(class) = class(text) {
        return Ok(Selection::Class(class));
    }
    let items = text
        .split(',')
        .map(str::trim)
        .map(code_item)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Selection::Codes(items))
}

fn class(text: &str) -> Option<Class> {
    let digit = text
        .to_ascii_lowercase()
        .strip_suffix("xx")?
        .parse::<u16>()
        .ok()?;
    Class::ALL.into_iter().find(|c| c.digit() == digit)
}

fn code_item(text: &str) -> Result<CodeSel, String> {
    if let Some(class) = class(text) {
        let start = class.digit() * 100;
        return Ok(CodeSel::Range(start..=start + 99));
    }
    if text.contains("..") && !text.contains("..=") {
        return Err(format!(
            "`{text}`: write an inclusive range, `{}`",
            text.replacen("..", "..=", 1)
        ));
    }
    let Some((low, high)) = text.split_once("..=").or_else(|| text.split_once('-')) else {
        return code(text).map(CodeSel::One);
    };
    let (low, high) = (code(low.trim())?, code(high.trim())?);
    if low > high {
        return Err(format!("`{text}`: the lower bound must come first"));
    }
    Ok(CodeSel::Range(low..=high))
}

fn code(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => Ok(code),
        _ if text.is_empty() => {
            Err("expected a status code, a range like `502-504` or a class like `4xx`".into())
        }
        _ => Err(format!(
            "`{text}` is not a status code (expected a number from 100 to 599)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_ranges_and_classes() {
        let parsed = parse_codes("429, 500,502-504,505..=507,4xx");
        let expected = Selection::Codes(vec![
            CodeSel::One(429),
            CodeSel::One(500),
            CodeSel::Range(502..=504),
            CodeSel::Range(505..=507),
            CodeSel::Range(400..=499),
        ]);
        assert_eq!(parsed, Ok(expected));
        assert_eq!(parse_codes("5XX"), Ok(Selection::Class(Class::ServerError)));
    }

    #[test]
    fn rejects_what_is_not_a_code() {
        assert_eq!(
            parse_codes("600"),
            Err("`600` is not a status code (expected a number from 100 to 599)".into())
        );
        assert_eq!(
            parse_codes("504-502"),
            Err("`504-502`: the lower bound must come first".into())
        );
        assert_eq!(
            parse_codes("502..504"),
            Err("`502..504`: write an inclusive range, `502..=504`".into())
        );
        assert!(parse_codes("429,").is_err());
        assert!(parse_codes("6xx").is_err());
    }
}
