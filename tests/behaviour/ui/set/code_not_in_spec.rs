use status_core::status_set;

status_set! { pub enum A = [200, 499, 429, 429]; }

fn main() {}
