//! Two `lapak` processes on one PostgreSQL database, as behind a load balancer: buyers racing for a
//! scarce product through both never oversell it, a checkout retried through both with one
//! `Idempotency-Key` makes one set of orders, a price changed through one shows on the other within the
//! page-cache time, and both background jobs sweeping the same overdue orders cancel each once.

use std::path::Path;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::bench_orders::{BUYERS, PHONE, Pick, UNITS, call, checkout_by, choose, oversell, post_order};
use crate::server::Server;
use crate::shop_owners::Owners;
use crate::sql::Database;
use crate::util::{TempDir, stage};

/// Checkouts each sent four times at once (twice to each server) with one key.
const KEYS: usize = 12;
/// Transfer orders the seller accepts and nobody pays, for both sweepers at once.
const UNPAID: usize = 40;
/// The page cache's time to live (the default) and what a change may take beyond it to show.
const PAGE_CACHE_MS: u64 = 1000;
const SLACK_MS: u64 = 500;

/// Runs the four checks on `db` (holding the demo data); the first server's files are in `data`.
pub fn run(lapak: &Path, dist: &Path, data: &Path, db: &Database) -> Result<()> {
    let second = TempDir::new("lapak-durability-second")?;
    let url = db.url();
    let media = data.to_string_lossy().into_owned();
    let quiet = [("DATABASE_URL", url.as_str()), ("LAPAK_ORDER_SWEEP_SECS", "0"), ("LAPAK_DATA_DIR", media.as_str())];
    let (one, two) = both(lapak, dist, data, second.path(), &quiet)?;
    let (shops, spare) = choose(one.port)?;
    let mut owners = Owners::default();

    stage(&format!("two servers: {BUYERS} buyers through both for {UNITS} units"), || {
        let (product, _) = spare.lines[0];
        owners.set_stock(one.port, &spare, product, UNITS)?;
        let mut seen = oversell(&[one.port, two.port], &checkout_by(std::slice::from_ref(&spare), "Uji Dua Server"))?;
        seen.stock_left = owners.stock(two.port, &spare, product)?;
        println!(
            "{} sold, {} refused, other {:?}, stock left {}",
            seen.sold, seen.refused, seen.other, seen.stock_left
        );
        if seen.sold != UNITS as usize || !seen.other.is_empty() || seen.stock_left != 0 {
            bail!("oversell through two servers: {} sold of {UNITS}, other answers {:?}", seen.sold, seen.other);
        }
        Ok(())
    })?;
    let mut shop = Pick { lines: shops[0].lines[..1].to_vec(), ..shops[0].clone() };
    let (product, price) = shop.lines[0];
    owners.set_stock(one.port, &shop, product, 100_000)?;
    stage(&format!("two servers: {KEYS} checkouts, each sent 4 times through both with one key"), || {
        one_order_per_key(&[one.port, two.port], &checkout_by(std::slice::from_ref(&shop), "Uji Satu Kunci"), db)
    })?;
    stage("two servers: a price changed on one shows on the other", || {
        price_shows(&mut owners, &shop, product, price + 137, &one, &two)
    })?;
    shop.lines[0].1 = price + 137;
    let codes = stage(&format!("two servers: {UNPAID} transfer orders accepted, left unpaid"), || {
        unpaid_orders(&mut owners, &shop, [one.port, two.port])
    })?;
    one.stop()?;
    two.stop()?;
    let stock_before = db.number(&format!("SELECT stock FROM products WHERE id = {product}"))?;
    stage("two servers: both background jobs cancel the unpaid orders", || {
        let sweeping = [
            ("DATABASE_URL", url.as_str()),
            ("LAPAK_ORDER_SWEEP_SECS", "1"),
            ("LAPAK_UNPAID_CANCEL_HOURS", "0"),
            ("LAPAK_DATA_DIR", media.as_str()),
        ];
        let (one, two) = both(lapak, dist, data, second.path(), &sweeping)?;
        let list = codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(",");
        let deadline = Instant::now() + Duration::from_secs(30);
        let cancelled = format!("SELECT COUNT(*) FROM orders WHERE code IN ({list}) AND status = 'dibatalkan'");
        while db.number(&cancelled)? < UNPAID as i64 {
            if Instant::now() > deadline {
                bail!("the unpaid orders were not all cancelled within 30 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // A few more sweeps by each: a cancelled order must stay cancelled once.
        std::thread::sleep(Duration::from_millis(2500));
        one.stop()?;
        two.stop()?;
        Ok(())
    })?;
    stage("two servers: each order moved once", || {
        let list = codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(",");
        let moves = db.number(&format!(
            "SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id \
             WHERE o.code IN ({list}) AND e.to_status = 'dibatalkan'"
        ))?;
        let twice = db.number(
            "SELECT COUNT(*) FROM (SELECT order_id FROM order_events WHERE to_status = 'dibatalkan' \
             GROUP BY order_id HAVING COUNT(*) > 1) AS twice",
        )?;
        let stock = db.number(&format!("SELECT stock FROM products WHERE id = {product}"))?;
        println!(
            "{moves} cancellations for {UNPAID} orders; {twice} orders cancelled twice; stock {stock_before} → {stock}"
        );
        if moves != UNPAID as i64 || twice != 0 || stock != stock_before + UNPAID as i64 {
            bail!(
                "double moves: {moves} cancellations for {UNPAID} orders, {twice} cancelled more than once, stock \
                 {stock} where {} was due",
                stock_before + UNPAID as i64
            );
        }
        Ok(())
    })
}

/// Starts a server over `data` and one over `second` (both given `env`) at once, and waits for both.
fn both(lapak: &Path, dist: &Path, data: &Path, second: &Path, env: &[(&str, &str)]) -> Result<(Server, Server)> {
    let env = crate::durability::ordering(env);
    let mut one = Server::spawn_with(lapak, data, dist, &env)?;
    let mut two = Server::spawn_with(lapak, second, dist, &env)?;
    one.wait_ready(Duration::from_secs(60))?;
    two.wait_ready(Duration::from_secs(60))?;
    println!("servers at {} and {}", one.base_url, two.base_url);
    Ok((one, two))
}

fn one_order_per_key(ports: &[u16], checkout: &str, db: &Database) -> Result<()> {
    for k in 0..KEYS {
        let phone = format!("0818{k:08}");
        let body = checkout.replace(PHONE, &phone);
        let key = format!("two-servers-{k}");
        let start = Barrier::new(4);
        let answers: Vec<Result<(u16, String)>> = std::thread::scope(|s| {
            let senders: Vec<_> = (0..4)
                .map(|i| {
                    let (port, body, key, start) = (ports[i % ports.len()], &body, &key, &start);
                    s.spawn(move || {
                        start.wait();
                        post_order(port, body, Some(key))
                    })
                })
                .collect();
            senders.into_iter().map(|t| t.join().unwrap_or_else(|_| bail!("a sender panicked"))).collect()
        });
        let mut created = 0;
        let mut codes = Vec::new();
        for answer in answers {
            let (status, text) = answer?;
            let placed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            match status {
                201 => created += 1,
                200 => {}
                _ => bail!("key {key}: answered {status}: {text}"),
            }
            codes.push(placed["orders"][0]["code"].as_str().unwrap_or_default().to_owned());
        }
        let written = db.number(&format!("SELECT COUNT(*) FROM orders WHERE buyer_phone = '62{}'", &phone[1..]))?;
        if created != 1 || codes.iter().any(|c| c.is_empty() || *c != codes[0]) || written != 1 {
            bail!("key {key}: {created} answers 201, codes {codes:?}, {written} orders written (one of each due)");
        }
    }
    println!("{KEYS} keys: one order each, the same code in all four answers");
    Ok(())
}

/// Changes the price through `one` (after `two` has kept the product's page) and waits for `two` to show it.
fn price_shows(owners: &mut Owners, shop: &Pick, product: i64, new: i64, one: &Server, two: &Server) -> Result<()> {
    let (_, detail) = call(two.port, "GET", &format!("/api/v1/products/{product}"), None, "")?;
    let slug = detail["slug"].as_str().with_context(|| format!("product {product} has no slug: {detail}"))?;
    let path = format!("/produk/{product}-{slug}");
    let page = |server: &Server| -> Result<String> {
        let head = format!("GET {path} HTTP/1.1\r\n");
        let (status, text) = crate::bench_images::request(server.port, &head, b"")?;
        if status != 200 {
            bail!("GET {path} answered {status}");
        }
        Ok(text)
    };
    let shown = format!("\"price\":\"{new}\"");
    if page(two)?.contains(&shown) {
        bail!("{path} already shows the new price");
    }
    let (cookie, mut record) = owners.record(one.port, shop, product)?;
    record["price"] = json!(new);
    let changed = Instant::now();
    let (status, answer) = call(
        one.port,
        "PUT",
        &format!("/api/v1/shops/{}/products/{product}", shop.shop_id),
        Some(&cookie),
        &record.to_string(),
    )?;
    if status != 200 {
        bail!("changing the price answered {status}: {answer}");
    }
    if !page(one)?.contains(&shown) {
        bail!("the server that made the change does not show it at once");
    }
    while !page(two)?.contains(&shown) {
        if changed.elapsed() > Duration::from_millis(PAGE_CACHE_MS + SLACK_MS) {
            bail!("the other server still shows the old price {} ms after the change", changed.elapsed().as_millis());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    println!("{path}: the new price showed on the other server after {} ms", changed.elapsed().as_millis());
    Ok(())
}

/// Places `UNPAID` transfer orders (through both servers in turn) and has the seller accept each.
fn unpaid_orders(owners: &mut Owners, shop: &Pick, ports: [u16; 2]) -> Result<Vec<String>> {
    let mut checkout: Value = serde_json::from_str(&checkout_by(std::slice::from_ref(shop), "Uji Belum Bayar"))?;
    checkout["shops"][0]["payment"] = json!("transfer");
    let checkout = checkout.to_string();
    let cookie = owners.cookie(ports[0], shop)?;
    let mut codes = Vec::new();
    for i in 0..UNPAID {
        let port = ports[i % 2];
        let (status, text) = post_order(port, &checkout.replace(PHONE, &format!("0819{i:08}")), None)?;
        let placed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let code =
            placed["orders"][0]["code"].as_str().with_context(|| format!("a transfer order: {status} {text}"))?;
        let path = format!("/api/v1/shops/{}/orders/{code}/actions", shop.shop_id);
        let (status, answer) = call(ports[(i + 1) % 2], "POST", &path, Some(&cookie), r#"{"action":"terima"}"#)?;
        if status != 200 || answer["status"] != "menunggu_bayar" {
            bail!("accepting {code} answered {status}: {answer}");
        }
        codes.push(code.to_owned());
    }
    Ok(codes)
}
