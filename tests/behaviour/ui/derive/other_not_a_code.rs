use status_core::StatusCodes;

#[derive(StatusCodes)]
enum Float {
    #[status(other)]
    Unexpected(f32),
}

#[derive(StatusCodes)]
enum Text {
    #[status(other)]
    Unexpected { code: &'static str },
}

fn main() {}
