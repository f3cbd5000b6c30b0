//! The browse bundle: a village's news and enterprise pages.

fn main() {
    frontend::start::<frontend::browse::Browse>();
}
