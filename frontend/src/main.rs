//! The public portal's bundle: villages, their profiles (and later the catalog and the cart).

fn main() {
    frontend::start_public::<frontend::app::App>();
}
