//! Arbitrary bytes, and structure-aware mutations of the shipped `codes.toml`, through the
//! spec parser and, when the spec is valid, through the generator for every selection.
#![no_main]

use libfuzzer_sys::fuzz_target;
use status_codegen::{Hole, Selection, expand_set};
use status_spec::{Class, Spec};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(spec) = Spec::parse(text) else { return };
    let mut selections = vec![Selection::All];
    selections.extend(Class::ALL.map(Selection::Class));
    selections.extend(spec.service_names().map(|s| Selection::Service(s.to_owned())));
    for selection in selections {
        // A valid spec must expand (empty classes are the one expected refusal), to text
        // that lexes once its holes are filled.
        match expand_set(&spec, &selection) {
            Ok(code) => {
                let source = code.source(|hole| match hole {
                    Hole::Attrs => "",
                    Hole::Vis => "pub",
                    Hole::Name => "Fuzzed",
                    Hole::Private => "::status_core::__private",
                });
                assert!(source.parse::<proc_macro2::TokenStream>().is_ok(), "{source}");
            }
            Err(errors) => assert!(
                errors.iter().all(|e| matches!(e, status_codegen::SelectError::EmptyClass { .. })),
                "{errors:?}"
            ),
        }
    }
});
