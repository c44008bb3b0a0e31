//! Classifies a batch of responses with each shipped service's own enum.
//!
//! Every enum below is generated at compile time from `codes.toml`; the same code can carry
//! a different phrase or retry advice per service (Safe Browsing calls 429 "Resource
//! Exhausted" and backs off on every error, Huawei Cloud says not to retry 503 unchanged).
//!
//! Run: `cargo run -p examples --example classify`

use std::fmt::Display;

use status_core::{StatusSet, status_set};

status_set! {
    /// Safe Browsing API.
    pub enum SafeBrowsing = service "safe_browsing";
    /// Huawei Cloud APIs.
    pub enum HuaweiCloud = service "huawei_cloud";
    /// A generic web API.
    pub enum WebApi = service "web_api";
    /// A RESTful API design guide.
    pub enum RestfulApi = service "restful_api";
    /// A REST client's handling guide.
    pub enum RestClient = service "rest_client";
}

/// What a monitoring job saw in one minute of traffic.
const RESPONSES: [u16; 8] = [200, 401, 404, 429, 499, 503, 504, 306];

fn main() {
    report::<SafeBrowsing>("safe_browsing");
    report::<HuaweiCloud>("huawei_cloud");
    report::<WebApi>("web_api");
    report::<RestfulApi>("restful_api");
    report::<RestClient>("rest_client");
}

/// Prints one line per response as `S` understands it; `*` marks codes the service's
/// documentation does not list (they fall back to the base registry or the class).
fn report<S: StatusSet + Display>(service: &str) {
    println!("{service}");
    for code in RESPONSES {
        let status = S::from(code);
        let listed = if status.is_named() { ' ' } else { '*' };
        let (phrase, class) = (status.to_string(), status.class().to_string());
        println!(
            "  {listed} {phrase:<34} {class:<13} retry: {}",
            status.retry()
        );
    }
    println!();
}
