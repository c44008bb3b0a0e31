//! Turns a validated spec into Rust tokens: the code behind `status_set!`, shared with the
//! CLI's `expand` so what it prints is exactly what the macro emits.
//!
//! Nothing here knows about `proc_macro` or syn: callers pass the user's attributes,
//! visibility and name as tokens, plus the path to `status_core` (`$crate` from the macro,
//! `::status_core` from the CLI).
//!
//! ```
//! use proc_macro2::{Ident, Span, TokenStream};
//! use quote::quote;
//! use status_codegen::{expand_set, Selection, SetDef};
//!
//! let def = SetDef {
//!     attrs: TokenStream::new(),
//!     vis: quote!(pub),
//!     name: Ident::new("SafeBrowsing", Span::call_site()),
//!     selection: Selection::Service("safe_browsing".into()),
//! };
//! let tokens = expand_set(status_spec::Spec::embedded(), &def, &quote!(::status_core))
//!     .expect("the embedded spec has this service");
//! assert!(tokens.to_string().contains("ResourceExhausted"));
//! ```

mod docs;
mod lookup;
mod registry;
mod select;
mod set;

pub use docs::{retry_advice, variant_doc};
pub use lookup::{Layout, retry_index, service_fallback};
pub use registry::{RegistryRow, registry_row, registry_source, registry_table};
pub use select::{CodeSel, Resolved, SelectError, Selection, resolve};
pub use set::{SetDef, expand_set};
