use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(servce = "safe_browsing", colour = "red")]
enum Typo {
    NotFound,
}

#[derive(StatusCodes)]
#[status(other)]
#[status(404)]
enum VariantKeysOnTheEnum {
    NotFound,
}

fn main() {}
