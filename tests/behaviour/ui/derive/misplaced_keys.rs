use status_core::StatusCodes;

#[derive(StatusCodes)]
#[status(transparent, www_authenticate = "Bearer\nrealm")]
enum OnTheEnum {
    #[status(401, www_authenticate = "")]
    Unauthorized,
    #[status(500)]
    Db(#[status(transparent)] u16),
}

#[derive(StatusCodes)]
#[status(default = 500, mask = maybe)]
struct DefaultOnStruct {
    #[status(transparent, other)]
    kind: u16,
}

fn main() {}
