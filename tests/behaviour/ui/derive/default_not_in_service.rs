use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = "safe_browsing", default = 418)]
enum NotListed {
    Database,
}

#[derive(StatusCodes)]
#[status(default = 700)]
enum OutOfRange {
    Database,
}

fn main() {}
