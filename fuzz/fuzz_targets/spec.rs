//! Arbitrary bytes, and structure-aware mutations of the shipped `codes.toml`, through the
//! spec parser and, when the spec is valid, through the generator for every selection.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quote::quote;
use status_codegen::{Selection, SetDef, expand_set};
use status_spec::{Class, Spec};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(spec) = Spec::parse(text) else { return };
    let mut selections = vec![Selection::All];
    selections.extend(Class::ALL.map(Selection::Class));
    selections.extend(spec.service_names().map(|s| Selection::Service(s.to_owned())));
    for selection in selections {
        let def = SetDef {
            attrs: quote!(),
            vis: quote!(pub),
            name: proc_macro2::Ident::new("Fuzzed", proc_macro2::Span::call_site()),
            selection,
        };
        // A valid spec must expand (empty classes are the one expected refusal).
        if let Err(errors) = expand_set(&spec, &def, &quote!(::status_core)) {
            assert!(errors.iter().all(|e| matches!(e, status_codegen::SelectError::EmptyClass { .. })), "{errors:?}");
        }
    }
});
