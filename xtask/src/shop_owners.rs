//! The demo shop owners' sessions, for the benchmark's and the durability stages' changes to listings
//! (stock, price) made as their sellers would make them.

use std::collections::HashMap;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::bench_images::sign_in;
use crate::bench_orders::{Pick, call};

/// The demo shop owners' sessions, signed in once each, for changing their listings' stock.
#[derive(Default)]
pub struct Owners(HashMap<String, String>);

impl Owners {
    pub fn cookie(&mut self, port: u16, shop: &Pick) -> Result<String> {
        if let Some(cookie) = self.0.get(&shop.owner) {
            return Ok(cookie.clone());
        }
        let cookie = sign_in(port, &shop.owner)?;
        self.0.insert(shop.owner.clone(), cookie.clone());
        Ok(cookie)
    }

    /// The listing as its seller's page loads it (never a cached page).
    pub fn record(&mut self, port: u16, shop: &Pick, product: i64) -> Result<(String, Value)> {
        let cookie = self.cookie(port, shop)?;
        let (status, records) =
            call(port, "GET", &format!("/api/v1/shops/{}/products", shop.shop_id), Some(&cookie), "")?;
        let record = records.as_array().and_then(|r| r.iter().find(|r| r["id"] == product)).cloned();
        let record = record.with_context(|| format!("product {product} is not in its shop's listings ({status})"))?;
        Ok((cookie, record))
    }

    pub fn stock(&mut self, port: u16, shop: &Pick, product: i64) -> Result<i64> {
        let (_, record) = self.record(port, shop, product)?;
        record["stock"].as_i64().context("a listing without stock")
    }

    /// Saves the listing with `stock` units, as its seller would.
    pub fn set_stock(&mut self, port: u16, shop: &Pick, product: i64, stock: i64) -> Result<()> {
        let (cookie, mut record) = self.record(port, shop, product)?;
        record["stock"] = stock.into();
        let path = format!("/api/v1/shops/{}/products/{product}", shop.shop_id);
        let (status, answer) = call(port, "PUT", &path, Some(&cookie), &record.to_string())?;
        if status != 200 {
            bail!("setting the stock of product {product} to {stock} answered {status}: {answer}");
        }
        Ok(())
    }
}
