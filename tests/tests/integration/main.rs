//! Integration tests: the real server over HTTP, every test on SQLite and on PostgreSQL.
// Their helpers are not `#[test]` functions, which is all clippy's `allow-*-in-tests` sees.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "integration tests: a panic is a failed test")]

mod access;
mod admin_flows;
mod auth_flows;
mod auth_hardening;
mod cart;
mod catalog;
mod certificates;
mod complaints;
mod consultations;
mod contract;
mod control_characters;
mod dashboards;
mod english_products;
mod idm;
mod images;
mod inquiries;
mod news;
mod officials;
mod orders;
mod platform;
mod producer_ledger;
mod profile;
mod push;
mod regions;
mod reviews;
mod search;
mod sign_ups;
mod site;
mod village_content;
mod village_map;
mod villages;
mod write_turns;
