//! The workspace bundle: signing in and up, the account page, the seller's dashboard and the consultation
//! desk's own pages (the admin area is `bin/admin.rs`).

fn main() {
    frontend::start::<frontend::workspace::Workspace>();
}
