//! A scripted axum server for the retry tests: it answers a fixed sequence of statuses
//! (with `Retry-After` as delay-seconds or as an HTTP-date computed when it answers) and
//! records when each request came and what body it carried.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header::RETRY_AFTER};
use axum::routing::any;
use tokio::time::Instant;

use crate::Server;

/// One answer of the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// This status, no `Retry-After`.
    Status(u16),
    /// This status with `Retry-After: SECONDS`.
    After(u16, u32),
    /// This status with `Retry-After` as the HTTP-date this many seconds from the answer.
    AfterDate(u16, u64),
}

impl Answer {
    /// The status and the `Retry-After` value, if any, as of now.
    #[must_use]
    pub fn render(self) -> (u16, Option<String>) {
        match self {
            Answer::Status(code) => (code, None),
            Answer::After(code, secs) => (code, Some(secs.to_string())),
            Answer::AfterDate(code, secs) => {
                let date = SystemTime::now() + Duration::from_secs(secs);
                (code, Some(httpdate::fmt_http_date(date)))
            }
        }
    }
}

/// The script and what the server saw.
#[derive(Debug, Default)]
pub struct Script {
    answers: Mutex<VecDeque<Answer>>,
    seen: Mutex<Vec<(Instant, String)>>,
}

impl Script {
    /// Answers in order; the last one repeats once the others are used up.
    #[must_use]
    pub fn new(answers: &[Answer]) -> Arc<Self> {
        Arc::new(Script {
            answers: Mutex::new(answers.iter().copied().collect()),
            ..Script::default()
        })
    }

    /// The next answer, recording the request's arrival and body.
    pub fn answer(&self, body: String) -> Answer {
        lock(&self.seen).push((Instant::now(), body));
        let mut answers = lock(&self.answers);
        match answers.len() {
            0 => Answer::Status(500),
            1 => answers[0],
            _ => answers.pop_front().unwrap_or(Answer::Status(500)),
        }
    }

    /// How many requests came.
    #[must_use]
    pub fn count(&self) -> usize {
        lock(&self.seen).len()
    }

    /// The gaps between consecutive requests.
    #[must_use]
    pub fn gaps(&self) -> Vec<Duration> {
        let seen = lock(&self.seen);
        seen.windows(2).map(|w| w[1].0 - w[0].0).collect()
    }

    /// The body of every request, in order.
    #[must_use]
    pub fn bodies(&self) -> Vec<String> {
        lock(&self.seen).iter().map(|(_, b)| b.clone()).collect()
    }

    /// Serves the script on 127.0.0.1 at every path and method.
    ///
    /// # Panics
    /// When no loopback port can be bound: the test cannot run.
    #[allow(clippy::panic, reason = "a test helper: no port, no test")]
    pub async fn serve(self: &Arc<Self>) -> Server {
        let router = Router::new()
            .route("/{*path}", any(answer))
            .with_state(Arc::clone(self));
        match Server::start(router).await {
            Ok(server) => server,
            Err(e) => panic!("bind 127.0.0.1:0: {e}"),
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn answer(
    State(script): State<Arc<Script>>,
    body: String,
) -> (StatusCode, HeaderMap, String) {
    let (code, retry_after) = script.answer(body).render();
    let mut headers = HeaderMap::new();
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
        let _ = headers.insert(RETRY_AFTER, value);
    }
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, headers, format!("answer {code}"))
}
