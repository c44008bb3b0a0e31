//! The run-time fallback for codes a generated type does not name: a `match` over the spec.

use proc_macro2::TokenStream;
use quote::quote;
use status_spec::{CodeEntry, Spec};

use crate::set::retry_tokens;

/// The entries a fallback should know: `preferred` (a service's own phrasing) first, then
/// every base entry whose code `preferred` lacks, minus the codes in `exclude`.
pub fn fallback_entries<'a>(
    spec: &'a Spec,
    preferred: &'a [CodeEntry],
    exclude: &[u16],
) -> Vec<&'a CodeEntry> {
    let has = |code: u16| preferred.iter().any(|e| e.code == code);
    let mut entries: Vec<&CodeEntry> = preferred
        .iter()
        .chain(spec.codes().filter(|e| !has(e.code)))
        .collect();
    entries.retain(|e| !exclude.contains(&e.code));
    entries.sort_by_key(|e| e.code);
    entries
}

/// An expression of type `(&'static str, &'static str, Retry)`: phrase, description and
/// advice for the `u16` expression `code`, from `entries`, else from the code's class.
///
/// ```text
/// match code {
///     418 => ("I'm a Teapot", "...", ::status_core::__private::Retry::Modify),
///     other => ::status_core::__private::class_fallback(other),
/// }
/// ```
pub fn lookup_match(
    entries: &[&CodeEntry],
    krate: &TokenStream,
    code: &TokenStream,
) -> TokenStream {
    let arms = entries.iter().map(|e| {
        let (num, reason, desc) = (
            proc_macro2::Literal::u16_unsuffixed(e.code),
            &e.reason,
            &e.description,
        );
        let retry = retry_tokens(e.retry, krate);
        quote! { #num => (#reason, #desc, #retry), }
    });
    quote! {
        match #code {
            #(#arms)*
            other => #krate::__private::class_fallback(other),
        }
    }
}
