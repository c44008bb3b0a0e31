//! Shared by the ecosystem tests: a real axum server on 127.0.0.1 (port 0), stopped when
//! dropped, and a bound on how long any test may take.

pub mod script;

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A server on a free loopback port, serving until dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Server {
    /// Binds 127.0.0.1:0 and serves `router` on the current runtime.
    ///
    /// # Errors
    /// When the port cannot be bound.
    pub async fn start(router: Router) -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            // Ends when the test drops the server (abort) or the listener fails.
            let _ = axum::serve(listener, router).await;
        });
        Ok(Server { addr, task })
    }

    /// `http://127.0.0.1:PORT{path}`.
    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// No test here may run longer than this, whatever the server or client does.
pub const TEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Runs `test` under [`TEST_TIMEOUT`].
///
/// # Panics
/// When the time runs out: a test failure.
#[allow(
    clippy::panic,
    reason = "a test helper: running out of time fails the test"
)]
pub async fn bounded<T>(test: impl Future<Output = T>) -> T {
    match tokio::time::timeout(TEST_TIMEOUT, test).await {
        Ok(out) => out,
        Err(_) => panic!("test took longer than {TEST_TIMEOUT:?}"),
    }
}
