use status_core::StatusCodes;

#[derive(StatusCodes)]
enum ApiError {
    #[status(transparent)]
    NoField,
    #[status(transparent)]
    TwoFields(std::io::ErrorKind, u8),
    #[status(transparent)]
    Empty {},
}

fn main() {}
