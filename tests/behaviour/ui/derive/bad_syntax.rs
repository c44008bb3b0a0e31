use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status]
enum NoList {
    NotFound,
}

#[derive(StatusCodes)]
#[status = "safe_browsing"]
enum NotAList {
    NotFound,
}

#[derive(StatusCodes)]
#[status(service = "safe_browsing" display = false)]
enum NoComma {
    ResourceExhausted,
}

#[derive(StatusCodes)]
#[status(crate = "not a path", display = false false)]
enum BadPath {
    NotFound,
}

fn main() {}
