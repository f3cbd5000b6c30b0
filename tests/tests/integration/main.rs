//! Integration tests: the real server over HTTP, every test on SQLite and on PostgreSQL.

mod platform;
mod regions;
mod site;
mod villages;
