//! How long parsing and validating the shipped `codes.toml` takes, and how much of that is
//! `toml_parser`'s lexing and parsing into events, which status-spec builds its tree from.
//!
//! Run: `cargo bench -p status-spec --bench parse`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use status_spec::{EMBEDDED_SOURCE, Spec};

fn parse_shipped(c: &mut Criterion) {
    c.bench_function("parse+validate shipped codes.toml", |b| {
        b.iter(|| Spec::parse(black_box(EMBEDDED_SOURCE)).is_ok());
    });
    c.bench_function("toml_parser lex + events alone", |b| {
        b.iter(|| {
            let source = toml_parser::Source::new(black_box(EMBEDDED_SOURCE));
            let tokens = source.lex().into_vec();
            let mut events = Vec::with_capacity(tokens.len());
            let mut errors = Vec::new();
            toml_parser::parser::parse_document(&tokens, &mut events, &mut errors);
            events.len() + errors.len()
        });
    });
}

criterion_group!(benches, parse_shipped);
criterion_main!(benches);
