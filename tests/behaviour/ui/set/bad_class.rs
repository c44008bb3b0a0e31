use status_core::status_set;

status_set! { pub enum A = 6xx; }
status_set! { pub enum B = 4yy; }

fn main() {}
