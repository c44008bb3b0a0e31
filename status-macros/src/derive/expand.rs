//! The impls a checked enum gets.
//!
//! The output is kept small on purpose: a crate with hundreds of these enums spends most of
//! its build expanding and checking it. Each enum's code only maps its variants to a
//! status-core `Row` (on the embedded spec a slot of status-core's table, so no words at
//! all), in its impl of status-core's hidden `Derived` trait; `HttpStatus` is status-core's
//! blanket impl over `Derived`, which reads the row, so no enum spells its five methods. It
//! is written as text (`Out`): rustc lexes that faster than this unoptimised macro builds
//! tokens.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, TokenStream};
use status_codegen::{Code, Layout, retry_index};

use super::ast::{Input, Variant};
use super::valid::{Checked, FieldRef, Kind, OtherField, Resolved};
use crate::load::Loaded;
use crate::out::{self, Out};
use crate::tokens::Tokens;

/// `__sc` stands for `::status_core::__private`, written out in full (or, with
/// `crate = ".."`, a `use` of that path under this name). With such a `use`, or a spec file,
/// everything is inside `const _: () = { .. };`, as these are items, not impls:
///
/// ```text
/// use ::my_core::__private as __sc;                                     // `crate = "::my_core"`
/// const _: &[u8] = ::core::include_bytes!("/path/to/codes.toml");      // rebuild on edits
/// const fn __status_other(code: u16) -> (&str, &str, Retry) { .. }     // `other` on a file's spec
/// impl __sc::Derived for E {                                           // what `HttpStatus` reads
///     #[inline] fn __status_row(&self) -> __sc::Row<'_> { .. }         // by variant position
///     fn __status_challenge(&self) -> Option<&str> { .. }               // with `www_authenticate`
///     fn __status_masked(&self) -> bool { .. }                          // with `mask`
///     __sc::hook_response_methods! {}                                   // features axum, actix
/// }
/// __sc::derive_hooks! { total [<T>] [E<T>] [where ..] }                 // feature http
/// impl Display for E { .. }                                             // unless display = false
/// impl E { pub const fn from_code(code: u16) -> Option<Self> { .. } }   // unit variants only
/// impl From<u16> for E { .. }                                           // ... with `other`
/// __sc::derive_docs! { [<T>] [E<T>] [where ..] [answers..] [inner types..] } // feature utoipa
/// ```
pub(crate) fn expand(checked: &Checked<'_>, loaded: &Loaded) -> TokenStream {
    // status-core's `__private` by its full path: resolving 200 enums' paths through a
    // `use` alias cost rustc 1% more. A crate path of the user's is kept as tokens, once.
    let custom = checked.input.attrs.krate.clone();
    let aliased = custom.is_some();
    let r#gen = Gen {
        checked,
        name: checked.input.node.ident.to_string(),
        embedded: loaded.file.is_none(),
        sc: if aliased {
            " __sc"
        } else {
            " ::status_core::__private"
        },
    };
    // Two texts, lexed apart: the items that hold tokens of the user's (holes), whose
    // groups are taken apart to fill them, and the rest, left whole. One text would have
    // the whole block taken apart for a hole in one item. The order of items does not
    // matter to rustc.
    let mut plain = Out::default();
    let mut spanned = Out::default();
    plain.s(&loaded.rebuild_tracker());
    if let Some(path) = custom {
        spanned.s("use ").tokens(path).s("::__private as __sc;");
    }
    r#gen.other_lookup(&mut spanned);
    r#gen.derived_impl(&mut spanned);
    r#gen.impls(&mut plain);
    r#gen.inherent_impl(&mut plain);
    r#gen.conversion_impl(&mut spanned);
    r#gen.docs_impl(&mut plain);
    // Items that are not impls (the alias, the tracker, the lookup) go in an anonymous
    // `const`, as serde's derive does, to stay out of the user's namespace. Impls alone
    // need no block: one more item for rustc, 5% of its work on a crate of 200 derives.
    let items = [plain.finish(), spanned.finish()];
    if aliased || !r#gen.embedded {
        out::const_block(items)
    } else {
        out::join(items)
    }
}

/// What every piece of the expansion needs.
struct Gen<'a> {
    checked: &'a Checked<'a>,
    /// The type's name, as written.
    name: String,
    /// The spec is the embedded default, whose fallback tables status-core already holds.
    embedded: bool,
    /// How the output names `status_core::__private`: in full, or `__sc` for a crate path
    /// of the user's (`crate = ".."`, through a `use`). After a space: text such as `<::`
    /// would lex as joined punctuation.
    sc: &'static str,
}

impl Gen<'_> {
    fn input(&self) -> &Input<'_> {
        self.checked.input
    }

    fn other(&self) -> Option<&Resolved<'_>> {
        self.checked
            .variants
            .iter()
            .find(|r| matches!(r.kind, Kind::Other(_)))
    }

    /// `Name::Variant` (`Name` for a struct).
    fn path(&self, out: &mut Out, variant: &Variant<'_>) {
        out.s(" ").s(&self.name);
        if self.input().is_enum {
            out.s("::").s(&variant.ident.to_string());
        }
        out.s(" ");
    }

    /// `#[automatically_derived] impl<..> TRAIT for Name<..> where .. {`, to be closed by
    /// the caller; `trait_` empty for an inherent impl.
    fn open_impl(&self, out: &mut Out, trait_: &str) {
        open_impl(out, self.input(), &self.name, |out| {
            if !trait_.is_empty() {
                out.s(" ").s(trait_).s(" for");
            }
        });
    }

    /// Phrase, description and advice for the code an `other` variant holds, looked up at
    /// run time among the service's entries, then the base registry's (with the service's
    /// advice for codes it does not list), then by class. With the embedded spec that table
    /// is status-core's, shared by every enum (the row names the table); with a spec of the
    /// user's own each enum carries a compact copy:
    ///
    /// ```text
    /// const fn __status_other(code: u16) -> (&'static str, &'static str, Retry) {
    ///     const REASONS: ..; /* rank_of(bits, ranks, code), else class_fallback(code) */
    /// }
    /// ```
    fn other_lookup(&self, out: &mut Out) {
        if self.other().is_none() || self.embedded_table().is_some() {
            return;
        }
        // No code is excluded: the `other` variant may be made with a code a variant names.
        let (spec, service) = (self.checked.spec, self.checked.service);
        let mut body = Code::default();
        status_codegen::service_fallback(spec, service, &[], &mut body, "code", Layout::Compact);
        out.s("#[allow(clippy::match_same_arms, reason = \"one arm per code keeps the table readable\")] #[inline] \
               const fn __status_other(code: ::core::primitive::u16) -> (&'static ::core::primitive::str, &'static ::core::primitive::str, ")
            .s(self.sc)
            .s("::Retry) {")
            // The table's only hole is the path to `__private`, which `sc` spells.
            .code(&body, |out, _private| {
                out.s(self.sc);
            })
            .s("}");
    }

    /// The number of status-core's shared fallback table, when the spec is the embedded one.
    fn embedded_table(&self) -> Option<usize> {
        if !self.embedded {
            return None;
        }
        let service = self.checked.service.map(|s| s.name.as_str());
        status_codegen::registry_table(self.checked.spec, service)
    }

    /// `impl __sc::Derived for E<G> where .. { .. }`: the variant's row, whose body is
    /// [`Self::rows_from_table`] on the embedded spec, else [`Self::rows_by_position`]
    /// (`transparent` variants, whose row is their field, are matched apart in both); the
    /// `www_authenticate` and `mask` keys, when given; and the response features' glue.
    /// status-core's blanket `HttpStatus` reads them all.
    fn derived_impl(&self, out: &mut Out) {
        self.open_impl(out, &format!("{}::Derived", self.sc));
        // Inline: read by status-core's generic `#[inline]` methods only, it is then
        // compiled where they are used, not in every crate that derives.
        out.s("#[inline] fn __status_row(&self) -> ")
            .s(self.sc)
            .s("::Row<'_> {");
        match self.embedded_table() {
            Some(table) => self.rows_from_table(out, table),
            None => self.rows_by_position(out),
        }
        out.s("}");
        self.challenge_fn(out);
        self.mask_fn(out);
        if cfg!(any(feature = "axum", feature = "actix")) {
            out.s(self.sc).s("::hook_response_methods! {}");
        }
        out.s("}");
    }

    /// On the embedded spec, a variant's row is a slot of status-core's table for the
    /// service (an `other` variant's is its code there), and the derive emits no words.
    /// The slot comes from a constant array by the variant's position, as a `status_set!`
    /// enum reads its rows: a match from variant to slot compiled to a jump that
    /// mispredicts on a mixed stream (2.4x slower), and a named `const` for the array cost
    /// rustc 5% more on a crate of 200 derives than the promoted `&[..]`. A variant the
    /// spec resolves to words the table does not hold keeps its own row.
    ///
    /// ```text
    /// match self {
    ///     E::Other { 0: code, .. } => __sc::Row::Embedded { code: *code, table: 3 },
    ///     E::Db { 0: inner, .. } => __sc::Row::Inner { .. },
    ///     _ => __sc::Row::Table { table: 3, slot: (&[37, 0, 0])[match self { E::A => 0, E::Other { .. } => 1, E::Db { .. } => 2 }] },
    /// }
    /// ```
    fn rows_from_table(&self, out: &mut Out, table: usize) {
        let service = self.checked.service.map(|s| s.name.as_str());
        let variants = &self.checked.variants;
        let slots: Vec<Option<u8>> = variants
            .iter()
            .map(|r| {
                let Kind::Code(e) = &r.kind else {
                    return None;
                };
                let row = status_codegen::registry_row(self.checked.spec, service, e.code)?;
                let same = (row.reason, row.description, row.retry)
                    == (&e.reason, &e.description, e.retry);
                same.then(|| u8::try_from(row.slot).ok()).flatten()
            })
            .collect();
        let apart = slots.iter().filter(|s| s.is_none()).count();
        if apart > 0 {
            out.s("match self {");
        }
        for (r, slot) in variants.iter().zip(&slots) {
            match &r.kind {
                Kind::Code(e) if slot.is_none() => {
                    self.path(out, r.variant);
                    out.s("{ .. } => ");
                    named_row(out, e, self.sc);
                    out.s(",");
                }
                Kind::Code(_) => {}
                // Its own arm, so that the field's code is checked against the row's
                // field, not against the other arms' codes (which would add an error).
                Kind::Other(other) => {
                    let table = format!("table: {table}");
                    self.other_arm(out, r.variant, other, "Embedded", &table);
                }
                Kind::Transparent(field) => self.transparent_arm(out, r.variant, field),
            }
        }
        if apart == variants.len() {
            out.s("}");
            return;
        }
        if apart > 0 {
            out.s("_ => ");
        }
        out.s(self.sc);
        let _ = write!(out, "::Row::Table {{ table: {table}, slot: (&[");
        for (i, slot) in slots.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(out, "{sep}{}", slot.unwrap_or(0));
        }
        out.s("])[match self {");
        self.positions(out);
        out.s("}] }");
        if apart > 0 {
            out.s(", }");
        }
    }

    /// `E::A => 0, E::B { .. } => 1, ..`: each variant's position, in order. The optimiser
    /// reads this match straight off the tag, with no branch. A unit variant's pattern is
    /// its path alone, one group fewer for rustc to read and check.
    fn positions(&self, out: &mut Out) {
        for (i, r) in self.checked.variants.iter().enumerate() {
            self.path(out, r.variant);
            if !(self.input().is_enum && r.variant.fields.is_unit()) {
                out.s("{ .. } ");
            }
            out.s("=> ").s(&i.to_string()).s(",");
        }
    }

    /// The `other` variant's arm, its code field bound and read into the row:
    /// `E::Other { 0: code, .. } => __sc::Row::ROW { code: *code, REST },`.
    fn other_arm(
        &self,
        out: &mut Out,
        variant: &Variant<'_>,
        other: &OtherField,
        row: &str,
        rest: &str,
    ) {
        self.path(out, variant);
        let _ = write!(
            out,
            "{{ {}: code, .. }} => {}::Row::{row} {{ code: ",
            other.member, self.sc
        );
        other_code(out, other, self.sc.trim_start());
        let _ = write!(out, ", {rest} }},");
    }

    /// On a spec file of the user's own, variants the spec names read their rows from a
    /// constant array by the variant's position, as a `status_set!` enum does: the match
    /// from variant to position maps each variant to its own index, which the optimiser
    /// reads straight off the tag. `other` variants look their code up in the enum's own
    /// table; their slots in the array, like `transparent` variants', are never read.
    ///
    /// ```text
    /// const ROWS: &[__sc::Row; 3] = &[__sc::named(400, "400 Bad Request", "Bad Request", "...", 1), .., __sc::Row::UNUSED];
    /// match self {
    ///     E::Other { 0: code, .. } => __sc::Row::Own { code: *code, lookup: __status_other },
    ///     _ => ROWS[match self { E::A => 0, E::B => 1, E::Other { .. } => 2 }],
    /// }
    /// ```
    fn rows_by_position(&self, out: &mut Out) {
        let variants = &self.checked.variants;
        let named = variants
            .iter()
            .filter(|r| matches!(r.kind, Kind::Code(_)))
            .count();
        if named > 0 {
            let _ = write!(
                out,
                "const ROWS: &[{}::Row< 'static > ; {}] = &[",
                self.sc,
                variants.len()
            );
            for (i, r) in variants.iter().enumerate() {
                out.s(if i == 0 { "" } else { "," });
                match &r.kind {
                    Kind::Code(e) => named_row(out, e, self.sc),
                    Kind::Other(_) | Kind::Transparent(_) => {
                        out.s(self.sc).s("::Row::UNUSED");
                    }
                }
            }
            out.s("];");
        }
        let apart = variants.len() - named;
        if apart > 0 {
            out.s("match self {");
        }
        for r in variants {
            match &r.kind {
                Kind::Code(_) => {}
                Kind::Other(other) => {
                    self.other_arm(out, r.variant, other, "Own", "lookup: __status_other");
                }
                Kind::Transparent(field) => self.transparent_arm(out, r.variant, field),
            }
        }
        if named == 0 {
            out.s("}");
            return;
        }
        if apart > 0 {
            out.s("_ => ");
        }
        out.s("ROWS[match self {");
        self.positions(out);
        out.s("}]");
        if apart > 0 {
            out.s(", }");
        }
    }

    /// A `transparent` variant's arm: the field, as `&dyn HttpStatus` (and `&dyn Display`
    /// when the derive writes `Display`), each coercion spanned on the field's type so that
    /// rustc's "not implemented" lands there.
    ///
    /// ```text
    /// E::Db { 0: inner, .. } => __sc::Row::Inner { status: inner, display: Some(inner) },
    /// ```
    fn transparent_arm(&self, out: &mut Out, variant: &Variant<'_>, field: &FieldRef) {
        let FieldRef { member, ty_span } = field;
        self.path(out, variant);
        let _ = write!(
            out,
            "{{ {member}: inner, .. }} => {}::Row::Inner {{ status: ",
            self.sc
        );
        let inner = || Tokens::new(*ty_span).ident("inner").finish();
        out.tokens(inner());
        out.s(", display: ");
        if self.input().attrs.display() {
            out.tokens(
                Tokens::new(*ty_span)
                    .path("::core::option::Option::Some")
                    .group(Delimiter::Parenthesis, inner())
                    .finish(),
            );
        } else {
            out.s("::core::option::Option::None");
        }
        out.s(" },");
    }

    /// `www_authenticate` for each variant: a `transparent` variant's field's, else the
    /// variant's own key, else the enum's. Only written when a key is given (status-core's
    /// default answers a `transparent` variant's field's).
    ///
    /// ```text
    /// fn __status_challenge(&self) -> Option<&'static str> {
    ///     __sc::Derived::__status_row(self).challenge(match self { E::A { .. } => Some("Basic"), _ => Some("Bearer") })
    /// }
    /// ```
    fn challenge_fn(&self, out: &mut Out) {
        let own = |out: &mut Out, lit: Option<&crate::syntax::LitStr>| {
            option_str(out, lit.map(crate::syntax::LitStr::value));
        };
        let on_enum = self.input().attrs.www_authenticate.as_ref();
        self.per_variant_fn(
            out,
            "challenge",
            "::core::option::Option<&'static ::core::primitive::str>",
            |v| v.attrs.www_authenticate.as_ref(),
            on_enum,
            own,
        );
    }

    /// `masked` for each variant, as [`Self::challenge_fn`] does `www_authenticate`;
    /// `None` leaves it to the code (5xx are masked).
    fn mask_fn(&self, out: &mut Out) {
        let own = |out: &mut Out, mask: Option<&bool>| match mask {
            Some(mask) => {
                let _ = write!(out, "::core::option::Option::Some({mask})");
            }
            None => {
                out.s("::core::option::Option::None");
            }
        };
        let on_enum = self.input().attrs.mask.as_ref();
        self.per_variant_fn(
            out,
            "masked",
            "::core::primitive::bool",
            |v| v.attrs.mask.as_ref(),
            on_enum,
            own,
        );
    }

    /// `fn __status_WHAT(&self) -> RET { __sc::Derived::__status_row(self).WHAT(OWN) }`,
    /// `OWN` a match over the variants that set the key, else the enum's value; nothing
    /// when no variant sets it and the enum does not.
    fn per_variant_fn<'v, T: 'v>(
        &'v self,
        out: &mut Out,
        what: &str,
        ret: &str,
        of_variant: impl Fn(&'v Variant<'v>) -> Option<&'v T>,
        on_enum: Option<&'v T>,
        write_value: impl Fn(&mut Out, Option<&'v T>),
    ) {
        let variants = &self.checked.variants;
        let by_variant = variants.iter().any(|r| of_variant(r.variant).is_some());
        if !by_variant && on_enum.is_none() {
            return;
        }
        let _ = write!(
            out,
            "fn __status_{what}(&self) -> {ret} {{ {}::Derived::__status_row(self).{what}(",
            self.sc
        );
        if by_variant {
            out.s("match self {");
            for r in variants {
                if let Some(value) = of_variant(r.variant) {
                    self.path(out, r.variant);
                    out.s("{ .. } => ");
                    write_value(out, Some(value));
                    out.s(",");
                }
            }
            out.s("_ => ");
            write_value(out, on_enum);
            out.s("}");
        } else {
            write_value(out, on_enum);
        }
        out.s(") }");
    }

    /// `Display` (unless `display = false`) and what status-core's `http` feature adds
    /// (`HttpStatus` is status-core's, over [`Self::derived_impl`]). The feature's additions
    /// are status-core's `macro_rules!` (`hooks.rs`), which know its features: called only
    /// when the features that give them something to write are on (status-core turns on
    /// this crate's features of the same names), as each call costs rustc an expansion.
    ///
    /// ```text
    /// __sc::derive_hooks! { total [<T>] [E<T>] [where ..] }   // feature http
    /// impl Display for E { #[inline] fn fmt(..) -> fmt::Result { __sc::display(self, f) } }
    /// ```
    fn impls(&self, out: &mut Out) {
        if cfg!(feature = "http") {
            out.s(self.sc).s("::derive_hooks! {");
            hook_args(out, self.input(), &self.name, self.is_total());
            out.s("}");
        }
        if self.input().attrs.display() {
            self.open_impl(out, "::core::fmt::Display");
            out.s("#[inline] fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {")
                .s(self.sc)
                .s("::display(self, f) }");
            out.s("}");
        }
    }

    /// Whether every variant has a fixed code (no `other`, no `transparent`), so that the
    /// conversion to `http::StatusCode` is total.
    fn is_total(&self) -> bool {
        self.checked
            .variants
            .iter()
            .all(|r| matches!(r.kind, Kind::Code(_)))
    }

    /// Whether a code alone can make a value: every variant but `other` is a unit variant,
    /// and no two of them share a code.
    fn codes_make_values(&self) -> bool {
        let codes: Vec<u16> = self
            .checked
            .variants
            .iter()
            .filter_map(|r| code_of(r))
            .collect();
        // A few variants: comparing pairs costs less than compiling a sort into the macro.
        let shared = (1..codes.len()).any(|i| codes[..i].contains(&codes[i]));
        self.input().all_unit() && !shared
    }

    /// ```text
    /// impl E {
    ///     /// The variant whose status code is `code` ...
    ///     pub const fn from_code(code: u16) -> Option<Self> {
    ///         match code { 400 => Some(Self::InvalidArgument), .., _ => None }
    ///     }
    /// }
    /// ```
    fn inherent_impl(&self, out: &mut Out) {
        if !self.codes_make_values() {
            return;
        }
        self.open_impl(out, "");
        out.s("#[doc = ").lit(&self.doc_of_from_code()).s("]");
        out.s("#[must_use] #[deny(unreachable_patterns)]");
        // The visibility as text, unless it names `$crate` (from a `macro_rules!`).
        let vis = &self.input().node.vis;
        let text = vis.to_string();
        if text.contains('$') {
            out.tokens(vis.clone());
        } else {
            out.s(" ").s(&text);
        }
        out.s(" const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> { match code {");
        for r in &self.checked.variants {
            if let Some(code) = code_of(r) {
                let _ = write!(
                    out,
                    "{code} => ::core::option::Option::Some(Self::{}),",
                    r.variant.ident
                );
            }
        }
        out.s("_ => ::core::option::Option::None, } } }");
    }

    fn doc_of_from_code(&self) -> String {
        let pairs: Vec<String> = self
            .checked
            .variants
            .iter()
            .filter_map(|r| Some(format!("`{}` gives `{}`", code_of(r)?, r.variant.ident)))
            .collect();
        let never = self.other().map_or_else(String::new, |other| {
            let name = other.variant.ident;
            format!(" Never `{name}`: `From<u16>` puts every other code there.")
        });
        format!(
            " The variant whose status code is `code`, or `None` when no variant names it.\n\n Generated by `#[derive(StatusCodes)]`: {}.{never}",
            pairs.join(", ")
        )
    }

    /// `From<u16>`: the named variant, else the `other` one holding the code.
    fn conversion_impl(&self, out: &mut Out) {
        let Some(other) = self.other() else {
            return;
        };
        let Kind::Other(OtherField {
            member,
            ty_span,
            is_u16: true,
        }) = &other.kind
        else {
            // Only a `u16` field can hold any `u16`.
            return;
        };
        if !self.codes_make_values() {
            return;
        }
        self.open_impl(out, "::core::convert::From< ::core::primitive::u16>");
        out.s(
            "fn from(code: ::core::primitive::u16) -> Self { match Self::from_code(code) { \
             ::core::option::Option::Some(named) => named, \
             ::core::option::Option::None => Self::",
        );
        let _ = write!(out, "{} {{ {member}: ", other.variant.ident);
        // Spanned on the field's type, as in the row: should a type of the user's be
        // called `u16`, both mismatches land there, as one error.
        out.tokens(Tokens::new(*ty_span).ident("code").finish());
        out.s(" }, } } }");
    }
}

impl Gen<'_> {
    /// What the `utoipa` feature documents: each variant's answer (its code, or `0` for the
    /// `other` variant's `default` response, with the spec's words and the variant's docs),
    /// and the types `transparent` variants take their responses from. Emitted only with
    /// this crate's `utoipa` feature, which status-core's turns on: the literals are most
    /// of what a derive emits beyond its row, and without the feature nothing reads them.
    ///
    /// ```text
    /// __sc::derive_docs! { [<T>] [E<T>] [where ..]
    ///     [__sc::answer(404, "NotFound", "doc", "Not Found", "...", 1, None), ..]
    ///     [InnerError, ..] }
    /// ```
    fn docs_impl(&self, out: &mut Out) {
        if !cfg!(feature = "utoipa") {
            return;
        }
        out.s(self.sc).s("::derive_docs! {");
        lists(out, self.input(), &self.name);
        // Comma-separated, no trailing comma: `derive_docs!` matches `$(..),*`.
        out.s("[");
        let answers = self
            .checked
            .variants
            .iter()
            .filter(|r| !matches!(r.kind, Kind::Transparent(_)));
        for (i, r) in answers.enumerate() {
            out.s(if i == 0 { "" } else { "," });
            self.answer(out, r);
        }
        out.s("] [");
        for (i, ty) in self
            .checked
            .variants
            .iter()
            .filter_map(inner_type)
            .enumerate()
        {
            out.s(if i == 0 { "" } else { "," });
            out.tokens(ty);
        }
        out.s("] }");
    }

    /// `__sc::answer(404, "NotFound", "doc", "Not Found", "...", 1, None)`: a variant's
    /// answer (a `transparent` variant's answers are its field's, and it gets none).
    fn answer(&self, out: &mut Out, r: &Resolved<'_>) {
        let (code, reason, description, retry) = match &r.kind {
            Kind::Code(e) => (
                e.code,
                e.reason.as_str(),
                e.description.as_str(),
                retry_index(e.retry),
            ),
            Kind::Other(_) | Kind::Transparent(_) => (0, "", "", 0),
        };
        let _ = write!(out, "{}::answer({code}, ", self.sc);
        out.lit(&r.variant.ident.to_string()).s(", ");
        out.lit(&r.variant.docs).s(", ");
        out.lit(reason).s(", ");
        out.lit(description).s(", ");
        let _ = write!(out, "{retry}, ");
        let challenge = r.variant.attrs.www_authenticate.as_ref();
        let challenge = challenge.or(self.input().attrs.www_authenticate.as_ref());
        option_str(out, challenge.map(crate::syntax::LitStr::value));
        out.s(")");
    }
}

/// The type of a `transparent` variant's field (or of the struct's marked field).
fn inner_type(r: &Resolved<'_>) -> Option<TokenStream> {
    let Kind::Transparent(_) = r.kind else {
        return None;
    };
    let fields = r.variant.fields.fields();
    let field = fields.get(r.variant.transparent_field.unwrap_or(0))?;
    Some(field.ty.iter().cloned().collect())
}

/// `#[automatically_derived] impl<..> HEAD Name<..> where .. {`, to be closed by the caller:
/// `head` writes `TRAIT for`, or nothing for an inherent impl. The generics are the user's
/// tokens. Shared with the stand-ins written beside errors.
pub(crate) fn open_impl(out: &mut Out, input: &Input<'_>, name: &str, head: impl FnOnce(&mut Out)) {
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    out.s("#[automatically_derived] impl").tokens(impl_generics);
    head(out);
    out.s(" ").s(name).s(" ").tokens(ty_generics);
    out.tokens(where_clause.clone()).s("{");
}

/// What status-core's `derive_hooks!` takes after its own switches:
/// `total? no_response? [IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`. `total` gives `From`
/// conversions to `http::StatusCode` instead of `TryFrom`; `no_response` keeps the response
/// features' `IntoResponse` and `ResponseError` off a type that has its own. Shared with the
/// stand-ins written beside errors.
pub(crate) fn hook_args(out: &mut Out, input: &Input<'_>, name: &str, total: bool) {
    if total {
        out.s("total ");
    }
    if !input.attrs.implements_into_response() {
        out.s("no_response ");
    }
    lists(out, input, name);
}

/// `[IMPL_GENERICS] [TYPE] [WHERE_CLAUSE]`, as status-core's hook macros take them.
fn lists(out: &mut Out, input: &Input<'_>, name: &str) {
    let (impl_generics, ty_generics, where_clause) = input.node.generics.split_for_impl();
    out.s("[").tokens(impl_generics).s("] [ ").s(name).s(" ");
    out.tokens(ty_generics)
        .s("] [")
        .tokens(where_clause.clone())
        .s("]");
}

/// `::core::option::Option::Some("text")`, or `::core::option::Option::None`.
fn option_str(out: &mut Out, text: Option<&str>) {
    match text {
        Some(text) => {
            out.s("::core::option::Option::Some(").lit(text).s(")");
        }
        None => {
            out.s("::core::option::Option::None");
        }
    }
}

fn code_of(r: &Resolved<'_>) -> Option<u16> {
    match &r.kind {
        Kind::Code(e) => Some(e.code),
        Kind::Other(_) | Kind::Transparent(_) => None,
    }
}

/// The code an `other` variant's field holds, read from the binding `code`: the one place
/// the field is read, so that should it not hold a code after all, rustc says so once, at
/// the field. A `u16` is read as is (a struct literal, not a call: rustc's note on a bad
/// argument would show the user status-core's private function); any other type through
/// `CodeField`, whose message says which types hold a code, spanned on the field's type.
/// Only the value is spanned on the field: a pattern there would be linted as the user's
/// own (`non_shorthand_field_patterns`).
/// `private` is the path to status-core's `__private`.
fn other_code(out: &mut Out, other: &OtherField, private: &str) {
    let span = other.ty_span;
    // Even `u16` is spanned: a type of the user's may be called `u16`.
    let read = Tokens::new(span).punct('*', false).ident("code").finish();
    out.tokens(if other.is_u16 {
        read
    } else {
        Tokens::new(span)
            .path(private)
            .path("::CodeField::__status_code")
            .group(Delimiter::Parenthesis, read)
            .finish()
    });
}

/// `__sc::named(400, "400 Bad Request", "Bad Request", "...", 1)`: a variant's row with
/// the spec's words spelled out.
fn named_row(out: &mut Out, e: &status_spec::CodeEntry, sc: &str) {
    let _ = write!(out, "{sc}::named({}, ", e.code);
    out.lit(&format!("{} {}", e.code, e.reason)).s(", ");
    out.lit(&e.reason).s(", ");
    out.lit(&e.description).s(", ");
    let _ = write!(out, "{})", retry_index(e.retry));
}
