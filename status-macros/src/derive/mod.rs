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
    use super::tests_support::expand;

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
            "impl :: status_core :: __private :: Derived for E {",
            "impl :: core :: fmt :: Display for E {",
            "fn __status_row (& self) -> :: status_core :: __private :: Row <'_ >",
            "fn from_code",
            "From < :: core :: primitive :: u16 >",
        ] {
            assert!(out.contains(piece), "no `{piece}` in {out}");
        }
        // The row is a slot of status-core's table for the service: no words emitted.
        let spec = status_spec::Spec::embedded();
        let slot = status_codegen::registry_row(spec, Some("safe_browsing"), 429)
            .expect("the service lists 429")
            .slot;
        let row = format!(
            ":: status_core :: __private :: Row :: Table {{ table : 4 , slot : (& [{slot} , 0]) [match self {{ E :: ResourceExhausted => 0 , E :: Other {{ .. }} => 1 , }}] }}"
        );
        assert!(out.contains(&row), "no `{row}` in {out}");
        // (The `utoipa` feature's answers spell the words out; the row never does.)
        let words = out.contains("Resource Exhausted");
        assert_eq!(words, cfg!(feature = "utoipa"), "{out}");
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn a_spec_file_of_ones_own_gives_rows_by_position() {
        // The workspace's own file, read as a user's: no shared table to lean on.
        let out = expand(
            "#[status(spec = \"../codes.toml\")] enum E { #[status(other)] O(u16), NotFound }",
        );
        assert!(!out.contains("compile_error"), "{out}");
        for piece in [
            "const ROWS : & [:: status_core :: __private :: Row < 'static > ; 2] = & [:: status_core :: __private :: Row :: UNUSED , :: status_core :: __private :: named (404 , \"404 Not Found\" , \"Not Found\" ,",
            "E :: O { 0 : code , .. } => :: status_core :: __private :: Row :: Own { code : * code , lookup : __status_other }",
            "_ => ROWS [match self { E :: O { .. } => 0 , E :: NotFound => 1 , }]",
        ] {
            assert!(out.contains(piece), "no `{piece}` in {out}");
        }
    }

    #[test]
    fn hex_and_suffixed_codes_are_codes() {
        let out = expand("enum E { #[status(0x194)] A, #[status(404u16)] B(u8) }");
        assert!(!out.contains("compile_error"), "{out}");
    }
}

#[cfg(test)]
mod rows {
    //! Property: for random enums built from the registry (variants found by name, by
    //! code, by `default`, or `transparent`), the derive's row table gives each variant the
    //! code the spec gives it, and each `transparent` variant its field (whose code the
    //! runtime reads; `tests/behaviour/tests/test_derive_levels.rs` checks that through one
    //! and two levels of real types).

    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use proptest::sample::Index;
    use status_spec::{CodeEntry, Spec};

    use super::derive;
    use crate::syntax::DeriveInput;

    /// What the derive must make of a variant.
    #[derive(Debug, PartialEq, Eq)]
    enum Expect {
        Code(u16),
        Transparent,
    }

    /// How a variant gives its status.
    #[derive(Debug, Clone, Copy)]
    enum Style {
        ByName,
        ByCode,
        ByDefault,
        Transparent,
    }

    fn style() -> impl Strategy<Value = Style> {
        prop_oneof![
            Just(Style::ByName),
            Just(Style::ByCode),
            Just(Style::ByDefault),
            Just(Style::Transparent),
        ]
    }

    /// The enum's source and what each variant must resolve to.
    fn source(
        entries: &[&CodeEntry],
        service: Option<&str>,
        default: &CodeEntry,
        picks: &[(Index, Style)],
    ) -> (String, BTreeMap<String, Expect>) {
        let mut variants = Vec::new();
        let mut expect = BTreeMap::new();
        for (i, (index, style)) in picks.iter().enumerate() {
            let entry = index.get(entries);
            let (name, text, outcome) = match style {
                // A name may be picked twice: the second time, by code under a fresh name.
                Style::ByName if !expect.contains_key(&entry.name) => (
                    entry.name.clone(),
                    entry.name.clone(),
                    Expect::Code(entry.code),
                ),
                Style::ByName | Style::ByCode => {
                    let name = format!("ByCode{i}");
                    let text = format!("#[status({})] {name}", entry.code);
                    (name, text, Expect::Code(entry.code))
                }
                Style::ByDefault => {
                    let name = format!("Zq{i}");
                    (name.clone(), name, Expect::Code(default.code))
                }
                Style::Transparent => {
                    let name = format!("Wraps{i}");
                    let text = format!("#[status(transparent)] {name}(Inner)");
                    (name, text, Expect::Transparent)
                }
            };
            variants.push(text);
            expect.insert(name, outcome);
        }
        let service = service.map_or_else(String::new, |s| format!("service = \"{s}\", "));
        let source = format!(
            "#[status({service}default = {})] enum E {{ {} }}",
            default.code,
            variants.join(", ")
        );
        (source, expect)
    }

    /// Each variant's row, read back from the expansion's text: what each position holds
    /// (the slots on the embedded spec, read back to codes by `code_at`; `ROWS` on a spec
    /// file), then the match arms, which give a variant its own row, a `transparent` row or,
    /// after those, its position. A variant with an arm of its own keeps that one.
    fn rows(expansion: &str, code_at: impl Fn(usize) -> Option<u16>) -> BTreeMap<String, Expect> {
        let by_position: Vec<Option<u16>> = match expansion.split_once("slot : (& [") {
            Some((_, list)) => {
                let list = list.split_once(']').map_or("", |(l, _)| l);
                list.split(" , ")
                    .map(|slot| slot.trim().parse().ok().and_then(&code_at))
                    .collect()
            }
            None => {
                let mut codes = Vec::new();
                let mut rest = expansion;
                while let Some(at) = rest
                    .find(":: status_core :: __private :: named (")
                    .into_iter()
                    .chain(rest.find(":: status_core :: __private :: Row :: UNUSED"))
                    .min()
                {
                    rest = &rest[at..];
                    let code = rest
                        .strip_prefix(":: status_core :: __private :: named (")
                        .and_then(|args| args.split(' ').next())
                        .and_then(|c| c.parse::<u16>().ok());
                    codes.push(code);
                    rest = &rest[1..];
                }
                codes
            }
        };
        let mut rows = BTreeMap::new();
        for arm in expansion.split("E :: ").skip(1) {
            let name: String = arm.chars().take_while(|c| c.is_alphanumeric()).collect();
            let Some((_, after)) = arm.split_once("=> ") else {
                continue;
            };
            let outcome = if after.starts_with(":: status_core :: __private :: Row :: Inner") {
                Some(Expect::Transparent)
            } else if let Some(args) = after.strip_prefix(":: status_core :: __private :: named (")
            {
                args.split(' ')
                    .next()
                    .and_then(|c| c.parse().ok())
                    .map(Expect::Code)
            } else {
                let position = after
                    .split(' ')
                    .next()
                    .and_then(|p| p.parse::<usize>().ok());
                position.and_then(|p| by_position.get(p).copied().flatten().map(Expect::Code))
            };
            if let Some(outcome) = outcome {
                rows.entry(name).or_insert(outcome);
            }
        }
        rows
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn rows_give_the_spec_codes(
            service in any::<Index>(),
            in_service in any::<bool>(),
            default in any::<Index>(),
            picks in prop::collection::vec((any::<Index>(), style()), 1..16),
        ) {
            let spec = Spec::embedded();
            let services: Vec<_> = spec.services().collect();
            let service = in_service.then(|| service.get(&services));
            let entries: Vec<&CodeEntry> = match service {
                Some(service) => service.entries().iter().collect(),
                None => spec.codes().collect(),
            };
            let default = default.get(&entries);
            let (source, expect) =
                source(&entries, service.map(|s| s.name.as_str()), default, &picks);
            let node = DeriveInput::parse(source.parse().expect("lexes")).expect("parses");
            let expansion = derive(&node).to_string();
            prop_assert!(!expansion.contains("compile_error"), "{source}\n{expansion}");
            let service = service.map(|s| s.name.as_str());
            let code_at = |slot| {
                (100..=599).find(|&code| {
                    status_codegen::registry_row(spec, service, code).map(|r| r.slot) == Some(slot)
                })
            };
            prop_assert_eq!(rows(&expansion, code_at), expect, "{}", source);
        }
    }
}

#[cfg(test)]
mod messages {
    //! Each mistake's message says what to write instead (the ui cases pin the rendering;
    //! these pin the text, and run without compiling a crate).

    use super::tests_support::expand;

    /// `source`'s expansion holds every one of `parts`.
    fn says(source: &str, parts: &[&str]) {
        let out = expand(source);
        for part in parts {
            assert!(out.contains(part), "no {part:?} for {source}:\n{out}");
        }
    }

    #[test]
    fn variant_statuses() {
        says(
            "enum E { #[status(other)] A(u16), #[status(other)] B(u16) }",
            &["only one variant can be `#[status(other)]`, and `A` already is"],
        );
        says(
            "#[status(default = 700)] enum E { A }",
            &["status code `700` is out of range; expected 100 to 599"],
        );
        says(
            "#[status(service = \"safe_browsin\")] enum E { A }",
            &["unknown service `safe_browsin`; did you mean `safe_browsing`?"],
        );
        says(
            "#[status(service = \"safe_browsing\")] enum E { #[status(418)] A }",
            &["code 418 is not in the `safe_browsing` service; it lists 200, 400"],
        );
        says(
            "#[status(service = \"safe_browsing\")] enum E { ResourceExhaustd }",
            &[
                "`ResourceExhaustd` names no code of the `safe_browsing` service; did you mean `ResourceExhausted` (429)?",
            ],
        );
        says(
            "#[status(service = \"safe_browsing\")] enum E { Zzzzzz }",
            &["or use one of `Ok` (200), `BadRequest` (400)"],
        );
        says(
            "enum E { Zzzzzz }",
            &[
                "names no code of the spec's base registry; give its code with `#[status(NNN)]`, or give the enum a `#[status(default = NNN)]`",
            ],
        );
    }

    #[test]
    fn transparent_and_structs() {
        says(
            "enum E { #[status(transparent, mask = true)] A(B) }",
            &["put `mask` on the field's type instead"],
        );
        says(
            "enum E { #[status(transparent, www_authenticate = \"Basic\")] A(B) }",
            &["put `www_authenticate` on the field's type instead"],
        );
        says(
            "enum E { #[status(transparent)] A(B, C) }",
            &["`A` has 2 fields; give it its own code such as `#[status(500)]` instead"],
        );
        says(
            "#[status(404)] struct S { #[status(transparent)] a: A }",
            &["the struct has a code and a `transparent` field"],
        );
        says(
            "struct S { a: A }",
            &["`S` has no status: give the struct a code, as in `#[status(404)] struct S`"],
        );
        says(
            "struct S { #[status(transparent)] a: A, #[status(transparent)] b: B }",
            &["only one field can be `#[status(transparent)]`, and `a` already is"],
        );
        let fine = expand("struct S(u8, #[status(transparent)] A);");
        assert!(!fine.contains("compile_error"), "{fine}");
        assert!(
            fine.contains("S { 1 : inner , .. } => :: status_core :: __private :: Row :: Inner"),
            "{fine}"
        );
    }

    #[test]
    fn other_fields_spelled_u16_give_from_u16() {
        for ty in [
            "u16",
            "(u16)",
            "::core::primitive::u16",
            "core::primitive::u16",
        ] {
            let out = expand(&format!("enum E {{ NotFound, #[status(other)] O({ty}) }}"));
            assert!(
                out.contains("From < :: core :: primitive :: u16 > for E"),
                "{ty}: {out}"
            );
            assert!(!out.contains("CodeField"), "{ty}: {out}");
        }
        for ty in ["Set", "http::StatusCode", "[u16; 1]", "u16::X", "a::u16<T>"] {
            let out = expand(&format!("enum E {{ NotFound, #[status(other)] O({ty}) }}"));
            assert!(
                !out.contains("From < :: core :: primitive :: u16 > for E"),
                "{ty}: {out}"
            );
            assert!(out.contains("CodeField"), "{ty}: {out}");
        }
    }

    /// The flags status-core's hooks read; the hooks are called only when the features
    /// that give them something to write are on (cargo unifies features across the
    /// workspace, so these tests see them on or off by what else is built).
    #[test]
    fn conversions_and_docs() {
        let hooks = |out: &str, args: &str| {
            let call = format!(":: status_core :: __private :: derive_hooks ! {{ {args} }}");
            assert_eq!(out.contains(&call), cfg!(feature = "http"), "{out}");
        };
        let fixed = expand("enum E { NotFound, #[status(500)] Db(String) }");
        hooks(&fixed, "total [] [E] []");
        let other = expand("enum E { NotFound, #[status(other)] O(u16) }");
        hooks(&other, "[] [E] []");
        assert!(other.contains("`404` gives `NotFound`"), "{other}");
        assert!(other.contains("Never `O`"), "{other}");
        let responses = other.contains("hook_response_methods ! { }");
        assert_eq!(responses, cfg!(any(feature = "axum", feature = "actix")));
        let transparent = expand("enum E { #[status(transparent)] A(B) }");
        hooks(&transparent, "[] [E] []");
        // A field's status, challenge and mask: status-core's defaults read the row.
        assert!(
            transparent.contains("E :: A { 0 : inner , .. } => :: status_core :: __private :: Row :: Inner { status : inner ,"),
            "{transparent}"
        );
        for own in ["__status_inner", "__status_challenge", "__status_masked"] {
            assert!(!transparent.contains(own), "{transparent}");
        }
        let plain = expand("enum E { NotFound }");
        assert!(!plain.contains("__status_challenge") && !plain.contains("__status_masked"));
        let own = expand("#[status(into_response = false)] enum E { NotFound }");
        hooks(&own, "total no_response [] [E] []");
        let quiet = expand("#[status(display = false)] enum E { NotFound }");
        assert!(!quiet.contains("Display"), "{quiet}");
    }

    #[test]
    fn challenges_and_masks_per_variant_or_enum_wide() {
        let out = expand(
            "#[status(www_authenticate = \"Bearer\", mask = false)] enum E { #[status(401, www_authenticate = \"Basic\", mask = true)] A, NotFound }",
        );
        assert!(out.contains("E :: A { .. } => :: core :: option :: Option :: Some (\"Basic\") , _ => :: core :: option :: Option :: Some (\"Bearer\")"), "{out}");
        assert!(out.contains("E :: A { .. } => :: core :: option :: Option :: Some (true) , _ => :: core :: option :: Option :: Some (false)"), "{out}");
        let enum_only = expand("#[status(mask = true)] enum E { NotFound }");
        assert!(
            enum_only.contains(
                "fn __status_masked (& self) -> :: core :: primitive :: bool { :: status_core :: __private :: Derived :: __status_row (self) . masked (:: core :: option :: Option :: Some (true)) }"
            ),
            "{enum_only}"
        );
        assert!(!enum_only.contains("__status_challenge"), "{enum_only}");
    }

    #[test]
    fn other_codes_use_the_shared_table_of_the_embedded_spec() {
        let out =
            expand("#[status(service = \"safe_browsing\")] enum E { #[status(other)] O(u16) }");
        assert!(
            out.contains(
                ":: status_core :: __private :: Row :: Embedded { code : * code , table : 4 }"
            ),
            "{out}"
        );
        assert!(!out.contains("fn __status_other"), "{out}");
        let plain = expand("enum E { NotFound }");
        assert!(!plain.contains("__status_other"), "{plain}");
    }

    /// The answers only status-core's `utoipa` feature reads are left out without it (it
    /// turns on this crate's feature of the same name): they were about 7% of the
    /// instructions rustc spent on a crate of 200 derived enums.
    #[test]
    fn openapi_answers_only_with_the_utoipa_feature() {
        let out = expand("enum E { NotFound, #[status(other)] O(u16) }");
        let answers = ":: status_core :: __private :: derive_docs ! { [] [E] [] [:: status_core :: __private :: answer (404 , \"NotFound\"";
        assert_eq!(out.contains(answers), cfg!(feature = "utoipa"), "{out}");
        assert_eq!(
            out.contains("derive_docs"),
            cfg!(feature = "utoipa"),
            "{out}"
        );
        // Lists `derive_docs!` matches with `$(..),*`: commas between, none after.
        let inner = expand(
            "enum E { NotFound, #[status(transparent)] T(Inner), #[status(transparent)] U(Other) }",
        );
        let lists = "Option :: None)] [Inner , Other] }";
        assert_eq!(inner.contains(lists), cfg!(feature = "utoipa"), "{inner}");
    }
}

#[cfg(test)]
mod attributes {
    //! Where each key may stand, and one error per mistake (no follow-ups).

    use super::tests_support::expand;

    fn errors(source: &str) -> usize {
        expand(source).matches("compile_error").count()
    }

    fn says(source: &str, part: &str) {
        let out = expand(source);
        assert!(out.contains(part), "no {part:?} for {source}:\n{out}");
    }

    #[test]
    fn a_broken_key_adds_no_follow_up_errors() {
        assert_eq!(errors("#[status(display = 3)] enum E { Zzzzzz }"), 1);
        assert_eq!(errors("enum E { #[status(4.04)] Zzzzzz }"), 1);
        assert_eq!(errors("#[status(700, display = 3)] struct S;"), 1);
        assert_eq!(errors("#[status(700)] struct S;"), 1, "the code is checked");
    }

    #[test]
    fn keys_in_the_wrong_place() {
        says(
            "#[status(default = 500)] struct S;",
            "`default` belongs on an enum",
        );
        says("#[status(404)] enum E { A }", "a code belongs on a variant");
        says(
            "enum E { #[status(404, other)] A(u16) }",
            "a variant takes one code, or `other`",
        );
        for both in [
            "other, transparent",
            "transparent, 404",
            "transparent, transparent",
        ] {
            says(
                &format!("enum E {{ #[status({both})] A(u16) }}"),
                "`transparent` takes the variant's status from its field, so it stands alone",
            );
        }
        says(
            "struct S { #[status(other)] a: u16 }",
            "a struct's field takes only `#[status(transparent)]`, found `other`",
        );
        says(
            "struct S { #[status(transparent, transparent)] a: A }",
            "duplicate `transparent` key",
        );
        says(
            "enum E { A(#[status(transparent)] u16) }",
            "in an enum, `transparent` goes on the variant",
        );
        says(
            "enum E { A(#[status(404)] u16) }",
            "`#[status(..)]` goes on the variant, not on its fields",
        );
        says(
            "#[status(transparent)] enum E { A }",
            "`transparent` belongs on a variant with one field",
        );
        says(
            "#[status(transparent)] struct S;",
            "`transparent` belongs on the struct's field",
        );
    }

    #[test]
    fn challenges_are_one_line_of_visible_ascii() {
        for bad in ["", "Bearer\nrealm", "Bearer\u{e9}", "\u{7f}"] {
            says(
                &format!("#[status(www_authenticate = \"{bad}\")] enum E {{ A }}"),
                "a `WWW-Authenticate` challenge is one line of visible ASCII",
            );
        }
        for good in [
            "Bearer",
            "Basic realm=\\\"x\\\", charset=\\\"UTF-8\\\"",
            "a\tb ~",
        ] {
            let out = expand(&format!(
                "#[status(www_authenticate = \"{good}\")] enum E {{ NotFound }}"
            ));
            assert!(!out.contains("compile_error"), "{good}: {out}");
        }
        says(
            "#[status(www_authenticate = \"a\", www_authenticate = \"\")] enum E { A }",
            "duplicate `www_authenticate` key",
        );
        assert_eq!(
            errors(
                "#[status(www_authenticate = \"a\", www_authenticate = \"\")] enum E { NotFound }"
            ),
            1,
            "the duplicate's value is not checked as well"
        );
    }

    #[test]
    fn errors_keep_the_other_variants_from_u16_stub() {
        let out = expand("#[status(display = 3)] enum E { NotFound, #[status(other)] O(u16) }");
        // (Spacing aside: `<` is joint to the `::` after it, as written in the text.)
        let compact: String = out.split_whitespace().collect();
        assert!(
            compact.contains("From<::core::primitive::u16>forE"),
            "{out}"
        );
        assert!(out.contains("fn from_code"), "{out}");
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn a_spec_file_is_tracked_and_read_errors_named() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let out = expand("#[status(spec = \"../codes.toml\")] enum E { NotFound }");
        assert!(out.contains("include_bytes"), "{out}");
        assert!(
            out.contains(dir.rsplit_once('/').map_or(dir, |(up, _)| up)),
            "{out}"
        );
        says(
            "#[status(spec = \"no/such.toml\")] enum E { A }",
            "cannot read spec file `no/such.toml`: not found",
        );
        says(
            "#[status(spec = \"src\")] enum E { A }",
            "cannot read spec file `src`: ",
        );
    }
}

#[cfg(test)]
mod values_and_stubs {
    //! What each key's value must look like, and the stubs written beside errors. (No test
    //! name here contains `ui`: the mutation runs skip the ui tests by that substring.)

    use super::tests_support::expand;

    fn says(source: &str, part: &str) {
        let out = expand(source);
        assert!(out.contains(part), "no {part:?} for {source}:\n{out}");
    }

    #[test]
    fn each_key_names_the_value_it_expects() {
        let cases = [
            ("service = 1", "expected `service = \\\"name\\\"`"),
            ("spec = 1", "expected `spec = \\\"path/to/codes.toml\\\"`"),
            (
                "display = 1",
                "expected `display = false` or `display = true`",
            ),
            (
                "into_response = 1",
                "expected `into_response = false` or `into_response = true`",
            ),
            (
                "default = x",
                "expected `default = NNN`, a status code of the service",
            ),
            (
                "www_authenticate = 1",
                "expected `www_authenticate = \\\"CHALLENGE\\\"`",
            ),
            ("mask = 1", "expected `mask = true` or `mask = false`"),
            ("crate = 1", "expected `crate = path::to::status_core`"),
        ];
        for (key, message) in cases {
            says(&format!("#[status({key})] enum E {{ NotFound }}"), message);
        }
    }

    #[test]
    fn crate_takes_a_path() {
        for bad in ["\"a b\"", "a::", "a:b", "a::b::", "::", "a < b >"] {
            says(
                &format!("#[status(crate = {bad})] enum E {{ NotFound }}"),
                "expected `crate = path::to::status_core`",
            );
        }
        for good in ["a", "::a::b", "\"a::b\"", "crate::x"] {
            let out = expand(&format!("#[status(crate = {good})] enum E {{ NotFound }}"));
            assert!(!out.contains("compile_error"), "{good}: {out}");
        }
    }

    #[test]
    fn variant_keys_that_belong_elsewhere() {
        says(
            "enum E { #[status(code = 404)] A }",
            "unknown key `code`; write the code alone",
        );
        says(
            "enum E { #[status(service = \"x\")] A }",
            "`service` belongs on the enum; a variant takes",
        );
        says(
            "enum E { #[status(transparnt)] A }",
            "did you mean `transparent`?",
        );
        says(
            "enum E { #[status(colour)] A }",
            "unknown key `colour`; a variant takes",
        );
    }

    #[test]
    fn stubs_beside_errors_match_the_real_impls() {
        let broken = expand("#[status(display = 3)] enum E { NotFound }");
        assert!(
            broken.contains(":: status_core :: __private :: HttpStatus for E"),
            "{broken}"
        );
        assert!(
            broken.contains(":: core :: fmt :: Display for E"),
            "{broken}"
        );
        assert!(
            broken.contains("derive_hooks ! { total [] [E] [] }"),
            "{broken}"
        );
        let no_display = expand("#[status(display = false, spec = 1)] enum E { NotFound }");
        assert!(!no_display.contains("Display for E"), "{no_display}");
        let other = expand("#[status(display = 3)] enum E { NotFound, #[status(other)] O(u16) }");
        assert!(other.contains("derive_hooks ! { [] [E] [] }"), "{other}");
        let transparent = expand("#[status(display = 3)] enum E { #[status(transparent)] A(B) }");
        assert!(
            transparent.contains("derive_hooks ! { [] [E] [] }"),
            "{transparent}"
        );
        let bad_variant = expand("enum E { #[status(4.04)] A }");
        assert!(
            bad_variant.contains("derive_hooks ! { [] [E] [] }"),
            "{bad_variant}"
        );
        let own = expand("#[status(into_response = false, spec = 1)] enum E { NotFound }");
        assert!(
            own.contains("derive_hooks ! { total no_response [] [E] [] }"),
            "{own}"
        );
        let data = expand("#[status(display = 3)] enum E { A(String), #[status(other)] O(u16) }");
        assert!(
            !data.contains("From < :: core :: primitive :: u16 >"),
            "{data}"
        );
        assert!(!data.contains("fn from_code"), "{data}");
    }
}

#[cfg(test)]
mod tests_support {
    use super::derive;
    use crate::syntax::DeriveInput;

    /// The derive's output for `source`, as text.
    pub(super) fn expand(source: &str) -> String {
        let tokens = source.parse().expect("test input lexes");
        let node = DeriveInput::parse(tokens).expect("test input parses");
        derive(&node).to_string()
    }
}

#[cfg(test)]
mod shapes {
    //! The exact shape of the text the derive writes around its rows and impls: the unit
    //! tests lex it without checking it is Rust, so the places where a stray `_ =>` or a
    //! missing generic would only show at compile time are pinned here.

    use super::tests_support::expand;

    const SC: &str = ":: status_core :: __private";

    /// The row function and what follows it.
    fn row_fn(out: &str) -> &str {
        out.find("fn __status_row").map_or("", |i| &out[i..])
    }

    #[test]
    fn rows_without_arms_apart_are_the_table_read_alone() {
        let out = expand("enum E { NotFound, Gone }");
        let row =
            format!("-> {SC} :: Row <'_ > {{ {SC} :: Row :: Table {{ table : 0 , slot : (& [");
        assert!(row_fn(&out).contains(&row), "{out}");
        // The impl ends with the row function, whose body ends with the table read.
        let end = "[match self { E :: NotFound => 0 , E :: Gone => 1 , }] } }";
        assert!(row_fn(&out).contains(end), "{out}");
        if !cfg!(feature = "spec-file") {
            return; // (the rest reads a spec file)
        }
        let file = expand("#[status(spec = \"../codes.toml\")] enum E { NotFound, Gone }");
        let rows = format!("-> {SC} :: Row <'_ > {{ const ROWS");
        assert!(row_fn(&file).contains(&rows), "{file}");
        let read = "] ; ROWS [match self { E :: NotFound => 0 , E :: Gone => 1 , }] }";
        assert!(row_fn(&file).contains(read), "{file}");
        assert!(!file.contains("fn __status_other"), "{file}");
    }

    #[test]
    #[cfg(feature = "spec-file")]
    fn other_codes_of_a_spec_file_have_their_lookup_function() {
        let out = expand(
            "#[status(spec = \"../codes.toml\")] enum E { NotFound, #[status(other)] O(u16) }",
        );
        assert!(out.contains("const fn __status_other (code"), "{out}");
        let arm = "_ => ROWS [match self { E :: NotFound => 0 , E :: O { .. } => 1 , }] , }";
        assert!(out.contains(arm), "{out}");
        // Only arms apart: no table of rows, which nothing would read.
        let apart =
            expand("#[status(spec = \"../codes.toml\")] enum E { #[status(other)] O(u16) }");
        assert!(!apart.contains("const ROWS"), "{apart}");
        let read = ":: Row :: Own { code : * code , lookup : __status_other } , } }";
        assert!(row_fn(&apart).contains(read), "{apart}");
        // On the embedded spec, the table read follows the arms apart.
        let shared = expand("enum E { NotFound, #[status(other)] O(u16) }");
        let after = format!("table : 0 }} , _ => {SC} :: Row :: Table");
        assert!(row_fn(&shared).contains(&after), "{shared}");
    }

    #[test]
    fn generics_and_where_clauses_reach_every_impl() {
        let out = expand(
            "enum E<'a, T: Clone> where T: Copy { #[status(transparent)] A(&'a T), NotFound }",
        );
        let derived = format!(
            "impl < 'a , T : Clone > {SC} :: Derived for E < 'a , T > where T : Copy {{ # [inline] fn __status_row (& self) -> {SC} :: Row <'_ >"
        );
        assert!(out.contains(&derived), "{out}");
        let display =
            "impl < 'a , T : Clone > :: core :: fmt :: Display for E < 'a , T > where T : Copy {";
        assert!(out.contains(display), "{out}");
        // No item outside an impl, so no anonymous `const` around them.
        assert!(!out.contains("const _"), "{out}");
    }

    #[test]
    fn data_variants_get_no_from_code() {
        let out = expand("enum E { NotFound, #[status(500)] Db(String) }");
        assert!(!out.contains("fn from_code"), "{out}");
        let shared = expand("enum E { NotFound, #[status(404)] Missing }");
        assert!(!shared.contains("fn from_code"), "{shared}");
        let units = expand("enum E { NotFound, Gone }");
        assert!(units.contains("fn from_code"), "{units}");
    }
}
