//! The map bundle: the map of `/peta`, an island fetched as soon as the page's islands bundle runs
//! (`frontend::islands`).

fn main() {
    frontend::islands::start_map();
}
