//! One component per page address.

pub mod account;
pub mod admin;
pub mod cart;
pub mod catalog;
pub mod checkout;
pub mod consultation;
pub mod directory;
pub mod enterprise;
pub mod home;
pub mod news;
pub mod not_found;
pub mod order;
pub mod product;
pub mod seller;
pub mod shop;
pub mod village;
pub mod village_inquiry;
pub mod village_map;
