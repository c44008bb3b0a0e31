use status_core::status_set;

status_set! { pub enum A = [99, 600, 404u8]; }

fn main() {}
status_set! { pub enum B = [200..=700]; }
