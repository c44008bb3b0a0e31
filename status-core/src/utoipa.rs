//! OpenAPI responses from the spec (feature `utoipa`, utoipa 6).
//!
//! With this feature every `status_set!` enum implements `utoipa::IntoResponses`, so the
//! codes a handler answers with are documented from the same declaration that produces them:
//!
//! ```
//! # #[cfg(feature = "macros")] {
//! use status_core::status_set;
//! use utoipa::IntoResponses;
//!
//! status_set! {
//!     /// What the Safe Browsing API answers.
//!     pub enum SafeBrowsing = service "safe_browsing";
//! }
//!
//! let responses = SafeBrowsing::responses();
//! assert!(responses.contains_key("429"));
//! // In a handler: #[utoipa::path(get, path = "/", responses((status = 200), SafeBrowsing))]
//! # }
//! ```
//!
//! Each code becomes one response: the service's phrase and description, an
//! `application/problem+json` body for errors (RFC 9457, the schema written inline so the
//! document needs no extra component), and a `Retry-After` header for codes whose advice is
//! `retry-after`. The schema is also public as [`ProblemDetails`] for documents that prefer a
//! named component. Answers that share a code are merged into one response that names every
//! variant, never overwritten.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::string::{String, ToString};
use std::vec::Vec;
use std::{format, vec};

use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, Response};
use utoipa::{PartialSchema, ToSchema};

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

/// The responses of a type: one per distinct code of `answers`, merged with the responses of
/// the types its transparent variants delegate to (`inner`).
#[doc(hidden)]
pub fn responses(answers: &[Answer], inner: &[fn() -> Responses]) -> Responses {
    let mut map = BTreeMap::new();
    for group in group_by_code(answers) {
        let key = group[0]
            .code
            .map_or_else(|| "default".to_string(), |c| c.to_string());
        merge(&mut map, key, RefOr::T(response(&group)));
    }
    for responses in inner {
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
    if !existing.description.contains(&added.description) {
        existing.description.push_str("\n\n");
        existing.description.push_str(&added.description);
    }
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
        let map = responses(&[answer(Some(404), "NotFound", "")], &[inner]);
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
