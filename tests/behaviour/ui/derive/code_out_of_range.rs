use status_core::StatusCodes;

#[derive(StatusCodes)]
enum OutOfRange {
    #[status(99)]
    TooLow,
    #[status(600)]
    TooHigh,
    #[status(70000)]
    NotEvenAU16,
    #[status(-1)]
    Negative,
}

fn main() {}
