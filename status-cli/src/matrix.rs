//! `matrix`: which service documents which code, and where it overrides the base.

use std::collections::BTreeMap;
use std::path::Path;

use status_spec::{Service, Spec};

use crate::error::Failure;
use crate::load;
use crate::render::colour;

const LISTED: &str = "●";
const OVERRIDDEN: &str = "◆";
const ABSENT: &str = "·";

pub(crate) fn run(spec: Option<&Path>) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    let parsed = source.parse()?;
    print!("{}", matrix(&parsed, colour(&std::io::stdout())));
    Ok(())
}

/// One row per code (base registry and service-only codes), one column per service.
fn matrix(spec: &Spec, colour: bool) -> String {
    let services: Vec<&Service> = spec.services().collect();
    let rows = row_labels(spec);
    let label_width = rows.values().map(|l| l.chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = services.iter().map(|s| s.name.chars().count()).collect();
    let names: Vec<String> = services
        .iter()
        .zip(&widths)
        .map(|(s, w)| format!("{:w$}", s.name))
        .collect();
    let mut out = line(&format!("{:label_width$}  {}", "", names.join("  ")));
    for (code, label) in &rows {
        let cells: Vec<String> = services
            .iter()
            .zip(&widths)
            .map(|(s, w)| mark(s, *code, *w, colour))
            .collect();
        out.push_str(&line(&format!(
            "{label:label_width$}  {}",
            cells.join("  ")
        )));
    }
    let counts: Vec<String> = services
        .iter()
        .zip(&widths)
        .map(|(s, w)| format!("{:<w$}", s.codes().count()))
        .collect();
    out.push_str(&line(&format!(
        "{:label_width$}  {}",
        "codes listed",
        counts.join("  ")
    )));
    out.push_str(&format!(
        "\n{LISTED} listed   {OVERRIDDEN} listed, overriding the base entry   {ABSENT} not listed\n"
    ));
    out
}

fn line(text: &str) -> String {
    format!("{}\n", text.trim_end())
}

/// "404 Not Found" for every code of the base and of any service, ascending.
fn row_labels(spec: &Spec) -> BTreeMap<u16, String> {
    let mut rows: BTreeMap<u16, String> = BTreeMap::new();
    for service in spec.services() {
        for entry in service.entries() {
            rows.entry(entry.code)
                .or_insert_with(|| format!("{} {}", entry.code, entry.reason));
        }
    }
    // The base phrase wins where there is one.
    rows.extend(
        spec.codes()
            .map(|e| (e.code, format!("{} {}", e.code, e.reason))),
    );
    rows
}

/// The cell for `code` in `service`'s column, padded to `width`.
fn mark(service: &Service, code: u16, width: usize, colour: bool) -> String {
    let (symbol, ansi) = match (service.entry(code).is_some(), service.is_overridden(code)) {
        (true, true) => (OVERRIDDEN, "33"),
        (true, false) => (LISTED, "32"),
        (false, _) => (ABSENT, "2"),
    };
    // Pad by the symbol's one visible column, not by the escape codes around it.
    let pad = " ".repeat(width.saturating_sub(1));
    match colour {
        true => format!("\u{1b}[{ansi}m{symbol}\u{1b}[0m{pad}"),
        false => format!("{symbol}{pad}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_wraps_the_symbol_and_keeps_the_width() {
        let source = "[codes.200]\nreason = \"OK\"\n[services.shop]\ncodes = [200]\n";
        let spec = Spec::parse(source).expect("valid");
        let shop = spec.service("shop").expect("defined");
        assert_eq!(mark(shop, 200, 4, true), "\u{1b}[32m●\u{1b}[0m   ");
        assert_eq!(mark(shop, 200, 4, false), "●   ");
        assert_eq!(mark(shop, 404, 2, false), "· ");
    }
}
