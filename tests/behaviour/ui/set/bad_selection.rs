use status_core::status_set;

status_set! { pub enum A = everything; }
status_set! { pub enum B = "safe_browsing"; }

fn main() {}
