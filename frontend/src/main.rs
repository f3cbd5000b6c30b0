//! The portal bundle: the home page and a village's page.

fn main() {
    frontend::start_public::<frontend::app::App>();
}
