//! `cargo xtask bench`, the orders part: guest checkouts of 3 lines from 2 demo shops (2 orders each) under
//! wrk at 16 connections, without and with an `Idempotency-Key`, and the oversell test (64 buyers at once
//! for 20 units) — on the demo data over SQLite and over a fresh PostgreSQL database.

use std::path::{Path, PathBuf};
use std::sync::Barrier;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::bench::{Load, Row, non_2xx, row, wrk};
use crate::bench_catalog::postgres;
use crate::bench_images::request;
use crate::server::Server;
use crate::shop_owners::Owners;
use crate::util::{TempDir, stage};

const TARGET_ORDERS_PER_S: f64 = 200.0;
const TARGET_P99_MS: f64 = 200.0;
const CONNECTIONS: u32 = 16;
/// Buyers who press "Pesan" at the same moment in the oversell test, and the units they fight over.
pub const BUYERS: usize = 64;
pub const UNITS: i64 = 20;
/// The most a listing may hold (`shared::product::STOCK_MAX`): more than any run here can sell.
pub const PLENTY: i64 = 1_000_000;
const POSTGRES_DB: &str = "lapak_bench_orders";
/// Stands for the buyer's WhatsApp number in a checkout's JSON; each request puts its own there.
pub const PHONE: &str = "@PHONE@";

/// A demo shop and the products taken from it, each as `(product id, price)`.
#[derive(Clone)]
pub struct Pick {
    pub shop_id: i64,
    /// The shop's WhatsApp number, which is also its demo owner's sign-in.
    pub owner: String,
    pub lines: Vec<(i64, i64)>,
}

/// What the oversell test saw.
pub struct Oversell {
    pub sold: usize,
    pub refused: usize,
    /// Answers that were neither 201 nor 409 (or no answer at all).
    pub other: Vec<String>,
    pub stock_left: i64,
}

/// One wrk run of checkouts, and the p99 of the same requests as the server logged them (wrk's own figure
/// is corrected for coordinated omission, so it is the larger).
struct Run {
    load: Load,
    server_p99_ms: Option<f64>,
}

/// What one database gave.
struct Figures {
    engine: &'static str,
    plain: Run,
    keyed: Run,
    oversell: Oversell,
}

/// Measures SQLite and (when reachable) PostgreSQL; the table's rows.
pub fn rows(lapak: &Path, dist: &Path, seconds: u64) -> Result<Vec<Row>> {
    let data = TempDir::new("lapak-bench-orders")?;
    let sqlite = format!("sqlite://{}", data.path().join("lapak.db").display());
    let mut figures = vec![one("SQLite", lapak, dist, data.path(), &sqlite, seconds)?];
    if postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}")).is_ok() {
        postgres(&format!("CREATE DATABASE {POSTGRES_DB}"))?;
        let pg_data = TempDir::new("lapak-bench-orders-pg")?;
        let url = format!("postgres://postgres@127.0.0.1:5432/{POSTGRES_DB}");
        let measured = one("PostgreSQL", lapak, dist, pg_data.path(), &url, seconds);
        postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}"))?;
        figures.push(measured?);
    } else {
        println!("bench: PostgreSQL is not reachable at 127.0.0.1:5432; orders are measured on SQLite only");
    }
    Ok(figures.iter().flat_map(table).collect())
}

fn table(f: &Figures) -> Vec<Row> {
    let e = f.engine;
    // The issue sets the throughput target on SQLite, the small village server's database.
    let targeted = e == "SQLite";
    let mut rows = Vec::new();
    // "keyed": each checkout with its own Idempotency-Key.
    for (run, label) in [(&f.plain, "checkout"), (&f.keyed, "keyed checkout")] {
        let load = &run.load;
        let orders = 2.0 * load.rps;
        let measured = format!("{orders:.0} ({:.0} checkouts){}", load.rps, non_2xx(load.errors));
        let ok = orders >= TARGET_ORDERS_PER_S && load.errors == 0;
        let target = if targeted { ">= 200" } else { "-" };
        rows.push(row(&format!("{e}: {label} orders/s"), measured, target, ok));
        let target = if targeted { "< 200 ms" } else { "-" };
        rows.push(row(
            &format!("{e}: {label} p99"),
            format!("{:.1} ms", load.p99_ms),
            target,
            load.p99_ms < TARGET_P99_MS,
        ));
        let logged = run.server_p99_ms.map_or("?".to_owned(), |ms| format!("{ms:.1} ms"));
        rows.push(row(&format!("{e}: {label} p99 (log)"), logged, "-", true));
    }
    let o = &f.oversell;
    let sold = format!("{} sold, {} refused", o.sold, o.refused);
    rows.push(row(&format!("{e}: oversell, {BUYERS} buyers"), sold, "exactly 20", o.sold == UNITS as usize));
    let rest = format!("{} other, stock {}", o.other.len(), o.stock_left);
    rows.push(row(&format!("{e}: oversell, other/stock"), rest, "0, stock 0", o.other.is_empty() && o.stock_left == 0));
    rows
}

fn one(engine: &'static str, lapak: &Path, dist: &Path, data: &Path, url: &str, seconds: u64) -> Result<Figures> {
    // The guest checkouts come from one address and one number, far more than a guest may place.
    let env = [
        ("DATABASE_URL", url),
        ("LAPAK_GUEST_CHECKOUTS_PER_ADDRESS", "1000000000"),
        ("LAPAK_GUEST_CHECKOUTS_PER_PHONE", "1000000000"),
    ];
    let mut server = Server::spawn_with(lapak, data, dist, &env)?;
    stage(&format!("bench: {engine} first start (regions + demo data)"), || {
        server.wait_ready(Duration::from_secs(300))
    })?;
    let port = server.port;
    let (shops, spare) = stage(&format!("bench: {engine} products from 2 demo shops"), || choose(port))?;
    let mut owners = Owners::default();
    for shop in &shops {
        for &(product, _) in &shop.lines {
            owners.set_stock(port, shop, product, PLENTY)?;
        }
    }
    let checkout = checkout_json(&shops);
    let (status, answer) = post_order(port, &checkout.replace(PHONE, "081399999999"), None)?;
    if status != 201 {
        bail!("a checkout on {engine} answered {status}, not 201: {answer}");
    }
    println!("checkout: {checkout}\nanswered 201: {answer}");
    let url = format!("{}/api/v1/orders", server.base_url);
    let log = data.join("server.log");
    let mut runs = Vec::new();
    for keyed in [false, true] {
        let script = script(data, &checkout, keyed)?;
        let what = if keyed { "checkouts with an Idempotency-Key each" } else { "checkouts" };
        let logged_before = std::fs::metadata(&log).map_or(0, |m| m.len());
        let load = stage(&format!("bench: {engine} wrk {what} ({seconds} s, {CONNECTIONS} connections)"), || {
            wrk(&url, seconds, CONNECTIONS, Some(&script))
        })?;
        runs.push(Run { load, server_p99_ms: logged_p99_ms(&log, logged_before) });
    }
    let oversell = stage(&format!("bench: {engine} oversell: {BUYERS} buyers, {UNITS} units"), || {
        let (product, _) = spare.lines[0];
        owners.set_stock(port, &spare, product, UNITS)?;
        let mut seen = oversell(&[port], &checkout_json(std::slice::from_ref(&spare)))?;
        seen.stock_left = owners.stock(port, &spare, product)?;
        println!(
            "{} sold, {} refused (409), {} other {:?}, stock left {}",
            seen.sold,
            seen.refused,
            seen.other.len(),
            seen.other,
            seen.stock_left
        );
        Ok(seen)
    })?;
    server.stop()?;
    let keyed = runs.pop().context("two runs")?;
    let plain = runs.pop().context("two runs")?;
    Ok(Figures { engine, plain, keyed, oversell })
}

/// The p99 of the checkouts the server logged after byte `from` of its log (`latency=1234 μs … path=/api/v1/orders`).
fn logged_p99_ms(log: &Path, from: u64) -> Option<f64> {
    let text = std::fs::read(log).ok()?;
    checkouts_p99_ms(&String::from_utf8_lossy(text.get(usize::try_from(from).ok()?..)?))
}

fn checkouts_p99_ms(text: &str) -> Option<f64> {
    let mut micros: Vec<u64> = text
        .lines()
        .filter(|l| l.contains("method=POST path=/api/v1/orders"))
        .filter_map(|l| l.split("latency=").nth(1)?.split(' ').next()?.parse().ok())
        .collect();
    micros.sort_unstable();
    let at = (micros.len() * 99).div_ceil(100).checked_sub(1)?;
    Some(micros[at] as f64 / 1000.0)
}

/// A JSON request on a fresh connection: the status and the answer's body as JSON (`Null` when it is not).
pub fn call(port: u16, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Result<(u16, Value)> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nContent-Type: application/json\r\nX-Lapak-Csrf: 1\r\n");
    if let Some(cookie) = cookie {
        head.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    let (status, text) = request(port, &head, body.as_bytes())?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or_default();
    Ok((status, serde_json::from_str(body).unwrap_or(Value::Null)))
}

pub fn post_order(port: u16, checkout: &str, key: Option<&str>) -> Result<(u16, String)> {
    let mut head = "POST /api/v1/orders HTTP/1.1\r\nContent-Type: application/json\r\nX-Lapak-Csrf: 1\r\n".to_owned();
    if let Some(key) = key {
        head.push_str(&format!("Idempotency-Key: {key}\r\n"));
    }
    let (status, text) = request(port, &head, checkout.as_bytes())?;
    Ok((status, text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default()))
}

/// Two demo shops whose buyers may collect and pay cash — the first with 2 products, the second with 1 —
/// and a fourth product, from any such shop, for the oversell test.
pub fn choose(port: u16) -> Result<(Vec<Pick>, Pick)> {
    let (status, page) = call(port, "GET", "/api/v1/catalog?per=48", None, "")?;
    let ids: Vec<i64> = page["items"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_i64()).collect();
    if status != 200 || ids.is_empty() {
        bail!("the catalog answered {status} with no products: {page}");
    }
    let cart: Vec<Value> = ids.iter().map(|id| json!({ "product_id": id, "quantity": 1 })).collect();
    let (status, view) = call(port, "POST", "/api/v1/cart/view", None, &Value::from(cart).to_string())?;
    if status != 200 {
        bail!("the cart view answered {status}: {view}");
    }
    let mut shops: Vec<Pick> = view["shops"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["delivery"]["pickup"] == true && s["on_holiday"] == false)
        .filter(|s| s["payments"].as_array().is_some_and(|p| p.iter().any(|m| m == "tunai")))
        .filter_map(|s| {
            let lines = s["lines"].as_array()?.iter().filter(|l| l["problem"].is_null());
            let lines = lines.filter_map(|l| Some((l["product"]["id"].as_i64()?, l["product"]["price"].as_i64()?)));
            Some(Pick {
                shop_id: s["shop_id"].as_i64()?,
                owner: s["whatsapp"].as_str()?.to_owned(),
                lines: lines.collect(),
            })
        })
        .collect();
    shops.sort_by_key(|s| std::cmp::Reverse(s.lines.len()));
    if shops.len() < 2 || shops[0].lines.len() < 2 {
        bail!("the demo data has no two shops with pickup and cash and 3 products that can be ordered");
    }
    let mut spare = shops.iter().skip(2).find(|s| !s.lines.is_empty()).cloned();
    for (i, keep) in [(0, 2), (1, 1)] {
        let rest = shops[i].lines.split_off(keep);
        if spare.is_none() && !rest.is_empty() {
            spare = Some(Pick { lines: rest, ..shops[i].clone() });
        }
    }
    let mut spare = spare.context("the demo data has no fourth product that can be ordered")?;
    spare.lines.truncate(1);
    shops.truncate(2);
    Ok((shops, spare))
}

/// A guest checkout of one unit of each picked product, collected and paid in cash; [`PHONE`] for the number.
pub fn checkout_json(shops: &[Pick]) -> String {
    checkout_by(shops, "Pembeli Uji Beban")
}

/// [`checkout_json`] by the buyer named `buyer` (so a test can tell its own orders apart).
pub fn checkout_by(shops: &[Pick], buyer: &str) -> String {
    let shops: Vec<Value> = shops
        .iter()
        .map(|s| {
            let lines: Vec<Value> =
                s.lines.iter().map(|(id, price)| json!({ "product_id": id, "quantity": 1, "price": price })).collect();
            json!({ "shop_id": s.shop_id, "delivery": "ambil", "payment": "tunai", "note": "", "lines": lines })
        })
        .collect();
    json!({ "buyer_name": buyer, "buyer_whatsapp": PHONE, "address": null, "shops": shops }).to_string()
}

/// The wrk script: every request a checkout by another buyer (0813 or 0814, wrk's thread, a counter), and
/// with `keyed` a unique `Idempotency-Key` too.
fn script(dir: &Path, checkout: &str, keyed: bool) -> Result<PathBuf> {
    let (head, tail) = checkout.split_once(PHONE).context("the checkout has no phone")?;
    let run = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_millis();
    let key = if keyed {
        format!("headers[\"Idempotency-Key\"] = string.format(\"bench-{run}-%d-%d\", id, n)")
    } else {
        String::new()
    };
    let prefix = if keyed { "0814" } else { "0813" };
    let lua = LUA.replace("@HEAD@", head).replace("@TAIL@", tail).replace("@KEY@", &key).replace("@PREFIX@", prefix);
    let path = dir.join(if keyed { "orders-keyed.lua" } else { "orders.lua" });
    std::fs::write(&path, lua).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

const LUA: &str = r#"local head, tail = [=[@HEAD@]=], [=[@TAIL@]=]
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  n = 0
end
function request()
  n = n + 1
  local headers = { ["Content-Type"] = "application/json", ["X-Lapak-Csrf"] = "1" }
  @KEY@
  local phone = string.format("@PREFIX@%02d%06d", id, n % 1000000)
  return wrk.format("POST", "/api/v1/orders", headers, head .. phone .. tail)
end
"#;

/// `BUYERS` guests, each on its own connection, placing the same one-unit checkout at the same moment, sent
/// to the servers listening on `ports` in turn.
pub fn oversell(ports: &[u16], checkout: &str) -> Result<Oversell> {
    let start = Barrier::new(BUYERS);
    let answers: Vec<Result<u16>> = std::thread::scope(|s| {
        let buyers: Vec<_> = (0..BUYERS)
            .map(|i| {
                let body = checkout.replace(PHONE, &format!("0815{i:08}"));
                let start = &start;
                let port = ports[i % ports.len()];
                s.spawn(move || {
                    start.wait();
                    post_order(port, &body, Some(&format!("oversell-{i}"))).map(|(status, _)| status)
                })
            })
            .collect();
        buyers.into_iter().map(|b| b.join().unwrap_or_else(|_| bail!("a buyer's thread panicked"))).collect()
    });
    let mut seen = Oversell { sold: 0, refused: 0, other: Vec::new(), stock_left: -1 };
    for answer in answers {
        match answer {
            Ok(201) => seen.sold += 1,
            Ok(409) => seen.refused += 1,
            Ok(status) => seen.other.push(status.to_string()),
            Err(e) => seen.other.push(format!("{e:#}")),
        }
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::{PHONE, Pick, checkout_json, checkouts_p99_ms};

    #[test]
    fn reads_checkout_latencies_from_the_log() {
        let mut log =
            String::from("INFO request: finished processing request latency=90 μs status=200 method=GET path=/\n");
        for ms in 1..=100 {
            log.push_str(&format!(
                "INFO request: latency={ms}000 μs status=201 id=x method=POST path=/api/v1/orders\n"
            ));
        }
        assert_eq!(checkouts_p99_ms(&log), Some(99.0));
        assert_eq!(checkouts_p99_ms(""), None);
    }

    #[test]
    fn checkout_collects_and_pays_cash() {
        let shop = Pick { shop_id: 8, owner: "6281234560008".into(), lines: vec![(35, 28000)] };
        let json: serde_json::Value = serde_json::from_str(&checkout_json(&[shop])).unwrap();
        assert_eq!(json["buyer_whatsapp"], PHONE);
        assert_eq!(json["shops"][0]["delivery"], "ambil");
        assert_eq!(json["shops"][0]["payment"], "tunai");
        assert_eq!(json["shops"][0]["lines"][0]["price"], 28000);
    }
}
