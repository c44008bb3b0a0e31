//! OpenAPI in both directions: `export openapi` writes a document whose reusable responses
//! come from the spec; `import openapi` reads the codes an API document answers with into a
//! service.

pub(crate) mod export;
pub(crate) mod import;

/// The media type of RFC 9457 problem details, the body the axum integration sends.
pub(crate) const PROBLEM_JSON: &str = "application/problem+json";
