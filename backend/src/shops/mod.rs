//! Shops: a seller's or village enterprise's stall in one village.

pub mod queries;
