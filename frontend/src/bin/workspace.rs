//! The workspace bundle: signing in and up, the account page and the admin area.

fn main() {
    frontend::start::<frontend::workspace::Workspace>();
}
