//! The browse bundle: the directory, a village's news, enterprise pages, the map and inquiries.

fn main() {
    frontend::start_public::<frontend::browse::Browse>();
}
