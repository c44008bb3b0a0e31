use core::fmt;

use crate::Retry;

/// The class a status code's first digit puts it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatusClass {
    /// 1xx: the request was received, the exchange goes on.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: the client must act further to complete the request.
    Redirection,
    /// 4xx: the request is at fault.
    ClientError,
    /// 5xx: the server failed a request that may have been valid.
    ServerError,
}

impl StatusClass {
    /// The class of `code`, or `None` outside `100..=599`.
    ///
    /// ```
    /// use status_core::StatusClass;
    /// assert_eq!(StatusClass::of(404), Some(StatusClass::ClientError));
    /// assert_eq!(StatusClass::of(99), None);
    /// assert_eq!(StatusClass::of(600), None);
    /// ```
    pub const fn of(code: u16) -> Option<StatusClass> {
        match code {
            100..=199 => Some(StatusClass::Informational),
            200..=299 => Some(StatusClass::Success),
            300..=399 => Some(StatusClass::Redirection),
            400..=499 => Some(StatusClass::ClientError),
            500..=599 => Some(StatusClass::ServerError),
            _ => None,
        }
    }

    /// A short phrase naming the class, e.g. "Client Error".
    pub const fn phrase(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Success",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client Error",
            StatusClass::ServerError => "Server Error",
        }
    }

    /// A sentence describing any code of the class.
    pub const fn description(self) -> &'static str {
        match self {
            StatusClass::Informational => "An interim response: the exchange continues.",
            StatusClass::Success => "The request was received and handled.",
            StatusClass::Redirection => {
                "The client has to take a further step to finish the request."
            }
            StatusClass::ClientError => "The server will not handle the request as sent.",
            StatusClass::ServerError => {
                "The server failed to handle a request that may have been valid."
            }
        }
    }

    /// The advice for a code of this class that no entry describes.
    pub const fn default_retry(self) -> Retry {
        match self {
            StatusClass::Informational | StatusClass::Success | StatusClass::Redirection => {
                Retry::Never
            }
            StatusClass::ClientError => Retry::Modify,
            StatusClass::ServerError => Retry::Backoff,
        }
    }
}

impl fmt::Display for StatusClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.phrase())
    }
}
