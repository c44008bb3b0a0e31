// A `u16` that is not the primitive passes the derive's check by spelling; rustc then
// points at the field.
use status_core::StatusCodes;

#[allow(non_camel_case_types)]
struct u16;

#[derive(StatusCodes)]
enum Shadowed {
    NotFound,
    #[status(other)]
    Other(u16),
}

fn main() {}
