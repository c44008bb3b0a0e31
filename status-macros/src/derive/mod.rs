//! `#[derive(StatusCodes)]`: ties an API error enum's variants to the spec's codes.
//!
//! Stages, one file each (as in thiserror's `impl/src/`): [`ast`] borrows the input with its
//! `#[status(..)]` values ([`attr`]), [`valid`] checks them against the spec and settles each
//! variant's code, [`expand`] writes the impls, and [`fallback`] writes stub impls beside the
//! errors when anything is wrong, so the user sees the errors and not a cascade after them.

mod ast;
mod attr;
mod expand;
mod fallback;
mod valid;

use proc_macro2::TokenStream;

use crate::load;
use crate::syntax::{DeriveInput, Error, Errors};

/// The derive's whole output for `node`: the impls, or every error found plus stub impls.
pub(crate) fn derive(node: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let input = ast::Input::read(node, &mut errors);
    let loaded = load::load(input.attrs.spec.as_ref(), node.ident.span());
    let loaded = errors.push_result(loaded);
    let checked = loaded
        .as_ref()
        .map(|l| valid::check(&input, &l.spec, &mut errors));
    match (errors.finish(), checked, &loaded) {
        (None, Some(checked), Some(loaded)) => expand::expand(&checked, loaded),
        (err, ..) => {
            let mut out = err.map(Error::into_compile_error).unwrap_or_default();
            out.extend(fallback::expand(&input));
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::derive;
    use crate::syntax::DeriveInput;

    /// The derive's output for `source`, as text.
    fn expand(source: &str) -> String {
        let tokens = source.parse().expect("test input lexes");
        let node = DeriveInput::parse(tokens).expect("test input parses");
        derive(&node).to_string()
    }

    #[test]
    fn misuse_gives_errors_and_stubs_never_a_panic() {
        let cases = [
            "struct S;",
            "union U { a: u16 }",
            "enum E {}",
            "#[status] enum E { NotFound }",
            "#[status = 1] enum E { NotFound }",
            "#[status(service)] enum E { NotFound }",
            "#[status(crate = 5, spec = 1, display = 2)] enum E { NotFound }",
            "#[status(,)] enum E { NotFound }",
            "#[status(service = \"nope\")] enum E { #[status(other)] A, #[status(other)] B(u16, u16) }",
            "enum E { #[status(-0)] A, #[status(0x1F4)] B, #[status(1e3)] C, #[status(())] D }",
            "enum E { #[status(404, other, 404)] A, #[status(other(u16))] B(u16) }",
            "#[status(spec = \"no/such/file.toml\")] enum E { NotFound }",
        ];
        for case in cases {
            let out = expand(case);
            assert!(out.contains("compile_error"), "{case} -> {out}");
            assert!(
                out.contains("unreachable"),
                "{case} gave no stub impls: {out}"
            );
        }
    }

    #[test]
    fn good_input_expands_without_errors() {
        let out = expand(
            "#[status(service = \"safe_browsing\")] enum E { ResourceExhausted, #[status(other)] Other(u16) }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        for piece in [
            "derive_impls ! { { display ([] [E] []) } { } { } { } [] [E] [] }",
            "fn __status_row",
            "fn from_code",
            "From < :: core :: primitive :: u16 >",
        ] {
            assert!(out.contains(piece), "no `{piece}` in {out}");
        }
        assert!(out.contains("\"429 Resource Exhausted\""), "{out}");
    }

    #[test]
    fn hex_and_suffixed_codes_are_codes() {
        let out = expand("enum E { #[status(0x194)] A, #[status(404u16)] B(u8) }");
        assert!(!out.contains("compile_error"), "{out}");
    }
}
