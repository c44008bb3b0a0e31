//! How long parsing and validating the shipped `codes.toml` takes.

use criterion::{Criterion, criterion_group, criterion_main};
use status_spec::{EMBEDDED_SOURCE, Spec};

fn parse_shipped(c: &mut Criterion) {
    c.bench_function("parse+validate shipped codes.toml", |b| {
        b.iter(|| Spec::parse(std::hint::black_box(EMBEDDED_SOURCE)).is_ok());
    });
}

criterion_group!(benches, parse_shipped);
criterion_main!(benches);
