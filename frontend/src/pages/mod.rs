//! One component per page address.

#[cfg(feature = "client-apps")]
pub mod account;
#[cfg(feature = "client-apps")]
pub mod admin;
pub mod cart;
pub mod catalog;
#[cfg(feature = "client-apps")]
pub mod checkout;
pub mod consultation;
pub mod directory;
pub mod enterprise;
pub mod home;
pub mod news;
pub mod not_found;
#[cfg(feature = "client-apps")]
pub mod order;
pub mod product;
pub mod product_reviews;
#[cfg(feature = "client-apps")]
pub mod seller;
pub mod shop;
pub mod village;
pub mod village_inquiry;
pub mod village_map;
