//! Feature `reqwest`: real reqwest clients against a scripted axum server on 127.0.0.1,
//! retried by `RetryMiddleware<S>` (reqwest-middleware) and by reqwest-retry's own
//! middleware classifying with `RetryStrategy<S>`.
//!
//! The clock is real here (a client on a paused clock auto-advances while it waits on the
//! socket), so schedules are a few milliseconds, `Retry-After` is at most a couple of
//! seconds, and the waits are asserted as lower bounds only, never as upper ones.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use reqwest_retry::RetryTransientMiddleware;
use reqwest_retry::policies::ExponentialBackoff;
use status_core::backoff::{Backoff, JitterMode};
use status_core::reqwest::{RetryMiddleware, RetryStrategy};
use status_core::status_set;
use status_ecosystem_tests::bounded;
use status_ecosystem_tests::script::{Answer, Script};

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

/// 5 ms, 10 ms, 20 ms, ... no jitter.
fn tiny() -> Backoff {
    Backoff::exponential(ms(5), ms(20)).jitter_mode(JitterMode::None)
}

fn client<S>(middleware: RetryMiddleware<S>) -> ClientWithMiddleware
where
    S: From<u16> + status_core::HttpStatus + 'static,
{
    ClientBuilder::new(reqwest::Client::new())
        .with(middleware)
        .build()
}

/// POSTs `body` to the server; the final status and body, or the error's text.
async fn post(
    client: &ClientWithMiddleware,
    url: &str,
    body: &str,
) -> Result<(u16, String), String> {
    let response = client
        .post(url)
        .body(body.to_owned())
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    Ok((status, response.text().await.map_err(|e| e.to_string())?))
}

#[tokio::test]
async fn a_scripted_sequence_waits_as_each_answer_says() {
    bounded(async {
        let script = Script::new(&[
            Answer::After(503, 1),
            Answer::Status(500),
            Answer::AfterDate(429, 2),
            Answer::Status(200),
        ]);
        let server = script.serve().await;
        let client = client(RetryMiddleware::<Api>::with_schedule(tiny()));
        let result = post(&client, &server.url("/lookup"), "{}").await;

        assert_eq!(result, Ok((200, "answer 200".to_owned())));
        assert_eq!(script.count(), 4, "503, 500, 429, 200");
        let gaps = script.gaps();
        assert!(gaps[0] >= ms(1000), "Retry-After: 1, waited {:?}", gaps[0]);
        assert!(
            gaps[1] >= ms(10),
            "the schedule's second step, waited {:?}",
            gaps[1]
        );
        // An HTTP-date 2 s ahead, in whole seconds: more than 1 s from the answer.
        assert!(gaps[2] > ms(1000), "the HTTP-date, waited {:?}", gaps[2]);
    })
    .await;
}

#[tokio::test]
async fn no_repeat_on_modify_reauthenticate_or_never() {
    bounded(async {
        for code in [400, 401, 304] {
            let script = Script::new(&[Answer::After(code, 1), Answer::Status(200)]);
            let server = script.serve().await;
            let client = client(RetryMiddleware::<Api>::with_schedule(tiny()));
            let result = post(&client, &server.url("/x"), "{}").await;
            assert_eq!(result.map(|(status, _)| status), Ok(code));
            assert_eq!(script.count(), 1, "{code}: sent once");
        }
    })
    .await;
}

#[tokio::test]
async fn a_wait_beyond_max_wait_returns_the_answer() {
    bounded(async {
        let script = Script::new(&[Answer::After(503, 3600), Answer::Status(200)]);
        let server = script.serve().await;
        let capped =
            RetryMiddleware::<Api>::with_schedule(tiny()).max_wait(Duration::from_secs(60));
        let result = post(&client(capped), &server.url("/x"), "{}").await;
        assert_eq!(
            result,
            Ok((503, "answer 503".to_owned())),
            "the answer, not an error"
        );
        assert_eq!(script.count(), 1);

        // Safe Browsing's own schedule starts at 15 minutes: beyond a minute's patience.
        let script = Script::new(&[Answer::Status(500), Answer::Status(200)]);
        let server = script.serve().await;
        let capped = RetryMiddleware::<SafeBrowsing>::new().max_wait(Duration::from_secs(60));
        let result = post(&client(capped), &server.url("/x"), "{}").await;
        assert_eq!(result.map(|(status, _)| status), Ok(500));
        assert_eq!(script.count(), 1);
    })
    .await;
}

#[tokio::test]
async fn limits_end_the_run() {
    bounded(async {
        let script = Script::new(&[Answer::Status(500)]);
        let server = script.serve().await;
        let limited = RetryMiddleware::<Api>::with_schedule(tiny()).max_retries(2);
        let result = post(&client(limited), &server.url("/x"), "{}").await;
        assert_eq!(result.map(|(status, _)| status), Ok(500));
        assert_eq!(script.count(), 3, "the first attempt and 2 retries");
    })
    .await;
}

#[tokio::test]
async fn bodies_are_resent_intact() {
    bounded(async {
        let script = Script::new(&[
            Answer::Status(500),
            Answer::Status(500),
            Answer::Status(200),
        ]);
        let server = script.serve().await;
        let body = r#"{"threatInfo":{"threatEntries":[{"url":"http://example.test/"}]}}"#;
        let client = client(RetryMiddleware::<Api>::with_schedule(tiny()));
        let result = post(&client, &server.url("/x"), body).await;
        assert_eq!(result.map(|(status, _)| status), Ok(200));
        assert_eq!(script.bodies(), [body; 3]);
    })
    .await;
}

#[tokio::test]
async fn a_body_that_cannot_be_cloned_is_sent_once() {
    bounded(async {
        let script = Script::new(&[Answer::Status(503), Answer::Status(200)]);
        let server = script.serve().await;
        let client = client(RetryMiddleware::<Api>::with_schedule(tiny()));
        // A streaming body: reqwest cannot clone it, so there is no second attempt.
        let body = reqwest::Body::wrap(String::from("streamed once"));
        let response = client.post(server.url("/x")).body(body).send().await;
        assert_eq!(response.map(|r| r.status().as_u16()).ok(), Some(503));
        assert_eq!(script.bodies(), ["streamed once"], "delivered, once");
    })
    .await;
}

#[tokio::test]
async fn a_server_that_hangs_up_is_retried_with_back_off_then_reported() {
    bounded(async {
        // Accepts every connection and closes it at once: no HTTP answer ever comes.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}/x", listener.local_addr().expect("an address"));
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&accepted);
        let hang_up = tokio::spawn(async move {
            while counter.load(Ordering::SeqCst) < 100 {
                let Ok((socket, _)) = listener.accept().await else {
                    break;
                };
                drop(socket);
                let _ = counter.fetch_add(1, Ordering::SeqCst);
            }
        });
        let limited = RetryMiddleware::<Api>::with_schedule(tiny()).max_retries(2);
        let result = post(&client(limited), &url, "{}").await;
        hang_up.abort();
        assert!(
            result.is_err(),
            "no HTTP answer: the error comes back, {result:?}"
        );
        assert_eq!(
            accepted.load(Ordering::SeqCst),
            3,
            "the first attempt and 2 retries"
        );
    })
    .await;
}

/// reqwest-retry's middleware with its own timing, classifying by the spec.
fn transient_client<S>() -> ClientWithMiddleware
where
    S: From<u16> + status_core::HttpStatus + Send + Sync + 'static,
{
    let policy = ExponentialBackoff::builder()
        .retry_bounds(ms(1), ms(5))
        .build_with_max_retries(2);
    let retry =
        RetryTransientMiddleware::new_with_policy_and_strategy(policy, RetryStrategy::<S>::new());
    ClientBuilder::new(reqwest::Client::new())
        .with(retry)
        .build()
}

#[tokio::test]
async fn reqwest_retry_classifies_by_the_spec() {
    bounded(async {
        // (set, script, final status, attempts)
        let cases: [(&str, &[Answer], u16, usize); 5] = [
            ("api", &[Answer::Status(503), Answer::Status(200)], 200, 2),
            ("api", &[Answer::Status(400), Answer::Status(200)], 400, 1),
            ("api", &[Answer::Status(401), Answer::Status(200)], 401, 1),
            // Any answer but 200 puts Safe Browsing into back-off mode: 201 and 400 too.
            (
                "safe_browsing",
                &[Answer::Status(201), Answer::Status(200)],
                200,
                2,
            ),
            (
                "safe_browsing",
                &[Answer::Status(400), Answer::Status(200)],
                200,
                2,
            ),
        ];
        for (set, answers, expected, attempts) in cases {
            let script = Script::new(answers);
            let server = script.serve().await;
            let client = match set {
                "api" => transient_client::<Api>(),
                _ => transient_client::<SafeBrowsing>(),
            };
            let result = post(&client, &server.url("/x"), "{}").await;
            assert_eq!(
                result.map(|(status, _)| status),
                Ok(expected),
                "{set} {answers:?}"
            );
            assert_eq!(script.count(), attempts, "{set} {answers:?}");
        }
    })
    .await;
}
