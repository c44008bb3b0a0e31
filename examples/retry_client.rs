//! A client that retries as the spec advises, with no retry loop of its own: reqwest
//! through reqwest-middleware, with status-core's `RetryMiddleware<S>` (feature `reqwest`).
//! It reads each answer as the service's generated enum and follows its advice: wait as
//! `Retry-After` says, back off on `backoff` by the service's schedule (`S::backoff()`,
//! from `codes.toml`), stop on `modify`, `reauthenticate` and `never`. tower users get the
//! same rules from `status_core::tower::RetryPolicy<S>`.
//!
//! The "service" is a local axum server on 127.0.0.1 that prints when each request comes.
//! Safe Browsing's documented schedule starts at 15 minutes, so the example caps waits
//! with `max_wait` and gives the other set a schedule in milliseconds: it ends in about a
//! second.
//!
//! Run: `cargo run -p examples --features client --example retry_client`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::routing::get;
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use status_core::backoff::{Backoff, JitterMode, NoJitter};
use status_core::reqwest::RetryMiddleware;
use status_core::{HttpStatus, status_set};

status_set! {
    /// Safe Browsing: every answer but 200 OK means back-off mode, on its own schedule.
    pub enum SafeBrowsing = service "safe_browsing";
    /// The base registry's advice: 429 and 503 `retry-after`, 400 `modify`.
    pub enum Api = [200, 400, 429, 503];
}

/// What the local server answers, in order: a code and an optional `Retry-After`.
type Script = &'static [(u16, Option<&'static str>)];

/// The local stand-in for the service: answers `script` in order, then its last entry,
/// printing when each request arrives.
async fn serve(script: Script) -> std::io::Result<String> {
    type Calls = (Script, Arc<AtomicUsize>, Instant);
    async fn answer(State((script, calls, start)): State<Calls>) -> (StatusCode, HeaderMap) {
        let call = calls.fetch_add(1, Ordering::SeqCst);
        let (code, retry_after) = script
            .get(call)
            .or(script.last())
            .copied()
            .unwrap_or((500, None));
        let after = retry_after.map_or(String::new(), |v| format!(" with Retry-After: {v}"));
        println!(
            "  at {:>4} ms: answering {code}{after}",
            start.elapsed().as_millis()
        );
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            let _ = headers.insert(RETRY_AFTER, HeaderValue::from_static(value));
        }
        (
            StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            headers,
        )
    }
    let calls = (script, Arc::new(AtomicUsize::new(0)), Instant::now());
    let router = Router::new()
        .route("/lookup", get(answer))
        .with_state(calls);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/lookup", listener.local_addr()?);
    let _server = tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(url)
}

/// A reqwest client whose every request retries as `S` advises.
fn client<S>(retry: RetryMiddleware<S>) -> ClientWithMiddleware
where
    S: From<u16> + HttpStatus + 'static,
{
    ClientBuilder::new(reqwest::Client::new())
        .with(retry)
        .build()
}

/// Sends one request and prints how it ended, as the set reads the final answer.
async fn fetch<S>(client: &ClientWithMiddleware, url: &str)
where
    S: From<u16> + HttpStatus + std::fmt::Display,
{
    match client.get(url).send().await {
        Ok(response) => {
            let status = S::from(response.status().as_u16());
            println!("  final answer: {status} (advice: {})", status.retry());
        }
        Err(error) => println!("  no answer: {error}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // 50 ms, 100 ms, 200 ms, ... at most 1 s; no jitter, so the output is the same every
    // run (real clients keep the set's own schedule: `RetryMiddleware::<Api>::new()`).
    let quick = Backoff::exponential(Duration::from_millis(50), Duration::from_secs(1))
        .jitter_mode(JitterMode::None);

    println!("api: 429 with Retry-After: 1, then 503 without it (back off), then 200");
    let url = serve(&[(429, Some("1")), (503, None), (200, None)]).await?;
    let api = client(RetryMiddleware::<Api>::with_schedule(quick).max_retries(5));
    fetch::<Api>(&api, &url).await;

    println!("api: 400, which no retry can fix");
    let url = serve(&[(400, None), (200, None)]).await?;
    fetch::<Api>(&api, &url).await;

    let plan: Vec<_> = SafeBrowsing::backoff().jitter(NoJitter).take(8).collect();
    println!("safe_browsing: its schedule from codes.toml, before jitter (x1 to x2): {plan:?}");
    println!("safe_browsing: 503, with waits capped at 5 s: the first 15 minutes is beyond it");
    let url = serve(&[(503, None), (200, None)]).await?;
    let capped = RetryMiddleware::<SafeBrowsing>::new().max_wait(Duration::from_secs(5));
    fetch::<SafeBrowsing>(&client(capped), &url).await;
    Ok(())
}
