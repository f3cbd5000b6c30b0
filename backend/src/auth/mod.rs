//! Who is asking and what they may do: sessions, passwords, sign-in limits and known devices, CSRF and
//! role guards.

pub mod csrf;
pub mod device;
pub mod guards;
pub mod limits;
pub mod password;
pub mod queries;
pub mod session;
pub mod token;
pub mod user;

pub use guards::{Admin, DistrictAdmin};
pub use user::{CurrentUser, Scope};
