//! The islands bundle: what a server-rendered page with islands runs (`frontend::islands`).

fn main() {
    frontend::islands::start();
}
