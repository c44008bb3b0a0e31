//! Literals as the macros read them: strings with their escapes undone, integers with their
//! base and suffix taken apart. Rust has lexed them already, so what reaches us is well
//! formed; the work is only to tell the kinds apart and compute values.

use proc_macro2::{Literal, Span};

use super::Error;

/// A string literal (`"..."` or `r#"..."#`) and its value.
#[derive(Clone, Debug)]
pub(crate) struct LitStr {
    value: String,
    span: Span,
}

impl LitStr {
    /// The literal, if `lit` is a string literal without suffix.
    pub(crate) fn from_literal(lit: &Literal) -> Option<LitStr> {
        let value = string_value(&lit.to_string())?;
        Some(LitStr {
            value,
            span: lit.span(),
        })
    }

    pub(crate) fn value(&self) -> &str {
        &self.value
    }

    pub(crate) fn span(&self) -> Span {
        self.span
    }
}

/// An integer literal, possibly negated (`-1` arrives as two tokens).
#[derive(Clone, Debug)]
pub(crate) struct LitInt {
    /// As written, for messages: `404u8`, `0x194`, `-1`.
    text: String,
    /// The value in decimal, without suffix or underscores, for messages: `0x194` -> `404`.
    digits: String,
    /// `None` when it does not fit (or is negative): never a status code then.
    value: Option<u128>,
    suffix: String,
    /// From the `-` (when negated) to the digits.
    start: Span,
    end: Span,
}

impl LitInt {
    /// The literal, if `lit` is an integer literal; `negated` when a `-` came before it.
    pub(crate) fn from_literal(lit: &Literal, negated: Option<Span>) -> Option<LitInt> {
        let text = lit.to_string();
        let (value, digits, suffix) = int_parts(&text)?;
        let suffix = suffix.to_owned();
        let (text, digits, value) = match negated {
            Some(_) if value == Some(0) => (format!("-{text}"), "0".to_owned(), Some(0)),
            Some(_) => (format!("-{text}"), format!("-{digits}"), None),
            None => (text, digits, value),
        };
        Some(LitInt {
            text,
            digits,
            value,
            suffix,
            start: negated.unwrap_or(lit.span()),
            end: lit.span(),
        })
    }

    /// Where the literal starts (its `-`, if any).
    pub(crate) fn span(&self) -> Span {
        self.start
    }

    /// An error underlining the whole literal, `-` included.
    pub(crate) fn error(&self, text: impl Into<String>) -> Error {
        Error::spanning(self.start, self.end, text)
    }

    pub(crate) fn suffix(&self) -> &str {
        &self.suffix
    }

    /// The value in decimal, as syn spells `base10_digits`: `0x194` gives `404`.
    pub(crate) fn base10_digits(&self) -> &str {
        &self.digits
    }

    /// The value as a `u16`, if it is one.
    pub(crate) fn as_u16(&self) -> Option<u16> {
        self.value.and_then(|v| u16::try_from(v).ok())
    }
}

impl std::fmt::Display for LitInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// `true` and `false` arrive as identifiers.
pub(crate) fn bool_value(word: &str) -> Option<bool> {
    match word {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Value (if it fits a `u128`), decimal digits and suffix of an integer literal; `None` for
/// anything else (floats such as `4.04` or `1e3`, strings, chars).
fn int_parts(text: &str) -> Option<(Option<u128>, String, &str)> {
    let (radix, body) = match text.get(..2) {
        Some("0x") => (16, &text[2..]),
        Some("0o") => (8, &text[2..]),
        Some("0b") => (2, &text[2..]),
        _ => (10, text),
    };
    if !body.starts_with(|c: char| c.is_digit(radix)) {
        return None;
    }
    let end = body
        .find(|c: char| !(c.is_digit(radix) || c == '_'))
        .unwrap_or(body.len());
    let (number, suffix) = body.split_at(end);
    let is_float =
        radix == 10 && (suffix.starts_with(['.', 'e', 'E']) || suffix == "f32" || suffix == "f64");
    if is_float {
        return None;
    }
    let value = number
        .chars()
        .filter(|c| *c != '_')
        .try_fold(0u128, |acc, c| {
            let digit = u128::from(c.to_digit(radix)?);
            acc.checked_mul(u128::from(radix))?.checked_add(digit)
        });
    let digits = value.map_or_else(|| number.replace('_', ""), |v| v.to_string());
    Some((value, digits, suffix))
}

/// The value of a string literal's source text, or `None` when it is not a plain string
/// literal (byte and C strings, chars, suffixed strings).
fn string_value(text: &str) -> Option<String> {
    if let Some(raw) = text.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let inner = raw.get(hashes..raw.len().checked_sub(hashes)?)?;
        return inner
            .strip_prefix('"')?
            .strip_suffix('"')
            .map(str::to_owned);
    }
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    unescape(inner)
}

/// Undoes the escapes of a (valid) string literal's body.
fn unescape(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            '0' => out.push('\0'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
            }
            'u' => {
                let braced: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let hex: String = braced.chars().filter(|c| *c != '{' && *c != '_').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            // A line continuation: the newline and the next line's leading whitespace go.
            '\n' | '\r' => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> Option<(Option<u128>, String, String)> {
        int_parts(text).map(|(v, d, s)| (v, d, s.to_owned()))
    }

    #[test]
    fn integers_in_every_base_with_suffixes() {
        assert_eq!(int("404"), Some((Some(404), "404".into(), String::new())));
        assert_eq!(int("0x194"), Some((Some(404), "404".into(), String::new())));
        assert_eq!(int("0o624"), Some((Some(404), "404".into(), String::new())));
        assert_eq!(
            int("1_000u16"),
            Some((Some(1000), "1000".into(), "u16".into()))
        );
        assert_eq!(int("4xx"), Some((Some(4), "4".into(), "xx".into())));
        let huge = "1".repeat(50);
        assert_eq!(int(&huge), Some((None, huge.clone(), String::new())));
    }

    #[test]
    fn floats_and_others_are_not_integers() {
        for text in ["4.04", "1e3", "1E3", "2f32", "\"404\"", "'a'", "x"] {
            assert_eq!(int(text), None, "{text}");
        }
    }

    #[test]
    fn strings_lose_quotes_and_escapes() {
        assert_eq!(
            string_value(r#""safe_browsing""#).as_deref(),
            Some("safe_browsing")
        );
        assert_eq!(
            string_value(r#""a\"b\\c\n\x41\u{1F600}""#).as_deref(),
            Some("a\"b\\c\nA\u{1F600}")
        );
        assert_eq!(string_value("r#\"a\"b\"#").as_deref(), Some("a\"b"));
        assert_eq!(string_value("\"a\\\n    b\"").as_deref(), Some("ab"));
        for text in ["b\"x\"", "c\"x\"", "'x'", "\"x\"suffix", "404"] {
            assert_eq!(string_value(text), None, "{text}");
        }
    }

    #[test]
    fn negated_literals_have_no_value() {
        let lit = Literal::u16_unsuffixed(1);
        let neg = LitInt::from_literal(&lit, Some(Span::call_site())).expect("an integer");
        assert_eq!(
            (neg.to_string().as_str(), neg.base10_digits(), neg.as_u16()),
            ("-1", "-1", None)
        );
    }

    #[test]
    fn binary_literals_every_escape_and_raw_strings_with_hashes() {
        assert_eq!(
            int("0b1_1001_0100"),
            Some((Some(404), "404".into(), String::new()))
        );
        assert_eq!(string_value(r#""\r\t\0\'""#).as_deref(), Some("\r\t\0'"));
        assert_eq!(string_value(r###"r##"a"#b"##"###).as_deref(), Some("a\"#b"));
    }

    #[test]
    fn negated_zero_is_zero() {
        let lit = Literal::u16_unsuffixed(0);
        let neg = LitInt::from_literal(&lit, Some(Span::call_site())).expect("an integer");
        assert_eq!(
            (neg.to_string().as_str(), neg.base10_digits(), neg.as_u16()),
            ("-0", "0", Some(0))
        );
    }
}
