//! Integration tests: the real server over HTTP, every test on SQLite and on PostgreSQL.

mod access;
mod admin_flows;
mod auth_flows;
mod cart;
mod catalog;
mod idm;
mod images;
mod news;
mod officials;
mod orders;
mod platform;
mod profile;
mod regions;
mod search;
mod site;
mod village_content;
mod villages;
