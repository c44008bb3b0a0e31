use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = safe_browsing, display = "no", crate = 5)]
enum BadValues {
    NotFound,
}

#[derive(StatusCodes)]
#[status(display, spec)]
enum MissingValues {
    NotFound,
}

fn main() {}
