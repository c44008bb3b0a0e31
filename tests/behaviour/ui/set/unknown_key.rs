use status_core::status_set;

status_set! {
    #[status(file = "codes.toml")]
    pub enum A = all;
}

fn main() {}
