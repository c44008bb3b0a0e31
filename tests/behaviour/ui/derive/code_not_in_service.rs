use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = "safe_browsing")]
enum SafeBrowsingError {
    #[status(404)]
    NotFound,
}

#[derive(StatusCodes)]
enum Base {
    #[status(499)]
    ClientClosedRequest,
}

fn main() {}
