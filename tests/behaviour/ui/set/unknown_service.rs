use status_core::status_set;

status_set! {
    pub enum A = service "safe_browsin";
    pub enum B = service "billing";
}

fn main() {}
