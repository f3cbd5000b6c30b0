//! The browse bundle: a village's news, enterprise pages and the marketplace (catalog, products, shops).

fn main() {
    frontend::start_public::<frontend::browse::Browse>();
}
