use status_core::status_set;

status_set! { pub enum A = service "nope"; }

// The bad item still declares `A`, so this use adds no "cannot find type" error.
fn takes(_: Option<A>) {}

fn main() {
    takes(None);
}
