//! Generated orders for the dashboards' benchmark: a year of orders over the generated catalog, the way a
//! marketplace sells (a few shops and products sell most; buyers mostly nearby, some across the country;
//! a third collect their goods), then the sales summaries rebuilt from them through the server's code,
//! and a district admin of the province with a session for the load tool.

use std::collections::HashMap;

use backend::{config::Config, db::Db};
use shared::Phone;

use crate::vocab::Rng;

/// Orders written per statement.
const ROWS: usize = 200;
/// Orders per transaction.
const BATCH: usize = 10_000;
const DAY_MS: i64 = 86_400_000;
const STATUSES_OPEN: [&str; 5] = ["baru", "menunggu_bayar", "diproses", "dikirim", "siap_diambil"];

/// Writes orders until there are `count`, rebuilds the summaries, and prints an admin's session cookie.
pub async fn ensure(db: &Db, config: &Config, count: usize) -> anyhow::Result<()> {
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders").fetch_one(&db.pool).await?;
    let started = std::time::Instant::now();
    if (present as usize) < count {
        write(db, config, count - present as usize).await?;
        let mut tx = db.begin_write().await?;
        backend::dashboards::rebuild::rebuild(&mut tx, config.time_zone).await?;
        tx.commit().await?;
        if config.database_url.starts_with("postgres") {
            sqlx::raw_sql("VACUUM ANALYZE").execute(&db.pool).await?;
        }
        println!(
            "catalog-data: {count} orders and their summaries written in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let admin = district_admin(db).await?;
    let token = backend::auth::session::create(db, admin, "bench").await?;
    println!("catalog-data: session lapak_session={token}");
    Ok(())
}

/// The province's district admin of the benchmark (made once).
async fn district_admin(db: &Db) -> anyhow::Result<i64> {
    let phone = Phone::parse("081999000001")?;
    let known: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
        .bind(phone.as_str())
        .fetch_optional(&db.pool)
        .await?;
    if let Some(id) = known {
        return Ok(id);
    }
    let new = backend::accounts::queries::NewUser {
        name: "Admin Uji Beban",
        phone: &phone,
        email: None,
        password_hash: None,
        is_demo: true,
    };
    let id = backend::accounts::queries::create(&db.pool, &new).await?;
    sqlx::query("INSERT INTO grants (user_id, role, region_code, created_at) VALUES ($1, 'district_admin', '52', 0)")
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(id)
}

/// A skewed pick in `0..n`: low indexes far more often (a few bestsellers, a long tail).
fn popular(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
    ((u.powf(3.0) * n as f64) as usize).min(n - 1)
}

/// A shop: its id, its village's kabupaten and its products (id, price, sector).
type ShopStock = (i64, String, Vec<(i64, i64, String)>);

struct Catalog {
    /// Per shop: its village's kabupaten and its products (id, price, sector).
    shops: Vec<ShopStock>,
    /// Desa codes by kabupaten, and the kabupaten of each province.
    desas: HashMap<String, Vec<String>>,
    kabupaten: Vec<String>,
}

async fn catalog(db: &Db) -> anyhow::Result<Catalog> {
    let rows: Vec<(i64, i64, i64, String, String)> = sqlx::query_as(
        "SELECT p.id, p.shop_id, p.price, p.sector, v.region_code FROM products p JOIN shops s ON s.id = p.shop_id \
         JOIN villages v ON v.id = s.village_id ORDER BY s.id, p.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut shops: Vec<ShopStock> = Vec::new();
    for (id, shop, price, sector, village) in rows {
        match shops.last_mut() {
            Some((s, _, products)) if *s == shop => products.push((id, price, sector)),
            _ => shops.push((shop, village[..5].to_owned(), vec![(id, price, sector)])),
        }
    }
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM regions WHERE level = 4").fetch_all(&db.pool).await?;
    let mut desas: HashMap<String, Vec<String>> = HashMap::new();
    for code in codes {
        desas.entry(code[..5].to_owned()).or_default().push(code);
    }
    let mut kabupaten: Vec<String> = desas.keys().cloned().collect();
    kabupaten.sort();
    Ok(Catalog { shops, desas, kabupaten })
}

async fn write(db: &Db, config: &Config, count: usize) -> anyhow::Result<()> {
    let catalog = catalog(db).await?;
    anyhow::ensure!(!catalog.shops.is_empty(), "no products to order");
    let postgres = config.database_url.starts_with("postgres");
    let overriding = if postgres { "OVERRIDING SYSTEM VALUE" } else { "" };
    let mut next_id: i64 = sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM orders")
        .fetch_one(&db.pool)
        .await?
        .unwrap_or_default()
        + 1;
    let now = backend::db::now_ms();
    let mut rng = Rng(0x0dde_5eed_0000_0002);
    let mut written = 0;
    while written < count {
        let mut tx = db.begin_write().await?;
        if postgres {
            // The rows are generated consistent: PostgreSQL need not check each line's order and product
            // (those checks made the load take minutes longer as the tables grew).
            sqlx::query("SET LOCAL session_replication_role = replica").execute(&mut *tx).await?;
        }
        for _ in (0..BATCH.min(count - written)).step_by(ROWS) {
            let n = ROWS.min(count - written);
            let mut orders = Vec::with_capacity(n);
            let mut lines = Vec::new();
            for _ in 0..n {
                let id = next_id;
                next_id += 1;
                let (shop, home, products) = &catalog.shops[popular(&mut rng, catalog.shops.len())];
                let placed = now - (rng.next() % (365 * DAY_MS as u64)) as i64;
                let status = if now - placed > 14 * DAY_MS {
                    if rng.below(9) == 0 { "dibatalkan" } else { "selesai" }
                } else {
                    match rng.below(10) {
                        0 => "dibatalkan",
                        1..=4 => "selesai",
                        k => STATUSES_OPEN[k - 5],
                    }
                };
                let destination = match (rng.below(3), rng.below(20)) {
                    (0, _) => None,
                    (_, 0..=10) => Some(home.clone()),
                    (_, 11..=16) => Some(
                        catalog
                            .kabupaten
                            .iter()
                            .filter(|k| k[..2] == home[..2])
                            .nth(rng.below(8))
                            .unwrap_or(home)
                            .clone(),
                    ),
                    _ => Some(catalog.kabupaten[rng.below(catalog.kabupaten.len())].clone()),
                };
                let desa = destination.and_then(|k| catalog.desas.get(&k).map(|d| d[rng.below(d.len())].clone()));
                let mut chosen: Vec<(i64, i64, &str, i64)> = Vec::new();
                for _ in 0..(1 + usize::from(rng.below(3) == 0) + usize::from(rng.below(10) == 0)) {
                    let (product, price, sector) = &products[popular(&mut rng, products.len())];
                    if !chosen.iter().any(|c| c.0 == *product) {
                        chosen.push((*product, *price, sector.as_str(), 1 + rng.below(4) as i64));
                    }
                }
                let total: i64 = chosen.iter().map(|(_, price, _, q)| price * q).sum();
                for (position, (product, price, sector, quantity)) in chosen.into_iter().enumerate() {
                    lines.push((id, position as i64, product, price, sector, quantity));
                }
                let delivery = if desa.is_some() { "kurir" } else { "ambil" };
                orders.push((id, format!("LD-B{id:07}"), *shop, status, delivery, desa, total, placed));
            }
            let marks = |rows: usize, width: usize| {
                (0..rows)
                    .map(|r| {
                        format!(
                            "({})",
                            (1..=width).map(|c| format!("${}", r * width + c)).collect::<Vec<_>>().join(", ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let sql = format!(
                "INSERT INTO orders (id, code, shop_id, buyer_name, buyer_phone, status, payment, delivery, \
                 dest_desa_code, items_total, weight_grams, delivery_fee, status_at, created_at, updated_at) \
                 {overriding} VALUES {}",
                marks(orders.len(), 15)
            );
            let mut insert = sqlx::query(&sql).persistent(false);
            for (id, code, shop, status, delivery, desa, total, placed) in &orders {
                insert = insert
                    .bind(*id)
                    .bind(code.as_str())
                    .bind(*shop)
                    .bind("Pembeli Uji Beban")
                    .bind("6281999000002")
                    .bind(*status)
                    .bind("tunai")
                    .bind(*delivery)
                    .bind(desa.as_deref())
                    .bind(*total)
                    .bind(500_i64)
                    .bind(if desa.is_some() { 12_000_i64 } else { 0 })
                    .bind(*placed)
                    .bind(*placed)
                    .bind(*placed);
            }
            insert.execute(&mut *tx).await?;
            for chunk in lines.chunks(ROWS * 2) {
                let sql = format!(
                    "INSERT INTO order_lines (order_id, position, product_id, name, unit, price, weight_grams, quantity, \
                     sector) VALUES {}",
                    marks(chunk.len(), 9)
                );
                let mut insert = sqlx::query(&sql).persistent(false);
                for (order, position, product, price, sector, quantity) in chunk {
                    insert = insert
                        .bind(*order)
                        .bind(*position)
                        .bind(*product)
                        .bind("Produk Uji Beban")
                        .bind("pcs")
                        .bind(*price)
                        .bind(250_i64)
                        .bind(*quantity)
                        .bind(*sector);
                }
                insert.execute(&mut *tx).await?;
            }
            written += n;
        }
        tx.commit().await?;
        println!("catalog-data: {written} orders");
    }
    if postgres {
        sqlx::query("SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT MAX(id) FROM orders))")
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}
