//! Rustdoc text for generated items, made from the spec's entries.

use status_spec::{CodeEntry, Registration, Retry};

/// A sentence of advice for a retry value, as shown in generated docs.
pub fn retry_advice(retry: Retry) -> &'static str {
    match retry {
        Retry::Never => "repeating the same request is pointless",
        Retry::Modify => "do not retry until the request is changed",
        Retry::Reauthenticate => "retry after supplying or refreshing credentials",
        Retry::Backoff => "transient; retry with exponential back-off",
        Retry::RetryAfter => "wait as long as the `Retry-After` header says, then retry",
    }
}

/// The rustdoc of one variant: code and phrase, description, advice and reference.
///
/// ```
/// let spec = status_spec::Spec::embedded();
/// let doc = status_codegen::variant_doc(spec.code(404).expect("404 is registered"));
/// assert!(doc.starts_with("`404 Not Found`"));
/// ```
pub fn variant_doc(entry: &CodeEntry) -> String {
    let mut doc = format!("`{} {}`", entry.code, entry.reason);
    if !entry.description.is_empty() {
        doc.push_str("\n\n");
        doc.push_str(&entry.description);
    }
    doc.push_str(&format!(
        "\n\nRetry: {} (`{}`).",
        retry_advice(entry.retry),
        entry.retry
    ));
    if let Some(reference) = &entry.reference {
        doc.push_str(&format!(" Defined in {reference}."));
    }
    match entry.status {
        Registration::Permanent => {}
        Registration::Temporary => doc.push_str(" Registered only temporarily."),
        Registration::Unused => doc.push_str(" Reserved: registered as unused."),
        Registration::Obsolete => doc.push_str(" Obsolete."),
    }
    doc
}
