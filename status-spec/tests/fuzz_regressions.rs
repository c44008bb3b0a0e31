//! Every input the fuzzer ever flagged (`fuzz/regressions/`), and its seeds, still parse
//! without a panic. This is the cheap, instrumentation-free run of that corpus that CI does.

use std::path::Path;

use status_spec::Spec;

fn each_file(dir: &str, check: impl Fn(&Path, &str)) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(dir);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus folder exists") {
        let path = entry.expect("readable entry").path();
        let bytes = std::fs::read(&path).expect("readable file");
        check(&path, &String::from_utf8_lossy(&bytes));
        count += 1;
    }
    count
}

#[test]
fn regression_corpus_parses_without_panic() {
    let n = each_file("regressions", |_, text| {
        let _ = Spec::parse(text);
    });
    assert!(n >= 1, "the corpus keeps at least its README");
}

/// The seeds are slices of the shipped spec (a service slice lacks the base codes it lists,
/// so not every seed is valid); the base slices must be.
#[test]
fn seeds_parse_and_base_slices_are_valid() {
    let n = each_file("seeds", |path, text| {
        let parsed = Spec::parse(text);
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("base_") && !text.contains("[services.") {
            assert!(parsed.is_ok(), "{name} should be a valid spec");
        }
    });
    assert!(n >= 2);
}
