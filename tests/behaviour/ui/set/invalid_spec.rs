use status_core::status_set;

status_set! {
    #[status(spec = "fixtures/derive_invalid.toml")]
    pub enum Broken = all;
}

fn main() {}
