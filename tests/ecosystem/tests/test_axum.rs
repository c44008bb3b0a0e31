//! Feature `axum`: error enums returned from handlers of a real axum server on 127.0.0.1,
//! read back by a real HTTP client. Bodies are RFC 9457 problem details.

use std::fmt;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use serde_json::{Value, json};
use status_core::axum::RetryAfterHint;
use status_core::{HttpStatus, Retry, StatusClass, StatusCodes};
use status_ecosystem_tests::{Server, bounded};

/// Errors of a Safe Browsing proxy, with a hand-written `Display` for `detail`.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing", display = false)]
pub enum ApiError {
    /// A bad argument.
    #[status(400)]
    InvalidArgument {
        /// The argument at fault.
        field: String,
    },
    /// Out of quota until the window resets.
    ResourceExhausted {
        /// When the quota resets.
        reset_in: Duration,
    },
    /// Down for the moment.
    ServiceUnavailable,
    /// Any other code.
    #[status(other)]
    Unexpected(u16),
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::InvalidArgument { field } => write!(f, "argument \"{field}\" is not a URL ✗"),
            ApiError::ResourceExhausted { .. } => {
                f.write_str("quota of 100 requests a minute used up")
            }
            ApiError::ServiceUnavailable => f.write_str("down for maintenance"),
            ApiError::Unexpected(code) => write!(f, "upstream answered {code}"),
        }
    }
}

impl RetryAfterHint for ApiError {
    fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::ResourceExhausted { reset_in } => Some(*reset_in),
            _ => None,
        }
    }
}

/// A derived enum with the derive's own `Display` and no `RetryAfterHint`.
#[derive(Debug, StatusCodes)]
pub enum Plain {
    /// Gone.
    #[status(404)]
    NotFound,
}

/// A derived enum with no `Display` at all: `detail` falls back to the code's description.
#[derive(Debug, StatusCodes)]
#[status(display = false)]
pub enum Silent {
    /// Teapot.
    #[status(418)]
    Teapot,
}

/// A hand-written generic error, given the hook by hand as the derive passes it:
/// `[IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`.
#[derive(Debug)]
pub enum Upstream<E> {
    /// The upstream's own status.
    Failed(E),
}

impl<E: HttpStatus> HttpStatus for Upstream<E> {
    fn code(&self) -> u16 {
        let Upstream::Failed(e) = self;
        e.code()
    }
    fn reason(&self) -> &'static str {
        let Upstream::Failed(e) = self;
        e.reason()
    }
    fn description(&self) -> &'static str {
        "The upstream failed."
    }
    fn class(&self) -> StatusClass {
        let Upstream::Failed(e) = self;
        e.class()
    }
    fn retry(&self) -> Retry {
        Retry::Backoff
    }
}

impl<E: fmt::Display> fmt::Display for Upstream<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Upstream::Failed(e) = self;
        write!(f, "upstream: {e}")
    }
}

status_core::__private::derive_hooks! { [<E>] [Upstream<E>] [where E: HttpStatus + fmt::Display] }

fn router() -> Router {
    Router::new()
        .route("/ok", get(|| async { Ok::<_, ApiError>("fine") }))
        .route(
            "/invalid",
            get(|| async {
                Err::<(), _>(ApiError::InvalidArgument {
                    field: "url".into(),
                })
            }),
        )
        .route(
            "/exhausted",
            get(|| async {
                Err::<(), _>(ApiError::ResourceExhausted {
                    reset_in: Duration::from_millis(1500),
                })
            }),
        )
        .route(
            "/unavailable",
            get(|| async { Err::<(), _>(ApiError::ServiceUnavailable) }),
        )
        .route(
            "/teapot-upstream",
            get(|| async { Err::<(), _>(ApiError::Unexpected(418)) }),
        )
        .route(
            "/odd-upstream",
            get(|| async { Err::<(), _>(ApiError::Unexpected(42)) }),
        )
        .route("/plain", get(|| async { Err::<(), _>(Plain::NotFound) }))
        .route("/silent", get(|| async { Err::<(), _>(Silent::Teapot) }))
        .route(
            "/generic",
            get(|| async { Err::<(), _>(Upstream::Failed(Plain::NotFound)) }),
        )
}

/// What the client saw: status, `Content-Type`, `Retry-After` and the body as JSON.
#[derive(Debug)]
struct Seen {
    status: u16,
    content_type: Option<String>,
    retry_after: Option<String>,
    body: Value,
}

async fn get_from(client: &reqwest::Client, server: &Server, path: &str) -> Seen {
    let response = client
        .get(server.url(path))
        .send()
        .await
        .expect("the server answers");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_owned())
    };
    let (content_type, retry_after) = (header("content-type"), header("retry-after"));
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Seen {
        status,
        content_type,
        retry_after,
        body,
    }
}

#[tokio::test]
async fn handlers_answer_with_problem_details() {
    bounded(async {
        let server = Server::start(router()).await.expect("bind 127.0.0.1:0");
        let client = reqwest::Client::new();

        let ok = get_from(&client, &server, "/ok").await;
        assert_eq!((ok.status, ok.body), (200, Value::String("fine".into())));

        let invalid = get_from(&client, &server, "/invalid").await;
        assert_eq!(invalid.status, 400);
        assert_eq!(invalid.content_type.as_deref(), Some("application/problem+json"));
        assert_eq!(invalid.retry_after, None);
        assert_eq!(
            invalid.body,
            json!({"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "argument \"url\" is not a URL ✗"})
        );

        let exhausted = get_from(&client, &server, "/exhausted").await;
        assert_eq!(exhausted.status, 429);
        assert_eq!(exhausted.retry_after.as_deref(), Some("2"), "1.5 s rounded up");
        assert_eq!(
            exhausted.body,
            json!({"type": "about:blank", "title": "Resource Exhausted", "status": 429, "detail": "quota of 100 requests a minute used up"})
        );

        let unavailable = get_from(&client, &server, "/unavailable").await;
        assert_eq!((unavailable.status, unavailable.retry_after), (503, None));
        assert_eq!(unavailable.body["title"], "Service Unavailable");
        assert_eq!(
            unavailable.body["detail"],
            ApiError::ServiceUnavailable.description(),
            "a 5xx is masked: the spec's description, not \"down for maintenance\""
        );
    })
    .await;
}

#[tokio::test]
async fn other_variants_answer_with_their_code_or_500() {
    bounded(async {
        let server = Server::start(router()).await.expect("bind 127.0.0.1:0");
        let client = reqwest::Client::new();

        let teapot = get_from(&client, &server, "/teapot-upstream").await;
        assert_eq!(teapot.status, 418);
        assert_eq!(teapot.body["title"], "I'm a Teapot", "the base registry's phrase");
        assert_eq!(teapot.body["detail"], "upstream answered 418");

        // 42 is no HTTP status: the answer is a 500, and body and status agree.
        let odd = get_from(&client, &server, "/odd-upstream").await;
        assert_eq!(odd.status, 500);
        assert_eq!(
            odd.body,
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500, "detail": "upstream answered 42"})
        );
    })
    .await;
}

#[tokio::test]
async fn display_and_retry_after_hint_are_optional() {
    bounded(async {
        let server = Server::start(router()).await.expect("bind 127.0.0.1:0");
        let client = reqwest::Client::new();

        let plain = get_from(&client, &server, "/plain").await;
        assert_eq!((plain.status, plain.retry_after), (404, None));
        assert_eq!(
            plain.body["detail"], "404 Not Found",
            "the derive's Display"
        );

        let silent = get_from(&client, &server, "/silent").await;
        assert_eq!(silent.status, 418);
        assert_eq!(
            silent.body["detail"],
            Silent::Teapot.description(),
            "no Display: the description"
        );

        let generic = get_from(&client, &server, "/generic").await;
        assert_eq!(generic.status, 404);
        assert_eq!(
            generic.content_type.as_deref(),
            Some("application/problem+json")
        );
        assert_eq!(generic.body["detail"], "upstream: 404 Not Found");
    })
    .await;
}

/// An enum with its own `IntoResponse` opts out of the feature's impl; without
/// `into_response = false` the two impls would conflict and this file would not compile.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing", into_response = false)]
pub enum OwnResponse {
    /// Out of quota.
    ResourceExhausted,
}

impl axum::response::IntoResponse for OwnResponse {
    fn into_response(self) -> axum::response::Response {
        let status = axum::http::StatusCode::from_u16(self.code())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        (status, "slow down, please").into_response()
    }
}

#[tokio::test]
async fn an_enum_can_keep_its_own_into_response() {
    bounded(async {
        let router = Router::new().route(
            "/own",
            get(|| async { Err::<(), _>(OwnResponse::ResourceExhausted) }),
        );
        let server = Server::start(router).await.expect("bind 127.0.0.1:0");
        let seen = get_from(&reqwest::Client::new(), &server, "/own").await;
        assert_eq!(
            (seen.status, seen.body),
            (429, Value::String("slow down, please".into()))
        );
        assert_eq!(
            seen.content_type.as_deref(),
            Some("text/plain; charset=utf-8")
        );
    })
    .await;
}
