//! OpenAPI responses from the spec (feature `utoipa`, utoipa 6).
//!
//! With this feature every `#[derive(StatusCodes)]` type and every `status_set!` enum
//! implements `utoipa::IntoResponses`: the error responses of an operation are documented by
//! the declaration that produces them, and cannot drift from it.
//!
//! One declaration, three uses: the derive gives the status, the axum or actix response and
//! the documentation.
//!
//! ```
//! # #[cfg(feature = "macros")] {
//! use status_core::StatusCodes;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, StatusCodes)]
//! enum StoreError {
//!     /// The order does not exist.
//!     #[status(404)] NoSuchOrder(u64),
//!     #[status(503)] Unreachable,
//! }
//!
//! #[derive(Debug, StatusCodes)]
//! #[status(www_authenticate = "Bearer")]
//! enum ApiError {
//!     Unauthorized,
//!     /// The customer is not known.
//!     #[status(404)] NoSuchCustomer,
//!     TooManyRequests,
//!     #[status(transparent)] Store(StoreError),
//! }
//!
//! // In a handler's documentation:
//! // #[utoipa::path(get, path = "/orders/{id}", responses((status = 200, body = String), ApiError))]
//!
//! let responses = ApiError::responses();
//! let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
//! assert_eq!(codes, ["401", "404", "429", "503"]); // 503 from StoreError, through `transparent`
//! # }
//! ```
//!
//! `ApiError`'s 404 is one response that names both variants, never one overwriting the other:
//!
//! ```json
//! "404": {
//!   "description": "Not Found: Nothing is available at the target URI, ...\n\n- `NoSuchCustomer`: The customer is not known.\n\n- `NoSuchOrder`: The order does not exist.",
//!   "content": { "application/problem+json": { "schema": { "type": "object", "properties": { "type": .., "title": .., "status": .., "detail": .., "instance": .. } } } }
//! }
//! ```
//!
//! - One response per distinct code; answers that share a code (within a type, or through a
//!   `transparent` variant or field) merge into one response whose description gives the
//!   spec's phrase and description once, then each variant with its doc comment.
//! - Errors (4xx, 5xx, and `default`) carry an `application/problem+json` body, the RFC 9457
//!   object that the `axum` and `actix` features send, with its schema written inline so the
//!   document needs no extra component. The same schema is public as [`ProblemDetails`] for
//!   documents that prefer a named component.
//! - `Retry-After` is documented for codes whose advice is `retry-after`, `WWW-Authenticate`
//!   on 401 when the type configures a challenge.
//! - An `other` variant adds the `default` response; a `transparent` variant or field adds
//!   its type's responses (when that type implements `IntoResponses`; a field of a type that
//!   does not adds nothing rather than failing the build).
//! - A set documents each of its codes.

use core::marker::PhantomData;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;
use std::{format, vec};

use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, Response};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use crate::{Retry, StatusSet};

/// The media type of an RFC 9457 problem body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The schema of an RFC 9457 problem details body, as a named component.
///
/// The responses this feature writes carry the same schema inline; name this type in
/// `components(schemas(ProblemDetails))` to have it once under `#/components/schemas`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProblemDetails;

impl PartialSchema for ProblemDetails {
    fn schema() -> RefOr<Schema> {
        problem_schema().into()
    }
}

impl ToSchema for ProblemDetails {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ProblemDetails")
    }
}

fn problem_schema() -> Schema {
    // `uri-reference` as a custom format: utoipa names it only under its `url` feature.
    let string = |format: Option<&str>, description: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(format.map(|f| SchemaFormat::Custom(f.to_string())))
            .description(Some(description))
    };
    let status = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(100))
        .maximum(Some(599))
        .description(Some("The HTTP status code of this occurrence."));
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("Problem details for an HTTP API (RFC 9457)."))
        .property(
            "type",
            string(
                Some("uri-reference"),
                "Identifies the problem type; `about:blank` when the status code says it all.",
            ),
        )
        .property(
            "title",
            string(None, "A short summary of the problem type."),
        )
        .property("status", status)
        .property(
            "detail",
            string(None, "What went wrong in this occurrence."),
        )
        .property(
            "instance",
            string(Some("uri-reference"), "Identifies this occurrence."),
        )
        .into()
}

/// What `IntoResponses::responses` returns.
#[doc(hidden)]
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// One answer a type documents: a code (or `None` for any other, the `default` response)
/// with the spec's words for it and what the variant adds.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub code: Option<u16>,
    pub reason: &'static str,
    pub description: &'static str,
    pub retry: Retry,
    /// The variant's name, empty for a set's codes.
    pub variant: &'static str,
    /// The variant's doc comment, empty when it has none.
    pub docs: &'static str,
    /// The `WWW-Authenticate` challenge sent with 401, if one is configured.
    pub challenge: Option<&'static str>,
}

/// An answer as the derive writes it: `code` 0 for the `other` variant's `default` response,
/// `retry` numbered as generated tables number it.
#[doc(hidden)]
pub const fn answer(
    code: u16,
    variant: &'static str,
    docs: &'static str,
    reason: &'static str,
    description: &'static str,
    retry: u8,
    challenge: Option<&'static str>,
) -> Answer {
    Answer {
        code: if code == 0 { None } else { Some(code) },
        reason,
        description,
        retry: crate::__private::retry_at(retry),
        variant,
        docs,
        challenge,
    }
}

/// Where the derive asks for a `transparent` field's responses: [`ViaIntoResponses`] when its
/// type implements `IntoResponses`, else [`NoIntoResponses`] (autoref picks the first that
/// applies), so a field of a type with a hand-written `HttpStatus` and no documentation of
/// its own does not stop the build; it only contributes nothing.
#[doc(hidden)]
pub struct InnerDocs<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> InnerDocs<T> {
    #[allow(clippy::new_without_default, reason = "only generated code makes one")]
    pub const fn new() -> Self {
        InnerDocs(PhantomData)
    }
}

#[doc(hidden)]
pub trait ViaIntoResponses {
    fn __status_responses(&self) -> Option<fn() -> Responses>;
}

impl<T: IntoResponses + ?Sized> ViaIntoResponses for InnerDocs<T> {
    fn __status_responses(&self) -> Option<fn() -> Responses> {
        Some(T::responses)
    }
}

#[doc(hidden)]
pub trait NoIntoResponses {
    fn __status_responses(&self) -> Option<fn() -> Responses>;
}

impl<T: ?Sized> NoIntoResponses for &InnerDocs<T> {
    fn __status_responses(&self) -> Option<fn() -> Responses> {
        None
    }
}

/// The responses of a type: one per distinct code of `answers`, merged with the responses of
/// the types its transparent variants delegate to (`inner`; `None` for a field type that
/// documents nothing).
#[doc(hidden)]
pub fn responses(answers: &[Answer], inner: &[Option<fn() -> Responses>]) -> Responses {
    let mut map = BTreeMap::new();
    for group in group_by_code(answers) {
        let key = group[0]
            .code
            .map_or_else(|| "default".to_string(), |c| c.to_string());
        merge(&mut map, key, RefOr::T(response(&group)));
    }
    for responses in inner.iter().flatten() {
        for (key, response) in responses() {
            merge(&mut map, key, response);
        }
    }
    map
}

/// What a `status_set!` enum documents: each of its codes.
#[doc(hidden)]
pub fn set_responses<S: StatusSet>() -> Responses {
    let answers: Vec<Answer> = S::all()
        .iter()
        .map(|status| Answer {
            code: Some(status.code()),
            reason: status.reason(),
            description: status.description(),
            retry: status.retry(),
            variant: "",
            docs: "",
            challenge: None,
        })
        .collect();
    responses(&answers, &[])
}

fn group_by_code(answers: &[Answer]) -> Vec<Vec<Answer>> {
    let mut groups: Vec<Vec<Answer>> = Vec::new();
    for answer in answers {
        match groups.iter_mut().find(|g| g[0].code == answer.code) {
            Some(group) => group.push(*answer),
            None => groups.push(vec![*answer]),
        }
    }
    groups
}

/// The response for answers that share a code: the spec's phrase and description, then
/// every variant that answers with it, so none is lost.
fn response(group: &[Answer]) -> Response {
    let first = group[0];
    let mut description = match first.code {
        Some(_) => format!("{}: {}", first.reason, first.description),
        None => "Any other status code.".to_string(),
    };
    for answer in group.iter().filter(|a| !a.variant.is_empty()) {
        description.push_str(&format!("\n\n- `{}`", answer.variant));
        if !answer.docs.is_empty() {
            description.push_str(&format!(": {}", answer.docs));
        }
    }
    let mut response = Response::new(description);
    if first.code.is_none_or(|c| c >= 400) {
        let content = ContentBuilder::new().schema(Some(problem_schema())).build();
        response
            .content
            .insert(PROBLEM_JSON.to_string(), RefOr::T(content));
    }
    if group.iter().any(|a| a.retry == Retry::RetryAfter) {
        let header = string_header(
            "How long to wait before repeating the request: delay-seconds or an HTTP-date.",
        );
        response
            .headers
            .insert("Retry-After".to_string(), RefOr::T(header));
    }
    if first.code == Some(401) {
        if let Some(challenge) = group.iter().find_map(|a| a.challenge) {
            let about = format!("The authentication challenge: `{challenge}`.");
            let header = string_header(&about);
            response
                .headers
                .insert("WWW-Authenticate".to_string(), RefOr::T(header));
        }
    }
    response
}

fn string_header(description: &str) -> utoipa::openapi::Header {
    HeaderBuilder::new()
        .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
        .description(Some(description))
        .build()
}

/// Appends what `added` says that `existing` does not: responses this module wrote for one
/// code open with the same paragraph (the spec's phrase and description), kept once.
fn append_description(existing: &mut String, added: &str) {
    fn head(text: &str) -> &str {
        text.split("\n\n").next().unwrap_or_default()
    }
    let rest = match added.split_once("\n\n") {
        Some((first, rest)) if first == head(existing) => rest,
        _ if head(added) == head(existing) => "",
        _ => added,
    };
    if !rest.is_empty() && !existing.contains(rest) {
        existing.push_str("\n\n");
        existing.push_str(rest);
    }
}

/// Adds `response` under `key`; where one is there already, the two become one response
/// whose description holds both and whose headers and content are the union.
fn merge(map: &mut Responses, key: String, response: RefOr<Response>) {
    let Some(existing) = map.get_mut(&key) else {
        map.insert(key, response);
        return;
    };
    let (RefOr::T(existing), RefOr::T(added)) = (existing, response) else {
        // A reference cannot be merged into; the first answer for the code stays.
        return;
    };
    append_description(&mut existing.description, &added.description);
    for (name, header) in added.headers {
        existing.headers.entry(name).or_insert(header);
    }
    for (media, content) in added.content {
        existing.content.entry(media).or_insert(content);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(code: Option<u16>, variant: &'static str, docs: &'static str) -> Answer {
        Answer {
            code,
            reason: "Not Found",
            description: "Nothing is there.",
            retry: Retry::Modify,
            variant,
            docs,
            challenge: None,
        }
    }

    fn described(map: &Responses, key: &str) -> String {
        match map.get(key) {
            Some(RefOr::T(response)) => response.description.clone(),
            _ => panic!("no inline response under {key}"),
        }
    }

    #[test]
    fn variants_sharing_a_code_become_one_response_naming_both() {
        let map = responses(
            &[
                answer(Some(404), "NoUser", "The user does not exist."),
                answer(Some(404), "NoOrder", ""),
            ],
            &[],
        );
        assert_eq!(map.len(), 1);
        assert_eq!(
            described(&map, "404"),
            "Not Found: Nothing is there.\n\n- `NoUser`: The user does not exist.\n\n- `NoOrder`"
        );
    }

    #[test]
    fn an_other_variant_is_the_default_response() {
        let map = responses(&[answer(None, "Upstream", "")], &[]);
        assert_eq!(
            described(&map, "default"),
            "Any other status code.\n\n- `Upstream`"
        );
        let Some(RefOr::T(response)) = map.get("default") else {
            panic!("default response missing");
        };
        assert!(response.content.contains_key(PROBLEM_JSON));
    }

    #[test]
    fn inner_responses_merge_into_the_outer_ones() {
        fn inner() -> Responses {
            responses(
                &[
                    answer(Some(404), "Missing", ""),
                    answer(Some(410), "Gone", ""),
                ],
                &[],
            )
        }
        let map = responses(&[answer(Some(404), "NotFound", "")], &[Some(inner), None]);
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["404", "410"]);
        let both = described(&map, "404");
        assert!(
            both.contains("`NotFound`") && both.contains("`Missing`"),
            "{both}"
        );
    }

    #[test]
    fn headers_follow_the_advice_and_the_challenge() {
        let mut limited = answer(Some(429), "SlowDown", "");
        limited.retry = Retry::RetryAfter;
        let mut unauthorized = answer(Some(401), "NoToken", "");
        unauthorized.challenge = Some("Bearer");
        let map = responses(&[limited, unauthorized, answer(Some(404), "", "")], &[]);
        let header_names = |key: &str| match map.get(key) {
            Some(RefOr::T(r)) => r.headers.keys().cloned().collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        assert_eq!(header_names("429"), ["Retry-After"]);
        assert_eq!(header_names("401"), ["WWW-Authenticate"]);
        assert!(header_names("404").is_empty());
    }

    #[test]
    fn successes_carry_no_problem_body() {
        let mut ok = answer(Some(200), "", "");
        ok.reason = "OK";
        let map = responses(&[ok], &[]);
        let Some(RefOr::T(response)) = map.get("200") else {
            panic!("200 missing");
        };
        assert!(response.content.is_empty());
    }
}
