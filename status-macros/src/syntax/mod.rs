//! Just enough Rust syntax for the two macros, read straight from `proc_macro2` tokens.
//!
//! The macros' grammars are small (one `status_set!` line, one derive attribute), and the
//! derive's input is an enum rustc has already parsed, so a full parser would only cost
//! build time: `syn` was most of the time a crate using status-core took to build.

mod cursor;
mod error;
mod item;
mod lit;

pub(crate) use cursor::{Attr, Cursor};
pub(crate) use error::{Error, Errors, Result};
pub(crate) use item::{Data, DeriveInput, Fields, Variant};
pub(crate) use lit::{LitInt, LitStr, bool_value};
