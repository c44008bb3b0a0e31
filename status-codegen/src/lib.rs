//! Turns a validated spec into Rust source: the code behind `status_set!`, shared with the
//! CLI's `expand` so what it prints is exactly what the macro emits.
//!
//! The code is text ([`Code`]), with holes for what the caller gives: the item's attributes,
//! visibility and name, and the path to status-core (`$crate` from the macro,
//! `::status_core` from the CLI). Nothing here knows about `proc_macro`, proc-macro2 or
//! syn, so this crate builds beside them.
//!
//! ```
//! use status_codegen::{Hole, Selection, expand_set};
//!
//! let code = expand_set(status_spec::Spec::embedded(), &Selection::Service("safe_browsing".into()))
//!     .expect("the embedded spec has this service");
//! let source = code.source(|hole| match hole {
//!     Hole::Attrs => "",
//!     Hole::Vis => "pub",
//!     Hole::Name => "SafeBrowsing",
//!     Hole::Private => "::status_core::__private",
//! });
//! assert!(source.contains("ResourceExhausted"));
//! ```

mod code;
mod docs;
mod lookup;
mod registry;
mod select;
mod set;

pub use code::{Code, Hole, Part};
pub use docs::{retry_advice, variant_doc};
pub use lookup::{Layout, retry_index, service_fallback};
pub use registry::{RegistryRow, registry_row, registry_source, registry_table};
pub use select::{CodeSel, Resolved, SelectError, Selection, resolve};
pub use set::expand_set;
