//! A client that retries as the spec advises: it maps each response into the service's
//! generated enum and lets that enum's `retry()` advice decide, with backon doing the
//! retrying: wait as `Retry-After` says, back off on `backoff`, stop on `modify`.
//!
//! The "service" is a local axum server on 127.0.0.1 that answers 429 with `Retry-After: 1`,
//! then 503, then 200. The back-off schedule here is in milliseconds so the example ends in
//! about a second; Safe Browsing's documented one (`Backoff::safe_browsing()`) starts at 15
//! minutes.
//!
//! Run: `cargo run -p examples --features client --example retry_client`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::routing::get;
use backon::Retryable;
use status_core::backoff::{Backoff, NoJitter, RetryAfter};
use status_core::{Retry, StatusSet, status_set};

status_set! {
    /// Safe Browsing: every unsuccessful answer means back-off mode.
    pub enum SafeBrowsing = service "safe_browsing";
    /// The base registry's advice: 400 is `modify`.
    pub enum Api = [200, 400, 429, 503];
}

/// Why an attempt failed.
#[derive(Debug)]
enum Failure<S> {
    /// The server answered, with a status that is not a success.
    Status {
        status: S,
        retry_after: Option<Duration>,
    },
    /// No answer at all.
    Transport(reqwest::Error),
}

impl<S: StatusSet> Failure<S> {
    /// The wait before the next attempt, or `None` to stop: the spec's advice decides,
    /// given `Retry-After` and the schedule's next step.
    fn wait(&self, next_backoff: Option<Duration>) -> Option<Duration> {
        match self {
            Failure::Status {
                status,
                retry_after,
            } => status.retry().delay(*retry_after, next_backoff),
            Failure::Transport(_) => Retry::Backoff.delay(None, next_backoff),
        }
    }
}

impl<S: StatusSet + std::fmt::Display> std::fmt::Display for Failure<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Status {
                status,
                retry_after,
            } => {
                write!(f, "{status} (advice: {}", status.retry())?;
                match retry_after {
                    Some(after) => write!(f, ", Retry-After: {after:?})"),
                    None => f.write_str(")"),
                }
            }
            Failure::Transport(error) => write!(f, "no answer: {error}"),
        }
    }
}

/// One attempt: the response's status as the service's enum, and its `Retry-After`.
async fn attempt<S>(client: &reqwest::Client, url: &str) -> Result<String, Failure<S>>
where
    S: StatusSet + From<reqwest::StatusCode>,
{
    let response = client.get(url).send().await.map_err(Failure::Transport)?;
    let status = S::from(response.status());
    if !status.is_success() {
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| RetryAfter::parse(value).ok())
            .map(|after| after.delay(SystemTime::now()));
        return Err(Failure::Status {
            status,
            retry_after,
        });
    }
    response.text().await.map_err(Failure::Transport)
}

/// Fetches `url`, retrying as `S`'s advice says, on `schedule`.
async fn fetch<S>(url: &str, schedule: Backoff<NoJitter>) -> Result<String, Failure<S>>
where
    S: StatusSet + From<reqwest::StatusCode> + std::fmt::Display + Send,
{
    let client = reqwest::Client::new();
    (|| attempt::<S>(&client, url))
        .retry(schedule)
        .sleep(tokio::time::sleep)
        .adjust(|failure, next| failure.wait(next))
        .notify(|failure, wait| println!("  {failure}: waiting {wait:?}"))
        .await
}

/// What the local server answers, in order: a code and an optional `Retry-After`.
type Script = &'static [(u16, Option<&'static str>)];

/// The local stand-in for the service: answers `script` in order, then its last entry.
async fn serve(script: Script) -> std::io::Result<String> {
    async fn answer(
        State((script, calls)): State<(Script, Arc<AtomicUsize>)>,
    ) -> (StatusCode, HeaderMap) {
        let call = calls.fetch_add(1, Ordering::SeqCst);
        let (code, retry_after) = script
            .get(call)
            .or(script.last())
            .copied()
            .unwrap_or((500, None));
        let mut headers = HeaderMap::new();
        if let Some(value) = retry_after {
            let _ = headers.insert(RETRY_AFTER, HeaderValue::from_static(value));
        }
        (
            StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            headers,
        )
    }
    let router = Router::new()
        .route("/lookup", get(answer))
        .with_state((script, Arc::new(AtomicUsize::new(0))));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/lookup", listener.local_addr()?);
    let _server = tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(url)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    // 50 ms, 100 ms, 200 ms, ... at most 1 s, at most 5 retries; no jitter, so the output
    // is the same every run (leave the default `RandomJitter` in real clients).
    let schedule = || {
        Backoff::exponential(Duration::from_millis(50), Duration::from_secs(1))
            .max_retries(5)
            .jitter(NoJitter)
    };

    println!("safe_browsing: 429 with Retry-After: 1, then 503, then 200");
    let url = serve(&[(429, Some("1")), (503, None), (200, None)]).await?;
    match fetch::<SafeBrowsing>(&url, schedule()).await {
        Ok(_) => println!("  200 OK: done"),
        Err(failure) => println!("  gave up: {failure}"),
    }

    println!("api: 400, which no retry can fix");
    let url = serve(&[(400, None), (200, None)]).await?;
    match fetch::<Api>(&url, schedule()).await {
        Ok(_) => println!("  200 OK: done"),
        Err(failure) => println!("  gave up: {failure}"),
    }

    let plan: Vec<_> = Backoff::safe_browsing().jitter(NoJitter).take(8).collect();
    println!("Safe Browsing's documented back-off, before jitter (x1 to x2): {plan:?}");
    Ok(())
}
