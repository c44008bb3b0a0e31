//! Checks the shipped `codes.toml` against facts written down by hand: the IANA HTTP Status
//! Code Registry, and what each document behind a shipped service says about its codes.
//!
//! The tables below are plain data transcribed from those sources, one line per code, so a
//! reviewer can compare them with the originals line by line. The documents themselves are not
//! part of the repository and the tests never read them.

use std::collections::BTreeSet;

use status_spec::Registration::{self, Obsolete, Permanent, Temporary, Unused};
use status_spec::Retry::{self, Backoff, Modify, Never, Reauthenticate, RetryAfter};
use status_spec::{CodeEntry, Spec};

// ---------------------------------------------------------------------------------------------
// The IANA HTTP Status Code Registry
// ---------------------------------------------------------------------------------------------

/// Every registered code: (code, registered phrase, registration status).
///
/// The registry writes 306 and 418 as "(Unused)"; the spec names them "Unused" and "I'm a
/// Teapot". It appends "(OBSOLETED)" to 510 and a "(TEMPORARY - ...)" note to 104; those notes
/// are the third column here, not part of the phrase.
const IANA_REGISTRY: &[(u16, &str, Registration)] = &[
    (100, "Continue", Permanent),
    (101, "Switching Protocols", Permanent),
    (102, "Processing", Permanent),
    (103, "Early Hints", Permanent),
    (104, "Upload Resumption Supported", Temporary),
    (200, "OK", Permanent),
    (201, "Created", Permanent),
    (202, "Accepted", Permanent),
    (203, "Non-Authoritative Information", Permanent),
    (204, "No Content", Permanent),
    (205, "Reset Content", Permanent),
    (206, "Partial Content", Permanent),
    (207, "Multi-Status", Permanent),
    (208, "Already Reported", Permanent),
    (226, "IM Used", Permanent),
    (300, "Multiple Choices", Permanent),
    (301, "Moved Permanently", Permanent),
    (302, "Found", Permanent),
    (303, "See Other", Permanent),
    (304, "Not Modified", Permanent),
    (305, "Use Proxy", Permanent),
    (306, "(Unused)", Unused),
    (307, "Temporary Redirect", Permanent),
    (308, "Permanent Redirect", Permanent),
    (400, "Bad Request", Permanent),
    (401, "Unauthorized", Permanent),
    (402, "Payment Required", Permanent),
    (403, "Forbidden", Permanent),
    (404, "Not Found", Permanent),
    (405, "Method Not Allowed", Permanent),
    (406, "Not Acceptable", Permanent),
    (407, "Proxy Authentication Required", Permanent),
    (408, "Request Timeout", Permanent),
    (409, "Conflict", Permanent),
    (410, "Gone", Permanent),
    (411, "Length Required", Permanent),
    (412, "Precondition Failed", Permanent),
    (413, "Content Too Large", Permanent),
    (414, "URI Too Long", Permanent),
    (415, "Unsupported Media Type", Permanent),
    (416, "Range Not Satisfiable", Permanent),
    (417, "Expectation Failed", Permanent),
    (418, "(Unused)", Unused),
    (421, "Misdirected Request", Permanent),
    (422, "Unprocessable Content", Permanent),
    (423, "Locked", Permanent),
    (424, "Failed Dependency", Permanent),
    (425, "Too Early", Permanent),
    (426, "Upgrade Required", Permanent),
    (428, "Precondition Required", Permanent),
    (429, "Too Many Requests", Permanent),
    (431, "Request Header Fields Too Large", Permanent),
    (451, "Unavailable For Legal Reasons", Permanent),
    (500, "Internal Server Error", Permanent),
    (501, "Not Implemented", Permanent),
    (502, "Bad Gateway", Permanent),
    (503, "Service Unavailable", Permanent),
    (504, "Gateway Timeout", Permanent),
    (505, "HTTP Version Not Supported", Permanent),
    (506, "Variant Also Negotiates", Permanent),
    (507, "Insufficient Storage", Permanent),
    (508, "Loop Detected", Permanent),
    (510, "Not Extended", Obsolete),
    (511, "Network Authentication Required", Permanent),
];

// ---------------------------------------------------------------------------------------------
// The documents behind the shipped services
// ---------------------------------------------------------------------------------------------

/// One code as a document states it: (code, phrase as the document writes it, the retry
/// advice the document gives or, where it gives none, that HTTP's semantics imply).
type Fact = (u16, &'static str, Retry);

/// What one document says, and which service of the spec is built from it.
struct Document {
    /// The service's name in `codes.toml`.
    service: &'static str,
    /// Every code the document lists, ascending.
    facts: &'static [Fact],
    /// Codes the document plainly omits, added to the service with a comment in `codes.toml`.
    added: &'static [Fact],
    /// A note the document appends to some phrases, which is not part of the phrase.
    annotation: Option<&'static str>,
}

/// The Safe Browsing status code page. Every answer other than 200 puts the client into
/// back-off mode.
const SAFE_BROWSING: Document = Document {
    service: "safe_browsing",
    facts: &[
        (200, "OK", Never),
        (400, "Bad Request", Backoff),
        (403, "Forbidden", Backoff),
        (429, "Resource Exhausted", Backoff),
        (500, "Internal Server Error", Backoff),
        (503, "Service Unavailable", Backoff),
        (504, "Gateway Timeout", Backoff),
    ],
    added: &[],
    annotation: None,
};

/// The Huawei Cloud status code table. It says not to retry 400, 403, 404, 405 and 503 before
/// changing the request, that a 408 may be repeated unchanged later, and that a 429 should be
/// resent once the Retry-After time has passed.
const HUAWEI_CLOUD: Document = Document {
    service: "huawei_cloud",
    facts: &[
        (100, "Continue", Never),
        (101, "Switching Protocols", Never),
        (201, "Created", Never),
        (202, "Accepted", Never),
        (203, "Non-Authoritative Information", Never),
        (204, "NoContent", Never),
        (205, "Reset Content", Never),
        (206, "Partial Content", Never),
        (300, "Multiple Choices", Never),
        (301, "Moved Permanently", Never),
        (302, "Found", Never),
        (303, "See Other", Never),
        (304, "Not Modified", Never),
        (305, "Use Proxy", Never),
        (306, "Unused", Never),
        (400, "BadRequest", Modify),
        (401, "Unauthorized", Reauthenticate),
        (402, "Payment Required", Modify),
        (403, "Forbidden", Modify),
        (404, "NotFound", Modify),
        (405, "MethodNotAllowed", Modify),
        (406, "Not Acceptable", Modify),
        (407, "Proxy Authentication Required", Reauthenticate),
        (408, "Request Time-out", Backoff),
        (409, "Conflict", Modify),
        (410, "Gone", Modify),
        (411, "Length Required", Modify),
        (412, "Precondition Failed", Modify),
        (413, "Request Entity Too Large", Modify),
        (414, "Request-URI Too Large", Modify),
        (415, "Unsupported Media Type", Modify),
        (416, "Requested range not satisfiable", Modify),
        (417, "Expectation Failed", Modify),
        (422, "UnprocessableEntity", Modify),
        (429, "TooManyRequests", RetryAfter),
        (500, "InternalServerError", Backoff),
        (501, "Not Implemented", Modify),
        (502, "Bad Gateway", Backoff),
        (503, "ServiceUnavailable", Modify),
        (504, "ServerTimeout", Backoff),
        (505, "HTTP Version not supported", Modify),
    ],
    // The table skips 200, which the APIs it describes certainly return.
    added: &[(200, "OK", Never)],
    annotation: None,
};

/// The web API status code page. Its advice matches plain HTTP semantics throughout.
const WEB_API: Document = Document {
    service: "web_api",
    facts: &[
        (200, "OK", Never),
        (400, "Bad Request", Modify),
        (401, "Unauthorized", Reauthenticate),
        (403, "Forbidden", Modify),
        (404, "Not Found", Modify),
        (405, "Method Not Allowed", Modify),
        (429, "Too Many Requests", RetryAfter),
        (500, "Internal Server Error", Backoff),
        (502, "Bad Gateway", Backoff),
        (503, "Service Unavailable", RetryAfter),
    ],
    added: &[],
    annotation: None,
};

/// The REST API tutorial's status code page. Its "1xx: Informational" heading is followed by
/// a copy of the 4xx table, so it documents no 1xx codes. It says a 400 should not be repeated
/// unchanged and a 401 may be repeated with a suitable Authorization header.
const RESTFUL_API: Document = Document {
    service: "restful_api",
    facts: &[
        (200, "OK", Never),
        (201, "Created", Never),
        (202, "Accepted", Never),
        (203, "Non-Authoritative Information", Never),
        (204, "No Content", Never),
        (205, "Reset Content", Never),
        (206, "Partial Content", Never),
        (207, "Multi-Status (WebDAV)", Never),
        (208, "Already Reported (WebDAV)", Never),
        (226, "IM Used", Never),
        (300, "Multiple Choices", Never),
        (301, "Moved Permanently", Never),
        (302, "Found", Never),
        (303, "See Other", Never),
        (304, "Not Modified", Never),
        (305, "Use Proxy", Never),
        (306, "Switch Proxy", Never),
        (307, "Temporary Redirect", Never),
        (308, "Permanent Redirect", Never),
        (400, "Bad Request", Modify),
        (401, "Unauthorized", Reauthenticate),
        (402, "Payment Required", Modify),
        (403, "Forbidden", Modify),
        (404, "Not Found", Modify),
        (405, "Method Not Allowed", Modify),
        (406, "Not Acceptable", Modify),
        (412, "Precondition Failed", Modify),
        (413, "Request Entity Too Large", Modify),
        (500, "Internal Server Error", Backoff),
        (501, "Not Implemented", Modify),
        (502, "Bad Gateway", Backoff),
        (503, "Service Unavailable", RetryAfter),
        (504, "Gateway Timeout", Backoff),
        (505, "HTTP Version Not Supported", Modify),
        (511, "Network Authentication Required", Reauthenticate),
    ],
    added: &[],
    annotation: Some("(WebDAV)"),
};

/// The REST client guide's response code page. It says to reformat and resubmit a 400, to
/// fetch the resource's current state and reconcile after a 409, and to check the response
/// headers for the rate limit after a 429.
const REST_CLIENT: Document = Document {
    service: "rest_client",
    facts: &[
        (200, "OK", Never),
        (201, "Created", Never),
        (202, "Accepted", Never),
        (204, "No Content", Never),
        (301, "Moved Permanently", Never),
        (304, "Not Modified", Never),
        (400, "Bad Request", Modify),
        (401, "Not Authorized", Reauthenticate),
        (403, "Forbidden", Modify),
        (404, "Not Found", Modify),
        (405, "Method Not Allowed", Modify),
        (406, "Not Acceptable", Modify),
        (409, "Conflict", Modify),
        (412, "Precondition Failed", Modify),
        (422, "Unprocessable Entity", Modify),
        (429, "Too Many Requests", RetryAfter),
        (500, "Internal Server Error", Backoff),
    ],
    added: &[],
    annotation: None,
};

/// Every document, one per shipped service.
const DOCUMENTS: &[&Document] = &[
    &SAFE_BROWSING,
    &HUAWEI_CLOUD,
    &WEB_API,
    &RESTFUL_API,
    &REST_CLIENT,
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The shipped spec. `Spec::embedded` falls back to an empty spec when `codes.toml` does not
/// validate, so an empty base registry is reported as that, not as a hundred missing codes.
fn spec() -> &'static Spec {
    let spec = Spec::embedded();
    assert!(
        spec.codes().next().is_some(),
        "the embedded codes.toml has no base registry: it failed to parse or validate \
         (run `Spec::parse` on it to see the diagnostics)"
    );
    spec
}

/// A phrase reduced to what matters when comparing phrases: lower case, letters and digits
/// only. "NoContent", "No Content" and "no-content" are the same phrase.
fn phrase_key(phrase: &str) -> String {
    phrase
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The variant name the spec derives from a phrase: split on every character that is not a
/// letter or digit (apostrophes are dropped, not split on), capitalise each word, join.
fn derived_name(reason: &str) -> String {
    let mut name = String::new();
    let mut start_of_word = true;
    for c in reason.chars().filter(|&c| c != '\'' && c != '\u{2019}') {
        if !c.is_ascii_alphanumeric() {
            start_of_word = true;
        } else if start_of_word {
            name.push(c.to_ascii_uppercase());
            start_of_word = false;
        } else {
            name.push(c.to_ascii_lowercase());
        }
    }
    name
}

/// Fails with every problem at once, so one run shows the whole picture.
fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Problems with a fact table itself: codes must ascend and appear once.
fn table_problems(name: &str, codes: impl IntoIterator<Item = u16>) -> Vec<String> {
    let codes: Vec<u16> = codes.into_iter().collect();
    codes
        .windows(2)
        .filter(|pair| pair[0] >= pair[1])
        .map(|pair| format!("table {name}: {} is followed by {}", pair[0], pair[1]))
        .collect()
}

/// Checks the service built from `doc` against what the document says.
fn document_problems(doc: &Document) -> Vec<String> {
    let spec = spec();
    let Some(service) = spec.service(doc.service) else {
        let known: Vec<&str> = spec.services().map(|s| s.name.as_str()).collect();
        return vec![format!(
            "no service `{}` in the spec (it has: {})",
            doc.service,
            known.join(", ")
        )];
    };

    let mut expected: Vec<Fact> = doc.facts.iter().chain(doc.added).copied().collect();
    expected.sort_by_key(|&(code, _, _)| code);
    let mut problems = table_problems(doc.service, doc.facts.iter().map(|f| f.0));
    problems.extend(table_problems(doc.service, expected.iter().map(|f| f.0)));

    let listed: Vec<u16> = service.entries().iter().map(|e| e.code).collect();
    let wanted: Vec<u16> = expected.iter().map(|f| f.0).collect();
    if listed != wanted {
        problems.push(format!(
            "codes: the spec lists {listed:?}, the document {wanted:?}"
        ));
    }
    if service.description.trim().is_empty() {
        problems.push("the service has no description".to_owned());
    }

    for &(code, phrase, retry) in &expected {
        let Some(entry) = service.entry(code) else {
            continue;
        };
        let phrase = doc
            .annotation
            .and_then(|a| phrase.trim_end().strip_suffix(a))
            .unwrap_or(phrase);
        if phrase_key(&entry.reason) != phrase_key(phrase) {
            problems.push(format!(
                "{code}: reason {:?}, the document says {phrase:?}",
                entry.reason
            ));
        }
        if entry.retry != retry {
            problems.push(format!(
                "{code}: retry {:?}, the document implies {retry:?}",
                entry.retry
            ));
        }
        if let Some(base) = spec.code(code) {
            problems.extend(override_problems(service.is_overridden(code), base, entry));
        }
    }
    problems
}

/// An effective entry may differ from the base only through an override, and a phrase that
/// matches the base one under [`phrase_key`] must not be overridden.
fn override_problems(overridden: bool, base: &CodeEntry, entry: &CodeEntry) -> Vec<String> {
    let code = entry.code;
    let mut problems = Vec::new();
    let differs = entry.reason != base.reason
        || entry.name != base.name
        || entry.retry != base.retry
        || entry.description != base.description;
    if differs && !overridden {
        problems.push(format!(
            "{code}: differs from the base but is not marked as overridden"
        ));
    }
    if entry.reason != base.reason && phrase_key(&entry.reason) == phrase_key(&base.reason) {
        problems.push(format!(
            "{code}: reason {:?} only respells the base {:?}; drop the override",
            entry.reason, base.reason
        ));
    }
    problems
}

fn check_document(doc: &Document) {
    assert_no_problems(doc.service, &document_problems(doc));
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn iana_registry_matches() {
    let spec = spec();
    let mut problems = table_problems("IANA_REGISTRY", IANA_REGISTRY.iter().map(|r| r.0));

    let registered: Vec<u16> = IANA_REGISTRY.iter().map(|r| r.0).collect();
    let base: Vec<u16> = spec.codes().map(|e| e.code).collect();
    if base != registered {
        let registered_set: BTreeSet<u16> = registered.iter().copied().collect();
        let base_set: BTreeSet<u16> = base.iter().copied().collect();
        let missing: Vec<_> = registered_set.difference(&base_set).collect();
        let extra: Vec<_> = base_set.difference(&registered_set).collect();
        problems.push(format!(
            "base registry: missing {missing:?}, not registered {extra:?}"
        ));
    }

    for &(code, phrase, status) in IANA_REGISTRY {
        let Some(entry) = spec.code(code) else {
            continue;
        };
        if entry.status != status {
            problems.push(format!(
                "{code}: status {:?}, registered as {status:?}",
                entry.status
            ));
        }
        // An unused code has no registered phrase to match.
        if status != Unused && entry.reason != phrase {
            problems.push(format!(
                "{code}: reason {:?}, registered as {phrase:?}",
                entry.reason
            ));
        }
    }
    assert_no_problems("IANA registry", &problems);
}

#[test]
fn every_base_entry_is_documented() {
    let mut problems = Vec::new();
    for entry in spec().codes() {
        let code = entry.code;
        if entry.description.trim().is_empty() {
            problems.push(format!("{code}: no description"));
        }
        match entry.reference.as_deref().map(str::trim) {
            None | Some("") => problems.push(format!("{code}: no reference")),
            Some(_) => {}
        }
        // Aliases are for genuinely different phrases, not respellings of the reason.
        let mut seen = BTreeSet::from([phrase_key(&entry.reason)]);
        for alias in &entry.aliases {
            if !seen.insert(phrase_key(alias)) {
                problems.push(format!(
                    "{code}: alias {alias:?} repeats the reason or another alias"
                ));
            }
        }
    }
    assert_no_problems("base registry", &problems);
}

#[test]
fn variant_names_follow_reasons() {
    let spec = spec();
    let mut sets: Vec<(&str, Vec<&CodeEntry>)> = vec![("base registry", spec.codes().collect())];
    sets.extend(
        spec.services()
            .map(|s| (s.name.as_str(), s.entries().iter().collect())),
    );

    let mut problems = Vec::new();
    for (set, entries) in sets {
        let mut names = BTreeSet::new();
        for entry in entries {
            // The shipped spec never sets `name`, so every name is the derived one.
            if entry.name != derived_name(&entry.reason) {
                problems.push(format!(
                    "{set} {}: name {:?} for reason {:?}",
                    entry.code, entry.name, entry.reason
                ));
            }
            if entry.name == "Other" {
                problems.push(format!(
                    "{set} {}: uses the reserved name `Other`",
                    entry.code
                ));
            }
            if !names.insert(entry.name.as_str()) {
                problems.push(format!(
                    "{set} {}: name {:?} is used twice",
                    entry.code, entry.name
                ));
            }
        }
    }
    assert_no_problems("variant names", &problems);
}

#[test]
fn services_are_the_documented_ones() {
    let shipped: Vec<&str> = spec().services().map(|s| s.name.as_str()).collect();
    let mut documented: Vec<&str> = DOCUMENTS.iter().map(|d| d.service).collect();
    documented.sort_unstable();
    assert_eq!(shipped, documented);
}

#[test]
fn safe_browsing_matches_its_document() {
    check_document(&SAFE_BROWSING);
}

#[test]
fn huawei_cloud_matches_its_document() {
    check_document(&HUAWEI_CLOUD);
}

#[test]
fn web_api_matches_its_document() {
    check_document(&WEB_API);
}

#[test]
fn restful_api_matches_its_document() {
    check_document(&RESTFUL_API);
}

#[test]
fn rest_client_matches_its_document() {
    check_document(&REST_CLIENT);
}

/// "Any answer other than 200 OK means back-off mode": listed or not, every other code
/// advises `backoff`, and the policy is the document's formula.
#[test]
fn safe_browsing_backs_off_on_everything_but_200() {
    let service = spec().service("safe_browsing").expect("shipped");
    for code in 100..=599 {
        let advice = match service.entry(code) {
            Some(entry) => entry.retry,
            None => service.unlisted_advice(status_spec::Retry::Never),
        };
        let expected = if code == 200 {
            status_spec::Retry::Never
        } else {
            status_spec::Retry::Backoff
        };
        assert_eq!(advice, expected, "{code}");
    }
    let policy = service.backoff.expect("the document's policy");
    let minutes = |m: u64| std::time::Duration::from_secs(m * 60);
    assert_eq!(
        (
            policy.initial,
            policy.max,
            policy.factor,
            policy.jitter,
            policy.max_retries
        ),
        (
            minutes(15),
            minutes(24 * 60),
            2.0,
            status_spec::Jitter::Proportional,
            None
        )
    );
}
