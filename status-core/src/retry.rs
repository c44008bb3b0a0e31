use core::fmt;

/// What a client should do about a response, as the spec advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Repeating the same request is pointless (successes, redirects).
    Never,
    /// Do not retry until the request has been changed.
    Modify,
    /// Retry after supplying or refreshing credentials.
    Reauthenticate,
    /// Transient: retry with exponential back-off.
    Backoff,
    /// Wait as long as the `Retry-After` header says, then retry.
    RetryAfter,
}

impl Retry {
    /// The spelling used in `codes.toml`, e.g. `"retry-after"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Modify => "modify",
            Retry::Reauthenticate => "reauthenticate",
            Retry::Backoff => "backoff",
            Retry::RetryAfter => "retry-after",
        }
    }

    /// Whether sending the same request again, unchanged, can succeed.
    ///
    /// ```
    /// use status_core::Retry;
    /// assert!(Retry::Backoff.is_retryable());
    /// assert!(!Retry::Modify.is_retryable());
    /// ```
    pub const fn is_retryable(self) -> bool {
        matches!(self, Retry::Backoff | Retry::RetryAfter)
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
