use status_core::status_set;

status_set! { pub enum A service "safe_browsing"; }
status_set! { pub enum B = all }
status_set! { pub enum C = [404, "500", 502..=, 503 504]; }
status_set! { pub struct D = all; }
status_set! { #[status] pub enum E = all; }
status_set! { pub enum F = service safe_browsing; }
status_set! { #[status(spec = api)] pub enum G = all; }

fn main() {}
