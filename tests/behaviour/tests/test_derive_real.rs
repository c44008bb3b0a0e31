//! The derive on real API error types (issue 12): `transparent` variants and structs,
//! `default`, `other` on code-like fields, `www_authenticate` and `mask`, beside thiserror.

use status_core::{HttpStatus, Retry, StatusClass, StatusCodes, status_set};

status_set! {
    /// What an upstream may answer.
    pub enum Upstream = [404, 429, 502, 503];
}

/// The database layer's own error, with its own statuses.
#[derive(Debug, StatusCodes, thiserror::Error)]
#[status(display = false)]
pub enum DbError {
    /// The row is not there.
    #[error("no row for id {0}")]
    #[status(404)]
    Missing(u32),
    /// The pool is exhausted.
    #[error("pool of db01.internal:5432 exhausted")]
    #[status(503)]
    Busy,
}

/// A cause with no status of its own.
#[derive(Debug, thiserror::Error)]
#[error("connection reset by peer")]
pub struct Io;

/// The API's error, wrapping the database's with `#[from]` and a cause with `#[source]`.
#[derive(Debug, StatusCodes, thiserror::Error)]
#[status(
    display = false,
    default = 500,
    www_authenticate = "Bearer realm=\"api\""
)]
pub enum ApiError {
    /// Status and message from the database error.
    #[error(transparent)]
    #[status(transparent)]
    Db(#[from] DbError),
    /// Status from the upstream's set enum.
    #[error("upstream said {0}")]
    #[status(transparent)]
    Upstream(Upstream),
    /// No credentials.
    #[error("who are you?")]
    #[status(401)]
    Unauthorized,
    /// Wrong credentials; its own challenge wins.
    #[error("bad password")]
    #[status(401, www_authenticate = "Basic")]
    BadPassword,
    /// Matches no code: `default` gives it 500.
    #[error("io failed")]
    IoFailed(#[source] Io),
    /// A 502 whose text is safe to show.
    #[error("the upstream is down")]
    #[status(502, mask = false)]
    UpstreamDown,
    /// A 400 whose text is not.
    #[error("parser state 0x7f3a")]
    #[status(400, mask = true)]
    Garbled,
    /// Whatever the upstream code was.
    #[error("code {code}")]
    #[status(other)]
    Passthrough {
        /// The upstream's status, as a set value.
        code: Upstream,
    },
}

/// thiserror's `#[source]` (not `#[from]`) on a `transparent` variant's field, with a
/// message of its own.
#[derive(Debug, StatusCodes, thiserror::Error)]
#[status(display = false)]
pub enum Job {
    /// The database's status; the message says where.
    #[error("loading the job failed")]
    #[status(transparent)]
    Load(#[source] DbError),
}

#[test]
fn source_on_a_transparent_field() {
    let job = Job::Load(DbError::Missing(9));
    assert_eq!(
        (job.code(), job.to_string()),
        (404, "loading the job failed".to_owned())
    );
    let source = std::error::Error::source(&job).map(ToString::to_string);
    assert_eq!(source.as_deref(), Some("no row for id 9"));
}

/// One more level: an error that wraps `ApiError`.
#[derive(Debug, StatusCodes)]
pub enum Outer {
    /// All of `ApiError`.
    #[status(transparent)]
    Api {
        /// The inner error.
        inner: ApiError,
    },
    /// Its own.
    #[status(409)]
    Conflict,
}

#[test]
fn transparent_variants_take_everything_from_their_field() {
    let db = ApiError::from(DbError::Missing(7));
    assert_eq!(
        (db.code(), db.reason(), db.class()),
        (404, "Not Found", StatusClass::ClientError)
    );
    assert_eq!(db.description(), DbError::Missing(7).description());
    assert_eq!(db.retry(), DbError::Missing(7).retry());
    assert_eq!(
        db.to_string(),
        "no row for id 7",
        "thiserror's transparent Display"
    );

    let busy = ApiError::Db(DbError::Busy);
    assert_eq!((busy.code(), busy.retry()), (503, Retry::RetryAfter));
    assert!(busy.masked(), "the field's own masking: a 5xx");

    let upstream = ApiError::Upstream(Upstream::TooManyRequests);
    assert_eq!(
        (upstream.code(), upstream.reason()),
        (429, "Too Many Requests")
    );
    assert_eq!(upstream.retry(), Upstream::TooManyRequests.retry());
}

#[test]
fn two_levels_of_transparent() {
    let outer = Outer::Api {
        inner: ApiError::Db(DbError::Busy),
    };
    assert_eq!((outer.code(), outer.reason()), (503, "Service Unavailable"));
    assert_eq!(outer.to_string(), "pool of db01.internal:5432 exhausted");
    assert_eq!(Outer::Conflict.to_string(), "409 Conflict");
    let unauthorized = Outer::Api {
        inner: ApiError::Unauthorized,
    };
    assert_eq!(
        unauthorized.www_authenticate(),
        Some("Bearer realm=\"api\""),
        "the field's challenge, through two levels"
    );
    assert_eq!(Outer::Conflict.www_authenticate(), None);
}

#[test]
fn default_covers_names_that_match_nothing() {
    let io = ApiError::IoFailed(Io);
    assert_eq!((io.code(), io.reason()), (500, "Internal Server Error"));
    assert_eq!(
        std::error::Error::source(&io).map(ToString::to_string),
        Some("connection reset by peer".to_owned()),
        "thiserror's #[source] still works"
    );
}

#[test]
fn other_holds_a_set_value() {
    let passthrough = ApiError::Passthrough {
        code: Upstream::from(418),
    };
    assert_eq!(
        (passthrough.code(), passthrough.reason()),
        (418, "I'm a Teapot")
    );
    let named = ApiError::Passthrough {
        code: Upstream::BadGateway,
    };
    assert_eq!(named.code(), 502);
}

#[test]
fn challenges_enum_wide_or_per_variant() {
    assert_eq!(
        ApiError::Unauthorized.www_authenticate(),
        Some("Bearer realm=\"api\"")
    );
    assert_eq!(ApiError::BadPassword.www_authenticate(), Some("Basic"));
    assert_eq!(
        ApiError::Db(DbError::Busy).www_authenticate(),
        None,
        "a transparent variant's challenge is its field's"
    );
}

#[test]
fn masking_defaults_to_5xx_and_can_be_chosen() {
    assert!(ApiError::IoFailed(Io).masked());
    assert!(!ApiError::UpstreamDown.masked(), "mask = false");
    assert!(ApiError::Garbled.masked(), "mask = true");
    assert!(!ApiError::Unauthorized.masked());
    assert!(!ApiError::Db(DbError::Missing(1)).masked());
    assert!(
        Upstream::BadGateway.masked(),
        "the trait's default for any 5xx"
    );
}

/// A struct with its own code.
#[derive(Debug, StatusCodes)]
#[status(410, mask = true)]
pub struct Gone {
    /// What went.
    pub what: String,
}

/// An error wrapper: a kind that carries the status, a cause and a backtrace-like trail.
#[derive(Debug, StatusCodes)]
#[status(display = false)]
pub struct Wrapped {
    /// The status comes from here.
    #[status(transparent)]
    pub kind: ApiError,
    /// Where it happened.
    pub trail: Vec<&'static str>,
}

/// The same as a tuple struct, the kind second.
#[derive(Debug, StatusCodes)]
pub struct Pair(pub &'static str, #[status(transparent)] pub DbError);

/// A unit struct.
#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing", 429)]
pub struct Slow;

#[test]
fn structs_have_a_code_or_a_transparent_field() {
    let gone = Gone { what: "x".into() };
    assert_eq!(
        (gone.code(), gone.to_string()),
        (410, "410 Gone".to_owned())
    );
    assert!(gone.masked());

    let wrapped = Wrapped {
        kind: ApiError::BadPassword,
        trail: vec!["login"],
    };
    assert_eq!(
        (wrapped.code(), wrapped.www_authenticate()),
        (401, Some("Basic"))
    );
    assert!(!wrapped.trail.is_empty());

    let pair = Pair("lookup", DbError::Missing(3));
    assert_eq!(
        (pair.code(), pair.to_string()),
        (404, "no row for id 3".to_owned())
    );
    assert_eq!(pair.0, "lookup");

    assert_eq!((Slow.code(), Slow.reason()), (429, "Resource Exhausted"));
}

/// Generic over the inner error.
#[derive(Debug, StatusCodes)]
#[status(display = false)]
pub enum Generic<'a, E: HttpStatus> {
    /// Whatever `E` says.
    #[status(transparent)]
    Inner(E),
    /// A borrowed message.
    #[status(400)]
    Bad(&'a str),
}

#[test]
fn generic_transparent_fields() {
    let inner: Generic<'_, DbError> = Generic::Inner(DbError::Busy);
    assert_eq!(inner.code(), 503);
    let bad: Generic<'_, DbError> = Generic::Bad("no");
    assert_eq!(bad.code(), 400);
    let status: &dyn HttpStatus = &inner;
    assert_eq!(status.reason(), "Service Unavailable");
}
