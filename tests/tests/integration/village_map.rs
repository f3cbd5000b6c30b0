//! The village potential map (`GET /api/v1/map`): every village with counts equal to what the tables
//! say (computed here one village at a time), the same added up per kecamatan, villages without a
//! location listed with null coordinates, the filters and their refusals, and the tile server in the
//! answer and in the pages' Content-Security-Policy.

use std::collections::BTreeMap;

use lapak_tests::{Engine, TestApp, assert_problem, header, on_both_databases, on_both_engines};
use shared::{IdmStatus, MapVillage, VillageMap};

on_both_databases!(
    counts_equal_the_tables,
    what_is_not_for_sale_is_not_counted,
    a_village_without_coordinates_is_listed,
    filters_narrow_the_villages,
    bad_filters_are_refused,
);
on_both_engines!(tiles_follow_the_configuration);

async fn get_map(app: &TestApp, query: &str) -> VillageMap {
    let res = app.get(&format!("/api/v1/map{query}")).await;
    assert_eq!(res.status(), 200, "GET /api/v1/map{query}");
    assert_eq!(header(&res, "cache-control"), "public, max-age=60");
    res.json().await.unwrap()
}

fn village<'a>(map: &'a VillageMap, slug: &str) -> &'a MapVillage {
    map.villages.iter().find(|v| v.slug == slug).unwrap_or_else(|| panic!("{slug} is on the map"))
}

async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    sqlx::query_scalar(sql).bind(id).fetch_one(&app.db().pool).await.unwrap()
}

/// What the tables say about one village: (shops, products, enterprises, IDM years).
async fn from_tables(app: &TestApp, id: i64) -> (i64, i64, i64, Vec<(i32, IdmStatus)>) {
    let shops = scalar(app, "SELECT COUNT(*) FROM shops WHERE village_id = $1 AND status = 'active'", id).await;
    let products = scalar(
        app,
        "SELECT COUNT(*) FROM products WHERE status = 'active' AND hidden_reason IS NULL \
         AND shop_id IN (SELECT id FROM shops WHERE village_id = $1 AND status = 'active')",
        id,
    )
    .await;
    let enterprises = scalar(app, "SELECT COUNT(*) FROM enterprises WHERE village_id = $1", id).await;
    let years: Vec<(i64, f64)> =
        sqlx::query_as("SELECT year, score FROM village_idm WHERE village_id = $1 ORDER BY year")
            .bind(id)
            .fetch_all(&app.db().pool)
            .await
            .unwrap();
    let years = years.into_iter().map(|(y, s)| (i32::try_from(y).unwrap(), IdmStatus::from_score(s))).collect();
    (shops, products, enterprises, years)
}

async fn id(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db().pool).await.unwrap()
}

/// The first shop of a village.
async fn first_shop(app: &TestApp, village: &str) -> i64 {
    id(app, &format!("SELECT MIN(s.id) FROM shops s JOIN villages v ON v.id = s.village_id WHERE v.slug = '{village}'"))
        .await
}

/// Some of everything the counts must leave out or add: a suspended shop (Senggigi's first, whose id
/// it returns) and a pending one (Gapuk's), hidden, draft and moderated products (in Darmaji's first
/// shop), and an earlier IDM year for Darmaji.
async fn vary_the_data(app: &TestApp) -> i64 {
    let pool = &app.db().pool;
    let change = |sql: &'static str, id: i64| async move {
        sqlx::query(sql).bind(id).execute(pool).await.unwrap();
    };
    let suspended = first_shop(app, "senggigi").await;
    change("UPDATE shops SET status = 'suspended' WHERE id = $1", suspended).await;
    change("UPDATE shops SET status = 'pending' WHERE id = $1", first_shop(app, "gapuk").await).await;
    let products: Vec<i64> = sqlx::query_scalar("SELECT id FROM products WHERE shop_id = $1 ORDER BY id")
        .bind(first_shop(app, "darmaji").await)
        .fetch_all(pool)
        .await
        .unwrap();
    assert!(products.len() >= 3, "Darmaji's shop has products to take off sale");
    change("UPDATE products SET status = 'hidden' WHERE id = $1", products[0]).await;
    change("UPDATE products SET status = 'draft' WHERE id = $1", products[1]).await;
    change("UPDATE products SET hidden_reason = 'Foto tidak sesuai' WHERE id = $1", products[2]).await;
    let darmaji = id(app, "SELECT id FROM villages WHERE slug = 'darmaji'").await;
    change("INSERT INTO village_idm (village_id, year, score) VALUES ($1, 2021, 0.55)", darmaji).await;
    // Changes made behind the API's back: drop the answers kept in memory.
    app.state.pages.invalidate();
    suspended
}

async fn counts_equal_the_tables(app: TestApp) {
    vary_the_data(&app).await;
    let map = get_map(&app, "").await;
    let all: i64 = app.count("villages", "1 = 1").await;
    assert_eq!(map.villages.len() as i64, all, "every village is on the map");
    for v in &map.villages {
        let (shops, products, enterprises, years) = from_tables(&app, v.id).await;
        assert_eq!((v.shops, v.products, v.enterprises), (shops, products, enterprises), "{}", v.slug);
        let got: Vec<(i32, IdmStatus)> = v.idm_history.iter().map(|y| (y.year, y.status)).collect();
        assert_eq!(got, years, "{}", v.slug);
        assert_eq!(v.idm, years.last().map(|y| y.1), "{}: the latest year's status", v.slug);
        let (name, sector): (Option<String>, Option<String>) =
            sqlx::query_as("SELECT flagship_name, flagship_sector FROM villages WHERE id = $1")
                .bind(v.id)
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
        assert_eq!(v.flagship.as_ref().map(|f| f.name.clone()), name, "{}", v.slug);
        assert_eq!(v.flagship.as_ref().map(|f| f.sector.code().to_owned()), sector, "{}", v.slug);
    }
    let darmaji = village(&map, "darmaji");
    assert_eq!(darmaji.idm_history.first().map(|y| (y.year, y.status)), Some((2021, IdmStatus::Tertinggal)));

    // Per kecamatan: the sums of its villages, computed from the tables grouped by kecamatan.
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT v.kecamatan_code, COUNT(*), SUM(CASE WHEN v.idm_status IS NULL THEN 1 ELSE 0 END) \
         FROM villages v GROUP BY v.kecamatan_code",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap();
    let expected: BTreeMap<String, (i64, i64)> = rows.into_iter().map(|(k, n, none)| (k, (n, none))).collect();
    let got: BTreeMap<String, (i64, i64)> =
        map.kecamatan.iter().map(|k| (k.code.clone(), (k.villages, k.no_idm))).collect();
    assert_eq!(got, expected);
    for k in &map.kecamatan {
        let mut shops = 0;
        let mut products = 0;
        let mut enterprises = 0;
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM villages WHERE kecamatan_code = $1")
            .bind(&k.code)
            .fetch_all(&app.db().pool)
            .await
            .unwrap();
        for id in ids {
            let (s, p, e, _) = from_tables(&app, id).await;
            (shops, products, enterprises) = (shops + s, products + p, enterprises + e);
        }
        assert_eq!((k.shops, k.products, k.enterprises), (shops, products, enterprises), "{}", k.code);
        let with_status: i64 = k.idm.iter().map(|c| c.villages).sum();
        assert_eq!(with_status + k.no_idm, k.villages, "{}", k.code);
    }
    let kopang = map.kecamatan.iter().find(|k| k.code == darmaji.kecamatan_code).unwrap();
    assert_eq!((kopang.name.as_str(), kopang.kabupaten.as_str()), ("Kopang", "Kabupaten Lombok Tengah"));
}

async fn what_is_not_for_sale_is_not_counted(app: TestApp) {
    let before = get_map(&app, "").await;
    let shop = vary_the_data(&app).await;
    let after = get_map(&app, "").await;
    let (b, a) = (village(&before, "senggigi"), village(&after, "senggigi"));
    let on_sale =
        app.count("products", &format!("shop_id = {shop} AND status = 'active' AND hidden_reason IS NULL")).await;
    assert!(on_sale > 0, "the suspended shop had products on sale");
    assert_eq!((a.shops, a.products), (b.shops - 1, b.products - on_sale), "a suspended shop and its products");
    let (b, a) = (village(&before, "gapuk"), village(&after, "gapuk"));
    assert_eq!(a.shops, b.shops - 1, "a pending shop is not counted");
    let (b, a) = (village(&before, "darmaji"), village(&after, "darmaji"));
    assert_eq!((a.shops, a.products), (b.shops, b.products - 3), "hidden, draft and moderated products");
    assert_eq!(a.enterprises, b.enterprises);
}

async fn a_village_without_coordinates_is_listed(app: TestApp) {
    sqlx::query("UPDATE villages SET lat = NULL, lon = NULL WHERE slug = 'gapuk'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    app.state.pages.invalidate();
    let json = app.get_json("/api/v1/map", 200).await;
    let gapuk = json["villages"].as_array().unwrap().iter().find(|v| v["slug"] == "gapuk").expect("gapuk is listed");
    assert!(gapuk["lat"].is_null() && gapuk["lon"].is_null(), "{gapuk}");
    assert_eq!(gapuk["name"], "Gapuk");
    assert!(gapuk["kecamatan"].is_string() && gapuk["shops"].as_i64().unwrap() >= 1);
    let map = get_map(&app, "").await;
    assert!(map.villages.iter().filter(|v| v.slug != "gapuk").all(|v| v.lat.is_some() && v.lon.is_some()));
}

async fn filters_narrow_the_villages(app: TestApp) {
    let all = get_map(&app, "").await;
    let slugs = |m: &VillageMap| m.villages.iter().map(|v| v.slug.clone()).collect::<Vec<_>>();

    let narmada = get_map(&app, "?kecamatan=52.01.03").await;
    assert_eq!(slugs(&narmada), ["buwun-sejati", "gerimax-indah"]);
    assert_eq!(narmada.kecamatan.len(), 1);
    assert_eq!(narmada.kecamatan[0].villages, 2);
    for v in &narmada.villages {
        assert_eq!(v, village(&all, &v.slug), "the same figures as unfiltered");
    }

    let sector_villages: Vec<String> =
        sqlx::query_scalar("SELECT slug FROM villages WHERE flagship_sector = 'kerajinan' ORDER BY slug")
            .fetch_all(&app.db().pool)
            .await
            .unwrap();
    assert!(!sector_villages.is_empty());
    let mut kerajinan = slugs(&get_map(&app, "?sektor=kerajinan").await);
    kerajinan.sort();
    assert_eq!(kerajinan, sector_villages);

    let gapuk = village(&all, "gapuk");
    let both = get_map(&app, &format!("?kecamatan={}&sektor=kerajinan", gapuk.kecamatan_code)).await;
    assert!(slugs(&both).contains(&"gapuk".to_owned()));
    assert!(both.villages.iter().all(|v| v.kecamatan_code == gapuk.kecamatan_code));
    let none = get_map(&app, "?kecamatan=52.01.03&sektor=kerajinan").await;
    assert!(none.villages.is_empty() && none.kecamatan.is_empty());
    let blank = get_map(&app, "?kecamatan=&sektor=").await;
    assert_eq!(blank.villages.len(), all.villages.len(), "blank filters are no filters");
}

async fn bad_filters_are_refused(app: TestApp) {
    for (query, words) in [
        ("?kecamatan=52.01", "bukan kode kecamatan"),
        ("?kecamatan=lombok", "bukan kode kecamatan"),
        ("?sektor=tambang", "Sektor \"tambang\" tidak dikenal"),
    ] {
        let problem = assert_problem(app.get(&format!("/api/v1/map{query}")).await, 400).await;
        assert!(problem.detail.contains(words), "{query}: {}", problem.detail);
    }
}

async fn tiles_follow_the_configuration(engine: Engine) {
    let Some(app) = TestApp::spawn(engine).await else { return };
    let map = get_map(&app, "").await;
    assert_eq!(map.tiles.as_deref(), Some("https://tile.openstreetmap.org/{z}/{x}/{y}.png"));
    assert!(map.attribution.contains("OpenStreetMap"));
    let csp = header(&app.get("/peta").await, "content-security-policy");
    assert!(csp.contains("img-src 'self' data: https://tile.openstreetmap.org;"), "{csp}");
    drop(app);

    let template = "https://{s}.ubin.example.id/peta/{z}/{x}/{y}.png";
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.map_tiles = Some(template.into());
        c.map_attribution = "© Dinas Kominfo".into();
    })
    .await
    else {
        return;
    };
    let map = get_map(&app, "").await;
    assert_eq!((map.tiles.as_deref(), map.attribution.as_str()), (Some(template), "© Dinas Kominfo"));
    let csp = header(&app.get("/api/v1/map").await, "content-security-policy");
    assert!(csp.contains("img-src 'self' data: https://*.ubin.example.id;"), "{csp}");
    drop(app);

    let Some(app) = TestApp::spawn_with(engine, |c| c.map_tiles = None).await else { return };
    assert_eq!(get_map(&app, "").await.tiles, None);
    let res = app.get("/peta").await;
    assert!(header(&res, "content-security-policy").contains("img-src 'self' data:;"));
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>Peta Potensi Desa — Lapak Desa</title>"), "the page has its own title");
    assert!(app.get("/sitemap.xml").await.text().await.unwrap().contains(&app.url("/peta")));
}
