use status_core::StatusCodes;

#[derive(StatusCodes)]
enum Kind {
    #[status(404)]
    Missing,
}

#[derive(StatusCodes)]
struct Wrapper {
    #[status(transparent)]
    kind: Kind,
    #[status(transparent)]
    cause: Kind,
}

#[derive(StatusCodes)]
#[status(500)]
struct CodeAndField {
    #[status(transparent)]
    kind: Kind,
}

fn main() {}
