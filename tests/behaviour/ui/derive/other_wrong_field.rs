use status_core::StatusCodes;

#[derive(StatusCodes)]
enum NotU16 {
    #[status(other)]
    Unexpected(String),
}

#[derive(StatusCodes)]
enum NoField {
    #[status(other)]
    Unexpected,
}

#[derive(StatusCodes)]
enum TwoFields {
    #[status(other)]
    Unexpected { code: u16, message: String },
}

fn main() {}
