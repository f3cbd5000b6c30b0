//! `catalog-data [PRODUCTS SHOPS VILLAGES [ORDERS]]`: fills the database of `DATABASE_URL` (and the media of
//! `LAPAK_DATA_DIR`) with a large catalog made the same way every time — villages from the region
//! table, shops with member producers, products with photos — indexed for search through the
//! server's own code; with ORDERS, a year of orders too (`orders.rs`). Run by `cargo xtask bench`;
//! does nothing when the products (and orders) are already there.

mod orders;
mod vocab;

use anyhow::Context;
use backend::{
    accounts::queries::{self as users, NewUser},
    catalog::index,
    config::Config,
    db::Db,
    images, markdown,
    media::Media,
    shops::queries::{self as shops, NewShop},
    slugs::slugify,
    villages::queries::{self as villages, NewVillage},
};
use shared::{Phone, RegionCode, ShopStatus};
use vocab::{DUSUN, KINDS, PEOPLE, Rng, SHOP_PREFIXES};

/// Photos shared by the generated products.
const PHOTOS: usize = 24;
/// Products written per statement.
const ROWS: usize = 50;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse()).collect::<Result<_, _>>()?;
    let (products, shop_count, village_count) =
        (*args.first().unwrap_or(&100_000), *args.get(1).unwrap_or(&1_000), *args.get(2).unwrap_or(&200));
    let config = Config::from_env().map_err(|e| anyhow::anyhow!("{e}"))?;
    let db = Db::connect(&config).await?;
    db.migrate().await?;
    backend::regions::queries::load(&db).await?;
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products").fetch_one(&db.pool).await?;
    if present >= products as i64 {
        println!("catalog-data: {present} products already there");
    } else {
        make_catalog(&db, &config, products, shop_count, village_count).await?;
    }
    if let Some(orders) = args.get(3) {
        orders::ensure(&db, &config, *orders).await?;
    }
    report(&db, &config).await
}

/// Villages, shops with producers, and `products` products with photos, indexed for search.
async fn make_catalog(
    db: &Db,
    config: &Config,
    products: usize,
    shop_count: usize,
    village_count: usize,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let village_ids = ensure_villages(db, village_count).await?;
    let mut rng = Rng(0x5eed_1a9a_de5a_0001);
    let media = Media::from_config(config)?;
    let bench_phone = "6281999000000";
    let known: Option<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE phone = $1").bind(bench_phone).fetch_optional(&db.pool).await?;
    let owner = match known {
        Some(id) => id,
        None => {
            users::create(
                &db.pool,
                &NewUser {
                    name: "Data Uji Beban",
                    phone: &Phone::parse("081999000000")?,
                    email: None,
                    password_hash: None,
                    is_demo: true,
                },
            )
            .await?
        }
    };
    let mut photos = Vec::with_capacity(PHOTOS);
    let mut conn = db.pool.acquire().await?;
    for i in 0..PHOTOS {
        let jpeg = picture(i as u32)?;
        let size = jpeg.len() as i64;
        let sizes = images::process_and_put(&media, jpeg).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        photos.push(images::record(&mut conn, owner, sizes, size).await?.id);
    }
    drop(conn);
    let per_shop = products.div_ceil(shop_count);
    let mut made = 0usize;
    let base_time = 1_767_225_600_000_i64; // 2026-01-01
    for s in 0..shop_count {
        let village = village_ids[s % village_ids.len()].clone();
        let count = per_shop.min(products - made);
        if count == 0 {
            break;
        }
        let mut tx = db.begin_write().await?;
        let shop = make_shop(&mut tx, &mut rng, village, s).await?;
        let mut ids = Vec::with_capacity(count);
        let themes: Vec<usize> = (0..3).map(|_| rng.below(KINDS.len())).collect();
        for chunk_start in (0..count).step_by(ROWS) {
            let n = ROWS.min(count - chunk_start);
            let mut sql = String::from(
                "INSERT INTO products (shop_id, slug, name, description, description_html, price, unit, min_order, stock, \
                 sector, weight_grams, producer_id, status, cover_id, created_at, updated_at) VALUES ",
            );
            let mut rows = Vec::with_capacity(n);
            for i in 0..n {
                let k = &KINDS[if rng.below(4) == 0 { rng.below(KINDS.len()) } else { themes[rng.below(3)] }];
                let (size, unit, weight) = *rng.pick(k.sizes);
                let variant = *rng.pick(k.variants);
                let name =
                    [k.base, variant, size].iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>().join(" ");
                let producer = if rng.below(3) == 0 { Some(shop.producers[rng.below(2)]) } else { None };
                let description = format!("{name}: {}. Dari {} di desa kami.", k.about, shop.name);
                let stock = if rng.below(10) == 0 { 0 } else { rng.between((1, 200), 1) };
                // Listed at any minute of the year, so shops' products interleave as they do in life.
                let at = base_time + rng.below(365 * 24 * 60) as i64 * 60_000;
                let p = 15 * i;
                sql.push_str(&format!(
                    "{}(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, ${}, 'active', ${}, ${}, ${})",
                    if i == 0 { "" } else { ", " },
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6,
                    p + 7,
                    p + 8,
                    p + 9,
                    p + 10,
                    p + 11,
                    p + 12,
                    p + 13,
                    p + 14,
                    p + 15
                ));
                let price = rng.between(k.price, 500);
                rows.push((
                    name,
                    description,
                    price,
                    unit,
                    stock,
                    k.sector,
                    weight,
                    producer,
                    photos[rng.below(PHOTOS)],
                    at,
                ));
            }
            sql.push_str(" RETURNING id");
            let mut insert = sqlx::query_scalar::<_, i64>(&sql).persistent(false);
            for (name, description, price, unit, stock, sector, weight, producer, photo, at) in &rows {
                insert = insert
                    .bind(shop.id)
                    .bind(slugify(name))
                    .bind(name.as_str())
                    .bind(description.as_str())
                    .bind(markdown::to_safe_html(description))
                    .bind(*price)
                    .bind(unit.code())
                    .bind(1_i64)
                    .bind(*stock)
                    .bind(sector.code())
                    .bind(*weight)
                    .bind(*producer)
                    .bind(*photo)
                    .bind(*at)
                    .bind(*at);
            }
            ids.extend(insert.fetch_all(&mut *tx).await?);
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let photos_sql = format!(
            "INSERT INTO product_photos (product_id, image_id, sort_order) SELECT id, cover_id, 0 FROM products WHERE id IN ({list})"
        );
        sqlx::query(&photos_sql).persistent(false).execute(&mut *tx).await?;
        index::reindex(&mut tx, &ids).await?;
        tx.commit().await?;
        made += count;
        if (s + 1) % 100 == 0 {
            println!("catalog-data: {made} products in {} shops, {:.0} s", s + 1, started.elapsed().as_secs_f64());
        }
    }
    if config.database_url.starts_with("postgres") {
        // What autovacuum does soon after a bulk load on a real server: the planner learns the tables. The
        // bulk load also bumped each shop's listed-products counter once per product (migration 0013's
        // trigger), leaving a hundred dead versions of every shop row that a real shop, edited now and
        // then, never piles up: compact them away.
        sqlx::raw_sql("VACUUM FULL shops").execute(&db.pool).await?;
        sqlx::query("ANALYZE").execute(&db.pool).await?;
    }
    println!("catalog-data: {made} products written in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// A generated shop: its id, name and two member producers.
struct Shop {
    id: i64,
    name: String,
    producers: [i64; 2],
}

async fn make_shop(
    conn: &mut sqlx::AnyConnection,
    rng: &mut Rng,
    village: (i64, String),
    n: usize,
) -> anyhow::Result<Shop> {
    let name =
        format!("{} {} {}", rng.pick(SHOP_PREFIXES), rng.pick(PEOPLE).split(' ').next_back().unwrap_or("Desa"), n + 1);
    let phone = Phone::parse(&format!("0813{:08}", n))?;
    let new = NewShop {
        village_id: village.0,
        village_slug: &village.1,
        name: &name,
        description: "Toko contoh untuk uji beban.",
        whatsapp: &phone,
        owner_id: None,
        status: ShopStatus::Active,
        is_demo: true,
    };
    let (id, _) = shops::create(conn, &new, 0).await?;
    let mut producers = [0; 2];
    for slot in &mut producers {
        *slot = sqlx::query_scalar(
            "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, $2, $3, $4, 0) RETURNING id",
        )
        .bind(id)
        .bind(*rng.pick(PEOPLE))
        .bind(*rng.pick(DUSUN))
        .bind(rng.pick(KINDS).base.to_lowercase())
        .fetch_one(&mut *conn)
        .await?;
    }
    Ok(Shop { id, name, producers })
}

/// At least `count` villages: the existing ones, then desa from the region table spread over many
/// kecamatan; answers their ids and slugs.
async fn ensure_villages(db: &Db, count: usize) -> anyhow::Result<Vec<(i64, String)>> {
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM villages").fetch_one(&db.pool).await?;
    let missing = count.saturating_sub(present as usize);
    if missing > 0 {
        let codes: Vec<String> = sqlx::query_scalar(
            "SELECT code FROM regions WHERE level = 4 AND code LIKE '52.%' AND code NOT IN (SELECT region_code FROM villages) \
             ORDER BY code",
        )
        .fetch_all(&db.pool)
        .await?;
        let step = codes.len().checked_div(missing).unwrap_or(1).max(1);
        let mut tx = db.begin_write().await?;
        for code in codes.iter().step_by(step).take(missing) {
            let code = RegionCode::parse(code).context("a desa code")?;
            villages::create(&mut tx, &NewVillage { is_demo: true, ..NewVillage::from_region(code) }, 0).await?;
        }
        tx.commit().await?;
    }
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, slug FROM villages ORDER BY id").fetch_all(&db.pool).await?;
    Ok(rows.into_iter().take(count).collect())
}

/// A 480 px picture in one of a few colours, as JPEG.
fn picture(n: u32) -> anyhow::Result<Vec<u8>> {
    let hue = (n * 37 % 255) as u8;
    let img = image::RgbImage::from_fn(480, 480, |x, y| image::Rgb([hue, (x / 2) as u8, (y / 2) as u8]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)?;
    Ok(out.into_inner())
}

/// Prints what the database holds and its size.
async fn report(db: &Db, config: &Config) -> anyhow::Result<()> {
    let count = |table: &'static str| async move {
        sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&db.pool).await
    };
    let (p, s, v, t, post) = (
        count("products").await?,
        count("shops").await?,
        count("villages").await?,
        count("search_terms").await?,
        count("search_postings").await?,
    );
    let bytes: i64 = if config.database_url.starts_with("postgres") {
        sqlx::query_scalar("SELECT pg_database_size(current_database())").fetch_one(&db.pool).await?
    } else {
        sqlx::query_scalar("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
            .fetch_one(&db.pool)
            .await?
    };
    println!(
        "catalog-data: {p} products, {s} shops, {v} villages; search vocabulary {t} words, {post} postings; \
         database size {:.1} MB",
        bytes as f64 / 1_048_576.0
    );
    Ok(())
}
