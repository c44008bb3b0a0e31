use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = "safe_browsing")]
#[status(service = "web_api")]
enum Twice {
    #[status(400, 403)]
    TwoCodes,
    #[status(500)]
    #[status(other)]
    CodeAndOther(u16),
}

fn main() {}
