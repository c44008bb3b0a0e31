use status_core::status_set;

status_set! {
    #[status(spec = "api/codes.toml")]
    pub enum Billing = service "billing";
}

fn main() {}
