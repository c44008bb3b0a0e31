//! An axum service whose OpenAPI error responses come from the same derive that answers them.
//!
//! `cargo run -p examples --features openapi --example openapi` prints the service's OpenAPI
//! document (CI checks it with openapi-spec-validator); with `--serve ADDR` it serves
//! `GET /orders/{id}` and `GET /openapi.json` on ADDR (a loopback address) until stopped.

mod api;

use std::process::ExitCode;

use axum::Router;
use axum::routing::get;
use utoipa::OpenApi;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => print_document(),
        [flag, addr] if flag == "--serve" => serve(addr),
        _ => {
            eprintln!("usage: openapi [--serve ADDR]");
            ExitCode::from(2)
        }
    }
}

fn print_document() -> ExitCode {
    match api::ApiDoc::openapi().to_pretty_json() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write the document: {e}");
            ExitCode::FAILURE
        }
    }
}

fn router() -> Router {
    Router::new()
        .route("/orders/{id}", get(api::get_order))
        .route(
            "/openapi.json",
            get(|| async { api::ApiDoc::openapi().to_pretty_json().unwrap_or_default() }),
        )
}

fn serve(addr: &str) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("error: cannot listen on {addr}: {e}");
                return ExitCode::FAILURE;
            }
        };
        eprintln!("serving on http://{addr}/openapi.json");
        match axum::serve(listener, router()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

#[cfg(test)]
mod tests;
