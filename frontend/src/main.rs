//! The public portal's bundle: villages, their profiles (and later the catalog and the cart).

fn main() {
    frontend::start::<frontend::app::App>();
}
