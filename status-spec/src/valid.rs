//! Stage 2: raw entries -> validated model, checking the rules that span entries.
//!
//! Every rule reports to the sink and carries on, so one run shows every problem.

use std::ops::Range;

use crate::diag::Sink;
use crate::ident::{RESERVED_VARIANT, check_ident, snake_case, variant_name};
use crate::model::{Class, CodeEntry, Retry, Service, Spec, find_code, insert_sorted};
use crate::parse::{RawEntry, RawService, RawSpec, Sp};

/// Builds the model from raw entries; problems go to `sink`.
///
/// The raw entries' strings are moved into the model rather than cloned (their spans stay
/// for messages): allocation is most of what this stage costs.
pub(crate) fn validate(mut raw: RawSpec, sink: &mut Sink<'_>) -> Spec {
    let codes = base_registry(&mut raw.codes, sink);
    // Codes the file defines, even with a broken entry: a service using one is not at fault.
    let mut written = Vec::new();
    for e in &raw.codes {
        insert_sorted(&mut written, e.code, u16::cmp);
    }
    let mut services = Vec::new();
    for s in &mut raw.services {
        if let Some(s) = service(s, &codes, &written, sink) {
            insert_sorted(&mut services, s, |a, b| a.name.cmp(&b.name));
        }
    }
    Spec { codes, services }
}

/// The base entries, sorted by code.
fn base_registry(raw: &mut [RawEntry], sink: &mut Sink<'_>) -> Vec<CodeEntry> {
    let mut codes = Vec::new();
    for e in raw.iter_mut() {
        if let Some(e) = full_entry(e, "codes", sink) {
            insert_sorted(&mut codes, e, |a, b| a.code.cmp(&b.code));
        }
    }
    let named = raw.iter().filter_map(|r| {
        find_code(&codes, r.code).map(|e| (name_span(r).unwrap_or(r.key_span.clone()), e))
    });
    check_collisions(named, "the base registry", sink);
    codes
}

/// An entry that must stand on its own: a base entry, or a service's code the base lacks.
/// Its strings move into the result; `raw` keeps its spans.
fn full_entry(raw: &mut RawEntry, place: &str, sink: &mut Sink<'_>) -> Option<CodeEntry> {
    let Some(reason) = &raw.reason else {
        if raw.broken {
            return None;
        }
        let msg = format!("missing `reason` in `{place}.{}`", raw.code);
        sink.error_help(
            raw.key_span.clone(),
            msg,
            Some("every code needs a reason phrase, e.g. `reason = \"Not Found\"`".into()),
        );
        return None;
    };
    let reason = nonempty_reason(reason, raw.code, place, sink)?;
    let class = Class::of(raw.code)?;
    let name = entry_name(raw.name.as_ref(), reason, place, raw.code, sink)?;
    let reason = std::mem::take(&mut raw.reason.as_mut()?.value);
    Some(CodeEntry {
        code: raw.code,
        reason,
        name,
        description: raw.description.take().unwrap_or_default(),
        retry: raw.retry.unwrap_or(Retry::default_for(class)),
        reference: raw.reference.take(),
        status: raw.status.unwrap_or_default(),
        aliases: raw.aliases.take().unwrap_or_default(),
        expires: raw.expires,
    })
}

fn nonempty_reason<'r>(
    reason: &'r Sp<String>,
    code: u16,
    place: &str,
    sink: &mut Sink<'_>,
) -> Option<&'r Sp<String>> {
    if reason.value.trim().is_empty() {
        sink.error(
            reason.span.clone(),
            format!("empty `reason` in `{place}.{code}`"),
        );
        return None;
    }
    Some(reason)
}

/// The variant name: the one given, else derived from the reason; checked either way.
fn entry_name(
    given: Option<&Sp<String>>,
    reason: &Sp<String>,
    place: &str,
    code: u16,
    sink: &mut Sink<'_>,
) -> Option<String> {
    if let Some(name) = given {
        let Some(problem) = name_problem(&name.value) else {
            return Some(name.value.clone());
        };
        let msg = format!(
            "variant name `{}` of `{place}.{code}` {problem}",
            name.value
        );
        sink.error(name.span.clone(), msg);
        return None;
    }
    let derived = variant_name(&reason.value);
    let Some(problem) = name_problem(&derived) else {
        return Some(derived);
    };
    let msg = format!(
        "the variant name `{derived}` derived from reason `{}` {problem}",
        reason.value
    );
    sink.error_help(
        reason.span.clone(),
        msg,
        Some(format!(
            "set `name` in `{place}.{code}` to a Rust identifier"
        )),
    );
    None
}

fn name_problem(name: &str) -> Option<&'static str> {
    if name == RESERVED_VARIANT {
        return Some("is reserved for the catch-all variant of generated sets");
    }
    check_ident(name)
}

/// Reports every variant name used by two codes of one set, at the later code.
fn check_collisions<'a>(
    entries: impl Iterator<Item = (Range<usize>, &'a CodeEntry)>,
    set: &str,
    sink: &mut Sink<'_>,
) {
    // A few dozen names: a scan costs less than a map compiled for it.
    let mut seen: Vec<&CodeEntry> = Vec::new();
    for (span, entry) in entries {
        let Some(first) = seen.iter().find(|e| e.name == entry.name).map(|e| e.code) else {
            seen.push(entry);
            continue;
        };
        let msg = format!(
            "variant name `{}` of {} is already used by {first} in {set}",
            entry.name, entry.code
        );
        sink.error_help(
            span,
            msg,
            Some(format!(
                "set a different `name` for {} or {first}",
                entry.code
            )),
        );
    }
}

fn name_span(raw: &RawEntry) -> Option<Range<usize>> {
    raw.name
        .as_ref()
        .or(raw.reason.as_ref())
        .map(|s| s.span.clone())
}

fn service(
    raw: &mut RawService,
    base: &[CodeEntry],
    written: &[u16],
    sink: &mut Sink<'_>,
) -> Option<Service> {
    check_service_name(&raw.name, sink);
    let listed = listed_codes(raw, sink)?;
    check_unlisted_overrides(raw, &listed, sink);
    let place = format!("services.{}.overrides", raw.name.value);
    let mut entries = Vec::new();
    let mut spans = Vec::new();
    let name = &raw.name.value;
    for code in &listed {
        if find_code(base, code.value).is_none() && written.binary_search(&code.value).is_ok() {
            continue;
        }
        // The last override for a code wins, as it would in a map.
        let mut over = raw
            .overrides
            .iter_mut()
            .rev()
            .find(|o| o.code == code.value);
        let Some(entry) = effective(code, over.as_deref_mut(), base, name, &place, sink) else {
            continue;
        };
        // A clash is reported where the service renamed the code, else at its place in `codes`.
        spans.push(over.and_then(|o| name_span(o)).unwrap_or(code.span.clone()));
        entries.push(entry);
    }
    let what = format!("service `{}`", raw.name.value);
    check_collisions(spans.into_iter().zip(&entries), &what, sink);
    let overridden = listed
        .iter()
        .map(|c| c.value)
        .filter(|&c| raw.overrides.iter().any(|o| o.code == c))
        .collect();
    Some(Service {
        name: std::mem::take(&mut raw.name.value),
        description: raw.description.take().unwrap_or_default(),
        source: raw.source.take(),
        unlisted_retry: raw.unlisted_retry,
        backoff: raw.backoff,
        entries,
        overridden,
    })
}

fn check_service_name(name: &Sp<String>, sink: &mut Sink<'_>) {
    let Some(problem) = check_ident(&name.value) else {
        return;
    };
    let suggestion = snake_case(&name.value);
    let help =
        (check_ident(&suggestion).is_none()).then(|| format!("did you mean `{suggestion}`?"));
    sink.error_help(
        name.span.clone(),
        format!(
            "service name `{}` is not an identifier: it {problem}",
            name.value
        ),
        help,
    );
}

/// The service's codes, once each, sorted; duplicates and an empty list are reported.
fn listed_codes(raw: &RawService, sink: &mut Sink<'_>) -> Option<Vec<Sp<u16>>> {
    let name = &raw.name.value;
    let Some(codes) = &raw.codes else {
        let help = Some("add e.g. `codes = [200, 404]`".into());
        sink.error_help(
            raw.name.span.clone(),
            format!("service `{name}` has no `codes` list"),
            help,
        );
        return None;
    };
    if codes.value.is_empty() && !raw.codes_broken {
        sink.error(
            codes.span.clone(),
            format!("service `{name}` lists no codes"),
        );
        return None;
    }
    let mut listed = Vec::new();
    for code in &codes.value {
        if insert_sorted(&mut listed, code.clone(), |a, b| a.value.cmp(&b.value)) {
            sink.error(
                code.span.clone(),
                format!("service `{name}` lists {} twice", code.value),
            );
        }
    }
    Some(listed)
}

fn check_unlisted_overrides(raw: &RawService, listed: &[Sp<u16>], sink: &mut Sink<'_>) {
    let name = &raw.name.value;
    for over in raw
        .overrides
        .iter()
        .filter(|o| listed.binary_search_by_key(&o.code, |c| c.value).is_err())
    {
        let msg = format!(
            "override for {}, which service `{name}` does not list",
            over.code
        );
        sink.error_help(
            over.key_span.clone(),
            msg,
            Some(format!("add {} to `services.{name}.codes`", over.code)),
        );
    }
}

/// The service's entry for one listed code: base merged with its override.
fn effective(
    code: &Sp<u16>,
    over: Option<&mut RawEntry>,
    base: &[CodeEntry],
    service: &str,
    place: &str,
    sink: &mut Sink<'_>,
) -> Option<CodeEntry> {
    let Some(base_entry) = find_code(base, code.value) else {
        return unregistered(code, over, service, place, sink);
    };
    let Some(over) = over else {
        return Some(base_entry.clone());
    };
    let mut entry = base_entry.clone();
    if let Some(reason) = &over.reason {
        let reason = nonempty_reason(reason, over.code, place, sink)?;
        entry.name = entry_name(over.name.as_ref(), reason, place, over.code, sink)?;
        entry.reason = reason.value.clone();
    } else if let Some(name) = &over.name {
        entry.name = entry_name(Some(name), name, place, over.code, sink)?;
    }
    merge_plain_fields(&mut entry, over);
    Some(entry)
}

fn merge_plain_fields(entry: &mut CodeEntry, over: &mut RawEntry) {
    if let Some(d) = over.description.take() {
        entry.description = d;
    }
    if let Some(r) = over.retry {
        entry.retry = r;
    }
    if let Some(r) = over.reference.take() {
        entry.reference = Some(r);
    }
    if let Some(s) = over.status {
        entry.status = s;
    }
    if let Some(a) = over.aliases.take() {
        entry.aliases = a;
    }
    if let Some(e) = over.expires {
        entry.expires = Some(e);
    }
}

/// A listed code the base registry lacks: allowed only with a full entry in the overrides.
fn unregistered(
    code: &Sp<u16>,
    over: Option<&mut RawEntry>,
    name: &str,
    place: &str,
    sink: &mut Sink<'_>,
) -> Option<CodeEntry> {
    if let Some(over) = over.filter(|o| o.reason.is_some() || o.broken) {
        return full_entry(over, place, sink);
    }
    let msg = format!(
        "service `{name}` lists {}, which the base registry lacks",
        code.value
    );
    let help = format!(
        "give it a full entry in `[{place}.{}]` with at least `reason`",
        code.value
    );
    sink.error_help(code.span.clone(), msg, Some(help));
    None
}
