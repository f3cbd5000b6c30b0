//! Integration tests: the real server over HTTP, every test on SQLite and on PostgreSQL.

mod access;
mod platform;
mod regions;
mod site;
mod villages;
