use status_core::StatusCodes;

#[derive(StatusCodes)]
enum Inner {
    #[status(404)]
    Missing,
}

#[derive(StatusCodes)]
enum ApiError {
    #[status(404, transparent)]
    WithCode(Inner),
    #[status(transparent, other)]
    WithOther(Inner),
    #[status(transparent, www_authenticate = "Bearer", mask = false)]
    WithResponseKeys(Inner),
}

fn main() {}
