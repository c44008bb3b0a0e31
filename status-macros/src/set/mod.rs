//! `status_set!`: parse the call, load the spec, hand each item to status-codegen.

mod ast;
mod expand;

pub(crate) use ast::SetInput;
pub(crate) use expand::expand;
