use status_core::StatusCodes;

#[derive(StatusCodes)]
enum NotIntegers {
    #[status("404")]
    NotFound,
    #[status(4.04)]
    Gone,
}

fn main() {}
