use status_core::StatusCodes;

#[derive(StatusCodes)]
struct NotFound;

#[derive(StatusCodes)]
union Payload {
    code: u16,
}

#[derive(StatusCodes)]
enum Empty {}

fn main() {}
