//! status-core's checked-in fallback tables are exactly what the generator makes of the
//! embedded spec. After an edit of `codes.toml`:
//! `STATUS_BLESS=1 cargo test -p status-codegen --test test_registry`.

use std::path::Path;

use status_codegen::{registry_source, registry_table};
use status_spec::Spec;

#[test]
fn status_core_registry_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core/src/registry.rs");
    let expected = registry_source(Spec::embedded());
    if std::env::var_os("STATUS_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("write status-core/src/registry.rs");
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "status-core/src/registry.rs is stale; run STATUS_BLESS=1 cargo test -p status-codegen --test test_registry"
    );
}

#[test]
fn tables_are_numbered_base_first_then_services_by_name() {
    let spec = Spec::embedded();
    assert_eq!(registry_table(spec, None), Some(0));
    assert_eq!(registry_table(spec, Some("huawei_cloud")), Some(1));
    assert_eq!(registry_table(spec, Some("web_api")), Some(5));
    assert_eq!(registry_table(spec, Some("billing")), None);
}
