use status_core::StatusCodes;

#[derive(StatusCodes)]
enum TwoOthers {
    NotFound,
    #[status(other)]
    Unexpected(u16),
    #[status(other)]
    Unknown(u16),
}

fn main() {}
