use status_core::status_set;

status_set! { pub enum Reversed = [504..=502]; }
status_set! { pub enum Empty = [590..=599]; }
status_set! { pub enum Exclusive = [500..504]; }

fn main() {}
