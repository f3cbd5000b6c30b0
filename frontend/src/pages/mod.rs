//! One component per page address.

pub mod account;
pub mod admin;
pub mod directory;
pub mod enterprise;
pub mod home;
pub mod news;
pub mod not_found;
pub mod village;
