//! The purchase bundle: checkout and order tracking.

fn main() {
    frontend::start_public::<frontend::purchase::Purchase>();
}
