use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(service = "safe_browsin")]
enum SafeBrowsingError {
    #[status(403)]
    PermissionDenied,
    ResourceExhausted,
}

#[derive(StatusCodes)]
#[status(service = "billing")]
enum Billing {
    PaymentRequired,
}

fn main() {}
