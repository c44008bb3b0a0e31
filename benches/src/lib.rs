//! Shared inputs for the benches: generated sets and a realistic stream of codes.

use status_core::{StatusCodes, status_set};

status_set! {
    /// Every registered code.
    pub enum Standard = all;
    /// Safe Browsing's documented codes.
    pub enum SafeBrowsing = service "safe_browsing";
}

/// The same service's codes as a user's derived error enum, for comparing the derive's
/// row lookup with the set's tables.
#[derive(Debug, Clone, Copy, StatusCodes)]
#[status(service = "safe_browsing")]
pub enum SafeBrowsingError {
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
