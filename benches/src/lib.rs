//! Shared inputs for the benches: generated sets and a realistic stream of codes.

use status_core::{StatusCodes, status_set};

status_set! {
    /// Every registered code.
    pub enum Standard = all;
    /// Safe Browsing's documented codes.
    pub enum SafeBrowsing = service "safe_browsing";
}

/// The same service's codes as a user's derived error enum, for comparing the derive's
/// rows with the set's tables; once on the embedded spec (rows read from status-core's
/// tables) and once on the same spec read as a file of the user's own (rows in the enum).
macro_rules! safe_browsing_error {
    ($(#[$attr:meta])* $name:ident) => {
        #[derive(Debug, Clone, Copy, StatusCodes)]
        $(#[$attr])*
        pub enum $name {
            /// 200.
            Ok,
            /// 400.
            BadRequest,
            /// 403.
            Forbidden,
            /// 429.
            ResourceExhausted,
            /// 500.
            InternalServerError,
            /// 503.
            ServiceUnavailable,
            /// 504.
            GatewayTimeout,
            /// Any other code.
            #[status(other)]
            Other(u16),
        }
    };
}

safe_browsing_error! {
    /// Safe Browsing's errors, on the embedded spec.
    #[status(service = "safe_browsing")]
    SafeBrowsingError
}

safe_browsing_error! {
    /// Safe Browsing's errors, on the workspace's `codes.toml` read as a file.
    #[status(service = "safe_browsing", spec = "../codes.toml")]
    SafeBrowsingFileError
}

/// Codes as a busy API sees them: mostly 200, then redirects, 404s, throttling and the odd
/// server error, with a few codes no registry knows.
const WEIGHTED: &[(u16, u32)] = &[
    (200, 600),
    (201, 40),
    (204, 40),
    (301, 20),
    (302, 20),
    (304, 60),
    (400, 30),
    (401, 25),
    (403, 20),
    (404, 80),
    (409, 5),
    (422, 10),
    (429, 30),
    (499, 5),
    (500, 15),
    (502, 10),
    (503, 15),
    (504, 5),
    (418, 1),
    (599, 1),
];

/// A shuffled stream of `n` codes drawn from the weights above, the same on every run.
pub fn stream(n: usize) -> Vec<u16> {
    let total: u32 = WEIGHTED.iter().map(|(_, w)| w).sum();
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..n)
        .map(|_| {
            // xorshift64*: a fixed, dependency-free shuffle.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let pick = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) as u32 % total;
            let mut acc = 0;
            WEIGHTED
                .iter()
                .find(|(_, w)| {
                    acc += w;
                    pick < acc
                })
                .map_or(200, |(c, _)| *c)
        })
        .collect()
}

/// Length of [`zipf_stream`] in the benches: 2 Mi codes (4 MiB), more than the caches hold,
/// so the stream is read from memory as a long-running service's would be.
pub const ZIPF_LEN: usize = 1 << 21;

/// A long stream of `n` codes with Zipf-like frequencies (the `k`-th most common code is
/// drawn `1/k` as often as the first) over every registered code plus a few no registry
/// knows, ranked by the weights above first; the same on every run.
pub fn zipf_stream(n: usize) -> Vec<u16> {
    let mut ranked: Vec<u16> = Vec::new();
    let mut by_weight = WEIGHTED.to_vec();
    by_weight.sort_by_key(|&(code, w)| (std::cmp::Reverse(w), code));
    ranked.extend(by_weight.iter().map(|&(code, _)| code));
    for status in Standard::ALL {
        let code = u16::from(*status);
        if !ranked.contains(&code) {
            ranked.push(code);
        }
    }
    ranked.extend([299, 460, 520, 999]);
    let mut cumulative = Vec::with_capacity(ranked.len());
    let mut total = 0.0_f64;
    for k in 1..=ranked.len() {
        total += 1.0 / k as f64;
        cumulative.push(total);
    }
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    (0..n)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let unit =
                (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
            let i = cumulative.partition_point(|&c| c <= unit * total);
            ranked[i.min(ranked.len() - 1)]
        })
        .collect()
}
