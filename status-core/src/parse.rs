use core::fmt;

/// Why a string is not a status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusError {
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Length,
    Digit,
    Range,
}

impl fmt::Display for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            Kind::Length => "invalid status code: expected exactly three digits",
            Kind::Digit => "invalid status code: expected only ASCII digits",
            Kind::Range => "invalid status code: expected a number from 100 to 999",
        })
    }
}

impl core::error::Error for ParseStatusError {}

/// Parses a status code as strictly as `http::StatusCode::from_bytes`: exactly three ASCII
/// digits, from 100 to 999. No sign, no spaces, no leading zero.
///
/// ```
/// use status_core::parse_code;
/// assert_eq!(parse_code("404"), Ok(404));
/// assert!(parse_code("0404").is_err());
/// assert!(parse_code("+40").is_err());
/// assert!(parse_code("099").is_err());
/// ```
pub const fn parse_code(s: &str) -> Result<u16, ParseStatusError> {
    let &[a, b, c] = s.as_bytes() else {
        return Err(ParseStatusError { kind: Kind::Length });
    };
    if !(a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()) {
        return Err(ParseStatusError { kind: Kind::Digit });
    }
    let code = (a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16;
    if code < 100 {
        return Err(ParseStatusError { kind: Kind::Range });
    }
    Ok(code)
}
