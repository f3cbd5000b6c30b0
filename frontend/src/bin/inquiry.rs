//! The inquiry bundle: the inquiry form of a page of islands, fetched when its button is first tapped
//! (`frontend::islands`).

fn main() {
    frontend::islands::start_inquiry();
}
