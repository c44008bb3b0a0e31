//! The pretty-printed expansion of `status_set!`, pinned by snapshots, and the errors of
//! selections that cannot be resolved.

use std::ops::RangeInclusive;

use status_codegen::{Code, CodeSel, Hole, SelectError, Selection, expand_set};
use status_spec::{Class, Spec};

/// The code with its holes filled as a user's item would fill them, pretty-printed.
fn pretty(name: &str, code: &Code) -> String {
    let source = code.source(|hole| match hole {
        Hole::Attrs => "#[doc = \" Test set.\"]",
        Hole::Vis => "pub",
        Hole::Name => name,
        Hole::Private => "::status_core::__private",
    });
    match syn::parse_file(&source) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => format!("does not parse as Rust: {e}"),
    }
}

fn expand(selection: Selection) -> Result<String, Vec<SelectError>> {
    expand_set(Spec::embedded(), &selection).map(|code| pretty("Set", &code))
}

#[test]
fn safe_browsing_expansion() {
    let out = expand(Selection::Service("safe_browsing".into())).expect("known service");
    insta::assert_snapshot!(out);
}

#[test]
fn class_selection_holds_only_that_class() {
    let out = expand(Selection::Class(Class::Informational)).expect("1xx exists");
    for code in ["100", "101", "102", "103"] {
        assert!(out.contains(&format!("`{code} ")), "{code} missing");
    }
    assert!(!out.contains("`200 OK`"));
}

#[test]
fn ranges_take_registered_codes_only() {
    let sel = Selection::Codes(vec![CodeSel::One(429), CodeSel::Range(500..=510)]);
    let out = expand(sel).expect("valid list");
    let codes = "[::core::primitive::u16; 11] = &[\n        429, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510,\n    ];";
    assert!(out.contains(codes), "{out}");
    assert!(!out.contains("509"));
}

#[test]
fn unknown_service_suggests_the_nearest() {
    let err = expand(Selection::Service("safe_browsin".into())).expect_err("typo");
    assert_eq!(err.len(), 1);
    assert_eq!(
        err[0].to_string(),
        "unknown service `safe_browsin`; did you mean `safe_browsing`?"
    );
    let err = expand(Selection::Service("billing".into())).expect_err("unknown");
    assert_eq!(
        err[0].to_string(),
        "unknown service `billing`; the spec defines `huawei_cloud`, `rest_client`, `restful_api`, `safe_browsing`, `web_api`"
    );
}

#[test]
fn every_bad_list_item_is_reported() {
    let sel = Selection::Codes(vec![
        CodeSel::One(499),
        CodeSel::Range(RangeInclusive::new(504, 502)),
        CodeSel::Range(590..=599),
        CodeSel::One(429),
        CodeSel::Range(428..=429),
    ]);
    let errs = expand(sel).expect_err("bad items");
    let shown: Vec<(Option<usize>, String)> =
        errs.iter().map(|e| (e.item(), e.to_string())).collect();
    assert_eq!(
        shown,
        vec![
            (
                Some(0),
                "code 499 is not in the spec's base registry".to_owned()
            ),
            (
                Some(1),
                "reversed range: the lower bound must come first".to_owned()
            ),
            (
                Some(2),
                "range holds no code of the spec's base registry".to_owned()
            ),
            (Some(4), "code 429 is selected twice".to_owned()),
        ]
    );
}

#[test]
fn empty_class_is_reported() {
    let spec = Spec::parse("[codes.200]\nreason = \"OK\"\n").expect("valid");
    let err = expand_set(&spec, &Selection::Class(Class::ServerError)).expect_err("no 5xx");
    assert_eq!(
        err[0].to_string(),
        "the spec's base registry has no 5xx code"
    );
}

#[test]
fn other_codes_fall_back_to_the_base_registry() {
    let out = expand(Selection::Service("safe_browsing".into())).expect("known service");
    // 404 is not in the service, so the fallback table knows it from the base registry;
    // the codes the set names need no fallback row.
    let table = out
        .split("const CODES: &[::core::primitive::u16; 57] = &[")
        .nth(1)
        .expect("fallback table");
    let table = &table[..table.find(']').expect("end of table")];
    assert!(table.contains(" 404,"), "{table}");
    assert!(!table.contains(" 429,"), "{table}");
    let compact: String = out.split_whitespace().collect();
    assert!(compact.contains("(\"NotFound\",\"Nothing"), "{out}");
}

#[test]
fn a_one_code_range_is_not_reversed() {
    let out = expand(Selection::Codes(vec![CodeSel::Range(RangeInclusive::new(
        503, 503,
    ))]));
    assert!(out.is_ok_and(|o| o.contains("ServiceUnavailable")));
}

#[test]
fn a_spec_without_services_says_so() {
    let spec = Spec::parse("[codes.200]\nreason = \"OK\"\n").expect("valid");
    let err = expand_set(&spec, &Selection::Service("shop".into())).expect_err("no services");
    assert_eq!(
        err[0].to_string(),
        "unknown service `shop`; the spec defines no services"
    );
}

/// A spec with `n` codes from 100 up, and `all` of it expanded.
fn expand_n(n: u16) -> String {
    let src: String = (100..100 + n)
        .map(|c| format!("[codes.{c}]\nreason = \"Code {c}\"\nname = \"C{c}\"\n"))
        .collect();
    let spec = Spec::parse(&src).expect("valid");
    pretty("Big", &expand_set(&spec, &Selection::All).expect("expands"))
}

#[test]
fn the_index_is_as_narrow_as_the_set_allows() {
    // Positions are stored + 1, so 255 codes still fit a byte and 256 do not.
    assert!(expand_n(255).contains("const __INDEX: &'static [::core::primitive::u8; 500]"));
    assert!(expand_n(256).contains("const __INDEX: &'static [::core::primitive::u16; 500]"));
}

#[test]
fn the_enum_doc_says_what_the_set_is() {
    let sel = Selection::Codes(vec![CodeSel::One(429), CodeSel::Range(500..=510)]);
    let out = expand(sel).expect("valid list");
    assert!(
        out.contains("/// Generated from `codes.toml`: status codes 429, 500..=510.\n"),
        "{out}"
    );
}

/// Every selection of the shipped spec, and a spec whose texts need escaping, expand to
/// source that parses as Rust once the holes are filled.
#[test]
fn every_selection_parses_as_rust() {
    let tricky = Spec::parse(
        "[codes.200]\nreason = \"OK \\\"quoted\\\" \\\\ back { ( [\"\n\
         description = \"Tab\\there, $0 and r\\\"raw\\\"\"\n\
         [services.s]\ncodes = [200]\nunlisted_retry = \"backoff\"\n\
         [services.s.backoff]\ninitial = \"1s\"\nmax = \"1m\"\nfactor = 1.5\nmax_retries = 3\n",
    )
    .expect("valid");
    for spec in [Spec::embedded(), &tricky] {
        let mut selections = vec![Selection::All];
        selections.extend(Class::ALL.map(Selection::Class));
        selections.extend(
            spec.service_names()
                .map(|s| Selection::Service(s.to_owned())),
        );
        for selection in selections {
            let Ok(code) = expand_set(spec, &selection) else {
                continue; // a class the spec has no code of
            };
            let out = pretty("Set", &code);
            assert!(!out.starts_with("does not parse"), "{selection:?}: {out}");
        }
    }
}

/// The derive's fallback on a spec file of the user's own: a block over `code` whose three
/// tables hold one entry per code, the service's phrasing first.
#[test]
fn the_compact_fallback_is_an_expression_over_code() {
    let spec = Spec::embedded();
    let mut code = Code::default();
    status_codegen::service_fallback(
        spec,
        spec.service("safe_browsing"),
        &[],
        &mut code,
        "code",
        status_codegen::Layout::Compact,
    );
    let source = code.source(|_| "::status_core::__private");
    let parsed = syn::parse_str::<syn::Expr>(&source);
    assert!(parsed.is_ok(), "{source}");
    assert!(source.contains("\"Resource Exhausted\""), "{source}");
    let table = |name: &str| {
        let start = source.find(&format!("const {name}")).unwrap_or(0);
        let body = &source[start..];
        let body = &body[body.find("= &[").map_or(0, |i| i + 4)..];
        let body = &body[..body.find("];").unwrap_or(body.len())];
        // Commas inside the phrases do not count: the entries are string literals.
        body.split("\",").count()
    };
    let retries = source
        .split("const RETRIES: &[::core::primitive::u8] = &[")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .map_or(0, |list| list.split(',').count());
    let entries = spec.codes().count();
    assert_eq!(
        (table("REASONS"), table("DESCRIPTIONS"), retries),
        (entries, entries, entries)
    );
}
