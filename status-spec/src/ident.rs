//! Identifiers derived from the spec: reason phrases become UpperCamelCase variant names.

/// Rust's strict and reserved keywords (edition 2024), which no identifier may be.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "_",
];

/// The variant name every generated set keeps for codes outside the set.
pub const RESERVED_VARIANT: &str = "Other";

/// Turns a reason phrase into an UpperCamelCase variant name.
///
/// Words are split on every character that is not alphanumeric; apostrophes are dropped
/// without splitting, so "I'm a Teapot" gives `ImATeapot`. Each word keeps its first letter
/// upper-case and the rest lower-case, so acronyms read as words: "URI Too Long" gives
/// `UriTooLong`, "OK" gives `Ok`. The result may still be unusable (empty, or starting with a
/// digit); [`check_ident`] says why.
pub fn variant_name(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut start_of_word = true;
    for c in reason.chars() {
        if c == '\'' || c == '\u{2019}' {
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            start_of_word = true;
            continue;
        }
        if start_of_word {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c.to_ascii_lowercase());
        }
        start_of_word = false;
    }
    out
}

/// Why a string cannot be used as a Rust identifier, or `None` when it can.
pub fn check_ident(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Some("is empty");
    };
    if first.is_ascii_digit() {
        return Some("starts with a digit");
    }
    if !(first.is_ascii_alphabetic() || first == '_') {
        return Some("does not start with a letter or `_`");
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some("contains a character other than ASCII letters, digits and `_`");
    }
    if KEYWORDS.contains(&name) {
        return Some("is a Rust keyword");
    }
    None
}

/// Turns a would-be service name into a snake_case identifier, for did-you-mean hints.
#[cfg(feature = "parse")]
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_names_from_phrases() {
        assert_eq!(variant_name("URI Too Long"), "UriTooLong");
        assert_eq!(variant_name("OK"), "Ok");
        assert_eq!(variant_name("I'm a Teapot"), "ImATeapot");
        assert_eq!(
            variant_name("Non-Authoritative Information"),
            "NonAuthoritativeInformation"
        );
        assert_eq!(variant_name("Request-URI Too Large"), "RequestUriTooLarge");
        assert_eq!(
            variant_name("HTTP Version Not Supported"),
            "HttpVersionNotSupported"
        );
        assert_eq!(variant_name("  --  "), "");
    }

    #[test]
    fn rejects_bad_identifiers() {
        assert_eq!(check_ident(""), Some("is empty"));
        assert_eq!(check_ident("404NotFound"), Some("starts with a digit"));
        assert_eq!(check_ident("Self"), Some("is a Rust keyword"));
        assert_eq!(check_ident("match"), Some("is a Rust keyword"));
        assert_eq!(
            check_ident("Not-Found"),
            Some("contains a character other than ASCII letters, digits and `_`")
        );
        assert_eq!(
            check_ident("-x"),
            Some("does not start with a letter or `_`")
        );
        assert_eq!(check_ident("NotFound"), None);
        assert_eq!(check_ident("_private"), None);
    }

    #[test]
    #[cfg(feature = "parse")]
    fn snake_cases_service_names() {
        assert_eq!(snake_case("Safe-Browsing"), "safe_browsing");
        assert_eq!(snake_case("--web api--"), "web_api");
    }
}
