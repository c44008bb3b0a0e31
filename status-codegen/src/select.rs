//! Which codes a set holds: a service, a list of codes and ranges, a class, or everything.

use std::fmt;
use std::ops::RangeInclusive;

use status_spec::{Class, CodeEntry, Spec};

/// What a `status_set!` item asks for, after `=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// `service "name"`: the service's effective entries.
    Service(String),
    /// `[429, 500, 502..=504]`: base entries, one by one or by range.
    Codes(Vec<CodeSel>),
    /// `4xx`: every base entry of the class.
    Class(Class),
    /// `all`: the whole base registry.
    All,
}

/// One item of a code list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeSel {
    /// A single code.
    One(u16),
    /// Every code of the base registry in the range (which must hold at least one).
    Range(RangeInclusive<u16>),
}

/// The entries a selection stands for, and a sentence saying what they are.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The entries, in code order, once each.
    pub entries: Vec<CodeEntry>,
    /// What the set is, for its rustdoc ("the `safe_browsing` service's codes: ...").
    pub summary: String,
    /// The service, when the selection names one.
    pub service: Option<String>,
}

/// Why a selection cannot be resolved. `item` is the index of the offending list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectError {
    /// No service has that name.
    UnknownService {
        /// The name asked for.
        name: String,
        /// The closest known name, if close enough.
        suggestion: Option<String>,
        /// Every known name.
        known: Vec<String>,
    },
    /// A listed code that the base registry lacks.
    UnknownCode {
        /// Index in the list.
        item: usize,
        /// The code.
        code: u16,
    },
    /// A range with its ends the wrong way round.
    ReversedRange {
        /// Index in the list.
        item: usize,
    },
    /// A range that holds no code of the base registry.
    EmptyRange {
        /// Index in the list.
        item: usize,
    },
    /// A code given twice (also through overlapping ranges).
    Duplicate {
        /// Index in the list.
        item: usize,
        /// The code.
        code: u16,
    },
    /// A class with no code in the base registry.
    EmptyClass {
        /// The class.
        class: Class,
    },
}

impl SelectError {
    /// The list item at fault, if the error is about one.
    pub fn item(&self) -> Option<usize> {
        match self {
            SelectError::UnknownCode { item, .. }
            | SelectError::ReversedRange { item }
            | SelectError::EmptyRange { item }
            | SelectError::Duplicate { item, .. } => Some(*item),
            SelectError::UnknownService { .. } | SelectError::EmptyClass { .. } => None,
        }
    }
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelectError::UnknownService {
                name,
                suggestion: Some(s),
                ..
            } => {
                write!(f, "unknown service `{name}`; did you mean `{s}`?")
            }
            SelectError::UnknownService { name, known, .. } if known.is_empty() => {
                write!(f, "unknown service `{name}`; the spec defines no services")
            }
            SelectError::UnknownService { name, known, .. } => {
                write!(
                    f,
                    "unknown service `{name}`; the spec defines {}",
                    quoted(known)
                )
            }
            SelectError::UnknownCode { code, .. } => {
                write!(f, "code {code} is not in the spec's base registry")
            }
            SelectError::ReversedRange { .. } => {
                f.write_str("reversed range: the lower bound must come first")
            }
            SelectError::EmptyRange { .. } => {
                f.write_str("range holds no code of the spec's base registry")
            }
            SelectError::Duplicate { code, .. } => write!(f, "code {code} is selected twice"),
            SelectError::EmptyClass { class } => {
                write!(
                    f,
                    "the spec's base registry has no {}xx code",
                    class.digit()
                )
            }
        }
    }
}

impl std::error::Error for SelectError {}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Resolves a selection against the spec, reporting every bad item.
pub fn resolve(spec: &Spec, selection: &Selection) -> Result<Resolved, Vec<SelectError>> {
    match selection {
        Selection::Service(name) => service(spec, name).map_err(|e| vec![e]),
        Selection::Codes(items) => codes(spec, items),
        Selection::Class(class) => class_set(spec, *class).map_err(|e| vec![e]),
        Selection::All => Ok(Resolved {
            entries: spec.codes().cloned().collect(),
            summary: "every status code of the spec's base registry".into(),
            service: None,
        }),
    }
}

fn service(spec: &Spec, name: &str) -> Result<Resolved, SelectError> {
    let Some(service) = spec.service(name) else {
        return Err(SelectError::UnknownService {
            name: name.to_owned(),
            suggestion: status_spec::suggest_service(spec, name).map(str::to_owned),
            known: spec.service_names().map(str::to_owned).collect(),
        });
    };
    let mut summary = format!("the status codes of the `{name}` service");
    if !service.description.is_empty() {
        summary = format!("{summary}: {}", service.description);
    }
    Ok(Resolved {
        entries: service.entries().to_vec(),
        summary,
        service: Some(name.to_owned()),
    })
}

fn class_set(spec: &Spec, class: Class) -> Result<Resolved, SelectError> {
    let entries: Vec<CodeEntry> = spec
        .codes()
        .filter(|e| e.class() == class)
        .cloned()
        .collect();
    if entries.is_empty() {
        return Err(SelectError::EmptyClass { class });
    }
    let summary = format!(
        "the {}xx ({}) status codes of the spec's base registry",
        class.digit(),
        class.phrase()
    );
    Ok(Resolved {
        entries,
        summary,
        service: None,
    })
}

/// `errors` ordered by the item at fault, those about no item first; the order found breaks
/// ties.
fn by_item(errors: Vec<SelectError>) -> Vec<SelectError> {
    let mut sorted: Vec<SelectError> = Vec::with_capacity(errors.len());
    for e in errors {
        let at = sorted.partition_point(|s| s.item() <= e.item());
        sorted.insert(at, e);
    }
    sorted
}

fn codes(spec: &Spec, items: &[CodeSel]) -> Result<Resolved, Vec<SelectError>> {
    let mut errors = Vec::new();
    // Sorted by code as they come (no sort compiled in: see `fallback_entries`).
    let mut picked: Vec<(u16, usize)> = Vec::new();
    for (item, sel) in items.iter().enumerate() {
        match item_codes(spec, item, sel) {
            Ok(codes) => {
                for pair in codes.into_iter().map(|c| (c, item)) {
                    let at = picked.partition_point(|p| *p <= pair);
                    picked.insert(at, pair);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    for pair in picked.windows(2) {
        if pair[0].0 == pair[1].0 {
            errors.push(SelectError::Duplicate {
                item: pair[0].1.max(pair[1].1),
                code: pair[0].0,
            });
        }
    }
    if !errors.is_empty() {
        return Err(by_item(errors));
    }
    let entries: Vec<CodeEntry> = picked
        .iter()
        .filter_map(|(c, _)| spec.code(*c).cloned())
        .collect();
    let summary = format!("status codes {}", describe(items));
    Ok(Resolved {
        entries,
        summary,
        service: None,
    })
}

fn item_codes(spec: &Spec, item: usize, sel: &CodeSel) -> Result<Vec<u16>, SelectError> {
    match sel {
        CodeSel::One(code) if spec.code(*code).is_some() => Ok(vec![*code]),
        CodeSel::One(code) => Err(SelectError::UnknownCode { item, code: *code }),
        CodeSel::Range(r) if r.start() > r.end() => Err(SelectError::ReversedRange { item }),
        CodeSel::Range(r) => {
            let codes: Vec<u16> = spec
                .codes()
                .map(|e| e.code)
                .filter(|c| r.contains(c))
                .collect();
            if codes.is_empty() {
                Err(SelectError::EmptyRange { item })
            } else {
                Ok(codes)
            }
        }
    }
}

fn describe(items: &[CodeSel]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|s| match s {
            CodeSel::One(c) => c.to_string(),
            CodeSel::Range(r) => format!("{}..={}", r.start(), r.end()),
        })
        .collect();
    parts.join(", ")
}
