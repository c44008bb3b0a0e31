//! Arbitrary bytes, and mutations of the shipped `codes.toml`, through the spec parser and
//! validator only: the fast target, for long runs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(diagnostics) = status_spec::Spec::parse(text) {
        // Every problem must point inside the input and render without panicking.
        for d in &diagnostics {
            assert!(d.span.start <= text.len() && d.line >= 1 && d.column >= 1, "{d:?}");
        }
        let _ = status_spec::SpecError::new("fuzz.toml", text, diagnostics).to_string();
    }
});
