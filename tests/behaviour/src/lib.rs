//! Tests only: see `tests/` (behaviour) and `ui/` (compile-fail cases run by `tests/ui.rs`).
