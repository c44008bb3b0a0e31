//! The lookup benches' loops as a plain program, for instruction counts under callgrind
//! (unaffected by other load on the machine, unlike wall-clock times):
//!
//! ```text
//! cargo build --release -p benches --example count
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/count WORKLOAD PASSES
//! ```
//!
//! Instructions per code = (Ir at PASSES - Ir at 0 passes) / (PASSES * stream length).
//! WORKLOAD is one of `http-reason`, `reason` (the long Zipf stream, `u16` -> reason),
//! `set-fields`, `derived-fields` (the README's 4,096-code stream, reason + class + retry),
//! `parse` (status-spec parsing and validating the shipped `codes.toml`, once per pass).

use std::hint::black_box;

use benches::{SafeBrowsing, SafeBrowsingError, Standard, stream, zipf_stream};
use status_core::HttpStatus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(workload), Some(passes)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: count WORKLOAD PASSES");
        std::process::exit(2);
    };
    let Ok(passes) = passes.parse::<usize>() else {
        eprintln!("PASSES must be a number, got `{passes}`");
        std::process::exit(2);
    };
    let mut acc = 0usize;
    match workload.as_str() {
        "http-reason" => {
            let codes = zipf_stream(benches::ZIPF_LEN);
            for _ in 0..passes {
                for &code in black_box(&codes) {
                    acc += http::StatusCode::from_u16(code)
                        .ok()
                        .and_then(|s| s.canonical_reason())
                        .map_or(0, str::len);
                }
            }
        }
        "reason" => {
            let codes = zipf_stream(benches::ZIPF_LEN);
            for _ in 0..passes {
                acc += reasons(black_box(&codes));
            }
        }
        "set-fields" => {
            let statuses: Vec<SafeBrowsing> =
                stream(4096).into_iter().map(SafeBrowsing::from).collect();
            for _ in 0..passes {
                for s in black_box(&statuses) {
                    acc += s.reason().len() + s.class() as usize + s.retry() as usize;
                }
            }
        }
        "derived-fields" => {
            let errors: Vec<SafeBrowsingError> = stream(4096)
                .into_iter()
                .map(SafeBrowsingError::from)
                .collect();
            for _ in 0..passes {
                for e in black_box(&errors) {
                    acc += e.reason().len() + e.class() as usize + e.retry() as usize;
                }
            }
        }
        "parse" => {
            for _ in 0..passes {
                acc += usize::from(
                    status_spec::Spec::parse(black_box(status_spec::EMBEDDED_SOURCE)).is_ok(),
                );
            }
        }
        other => {
            eprintln!("unknown workload `{other}`");
            std::process::exit(2);
        }
    }
    println!("{}", black_box(acc));
}

/// `u16` -> `Standard` -> reason over a stream, apart so its loop can be read with objdump.
#[inline(never)]
fn reasons(codes: &[u16]) -> usize {
    let mut len = 0;
    for &code in codes {
        len += Standard::from(code).reason().len();
    }
    len
}
