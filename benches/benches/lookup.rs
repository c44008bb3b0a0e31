//! Generated enums against `http::StatusCode` on a shuffled stream of real-world codes.
//!
//! Run: `cargo bench -p benches --bench lookup`

use std::fmt::Write;
use std::hint::black_box;

use benches::{
    SafeBrowsing, SafeBrowsingError, SafeBrowsingFileError, Standard, ZIPF_LEN, stream, zipf_stream,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use status_core::HttpStatus;

const N: usize = 4096;

/// Total length of http's reason phrases for `codes` (what both lookups benches compare).
fn http_reasons(codes: &[u16]) -> usize {
    let mut len = 0;
    for &code in codes {
        let reason = http::StatusCode::from_u16(code)
            .ok()
            .and_then(|s| s.canonical_reason());
        len += reason.map_or(0, str::len);
    }
    len
}

/// The same through the generated `Standard` set.
fn generated_reasons(codes: &[u16]) -> usize {
    let mut len = 0;
    for &code in codes {
        len += Standard::from(code).reason().len();
    }
    len
}

fn from_u16_to_reason(c: &mut Criterion) {
    let codes = stream(N);
    let mut g = c.benchmark_group("u16 -> reason");
    g.bench_function("http from_u16 + canonical_reason", |b| {
        b.iter(|| http_reasons(black_box(&codes)));
    });
    g.bench_function("generated Standard::from + reason", |b| {
        b.iter(|| generated_reasons(black_box(&codes)));
    });
    g.finish();
}

/// The same on long streams (2 Mi codes each, more than the caches hold): Zipf-like over
/// every registered code, and the README's weights above; with the floor beside them, one
/// load per code from a table indexed by the code.
fn long_streams(c: &mut Criterion) {
    let table: Vec<usize> = (0..1024).map(|i| i % 7).collect();
    for (name, codes) in [
        ("zipf", zipf_stream(ZIPF_LEN)),
        ("weighted", stream(ZIPF_LEN)),
    ] {
        let mut g = c.benchmark_group(format!("u16 -> reason, long {name} stream"));
        g.throughput(Throughput::Elements(codes.len() as u64));
        g.sample_size(20);
        g.bench_function("http from_u16 + canonical_reason", |b| {
            b.iter(|| http_reasons(black_box(&codes)));
        });
        g.bench_function("generated Standard::from + reason", |b| {
            b.iter(|| generated_reasons(black_box(&codes)));
        });
        g.bench_function("floor: one table load", |b| {
            let table = black_box(&table[..]);
            b.iter(|| {
                let mut sum = 0;
                for &code in black_box(&codes) {
                    sum += table[usize::from(code) & 1023];
                }
                sum
            });
        });
        g.finish();
    }
}

fn enum_to_fields(c: &mut Criterion) {
    let statuses: Vec<SafeBrowsing> = stream(N).into_iter().map(SafeBrowsing::from).collect();
    c.bench_function("SafeBrowsing -> reason + class + retry", |b| {
        b.iter(|| {
            let mut acc = 0usize;
            for s in black_box(&statuses) {
                acc += s.reason().len() + s.class() as usize + s.retry() as usize;
            }
            acc
        });
    });
}

/// reason + class + retry of every value, as the derived benches read them.
fn fields<T: HttpStatus>(values: &[T]) -> usize {
    let mut acc = 0usize;
    for e in values {
        acc += e.reason().len() + e.class() as usize + e.retry() as usize;
    }
    acc
}

fn derived_to_fields(c: &mut Criterion) {
    let errors: Vec<SafeBrowsingError> =
        stream(N).into_iter().map(SafeBrowsingError::from).collect();
    c.bench_function("derived SafeBrowsingError -> reason + class + retry", |b| {
        b.iter(|| fields(black_box(&errors)));
    });
    let errors: Vec<SafeBrowsingFileError> = stream(N)
        .into_iter()
        .map(SafeBrowsingFileError::from)
        .collect();
    c.bench_function(
        "derived SafeBrowsingFileError (spec file) -> reason + class + retry",
        |b| b.iter(|| fields(black_box(&errors))),
    );
}

fn display(c: &mut Criterion) {
    let codes = stream(N);
    let ours: Vec<Standard> = codes.iter().map(|&c| Standard::from(c)).collect();
    let theirs: Vec<http::StatusCode> = codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(c).ok())
        .collect();
    let mut g = c.benchmark_group("Display");
    let mut buf = String::with_capacity(64);
    g.bench_function("http StatusCode", |b| {
        b.iter(|| {
            let mut len = 0;
            for s in black_box(&theirs) {
                buf.clear();
                let _ = write!(buf, "{s}");
                len += buf.len();
            }
            len
        });
    });
    g.bench_function("generated Standard", |b| {
        b.iter(|| {
            let mut len = 0;
            for s in black_box(&ours) {
                buf.clear();
                let _ = write!(buf, "{s}");
                len += buf.len();
            }
            len
        });
    });
    g.finish();
}

criterion_group!(
    benches,
    from_u16_to_reason,
    long_streams,
    enum_to_fields,
    derived_to_fields,
    display
);
criterion_main!(benches);
