// One mistake, one error: the fallback impls keep uses of the enum from piling on more.
use status_core::{HttpStatus, StatusCodes};

#[derive(Debug, StatusCodes)]
#[status(service = "safe_browsing")]
enum Quota {
    ResourceExhausted,
    Busy,
    #[status(other)]
    Other(u16),
}

fn main() {
    let quota = Quota::from(429);
    println!("{quota} {} {:?}", quota.code(), Quota::from_code(503));
}
