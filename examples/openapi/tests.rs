//! The generated document, operation by operation, and the service answering only with codes
//! the document lists.

use axum::body::to_bytes;
use axum::extract::Path;
use axum::response::IntoResponse;
use serde_json::Value;
use utoipa::OpenApi;

use crate::api::{ApiDoc, get_order};

fn document() -> Value {
    serde_json::to_value(ApiDoc::openapi()).expect("the document serializes")
}

fn responses_of(doc: &Value, path: &str, method: &str) -> serde_json::Map<String, Value> {
    doc["paths"][path][method]["responses"]
        .as_object()
        .cloned()
        .unwrap_or_else(|| panic!("no responses for {method} {path}"))
}

#[test]
fn the_operation_documents_every_code_its_error_type_answers() {
    let responses = responses_of(&document(), "/orders/{id}", "get");
    let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    // 200 from the handler's own line; the rest from ApiError, 404 and 503 also through the
    // transparent StoreError; no `default`, as no variant is `other`.
    assert_eq!(codes, ["200", "400", "401", "404", "429", "503"]);
}

#[test]
fn variants_sharing_a_code_are_one_response_naming_each() {
    let responses = responses_of(&document(), "/orders/{id}", "get");
    let not_found = responses["404"]["description"]
        .as_str()
        .expect("a description");
    assert!(not_found.starts_with("Not Found: "), "{not_found}");
    assert!(
        not_found.contains("`NoSuchCustomer`: The customer named in the token is not known."),
        "{not_found}"
    );
    assert!(
        not_found.contains("`NoSuchOrder`: The order does not exist."),
        "{not_found}"
    );
    // The spec's words stand once, not once per type that answers 404.
    assert_eq!(not_found.matches("Not Found: ").count(), 1, "{not_found}");
}

#[test]
fn headers_are_documented_where_they_are_sent() {
    let responses = responses_of(&document(), "/orders/{id}", "get");
    assert!(responses["401"]["headers"]["WWW-Authenticate"].is_object());
    assert!(responses["429"]["headers"]["Retry-After"].is_object());
    assert!(responses["404"].get("headers").is_none());
}

#[test]
fn errors_carry_the_problem_schema_inline() {
    let responses = responses_of(&document(), "/orders/{id}", "get");
    for code in ["400", "401", "404", "429", "503"] {
        let schema = &responses[code]["content"]["application/problem+json"]["schema"];
        let properties = schema["properties"]
            .as_object()
            .expect("an inline object schema");
        let members: Vec<&str> = properties.keys().map(String::as_str).collect();
        assert_eq!(
            members,
            ["detail", "instance", "status", "title", "type"],
            "{code}"
        );
    }
}

#[tokio::test(flavor = "current_thread")]
async fn the_service_answers_only_documented_codes_and_keeps_internals_out() {
    let documented = responses_of(&document(), "/orders/{id}", "get");
    for id in ["0", "1", "2", "7", "13", "99", "seven"] {
        let response = get_order(Path(id.to_owned())).await.into_response();
        let code = response.status().as_u16().to_string();
        assert!(
            documented.contains_key(&code),
            "{id} answered {code}, which is not documented"
        );
        let body = to_bytes(response.into_body(), 1 << 16)
            .await
            .expect("a body");
        let body = String::from_utf8_lossy(&body);
        assert!(
            !body.contains("10.0.0.5"),
            "a 5xx body leaked the database address: {body}"
        );
    }
}
