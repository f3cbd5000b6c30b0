//! Products that shops sell.

pub mod queries;
