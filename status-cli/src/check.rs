//! `check`: validate the spec, for people (rendered diagnostics) or tools (JSON).

use std::path::Path;

use status_spec::Spec;

use crate::cli::{CheckArgs, CheckFormat};
use crate::error::Failure;
use crate::load;
use crate::render::{self, plural};

pub(crate) fn run(spec: Option<&Path>, args: &CheckArgs) -> Result<(), Failure> {
    let source = load::read_only(spec)?;
    if args.format == CheckFormat::Human {
        let parsed = source.parse()?;
        println!("`{}` is valid: {}", source.name, summary(&parsed));
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
