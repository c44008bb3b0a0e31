use status_core::StatusCodes;

#[derive(StatusCodes)]
enum Keys {
    #[status(code = 404)]
    NotFound,
    #[status(othr)]
    Unexpected(u16),
    #[status(service = "web_api")]
    BadRequest,
}

fn main() {}
