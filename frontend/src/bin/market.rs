//! The market bundle: the catalog, products, shops and the cart.

fn main() {
    frontend::start_public::<frontend::market::Market>();
}
