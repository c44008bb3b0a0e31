//! Three public API servers' error types (described in the realworld README the issue
//! points at), written as a user would with `#[derive(StatusCodes)]` and thiserror, and
//! what a client receives from each through axum and through actix-web.
//!
//! Each module holds only the error types: the lines the derive needs there replace each
//! server's hand-written mapping (counted in the workspace README).

pub mod conduit;
pub mod ldap;
pub mod registry;

use std::collections::BTreeMap;

#[cfg(feature = "actix")]
use actix_web::{App, HttpResponse, ResponseError, test, web};
use axum::response::IntoResponse;

/// What a client receives: status, headers (lowercase names) and body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// Every header, by lowercase name.
    pub headers: BTreeMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Answer {
    /// A header's value.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// The body as text (problem bodies are UTF-8 JSON).
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The error `make` gives, as axum answers a handler that returns it.
///
/// # Panics
/// When the body cannot be read or the runtime not built (a broken test setup).
pub fn via_axum<E: IntoResponse>(make: fn() -> E) -> Answer {
    let response = make().into_response();
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), text_of(value.as_bytes())))
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let body = runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .expect("the body reads")
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

#[cfg(feature = "actix")]
/// The error `make` gives, returned by a handler of an actix-web app driven by
/// `actix_web::test` (no network).
///
/// # Panics
/// When the test service cannot be built (a broken test setup).
pub fn via_actix<E: ResponseError + 'static>(make: fn() -> E) -> Answer {
    actix_web::rt::System::new().block_on(async move {
        let app = test::init_service(App::new().route(
            "/",
            web::get().to(move || async move { Err::<HttpResponse, E>(make()) }),
        ))
        .await;
        let response =
            test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), text_of(value.as_bytes())))
            .collect();
        let body = test::read_body(response).await.to_vec();
        Answer {
            status,
            headers,
            body,
        }
    })
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
