use status_core::StatusCodes;

#[derive(StatusCodes)]
struct Wrapper {
    kind: u16,
    message: String,
}

#[derive(StatusCodes)]
struct Tuple(u16);

fn main() {}
