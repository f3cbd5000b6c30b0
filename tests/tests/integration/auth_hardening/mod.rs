//! Accounts hardened (issue 18): no secret in the request log, no lock-out of the owner by strangers,
//! no common password.

mod common_passwords;
mod lockout;
mod request_log;
