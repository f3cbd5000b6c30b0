//! The admin area's bundle: `/admin…`.

fn main() {
    frontend::start::<frontend::admin_area::AdminArea>();
}
