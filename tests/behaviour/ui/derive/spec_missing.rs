use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(spec = "fixtures/no_such_file.toml")]
enum Missing {
    NotFound,
}

fn main() {}
