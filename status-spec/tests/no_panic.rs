//! The parser never panics: arbitrary text, and random mutations of the shipped spec.

use proptest::prelude::*;
use status_spec::{EMBEDDED_SOURCE, Spec};

/// A random edit of the shipped spec: delete, duplicate or replace a slice, or splice in
/// TOML-ish fragments that exercise the validator rather than the TOML grammar.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, &'static str),
    SwapLines(usize, usize),
}

const FRAGMENTS: &[&str] = &[
    "\n[codes.999]\nreason = \"x\"\n",
    "\n[services.x]\ncodes = [200, 200, 70000]\n",
    "\nreason = \"\"\n",
    "\nname = \"Self\"\n",
    "\nretry = \"sometimes\"\n",
    "\n[services.safe_browsing.overrides.418]\nreason = \"Teapot\"\n",
    "\"",
    "[",
    "]",
    "=",
    "\nname = \"Other\"\n",
    "\naliases = [1, 2]\n",
    "\ncodes = []\n",
    "é\u{0}\u{feff}",
    "\nfactor = 0.5\njitter = \"half\"\n",
    "\ninitial = \"1 h\"\nmax_retries = -1\n",
    "\n[services.safe_browsing.backoff]\nmax = \"99999999999999999999h\"\n",
    "\nfactor = nan\nmax = \"1ms\"\n",
];

fn edit() -> impl Strategy<Value = Edit> {
    let len = EMBEDDED_SOURCE.len();
    prop_oneof![
        (0..len, 0..200usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0..len, 0..400usize).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        (0..len, prop::sample::select(FRAGMENTS)).prop_map(|(at, s)| Edit::Insert(at, s)),
        (0..400usize, 0..400usize).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

/// Byte offsets are moved to the nearest char boundary so the result stays a `str`.
fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(src: &str, edit: &Edit) -> String {
    match *edit {
        Edit::Delete(at, n) => {
            let (a, b) = (floor(src, at), floor(src, at + n));
            format!("{}{}", &src[..a], &src[b..])
        }
        Edit::Duplicate(at, n) => {
            let (a, b) = (floor(src, at), floor(src, at + n));
            format!("{}{}", &src[..b], &src[a..])
        }
        Edit::Insert(at, s) => {
            let a = floor(src, at);
            format!("{}{s}{}", &src[..a], &src[a..])
        }
        Edit::SwapLines(a, b) => {
            let mut lines: Vec<&str> = src.lines().collect();
            let n = lines.len();
            lines.swap(a % n, b % n);
            lines.join("\n")
        }
    }
}

/// Every diagnostic must point inside the source, at a real line.
fn check(src: &str) {
    if let Err(diags) = Spec::parse(src) {
        assert!(!diags.is_empty());
        let lines = src.split('\n').count();
        for d in diags {
            assert!(d.span.start <= src.len(), "{d:?}");
            assert!(d.line >= 1 && d.line <= lines, "{d:?}");
            assert!(d.column >= 1, "{d:?}");
            assert!(!d.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(src in ".{0,400}") {
        check(&src);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_spec_never_panics(edits in prop::collection::vec(edit(), 1..6)) {
        let mut src = EMBEDDED_SOURCE.to_owned();
        for e in &edits {
            src = apply(&src, e);
        }
        check(&src);
    }
}

#[test]
fn shipped_spec_is_valid() {
    match Spec::parse(EMBEDDED_SOURCE) {
        Ok(spec) => assert!(spec.codes().count() > 60),
        Err(diags) => panic!(
            "{}",
            status_spec::SpecError::new("codes.toml", EMBEDDED_SOURCE, diags)
        ),
    }
}
