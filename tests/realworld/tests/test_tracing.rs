//! Feature `tracing`: a masked response logs the full error (its `Display` and `source()`
//! chain) once at error level with the code; an unmasked 4xx only at debug level.

use std::io;
use std::sync::{Arc, Mutex};

use status_realworld_tests::conduit::{ConduitError, SqlxError};
use status_realworld_tests::via_axum;
use tracing::Level;

/// Everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What `run` logs at `level` and above, one line per event.
fn logged(level: Level, run: impl FnOnce()) -> Vec<String> {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(level)
        .without_time()
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, run);
    let bytes = captured.0.lock().expect("not poisoned").clone();
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_masked_error_is_logged_once_at_error_level_with_its_cause() {
    let lines = logged(Level::ERROR, || {
        via_axum(|| ConduitError::Sqlx(SqlxError));
    });
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = &lines[0];
    assert!(line.contains("ERROR"), "{line}");
    assert!(line.contains("code=500"), "{line}");
    assert!(
        line.contains("an error occurred with the database"),
        "{line}"
    );
    assert!(
        line.contains("db01.internal:5432"),
        "the source chain: {line}"
    );
}

#[cfg(feature = "actix")]
#[test]
fn actix_logs_the_same() {
    use status_realworld_tests::ldap::{DomainError, TcpError};
    let lines = logged(Level::ERROR, || {
        status_realworld_tests::via_actix(|| {
            TcpError::from(DomainError::DatabaseError("10.0.0.7 refused".into()))
        });
    });
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("database error: 10.0.0.7 refused"),
        "{}",
        lines[0]
    );
}

#[test]
fn unmasked_client_errors_stay_at_debug_level() {
    let quiet = logged(Level::INFO, || {
        via_axum(|| ConduitError::NotFound);
    });
    assert!(quiet.is_empty(), "{quiet:?}");
    let debug = logged(Level::DEBUG, || {
        via_axum(|| ConduitError::NotFound);
    });
    assert!(
        debug
            .iter()
            .any(|l| l.contains("DEBUG") && l.contains("code=404")),
        "{debug:?}"
    );
}
