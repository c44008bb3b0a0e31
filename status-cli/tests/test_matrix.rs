//! `matrix`: services by codes, with overrides marked and a legend.

mod common;

use common::Project;

#[test]
fn the_shipped_matrix() {
    let out = Project::shipped().ok(&["matrix"]);
    assert!(
        !out.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    insta::assert_snapshot!("matrix_shipped", out);
}

#[test]
fn overrides_are_marked() {
    let out = Project::shipped().ok(&["matrix"]);
    let header = out.lines().next().unwrap_or_default();
    let column = |name: &str| {
        header
            .find(name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let row = |code: &str| {
        out.lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_else(|| panic!("no row {code}"))
    };
    let cell = |code: &str, service: &str| row(code).chars().nth(column(service)).unwrap_or(' ');
    assert_eq!(cell("429 ", "safe_browsing"), '◆');
    assert_eq!(cell("200 ", "safe_browsing"), '●');
    assert_eq!(cell("201 ", "safe_browsing"), '·');
    assert!(out.ends_with("\n● listed   ◆ listed, overriding the base entry   · not listed\n"));
}
