//! `check`: validate the spec, for people (rendered diagnostics) or tools (JSON).

use std::path::Path;

use std::time::{SystemTime, UNIX_EPOCH};

use status_spec::{Date, Spec};

use crate::cli::{CheckArgs, CheckFormat};
use crate::error::Failure;
use crate::load;
use crate::render::{self, plural};

pub(crate) fn run(spec: Option<&Path>, args: &CheckArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    if args.format == CheckFormat::Human {
        let parsed = source.parse()?;
        println!("`{}` is valid: {}", source.name, summary(&parsed));
        for warning in expired(&parsed, today()?) {
            eprintln!("warning: {warning}");
        }
        return Ok(());
    }
    // JSON goes to stdout whatever the outcome, so an editor always has an array to read.
    let diagnostics = Spec::parse(&source.text).err().unwrap_or_default();
    print!("{}", render::diagnostics_json(&source.name, &diagnostics));
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Failure::silent())
    }
}

/// "63 codes, 5 services".
pub(crate) fn summary(spec: &Spec) -> String {
    let codes = spec.codes().count();
    let services = spec.services().count();
    format!("{}, {}", plural(codes, "code"), plural(services, "service"))
}

/// Set to `YYYY-MM-DD` to make `check` judge expiry dates as of that day instead of the
/// system clock's; the tests use it so that they do not depend on when they run.
pub(crate) const TODAY_VAR: &str = "STATUS_CODES_TODAY";

/// Today's date (UTC): from [`TODAY_VAR`] when set, else the system clock.
fn today() -> Result<Date, Failure> {
    if let Some(value) = std::env::var_os(TODAY_VAR) {
        let text = value.to_string_lossy();
        return Date::parse(&text).ok_or_else(|| {
            Failure::msg(format!(
                "`{TODAY_VAR}` is `{text}`, which is not a date such as `2026-11-13`"
            ))
        });
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Ok(civil_date(seconds / 86_400))
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> Date {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    let fallback = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
    let (Ok(year), Ok(month), Ok(day)) =
        (u16::try_from(year), u8::try_from(month), u8::try_from(day))
    else {
        return fallback;
    };
    Date::new(year, month, day).unwrap_or(fallback)
}

/// One line per registration whose `expires` date is before `today`: base entries, and
/// service overrides that give a date of their own.
pub(crate) fn expired(spec: &Spec, today: Date) -> Vec<String> {
    let mut lines = Vec::new();
    for entry in spec.codes() {
        if let Some(date) = entry.expires.filter(|d| *d < today) {
            lines.push(format!(
                "{} {} expired on {date}; renew its registration or update the entry",
                entry.code, entry.reason
            ));
        }
    }
    for service in spec.services() {
        for entry in service.entries() {
            let base = spec.code(entry.code).and_then(|e| e.expires);
            let Some(date) = entry.expires.filter(|d| *d < today && Some(*d) != base) else {
                continue;
            };
            lines.push(format!(
                "{} {} of service `{}` expired on {date}",
                entry.code, entry.reason, service.name
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn civil_dates_from_days() {
        assert_eq!(civil_date(0).to_string(), "1970-01-01");
        assert_eq!(civil_date(11_016).to_string(), "2000-02-29");
        assert_eq!(civil_date(20_405).to_string(), "2025-11-13");
        assert_eq!(civil_date(20_783).to_string(), "2026-11-26");
    }

    #[test]
    fn expiry_is_judged_against_the_given_day() {
        let src = "[codes.104]\nreason = \"Upload Resumption Supported\"\nexpires = 2026-11-13\n\
                   [codes.200]\nreason = \"OK\"\n\
                   [services.a]\ncodes = [104, 200]\n[services.a.overrides.200]\nexpires = 2027-01-01\n";
        let spec = Spec::parse(src).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            expired(&spec, date("2026-11-13")).is_empty(),
            "the last day is still valid"
        );
        assert_eq!(
            expired(&spec, date("2026-11-14")),
            [
                "104 Upload Resumption Supported expired on 2026-11-13; renew its registration or update the entry"
            ]
        );
        assert_eq!(
            expired(&spec, date("2027-01-02")),
            [
                "104 Upload Resumption Supported expired on 2026-11-13; renew its registration or update the entry",
                "200 OK of service `a` expired on 2027-01-01",
            ]
        );
    }
}
