//! Feature `serde`: generated sets are their numeric code on the wire.

use std::collections::BTreeMap;

use status_core::status_set;

status_set! {
    /// Safe Browsing's codes.
    #[derive(PartialOrd, Ord)]
    pub enum SafeBrowsing = service "safe_browsing";
}

#[test]
fn serializes_as_the_number() -> serde_json::Result<()> {
    assert_eq!(
        serde_json::to_string(&SafeBrowsing::ResourceExhausted)?,
        "429"
    );
    assert_eq!(serde_json::to_string(&SafeBrowsing::from(404))?, "404");
    assert_eq!(serde_json::to_string(&SafeBrowsing::from(42))?, "42");
    assert_eq!(
        serde_json::to_value(SafeBrowsing::Ok)?,
        serde_json::json!(200)
    );
    Ok(())
}

#[test]
fn every_u16_round_trips() -> serde_json::Result<()> {
    for code in 0..=u16::MAX {
        let status = SafeBrowsing::from(code);
        let text = serde_json::to_string(&status)?;
        assert_eq!(text, code.to_string());
        assert_eq!(serde_json::from_str::<SafeBrowsing>(&text)?, status);
    }
    Ok(())
}

#[test]
fn deserializes_named_and_other_codes() -> serde_json::Result<()> {
    assert_eq!(
        serde_json::from_str::<SafeBrowsing>("503")?,
        SafeBrowsing::ServiceUnavailable
    );
    let other = serde_json::from_str::<SafeBrowsing>("404")?;
    assert!(matches!(other, SafeBrowsing::Other(_)));
    assert_eq!(u16::from(other), 404);
    assert_eq!(
        serde_json::from_value::<SafeBrowsing>(serde_json::json!(429))?,
        SafeBrowsing::ResourceExhausted
    );
    Ok(())
}

#[test]
fn out_of_range_numbers_are_rejected_not_truncated() {
    let cases = [
        (
            "70000",
            "invalid value: integer `70000`, expected a status code, an integer from 0 to 65535 at line 1 column 5",
        ),
        (
            "65536",
            "invalid value: integer `65536`, expected a status code, an integer from 0 to 65535 at line 1 column 5",
        ),
        (
            "-1",
            "invalid value: integer `-1`, expected a status code, an integer from 0 to 65535 at line 1 column 2",
        ),
        (
            "429.0",
            "invalid type: floating point `429.0`, expected a status code, an integer from 0 to 65535 at line 1 column 5",
        ),
        (
            "\"429\"",
            "invalid type: string \"429\", expected a status code, an integer from 0 to 65535 at line 1 column 5",
        ),
        (
            "null",
            "invalid type: null, expected a status code, an integer from 0 to 65535 at line 1 column 4",
        ),
    ];
    for (json, message) in cases {
        let err = serde_json::from_str::<SafeBrowsing>(json).expect_err(json);
        assert_eq!(err.to_string(), message, "{json}");
    }
    // Too large for any integer type: serde_json reads a float, still an error.
    let err = serde_json::from_str::<SafeBrowsing>("18446744073709551616").expect_err("2^64");
    assert!(
        err.to_string().starts_with("invalid type: floating point"),
        "{err}"
    );
    for value in [
        serde_json::json!(70000),
        serde_json::json!(-1),
        serde_json::json!(i64::MIN),
    ] {
        let err = serde_json::from_value::<SafeBrowsing>(value.clone()).expect_err("out of range");
        assert!(
            err.to_string().starts_with("invalid value: integer"),
            "{value}: {err}"
        );
    }
}

#[test]
fn works_as_a_map_key() -> serde_json::Result<()> {
    let counts = BTreeMap::from([
        (SafeBrowsing::Ok, 10),
        (SafeBrowsing::ResourceExhausted, 2),
        (SafeBrowsing::from(404), 1),
    ]);
    let text = serde_json::to_string(&counts)?;
    // In the set's order (its derived `Ord`): named variants by code, then `Other`.
    assert_eq!(text, r#"{"200":10,"429":2,"404":1}"#);
    assert_eq!(
        serde_json::from_str::<BTreeMap<SafeBrowsing, u32>>(&text)?,
        counts
    );
    Ok(())
}
