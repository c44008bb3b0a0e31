use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = "safe_browsing")]
enum SafeBrowsingError {
    TooManyRequest,
    Teapot,
    PermissionDenied,
}

#[derive(StatusCodes)]
enum Base {
    NotFond,
    SomethingElse,
}

fn main() {}
