//! Feature `retry`: a real reqwest client, retried by backon as the service's advice says,
//! against a scripted axum server on 127.0.0.1. Waits are short (`Retry-After: 1`, a
//! back-off schedule in milliseconds without jitter) and every run is bounded in attempts
//! (the schedule's limit) and time (`bounded`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::routing::get;
use backon::Retryable;
use status_core::backoff::{Backoff, NoJitter, RetryAfter};
use status_core::{HttpStatus, Retry, StatusSet, status_set};
use status_ecosystem_tests::{Server, bounded};

status_set! {
    /// Safe Browsing: every unsuccessful answer means back-off mode.
    pub enum SafeBrowsing = service "safe_browsing";
    /// The base registry's advice: 429 and 503 say `retry-after`, 400 `modify`, 401
    /// `reauthenticate`.
    pub enum Api = [200, 400, 401, 429, 500, 503];
}

// ---- the server: answers from a script, records when each request came --------------------

#[derive(Debug, Default)]
struct Script {
    answers: Mutex<VecDeque<(u16, Option<&'static str>)>>,
    hits: Mutex<Vec<Instant>>,
}

impl Script {
    /// Answers in order; the last one repeats once the others are used up.
    fn new(answers: &[(u16, Option<&'static str>)]) -> Arc<Self> {
        Arc::new(Script {
            answers: Mutex::new(answers.iter().copied().collect()),
            ..Script::default()
        })
    }

    fn next(&self) -> (u16, Option<&'static str>) {
        let mut answers = self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        match answers.len() {
            0 => (500, None),
            1 => answers[0],
            _ => answers.pop_front().unwrap_or((500, None)),
        }
    }

    /// The gaps between consecutive requests.
    fn gaps(&self) -> Vec<Duration> {
        let hits = self.hits.lock().unwrap_or_else(PoisonError::into_inner);
        hits.windows(2).map(|w| w[1] - w[0]).collect()
    }

    fn count(&self) -> usize {
        self.hits
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

async fn scripted(State(script): State<Arc<Script>>) -> (StatusCode, HeaderMap, &'static str) {
    script
        .hits
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Instant::now());
    let (code, retry_after) = script.next();
    let mut headers = HeaderMap::new();
    if let Some(value) = retry_after {
        let _ = headers.insert(RETRY_AFTER, HeaderValue::from_static(value));
    }
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        headers,
        if code == 200 { "the answer" } else { "not now" },
    )
}

async fn serve(script: &Arc<Script>) -> Server {
    let router = Router::new()
        .route("/lookup", get(scripted))
        .with_state(Arc::clone(script));
    Server::start(router).await.expect("bind 127.0.0.1:0")
}

// ---- the client: one attempt maps the response into the service's enum ---------------------

/// Why an attempt failed.
#[derive(Debug)]
enum Failure<S> {
    /// The server answered with a status that is not a success.
    Status {
        status: S,
        retry_after: Option<Duration>,
    },
    /// No answer.
    Transport(reqwest::Error),
}

impl<S: StatusSet> Failure<S> {
    /// The wait before the next attempt, or `None` to stop: the spec's advice decides.
    fn wait(&self, next_backoff: Option<Duration>) -> Option<Duration> {
        match self {
            Failure::Status {
                status,
                retry_after,
            } => status.retry().delay(*retry_after, next_backoff),
            Failure::Transport(_) => Retry::Backoff.delay(None, next_backoff),
        }
    }

    fn code(&self) -> Option<u16> {
        match self {
            Failure::Status { status, .. } => Some(status.code()),
            Failure::Transport(_) => None,
        }
    }
}

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

/// What a run did: its result and each wait backon slept, with the code that caused it.
struct Run<S> {
    result: Result<String, Failure<S>>,
    waits: Vec<(Option<u16>, Duration)>,
}

async fn fetch<S>(url: &str, schedule: Backoff<NoJitter>) -> Run<S>
where
    S: StatusSet + From<reqwest::StatusCode> + Send,
{
    let client = reqwest::Client::new();
    let mut waits = Vec::new();
    let result = (|| attempt::<S>(&client, url))
        .retry(schedule)
        .sleep(tokio::time::sleep)
        .adjust(|failure, next| failure.wait(next))
        .notify(|failure, wait| waits.push((failure.code(), wait)))
        .await;
    Run { result, waits }
}

/// 50 ms, 100 ms, 200 ms, ... at most 5 retries.
fn schedule() -> Backoff<NoJitter> {
    Backoff::exponential(Duration::from_millis(50), Duration::from_secs(1))
        .max_retries(5)
        .jitter(NoJitter)
}

const fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

/// Each gap is at least the wait, and not much more (the machine may be busy).
fn assert_gaps(gaps: &[Duration], waits: &[Duration]) {
    assert_eq!(gaps.len(), waits.len(), "{gaps:?} vs {waits:?}");
    for (gap, wait) in gaps.iter().zip(waits) {
        assert!(
            gap >= wait && *gap < *wait + Duration::from_secs(3),
            "waited {gap:?}, expected {wait:?}"
        );
    }
}

// ---- the tests -------------------------------------------------------------------------------

#[tokio::test]
async fn honours_retry_after_then_backs_off_then_succeeds() {
    bounded(async {
        let script = Script::new(&[(429, Some("1")), (503, None), (200, None)]);
        let server = serve(&script).await;
        let run = fetch::<SafeBrowsing>(&server.url("/lookup"), schedule()).await;

        assert_eq!(run.result.ok().as_deref(), Some("the answer"));
        assert_eq!(script.count(), 3, "429, 503, 200");
        // 429 is `backoff` for Safe Browsing, and its `Retry-After: 1` is a floor over the
        // schedule's first 50 ms; 503 backs off with the schedule's second step.
        assert_eq!(run.waits, [(Some(429), ms(1000)), (Some(503), ms(100))]);
        assert_gaps(&script.gaps(), &[ms(1000), ms(100)]);
    })
    .await;
}

#[tokio::test]
async fn retry_after_advice_waits_as_told_or_falls_back_to_the_schedule() {
    bounded(async {
        let script = Script::new(&[(429, Some("1")), (503, None), (200, None)]);
        let server = serve(&script).await;
        let run = fetch::<Api>(&server.url("/lookup"), schedule()).await;

        assert_eq!(run.result.ok().as_deref(), Some("the answer"));
        assert_eq!(Api::TooManyRequests.retry(), Retry::RetryAfter);
        // 429: exactly the header; 503 without a header: the schedule's second step.
        assert_eq!(run.waits, [(Some(429), ms(1000)), (Some(503), ms(100))]);
        assert_gaps(&script.gaps(), &[ms(1000), ms(100)]);
    })
    .await;
}

#[tokio::test]
async fn stops_on_modify_and_reauthenticate() {
    bounded(async {
        for (code, advice) in [(400, Retry::Modify), (401, Retry::Reauthenticate)] {
            let script = Script::new(&[(code, Some("1")), (200, None)]);
            let server = serve(&script).await;
            let run = fetch::<Api>(&server.url("/lookup"), schedule()).await;

            let Err(Failure::Status { status, .. }) = run.result else {
                panic!("{code} must not be retried");
            };
            assert_eq!((status.code(), status.retry()), (code, advice));
            assert_eq!(script.count(), 1, "{code}: one attempt, no retry");
            assert!(run.waits.is_empty());
        }
    })
    .await;
}

#[tokio::test]
async fn gives_up_when_the_schedule_runs_out() {
    bounded(async {
        let script = Script::new(&[(503, None)]);
        let server = serve(&script).await;
        let short = Backoff::exponential(ms(5), ms(20))
            .max_retries(3)
            .jitter(NoJitter);
        let run = fetch::<SafeBrowsing>(&server.url("/lookup"), short).await;

        assert!(matches!(
            run.result,
            Err(Failure::Status {
                status: SafeBrowsing::ServiceUnavailable,
                ..
            })
        ));
        assert_eq!(script.count(), 4, "the first attempt and 3 retries");
        assert_eq!(
            run.waits,
            [(Some(503), ms(5)), (Some(503), ms(10)), (Some(503), ms(20))]
        );
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
        let url = format!(
            "http://{}/lookup",
            listener.local_addr().expect("an address")
        );
        let hang_up = tokio::spawn(async move {
            for _ in 0..100 {
                let Ok((socket, _)) = listener.accept().await else {
                    break;
                };
                drop(socket);
            }
        });
        let short = Backoff::exponential(ms(5), ms(20))
            .max_retries(2)
            .jitter(NoJitter);
        let run = fetch::<SafeBrowsing>(&url, short).await;
        hang_up.abort();

        let Err(Failure::Transport(error)) = run.result else {
            panic!("no HTTP answer: a transport error");
        };
        assert!(error.status().is_none(), "{error}");
        assert_eq!(
            run.waits,
            [(None, ms(5)), (None, ms(10))],
            "transport errors back off"
        );
    })
    .await;
}
