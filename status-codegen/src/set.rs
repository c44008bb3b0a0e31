//! The enum a `status_set!` item becomes, with its tables and trait impls, written as text.

use std::fmt::Write as _;

use status_spec::{CodeEntry, Jitter, Retry, Spec};

use crate::code::{Code, Hole, float};
use crate::docs::variant_doc;
use crate::lookup::{Layout, index_table, index_type, service_fallback};
use crate::select::{Resolved, SelectError, Selection, resolve};

/// Generates the enum for a `status_set!` item selecting `selection` from `spec`: its
/// attributes, visibility and name, and the path to status-core, are the caller's
/// [`Hole`]s.
pub fn expand_set(spec: &Spec, selection: &Selection) -> Result<Code, Vec<SelectError>> {
    let resolved = resolve(spec, selection)?;
    let r#gen = Gen {
        spec,
        set: &resolved,
    };
    let mut out = Code::default();
    r#gen.enum_item(&mut out);
    r#gen.inherent_impl(&mut out);
    r#gen.status_impl(&mut out);
    r#gen.conversions(&mut out);
    r#gen.formatting(&mut out);
    r#gen.distinct_codes_check(&mut out);
    r#gen.hooks(&mut out);
    Ok(out)
}

/// The text of an entry that one of the string tables holds.
type StrOf = fn(&CodeEntry) -> String;

/// Everything one expansion needs, so each piece is a small method.
struct Gen<'a> {
    spec: &'a Spec,
    set: &'a Resolved,
}

impl Gen<'_> {
    /// ```text
    /// #[doc = "..."] #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    /// pub enum Name { #[doc = "`200 OK` ..."] Ok, ..., Other(OtherCode<Name>) }
    /// ```
    fn enum_item(&self, out: &mut Code) {
        let summary = format!(
            " Generated from `codes.toml`: {}.",
            self.set.summary.trim_end_matches('.')
        );
        let other_doc = " Any other code: one this set does not name. Only `From<u16>` makes it, so it never holds a code the set names.";
        out.hole(Hole::Attrs).s("#[doc = \"\"] #[doc = ");
        out.lit(&summary).s("] #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]");
        out.hole(Hole::Vis).s("enum").hole(Hole::Name).s("{");
        for e in &self.set.entries {
            out.s("#[doc = ").lit(&variant_doc(e)).s("] ");
            let _ = write!(out, "{},", e.name);
        }
        out.s("#[doc = ").lit(other_doc).s("] Other(");
        out.private().s("::OtherCode<").hole(Hole::Name).s(">), }");
    }

    /// Dense tables indexed by variant position, and a 500-entry index from code to position:
    /// a lookup is two loads and no branch on the code. Each table is a `&'static` constant,
    /// not an array constant: indexing an array constant at run time may copy it first.
    fn inherent_impl(&self, out: &mut Code) {
        let entries = &self.set.entries;
        let n = entries.len();
        let index_ty = index_type(n);
        out.s("#[automatically_derived] impl")
            .hole(Hole::Name)
            .s("{");
        out.s("#[doc = r\" Every named variant, in code order (`Other` aside).\"] pub const ALL: &'static [Self] = &[");
        for (i, e) in entries.iter().enumerate() {
            let _ = write!(out, "{}Self::{}", if i == 0 { "" } else { "," }, e.name);
        }
        let _ = write!(
            out,
            "]; const __CODES: &'static [::core::primitive::u16; {n}] = &["
        );
        for (i, e) in entries.iter().enumerate() {
            let _ = write!(out, "{}{}", if i == 0 { "" } else { "," }, e.code);
        }
        let strings: [(&str, StrOf); 4] = [
            ("__NAMES", |e| e.name.clone()),
            ("__REASONS", |e| e.reason.clone()),
            ("__DESCRIPTIONS", |e| e.description.clone()),
            ("__DISPLAYS", |e| format!("{} {}", e.code, e.reason)),
        ];
        for (table, text) in strings {
            let _ = write!(
                out,
                "]; const {table}: &'static [&'static ::core::primitive::str; {n}] = &["
            );
            for (i, e) in entries.iter().enumerate() {
                out.s(if i == 0 { "" } else { "," }).lit(&text(e));
            }
        }
        out.s("];");
        let classes = entries.iter().map(|e| e.class().variant());
        variant_table(out, "__CLASSES", "StatusClass", classes);
        let retries = entries.iter().map(|e| retry_variant(e.retry));
        variant_table(out, "__RETRIES", "Retry", retries);
        out.s("#[doc = r\" `__INDEX[code - 100]` is the variant's position + 1, or 0 when the set does not\"] \
               #[doc = r\" name the code; built at compile time from `__CODES`.\"]");
        let _ = write!(out, "const __INDEX: &'static [{index_ty}; 500] = &");
        index_table(out, index_ty, n, "Self::__CODES");
        out.s(";");
        out.s("#[doc = r\" `__FROM[code]` is `Self::from(code)` for codes below 600: one load, no branch\"] \
               #[doc = r\" on the code. 600 entries rather than 500, so no subtraction either.\"] \
               const __FROM: &'static [Self; 600] = &{ let mut from = [Self::Other(").private();
        out.s("::OtherCode::__new(0)); 600]; let mut code = 0; while code < 600 { from[code] = Self::Other(").private();
        let _ = write!(
            out,
            "::OtherCode::__new(code as ::core::primitive::u16)); code += 1; }} \
             let mut i = 0; while i < {n} {{ from[Self::__CODES[i] as ::core::primitive::usize] = Self::ALL[i]; i += 1; }} from }};"
        );
        out.s("#[doc = r\" The variant's position in the tables; `Other` comes last. Every arm maps a\"] \
               #[doc = r\" variant to its own discriminant, which the optimiser turns into a plain\"] \
               #[doc = r\" read of the tag instead of a jump table.\"] \
               #[inline] const fn __index(self) -> ::core::primitive::usize { match self {");
        for (i, e) in entries.iter().enumerate() {
            let _ = write!(out, "Self::{} => {i},", e.name);
        }
        let _ = write!(out, "Self::Other(_) => {n}, }} }}");
        out.s("#[doc = r\" The variant's position in the tables, or its code when it is `Other`.\"] \
               #[inline] const fn __slot(self) -> ::core::result::Result<::core::primitive::usize, ::core::primitive::u16> { \
               match (self.__index(), self) { (_, Self::Other(other)) => ::core::result::Result::Err(other.get()), \
               (i, _) => ::core::result::Result::Ok(i), } }");
        out.s("#[doc = r\" The named variant for `code`, or `None` when the set does not name it.\"] \
               #[must_use] #[inline] pub const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> { \
               if code < 100 || code >= 600 { return ::core::option::Option::None; } \
               match Self::__INDEX[(code - 100) as ::core::primitive::usize] { 0 => ::core::option::Option::None, \
               i => ::core::option::Option::Some(Self::ALL[i as ::core::primitive::usize - 1]), } }");
        out.s("#[doc = r\" Whether the set names `code`.\"] #[must_use] #[inline] \
               pub const fn contains(code: ::core::primitive::u16) -> ::core::primitive::bool { Self::from_code(code).is_some() }");
        self.fallback(out);
        out.s("}");
    }

    /// Phrase, description and advice for an `Other` code: the spec's base registry when it
    /// knows the code, else the code's class.
    fn fallback(&self, out: &mut Code) {
        let named: Vec<u16> = self.set.entries.iter().map(|e| e.code).collect();
        let service = self
            .set
            .service
            .as_deref()
            .and_then(|name| self.spec.service(name));
        out.s("#[inline] const fn __other(code: ::core::primitive::u16) -> (&'static ::core::primitive::str, &'static ::core::primitive::str,")
            .private()
            .s("::Retry) {");
        service_fallback(self.spec, service, &named, out, "code", Layout::Indexed);
        out.s("}");
    }

    fn status_impl(&self, out: &mut Code) {
        out.s("#[automatically_derived] impl")
            .private()
            .s("::HttpStatus for")
            .hole(Hole::Name);
        out.s("{ #[inline] fn code(&self) -> ::core::primitive::u16 { match self.__slot() { \
               ::core::result::Result::Ok(i) => Self::__CODES[i], ::core::result::Result::Err(code) => code, } } \
               #[inline] fn reason(&self) -> &'static ::core::primitive::str { match self.__slot() { \
               ::core::result::Result::Ok(i) => Self::__REASONS[i], ::core::result::Result::Err(code) => Self::__other(code).0, } } \
               #[inline] fn description(&self) -> &'static ::core::primitive::str { match self.__slot() { \
               ::core::result::Result::Ok(i) => Self::__DESCRIPTIONS[i], ::core::result::Result::Err(code) => Self::__other(code).1, } } \
               #[inline] fn class(&self) ->")
            .private()
            .s("::StatusClass { match self.__slot() { ::core::result::Result::Ok(i) => Self::__CLASSES[i], \
                ::core::result::Result::Err(code) =>")
            .private()
            .s("::class_of(code), } } #[inline] fn retry(&self) ->")
            .private()
            .s("::Retry { match self.__slot() { ::core::result::Result::Ok(i) => Self::__RETRIES[i], \
                ::core::result::Result::Err(code) => Self::__other(code).2, } } }");
    }

    /// `From<u16>` (total and lossless), `From<Self> for u16`, `PartialEq<u16>`, `FromStr`.
    fn conversions(&self, out: &mut Code) {
        out.s("#[automatically_derived] impl ::core::convert::From<::core::primitive::u16> for")
            .hole(Hole::Name)
            .s(
                "{ #[inline] fn from(code: ::core::primitive::u16) -> Self { \
                match Self::__FROM.get(code as ::core::primitive::usize) { \
                ::core::option::Option::Some(status) => *status, \
                ::core::option::Option::None => Self::Other(",
            )
            .private()
            .s("::OtherCode::__new(code)), } } }");
        out.s("#[automatically_derived] impl")
            .private()
            .s("::StatusSet for")
            .hole(Hole::Name)
            .s("{ #[inline] fn all() -> &'static [Self] { Self::ALL } \
                #[inline] fn contains(code: ::core::primitive::u16) -> ::core::primitive::bool { Self::contains(code) } }");
        out.s("#[automatically_derived] impl ::core::convert::From<")
            .hole(Hole::Name)
            .s("> for ::core::primitive::u16 { #[inline] fn from(status:")
            .hole(Hole::Name)
            .s(") -> Self {")
            .private()
            .s("::HttpStatus::code(&status) } }");
        out.s("#[automatically_derived] impl ::core::cmp::PartialEq<::core::primitive::u16> for")
            .hole(Hole::Name)
            .s("{ #[inline] fn eq(&self, code: &::core::primitive::u16) -> ::core::primitive::bool {")
            .private()
            .s("::HttpStatus::code(self) == *code } }");
        out.s("#[automatically_derived] impl ::core::str::FromStr for")
            .hole(Hole::Name)
            .s("{ type Err =")
            .private()
            .s("::ParseStatusError; fn from_str(s: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> { match")
            .private()
            .s("::parse_code(s) { ::core::result::Result::Ok(code) => ::core::result::Result::Ok(<Self as ::core::convert::From<::core::primitive::u16>>::from(code)), \
                ::core::result::Result::Err(e) => ::core::result::Result::Err(e), } } }");
    }

    /// `Display` as "429 Resource Exhausted" (padding honoured, nothing allocated) and
    /// `Debug` as `ResourceExhausted(429)`.
    fn formatting(&self, out: &mut Code) {
        out.s("#[automatically_derived] impl ::core::fmt::Display for")
            .hole(Hole::Name)
            .s("{ fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { match self.__slot() { \
                ::core::result::Result::Ok(i) => f.pad(Self::__DISPLAYS[i]), \
                ::core::result::Result::Err(code) => ::core::write!(f, \"{} {}\", code, Self::__other(code).0), } } }");
        out.s("#[automatically_derived] impl ::core::fmt::Debug for")
            .hole(Hole::Name)
            .s("{ fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { match self.__slot() { \
                ::core::result::Result::Ok(i) => f.debug_tuple(Self::__NAMES[i]).field(&Self::__CODES[i]).finish(), \
                ::core::result::Result::Err(code) => f.debug_tuple(\"Other\").field(&code).finish(), } } }");
    }

    /// Whatever status-core's features add (`http`, `serde` impls, `backoff()`): see its
    /// `hooks.rs`. A service with a back-off policy passes it on:
    /// `set_hooks! { NAME backoff [INITIAL_MS MAX_MS FACTOR JITTER MAX_RETRIES?] }`.
    fn hooks(&self, out: &mut Code) {
        let policy = self
            .set
            .service
            .as_deref()
            .and_then(|s| self.spec.service(s))
            .and_then(|s| s.backoff.as_ref());
        out.private().s("::set_hooks! {").hole(Hole::Name);
        if let Some(policy) = policy {
            let millis = |d: std::time::Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
            let _ = write!(
                out,
                "backoff [{} {} {} {}",
                millis(policy.initial),
                millis(policy.max),
                float(policy.factor),
                jitter_variant(policy.jitter)
            );
            if let Some(retries) = policy.max_retries {
                let _ = write!(out, " {retries}");
            }
            out.s("]");
        }
        out.s("}");
    }

    /// The spec validator already rejects duplicate codes; this makes rustc say so too,
    /// should a generator bug ever let one through.
    fn distinct_codes_check(&self, out: &mut Code) {
        out.s("const _: () = { #[deny(unreachable_patterns)] match 0u16 {");
        for e in &self.set.entries {
            let _ = write!(out, "{} => {{}}", e.code);
        }
        out.s("_ => {} } };");
    }
}

/// `const NAME: &'static [PRIVATE::TY; N] = { use PRIVATE::TY as V; &[V::A, V::B, ..] };`:
/// a table of one of status-core's enums. The alias names status-core once per table, not
/// once per entry: in the macro, each mention is a hole that `$crate` fills, and every
/// group around a hole is taken apart to fill it.
fn variant_table<'a>(
    out: &mut Code,
    name: &str,
    ty: &str,
    variants: impl ExactSizeIterator<Item = &'a str>,
) {
    let _ = write!(out, "const {name}: &'static [");
    out.private();
    let _ = write!(out, "::{ty}; {}] = {{ use", variants.len());
    out.private();
    let _ = write!(out, "::{ty} as V; &[");
    for (i, variant) in variants.enumerate() {
        let _ = write!(out, "{}V::{variant}", if i == 0 { "" } else { "," });
    }
    out.s("] };");
}

/// The name of a `Retry` variant, as status-core spells it.
pub(crate) fn retry_variant(retry: Retry) -> &'static str {
    match retry {
        Retry::Never => "Never",
        Retry::Modify => "Modify",
        Retry::Reauthenticate => "Reauthenticate",
        Retry::Backoff => "Backoff",
        Retry::RetryAfter => "RetryAfter",
    }
}

/// A `Retry` value through the runtime's path: `PRIVATE::Retry::Backoff` and friends.
pub(crate) fn retry_path(out: &mut Code, retry: Retry) {
    out.private().s("::Retry::").s(retry_variant(retry));
}

/// The `status_core::backoff::JitterMode` variant for a spec's jitter.
fn jitter_variant(jitter: Jitter) -> &'static str {
    match jitter {
        Jitter::None => "None",
        Jitter::Full => "Full",
        Jitter::Proportional => "Proportional",
    }
}
