// `from_code` and `From<u16>` exist only when a code alone can make a value.
use status_core::StatusCodes;

#[derive(Debug, StatusCodes)]
enum WithData {
    #[status(400)]
    BadRequest(String),
    #[status(other)]
    Other(u16),
}

#[derive(Debug, StatusCodes)]
enum SharedCode {
    #[status(500)]
    Database,
    #[status(500)]
    Cache,
}

fn main() {
    let _ = WithData::from_code(400);
    let _ = WithData::from(404);
    let _ = SharedCode::from_code(500);
}
