//! Feature `tower`: tower's own `Retry` middleware driven by `RetryPolicy<S>`.
//!
//! Most tests wrap tower's `service_fn` answering from a script, under tokio's paused clock:
//! the waits (Safe Browsing's are 15 minutes and up) pass in virtual time, so they are
//! asserted exactly, or within the bounds the spec's jitter allows. The last test puts a real
//! axum server on 127.0.0.1 behind the same layer, on the real clock.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http::{Request, Response};
use status_core::backoff::{Backoff, JitterMode};
use status_core::status_set;
use status_core::tower::RetryPolicy;
use status_ecosystem_tests::bounded;
use status_ecosystem_tests::script::{Answer, Script};
use tower::{ServiceBuilder, ServiceExt, service_fn};

status_set! {
    /// Safe Browsing: `backoff` on every answer but 200, its document's schedule.
    pub enum SafeBrowsing = service "safe_browsing";
    /// The base registry's advice: 429 and 503 `retry-after`, 500 `backoff`, 400 `modify`,
    /// 401 `reauthenticate`, 200 and 304 `never`.
    pub enum Api = [200, 304, 400, 401, 429, 500, 503];
}

const fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

const fn secs(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

/// 100 ms, 200 ms, 400 ms, ... no jitter: exact waits.
fn plain() -> Backoff {
    Backoff::exponential(ms(100), secs(10)).jitter_mode(JitterMode::None)
}

/// Sends one request with body `body` through tower's `Retry` with `policy`, to a
/// `service_fn` answering from `script`; returns the final status.
async fn call<S>(policy: RetryPolicy<S>, script: &Arc<Script>, body: &str) -> Result<u16, String>
where
    S: From<u16> + status_core::HttpStatus + Send + 'static,
{
    let script = Arc::clone(script);
    let inner = service_fn(move |request: Request<String>| {
        let script = Arc::clone(&script);
        async move {
            let (code, retry_after) = script.answer(request.into_body()).render();
            let mut response = Response::builder().status(code);
            if let Some(value) = retry_after {
                response = response.header(http::header::RETRY_AFTER, value);
            }
            response.body(String::new()).map_err(|e| e.to_string())
        }
    });
    let service = ServiceBuilder::new().retry(policy).service(inner);
    let request = Request::post("/lookup")
        .body(body.to_owned())
        .map_err(|e| e.to_string())?;
    let response = service.oneshot(request).await?;
    Ok(response.status().as_u16())
}

#[tokio::test(start_paused = true)]
async fn a_scripted_sequence_waits_as_each_answer_says() {
    let script = Script::new(&[
        Answer::After(503, 2),
        Answer::Status(500),
        Answer::AfterDate(429, 3),
        Answer::Status(200),
    ]);
    let status = call(RetryPolicy::<Api>::with_schedule(plain()), &script, "{}").await;

    assert_eq!(status, Ok(200));
    assert_eq!(script.count(), 4, "503, 500, 429, 200");
    let gaps = script.gaps();
    // 503 `retry-after` with delay-seconds: exactly 2 s; 500 `backoff`: the schedule's
    // second step; 429 with an HTTP-date 3 s ahead (whole seconds): 2 to 3 s.
    assert_eq!(gaps[..2], [secs(2), ms(200)]);
    assert!(gaps[2] > secs(1) && gaps[2] <= secs(3), "{:?}", gaps[2]);
}

#[tokio::test(start_paused = true)]
async fn safe_browsing_backs_off_on_its_documented_schedule() {
    // 201 is not 200: back-off mode too. Retry-After is only a floor under 15 minutes.
    let script = Script::new(&[
        Answer::After(503, 1),
        Answer::Status(201),
        Answer::Status(200),
    ]);
    let status = call(RetryPolicy::<SafeBrowsing>::new(), &script, "{}").await;

    assert_eq!(status, Ok(200));
    assert_eq!(script.count(), 3);
    let gaps = script.gaps();
    let minutes = |m: u64| secs(m * 60);
    // MIN(2^(N-1) x 15 min x (RAND + 1), 24 h): 15 to 30 min, then 30 to 60 min.
    assert!(gaps[0] >= minutes(15) && gaps[0] < minutes(30), "{gaps:?}");
    assert!(gaps[1] >= minutes(30) && gaps[1] < minutes(60), "{gaps:?}");
}

#[tokio::test(start_paused = true)]
async fn a_wait_beyond_max_wait_returns_the_answer() {
    let script = Script::new(&[Answer::After(503, 3600), Answer::Status(200)]);
    let policy = RetryPolicy::<Api>::with_schedule(plain()).max_wait(secs(60));
    assert_eq!(call(policy, &script, "{}").await, Ok(503));
    assert_eq!(script.count(), 1, "an hour is beyond the cap: no retry");

    // Within the cap it waits.
    let script = Script::new(&[Answer::After(503, 30), Answer::Status(200)]);
    let policy = RetryPolicy::<Api>::with_schedule(plain()).max_wait(secs(60));
    assert_eq!(call(policy, &script, "{}").await, Ok(200));
    assert_eq!(script.gaps(), [secs(30)]);

    // Safe Browsing's first step is 15 minutes: beyond a 10-minute cap.
    let script = Script::new(&[Answer::Status(500), Answer::Status(200)]);
    let policy = RetryPolicy::<SafeBrowsing>::new().max_wait(secs(600));
    assert_eq!(call(policy, &script, "{}").await, Ok(500));
    assert_eq!(script.count(), 1);
}

#[tokio::test(start_paused = true)]
async fn no_repeat_on_modify_reauthenticate_or_never() {
    for code in [400, 401, 304, 200] {
        let script = Script::new(&[Answer::After(code, 1), Answer::Status(200)]);
        let status = call(RetryPolicy::<Api>::with_schedule(plain()), &script, "{}").await;
        assert_eq!(status, Ok(code));
        assert_eq!(script.count(), 1, "{code}: sent once");
    }
}

#[tokio::test(start_paused = true)]
async fn limits_end_the_run() {
    // The policy's limit.
    let script = Script::new(&[Answer::Status(500)]);
    let policy = RetryPolicy::<Api>::with_schedule(plain()).max_retries(2);
    assert_eq!(call(policy, &script, "{}").await, Ok(500));
    assert_eq!(script.count(), 3, "the first attempt and 2 retries");
    assert_eq!(script.gaps(), [ms(100), ms(200)]);

    // The schedule's: a set without a policy gets the standard one, 3 retries.
    let script = Script::new(&[Answer::Status(500)]);
    assert_eq!(
        call(RetryPolicy::<Api>::new(), &script, "{}").await,
        Ok(500)
    );
    assert_eq!(script.count(), 4);
    assert!(script.gaps().iter().all(|gap| *gap <= secs(2)));
}

#[tokio::test(start_paused = true)]
async fn bodies_are_resent_intact() {
    let script = Script::new(&[
        Answer::Status(500),
        Answer::After(503, 1),
        Answer::Status(200),
    ]);
    let body = r#"{"threatInfo":{"threatEntries":[{"url":"http://example.test/"}]}}"#;
    let status = call(RetryPolicy::<Api>::with_schedule(plain()), &script, body).await;
    assert_eq!(status, Ok(200));
    assert_eq!(script.bodies(), [body, body, body]);
}

#[tokio::test(start_paused = true)]
async fn errors_from_the_inner_service_back_off() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let inner = service_fn(move |_: Request<String>| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            match n {
                0 | 1 => Err("connection refused"),
                _ => Ok::<_, &str>(Response::new(String::new())),
            }
        }
    });
    let start = tokio::time::Instant::now();
    let service = ServiceBuilder::new()
        .retry(RetryPolicy::<Api>::with_schedule(plain()))
        .service(inner);
    let response = service
        .oneshot(Request::new(String::new()))
        .await
        .map(|r| r.status().as_u16());
    assert_eq!(response, Ok(200));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    assert_eq!(start.elapsed(), ms(300), "100 ms, then 200 ms");

    // Out of retries: the error comes back.
    let failing = service_fn(|_: Request<String>| async { Err::<Response<String>, _>("down") });
    let service = ServiceBuilder::new()
        .retry(RetryPolicy::<Api>::with_schedule(plain()).max_retries(1))
        .service(failing);
    let result = service.oneshot(Request::new(String::new())).await;
    assert_eq!(result.map(|r| r.status().as_u16()), Err("down"));
}

/// tower's retry around a real HTTP exchange: the inner service sends each attempt with
/// reqwest to an axum server on 127.0.0.1. Real clock, so one short `Retry-After`.
#[tokio::test]
async fn retries_a_real_server_on_loopback() {
    bounded(async {
        let script = Script::new(&[
            Answer::After(503, 1),
            Answer::Status(500),
            Answer::Status(200),
        ]);
        let server = script.serve().await;
        let url = server.url("/lookup");
        let client = reqwest::Client::new();
        let inner = service_fn(move |request: Request<String>| {
            let (client, url) = (client.clone(), url.clone());
            async move {
                let answer = client.post(&url).body(request.into_body()).send().await?;
                let (status, headers) = (answer.status(), answer.headers().clone());
                let mut response = Response::new(answer.text().await?);
                *response.status_mut() = status;
                *response.headers_mut() = headers;
                Ok::<_, reqwest::Error>(response)
            }
        });
        let tiny = Backoff::exponential(ms(5), ms(20)).jitter_mode(JitterMode::None);
        let service = ServiceBuilder::new()
            .retry(RetryPolicy::<Api>::with_schedule(tiny))
            .service(inner);
        let mut request = Request::new("same body".to_owned());
        *request.method_mut() = http::Method::POST;
        let status = service.oneshot(request).await.map(|r| r.status().as_u16());

        assert_eq!(status.ok(), Some(200));
        assert_eq!(script.count(), 3, "503, 500, 200");
        assert_eq!(script.bodies(), ["same body"; 3]);
        let gaps = script.gaps();
        assert!(
            gaps[0] >= secs(1),
            "Retry-After: 1 honoured, waited {:?}",
            gaps[0]
        );
        assert!(
            gaps[1] >= ms(10),
            "the schedule's second step, waited {:?}",
            gaps[1]
        );
        drop(server);
    })
    .await;
}

#[test]
fn the_policy_is_a_tower_policy_for_any_cloneable_body() {
    fn assert_policy<P: tower::retry::Policy<Request<B>, Response<()>, Infallible> + Clone, B>() {}
    assert_policy::<RetryPolicy<Api>, String>();
    assert_policy::<RetryPolicy<SafeBrowsing>, Vec<u8>>();
}
