use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(spec = "fixtures/derive_invalid.toml")]
enum Invalid {
    TooManyRequests,
}

fn main() {}
