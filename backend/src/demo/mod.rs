//! Demo data: the pilot villages of the seed articles, loaded into an empty database and labelled as demo.

pub mod accounts;
pub mod consultations;
pub mod pictures;
pub mod queries;

use anyhow::Context;
use serde::Deserialize;
use shared::{
    DeliveryOptions, EnterpriseKind, Flagship, Form, Location, NewsKind, NewsStatus, Phone, ProductForm, ProductStatus,
    RegionCode, Sector, ShopStatus, Unit,
    storefront::{BankAccount, CourierRate, SellerDelivery},
};

use crate::{
    auth::password::Hasher,
    db::{Db, now_ms},
    enterprises, images,
    media::{Media, content_hash},
    news,
    products::{self, queries::NewProduct},
    shops::{self, queries::NewShop},
    villages::queries::{self as villages, NewVillage},
};
use pictures::Scene;
use queries::ShopTerms;

/// The demo villages, their enterprises, shops and products.
const DEMO_TOML: &str = include_str!("../../demo/villages.toml");

#[derive(Deserialize)]
struct DemoFile {
    village: Vec<DemoVillage>,
}

#[derive(Deserialize)]
struct DemoVillage {
    code: String,
    tagline: String,
    history: String,
    vision: String,
    mission: String,
    population: i64,
    households: i64,
    area_km2: f64,
    lat: f64,
    lon: f64,
    idm_score: f64,
    idm_year: i32,
    cover_scene: Scene,
    cover_hue: f32,
    flagship: DemoFlagship,
    #[serde(default)]
    enterprise: Vec<DemoEnterprise>,
    #[serde(default)]
    shop: Vec<DemoShop>,
    #[serde(default)]
    news: Vec<DemoNews>,
}

#[derive(Deserialize)]
struct DemoNews {
    kind: NewsKind,
    /// Published this many days before the data is loaded.
    days_ago: i64,
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct DemoFlagship {
    #[serde(flatten)]
    flagship: Flagship,
    /// The name of the enterprise behind it, one of the village's.
    enterprise: Option<String>,
}

#[derive(Deserialize)]
struct DemoEnterprise {
    name: String,
    kind: EnterpriseKind,
    description: String,
}

#[derive(Deserialize)]
struct DemoShop {
    name: String,
    description: String,
    whatsapp: String,
    /// The name of the enterprise the shop represents, one of the village's.
    enterprise: Option<String>,
    /// Where buyers collect.
    pickup_address: String,
    /// Member producers the shop sells for.
    #[serde(default)]
    producer: Vec<DemoProducer>,
    #[serde(default)]
    product: Vec<DemoProduct>,
}

#[derive(Deserialize)]
struct DemoProducer {
    name: String,
    dusun: String,
    makes: String,
}

#[derive(Deserialize)]
struct DemoProduct {
    name: String,
    description: String,
    price: i64,
    unit: Unit,
    stock: i64,
    sector: Sector,
    weight_grams: i64,
    #[serde(default)]
    min_order: Option<i64>,
    /// One of the shop's producers, by name.
    #[serde(default)]
    producer: Option<String>,
    /// The English name for export buyers (a few export-minded products have one).
    #[serde(default)]
    name_en: String,
    /// The English description, Markdown.
    #[serde(default)]
    description_en: String,
}

/// The text the demo data is made from (villages, accounts and the code that loads them), for
/// fingerprints of prepared databases.
pub fn source() -> String {
    [
        DEMO_TOML,
        include_str!("mod.rs"),
        include_str!("accounts.rs"),
        include_str!("pictures.rs"),
        include_str!("consultations.rs"),
        include_str!("queries.rs"),
    ]
    .concat()
}

/// Loads the demo data (villages, their shops with owners, and the demo accounts) when the database
/// has no village yet; returns how many villages it added. Everything goes in one transaction: a
/// failure leaves the database as it was.
pub async fn load_if_empty(db: &Db, media: &Media, hasher: &Hasher) -> anyhow::Result<usize> {
    if queries::village_count(db).await? > 0 {
        return Ok(0);
    }
    let file: DemoFile = toml::from_str(DEMO_TOML).context("demo/villages.toml is malformed")?;
    let password_hash = hasher.hash(accounts::PASSWORD).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    for v in &file.village {
        let code = RegionCode::parse(&v.code).with_context(|| format!("demo village code {}", v.code))?;
        let new = NewVillage {
            code: code.clone(),
            tagline: v.tagline.clone(),
            history_md: v.history.clone(),
            vision_md: v.vision.clone(),
            mission_md: v.mission.clone(),
            population: Some(v.population),
            households: Some(v.households),
            area_km2: Some(v.area_km2),
            location: Some(Location { lat: v.lat, lon: v.lon }),
            idm: Some((v.idm_score, v.idm_year)),
            flagship: Some(v.flagship.flagship.clone()),
            is_demo: true,
        };
        let (village_id, slug) = villages::create(&mut tx, &new, now).await?;
        let cover = pictures::cover(v.cover_scene, v.cover_hue, seed(&slug))?;
        let key = format!("villages/{slug}/cover-{}.jpg", content_hash(&cover));
        media.put(&key, cover).await?;
        villages::set_cover(&mut tx, village_id, &key).await?;
        let mut enterprise_ids = std::collections::HashMap::new();
        for e in &v.enterprise {
            let new = enterprises::queries::NewEnterprise {
                village_id,
                village_slug: &slug,
                name: &e.name,
                kind: e.kind,
                description: &e.description,
            };
            enterprise_ids.insert(e.name.as_str(), enterprises::queries::create(&mut tx, &new, now).await?.0);
        }
        let enterprise = |name: &Option<String>| -> anyhow::Result<Option<i64>> {
            name.as_deref()
                .map(|n| enterprise_ids.get(n).copied().with_context(|| format!("demo enterprise {n} is not listed")))
                .transpose()
        };
        queries::set_flagship_enterprise(&mut tx, village_id, enterprise(&v.flagship.enterprise)?).await?;
        for n in &v.news {
            let new = news::queries::NewNews {
                village_id,
                title: &n.title,
                kind: n.kind,
                summary: &n.summary,
                body_md: &n.body,
                cover_id: None,
                status: NewsStatus::Published,
                published_at: Some(now - n.days_ago * 86_400_000),
                by: None,
            };
            news::queries::create(&mut tx, &new, now).await?;
        }
        for s in &v.shop {
            let whatsapp = Phone::parse(&s.whatsapp).with_context(|| format!("demo shop {}", s.name))?;
            let owner = accounts::shop_owner(&mut tx, &s.name, &whatsapp, &password_hash).await?;
            let shop = NewShop {
                village_id,
                village_slug: &slug,
                name: &s.name,
                description: &s.description,
                whatsapp: &whatsapp,
                owner_id: Some(owner),
                status: ShopStatus::Active,
                is_demo: true,
            };
            let (shop_id, _) = shops::queries::create(&mut tx, &shop, now).await?;
            let terms = ShopTerms {
                enterprise_id: enterprise(&s.enterprise)?,
                pickup_address: &s.pickup_address,
                delivery: serde_json::to_string(&delivery(&code))?,
                bank_accounts: serde_json::to_string(&bank_accounts(&s.name, shop_id))?,
            };
            queries::set_shop_terms(&mut tx, shop_id, terms).await?;
            let mut producer_ids = std::collections::HashMap::new();
            for p in &s.producer {
                let id = queries::insert_producer(&mut tx, shop_id, (&p.name, &p.dusun, &p.makes), now).await?;
                producer_ids.insert(p.name.as_str(), id);
            }
            for p in &s.product {
                let picture = pictures::product(sector_hue(p.sector), seed(&p.name))?;
                let source_bytes = picture.len() as i64;
                let sizes = images::process_and_put(media, picture).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                let photo = images::record(&mut tx, owner, sizes, source_bytes).await?;
                let producer_id = p
                    .producer
                    .as_deref()
                    .map(|n| producer_ids.get(n).copied().with_context(|| format!("demo producer {n} is not listed")))
                    .transpose()?;
                let form = ProductForm {
                    version: 0,
                    name: p.name.clone(),
                    sector: p.sector,
                    description_md: p.description.clone(),
                    price: p.price,
                    unit: p.unit,
                    min_order: p.min_order.unwrap_or(1),
                    stock: p.stock,
                    weight_grams: p.weight_grams,
                    photo_ids: vec![photo.id],
                    producer_id,
                    status: ProductStatus::Active,
                    name_en: p.name_en.clone(),
                    description_en_md: p.description_en.clone(),
                };
                let form = form.parse().map_err(|e| anyhow::anyhow!("demo product {} is invalid: {e:?}", p.name))?;
                products::queries::create(&mut tx, &NewProduct { shop_id, form: &form }, now).await?;
            }
        }
    }
    accounts::create(&mut tx, &password_hash).await?;
    consultations::create(&mut tx, &password_hash, now).await?;
    tx.commit().await?;
    Ok(file.village.len())
}

/// Draws the site's default link-preview picture when it is missing.
pub async fn ensure_site_picture(media: &Media) -> anyhow::Result<()> {
    if !media.exists(crate::web::SITE_IMAGE_KEY).await {
        media.put(crate::web::SITE_IMAGE_KEY, pictures::cover(Scene::Rice, 100.0, 2024)?).await?;
    }
    Ok(())
}

/// How demo shops deliver: pickup, their own delivery nearby, a courier within the province, and a
/// quoted fee beyond it.
fn delivery(village: &RegionCode) -> DeliveryOptions {
    let province = village.as_str()[..2].to_owned();
    DeliveryOptions {
        pickup: true,
        seller: Some(SellerDelivery { same_desa: Some(5_000), same_kecamatan: Some(10_000), same_kabupaten: None }),
        courier: vec![CourierRate { region: province, per_kg: 12_000 }],
        quoted: true,
    }
}

/// A demo account to transfer to, so the transfer flow can be tried; its holder says it is demo.
fn bank_accounts(shop: &str, shop_id: i64) -> Vec<BankAccount> {
    vec![BankAccount {
        bank: "BRI".into(),
        number: format!("0000-01-{shop_id:06}-50-9"),
        holder: format!("{shop} (demo)"),
    }]
}

fn seed(text: &str) -> u64 {
    crate::hash::fnv1a(text.bytes())
}

/// A colour per sector, so product tiles of one sector look related.
fn sector_hue(sector: Sector) -> f32 {
    let index = Sector::ALL.iter().position(|s| *s == sector).unwrap_or_default();
    (index as f32 * 360.0 / Sector::ALL.len() as f32 + 90.0) % 360.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_file_parses_and_names_real_desa_codes() {
        let file: super::DemoFile = toml::from_str(super::DEMO_TOML).unwrap();
        assert!(file.village.len() >= 11);
        for v in &file.village {
            let code = shared::RegionCode::parse(&v.code).unwrap();
            assert_eq!(code.level(), shared::RegionLevel::Desa, "{}", v.code);
            assert!(v.shop.iter().all(|s| !s.product.is_empty()), "{} has a shop without products", v.code);
        }
    }
}
