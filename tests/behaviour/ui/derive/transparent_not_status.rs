use status_core::StatusCodes;

#[derive(StatusCodes)]
enum ApiError {
    #[status(transparent)]
    Io(std::io::Error),
    #[status(transparent)]
    Message { text: String },
}

fn main() {}
