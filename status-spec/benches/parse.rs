//! How long parsing and validating the shipped `codes.toml` takes, and how much of that is
//! the TOML parser itself.
//!
//! Run: `cargo bench -p status-spec --bench parse`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use status_spec::{EMBEDDED_SOURCE, Spec};

fn parse_shipped(c: &mut Criterion) {
    c.bench_function("parse+validate shipped codes.toml", |b| {
        b.iter(|| Spec::parse(black_box(EMBEDDED_SOURCE)).is_ok());
    });
    c.bench_function("toml DeTable::parse alone", |b| {
        b.iter(|| toml::de::DeTable::parse(black_box(EMBEDDED_SOURCE)).is_ok());
    });
}

criterion_group!(benches, parse_shipped);
criterion_main!(benches);
