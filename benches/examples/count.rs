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
//! `set-fields`, `derived-fields`, `derived-file-fields` (the README's 4,096-code stream,
//! reason + class + retry; the last a derive on the spec read as a file of the user's own),
//! `parse` (status-spec parsing and validating the shipped `codes.toml`, once per pass).

use std::hint::black_box;

use benches::{
    SafeBrowsing, SafeBrowsingError, SafeBrowsingFileError, Standard, stream, zipf_stream,
};
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
        "set-fields" => acc += fields::<SafeBrowsing>(passes),
        "derived-fields" => acc += fields::<SafeBrowsingError>(passes),
        "derived-file-fields" => acc += fields::<SafeBrowsingFileError>(passes),
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

/// reason + class + retry of the README's 4,096-code stream as `T`, `passes` times.
fn fields<T: HttpStatus + From<u16>>(passes: usize) -> usize {
    let values: Vec<T> = stream(4096).into_iter().map(T::from).collect();
    let mut acc = 0;
    for _ in 0..passes {
        for v in black_box(&values) {
            acc += v.reason().len() + v.class() as usize + v.retry() as usize;
        }
    }
    acc
}
