//! The validated model of a spec: what status-codegen and the CLI read.
//!
//! Everything here has passed validation: codes are in `100..=599`, names are unique usable
//! identifiers, and each service's entries are the base entries with its overrides applied.

use std::fmt;

use crate::backoff::Backoff;

/// What a client should do about a response with this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Retry {
    /// Repeating the same request is pointless (successes, redirects).
    Never,
    /// Do not retry until the request has been changed.
    Modify,
    /// Retry after supplying or refreshing credentials.
    Reauthenticate,
    /// Transient: retry with exponential back-off.
    Backoff,
    /// Wait as long as the `Retry-After` header says, then retry.
    RetryAfter,
}

impl Retry {
    /// Every value, in the order the spec documents them.
    pub const ALL: [Retry; 5] = [
        Retry::Never,
        Retry::Modify,
        Retry::Reauthenticate,
        Retry::Backoff,
        Retry::RetryAfter,
    ];

    /// The spelling used in `codes.toml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Modify => "modify",
            Retry::Reauthenticate => "reauthenticate",
            Retry::Backoff => "backoff",
            Retry::RetryAfter => "retry-after",
        }
    }

    /// Parses the spelling used in `codes.toml`.
    pub fn parse(s: &str) -> Option<Retry> {
        Retry::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The advice a code gets when its entry gives none: by class.
    pub const fn default_for(class: Class) -> Retry {
        match class {
            Class::Informational | Class::Success | Class::Redirection => Retry::Never,
            Class::ClientError => Retry::Modify,
            Class::ServerError => Retry::Backoff,
        }
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The class a code's first digit puts it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// 1xx.
    Informational,
    /// 2xx.
    Success,
    /// 3xx.
    Redirection,
    /// 4xx.
    ClientError,
    /// 5xx.
    ServerError,
}

impl Class {
    /// The class of `code`, or `None` outside `100..=599`.
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Success),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }

    /// Every class, lowest first.
    pub const ALL: [Class; 5] = [
        Class::Informational,
        Class::Success,
        Class::Redirection,
        Class::ClientError,
        Class::ServerError,
    ];

    /// The Rust name of the matching `status_core::StatusClass` variant.
    pub const fn variant(self) -> &'static str {
        match self {
            Class::Informational => "Informational",
            Class::Success => "Success",
            Class::Redirection => "Redirection",
            Class::ClientError => "ClientError",
            Class::ServerError => "ServerError",
        }
    }

    /// The first digit of the codes in this class.
    pub const fn digit(self) -> u16 {
        match self {
            Class::Informational => 1,
            Class::Success => 2,
            Class::Redirection => 3,
            Class::ClientError => 4,
            Class::ServerError => 5,
        }
    }

    /// A short phrase for the class, used when a code has no entry of its own.
    pub const fn phrase(self) -> &'static str {
        match self {
            Class::Informational => "Informational",
            Class::Success => "Success",
            Class::Redirection => "Redirection",
            Class::ClientError => "Client Error",
            Class::ServerError => "Server Error",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

/// Where a code stands in the IANA registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Registration {
    /// Registered and in use (the default).
    #[default]
    Permanent,
    /// Registered for a limited time.
    Temporary,
    /// Reserved: registered as unused (306, 418).
    Unused,
    /// Registered but obsoleted by a later document (510).
    Obsolete,
}

impl Registration {
    /// Every value.
    pub const ALL: [Registration; 4] = [
        Registration::Permanent,
        Registration::Temporary,
        Registration::Unused,
        Registration::Obsolete,
    ];

    /// The spelling used in `codes.toml`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Registration::Permanent => "permanent",
            Registration::Temporary => "temporary",
            Registration::Unused => "unused",
            Registration::Obsolete => "obsolete",
        }
    }

    /// Parses the spelling used in `codes.toml`.
    pub fn parse(s: &str) -> Option<Registration> {
        Registration::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A calendar date, as `expires = 2026-11-13` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl Date {
    /// The date, or `None` when the month or day does not exist (2026-02-29).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let last = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        if day == 0 || day > last {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, exactly ten characters.
    pub fn parse(s: &str) -> Option<Date> {
        let bytes = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            let part = s.get(r)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then_some(part)?
                .parse()
                .ok()
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let month: u16 = digits(5..7)?;
        let day: u16 = digits(8..10)?;
        Date::new(
            digits(0..4)?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One status code as the base registry or a service describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeEntry {
    /// The numeric code, in `100..=599`.
    pub code: u16,
    /// The reason phrase, e.g. "Too Many Requests".
    pub reason: String,
    /// The Rust variant name, given or derived from the phrase.
    pub name: String,
    /// What the code means, in a sentence or two (may be empty).
    pub description: String,
    /// What a client should do about it.
    pub retry: Retry,
    /// The document that defines it, e.g. "RFC 9110, Section 15.5.1".
    pub reference: Option<String>,
    /// Its standing in the IANA registry.
    pub status: Registration,
    /// Other phrases the code is known by (earlier RFC names, popular spellings).
    pub aliases: Vec<String>,
    /// When a temporary registration lapses unless it is renewed.
    pub expires: Option<Date>,
}

impl CodeEntry {
    /// The code's class.
    pub fn class(&self) -> Class {
        // Validation guarantees 100..=599; the fallback is never taken.
        Class::of(self.code).unwrap_or(Class::ServerError)
    }
}

/// One API's documented subset of codes, with its own phrases and advice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// The service's identifier, e.g. `safe_browsing`.
    pub name: String,
    /// What the API is.
    pub description: String,
    /// The title of the document the facts were taken from.
    pub source: Option<String>,
    /// The advice for every code the service does not list, 1xx to 5xx, when its document
    /// gives one for everything outside its list (Safe Browsing: any answer other than
    /// 200 OK means back-off mode, so an unlisted 201 or 306 advises `backoff` too).
    pub unlisted_retry: Option<Retry>,
    /// The back-off policy its document states (`[services.NAME.backoff]`), if any.
    pub backoff: Option<Backoff>,
    pub(crate) entries: Vec<CodeEntry>,
    /// Ascending.
    pub(crate) overridden: Vec<u16>,
}

impl Service {
    /// The effective entries (base merged with this service's overrides), in code order.
    pub fn entries(&self) -> &[CodeEntry] {
        &self.entries
    }

    /// The effective entry for `code`, if the service lists it.
    pub fn entry(&self, code: u16) -> Option<&CodeEntry> {
        find_code(&self.entries, code)
    }

    /// Whether the service overrides anything of the base entry for `code`.
    pub fn is_overridden(&self, code: u16) -> bool {
        self.overridden.binary_search(&code).is_ok()
    }

    /// The advice for `code` when the service does not list it: its `unlisted_retry` when
    /// it has one, else `base` (the base registry's or the class's advice).
    pub fn unlisted_advice(&self, base: Retry) -> Retry {
        self.unlisted_retry.unwrap_or(base)
    }

    /// The codes the service lists, ascending.
    pub fn codes(&self) -> impl Iterator<Item = u16> + '_ {
        self.entries.iter().map(|e| e.code)
    }
}

/// A parsed and validated spec.
///
/// Its collections are vectors kept sorted (by insertion, in order), not `BTreeMap`s: the
/// macros build this crate before anything of the user's, and each map or sort
/// instantiated here was compiled into it anew (two fifths of its code, once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// By code, ascending.
    pub(crate) codes: Vec<CodeEntry>,
    /// By name, ascending.
    pub(crate) services: Vec<Service>,
}

impl Spec {
    /// The base registry entry for `code`.
    pub fn code(&self, code: u16) -> Option<&CodeEntry> {
        find_code(&self.codes, code)
    }

    /// The base registry, in code order.
    pub fn codes(&self) -> impl Iterator<Item = &CodeEntry> + '_ {
        self.codes.iter()
    }

    /// How many codes of the base registry are below `code` (a binary search).
    pub fn codes_below(&self, code: u16) -> usize {
        self.codes.partition_point(|e| e.code < code)
    }

    /// The service called `name`.
    pub fn service(&self, name: &str) -> Option<&Service> {
        let i = self
            .services
            .binary_search_by(|s| s.name.as_str().cmp(name))
            .ok()?;
        self.services.get(i)
    }

    /// Every service, sorted by name.
    pub fn services(&self) -> impl Iterator<Item = &Service> + '_ {
        self.services.iter()
    }

    /// The names of every service, sorted; for did-you-mean hints and listings.
    pub fn service_names(&self) -> impl Iterator<Item = &str> + '_ {
        self.services.iter().map(|s| s.name.as_str())
    }
}

/// Puts `item` into `sorted` at its place by `cmp`, replacing an equal item (the later one
/// wins, as when collecting into a map), and says whether it replaced one. Specs list codes
/// and services mostly in order, so this is mostly a push.
#[cfg(feature = "parse")]
pub(crate) fn insert_sorted<T>(
    sorted: &mut Vec<T>,
    item: T,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> bool {
    if sorted.last().is_none_or(|last| cmp(last, &item).is_lt()) {
        sorted.push(item);
        return false;
    }
    match sorted.binary_search_by(|probe| cmp(probe, &item)) {
        Ok(i) => {
            sorted[i] = item;
            true
        }
        Err(i) => {
            sorted.insert(i, item);
            false
        }
    }
}

/// The entry for `code` in entries sorted by code.
pub(crate) fn find_code(entries: &[CodeEntry], code: u16) -> Option<&CodeEntry> {
    let i = entries.binary_search_by_key(&code, |e| e.code).ok()?;
    entries.get(i)
}

/// The keys of a code entry, in the order `status-codes fmt` writes them.
pub const ENTRY_KEYS: &[&str] = &[
    "reason",
    "name",
    "description",
    "retry",
    "reference",
    "status",
    "expires",
    "aliases",
];
/// The keys of a service table, in the order `status-codes fmt` writes them.
pub const SERVICE_KEYS: &[&str] = &[
    "description",
    "source",
    "codes",
    "unlisted_retry",
    "backoff",
    "overrides",
];

#[cfg(all(test, feature = "parse"))]
mod tests {
    use super::*;

    #[test]
    fn classes_name_and_number_themselves() {
        let seen: Vec<(u16, &str, &str, String)> = Class::ALL
            .iter()
            .map(|c| (c.digit(), c.variant(), c.phrase(), c.to_string()))
            .collect();
        assert_eq!(
            seen,
            [
                (
                    1,
                    "Informational",
                    "Informational",
                    "Informational".to_owned()
                ),
                (2, "Success", "Success", "Success".to_owned()),
                (3, "Redirection", "Redirection", "Redirection".to_owned()),
                (4, "ClientError", "Client Error", "Client Error".to_owned()),
                (5, "ServerError", "Server Error", "Server Error".to_owned()),
            ]
        );
        assert_eq!(Class::of(99), None);
        assert_eq!(Class::of(100), Some(Class::Informational));
        assert_eq!(Class::of(599), Some(Class::ServerError));
        assert_eq!(Class::of(600), None);
    }

    #[test]
    fn retry_spellings_round_trip() {
        for retry in Retry::ALL {
            assert_eq!(Retry::parse(&retry.to_string()), Some(retry));
        }
        assert_eq!(Retry::RetryAfter.to_string(), "retry-after");
        assert_eq!(Retry::parse("retry_after"), None);
        for status in Registration::ALL {
            assert_eq!(Registration::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn dates_parse_only_when_they_exist() {
        let date = Date::parse("2026-11-13");
        assert_eq!(
            date,
            Some(Date {
                year: 2026,
                month: 11,
                day: 13
            })
        );
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2026-11-13"));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "2026-1-13",
            "2026-11-13x",
            "2026/11/13",
            "+026-11-13",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("2026-11-13") < Date::parse("2026-11-14"));
        assert!(Date::parse("2026-12-01") > Date::parse("2026-11-30"));
    }

    #[test]
    fn default_advice_follows_the_class() {
        let advice: Vec<Retry> = Class::ALL.iter().map(|c| Retry::default_for(*c)).collect();
        use Retry::*;
        assert_eq!(advice, [Never, Never, Never, Modify, Backoff]);
    }

    fn spec() -> Spec {
        let src = "[codes.200]\nreason = \"OK\"\n[codes.404]\nreason = \"Not Found\"\n\
                   [services.b]\ncodes = [404, 200]\nunlisted_retry = \"backoff\"\n\
                   [services.b.overrides.404]\nretry = \"never\"\n[services.a]\ncodes = [200]\n";
        Spec::parse(src).expect("valid")
    }

    #[test]
    fn services_are_sorted_and_know_their_codes() {
        let spec = spec();
        assert_eq!(spec.service_names().collect::<Vec<_>>(), ["a", "b"]);
        let b = spec.service("b").expect("declared");
        assert_eq!(b.codes().collect::<Vec<_>>(), [200, 404]);
        assert!(b.is_overridden(404) && !b.is_overridden(200));
        assert_eq!(spec.code(404).map(|e| e.reason.as_str()), Some("Not Found"));
        assert_eq!(spec.code(405), None);
        for code in [0, 200, 201, 404, 405, u16::MAX] {
            let below = spec.codes().filter(|e| e.code < code).count();
            assert_eq!(spec.codes_below(code), below, "{code}");
        }
    }

    #[test]
    fn unlisted_advice_replaces_the_base_for_every_class() {
        let spec = spec();
        let (a, b) = (spec.service("a").expect("a"), spec.service("b").expect("b"));
        assert_eq!(b.unlisted_advice(Retry::Modify), Retry::Backoff);
        assert_eq!(b.unlisted_advice(Retry::Never), Retry::Backoff);
        assert_eq!(a.unlisted_advice(Retry::Modify), Retry::Modify);
        assert_eq!(a.unlisted_advice(Retry::Never), Retry::Never);
    }
}
